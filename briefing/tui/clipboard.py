"""Copying to the system clipboard through the desktop's own program, where one answers.

A terminal may or may not obey the OSC 52 escape Textual sends, and nothing tells the app
which (tmux drops it by default), so a copy is only reported as done when a clipboard
program took the text and exited cleanly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

# (program and arguments, the environment variable its clipboard needs, or "" for none)
PROGRAMS = (
    (("pbcopy",), "darwin"),
    (("wl-copy",), "WAYLAND_DISPLAY"),
    (("xclip", "-selection", "clipboard"), "DISPLAY"),
    (("xsel", "--clipboard", "--input"), "DISPLAY"),
)


def copy(text: str, timeout: float = 3.0) -> str:
    """Put `text` on the clipboard; the program that did, or "" when none could."""
    for command, needs in PROGRAMS:
        available = sys.platform == needs if needs == "darwin" else bool(os.environ.get(needs))
        if not available or shutil.which(command[0]) is None:
            continue
        try:
            done = subprocess.run(command, input=text.encode("utf-8"), capture_output=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return command[0]
    return ""
