"""A briefing as plain text, Markdown or JSON: the same content in three shapes.

Article text and names are data. Every string taken from an article or a file system passes
through `printable` (names through `shown_name`, on one line), so no terminal control sequence
reaches a terminal or a digest file; Markdown escapes its own syntax on top, so no name or
sentence becomes raw HTML or a link; JSON escapes every control character that is left.
"""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

from briefing.models import UNKNOWN_SOURCE, Article, Briefing, BriefingItem, Format, Story
from briefing.output.copies import CARRIED, carried_by, carrier_name, carriers, copies_of
from briefing.output.wrap import GLUE, WIDTH, heading_lines
from briefing.sanitize import escaped_json, printable, shown_name, shown_path
from briefing.urls import shown_url

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!&])")
# An `&` that would start a character reference in a Markdown link's address ("&copy;").
_REFERENCE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def _markers(item: BriefingItem, cited_as: dict[str, int]) -> str:
    return "[" + ",".join(str(n) for n in sorted(cited_as[a] for a in item.article_ids)) + "]"


def differ(item: BriefingItem) -> str:
    """` (sources differ: 60, 65, 162 dead)` when the item's articles give different figures."""
    if not item.disagreement:
        return ""
    values = ", ".join(figure.value for figure in item.disagreement)
    return f" (sources differ: {values} {item.disagreement[0].unit})"


def all_new(briefing: Briefing) -> bool:
    """A briefing of one story whose every item is new: its counts say "all new" once. The
    seeds read after any other briefing put "(new)" before each of their 8 items."""
    return len(briefing.stories) < 2 and bool(briefing.items) and all(item.mark == "new" for item in briefing.items)


def shown_mark(item: BriefingItem, story: Story | None, briefing: Briefing) -> str | None:
    """The item's mark as a reader sees it (new, update, repeat; None before any history): an
    item of a new story is not marked, since the story's line (or, for a day of one story, the
    counts: `all_new`) says it once. Every item of a day's 10 new stories read "(new)" (58 of
    58 on the real feeds after one earlier briefing); the JSON keeps each item's mark."""
    said_once = story.mark == "new" if story is not None else all_new(briefing)
    return None if item.mark == "new" and said_once else item.mark


def numbers(briefing: Briefing) -> dict[str, int]:
    """The number each quoted article is cited by: 1, 2, 3, ... in article order (the shown
    stories' articles first), none skipped. An article of a shown story that no item quotes
    takes no number: numbered, it left gaps in the Sources list ([1] [2] [3] [6])."""
    quoted = {article_id for item in briefing.items for article_id in item.article_ids}
    cited = (article.id for article in briefing.articles if article.id in quoted)
    return {article_id: number for number, article_id in enumerate(cited, start=1)}


def _cited(briefing: Briefing) -> tuple[list[Article], str | None]:
    """The articles the items quote, by number, and a line counting the others.

    A day's briefing reads a hundred articles and quotes a dozen: listing the rest would bury
    the sources a reader came for. The JSON keeps every article.
    """
    cited_as = numbers(briefing)
    cited = [article for article in briefing.articles if article.id in cited_as]
    others = len(briefing.articles) - len(cited)
    if not others:
        return cited, None
    return cited, f"and {others} other article{'s' if others > 1 else ''}, not quoted above"


def plural(count: int, noun: str, nouns: str = "") -> str:
    """`1 article`, `2 articles`; `nouns` for irregular plurals."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def _counts(briefing: Briefing) -> str:
    """What was read, then what is shown: `Read 2795 articles in 2573 stories; shown 10 stories
    with 57 items, picked from 257 sentences (lexrank)`. The two are said apart: a reader took
    "2795 articles, 257 sentences, 10 in this briefing" for what the briefing holds. The
    sentences are those the items were picked from (the stories read sentence by sentence);
    stories are counted only where there are several."""
    stories = briefing.story_count > 1 or briefing.settings.topic
    read = f"Read {plural(len(briefing.articles), 'article')}"
    read += f" in {plural(briefing.story_count, 'story', 'stories')}" if stories else ""
    items = plural(len(briefing.items), "item") + (
        ", all new" if all_new(briefing) and _sections(briefing)[0][0] is None else ""
    )
    if stories:
        topic = f" about “{shown_name(briefing.settings.topic)}”" if briefing.settings.topic else ""
        items = f"{plural(len(briefing.stories), 'story', 'stories')}{topic} with {items}"
    repeats = f", {plural(briefing.repeats_left_out, 'repeat')} left out" if briefing.repeats_left_out else ""
    picked = f"picked from {plural(briefing.sentence_count, 'sentence')}"
    return f"{read}; shown {items}, {picked}{repeats} ({briefing.settings.algorithm})"


TEASER_WHY = "'briefing fetch --verbose' says why"


def teaser_note(briefing: Briefing) -> str:
    """`24 of the 27 articles quoted are only a feed's headline and teaser: ...` ("" when none
    is). A new user's fetch reached the feeds but not their pages, and the briefing of their
    headlines and one-sentence teasers read like one of whole articles."""
    quoted = {article for item in briefing.items for article in item.article_ids}
    count = len(quoted & briefing.teasers)
    if not count:
        return ""
    if count == len(quoted):
        these = "The article quoted is" if count == 1 else f"All {count} articles quoted are"
    else:
        these = f"{count} of the {len(quoted)} articles quoted {'is' if count == 1 else 'are'}"
    pages = "its page" if count == 1 else "their pages"
    return f"{these} only a feed's headline and teaser: {pages} failed to download ({TEASER_WHY})"


def title(briefing: Briefing) -> str:
    """The day the briefing is for, with the span of the dates of the articles it quotes beside
    it (of every article read when it quotes none that is dated): one stale entry of a story not
    shown made the 100 real feeds' day "articles of 2008-05-22 to 2026-02-18".

    The run's date, not an article's: a page's stale or forged date must not pose as today.
    """
    span = briefing.quoted_dates or briefing.news_dates
    if span is None:
        dated = "undated articles"
    else:
        dated = f"articles of {span[0]}" if span[0] == span[1] else f"articles of {span[0]} to {span[1]}"
    return f"Briefing for {briefing.date} ({dated})" if briefing.date else f"Briefing ({dated})"


def _nothing(briefing: Briefing) -> str:
    """Why a briefing has no item: every item repeats earlier briefings, no story is about the
    topic, or no sentence qualified. The articles are blamed only in the last case."""
    repeats = briefing.repeats_left_out
    if repeats == 1:
        return "Nothing new: the only item repeats an earlier briefing."
    if repeats:
        return f"Nothing new: all {repeats} items repeat earlier briefings."
    if briefing.settings.topic and not briefing.stories:
        return f"Nothing to report: no story is about “{shown_name(briefing.settings.topic)}”."
    return "Nothing to report: no article had a sentence worth a briefing."


def _sections(briefing: Briefing) -> list[tuple[Story | None, list[BriefingItem]]]:
    """The items by story, most important story first; one untitled section for a day of one
    story. A story picked out of several (`--stories 1`, a `--topic` one story is about) keeps its
    title: a new user's `--topic Iran --stories 1` named none of the 2539 stories it came from."""
    if len(briefing.stories) < 2 and (briefing.story_count < 2 or not briefing.stories):
        return [(None, list(briefing.items))]
    return [(story, [briefing.items[i] for i in story.items]) for story in briefing.stories]


def _story_line(story: Story) -> str:
    """`10 articles, 3 sources; new story`: how widely the story is reported, if it is new,
    and when its articles held no sentence to quote (feed headlines with short teasers)."""
    line = plural(len(story.articles), "article")
    if story.sources:  # articles that name no outlet do not make one
        line += f", {plural(story.sources, 'source')}"
    if not story.items:
        line += "; headline only: too little text to quote"
    return f"{line}; new story" if story.mark == "new" else line


def _source_lines(article: Article, number: int) -> list[str]:
    """`[1] NDTV, "Iran Has Not Agreed ...", 2026-02-18`: what a reader looks for first (a new
    user saw each line begin with an id), then where to read it on a line of its own: its
    address, or the file it was read from in brackets, whose path no wrap breaks (copied, it
    opens). The date wraps with the headline's last word: a new user saw '2026-02-17' alone on a
    line under 12 of the 36 sources of the 100 real feeds, and a seed's path alone under its date."""
    date = f",{GLUE}{article.date}" if article.date else ""
    head = f'{shown_name(article.source)}, "{shown_name(article.title)}"{date}'
    lines = textwrap.wrap(
        head,
        WIDTH,
        initial_indent=f"[{number}] ",
        subsequent_indent="    ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    url = shown_url(article.url)  # never wrapped: a terminal can open it
    return [*(line.replace(GLUE, " ") for line in lines), f"    {url}" if url else f"    ({shown_path(article.path)})"]


def render_text(briefing: Briefing) -> str:
    """Plain text for a terminal, a mail or a file: wrapped at 78 columns."""
    cited_as = numbers(briefing)
    lines = [
        title(briefing),
        f"Key terms: {shown_name(', '.join(briefing.key_terms)) or 'none'}",
        _counts(briefing),
        *([note] if (note := teaser_note(briefing)) else []),
        "",
    ]
    for story, items in _sections(briefing):
        if story:
            lines += heading_lines(shown_name(story.title), WIDTH)
            lines.append(_story_line(story))
        width = len(str(len(items))) + 2
        for number, item in enumerate(items, start=1):
            mark = f"({shown}) " if (shown := shown_mark(item, story, briefing)) else ""
            text = f"{mark}{printable(item.text)}{printable(differ(item))} {_markers(item, cited_as)}"
            lines += textwrap.wrap(text, WIDTH, initial_indent=f"{number}.".ljust(width), subsequent_indent=" " * width)
        lines += [""] if story else []
    if not briefing.items:  # no item quotes a source: the counts above say what was read
        return "\n".join([*lines, _nothing(briefing)]) + "\n"
    lines += [] if lines[-1] == "" else [""]
    lines += ["Sources"]
    cited, others = _cited(briefing)
    carried = carried_by(briefing)
    for article in cited:
        lines += _source_lines(article, cited_as[article.id])
        if article.id in carried:
            lines += textwrap.wrap(
                CARRIED + carried[article.id], WIDTH, initial_indent="    ", subsequent_indent="    "
            )
    lines += [others] if others else []
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """One line of untrusted text as literal Markdown: no emphasis, link, code or raw HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", shown_name(text))


def _code(text: str) -> str:
    """One line of untrusted text as a Markdown code span: literal, whatever backticks it holds.

    The fence is one backtick longer than the longest run inside, so no content closes it.
    """
    text = shown_name(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _link(text: str, url: str | None) -> str:
    """Markdown `text` as a link to `url` (from `shown_url`), or as it is without one. The
    address goes in <>, which only a <, > or line end could close (shown_url leaves none),
    each `&` that would start a character reference ("&copy;") escaped."""
    return "[" + text + "](<" + _REFERENCE.sub(r"\\&", url) + ">)" if url else text


def render_markdown(briefing: Briefing) -> str:
    """Markdown with the same content as the text digest; article text is escaped."""
    cited_as, note = numbers(briefing), teaser_note(briefing)
    lines = [
        f"# {_md(title(briefing))}",
        "",
        f"**Key terms:** {_md(', '.join(briefing.key_terms)) or 'none'}  ",
        f"*{_counts(briefing)}*" + ("  " if note else ""),
        *([f"*{_md(note)}*"] if note else []),
        "",
    ]
    for story, items in _sections(briefing):
        if story:
            lines += [f"## {_md(story.title)}", "", f"*{_story_line(story)}*", ""]
        for number, item in enumerate(items, start=1):
            mark = f"**{shown}** " if (shown := shown_mark(item, story, briefing)) else ""
            lines.append(f"{number}. {mark}{_md(item.text)}{_md(differ(item))} {_md(_markers(item, cited_as))}")
        lines += [""] if story else []
    if not briefing.items:
        return "\n".join([*lines, _nothing(briefing)]) + "\n"
    lines += [] if lines[-1] == "" else [""]
    lines += ["## Sources", ""]
    cited, others = _cited(briefing)
    copies = copies_of(briefing)
    for article in cited:
        date = f", {article.date}" if article.date else ""
        url = shown_url(article.url)
        headline = _link(f"*{_md(article.title)}*", url)
        file = "" if url else f" ({_code(shown_path(article.path))})"
        # A bullet labelled [n], not "n.": Markdown would number the list itself.
        lines.append(f"- \\[{cited_as[article.id]}\\] {_md(article.source)}, {headline}{date}{file}")
        if carried := carriers(article, copies.get(article.id, [])):
            names = ", ".join(_link(_md(carrier_name(copy)), shown_url(copy.article.url)) for copy in carried)
            lines.append(f"  - {CARRIED}{names}")
    lines += ["", f"*{others}*"] if others else []
    return "\n".join(lines) + "\n"


def listed(briefing: Briefing) -> list[tuple[Article, str | None]]:
    """The articles read, then the copies of them the stories list, each with the id of the
    article it copies (`copy_of` in JSON; None for an article read)."""
    return [(a, None) for a in briefing.articles] + [(copy.article, copy.original) for copy in briefing.copies]


def known_source(article: Article) -> str | None:
    """The article's outlet as JSON gives it: null when none was found, where text says
    "unknown source" (a program reading the JSON would take that for an outlet's name)."""
    return None if article.source == UNKNOWN_SOURCE else article.source


def briefing_dict(briefing: Briefing) -> dict[str, Any]:
    """The JSON contract: items in briefing order with provenance, articles, settings."""
    cited_as = numbers(briefing)
    return {
        "date": briefing.date,
        "news_dates": list(briefing.news_dates) if briefing.news_dates else None,
        "quoted_dates": list(briefing.quoted_dates) if briefing.quoted_dates else None,
        "repeats_left_out": briefing.repeats_left_out,
        "key_terms": [shown_name(t) for t in briefing.key_terms],
        "sentence_count": briefing.sentence_count,
        "items": [
            {
                "text": printable(item.text),
                **({"mark": item.mark} if item.mark else {}),
                "story": shown_name(item.story),
                "support": item.support,
                **(
                    {
                        "disagreement": [
                            {
                                "value": f.value,
                                "unit": shown_name(f.unit),
                                "articles": [shown_name(a) for a in f.articles],
                            }
                            for f in item.disagreement
                        ]
                    }
                    if item.disagreement
                    else {}
                ),
                "score": item.score,
                "sources": [
                    {
                        "article": shown_name(s.article),
                        "sentence": s.sentence,
                        "span": [s.start, s.end],
                        "similarity": s.similarity,
                        **({"same_fact": s.joined} if s.joined else {}),
                        "text": printable(s.text),
                    }
                    for s in item.sources
                ],
            }
            for item in briefing.items
        ],
        "stories": [
            {
                "id": shown_name(story.id),
                "title": shown_name(story.title),
                "articles": [shown_name(a) for a in story.articles],
                "items": list(story.items),
                "score": story.score,
                "key_terms": [shown_name(t) for t in story.key_terms],
                **({"mark": story.mark} if story.mark else {}),
            }
            for story in briefing.stories
        ],
        "story_count": briefing.story_count,
        "articles": [
            {
                "id": shown_name(a.id),
                "number": cited_as.get(a.id),
                "title": shown_name(a.title),
                "source": shown_name(source) if (source := known_source(a)) is not None else None,
                "date": a.date,
                "path": shown_path(a.path),
                "url": shown_name(a.url) if a.url is not None else None,
                **({"copy_of": shown_name(original)} if original is not None else {}),
                **({"teaser": True} if a.id in briefing.teasers else {}),
            }
            for a, original in listed(briefing)
        ],
        "settings": {
            "algorithm": briefing.settings.algorithm,
            "sentences": briefing.settings.sentences,
            "words": briefing.settings.words,
            "bytes": briefing.settings.bytes,
            "threshold": briefing.settings.threshold,
            "stories": briefing.settings.stories,
            "topic": briefing.settings.topic,
        },
    }


def render_json(briefing: Briefing) -> str:
    """The JSON contract as text; no raw control character (C0, DEL, C1) in it, sanitised or not."""
    return json_text(briefing_dict(briefing))


def json_text(data: object) -> str:
    """Indented JSON, readable (not ASCII-only), with every character a terminal or an
    editor would act on escaped."""
    # ensure_ascii=False keeps text readable; json.dumps escapes only C0 controls, the rest
    # is escaped here, not removed: the decoded strings stay exactly what they were.
    return escaped_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def render(briefing: Briefing, format: Format = "text") -> str:
    """The briefing in the named format."""
    return {"text": render_text, "markdown": render_markdown, "json": render_json}[format](briefing)
