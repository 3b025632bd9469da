"""Downloading: the only network code in briefing.

Polite and bounded: a User-Agent naming the tool, gzip, conditional GET (ETag and
Last-Modified), at most 2 connections per host, a size limit checked before and while reading
(and after unpacking, so a gzip bomb stops at the limit), at most 5 redirects and no loops, and
time limits per phase that a dripping server cannot stretch (`briefing.net.watch`):

- no silence longer than `timeout` (connecting, TLS, waiting for the answer, reading it);
- connecting, sending the request and receiving the whole response head (status line, headers,
  any `100 Continue`) within 2 x `timeout`, however it drips;
- the whole download, redirects included, within 3 x `timeout`, counted from when the host's
  connection slot is taken (time queued behind other downloads of the host does not count).

A `Client` serves one run: one TLS context, and a pool of kept-alive connections per host
(`briefing.net.connections`), so that twenty feeds of a morning cost twenty requests, not
twenty handshakes and twenty loads of the system's certificates. Connections and TLS are
urllib3's; the limits stay ours (redirects are followed here, each hop through `check_url`;
gzip is unpacked here, against the size limit). What is downloaded is bytes: reading them as
feeds and pages, and keeping them, is `briefing.run.fetching`'s.
"""

from __future__ import annotations

import http.client
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from briefing.models import FeedState
from briefing.net.connections import Connections, current
from briefing.net.watch import Timer, Watch
from briefing.sanitize import shown_name
from briefing.urls import BadURL, check_url
from briefing.version import __version__

USER_AGENT = f"briefing/{__version__} (news briefing; feed reader)"
MAX_REDIRECTS = 5
PER_HOST = 2
CHUNK = 65536
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
INTERRUPTED = "interrupted"


class FetchError(Exception):
    """A download that failed; the message is the reason a person reads."""


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    status: int
    body: bytes = b""
    charset: str | None = None
    state: FeedState = field(default_factory=FeedState)


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    user_agent: str = USER_AGENT


class Hosts:
    """At most PER_HOST connections to one host at a time, across threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.slots: dict[str, threading.Semaphore] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self.lock:
            semaphore = self.slots.setdefault(host, threading.Semaphore(PER_HOST))
        with semaphore:
            yield


class Client:
    """A run's downloads: one TLS context, kept-alive connections per host, the per-host slots,
    and the deadlines. Thread-safe; `close` it (or use it as a context manager) when done."""

    def __init__(self, limits: Limits | None = None, hosts: Hosts | None = None) -> None:
        self.limits = limits or Limits()
        self.hosts = hosts or Hosts()
        self.watch = Watch()
        self.connections = Connections(PER_HOST)

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.watch.close()
        self.connections.close()

    def abort(self) -> None:
        """End every download in flight now: each fails as interrupted (SIGTERM, Ctrl-C, a quit)."""
        self.watch.abort(INTERRUPTED)

    def download(self, url: str, state: FeedState | None = None) -> Response:
        """GET `url`, following up to MAX_REDIRECTS redirects; a 304 when `state` still holds."""
        total = 3 * self.limits.timeout
        spent = 0.0
        visited: list[str] = []
        for _ in range(MAX_REDIRECTS + 1):
            try:
                url = check_url(url)
            except BadURL as error:
                raise FetchError(f"redirected to {shown_name(url)}: {error}" if visited else str(error)) from None
            if url in visited:
                raise FetchError("redirect loop")
            visited.append(url)
            with self.hosts.slot(urlsplit(url).hostname or ""):
                started = time.monotonic()
                try:
                    response = self._get(url, state, total - spent)
                finally:
                    spent += time.monotonic() - started
            if isinstance(response, str):
                url = response
                continue
            return response
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _get(self, url: str, state: FeedState | None, budget: float) -> Response | str:
        """One request within `budget` seconds: the response, or the URL a redirect points to."""
        timeout = self.limits.timeout
        headers = {
            "User-Agent": self.limits.user_agent,
            "Accept-Encoding": "gzip, deflate",
            "Accept": "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, */*;q=0.5",
        }
        etag, modified = _validators(state)
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        parts = urlsplit(url)
        over = f"timeout: the download took over {3 * timeout:g} s"
        started = time.monotonic()
        timer = self.watch.timer()
        current.timer = timer
        response = None
        try:
            if budget <= 0:
                raise FetchError(over)
            # Connecting, the request and the whole response head: one phase, however it drips. Twice
            # the silence limit, so that a server silent from the start is said as such.
            head = 2 * timeout
            timer.arm(min(head, budget), f"timeout: no complete answer within {head:g} s" if budget > head else over)
            response = self.connections.open(url, headers, urllib3.Timeout(connect=min(timeout, budget), read=timeout))
            timer.arm(budget - (time.monotonic() - started), over)  # the body: what is left of the budget
            answer = self._answer(url, response, state, timer)
        except FetchError:
            _close(response)
            raise
        except (HTTPError, http.client.HTTPException, OSError) as error:
            _close(response)
            raise FetchError(timer.expired or _reason(error, parts.hostname or "", timeout)) from error
        except BaseException:
            _close(response)
            raise
        finally:
            current.timer = None
            timer.release()
        if response is not None:
            response.release_conn()  # read whole: the connection goes back to the host's pool
        return answer

    def _answer(
        self, url: str, response: urllib3.BaseHTTPResponse, state: FeedState | None, timer: Timer
    ) -> Response | str:
        status = response.status
        if status in _REDIRECTS:
            location = (response.headers.get("Location") or "").strip()
            _discard(response)
            if not location:
                raise FetchError(f"HTTP {status} redirect without a Location")
            try:
                return urljoin(url, location)
            except ValueError:  # urljoin cannot read it: check_url will say why
                return location
        if status == 304:
            _discard(response)
            if not any(_validators(state)):
                # Nothing was asked "if modified": a 304 here holds no feed (it was exit 1 in silence).
                raise FetchError("HTTP 304 Not Modified, to a request that was not conditional")
            return Response(url, 304, state=FeedState(*_validators(state)))
        if status != 200:
            _discard(response)
            raise FetchError(f"HTTP {status} {response.reason or ''}".strip())
        body = self._body(response, timer)
        charset = _charset(response.headers.get("Content-Type") or "")
        given = FeedState(response.headers.get("ETag"), response.headers.get("Last-Modified"))
        return Response(url, 200, body, charset, FeedState(*_validators(given)))

    def _body(self, response: urllib3.BaseHTTPResponse, timer: Timer) -> bytes:
        """The body, unpacked, never more than the limit in memory, within the download's deadline.
        A body shorter than its Content-Length, a chunked one without its last chunk or gzip data
        without its end is a FetchError: stored, a page cut mid-word would never be replaced."""
        limit = self.limits.max_bytes
        length = (response.headers.get("Content-Length") or "").strip()
        if limit and length.isdigit() and int(length) > limit:
            raise FetchError(f"too large: {int(length):,} bytes, over the limit of {limit:,} ([sources] max_bytes)")
        encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
        if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise FetchError(f"unsupported content encoding {shown_name(encoding)!r}")
        unpack = None if encoding == "identity" else zlib.decompressobj(47)  # 47: gzip or zlib header
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = response.read(CHUNK, decode_content=False)
            if timer.expired:
                raise FetchError(timer.expired)
            if not chunk:
                break
            if unpack:
                try:
                    chunk = unpack.decompress(chunk, (limit - size + 1) if limit else 0)
                except zlib.error as error:
                    raise FetchError(f"bad {encoding} data ({error})") from error
                if unpack.unconsumed_tail:
                    size = limit + 1
            size += len(chunk)
            if limit and size > limit:
                raise FetchError(f"too large: over the limit of {limit:,} bytes ([sources] max_bytes)")
            chunks.append(chunk)
        if unpack and not unpack.eof:
            raise FetchError(f"cut short: the {encoding} data stops before its end")
        return b"".join(chunks)


def _discard(response: urllib3.BaseHTTPResponse) -> None:
    """Read what is left of a body we do not want when it is small (the connection can then be
    reused), else close the connection: a redirect's endless body is not read."""
    remaining = response.length_remaining
    if remaining is not None and remaining <= CHUNK:
        response.drain_conn()
    else:
        _close(response)


def _close(response: urllib3.BaseHTTPResponse | None) -> None:
    """Close a response and its connection (then released, so the pool opens a fresh one)."""
    if response is not None:
        response.close()
        response.release_conn()


def _validators(state: FeedState | None) -> tuple[str | None, str | None]:
    """The ETag and Last-Modified a request can send back as they are: printable ASCII. A value
    folded over two lines, or one a damaged history holds, would forge a header, or fail the
    request; it is dropped (the feed is then asked for whole)."""
    if state is None:
        return None, None
    etag, modified = (v if v and v.isascii() and v.isprintable() else None for v in (state.etag, state.modified))
    return etag, modified


def _charset(content_type: str) -> str | None:
    """The charset a Content-Type header names, if any."""
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _reason(error: BaseException, host: str, timeout: float) -> str:
    """What failed, in the words README promises (DNS, timeout, TLS, network, a bad response)."""
    cause = error.__cause__ or error.__context__
    if isinstance(error, NameResolutionError):
        said = getattr(cause, "strerror", None) or cause or error
        return f"DNS: cannot resolve {shown_name(host)} ({said})"
    if isinstance(error, NewConnectionError):
        return f"network: {getattr(cause, 'strerror', None) or cause or error}"
    if isinstance(error, (ConnectTimeoutError, ReadTimeoutError, TimeoutError)):
        return f"timeout: no answer within {timeout:g} s"
    if isinstance(error, SSLError):
        inner = error.args[0] if error.args else error
        return f"TLS: {getattr(inner, 'reason', None) or inner}"
    if isinstance(error, ProtocolError):
        inner = error.args[-1] if error.args else None
        if isinstance(inner, http.client.IncompleteRead):
            got = inner.partial if isinstance(inner.partial, int) else len(inner.partial)
            return f"cut short: the server closed the connection after {got:,} bytes of the body"
        if isinstance(inner, (http.client.HTTPException, OSError)):
            return _reason(inner, host, timeout)
        return f"bad HTTP response ({shown_name(error.args[0] if error.args else error)})"
    if isinstance(error, http.client.RemoteDisconnected):
        return "network: the server closed the connection without an answer"
    if isinstance(error, http.client.HTTPException):
        said = shown_name(str(error))[:100] or type(error).__name__
        return f"bad HTTP response ({said})"
    if isinstance(error, OSError):
        return f"network: {error.strerror or error}"
    return f"bad HTTP response ({type(error).__name__})"


def download(url: str, limits: Limits, state: FeedState | None = None, hosts: Hosts | None = None) -> Response:
    """GET one URL with a client of its own (a run of many downloads shares one `Client`)."""
    with Client(limits, hosts) as client:
        return client.download(url, state)
