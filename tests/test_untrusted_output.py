"""Stored and imported text is untrusted: no command prints a raw control sequence, whatever
the history database or the config holds (issue 31, class 1). `show` in every format,
`history`'s every column, `feeds list` and error messages all pass the one sanitiser; JSON
keeps the data (escaped, it decodes to what was stored)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from builders import unsafe

from briefing.cli.main import main

OSC52 = "\x1b]52;c;ZWNobyBvd25lZA==\x07"
CLEAR = "\x1b[2J\x1b[H"
C1_CSI = "\x9b31m"
RLO = "\u202e"
HOSTILE = f"{OSC52}{CLEAR}{C1_CSI}{RLO}\u2028\x7f"


@pytest.fixture
def history(trio_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A history of one briefing (of the trio), then every stored text column made hostile."""
    config = tmp_path / "config.toml"
    db = tmp_path / "h.db"
    config.write_text(f'[store]\npath = "{db}"\n', encoding="utf-8")
    assert main(["--config", str(config), "digest", str(trio_folder)]) == 0
    capsys.readouterr()
    with sqlite3.connect(db) as connection:
        stored = json.loads(connection.execute("SELECT json FROM briefings").fetchone()[0])
        stored["items"][0]["text"] = f"Bridge{HOSTILE} shut"
        connection.execute(
            "UPDATE briefings SET text = ?, markdown = ?, json = ?, day = ?, created = ?, date = ?",
            (
                f"Briefing{HOSTILE}\nItem one.\n",
                f"# Briefing{HOSTILE}\n\n- item\n",
                json.dumps(stored, ensure_ascii=False),
                f"2024-04-05{CLEAR}",
                f"2024-04-05T07:00{RLO}",
                f"2024-04-02{OSC52}",
            ),
        )
    return config


@pytest.mark.parametrize("format", ["text", "markdown", "json"])
def test_show_prints_a_stored_briefing_through_the_sanitiser(
    history: Path, format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(history), "show", "1", "--format", format]) == 0
    out = capsys.readouterr().out
    assert not unsafe(out)
    if format == "json":
        assert json.loads(out)["items"][0]["text"] == f"Bridge{HOSTILE} shut"  # escaped, not lost
    else:
        assert "Briefing" in out


def test_history_prints_every_stored_column_through_the_sanitiser(
    history: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(history), "history"]) == 0
    out = capsys.readouterr().out
    assert not unsafe(out) and "2024-04-05" in out
    assert len(out.splitlines()) == 2  # the header and one briefing: no field forged a line


def test_a_config_whose_feeds_hold_escapes_is_refused_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[sources]\nfeeds = ["http://127.0.0.1:9/feed\\u001b]0;owned\\u0007", "http://127.0.0.1:9/\\u009b2J"]\n',
        encoding="utf-8",
    )
    assert main(["--config", str(config), "feeds", "list"]) == 2
    captured = capsys.readouterr()
    assert not unsafe(captured.out + captured.err) and "control character" in captured.err
