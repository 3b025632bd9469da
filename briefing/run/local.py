"""Reading and cleaning a day's files on this machine's cores, in the standard library's
process pool, once a day is big enough to pay for it.

Each file is cleaned and cut into sentences apart from the others, and the articles that
come back are cheap to pickle (3.7 MB for 500). Workers are forked from this process after
its imports, so they start in milliseconds with the models loaded. Fork is safe on Linux
while no other thread runs. Where other threads run (the TUI's event loop, a drawn progress
bar) the workers are forked from a server process started for them instead (`forkserver`,
which imports the reading code once: about half a second, paid only by a day of 100 files
or more); elsewhere the work runs here, in turn. The briefing is the same either way: `map`
keeps the input order and every task is a pure function of its input.

The later stages stay in this process. Sentences' features are large to pickle (8 MB for
500 articles) and come back without their shared strings, so working them out in workers
costs more CPU than it saves wall time; per-story summaries take those features as input.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from briefing.errors import WorkerError
from briefing.tasks import Mapper, Progress, in_turn

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# Inputs below which the work stays here: starting and stopping two workers costs about
# 25 ms, and on 2 cores the pool breaks even near 70 files (64: 0.061 s vs 0.059 in turn;
# 128: 0.107 vs 0.122).
MINIMUM_INPUTS = 100
# Inputs per task: files differ in length, and many chunks per worker keep the cores busy
# to the end (the files go largest first: `briefing.tasks.biggest_first`); at most 32 files
# (30 ms of work), so that on Ctrl-C or SIGTERM the workers are done with what they started
# at once. The 100 shared feeds' files, 4 a chunk largest first, take the 2 cores 1.01 s
# against 1.13 s in 13s in the folder's order (the CPU of each file, laid out as the pool
# hands them out), where 1.00 s is even.
_CHUNKS_PER_WORKER = 16
# How often a worker looks whether its parent is still there (seconds).
_PARENT_CHECK = 0.5
_MAXIMUM_CHUNK = 32

# What a stage is doing, for the progress bar.
_LABELS = {
    "_read_path_task": "reading files",
    "read_bytes": "reading files",  # what a run with the history's cache maps (run/cached.py)
    "parse_article": "cleaning articles",
    "_article_and_view": "cleaning articles",
}


def usable_cores() -> int:
    """The cores this process may run on, which a container or `taskset` may limit."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@contextmanager
def process_mapper(processes: int = 0, progress: Progress | None = None) -> Iterator[Mapper]:
    """A mapper that runs large maps on `processes` worker processes (0: one per usable
    core, and never more than those cores), for the `with`; with one process, or where fork
    is unsafe, it runs them here. More workers than cores only share them: `processes = 64`
    on 2 cores forked 64 workers, each holding a copy of the reader."""
    workers = min(processes, usable_cores()) if processes else usable_cores()
    mapper = _PoolMapper(workers, progress) if workers > 1 and _fork_is_safe() else None
    try:
        yield mapper or in_turn()
    finally:
        if mapper:
            mapper.close()


def _fork_is_safe() -> bool:
    """Fork copies one thread; on macOS system libraries break in the child, so only Linux
    (where multiprocessing has both fork and its fork server)."""
    return sys.platform.startswith("linux")


# What a worker forked from the server runs, imported there once rather than in each worker.
_PRELOAD = ["briefing.run.cached", "briefing.sources.files", "briefing.text.language"]


class _PoolMapper:
    """`ProcessPoolExecutor.map` in chunks, started at the first map worth it."""

    def __init__(self, workers: int, progress: Progress | None) -> None:
        self.workers = workers
        self.progress = progress
        self.pool: ProcessPoolExecutor | None = None

    def __call__(self, function: Callable[[Any], Any], inputs: Sequence[Any], /) -> list[Any]:
        if len(inputs) < MINIMUM_INPUTS:
            return in_turn()(function, inputs)
        # Imported for the first pool: a day of a few files (`digest seeds`) starts none.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        if self.pool is None:
            # Another thread (the TUI's loop, a drawn progress bar) would not survive a fork.
            threads = threading.active_count() > 1
            if threads and not _tracker_started():
                return in_turn()(function, inputs)
            context = multiprocessing.get_context("forkserver" if threads else "fork")
            if threads:
                context.set_forkserver_preload(_PRELOAD)
            self.pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_signals)
        name = str(getattr(function, "__name__", None) or getattr(getattr(function, "func", None), "__name__", ""))
        label = f"{_LABELS.get(name, 'working')} on {self.workers} cores"
        chunk = min(-(-len(inputs) // (self.workers * _CHUNKS_PER_WORKER)), _MAXIMUM_CHUNK)
        results: list[Any] = []
        try:
            for value in self.pool.map(function, inputs, chunksize=chunk):
                results.append(value)
                if self.progress and len(results) % chunk == 0:
                    self.progress(label, len(results) / len(inputs))
        except BrokenProcessPool as error:
            raise WorkerError(f"a worker process died while {_LABELS.get(name, name)}: {error}") from error
        return results

    def close(self) -> None:
        """Stop the workers; on an interrupt, the chunks they are on finish first (a tenth of a second)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _tracker_started() -> bool:
    """Start multiprocessing's resource tracker, which a fork server needs, with the process's
    own stderr: it hands the tracker the file of `sys.stderr`, where the TUI's Textual keeps an
    object of its own whose `fileno()` is no file ("bad value(s) in fds_to_keep"). False when
    it cannot start: the work then runs here."""
    from multiprocessing import resource_tracker

    ours = sys.stderr
    try:
        sys.stderr = sys.__stderr__ or ours
        resource_tracker.ensure_running()
    except (OSError, ValueError):
        return False
    finally:
        sys.stderr = ours
    return True


def _worker_signals() -> None:
    """Ctrl-C, SIGTERM and SIGHUP are the parent's to handle: it stops the pool, waits for
    the chunks the workers are on and exits with its code. A worker that died of a signal
    sent to the whole group (Ctrl-C, systemd stopping a unit) could leave its result half
    written, and the pool then waits for the rest of it forever."""
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_IGN)
    # A parent killed outright (SIGKILL, the OOM killer) stops nothing: the workers, deaf to the
    # signals above and each holding the others' ends of the pool's pipes (so none ever reads
    # an end of file), slept on forever. Each now leaves once its parent is gone.
    parent = os.getppid()
    threading.Thread(target=_leave_with, args=(parent,), name="leave-with-parent", daemon=True).start()


def _leave_with(parent: int) -> None:
    """End this worker once its parent process is gone (it is then re-parented)."""
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK)
    os._exit(1)
