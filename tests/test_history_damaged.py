"""A history another program wrote is read through the store's checks (issue 31, class 4):
key terms that are not a JSON list, fetched rows whose columns are not text, an ETag holding a
line break, cache entries of the wrong shape, a full disk said as such, and a lock held by
another process that a signal still cuts short. No command crashes on what the file holds."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from builders import TRIO, rss
from local_server import Server, send

from briefing.cli.main import main
from briefing.errors import StoreError
from briefing.models import FeedState
from briefing.storage import db as store_module
from briefing.storage.db import Store
from briefing.storage.fetched import Inbox

LONG = " ".join(TRIO["b_courier"].split("\n\n", 1)[1].split()) * 3
REPO = Path(__file__).resolve().parents[1]


def recorded(trio_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """A config and a history holding one recorded briefing of the trio."""
    config, db = tmp_path / "config.toml", tmp_path / "h.db"
    config.write_text(f'[sources]\npaths = ["{trio_folder}"]\n[store]\npath = "{db}"\n', encoding="utf-8")
    assert main(["--config", str(config), "digest"]) == 0
    capsys.readouterr()
    return config, db


@pytest.mark.parametrize("terms", ["oops", "null", "[1, 2]", '{"a": 1}', "[" * 100_000, None])
def test_key_terms_that_are_not_a_list_of_strings_are_no_key_terms(
    trio_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], terms: str | None
) -> None:
    config, db = recorded(trio_folder, tmp_path, capsys)
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA ignore_check_constraints = 1")
        connection.execute("UPDATE briefings SET key_terms = ?", (terms if terms is not None else b"\x00\xff",))
    assert main(["--config", str(config), "history"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_fetched_rows_whose_columns_are_not_text_are_left_out_with_a_note(
    trio_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config, db = recorded(trio_folder, tmp_path, capsys)
    now = datetime.now(timezone.utc).isoformat()
    with sqlite3.connect(db) as connection:
        connection.execute(
            "INSERT INTO fetched VALUES ('http://x/1', 'h1', NULL, ?, 'x/1', 42, 'S', NULL, 20240101, ?)", (now, LONG)
        )
        connection.execute(
            "INSERT INTO fetched VALUES ('http://x/2', 'h2', NULL, ?, 'x/2', 'T', 'S', NULL, NULL, X'00ff00ff')", (now,)
        )
    assert main(["--config", str(config), "digest"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Briefing")
    assert "1 fetched articles in the history are damaged (not text); left out" in captured.err
    with Store(db) as store:
        inbox = Inbox(store)
        assert [d.id for d in inbox.documents(hours=1)] == ["x/1"] and inbox.damaged == 1
        assert inbox.documents(hours=1)[0].title == "42"  # a TEXT column stores a number as text


@pytest.mark.parametrize("etag", ["a\r\nX-Injected: 1", '"v1\r\n  part2"', "\x1b[2J"])
def test_a_stored_etag_no_header_could_carry_is_not_sent(server: Server, tmp_path: Path, etag: str) -> None:
    url = f"{server.url}/feed"
    server.routes["/feed"] = send(
        200, rss(("Bridge", f"{server.url}/full", f"<p>{LONG}</p>")), Content_Type="application/rss+xml"
    )
    with Store(tmp_path / "h.db") as store:
        Inbox(store).save([], feed=url, state=FeedState(etag, "Mon, 01 Jan 2024\r\n00:00:00 GMT"))
        assert Inbox(store).feed_state(url) == FeedState()
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\npath = "{tmp_path / "h.db"}"\n', encoding="utf-8")
    assert main(["--config", str(config), "fetch", url]) == 0
    assert "If-None-Match" not in server.requests("/feed")[0]


def test_a_server_etag_folded_over_two_lines_is_not_kept(tmp_path: Path) -> None:
    from local_server import RawServer

    body = rss(("Bridge", "http://127.0.0.1:9/full", f"<p>{LONG}</p>"))

    def folded(connection: object, stop: object) -> None:
        connection.sendall(  # type: ignore[attr-defined]
            b'HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: "v1\r\n  part2"\r\n'
            + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
            + body
        )

    config = tmp_path / "config.toml"
    config.write_text(f'[store]\npath = "{tmp_path / "h.db"}"\n', encoding="utf-8")
    with RawServer(folded) as raw:  # type: ignore[arg-type]
        assert main(["--config", str(config), "fetch", f"{raw.url}/feed"]) == 0
        assert main(["--config", str(config), "fetch", f"{raw.url}/feed"]) == 0


def test_cache_entries_of_the_wrong_shape_are_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for id, text in TRIO.items():
        (folder / f"{id}.txt").write_text(text, encoding="utf-8")
    home = tmp_path / "home"

    def digest() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "briefing", "digest", str(folder), "--format", "json"],
            capture_output=True,
            text=True,
            cwd=REPO,
            env={"XDG_DATA_HOME": str(home), "PATH": "/usr/bin:/bin", "HOME": str(home)},
        )

    first = digest()
    assert first.returncode == 0, first.stderr
    shapes = [
        "[1, 2",
        "null",
        '{"skipped": 3}',
        '[["", 5, null, null, null, null, null, true, true, null]]',
        '{"article": [1, 2, 3, 4, 5, 6], "spans": [], "removed": [], "view": []}',
        json.dumps({"article": ["t", "s", None, None, "body", None], "spans": [0, 99], "removed": [], "view": []}),
    ]
    with sqlite3.connect(home / "briefing" / "briefing.db") as connection:
        rows = connection.execute("SELECT rowid FROM analysed").fetchall()
        for number, (rowid,) in enumerate(rows):
            connection.execute("UPDATE analysed SET value = ? WHERE rowid = ?", (shapes[number % len(shapes)], rowid))
    again = digest()
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["items"] == json.loads(first.stdout)["items"]


def test_a_full_disk_is_said_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(tmp_path / "h.db") as store:
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorname = "SQLITE_IOERR_SHMSIZE"  # what WAL's shared memory says on a full disk
        assert store._explain(error).endswith("the disk reported an input/output error")

        class Full:
            f_bavail, f_frsize = 3, 4096

        monkeypatch.setattr(store_module.os, "statvfs", lambda path: Full())
        assert store._explain(error).endswith(": the disk is full")


def test_a_lock_held_elsewhere_is_waited_for_in_steps_and_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "h.db"
    Store(db).__exit__()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(store_module, "BUSY_WAIT", 0.5)
    try:
        with Store(db) as store, pytest.raises(StoreError, match="locked"), store.writing() as connection:
            connection.execute("DELETE FROM fetched")
    finally:
        holder.close()


def waiting_for_the_lock(pid: int) -> bool:
    """Whether the process's main thread is in the store's wait for a lock: asleep between two
    tries (a download or a read waits on a lock or a socket, not in a timed sleep), twice in a row."""
    asleep = 0
    for _ in range(3):
        wchan = Path(f"/proc/{pid}/wchan").read_text(encoding="utf-8")
        asleep = asleep + 1 if wchan == "hrtimer_nanosleep" else 0
        time.sleep(0.06)  # longer than one of the store's steps: two looks see two tries
    return asleep >= 2


def test_sigterm_ends_a_fetch_waiting_for_a_locked_history_at_once(server: Server, tmp_path: Path) -> None:
    server.routes["/feed"] = send(
        200, rss(("Bridge", f"{server.url}/full", f"<p>{LONG}</p>")), Content_Type="application/rss+xml"
    )
    db = tmp_path / "h.db"
    Store(db).__exit__()
    config = tmp_path / "config.toml"
    config.write_text(f'[store]\npath = "{db}"\n', encoding="utf-8")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "briefing", "--config", str(config), "fetch", f"{server.url}/feed"],
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while not waiting_for_the_lock(process.pid):
            assert time.monotonic() < deadline and process.poll() is None, "the run never waited for the lock"
            time.sleep(0.01)
        process.send_signal(signal.SIGTERM)
        sent = time.monotonic()
        process.wait(20)
        took = time.monotonic() - sent
    finally:
        holder.close()
        process.kill()
    assert process.returncode == 143 and took < 1.0, f"exit {process.returncode} {took:.2f} s after SIGTERM"
