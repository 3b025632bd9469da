"""The garbage collector's regime for a batch of summarizing: off while it runs; in a
one-shot command, the survivors frozen, so that no collection ever walks them again.

A day's articles allocate millions of small objects, nearly all acyclic (reference counting
frees them). Each full collection walks everything alive, the NLP stack's module-level
objects and the features and matrices that live to the end of the batch, and finds almost
nothing to free, so the batch runs with the collector off.

Freezing is for a process that ends with its batch (`briefing digest`), because what is
frozen is never freed. A long-lived process, the TUI, runs its batches with `freeze=False`:
each + or - replaces a briefing whose cycles must be collected, not kept for the session
(`benchmarks/speed.py --only memory` measures its RSS over 500 presses).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_running = 0  # batches running now, in any thread: the collector is off while any runs
_was_enabled = False  # whether it was on before the first of them began
_freeze = True  # whether every batch running now asked for the survivors to be frozen


@contextlib.contextmanager
def batch_memory(freeze: bool = True) -> Iterator[None]:
    """Run a batch with the collector off; when the last running batch ends, freeze what is
    alive (if every batch since the collector went off asked to) and turn the collector back
    on if it was on. Batches may overlap across threads (the TUI's reading and summarizing
    workers)."""
    global _running, _was_enabled, _freeze
    with _lock:
        if not _running:
            _was_enabled = gc.isenabled()
            _freeze = True
            gc.disable()
        _running += 1
        _freeze = _freeze and freeze
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if not _running:
                if _freeze:
                    gc.freeze()
                if _was_enabled:
                    gc.enable()
