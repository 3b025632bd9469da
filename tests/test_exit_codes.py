"""Every way a run ends is a code of the one table (`ExitCode`), said on stderr in one line.

README: 1 means nothing to summarize, so a bug must not end with 1 (cron would read it as a
quiet day); it ends with 70 and names the error, and --debug shows its traceback.
"""

from __future__ import annotations

import re
import signal
import sqlite3
from pathlib import Path

import pytest

from briefing.cli.main import exit_code, main
from briefing.errors import ExitCode, OutputError, StoreError, Terminated

REPO = Path(__file__).resolve().parents[1]


def broken(*args: object, **kwargs: object) -> object:
    raise RuntimeError("a bug in the summarizer")


def test_a_bug_exits_internal_with_one_line_and_no_traceback(
    trio_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("briefing.run.day.Day.briefing", broken)
    assert main(["digest", str(trio_folder), "--no-store"]) == ExitCode.INTERNAL == 70
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert "RuntimeError: a bug in the summarizer" in captured.err and "--debug" in captured.err


def test_debug_shows_the_traceback_and_keeps_the_code(
    trio_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("briefing.run.day.Day.briefing", broken)
    assert main(["digest", str(trio_folder), "--no-store", "--debug"]) == ExitCode.INTERNAL
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert err.rstrip().endswith("RuntimeError: a bug in the summarizer")
    assert main(["show", "nothing-like-an-id", "--debug"]) == ExitCode.USAGE
    assert "UsageError" in capsys.readouterr().err


def test_each_ending_has_its_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code(KeyboardInterrupt()) == ExitCode.INTERRUPTED == 130
    assert exit_code(Terminated(signal.SIGTERM)) == ExitCode.TERMINATED == 143
    assert exit_code(Terminated(signal.SIGHUP)) == ExitCode.HANGUP == 129
    assert capsys.readouterr().err == ""  # asked for: nothing to explain
    assert exit_code(OutputError("digest.txt: cannot write it")) == ExitCode.OUTPUT
    assert exit_code(StoreError("h.db: the disk is full")) == ExitCode.STORE
    # A database error that escaped the store's own mapping is still the history's failure.
    assert exit_code(sqlite3.OperationalError("attempt to write a readonly database")) == ExitCode.STORE
    assert exit_code(ValueError("unexpected")) == ExitCode.INTERNAL
    said = capsys.readouterr().err.splitlines()
    assert said == [
        "briefing: digest.txt: cannot write it",
        "briefing: h.db: the disk is full",
        "briefing: the history database failed: OperationalError: attempt to write a readonly database",
        "briefing: internal error (a bug): ValueError: unexpected; run again with --debug for the traceback",
    ]


def test_the_readme_lists_every_exit_code() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    assert {int(code) for code in re.findall(r"^\| *(\d+) *\|", table, re.MULTILINE)} == set(ExitCode)
