"""The history can fail anywhere; the digest is delivered all the same, and the message says why.

README: exit 4 means the history could not be used and the digest was still printed or
written. A failed run records nothing, and a briefing that was not delivered is never recorded.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import resource
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import news_page
from commands import Ran, run_briefing
from hypothesis import given, settings
from hypothesis import strategies as st
from local_server import Server, send

from briefing.cli.main import main
from briefing.errors import StoreError, UsageError
from briefing.storage.briefings import Briefings
from briefing.storage.db import Store

REPO = Path(__file__).resolve().parents[1]
F_SETPIPE_SZ = getattr(fcntl, "F_SETPIPE_SZ", 1031)  # Linux; in fcntl from Python 3.10


def config_for(tmp_path: Path, history: Path | str) -> str:
    path = tmp_path / "config.toml"
    path.write_text(f"[store]\npath = {str(history)!r}\n", encoding="utf-8")
    return str(path)


def as_plain_user() -> list[str]:
    """A command prefix under which file permissions apply (root otherwise reads anything)."""
    if os.geteuid() != 0:
        return []
    assert shutil.which("setpriv"), "tests run as root drop the permission override with setpriv (util-linux)"
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", "--bounding-set", caps, "--inh-caps", caps]


def run(*args: str, prefix: list[str] | None = None, **kwargs: object) -> Ran | subprocess.CompletedProcess[str]:
    """`briefing *args` in this process; in a process of its own when it needs one (`prefix`
    drops root's permission override, `kwargs` such as preexec_fn set up the process)."""
    if not prefix and not kwargs:
        return run_briefing(*args)
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,  # type: ignore[call-overload]
    )


def delivered(result: Ran | subprocess.CompletedProcess[str]) -> bool:
    """The whole digest is on stdout: its header, and its Sources at the end."""
    return result.stdout.startswith("Briefing for") and "\nSources\n[" in result.stdout


def test_a_folder_that_cannot_be_created(trio_folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("x", encoding="utf-8")
    result = run("digest", str(trio_folder), "--config", config_for(tmp_path, blocker / "sub" / "h.db"))
    assert result.returncode == 4 and delivered(result)
    assert "cannot create the folder" in result.stderr and "Not a directory" in result.stderr
    assert "Traceback" not in result.stderr
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = run(
        "digest", str(trio_folder), "--config", config_for(tmp_path, locked / "sub" / "h.db"), prefix=as_plain_user()
    )
    assert result.returncode == 4 and delivered(result)
    assert "cannot create the folder" in result.stderr and "Permission denied" in result.stderr


def test_permissions_are_reported_as_permissions(trio_folder: Path, tmp_path: Path) -> None:
    history = tmp_path / "h.db"
    with Store(history):
        pass
    history.chmod(0o000)
    result = run("digest", str(trio_folder), "--config", config_for(tmp_path, history), prefix=as_plain_user())
    assert result.returncode == 4 and delivered(result)
    assert "permission denied" in result.stderr.lower()
    assert "not a briefing history database" not in result.stderr
    history.chmod(0o600)
    folder = tmp_path / "ro"
    folder.mkdir()
    with Store(folder / "h.db"):
        pass
    (folder / "h.db").chmod(0o400)
    folder.chmod(0o500)
    result = run("digest", str(trio_folder), "--config", config_for(tmp_path, folder / "h.db"), prefix=as_plain_user())
    assert result.returncode == 4 and delivered(result)
    assert "permission denied: this user cannot write to its folder" in result.stderr


def test_a_full_disk_during_the_write_records_nothing_and_delivers(trio_folder: Path, tmp_path: Path) -> None:
    history = tmp_path / "h.db"
    config = config_for(tmp_path, history)
    with Store(history):
        pass

    def small_disk() -> None:  # every file this process writes stops at the size the empty history has
        size = history.stat().st_size
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    result = run("digest", str(REPO / "seeds"), "--config", config, preexec_fn=small_disk)
    assert result.returncode == 4 and delivered(result), result.stderr
    assert "delivered but not recorded" in result.stderr and "Traceback" not in result.stderr
    with Store(history) as store:
        assert Briefings(store).history() == []


def test_sqlite_full_is_said_in_words(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = sqlite3.connect

    def tiny(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = real(*args, **kwargs)  # type: ignore[arg-type]
        connection.execute("PRAGMA max_page_count = 20")
        return connection

    monkeypatch.setattr(sqlite3, "connect", tiny)
    assert main(["digest", str(REPO / "seeds"), "--config", config_for(tmp_path, tmp_path / "h.db")]) == 4
    captured = capsys.readouterr()
    assert "the disk is full" in captured.err and "\nSources\n" in captured.out


def test_a_failed_delivery_records_nothing(
    trio_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["digest", str(trio_folder), "-o", str(blocker / "digest.txt")]) == 3
    reader, writer = os.pipe()
    os.close(reader)  # whoever read the digest is gone before it is printed
    broken = subprocess.run(
        [sys.executable, "-m", "briefing", "digest", str(trio_folder)], stdout=writer, stderr=subprocess.PIPE, text=True
    )
    os.close(writer)
    assert (broken.returncode, broken.stderr) == (0, "")  # as `git log | true`: the reader's choice, not a failure
    capsys.readouterr()
    assert main(["history"]) == 0
    assert "no briefings recorded yet" in capsys.readouterr().err


def test_a_reader_that_leaves_midway_is_no_error_and_no_record(
    trio_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`briefing digest | head -1`: the reader takes the first line and goes while the rest is
    being written. As `git log | head`: no message, exit 0 (a new user read exit 3 and 'broken
    pipe' as a failed output file). The cut-short digest was not read, so it is not recorded."""
    reader, writer = os.pipe()
    fcntl.fcntl(writer, F_SETPIPE_SZ, 4096)  # a digest longer than the pipe holds
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "digest", str(trio_folder), "-n", "0", "--format", "json"],
        stdout=writer,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(writer)
    assert os.read(reader, 1) == b"{"  # the digest is being written, and holds more than the pipe
    os.close(reader)
    stderr = process.communicate(timeout=120)[1]
    assert (process.returncode, stderr) == (0, "")
    capsys.readouterr()
    assert main(["history"]) == 0
    assert "no briefings recorded yet" in capsys.readouterr().err


def test_nothing_to_report_records_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "quiet"
    folder.mkdir()
    (folder / "filler.txt").write_text("word " * 300, encoding="utf-8")  # no sentence worth an item
    assert main(["digest", str(folder)]) == 1
    assert "Nothing to report" in capsys.readouterr().out
    assert main(["history"]) == 0
    assert "no briefings recorded yet" in capsys.readouterr().err


def test_history_file_is_private(trio_folder: Path, tmp_path: Path) -> None:
    history = tmp_path / "new" / "h.db"
    result = run("digest", str(trio_folder), "--config", config_for(tmp_path, history))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(history.stat().st_mode) == 0o600
    assert stat.S_IMODE(history.parent.stat().st_mode) == 0o700
    for companion in history.parent.iterdir():
        assert stat.S_IMODE(companion.stat().st_mode) & 0o077 == 0, companion


def test_show_says_what_was_not_found(trio_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(trio_folder)]) == 0
    capsys.readouterr()
    for which, said in (
        ("99", "no briefing 99"),
        ("yesterday", "no briefing made on 2024-04-04 (yesterday)"),
        ("2023-02-28", "no briefing made on 2023-02-28"),
        ("99999999999999999999999", "no briefing 99999999999999999999999"),
        ("2023-02-30", "is not a briefing id, a date"),
        ("²", "is not a briefing id, a date"),
        ("", "is not a briefing id, a date"),
        ("\x1b]52;c;eA==\x07", "is not a briefing id, a date"),
    ):
        assert main(["show", which]) == 2, which
        err = capsys.readouterr().err
        assert said in err and "\x1b" not in err, (which, err)
    assert main(["show", "today"]) == 0 and main(["show", "1"]) == 0


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_show_takes_any_text(which: str) -> None:
    # "not found" or "not an id or a date", and nothing else
    with Store(Path(os.environ["XDG_DATA_HOME"]) / "any.db") as store, contextlib.suppress(UsageError):
        Briefings(store).as_printed(which, "text", "2024-04-05")


def test_day_counts_past_the_calendar_do_not_crash(tmp_path: Path) -> None:
    with Store(tmp_path / "h.db") as store:
        assert Briefings(store).prune(10**12) == 0
        assert Briefings(store).earlier_items("2024-04-05", 10**12, "key") == []
        with pytest.raises(StoreError, match="not a file"):
            Store(tmp_path)


@contextlib.contextmanager
def read_only_history(tmp_path: Path, folder_mode: int) -> Iterator[str]:
    """A config naming a history file this user may read but not write (0444), in a folder
    of `folder_mode`."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    with Store(folder / "h.db"):
        pass
    (folder / "h.db").chmod(0o444)
    folder.chmod(folder_mode)
    try:
        yield config_for(tmp_path, folder / "h.db")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(("folder_mode", "what"), [(0o555, "folder"), (0o755, "file")])
def test_fetching_into_a_read_only_history_is_exit_4_with_a_message(
    server: Server, tmp_path: Path, folder_mode: int, what: str
) -> None:
    """`fetch URL` and `digest URL` keep what they download in the history: when it cannot be
    written, they say so in a line and exit 4. In a folder it may write to, the file opens and
    the first write fails: that was a sqlite3 traceback and exit 1."""
    server.routes["/story.html"] = send(200, news_page().encode(), Content_Type="text/html")
    with read_only_history(tmp_path, folder_mode) as config:
        for command in ("fetch", "digest"):
            result = run(command, f"{server.url}/story.html", "--config", config, prefix=as_plain_user())
            assert result.returncode == 4, (command, result.stderr)
            assert "Traceback" not in result.stderr and result.stdout == ""
            assert f"h.db: permission denied: this user cannot write to its {what}" in result.stderr, result.stderr
