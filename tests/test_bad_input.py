"""Whatever lands in the folder overnight: a clear message, a skipped file, never a traceback."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest
from builders import TRIO, rss, unsafe
from commands import Ran, run_briefing
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import load_articles, render, summarize
from briefing.config import Config
from briefing.models import SAME_TEXT
from briefing.output.problems import problem_lines

BODY = TRIO["a_gazette"].split("\n\n", 1)[1]


def run(*args: str, cwd: Path | None = None) -> Ran:
    return run_briefing(*args, cwd=cwd)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "inbox"
    path.mkdir()
    (path / "good.txt").write_text(BODY, encoding="utf-8")
    return path


def messages(folder: Path) -> list[str]:
    return problem_lines(load_articles([str(folder)])[1], every=True)


def test_missing_path_empty_folder_and_no_articles(tmp_path: Path) -> None:
    assert "no such file or folder" in run("digest", str(tmp_path / "gone")).stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("digest", str(empty))
    assert result.returncode == 1 and "no articles" in result.stderr
    (empty / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    assert "no articles" in run("digest", str(empty)).stderr


def test_unreadable_file_is_skipped(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = folder / "locked.txt"
    bad.write_text(BODY, encoding="utf-8")
    real = os.open

    def open_file(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path).name == "locked.txt":  # what a file without read permission does (root reads any file)
            raise PermissionError(13, "Permission denied")
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", open_file)
    found = messages(folder)
    assert any("locked.txt: skipped, cannot read it (Permission denied)" in m for m in found)


def test_binary_files_are_skipped(folder: Path) -> None:
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "nul.txt").write_bytes(b"\x00" * 500 + b"text")
    (folder / "noise.txt").write_bytes(bytes(range(1, 32)) * 40)  # control bytes, no NUL: decoded, then judged
    found = messages(folder)
    assert any("image.txt: skipped, a PNG image is not text" in m for m in found)
    assert any("nul.txt: skipped, binary data is not text" in m for m in found)
    assert any("noise.txt: skipped, binary data is not text" in m for m in found), "two wordings for one thing"
    result = run("digest", str(folder), "--no-store")
    assert result.returncode == 0 and "briefing: skipped 3 of 4 files" in result.stderr


def test_a_feeds_entries_set_aside_as_usual_say_nothing_unless_asked(folder: Path) -> None:
    """A good morning leaves a cron log empty (the README says so): the 100 real feeds wrote 21
    lines a run of entries set aside (no text, another language, a copy). --explain lists
    them; a file that cannot be read is still said, with them counted."""
    # A feed of headlines: most entries carry a link and no text.
    headlines = [(f"Headline {n}", f"https://gazette.example/{n}", "") for n in range(12)]
    strike = "Nurses at Saint Anne Hospital walked off the job on Tuesday, demanding higher pay and safer staffing."
    (folder / "feed.xml").write_bytes(rss(("Nurses strike", "https://gazette.example/s", strike), *headlines))
    result = run("digest", str(folder), "--no-store")
    assert (result.returncode, result.stderr) == (0, "")
    explained = [
        line for line in run("digest", str(folder), "--no-store", "--explain").stderr.splitlines() if "\t" not in line
    ]
    assert (
        len(explained) == 13 and "(feed/headline-11): skipped, no article text left after cleaning" in explained[11]
    ), explained
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert run("digest", str(folder), "--no-store").stderr.splitlines() == [
        f"briefing: {folder / 'image.txt'}: skipped, a PNG image is not text",
        "briefing: skipped 1 of 15 files and feed entries; 12 more set aside as usual (--explain lists them)",
    ]


def test_a_folders_copies_share_one_line(folder: Path) -> None:
    """Wire copies come every morning: a digest says nothing of them, `read` one line for a
    folder's copies, not one a copy."""
    for number in range(3):
        (folder / f"copy{number}.txt").write_text(BODY, encoding="utf-8")
    assert run("digest", str(folder), "--no-store").stderr == ""
    lines = run("read", str(folder)).stderr.splitlines()
    assert lines == [
        f"briefing: {folder}: 3 files skipped, same text as earlier files",
        "briefing: skipped 3 of 4 files",
    ]
    (folder / "copy1.txt").unlink()
    (folder / "copy2.txt").unlink()
    (line, _) = run("read", str(folder)).stderr.splitlines()
    assert line == f"briefing: {folder / 'good.txt'}: skipped, same text as {folder / 'copy0.txt'}"


def test_encodings(folder: Path) -> None:
    text = "Café owners said the Harbour Bridge closure cost them customers on Monday morning."
    (folder / "bom8.txt").write_bytes(codecs.BOM_UTF8 + text.replace("Monday", "Tuesday").encode())
    (folder / "bom16.txt").write_bytes(codecs.BOM_UTF16_LE + text.replace("Monday", "Friday").encode("utf-16-le"))
    (folder / "cp1252.txt").write_bytes(text.replace("Monday", "Sunday").encode("cp1252"))
    (folder / "broken.txt").write_bytes(
        text.replace("Monday", "Saturday").encode() + b" The Sat\xff\xfeurday market was quiet. " + BODY.encode()
    )
    articles, problems = load_articles([str(folder)])
    texts = {a.id: a.text for a in articles}
    assert texts["bom8"].startswith("Café") and "\ufeff" not in texts["bom8"]
    assert texts["bom16"].startswith("Café")
    assert texts["cp1252"].startswith("Café")
    assert texts["broken"].startswith("Café") and "Sat\ufffd\ufffdurday" in texts["broken"]
    assert texts["cp1252"].startswith("Café")
    # The two bytes no encoding reads are told, once, for their file.
    assert problem_lines(problems) == [f"{folder / 'broken.txt'}: 2 bytes that no encoding reads, shown as �"]


def test_size_limit(folder: Path) -> None:
    (folder / "huge.txt").write_text(BODY * 200, encoding="utf-8")
    config = Config()
    from dataclasses import replace

    small = replace(config, sources=replace(config.sources, max_bytes=10_000))
    assert any(
        "huge.txt: skipped" in m and "max_bytes" in m for m in problem_lines(load_articles([str(folder)], small)[1])
    )


def test_article_that_cleans_to_nothing(folder: Path) -> None:
    (folder / "chrome.txt").write_text("Share this\n\n12\n\nComments are closed.\n", encoding="utf-8")
    assert any("chrome.txt: skipped, no article text left" in m for m in messages(folder))


def test_single_article_and_identical_copies(folder: Path) -> None:
    result = run("digest", str(folder))
    assert result.returncode == 0 and "Read 1 article;" in result.stdout
    for number in range(300):
        (folder / f"copy{number:03}.txt").write_text(BODY, encoding="utf-8")
    articles, problems = load_articles([str(folder)])
    assert len(articles) == 1
    copies = [p for p in problems if p.is_copy]
    assert len(copies) == 300 and all(p.reason == SAME_TEXT and p.detail.endswith("copy000.txt") for p in copies)
    assert all(item.support == 1 for item in summarize(articles, Config()).items)


def test_another_language_is_set_aside_with_one_line_naming_it(folder: Path) -> None:
    (folder / "es.txt").write_text(
        "El presidente habló con su homólogo sobre la crisis en la frontera y los dos líderes acordaron "
        "continuar las conversaciones diplomáticas la próxima semana en Ginebra, según fuentes oficiales. " * 2,
        encoding="utf-8",
    )
    (folder / "ko.txt").write_text(  # from a real page the README's example summarized as English
        "엘제이의 리벤지인가, 류화영의 코스프레인가. 시작은 엘제이의 폭로였다. 그는 자신의 SNS에 류화영과 함께 찍은 "
        "사진들을 올리며 두 사람이 연인 관계였다고 밝혔다. 그러자 류화영은 곧바로 반박했다.",
        encoding="utf-8",
    )
    articles, problems = load_articles([str(folder)])
    assert problem_lines(problems) == [
        f"{folder / 'es.txt'}: skipped, in Spanish: briefing summarizes English only",
        f"{folder / 'ko.txt'}: skipped, in Korean: briefing summarizes English only",
    ]
    assert [a.id for a in articles] == ["good"]


def test_html_page_saved_as_text(folder: Path) -> None:
    (folder / "page.txt").write_text(
        "<!DOCTYPE html><html><head><title>Bridge</title><script>var x = 1;</script></head><body>"
        "<nav>Home | News | Sport</nav><p>Engineers said the Harbour Bridge would reopen in six weeks, "
        "after repairs to two cracked steel supports.</p><p>The city will pay for the work from its budget.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    page = next(a for a in load_articles([str(folder)])[0] if a.id == "page")
    assert page.text.startswith("Engineers said the Harbour Bridge")
    assert "<" not in page.text and "var x" not in page.text and "Home | News" not in page.text


def test_long_line_without_spaces_and_nul_bytes(folder: Path) -> None:
    (folder / "long.txt").write_text("x" * 100_000, encoding="utf-8")
    (folder / "nul.txt").write_text(BODY.replace("Monday", "Mon\x00day"), encoding="utf-8")
    result = run("digest", str(folder))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "\x00" not in result.stdout


def test_escape_sequences_never_reach_the_output(folder: Path) -> None:
    (folder / "evil.txt").write_text(
        "Title: \x9b31mApproved\x9b0m \u202eTitle\nSource: \x1b]52;c;eA==\x07Wire\x7f\n\n"
        "The mayor \x1b]0;pwned\x07said the \x1b[2Jbridge would \x9b31mreopen\x9b0m after repairs to two "
        "cracked\x85 supports\u200b,\u2066 officials\u2069 said\x7f.\x9d8;;http://x\x9c\n\n"
        + BODY.replace("Monday", "Friday"),
        encoding="utf-8",
    )
    for format in ("text", "markdown", "json"):
        result = run("digest", str(folder), "--format", format, "--explain", "-n", "20")
        assert result.returncode == 0
        assert "reopen" in result.stdout and "Approved" in result.stdout, result.stderr  # the article was read
        # By category, not a list of known bytes: C1 CSI, DEL, NEL and bidi isolates count too.
        assert unsafe(result.stdout) == [] and unsafe(result.stderr) == [], format
        assert "31m" not in result.stdout and "]52;" not in result.stdout


def test_two_processes_writing_one_digest(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "digest.txt"
    command = [sys.executable, "-m", "briefing", "digest", str(folder), "-o", str(target)]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errors = [p.communicate(timeout=120)[1] for p in runs]
    assert [p.returncode for p in runs] == [0, 0], errors
    assert target.read_text(encoding="utf-8").startswith("Briefing for")
    assert (
        len(
            subprocess.run(
                [sys.executable, "-m", "briefing", "history"], capture_output=True, text=True
            ).stdout.splitlines()
        )
        == 2
    )
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_failed_write_keeps_the_previous_digest(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli.main import main

    target = tmp_path / "digest.txt"
    target.write_text("yesterday's digest\n", encoding="utf-8")

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    assert main(["digest", str(folder), "-o", str(target)]) == 3
    assert "No space left on device" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "yesterday's digest\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


articles_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=400
) | st.lists(
    st.sampled_from(
        [BODY, "\x1b[31m", "\x9b31m", "\x7f", "\x85", "\n\n", "ALSO READ: x", "{a}", "Copyright", " . ", "\t", "\u202e"]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(articles_text, min_size=1, max_size=4))
def test_any_text_gives_a_verbatim_deterministic_briefing(texts: list[str]) -> None:
    from builders import article

    articles = tuple(article(f"h{i}", text) for i, text in enumerate(texts))
    first = summarize(articles, Config())
    assert render(first, "json") == render(summarize(articles, Config()), "json")
    by_id = {a.id: a for a in articles}
    for item in first.items:
        for source in item.sources:
            assert by_id[source.article].text[source.start : source.end] == source.text
    for format in ("text", "markdown", "json"):
        assert unsafe(render(first, format)) == []  # type: ignore[arg-type]
