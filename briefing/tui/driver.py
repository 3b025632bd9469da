"""Terminal input that no byte and no half-sent sequence can stop.

Textual's Linux driver decodes what the terminal sends as strict UTF-8 in its input thread,
so one byte that starts no UTF-8 character (0x9b, an 8-bit CSI, pasted or typed on a
terminal in 8-bit mode; 0x80, 0xff, 0xc0...) raised UnicodeDecodeError there: the thread
died, the app panicked, and `briefing` exited 0 with the screen gone (issue 31, class 8).
Here the driver's decoder drops bytes that are not UTF-8 and keeps everything else, split
sequences included. And a bracketed paste whose end never came (`ESC [ 200 ~` alone, from a
broken terminal or a stray byte sequence) took every later key as pasted text, q included:
here a paste that has been silent for a second is ended.

Both are upstream bugs in textual/drivers/linux_driver.py (`run_input_thread`) and
textual/_xterm_parser.py. Patched, not copied: the driver takes its decoder factory and its
parser class from its module's names `getincrementaldecoder` and `XTermParser`, so only those
are replaced; tests/tui/test_tmux.py checks both in a real terminal.
"""

from __future__ import annotations

import codecs
import functools
import time
from collections.abc import Callable, Iterable
from typing import Any

# How long a bracketed paste may go without input before it is taken to be over.
PASTE_SILENCE = 1.0
_PASTE_START = "\x1b[200~"
_PASTE_END = "\x1b[201~"


def _forgiving(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="ignore")


def _paste_ending(parser: type[Any]) -> type[Any]:
    """`parser` (Textual's XTermParser) that ends a bracketed paste silent for PASTE_SILENCE."""

    class PasteEndingParser(parser):  # type: ignore[misc]
        _ends_pastes = True

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pasting = False
            self._heard = time.monotonic()
            self._tail = ""  # the end of the last input: a marker may come in two reads

        def feed(self, data: str) -> Iterable[Any]:
            seen = self._tail + data
            start, end = seen.rfind(_PASTE_START), seen.rfind(_PASTE_END)
            if start != end:
                self._pasting = start > end
            self._tail, self._heard = seen[-(len(_PASTE_START) - 1) :], time.monotonic()
            return super().feed(data)  # type: ignore[no-any-return]

        def tick(self) -> Iterable[Any]:
            yield from super().tick()
            if self._pasting and time.monotonic() - self._heard > PASTE_SILENCE:
                self._pasting = False
                yield from super().feed(_PASTE_END)

    return PasteEndingParser


def sturdy_input() -> None:
    """Make Textual's Linux driver skip input bytes that are not UTF-8 instead of dying, and
    end a bracketed paste that never ends. Call it before the app runs; again changes nothing."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not on a POSIX system: another driver, which reads input otherwise
        return
    if hasattr(linux_driver, "getincrementaldecoder"):
        linux_driver.getincrementaldecoder = _forgiving
    parser = getattr(linux_driver, "XTermParser", None)
    if parser is not None and not getattr(parser, "_ends_pastes", False):
        setattr(linux_driver, "XTermParser", _paste_ending(parser))  # noqa: B010 (not exported)
