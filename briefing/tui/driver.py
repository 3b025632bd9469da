"""Terminal input that no byte can stop.

Textual's Linux driver decodes what the terminal sends as strict UTF-8 in its input thread,
so one byte that starts no UTF-8 character (0x9b, an 8-bit CSI, pasted or typed on a
terminal in 8-bit mode; 0x80, 0xff, 0xc0...) raised UnicodeDecodeError there: the thread
died, the app panicked, and `briefing` exited 0 with the screen gone (issue 31, class 8).
Here the driver's decoder drops bytes that are not UTF-8 and keeps everything else, split
sequences included; keys and pastes read as before.

Reported upstream as a bug in textual/drivers/linux_driver.py (`run_input_thread`). Patched,
not copied: the driver takes its decoder factory from its module's `getincrementaldecoder`,
so only that name is replaced, and tests/tui/test_tmux.py checks the byte in a real terminal.
"""

from __future__ import annotations

import codecs
import functools
from collections.abc import Callable


def _forgiving(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="ignore")


def forgive_input_bytes() -> None:
    """Make Textual's Linux driver skip input bytes that are not UTF-8 instead of dying.
    Call it before the app runs; calling it again changes nothing."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not on a POSIX system: another driver, which decodes otherwise
        return
    if hasattr(linux_driver, "getincrementaldecoder"):
        linux_driver.getincrementaldecoder = _forgiving
