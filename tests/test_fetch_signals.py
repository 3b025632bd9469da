"""A signal always ends a fetch at once (issue 31, class 2): SIGTERM (cron's timeout, systemd)
exits 143 and Ctrl-C 130 within a second, even while a download is stuck on a server that
drips a header line or answers `100 Continue` forever. Each run is the real command in a
subprocess, against a raw server on 127.0.0.1 in the test process."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from local_server import RawServer, drip

SERVERS = {
    "a header line dripped": drip(b"HTTP/1.1 200 OK\r\nX-Slow: ", b"a", 0.2),
    "100 Continue forever": drip(b"", b"HTTP/1.1 100 Continue\r\n\r\n", 0.2),
}


@pytest.mark.parametrize(
    ("command", "sig", "code"),
    [
        ("fetch", signal.SIGTERM, 143),
        ("fetch", signal.SIGINT, 130),
        ("digest", signal.SIGTERM, 143),
    ],
)
@pytest.mark.parametrize("server", SERVERS.values(), ids=SERVERS.keys())
def test_a_signal_ends_a_stuck_fetch_at_once(tmp_path: Path, server: object, command: str, sig: int, code: int) -> None:
    config = tmp_path / "config.toml"
    # A long limit: only the signal can end these downloads within the test.
    config.write_text(f'[sources]\ntimeout_seconds = 60\n[store]\npath = "{tmp_path / "h.db"}"\n', encoding="utf-8")
    with RawServer(server) as raw:  # type: ignore[arg-type]
        words = ["fetch", f"{raw.url}/feed"] if command == "fetch" else ["digest", f"{raw.url}/feed", "--no-store"]
        process = subprocess.Popen(
            [sys.executable, "-m", "briefing", "--config", str(config), *words],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            assert raw.accepted.wait(60), "the fetch never connected"
            time.sleep(0.3)  # let the request reach its read (the signal's effect does not depend on it)
            process.send_signal(sig)
            sent = time.monotonic()
            process.wait(10)
            took = time.monotonic() - sent
        finally:
            process.kill()
            _, err = process.communicate()
    assert process.returncode == code, err
    assert took < 1.0, f"exited {took:.2f} s after the signal"
    assert b"Traceback" not in err
