"""Messages that say what is wrong with a path, not "does not exist" (issue 31, class 9): a
config that is a named pipe, a folder or /dev/null, a default config path that is a folder,
`~nosuchuser` in -o or [store] path, a SOURCE through a folder this user cannot search or
through a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from builders import TRIO
from commands import run_briefing
from test_history_failures import as_plain_user


@pytest.fixture
def folder(trio_folder: Path) -> Path:
    """The three bridge articles (conftest's `trio_folder`), named for what these tests do to it."""
    return trio_folder


def test_a_config_that_is_a_named_pipe_is_said_so_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    result = subprocess.run(  # a process of its own: a blocking open of the FIFO would hang it
        [sys.executable, "-m", "briefing", "--config", str(fifo), "feeds", "list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert f"config file {fifo} is a named pipe (FIFO), not a config file" in result.stderr


def test_a_config_that_is_a_folder_is_said_so(tmp_path: Path) -> None:
    result = run_briefing("--config", str(tmp_path), "feeds", "list")
    assert result.returncode == 2 and f"config file {tmp_path} is a folder, not a config file" in result.stderr


def test_dev_null_as_the_config_is_no_settings(tmp_path: Path) -> None:
    result = run_briefing("--config", os.devnull, "feeds", "list")
    assert result.returncode == 0 and "no feeds yet" in result.stderr


def test_a_default_config_path_that_is_a_folder_is_not_silently_ignored(tmp_path: Path) -> None:
    (tmp_path / "briefing" / "config.toml").mkdir(parents=True)
    result = run_briefing("feeds", "list", env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)})
    assert result.returncode == 2 and "is a folder, not a config file" in result.stderr


def test_an_unknown_user_in_output_and_history_paths_is_named(folder: Path, tmp_path: Path) -> None:
    written = run_briefing("digest", str(folder), "--no-store", "-o", "~nosuchuser/x.txt")
    assert written.returncode == 3 and "no user named nosuchuser" in written.stderr
    config = tmp_path / "config.toml"
    config.write_text('[store]\npath = "~nosuchuser/h.db"\n', encoding="utf-8")
    history = run_briefing("--config", str(config), "history")
    assert history.returncode == 4 and "no user named nosuchuser" in history.stderr


def test_a_source_through_a_file_is_said_so(folder: Path) -> None:
    result = run_briefing("digest", str(folder / "a_gazette.txt" / "x"), "--no-store")
    assert result.returncode == 2
    assert f"{folder / 'a_gazette.txt'} is a file, not a folder" in result.stderr


def test_a_source_through_a_folder_this_user_cannot_search_names_the_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(TRIO["a_gazette"], encoding="utf-8")
    (tmp_path / "config.toml").write_text("", encoding="utf-8")
    locked.chmod(0o600)
    try:
        results = [
            subprocess.run(
                [*as_plain_user(), sys.executable, "-m", "briefing", *args], capture_output=True, text=True, timeout=120
            )
            for args in (
                ["digest", str(locked / "x.txt"), "--no-store"],
                ["--config", str(locked / "c.toml"), "history"],
            )
        ]
    finally:
        locked.chmod(0o755)
    for result in results:
        assert result.returncode == 2, result.stderr
        assert f"permission denied: this user cannot look in {locked}" in result.stderr


def test_reading_the_history_makes_none(tmp_path: Path) -> None:
    """`show`, `history` and `history forget` on a machine with no history said there was
    nothing, and left an empty briefing.db behind (issue 31, R23)."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    shown = run_briefing("show", "1", env=env)
    assert shown.returncode == 2 and "no briefing 1 in the history" in shown.stderr
    listed = run_briefing("history", env=env)
    assert listed.returncode == 0 and "no briefings recorded yet" in listed.stderr
    forgot = run_briefing("history", "forget", "today", env=env)
    assert forgot.returncode == 2 and "no briefing made on" in forgot.stderr
    assert not (tmp_path / "data").exists()


def test_a_folder_of_folders_says_they_are_not_read_and_how_to_name_them(tmp_path: Path) -> None:
    """The s8 trial: DUC 2004, a folder of 50 folders of articles, gave only "no articles (.txt,
    .md, .html or feeds) in duc2004", as if the folders were empty."""
    days = tmp_path / "days"
    for day in ("monday", "tuesday"):
        (days / day).mkdir(parents=True)
    result = run_briefing("digest", "--no-store", str(days))
    assert result.returncode == 1
    assert result.stderr == (
        f"briefing: no articles (.txt, .md, .html or feeds) in {days}; the 2 folders in it are not read:"
        f" name them ({days}/*)\n"
    )
    (days / "tuesday").rmdir()
    one = run_briefing("digest", "--no-store", str(days)).stderr
    assert one.endswith(f"; the folder in it is not read: name it ({days / 'monday'})\n")
    assert "not read" not in run_briefing("digest", "--no-store", str(days / "monday")).stderr  # none inside
