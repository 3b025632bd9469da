"""Cron jobs, containers and service accounts: no HOME, no password entry, a dumb terminal."""

from __future__ import annotations

import os
import pty
import pwd
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli.main import main


@pytest.fixture
def homeless(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process with no HOME, no XDG variables, and a user id the password database lacks."""
    for variable in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(variable, raising=False)

    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_entry)


@pytest.mark.usefixtures("homeless")
def test_no_home_still_delivers_the_digest(trio_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(trio_folder)]) == 4
    captured = capsys.readouterr()
    assert captured.out.startswith("Briefing for") and "\nSources\n" in captured.out
    assert "no folder for the history" in captured.err and "XDG_DATA_HOME" in captured.err
    assert main(["digest", str(trio_folder), "--no-store"]) == 0
    capsys.readouterr()
    assert main(["history"]) == 4
    assert "no folder for the history" in capsys.readouterr().err


@pytest.mark.usefixtures("homeless")
def test_no_home_with_paths_under_home(trio_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", str(trio_folder), "--no-store", "-o", "~/briefings/{date}.txt"]) == 3
    assert "home folder is unknown" in capsys.readouterr().err
    config = tmp_path / "c.toml"
    config.write_text('[store]\npath = "~/h.db"\n', encoding="utf-8")
    assert main(["digest", str(trio_folder), "--config", str(config)]) == 4
    captured = capsys.readouterr()
    assert "home folder is unknown" in captured.err and captured.out.startswith("Briefing for")


def test_tui_on_a_dumb_terminal_says_so() -> None:
    controller, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "tui", "seeds"],
            stdin=terminal,
            stdout=terminal,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            env={**os.environ, "TERM": "dumb"},
            cwd=Path(__file__).resolve().parents[1],
        )
    finally:
        os.close(terminal)
        os.close(controller)
    assert result.returncode == 2
    assert "TERM=dumb" in result.stderr and "briefing digest" in result.stderr
    assert "Traceback" not in result.stderr
