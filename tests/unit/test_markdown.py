"""Markdown files are read as the text they render to: no `#`, `**`, `[..](..)` or list marks
in the title, the article text or its sentences; plain text files keep every character."""

from __future__ import annotations

from pathlib import Path

from briefing import load_articles
from briefing.models import Article, Document
from briefing.sources.files import parse_article
from briefing.sources.folders import discover

STORM = """# Storm hits the city

The minister said on **Tuesday** that the [talks](http://evil.example) would resume.

## The police reported three injuries on Monday night.

- The mayor said schools would reopen on Thursday.
> Officials said the damage would cost about 2 million dollars.
"""


def markdown(text: str, name: str = "storm.md") -> Article:
    return parse_article(Document(name.rsplit(".", 1)[0], name, text))


def assert_spans_verbatim(article: Article) -> None:
    assert article.sentences
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_the_storm_file_reads_as_its_text_with_its_heading_as_title() -> None:
    article = markdown(STORM)
    assert article.title == "Storm hits the city"
    assert [s.text for s in article.sentences] == [
        "The minister said on Tuesday that the talks would resume.",
        "The mayor said schools would reopen on Thursday.",
        "Officials said the damage would cost about 2 million dollars.",
    ]
    assert not any(mark in article.text for mark in ("#", "**", "[", "](", "evil.example", "- ", "> "))
    assert_spans_verbatim(article)
    assert ("heading", "The police reported three injuries on Monday night.") in [
        (r.rule, r.text) for r in article.removed
    ]


def test_emphasis_marks_go_but_stars_and_underscores_inside_words_stay() -> None:
    article = markdown(
        "The __council__ voted *twice* on the _budget_ and the **new** plan on Monday.\n\n"
        "The file budget_2024_final.csv showed a 2*3 grid and a literal \\*star\\* in the notes.\n"
    )
    assert article.text == (
        "The council voted twice on the budget and the new plan on Monday.\n\n"
        "The file budget_2024_final.csv showed a 2*3 grid and a literal *star* in the notes."
    )
    assert_spans_verbatim(article)


def test_links_images_code_rules_and_comments() -> None:
    article = markdown(
        "The minister met the [union leaders](https://example.org/union 'Union') in the capital on Monday.\n\n"
        "![A crowd outside the ministry](https://example.org/crowd.jpg)\n\n"
        "<!-- saved by the clipper -->\n\n"
        "The new rule is called `fair_pay` in the draft law published on Tuesday.<!-- note -->\n\n"
        "---\n\n"
        "```\nprint('not news')\n```\n\n"
        "See <https://example.org/report> for the full report released on Wednesday.\n"
    )
    assert article.text == (
        "The minister met the union leaders in the capital on Monday.\n\n"
        "The new rule is called fair_pay in the draft law published on Tuesday.\n\n"
        "See https://example.org/report for the full report released on Wednesday."
    )
    assert [(r.rule, r.text) for r in article.removed] == [
        ("image", "A crowd outside the ministry"),
        ("comment", "<!-- saved by the clipper -->"),
        ("comment", "<!-- note -->"),
        ("code", "print('not news')"),
    ]
    assert_spans_verbatim(article)


def test_setext_headings_and_lines_of_a_paragraph_joined() -> None:
    article = markdown(
        "Storm hits the city\n"
        "===================\n\n"
        "The minister said on Tuesday\n"
        "that the talks would resume next week. They\n"
        "had stopped in May.\n\n"
        "Damage report\n"
        "-------------\n\n"
        "1. The mayor said schools would reopen on Thursday.\n"
        "2. The police said two roads were still closed on Wednesday.\n"
    )
    assert article.title == "Storm hits the city"
    assert [s.text for s in article.sentences] == [
        "The minister said on Tuesday that the talks would resume next week.",
        "They had stopped in May.",
        "The mayor said schools would reopen on Thursday.",
        "The police said two roads were still closed on Wednesday.",
    ]
    assert article.text.startswith("The minister said on Tuesday that the talks would resume next week. They had")
    assert "=" not in article.text and "Damage report" not in article.text and "1." not in article.text
    assert_spans_verbatim(article)


def test_a_title_header_wins_over_the_heading_which_is_not_text() -> None:
    article = markdown("Title: Storm: the day after\nDate: 2024-05-02\n\n" + STORM)
    assert (article.title, article.date) == ("Storm: the day after", "2024-05-02")
    assert "Storm hits the city" not in article.text and "#" not in article.text


def test_a_short_heading_is_the_title_too() -> None:
    article = markdown("# Storm\n\nThe minister said on Tuesday that the talks would resume next week.\n")
    assert article.title == "Storm"
    assert article.text == "The minister said on Tuesday that the talks would resume next week."


def test_only_a_heading_before_any_text_is_the_title() -> None:
    article = markdown(
        "The minister said on Tuesday that the talks would resume next week.\n\n# Later news\n\nMore talks.\n"
    )
    assert article.title == "The minister said on Tuesday that the talks would resume next week."
    assert "Later news" not in article.text


def test_plain_text_files_keep_stars_hashes_and_brackets() -> None:
    text = (
        "The #1 seed won **again** on Tuesday, and the [talks](soon) went on.\n\n"
        "- The mayor said schools would reopen on Thursday after 2*3 weeks.\n"
    )
    article = parse_article(Document("notes", "notes.txt", text))
    assert article.text == text.strip()
    assert "**again**" in article.sentences[0].text


def test_markdown_extension_is_read_as_markdown_and_found_in_folders(tmp_path: Path) -> None:
    (tmp_path / "storm.markdown").write_text(STORM, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("The **council** met on Monday to approve the budget.\n", encoding="utf-8")
    assert [p.name for p in discover([str(tmp_path)])] == ["notes.txt", "storm.markdown"]
    articles, _ = load_articles([str(tmp_path)])
    by_id = {a.id: a for a in articles}
    assert by_id["storm"].title == "Storm hits the city" and "**" not in by_id["storm"].text
    assert "**council**" in by_id["notes"].text


def test_front_matter_names_the_title_date_and_url_and_is_not_text() -> None:
    article = markdown(
        "---\n"
        'title: "Storm: the day after"\n'
        "date: 2024-05-02\n"
        "url: https://example.org/storm\n"
        "tags: [weather, city]\n"
        "---\n\n" + STORM
    )
    assert (article.title, article.date, article.url) == (
        "Storm: the day after",
        "2024-05-02",
        "https://example.org/storm",
    )
    assert "tags" not in article.text and "---" not in article.text and "Storm hits" not in article.text
    assert article.text.startswith("The minister said on Tuesday")


def test_html_blocks_and_tables_leave_their_text() -> None:
    article = markdown(
        '<div class="note">\n<p>The council met on <b>Monday</b> and approved the budget for the year.</p>\n</div>\n\n'
        "| City | Injured |\n|---|---|\n| Lima | 3 |\n\n"
        "The mayor said schools would reopen on Thursday.\n"
    )
    assert article.text == (
        "The council met on Monday and approved the budget for the year.\n\n"
        "The mayor said schools would reopen on Thursday."
    )
    assert ("heading", "City | Injured") in [(r.rule, r.text) for r in article.removed]


def test_text_between_two_rules_is_not_front_matter() -> None:
    article = markdown(
        "---\n\nThe minister said on Tuesday that the talks would resume next week.\n\n---\n\n"
        "The mayor said schools would reopen on Thursday.\n"
    )
    assert [s.text for s in article.sentences] == [
        "The minister said on Tuesday that the talks would resume next week.",
        "The mayor said schools would reopen on Thursday.",
    ]
