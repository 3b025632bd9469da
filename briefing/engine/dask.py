"""The day's pipeline as tasks on Dask: each file read and cleaned, each article's features
worked out, and each story summarized, as tasks; the day-level steps stay with the caller.

The tasks are the core's own functions (`read_path`, `parse_article`, `read_article`,
`summarize_task`), handed to `Client.map` through the core's `Mapper` seam, so the briefing is
the one the same articles give in process. Only this module imports dask, and only when a
scheduler is asked for: `dask.distributed` is the optional `[dask]` extra.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from briefing.config import parse_scheduler
from briefing.errors import BriefingError, ConfigError, ExitCode
from briefing.models import Article
from briefing.printable import printable
from briefing.sources.documents import Document
from briefing.summary.pipeline import StoryTask
from briefing.tasks import Mapper, Progress

INSTALL = "pip install 'briefing[dask]'"


class TaskError(BriefingError):
    """A task failed on the engine; the message names the input it failed on."""

    exit_code = ExitCode.ENGINE


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
                silence_logs=logging.ERROR,
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
    """`Client.map` with results in input order, progress as tasks finish, and failures named."""

    def __init__(self, client: Any, progress: Progress | None) -> None:
        self.client = client
        self.progress = progress

    def __call__(self, function: Callable[[Any], Any], inputs: Sequence[Any], /) -> list[Any]:
        from distributed import as_completed

        if not inputs:
            return []
        futures = self.client.map(function, list(inputs), pure=False)
        position = {future.key: number for number, future in enumerate(futures)}
        stage = getattr(function, "__name__", None) or getattr(getattr(function, "func", None), "__name__", "tasks")
        for done, future in enumerate(as_completed(futures), start=1):
            if future.status == "error":
                failed = inputs[position[future.key]]
                error = future.exception()
                for other in futures:
                    other.cancel()
                raise TaskError(f"{stage} failed on {_label(failed)}: {type(error).__name__}: {error}")
            if self.progress:
                self.progress(f"{stage} on Dask", done / len(futures))
        return list(self.client.gather(futures))


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
