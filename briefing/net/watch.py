"""Deadlines a socket read cannot outlast: one watcher thread that shuts the socket of a download
whose phase ran out of time.

A socket timeout bounds each `recv`, not a phase: a server that sends one byte of a header line
every half second, or `HTTP/1.1 100 Continue` forever, never lets a `recv` time out (one run
hung 488 s against `timeout_seconds = 2`, another until SIGKILL). So each download has a
`Timer` with the deadline of its current phase (connect and the response head; then the whole
download). The `Watch` thread sleeps until the earliest deadline and shuts the socket of a
timer past it: the blocked read returns at once, and the download reports the phase that ran
out (`Timer.expired`). `Watch.abort` does the same to every download at once, which is how
SIGTERM or Ctrl-C ends a fetch without waiting for a stuck worker.
"""

from __future__ import annotations

import contextlib
import math
import socket
import threading
import time


class Timer:
    """One download's deadline: what to say when it passes, and the socket to shut then."""

    def __init__(self, watch: Watch) -> None:
        self._watch = watch
        self.deadline = math.inf
        self.reason = ""
        self.expired: str | None = None  # the reason, once the deadline passed
        self._sock: socket.socket | None = None

    def arm(self, seconds: float, reason: str) -> None:
        """From now on the download has `seconds` for its phase; `reason` says so if it runs out."""
        with self._watch.changed:
            self.deadline = time.monotonic() + max(seconds, 0.0)
            self.reason = reason
            self._watch.changed.notify()

    def bind(self, sock: socket.socket | None) -> None:
        """The socket the download now reads from (a new connection, or one reused from a pool)."""
        with self._watch.changed:
            self._sock = sock
            if self.expired is not None:
                _shut(sock)

    def release(self) -> None:
        """The download is over: its socket (which a pool may reuse) is never shut by this timer."""
        with self._watch.changed:
            self._sock = None
            self._watch.timers.discard(self)

    def _expire(self, reason: str) -> None:
        """Called by the watch with its lock held."""
        if self.expired is None:
            self.expired = reason
        _shut(self._sock)


def _shut(sock: socket.socket | None) -> None:
    """Wake any thread blocked reading `sock`: its read returns at once (end of stream)."""
    if sock is None:
        return
    # The plain socket's shutdown, also for a TLS socket: SSLSocket.shutdown would drop its TLS
    # state under the feet of the thread still reading it. OSError: already closed.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class Watch:
    """The timers of a run's downloads, and the thread that enforces them (started on first use)."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.timers: set[Timer] = set()
        self._thread: threading.Thread | None = None
        self._closed = False
        self.aborted: str | None = None

    def timer(self) -> Timer:
        """A new timer, watched until it is released; already expired if the watch was aborted."""
        timer = Timer(self)
        with self.changed:
            if self.aborted is not None:
                timer.expired = self.aborted
            self.timers.add(timer)
            if self._thread is None and not self._closed:
                # A daemon: the process never waits for it, and it holds no resource of its own.
                self._thread = threading.Thread(target=self._run, name="briefing-deadlines", daemon=True)
                self._thread.start()
        return timer

    def abort(self, reason: str) -> None:
        """End every download now (SIGTERM, Ctrl-C): each one's read returns and it fails with `reason`."""
        with self.changed:
            self.aborted = reason
            for timer in self.timers:
                timer._expire(reason)
            self.changed.notify()

    def close(self) -> None:
        """Stop the thread; timers made after this are no longer enforced."""
        with self.changed:
            self._closed = True
            self.changed.notify()

    def _run(self) -> None:
        with self.changed:
            while not self._closed:
                now = time.monotonic()
                for timer in self.timers:
                    if timer.deadline <= now:
                        timer._expire(timer.reason)
                waiting = [t.deadline for t in self.timers if t.expired is None and t.deadline < math.inf]
                self.changed.wait(min(waiting) - now if waiting else None)
