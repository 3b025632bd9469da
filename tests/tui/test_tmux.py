"""End to end: the real `briefing` command in a real terminal (tmux), as a person uses it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SESSION = f"briefing-e2e-{os.getpid()}"  # unique: other runs may share the tmux server


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def screen_with(text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        screen = tmux("capture-pane", "-p", "-t", SESSION)
        if text in screen or time.monotonic() > deadline:
            return screen
        time.sleep(0.2)


def test_briefing_in_tmux(trio_folder: Path) -> None:
    assert shutil.which("tmux"), ".ci/run installs tmux; this test needs it"
    command = f"{sys.executable} -m briefing tui {trio_folder}"
    tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", command)
    try:
        main = screen_with("3/3")
        assert "Briefing for " in main
        assert "3/3" in main
        tmux("send-keys", "-t", SESSION, "Enter")
        article = screen_with("River Gazette: Harbour Bridge Shut After Cracks Found")
        assert "River Gazette: Harbour Bridge Shut After Cracks Found" in article
        tmux("send-keys", "-t", SESSION, "Escape")
        time.sleep(0.5)
        tmux("send-keys", "-t", SESSION, "q")
        deadline = time.monotonic() + 10
        while SESSION in subprocess.run(["tmux", "ls"], capture_output=True, text=True).stdout:
            assert time.monotonic() < deadline, "briefing did not quit on q"
            time.sleep(0.2)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
