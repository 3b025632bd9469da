"""Reading article files: discovery order, decoding, header block, metadata fallbacks."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from builders import article

from briefing import load_articles
from briefing.errors import SourceError
from briefing.output.problems import problem_lines
from briefing.sources.documents import decode
from briefing.sources.folders import NOT_AN_ARTICLE, discover


def test_folder_is_read_in_sorted_order_and_only_articles(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.png", "notes.csv"):
        (tmp_path / name).write_text(
            "The council approved the new budget on Monday after a long debate.", encoding="utf-8"
        )
    assert [p.name for p in discover([str(tmp_path)])] == ["a.md", "b.txt"]


def test_missing_source_and_empty_folder_are_errors(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file or folder"):
        discover([str(tmp_path / "absent")])
    with pytest.raises(SourceError, match=r"no articles"):
        discover([str(tmp_path)])


def test_header_block_is_honoured_and_not_part_of_the_body() -> None:
    item = article(
        "x",
        "Title: Real Title\nSource: Wire\nDate: 5 May 2020\nURL: https://example.org/a\n\nThe council approved the budget on Monday after a long debate among members.",
    )
    assert (item.title, item.source, item.date, item.url) == (
        "Real Title",
        "Wire",
        "2020-05-05",
        "https://example.org/a",
    )
    assert item.text == "The council approved the budget on Monday after a long debate among members."


def test_fallbacks_without_any_metadata() -> None:
    item = article("story", "The council approved the budget on Monday after a long debate among members. It passed.")
    assert item.title == "The council approved the budget on Monday after a long debate among members."
    long = article(
        "long", "The council approved the budget on Monday after a long and bitter debate among its many members."
    )
    assert long.title == "The council approved the budget on Monday after a long and bitter debate among…"
    assert item.source == "unknown source"
    assert item.date is None
    assert item.id == "story"


def test_url_host_is_the_source_fallback() -> None:
    item = article(
        "x",
        "URL: https://news.example.com/a\n\nThe council approved the budget on Monday after a long debate among members.",
    )
    assert item.source == "news.example.com"


def test_an_outlet_named_by_its_address_is_named_by_its_host() -> None:
    body = "The council approved the budget on Monday after a long debate among members."
    assert article("x", f"Source: https://www.news.example.com/\n\n{body}").source == "www.news.example.com"
    assert article("y", f"Source: News Example: https://news.example.com\n\n{body}").source.startswith("News")


def test_decoding_boms_and_legacy_encodings() -> None:
    assert decode(codecs.BOM_UTF8 + "café".encode()) == "café"
    assert decode(codecs.BOM_UTF16_LE + "café".encode("utf-16-le")) == "café"
    assert decode("café “quoted”".encode("cp1252")) == "café “quoted”"


def test_a_long_windows_text_with_one_letter_over_0xc1_is_not_read_as_damaged_utf8() -> None:
    """Few bad bytes in much text looked like UTF-8 with damage: every quote became '�'."""
    text = "The president met Mr. Zelenskí on Monday. " + "The talks went on. " * 40 + "He called it a “crisis”."
    assert decode(text.encode("cp1252")) == text


def test_utf8_with_a_damaged_byte_stays_utf8() -> None:
    text = "The talks in Genève resumed on Monday after a long pause. " * 40
    data = text.encode() + b"\xff"
    assert decode(data) == text + "\ufffd"


def test_a_short_utf8_text_with_two_damaged_bytes_keeps_its_quotes() -> None:
    text = "The mayor opened the “new” bridge on Monday before a crowd in Puxtin. It cost 40 million dollars."
    data = text.encode().replace(b"x", b"\xff\xfe")
    assert decode(data) == text.replace("x", "\ufffd\ufffd")


def test_bytes_no_encoding_reads_are_told(tmp_path: Path) -> None:
    text = (
        "The mayor opened the “new” bridge on Monday before a crowd in Puxtin. It cost 40 million dollars."
        " Traffic on the old crossing fell by half within an hour, the city's roads office said."
    )
    (tmp_path / "bridge.txt").write_bytes(text.encode().replace(b"x", b"\xff\xfe"))
    (tmp_path / "plain.txt").write_text(text.replace("x", "s"), encoding="utf-8")
    articles, problems = load_articles([str(tmp_path)])
    assert len(articles) == 2
    assert problem_lines(problems) == [f"{tmp_path / 'bridge.txt'}: 2 bytes that no encoding reads, shown as �"]


def test_load_articles_spans_match_cleaned_text(trio_folder: Path) -> None:
    articles, problems = load_articles([str(trio_folder)])
    assert problems == []
    assert [a.id for a in articles] == ["a_gazette", "b_courier", "c_herald"]
    for item in articles:
        for sentence in item.sentences:
            assert item.text[sentence.start : sentence.end] == sentence.text


def test_a_pdf_or_word_file_in_a_folder_is_set_aside_with_a_line_not_in_silence(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("The council approved the new budget on Monday after a long debate.\n")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "memo.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.pdf").write_bytes(b"%PDF-1.4\n")  # an editor's or a system's own: passed over
    (tmp_path / "page_files").mkdir()  # a saved page's folder: passed over
    articles, problems = load_articles([str(tmp_path)])
    assert [a.id for a in articles] == ["story"]
    assert problem_lines(problems) == [
        f"{tmp_path / 'memo.docx'}: skipped, a Word document, {NOT_AN_ARTICLE}",
        f"{tmp_path / 'report.pdf'}: skipped, a PDF, {NOT_AN_ARTICLE}",
    ]
    (tmp_path / "story.txt").unlink()
    with pytest.raises(SourceError, match=r"no articles .* memo\.docx, report\.pdf: not an article"):
        load_articles([str(tmp_path)])


def test_explain_lists_every_file_set_aside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.cli.main import main

    text = "The council approved the new budget on Monday after a long debate among its members.\n"
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text)  # a copy: grouped with others on a normal run
    (tmp_path / "c.txt").write_text(text)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n")
    assert main(["digest", str(tmp_path), "--no-store"]) == 0
    quiet = capsys.readouterr().err.splitlines()
    assert f"briefing: {tmp_path / 'report.pdf'}: skipped, a PDF, {NOT_AN_ARTICLE}" in quiet
    # Wire copies are routine: counted only, on the line that counts the other skip.
    assert quiet[-1] == "briefing: skipped 1 of 4 files; 2 more set aside as usual (--explain lists them)"
    assert main(["digest", str(tmp_path), "--no-store", "--explain"]) == 0
    explained = capsys.readouterr().err.splitlines()
    assert f"briefing: {tmp_path / 'report.pdf'}: skipped, a PDF, {NOT_AN_ARTICLE}" in explained
    assert f"briefing: {tmp_path / 'b.txt'}: skipped, same text as {tmp_path / 'a.txt'}" in explained
    assert f"briefing: {tmp_path / 'c.txt'}: skipped, same text as {tmp_path / 'a.txt'}" in explained
