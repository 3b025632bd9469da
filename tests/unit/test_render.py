"""What the digest's header counts, and what it lists under Sources."""

from __future__ import annotations

import json
from dataclasses import replace

from builders import article

from briefing import render, summarize
from briefing.config import Config
from briefing.models import Article, Briefing

TOP_STORY = replace(Config(), summary=replace(Config().summary, sentences=3), stories=replace(Config().stories, max=1))


def top_story_of(trio: tuple[Article, ...]) -> Briefing:
    """The trio and a weather report, a story of its own left out by showing only the top
    story, 3 items long."""
    aside = article(
        "d_weather",
        "Title: Sunny Week Ahead\n\nForecasters expect a dry and sunny week across the region with light winds.",
    )
    return summarize((*trio, aside), TOP_STORY)


def test_sources_list_the_quoted_articles_and_count_the_rest(trio: tuple[Article, ...]) -> None:
    briefing = top_story_of(trio)
    assert all("d_weather" not in item.article_ids for item in briefing.items)
    text, markdown = render(briefing, "text"), render(briefing, "markdown")
    for output in (text, markdown):
        assert "a_gazette" in output and "d_weather" not in output
        assert "and 1 other article, not quoted above" in output
    assert "[4]" not in text
    assert "d_weather" in [a["id"] for a in json.loads(render(briefing, "json"))["articles"]]


def test_sources_are_numbered_without_gaps_in_every_format(trio: tuple[Article, ...]) -> None:
    """A new user saw [1] [2] [3] [6] under a day's briefing: the articles of a shown story
    that no item quotes took numbers too. Only quoted articles are numbered, 1, 2, 3, ...,
    and the items, the Sources list, Markdown and the JSON's `number` agree."""
    whole = summarize(trio, Config())
    ferry, mayor = (next(i for i in whole.items if i.article_ids == (a,)) for a in ("c_herald", "a_gazette"))
    briefing = replace(whole, items=(ferry, mayor))  # b_courier, the second article, quoted by neither
    text = render(briefing, "text")
    assert "the bridge reopens. [2]\n" in text and "without new\n   taxes. [1]\n" in text
    assert "\n[1] River Gazette, " in text and "\n[2] Evening Herald, " in text and "[3]" not in text
    assert "and 1 other article, not quoted above" in text
    markdown = render(briefing, "markdown")
    assert "reopens. \\[2\\]\n" in markdown and "- \\[2\\] Evening Herald" in markdown and "\\[3\\]" not in markdown
    numbered = {a["id"]: a["number"] for a in json.loads(render(briefing, "json"))["articles"]}
    assert numbered == {"a_gazette": 1, "b_courier": None, "c_herald": 2}


def test_the_header_says_what_was_read_apart_from_what_is_shown(trio: tuple[Article, ...]) -> None:
    """A new user read "4 articles, 11 sentences, 3 in this briefing" as what the briefing
    holds: the header says "Read" for what was read and "shown" for what the digest holds."""
    briefing = top_story_of(trio)
    text = render(briefing, "text")
    shown = sum(line.split(" ")[0][:-1].isdigit() for line in text.splitlines()[3:])  # the numbered items ("1.")
    assert (shown, briefing.story_count) == (3, 2)
    header = (
        f"Read 4 articles in 2 stories; shown 1 story with 3 items, picked from {briefing.sentence_count} sentences"
    )
    assert f"\n{header} (lexrank)\n" in text
    assert f"\n*{header} (lexrank)*\n" in render(briefing, "markdown")
    data = json.loads(render(briefing, "json"))
    assert (data["story_count"], data["sentence_count"], len(data["articles"])) == (2, briefing.sentence_count, 4)
    one = render(summarize(trio, replace(TOP_STORY, stories=replace(TOP_STORY.stories, max=0))), "text")
    assert one.splitlines()[2] == "Read 3 articles; shown 3 items, picked from 11 sentences (lexrank)"


def test_the_header_gives_the_dates_of_the_news_it_shows(trio: tuple[Article, ...]) -> None:
    """The 100 real feeds' briefing said "articles of 2008-05-22 to 2026-02-18": a blog's
    archive entry, in no story shown, stretched the day over 18 years. The header gives the
    dates of the articles the briefing quotes; the JSON keeps every article's span beside them."""
    archive = article(
        "d_archive",
        "Title: Sunny Week Ahead\nDate: 2008-05-22\n\n"
        "Forecasters expect a dry and sunny week across the region with light winds.",
    )
    briefing = replace(summarize((*trio, archive), TOP_STORY), date="2024-04-05")
    assert all("d_archive" not in item.article_ids for item in briefing.items)
    for format in ("text", "markdown"):
        assert "(articles of 2024-04-02 to 2024-04-03)\n" in render(briefing, format)  # type: ignore[arg-type]
    data = json.loads(render(briefing, "json"))
    assert data["news_dates"] == ["2008-05-22", "2024-04-03"]
    assert data["quoted_dates"] == ["2024-04-02", "2024-04-03"]


def test_a_briefing_with_nothing_to_report_lists_no_sources() -> None:
    listing = article(
        "a_list", "Title: Opening Hours\n\nMonday to Friday from nine to five\n\nSaturday from ten to two"
    )
    briefing = summarize((listing,), Config())
    assert not briefing.items
    for output in (render(briefing, "text"), render(briefing, "markdown")):
        assert output.rstrip().endswith("Nothing to report: no article had a sentence worth a briefing.")
        assert "Sources" not in output and "not quoted above" not in output


def test_sources_give_each_quoted_articles_address_and_only_a_safe_one(trio: tuple[Article, ...]) -> None:
    """Text lists an article's address under it; Markdown links its title there. The address
    is the article's (untrusted): only http(s), never a control character, and no title or
    address can add a link or markup of its own."""
    from markdown_it import MarkdownIt

    from briefing.output.wrap import rewrap

    urls = {
        "a_gazette": "https://gazette.example/bridge?utm_source=feed&id=7&utm_medium=rss&copy;=1",
        "b_courier": "javascript:alert(1)",
        "c_herald": "https://herald.example/x\x1b]8;;https://evil.example\x07",
    }
    titles = {"a_gazette": "Cracks](https://evil.example) <b>Shut</b> [x", "b_courier": "B", "c_herald": "C"}
    articles = tuple(replace(a, url=urls[a.id], title=titles[a.id]) for a in trio)
    briefing = summarize(articles, Config())
    assert {a for item in briefing.items for a in item.article_ids} == set(urls)  # all three quoted
    text, markdown = render(briefing, "text"), render(briefing, "markdown")
    address = "https://gazette.example/bridge?id=7&copy;=1"  # no utm_ parameters: they only track the reader
    assert f"    {address}" in text.splitlines()
    assert f"    {address}" in rewrap(text, 40).splitlines()  # the history screen never wraps it
    for output in (text, markdown):
        assert "javascript" not in output and "herald.example" not in output and "evil.example/" not in output
    html = MarkdownIt().render(markdown)
    assert html.count("<a ") == 1
    assert (
        f'<a href="{address.replace("&", "&amp;")}"><em>Cracks](https://evil.example) &lt;b&gt;Shut&lt;/b&gt; [x</em></a>'
        in html
    )
    # An address no feed could mean is still safe: < > and spaces are percent-encoded.
    odd = replace(articles[0], url="https://gazette.example/a>b) <c>")
    html = MarkdownIt().render(render(summarize((odd, *articles[1:]), Config()), "markdown"))
    assert '<a href="https://gazette.example/a%3Eb)%20%3Cc%3E">' in html and html.count("<a ") == 1


def test_a_source_begins_with_its_outlet_and_headline_and_a_file_ends_it(trio: tuple[Article, ...]) -> None:
    """A new user read '[1] 08f1ee71883dbcde/iran-has-not-agreed-to-all-trumps-red-lines-jd-v: NDTV,
    ...' where the outlet and headline were expected: the id is the program's, not the reader's.
    A source gives its outlet, headline and date, then where to read it: its address on a line
    of its own, or the file it was read from, whose path no wrap breaks (copied, it opens)."""
    from briefing.output.wrap import rewrap

    path = "/tmp/pytest-of-root/pytest-1234/test-a-source-begins-with-its0/news/b-courier-long-name.txt"
    urls = {"a_gazette": "https://gazette.example/bridge", "b_courier": None, "c_herald": "https://herald.example/f"}
    articles = tuple(
        replace(a, url=urls[a.id], path=path if a.id == "b_courier" else a.path, id=f"feed0123/{a.id}-slug")
        for a in trio
    )
    text, markdown = (render(summarize(articles, Config()), format) for format in ("text", "markdown"))
    assert "slug" not in text and "slug" not in markdown
    lines = text.splitlines()
    sources = lines[lines.index("Sources") + 1 :]
    assert sources[:2] == [
        '[1] River Gazette, "Harbour Bridge Shut After Cracks Found", 2024-04-02',
        "    https://gazette.example/bridge",
    ]
    assert sources[2] == '[2] Daily Courier, "Cracks Close Harbour Bridge", 2024-04-02'
    assert sources[3] == f"    ({path})"  # longer than a line: alone, whole
    assert f"({path})" in rewrap(text, 60)
    assert (
        "- \\[1\\] River Gazette, [*Harbour Bridge Shut After Cracks Found*](<https://gazette.example/bridge>), 2024-04-02\n"
        in markdown
    )
    assert f"- \\[2\\] Daily Courier, *Cracks Close Harbour Bridge*, 2024-04-02 (`{path}`)\n" in markdown


def test_a_sources_date_and_file_never_stand_alone_on_a_line(trio: tuple[Article, ...]) -> None:
    """A new user saw '2026-02-17' alone on a line under 12 of the 36 sources of the 100 real
    feeds (the headline filled the line) and a seed's '(seeds/001_c955dd54978403ac.txt)' alone
    under one source but beside the date of the next: the date wraps with the headline's last
    word, and a file, like an address, has a line of its own, in the digest and when the
    history screen wraps it again."""
    from briefing.output.wrap import rewrap

    title = "'Agreed On Guiding Principles For Deal': Iran On US Nuclear Talks"  # fills the line
    made = (
        replace(trio[0], source="NDTV", title=title, date="2026-02-17", url="https://ndtv.example/a"),
        replace(trio[1], title="Bridge", date="2024-04-02", url=None, path="news/b.txt"),
        trio[2],
    )
    text = render(summarize(made, Config()), "text")
    for lines in (text.splitlines(), rewrap(text, 78).splitlines()):
        sources = lines[lines.index("Sources") + 1 :]
        ndtv = next(n for n, line in enumerate(sources) if "NDTV" in line)
        assert sources[ndtv + 1 : ndtv + 3] == ['    Talks", 2026-02-17', "    https://ndtv.example/a"], sources
        bridge = next(n for n, line in enumerate(sources) if '"Bridge"' in line)
        assert sources[bridge].endswith('"Bridge", 2024-04-02'), sources
        assert sources[bridge + 1] == "    (news/b.txt)", sources


def test_where_else_an_article_ran_stays_apart_from_its_address_and_is_safe(trio: tuple[Article, ...]) -> None:
    """A copy's outlet is untrusted like any name: no markup of its own; in a text digest its
    line stays apart from the address above it when the history screen wraps it again."""
    from markdown_it import MarkdownIt

    from briefing.models import Copy
    from briefing.output.wrap import rewrap

    articles = tuple(replace(a, url=f"https://{a.id}.example/story") for a in trio)
    made = summarize(articles, Config())
    wire = replace(articles[0], id="d_wire", source="Wire [x](https://evil.example)", url="javascript:alert(1)")
    copy = Copy(wire, "a_gazette")
    briefing = replace(made, copies=(copy,), stories=())
    text, markdown = render(briefing, "text"), render(briefing, "markdown")
    lines = rewrap(text, 40).splitlines()
    assert "    https://a_gazette.example/story" in lines
    assert lines[lines.index("    https://a_gazette.example/story") + 1].startswith(
        "    also carried word for word by: Wire"
    )
    html = MarkdownIt().render(markdown)
    assert "Wire [x](https://evil.example)" in html and "javascript" not in html and 'href="https://evil' not in html
    assert json.loads(render(briefing, "json"))["articles"][-1]["copy_of"] == "a_gazette"


def test_a_section_title_never_leaves_its_closing_marks_alone(trio: tuple[Article, ...]) -> None:
    """A new user saw '== Trump told Netanyahu ... sources say' and then '   ==' alone on the
    next line: the closing marks wrap with the title's last word, in the digest and when the
    history screen wraps it again at its own width."""
    import textwrap

    from briefing.output.wrap import WIDTH, rewrap

    made = summarize((*trio, *top_story_of(trio).articles[-1:]), Config())
    title = "Trump told Netanyahu he would back Israeli strikes on Iran now, sources say"  # 75 characters
    assert textwrap.wrap(f"== {title} ==", WIDTH)[-1] == "==", "the title no longer makes the case"
    first = made.stories[0]
    briefing = replace(made, stories=(replace(first, title=title), *made.stories[1:]))
    for lines in (render(briefing, "text").splitlines(), rewrap(render(briefing, "text"), 50).splitlines()):
        heading = lines.index(next(line for line in lines if line.startswith("== Trump")))
        closing = next(line for line in lines[heading:] if line.endswith("=="))
        assert closing.strip() != "==" and closing.endswith(" say =="), lines[heading : heading + 3]
        assert all(len(line) <= WIDTH for line in lines[heading : lines.index(closing) + 1])


def test_one_story_picked_out_of_several_keeps_its_title(trio: tuple[Article, ...]) -> None:
    """A new user's `--topic Iran --stories 1` on a day of 2539 stories printed eight items under
    no title: which story they were, and how many outlets report it, was said nowhere. A story
    picked out of several keeps its heading and counts; a day of one story has none, as before."""
    from builders import CHESS, STRIKE

    from briefing.config import StoriesConfig

    day = (*trio, *(article(id, text) for id, text in {**CHESS, **STRIKE}.items()))
    one = replace(Config(), stories=replace(StoriesConfig(), max=1))
    briefing = summarize(day, one)
    assert len(briefing.stories) == 1 and briefing.story_count > 1
    title = briefing.stories[0].title
    text, markdown = render(briefing, "text"), render(briefing, "markdown")
    assert f"== {title} ==" in text.splitlines() and "3 articles, 3 sources" in text.splitlines()
    assert f"## {title}" in markdown.splitlines()
    assert "==" not in render(summarize(trio, one), "text")


def test_a_header_line_longer_than_the_screen_is_wrapped_again_not_cut() -> None:
    # The s9 trial: a past briefing's note on teasers ended "('briefing fetch --v" at 120 columns.
    from briefing.output.wrap import rewrap

    note = (
        "38 of the 46 articles quoted are only a feed's headline and teaser: their pages failed to download "
        "('briefing fetch --verbose' says why)"
    )
    lines = rewrap(f"Briefing for 2026-02-18\n{note}\n\n1. An item.\n", 60).splitlines()
    assert all(len(line) <= 60 for line in lines) and " ".join(lines[1:4]) == note
