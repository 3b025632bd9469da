"""The day's pipeline as tasks on Dask: each file read and cleaned, and each shown story
summarized (its articles' features worked out there), as tasks; the day-level steps (finding
and ranking the stories) stay with the caller.

The tasks are the core's own functions (`read_path`, `parse_article`, `summarize_task`), handed to `Client.map` through the core's `Mapper` seam, so the briefing is
the one the same articles give in process. Only this module imports dask, and only when a
scheduler is asked for: `dask.distributed` is the optional `[dask]` extra.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any

from briefing.config import parse_scheduler
from briefing.errors import ConfigError, TaskError
from briefing.models import Article, Document
from briefing.sanitize import printable
from briefing.summary.story import StoryTask
from briefing.tasks import Mapper, Progress

INSTALL = "pip install 'briefing[dask]'"
_BATCH = 64  # inputs per task at most


@contextmanager
def dask_mapper(scheduler: str, progress: Progress | None = None) -> Iterator[Mapper]:
    """A mapper that runs each function as tasks on the named Dask scheduler, for the `with`.

    `local:N` starts N worker processes on this machine and stops them afterwards;
    `tcp://HOST:PORT` connects to a running scheduler, whose workers must be able to import
    this version of briefing and read the article files by the same paths.
    """
    kind, where = parse_scheduler(scheduler)
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ConfigError(f"--scheduler needs dask.distributed: {INSTALL}") from error
    try:
        if kind == "local":
            cluster = LocalCluster(
                n_workers=int(where), threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=logging.CRITICAL,  # workers log a lost heartbeat while shutting down
            )  # fmt: skip
            client = Client(cluster)
        else:
            cluster, client = None, Client(str(where), timeout="10s")
    except OSError as error:
        raise TaskError(f"cannot reach the Dask scheduler {scheduler}: {error}") from error
    try:
        yield _Mapper(client, progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class _Mapper:
    """`Client.map` in batches, results in input order, progress as batches finish, failures named.

    Inputs are scattered to the workers first and sent a batch per task: thousands of tiny
    tasks cost more in scheduling than in work.
    """

    def __init__(self, client: Any, progress: Progress | None) -> None:
        self.client = client
        self.progress = progress
        self.workers = max(len(client.scheduler_info().get("workers", {})), 1)

    def __call__(self, function: Callable[[Any], Any], inputs: Sequence[Any], /) -> list[Any]:
        from distributed import as_completed

        if not inputs:
            return []
        size = max(1, min(_BATCH, -(-len(inputs) // (4 * self.workers))))
        batches = [list(inputs[start : start + size]) for start in range(0, len(inputs), size)]
        futures = self.client.map(partial(_apply, function), self.client.scatter(batches), pure=False)
        first = {future.key: number * size for number, future in enumerate(futures)}
        stage = getattr(function, "__name__", None) or getattr(getattr(function, "func", None), "__name__", "tasks")
        results: list[Any] = [None] * len(inputs)
        for done, future in enumerate(as_completed(futures), start=1):
            if future.status == "error":  # the worker itself failed, not one input
                raise TaskError(f"{stage} failed on a Dask worker: {future.exception()}")
            for offset, (ok, value) in enumerate(future.result()):
                if not ok:
                    for other in futures:
                        other.cancel()
                    failed = inputs[first[future.key] + offset]
                    raise TaskError(f"{stage} failed on {_label(failed)}: {value}")
                results[first[future.key] + offset] = value
            if self.progress:
                self.progress(f"{stage} on Dask", done / len(futures))
        return results


def _apply(function: Callable[[Any], Any], values: list[Any]) -> list[tuple[bool, Any]]:
    """`function` of each value, as (True, result) or (False, "Error: message"): one bad
    input is named by the client, not lost in a batch."""
    results: list[tuple[bool, Any]] = []
    for value in values:
        try:
            results.append((True, function(value)))
        except Exception as error:  # reported by the client with the input it came from
            results.append((False, f"{type(error).__name__}: {error}"))
    return results


def _label(value: Any) -> str:
    """What a task worked on, in words: the article, the file or the story."""
    if isinstance(value, Article | Document):
        label = f"article {value.id!r} ({value.path})"
    elif isinstance(value, StoryTask):
        label = f"the story of articles {', '.join(repr(a.id) for a in value.articles)}"
    elif isinstance(value, tuple) and value and hasattr(value[0], "name"):
        label = f"file {str(value[0])!r}"
    else:
        label = repr(value)[:200]
    return printable(label)
