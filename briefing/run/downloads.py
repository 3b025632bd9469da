"""A run's downloads in threads: each URL downloaded once per run, whoever asks for it, and an
interrupt that never waits for a stuck download.

Five hundred feeds whose teasers link the same three pages downloaded each page about 495 times
in one run: a page was known only once stored, and every feed asked while it was in flight.
Here a download is kept by URL (and the feed state it was asked with) for the whole run; a
second asker waits on the same download and gets the same answer.

SIGTERM or Ctrl-C unwinds the calling thread through `__exit__`, which stops the downloads in
flight (`abort`, which shuts their sockets) and leaves without joining the threads: a `with
ThreadPoolExecutor` there joined a worker stuck in a read, so the first signal did nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Generic, TypeVar

from briefing.models import FeedState
from briefing.net.fetch import Response

Waiter = TypeVar("Waiter")
Key = tuple[str, FeedState | None]


class Downloads(Generic[Waiter]):
    """Downloads by `get(url, state)` on `workers` threads; each finished one handed to every
    waiter that asked for it (`finished`). `abort` stops those in flight."""

    def __init__(
        self, get: Callable[[str, FeedState | None], Response], abort: Callable[[], None], workers: int = 8
    ) -> None:
        self._get = get
        self._abort = abort
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="briefing-download")
        self._futures: dict[Key, Future[Response]] = {}
        self._waiting: dict[Future[Response], list[Waiter]] = {}
        self._answered: list[tuple[Waiter, Future[Response]]] = []
        self.requests = 0

    def __enter__(self) -> Downloads[Waiter]:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is not None:
            self._abort()  # every read in flight returns at once
        # Waits for the threads only when all went well (they are done by then): an error or an
        # interrupt leaves at once, and nothing not started yet starts.
        self._pool.shutdown(wait=kind is None, cancel_futures=True)

    def __len__(self) -> int:
        """How many waiters are still waiting."""
        return sum(map(len, self._waiting.values())) + len(self._answered)

    def submit(self, url: str, state: FeedState | None, waiter: Waiter) -> None:
        """Ask for `url`; `waiter` gets its answer from `finished`, downloaded once per run."""
        key = (url, state)
        future = self._futures.get(key)
        if future is None:
            self.requests += 1
            future = self._futures[key] = self._pool.submit(self._get, url, state)
            self._waiting[future] = []
        if future in self._waiting:
            self._waiting[future].append(waiter)
        else:
            self._answered.append((waiter, future))  # downloaded earlier in the run

    def finished(self) -> list[tuple[Waiter, Future[Response]]]:
        """Waiters whose download is done, each with it (blocks until there is one)."""
        if self._answered:
            answered, self._answered = self._answered, []
            return answered
        done, _ = wait(self._waiting, return_when=FIRST_COMPLETED)
        return [(waiter, future) for future in done for waiter in self._waiting.pop(future)]
