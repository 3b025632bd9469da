"""Kept-alive connections per host, each handing its socket to the timer of the download that
uses it (`briefing.net.watch`).

A run makes one TLS context (building one loads every certificate authority of the system:
60% of a fetch's CPU when it was made per request) and one pool of connections per host, at
most `per_host` of them, kept alive from one request to the next. Connections, TLS and the
framing of answers are urllib3's: its pools detect a connection the server dropped before
reusing it, and verify certificates and names. The socket of a new connection is handed to
the current download's timer before TLS starts, and that of a reused one before the request
is sent, so that no phase of a download outlasts its limit.
"""

from __future__ import annotations

import http.client
import ssl
import threading
from typing import Any
from urllib.parse import urlsplit

import urllib3
from urllib3.exceptions import ProtocolError

from briefing.net.watch import Timer

# How a connection the server closed shows when it is used again.
_DROPPED = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError, ConnectionAbortedError)

# The timer of the download the current thread runs: the connection classes below hand it the
# socket they read from, new or reused.
current = threading.local()


def _bind(sock: Any) -> None:
    timer: Timer | None = getattr(current, "timer", None)
    if timer is not None:
        timer.bind(sock)


class _WatchedHTTP(urllib3.connection.HTTPConnection):
    """A connection that hands its socket to the current download's timer."""

    def _new_conn(self) -> Any:
        sock = super()._new_conn()
        _bind(sock)  # before TLS: a handshake dripped byte by byte is bounded too
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        current.reused = self.sock is not None
        _bind(self.sock)  # a connection reused from the pool (None for a new one: _new_conn binds)
        super().request(*args, **kwargs)


class _WatchedHTTPS(_WatchedHTTP, urllib3.connection.HTTPSConnection):
    pass


class _HTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTP


class _HTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPS


class Connections:
    """A run's pools of connections, one per host (scheme, name and port). Thread-safe."""

    def __init__(self, per_host: int) -> None:
        self.per_host = per_host
        self._lock = threading.Lock()
        self._pools: dict[tuple[str, str, int | None], urllib3.HTTPConnectionPool] = {}
        self._context: ssl.SSLContext | None = None

    def close(self) -> None:
        with self._lock:
            pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            pool.close()

    def open(self, url: str, headers: dict[str, str], timeout: urllib3.Timeout) -> urllib3.BaseHTTPResponse:
        """The response head of one GET. A kept-alive connection the server closed while it sat
        in the pool fails before any answer: the request is then made once more, on a new one
        (a GET may be asked twice; a browser does the same)."""
        try:
            return self._get(url, headers, timeout)
        except ProtocolError as error:
            timer: Timer = current.timer
            dropped = isinstance(error.args[-1] if error.args else None, _DROPPED)
            if not (current.reused and dropped) or timer.expired:
                raise
        return self._get(url, headers, timeout)  # the pool has let the dropped connection go

    def _get(self, url: str, headers: dict[str, str], timeout: urllib3.Timeout) -> urllib3.BaseHTTPResponse:
        parts = urlsplit(url)
        current.reused = False
        return self._pool(url).urlopen(
            "GET",
            (parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
            headers=headers,
            retries=False,
            redirect=False,
            assert_same_host=False,
            preload_content=False,
            decode_content=False,
            enforce_content_length=True,
            timeout=timeout,
        )

    def _pool(self, url: str) -> urllib3.HTTPConnectionPool:
        parts = urlsplit(url)
        host = parts.hostname or ""
        key = (parts.scheme, f"[{host}]" if ":" in host else host, parts.port)
        with self._lock:
            pool = self._pools.get(key)
            if pool is None:
                options: dict[str, Any] = {"maxsize": self.per_host, "block": False, "retries": False}
                if parts.scheme == "https":
                    if self._context is None:
                        self._context = ssl.create_default_context()  # once a run: it loads every CA
                    pool = _HTTPSPool(key[1], key[2], ssl_context=self._context, **options)
                else:
                    pool = _HTTPPool(key[1], key[2], **options)
                self._pools[key] = pool
        return pool
