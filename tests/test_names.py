"""Names are untrusted: file names, titles and URLs reach no output as controls, markup or HTML."""

from __future__ import annotations

import json
import os
import re
from html import unescape as html_unescape
from pathlib import Path

import pytest
from builders import TRIO, unsafe
from commands import run_briefing
from markdown_it import MarkdownIt

REPO = Path(__file__).resolve().parents[1]
# File names a hostile feed or archive could leave in the inbox; all of them legal on Linux.
HOSTILE_NAMES = [
    b"\x1b]52;c;aGFja2Vk\x07clipboard.txt",  # OSC 52: writes the terminal's clipboard
    "\x9b31mapproved\x9b0m.txt".encode(),  # C1 CSI, which some terminals obey like ESC [
    "\x9d0;title\x9c.txt".encode(),  # C1 OSC with C1 ST
    b"a`<img src=x onerror=alert(1)>`b.txt",  # breaks out of a Markdown code span into raw HTML
    b"<script>alert(1)<\\script>.txt",
    b"forged\nbriefing: all is well.txt",  # a newline that forges a message line
    b"\xe2\x80\xaetxt.exe.txt",  # a bidi override that reverses what a reader sees
    b"caf\xe9\xff.txt",  # not UTF-8: arrives as lone surrogates
    b"[@click=app.quit]markup[bold].txt",  # Rich/Textual markup
]
BODIES = [body.split("\n\n", 1)[1] for body in TRIO.values()]
HEADER = "Title: <b>Bold</b> [red]claim[/red] \u202eevil\nSource: <i>Wire</i> `x`\nURL: https://e.org/\x1b[2J\n\n"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for number, raw in enumerate(HOSTILE_NAMES):
        body = BODIES[number % 3].replace("Monday", ["Monday", "Tuesday", "Friday"][number // 3])
        with open(os.path.join(os.fsencode(folder), raw), "w", encoding="utf-8") as stream:
            stream.write(HEADER + body if number == 0 else body)
    # The same text twice: the skip message names two hostile files.
    with open(os.path.join(os.fsencode(folder), b"copy\x1b[2J\x07.txt"), "w", encoding="utf-8") as stream:
        stream.write(BODIES[0])
    return folder


def run(*args: str | bytes, cwd: Path | None = None) -> tuple[int, str, str]:
    """The command; stdout and stderr must be valid UTF-8, so they are decoded strictly."""
    result = run_briefing(*args, cwd=cwd)
    return result.returncode, result.stdout, result.stderr


def test_no_output_carries_a_control_character_from_a_name(inbox: Path) -> None:
    outputs = []
    for format in ("text", "markdown", "json"):
        code, out, err = run("digest", str(inbox), "--format", format, "--explain")
        assert code == 0, err
        outputs += [out, err]
        # Every stderr line is a message or an explain row: no name forged a line of its own.
        assert all(line.startswith("briefing: ") or line.count("\t") == 2 for line in err.splitlines()), err
    code, out, err = run("history")
    outputs += [out, err]
    for output in outputs:
        assert unsafe(output) == [], output
    # The file's name as `ls -b` writes it: the readable part kept, what is not readable escaped.
    assert "caf\\xe9\\xff.txt" in outputs[0] and "\\u202etxt.exe.txt" in outputs[0]


def test_markdown_carries_no_raw_html_and_links_only_to_the_articles(inbox: Path) -> None:
    code, out, err = run("digest", str(inbox), "--format", "markdown", "--no-store")
    assert code == 0, err
    html = MarkdownIt("commonmark", {"html": True}).render(out)
    tags = set(re.findall(r"</?([a-zA-Z][\w-]*)", html))
    assert tags <= {"h1", "h2", "p", "br", "ol", "ul", "li", "strong", "em", "code", "a"}, tags
    assert "<img" not in html and "<script" not in html
    code, out, err = run("digest", str(inbox), "--format", "json", "--no-store")
    urls = {a["url"] for a in json.loads(out)["articles"] if a["url"]}
    links = re.findall(r"<a\b([^>]*)>", html)
    # A source's title links to its article's own address, an http(s) one, and nothing else does.
    targets = [re.fullmatch(r' href="(https?://[^"]+)"', link) for link in links]
    assert links and all(targets)
    assert {html_unescape(target[1]) for target in targets if target} <= urls


def test_json_escapes_every_control_and_keeps_names_as_data(inbox: Path) -> None:
    code, out, err = run("digest", str(inbox), "--format", "json", "--no-store")
    assert code == 0, err
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", out.replace("\n", ""))
    data = json.loads(out)
    names = [
        field for a in data["articles"] for field in (a["id"], a["path"], a["title"], a["source"] or "", a["url"] or "")
    ]
    assert all(unsafe(field) == [] for field in names)
    assert "approved" in [a["id"] for a in data["articles"]]


def test_error_messages_name_paths_safely(tmp_path: Path) -> None:
    hostile = os.fsdecode(b"\x1b]52;c;aGFja2Vk\x07gone\xff")
    code, out, err = run("digest", str(tmp_path / hostile))
    assert code == 2 and "no such file or folder" in err
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, out, err = run("digest", str(REPO / "seeds"), "--no-store", "-o", str(blocker / hostile / "d.txt"))
    assert code == 3 and "cannot write" in err
    for text in (out, err):
        assert unsafe(text) == []
