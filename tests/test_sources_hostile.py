"""One bad path costs its own line, never the run (issue 31, class 3): a symlink loop in a folder
or named as a source, a folder this user cannot list, a path longer than PATH_MAX, a path
through a folder it cannot search, a .json file nested past what json reads. The other
sources make the digest (or are read), and every line is printable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from builders import TRIO, unsafe
from commands import run_briefing
from test_history_failures import as_plain_user

OSC52 = "\x1b]52;c;aGk=\x07"


@pytest.fixture
def folder(trio_folder: Path) -> Path:
    """The three bridge articles (conftest's `trio_folder`), named for what these tests do to it."""
    return trio_folder


def test_a_symlink_loop_in_a_folder_is_one_line_and_the_digest_is_made(folder: Path) -> None:
    os.symlink(f"loop{OSC52}.txt", folder / f"loop{OSC52}.txt")
    os.symlink("b.txt", folder / "a.txt")
    os.symlink("a.txt", folder / "b.txt")
    result = run_briefing("digest", str(folder), "--no-store")
    assert result.returncode == 0 and result.stdout.startswith("Briefing")
    assert "Too many levels of symbolic links" in result.stderr and not unsafe(result.stderr)


def test_a_link_to_nowhere_in_a_folder_says_so(folder: Path) -> None:
    # The s9 trial: "dangling.txt: skipped, cannot read it (No such file or directory)" of a file
    # that `ls` lists.
    os.symlink(f"gone/{OSC52}old.txt", folder / "dangling.txt")
    result = run_briefing("digest", str(folder), "--no-store")
    assert result.returncode == 0 and result.stdout.startswith("Briefing")
    assert "dangling.txt: skipped, a link to gone/\\x1b]52;c;aGk=\\x07old.txt, which is not there" in result.stderr
    assert not unsafe(result.stderr)


def test_a_symlink_to_itself_named_as_a_source_is_one_line(folder: Path) -> None:
    os.symlink("loop.txt", folder / "loop.txt")
    result = run_briefing("read", str(folder / "loop.txt"), str(folder / "a_gazette.txt"))
    assert result.returncode == 0 and "Harbour Bridge" in result.stdout
    assert "loop.txt" in result.stderr


def test_a_path_longer_than_path_max_is_one_line(folder: Path) -> None:
    result = run_briefing("read", "x/" * 2100 + "a.txt", str(folder / "a_gazette.txt"))
    assert result.returncode == 0 and "Harbour Bridge" in result.stdout
    assert "the name is too long" in result.stderr


@pytest.mark.parametrize("text", ["[" * 100_000, '{"a":' * 100_000, "[" * 5000 + "]" * 5000])
def test_json_nested_past_what_json_reads_is_one_line(folder: Path, text: str) -> None:
    (folder / "deep.json").write_text(text, encoding="utf-8")
    result = run_briefing("digest", str(folder), "--no-store")
    assert result.returncode == 0 and result.stdout.startswith("Briefing")
    assert "deep.json" in result.stderr


def plain(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*as_plain_user(), sys.executable, "-m", "briefing", *args], capture_output=True, text=True, timeout=120
    )


def test_a_folder_this_user_cannot_list_is_one_line(folder: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(TRIO["a_gazette"], encoding="utf-8")
    locked.chmod(0o311)
    try:
        result = plain("digest", str(locked), str(folder), "--no-store")
    finally:
        locked.chmod(0o755)
    assert result.returncode == 0 and result.stdout.startswith("Briefing")
    assert "Permission denied" in result.stderr


def test_a_file_through_a_folder_this_user_cannot_search_is_one_line(folder: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(TRIO["a_gazette"], encoding="utf-8")
    locked.chmod(0o600)
    try:
        result = plain("read", str(locked / "x.txt"), str(folder / "b_courier.txt"))
    finally:
        locked.chmod(0o755)
    assert result.returncode == 0 and "Courier" in result.stdout
    assert f"permission denied: this user cannot look in {locked}" in result.stderr
