"""The readers meet any bytes, any declared charset and any JSON shape: each file or download
is documents or one NotReadable with its reason, never an exception that costs the run
(issue 31, class 3). Examples from the hostile run, and Hypothesis for the rest."""

from __future__ import annotations

import encodings.aliases
from pathlib import Path

import pytest
from builders import TRIO
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.sources.documents import NotReadable, decode, read_document
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
