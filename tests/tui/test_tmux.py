"""End to end: the real `briefing` command in a real terminal (tmux), as a person uses it.

Each test starts its own tmux server (a private socket, no user tmux.conf) with a made-up
HOME and XDG folders, so it neither inherits a running server's environment nor touches the
user's history, config or theme.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.errors import ExitCode
from briefing.storage.briefings import Briefings
from briefing.storage.db import Store

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


class Terminal:
    """One command running in a private tmux server; the screen as text."""

    def __init__(self, home: Path, sockets: Path) -> None:
        self.socket = f"briefing-test-{uuid.uuid4().hex[:12]}"
        self.home = home
        self.exit_file = home / "exit-status"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            # The server's socket stays in the test's own folder: a short one, since a socket's
            # path has at most 107 bytes, which pytest-xdist's deep tmp_path can pass.
            "TMUX_TMPDIR": str(sockets),
        }

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.home,
        )
        assert done.returncode == 0, f"tmux {args[0]} failed: {done.stderr.strip()}"
        return done.stdout

    def start(self, argv: list[str], width: int = 120, height: int = 40) -> None:
        command = f"{shlex.join(argv)}; echo $? > {shlex.quote(str(self.exit_file))}"
        self.tmux("new-session", "-d", "-s", "main", "-x", str(width), "-y", str(height), command)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "main", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "main")

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            assert time.monotonic() < deadline, f"{text!r} never appeared; the screen:\n{screen}"
            time.sleep(0.2)

    def exit_status(self, timeout: float = 20.0) -> int:
        """The command's exit status, once it has ended."""
        deadline = time.monotonic() + timeout
        while not self.exit_file.exists() or not self.exit_file.read_text().strip():
            assert time.monotonic() < deadline, f"the command did not end; the screen:\n{self.screen()}"
            time.sleep(0.2)
        return int(self.exit_file.read_text())

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, env=self.env)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed: the end-to-end terminal tests need it (apt install tmux)")
    home = tmp_path / "home"
    home.mkdir()
    with tempfile.TemporaryDirectory(prefix="bt-") as sockets:
        session = Terminal(home, Path(sockets))
        try:
            yield session
        finally:
            session.close()


def briefing(*args: str) -> list[str]:
    return [sys.executable, "-m", "briefing", *args]


def test_briefing_in_tmux(terminal: Terminal, trio_folder: Path) -> None:
    terminal.start(briefing("tui", str(trio_folder)))
    main = terminal.wait_for("3/3")
    assert "Briefing for " in main
    terminal.keys("Enter")
    article = terminal.wait_for("esc Back")
    assert "River Gazette · Harbour Bridge Shut After Cracks Found" in article
    terminal.keys("Escape")
    terminal.wait_for("+ Longer")
    terminal.keys("q")
    assert terminal.exit_status() == 0
    history = terminal.home / "data" / "briefing" / "briefing.db"
    assert not history.exists() or not Briefings(Store(history)).history(), "browsing recorded a briefing"


def test_a_crash_exits_internal(terminal: Terminal, trio_folder: Path) -> None:
    """A bug in the TUI is an internal error (70), not "nothing to summarize" (1)."""
    crash = (
        "import sys\n"
        "from briefing.tui.widgets.items import ItemList\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('a bug in the app')\n"
        "ItemList.show = broken\n"
        "from briefing.cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    terminal.start([sys.executable, "-c", crash, "tui", str(trio_folder)])
    assert terminal.exit_status() == ExitCode.INTERNAL


def test_bytes_that_are_not_utf8_on_the_input_do_not_end_the_app(terminal: Terminal, trio_folder: Path) -> None:
    """0x9b (an 8-bit CSI, pasted or typed), 0x80, 0xff, 0xc0: Textual's input thread died on
    the first of them and the app vanished with exit status 0 (issue 31, class 8)."""
    terminal.start(briefing("tui", str(trio_folder), "--no-store"))
    terminal.wait_for("3/3")
    for byte in ("9b", "9d", "80", "ff", "c0"):
        terminal.tmux("send-keys", "-t", "main", "-H", byte)
    time.sleep(1.0)
    terminal.keys("Enter")  # still reading keys: the article opens
    terminal.wait_for("esc Back")
    terminal.keys("Escape")
    terminal.wait_for("+ Longer")
    terminal.keys("q")
    assert terminal.exit_status() == 0


def test_a_paste_that_never_ends_does_not_swallow_every_later_key(terminal: Terminal, trio_folder: Path) -> None:
    """`ESC [ 200 ~` with no `ESC [ 201 ~`: every key after it, q included, was pasted text."""
    terminal.start(briefing("tui", str(trio_folder), "--no-store"))
    terminal.wait_for("3/3")
    terminal.tmux("send-keys", "-t", "main", "-H", "1b", "5b", "32", "30", "30", "7e", "61", "62")
    time.sleep(2.0)
    terminal.keys("Enter")
    terminal.wait_for("esc Back")
    terminal.keys("Escape")
    terminal.wait_for("+ Longer")
    terminal.keys("q")
    assert terminal.exit_status() == 0
