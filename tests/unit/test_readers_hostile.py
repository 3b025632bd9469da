"""The readers meet any bytes, any declared charset and any JSON shape: each file or download
is documents or one NotReadable with its reason, never an exception that costs the run, and a
bad item of a feed costs that item only (issue 31, classes 3 and 6). Examples from the hostile
run, and Hypothesis for the rest."""

from __future__ import annotations

import encodings.aliases
import json
from pathlib import Path

import pytest
from builders import TRIO
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.sources.documents import NotReadable, decode, read_document
from briefing.sources.feeds import repaired
from briefing.sources.files import load_articles

LONG = " ".join(TRIO["b_courier"].split("\n\n", 1)[1].split())
# Every codec name Python knows, bytes-to-bytes ones (base64, rot13, zlib...) among them.
CODECS = sorted({*encodings.aliases.aliases, *encodings.aliases.aliases.values(), "undefined", "x-nonsense"})


@pytest.mark.parametrize("charset", ["base64", "rot13", "hex", "zlib", "undefined", "uu", "bz2", "quopri"])
def test_a_page_declaring_a_charset_that_makes_no_text_is_one_skip_line(tmp_path: Path, charset: str) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for id, text in TRIO.items():
        (folder / f"{id}.txt").write_text(text, encoding="utf-8")
    page = f'<html><head><meta charset="{charset}"><title>T</title></head><body><p>{LONG}</p><p>caf\xe9</p>'
    (folder / "page.html").write_bytes(page.encode("latin-1"))
    articles, problems = load_articles([str(folder)])
    assert len(articles) == 3
    [problem] = problems
    assert problem.path.endswith("page.html") and problem.reason.startswith("bad encoding")


@settings(max_examples=400, deadline=None)
@given(data=st.binary(max_size=300), charset=st.one_of(st.sampled_from(CODECS), st.text(max_size=12)))
def test_any_bytes_with_any_declared_charset_are_text_or_not_readable(data: bytes, charset: str) -> None:
    try:
        assert isinstance(decode(data, charset), str)
    except NotReadable as error:
        assert str(error).startswith("bad encoding")


@settings(max_examples=300, deadline=None)  # extraction loads trafilatura on first use
@given(charset=st.sampled_from(CODECS), body=st.binary(max_size=200))
def test_any_meta_charset_in_a_saved_page_is_documents_or_not_readable(charset: str, body: bytes) -> None:
    page = b'<html><head><meta charset="' + charset.encode() + b'"></head><body><p>' + body + b"\xe9</p></body></html>"
    try:
        documents = read_document(page, "page.html", "page")
    except NotReadable:
        return
    assert all(isinstance(document.text, str) for document in documents)


JSON_FEED = "https://jsonfeed.org/version/1.1"
GOOD_ITEM = {"id": "2", "url": "https://gazette.example/2", "title": "Ferry Free", "content_text": LONG}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("content_html", 42),
        ("title", 7),
        ("summary", 1.5),
        ("content_html", ["<p>a</p>"]),
        ("date_published", 20240101),
        ("authors", "Ana Ruiz"),
        ("author", ["Ana"]),
        ("tags", 3),
        ("url", {"href": "x"}),
        ("attachments", "file.mp3"),
    ],
)
def test_a_json_feed_field_of_the_wrong_type_is_left_out_and_every_item_read(field: str, value: object) -> None:
    bad = {"id": "1", "url": "https://gazette.example/1", "title": "Bridge Shut", "content_text": LONG, field: value}
    feed = {"version": JSON_FEED, "title": "Gazette", "items": [bad, GOOD_ITEM, 5, "item", None]}
    documents = read_document(json.dumps(feed).encode(), "feed.json", "feed")
    assert [d.url for d in documents] == [bad["url"] if field != "url" else None, GOOD_ITEM["url"]]
    assert all(isinstance(d.text, str) and d.text for d in documents)


def test_a_json_feed_nested_past_what_json_reads_is_not_readable() -> None:
    with pytest.raises(NotReadable, match="nested too deeply"):
        read_document(b'{"version": "https://jsonfeed.org/version/1", "items": ' + b"[" * 100_000, "f.json", "f")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
FIELDS = st.sampled_from(
    [
        "id",
        "url",
        "external_url",
        "title",
        "content_html",
        "content_text",
        "summary",
        "date_published",
        "date_modified",
        "author",
        "authors",
        "tags",
        "attachments",
        "image",
        "language",
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    items=st.lists(st.one_of(JSON, st.dictionaries(FIELDS, JSON, max_size=8)), max_size=5),
    top=st.dictionaries(st.sampled_from(["title", "home_page_url", "authors", "author", "icon"]), JSON, max_size=3),
)
def test_any_json_feed_shape_is_documents_or_not_readable(items: list[object], top: dict[str, object]) -> None:
    feed = {"version": JSON_FEED, **top, "items": items}
    try:
        documents = read_document(json.dumps(feed).encode(), "feed.json", "feed")
    except NotReadable:
        return
    assert all(isinstance(d.text, str) and isinstance(d.title, str | None) for d in documents)


def _rss(*bodies: bytes) -> bytes:
    items = b"".join(
        b"<item><title>Entry %d</title><link>https://gazette.example/%d</link>"
        b"<description><![CDATA[<p>%s</p>]]></description></item>" % (number, number, body)
        for number, body in enumerate(bodies)
    )
    return (
        b"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>G</title>"
        + items
        + b"</channel></rss>"
    )


@pytest.mark.parametrize(
    ("bodies", "kind"),
    [
        ((b"A vertical tab \x0b in the first entry.", b"The second entry."), "rss"),
        ((b"The first.", b"A NUL \x00 in the middle.", b"The third."), "rss"),
        ((b"An escape \x1b[2J\x1b]0;title\x07 in the first.", b"The second.", b"The third."), "atom"),
        ((b"A reference &#x1b; &#27; &#8; to controls.", b"The second."), "rss"),
    ],
)
def test_control_bytes_xml_forbids_cost_no_entry(bodies: tuple[bytes, ...], kind: str) -> None:
    if kind == "rss":
        data = _rss(*bodies)
    else:
        entries = b"".join(
            b'<entry><title>Entry %d</title><link href="https://gazette.example/%d"/><content>%s</content></entry>'
            % (number, number, body)
            for number, body in enumerate(bodies)
        )
        data = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>G</title>' + entries + b"</feed>"
    documents = read_document(data, "feed.xml", "feed")
    assert [d.title for d in documents] == [f"Entry {n}" for n in range(len(bodies))]
    for document, body in zip(documents, bodies):
        assert document.text.endswith(body.decode().rsplit(" ", 1)[-1])  # read to its end
        assert "[2J" not in document.text and "\x1b" not in document.text


def test_the_repair_leaves_a_utf16_feed_alone() -> None:
    data = _rss(b"The first.", b"The second.").decode().replace("utf-8", "utf-16").encode("utf-16")
    assert repaired(data) == data  # its NUL bytes are half of every character
