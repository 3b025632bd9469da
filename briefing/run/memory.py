"""The garbage collector's regime for a batch of summarizing: off while it runs; in a
one-shot command, the survivors frozen, so that no collection ever walks them again.

A day's articles allocate millions of small objects, nearly all acyclic (refcounting frees
them); each full collection walks everything alive, the NLP stack's hundreds of thousands of
module-level objects and the features and matrices that live to the end, for nothing. On 500
articles the collector freed under a thousand objects and spent 0.37 s scanning; in the TUI,
where the same work runs in a worker thread beside the event loop, summarizing 500 articles
took 3.0 s with the collector on and 2.5 s with it off. What a batch leaves (its caches,
326,000 objects on 500 articles) is frozen before the collector is back on: the first
collection after the digest spent 0.13 s scanning them to free some 30 cyclic ones.

Freezing is for a process that ends with its batch (`briefing digest`): what is frozen is
never freed, and in the TUI each + or - left the cycles of the briefing it replaced frozen
(after 30 presses on the seeds, 266,559 objects frozen, 119,178 of them garbage). A
long-lived process runs its batches with `freeze=False`: the collector is only off while they run.
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
