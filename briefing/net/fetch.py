"""Downloading: the only network code in briefing.

Polite and bounded: a User-Agent naming the tool, gzip, conditional GET (ETag and
Last-Modified), at most 2 connections per host, a timeout on every socket operation and on
the whole download, a size limit checked before and while reading (and after unpacking, so a
gzip bomb stops at the limit), at most 5 redirects and no loops. What is downloaded is
bytes: reading them as feeds and pages, and keeping them, is `briefing.run.fetching`'s.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from briefing.models import FeedState
from briefing.sanitize import shown_name
from briefing.urls import BadURL, check_url
from briefing.version import __version__

USER_AGENT = f"briefing/{__version__} (news briefing; feed reader)"
MAX_REDIRECTS = 5
PER_HOST = 2
CHUNK = 65536
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


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


def download(url: str, limits: Limits, state: FeedState | None = None, hosts: Hosts | None = None) -> Response:
    """GET `url` (following up to MAX_REDIRECTS redirects); a 304 when `state` still holds."""
    hosts = hosts or Hosts()
    deadline = time.monotonic() + 3 * limits.timeout
    visited: list[str] = []
    for _ in range(MAX_REDIRECTS + 1):
        try:
            url = check_url(url)
        except BadURL as error:
            raise FetchError(f"redirected to {shown_name(url)}: {error}" if visited else str(error)) from None
        if url in visited:
            raise FetchError("redirect loop")
        visited.append(url)
        parts = urlsplit(url)
        with hosts.slot(parts.hostname or ""):
            response = _get(url, limits, state, deadline)
        if isinstance(response, str):
            url = response
            continue
        return response
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _get(url: str, limits: Limits, state: FeedState | None, deadline: float) -> Response | str:
    """One request: the response, or the URL a redirect points to."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            host, parts.port, timeout=limits.timeout, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(host, parts.port, timeout=limits.timeout)
    headers = {
        "User-Agent": limits.user_agent,
        "Accept-Encoding": "gzip, deflate",
        "Accept": "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, */*;q=0.5",
        "Connection": "close",
    }
    if state and state.etag:
        headers["If-None-Match"] = state.etag
    if state and state.modified:
        headers["If-Modified-Since"] = state.modified
    try:
        connection.request("GET", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), headers=headers)
        response = connection.getresponse()
        if response.status in _REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise FetchError(f"HTTP {response.status} redirect without a Location")
            try:
                return urljoin(url, location.strip())
            except ValueError:  # urljoin cannot read it: check_url says why
                return location.strip()
        if response.status == 304:
            return Response(url, 304, state=state or FeedState())
        if response.status != 200:
            raise FetchError(f"HTTP {response.status} {response.reason}".strip())
        body = _body(response, limits, deadline)
        return Response(
            url,
            200,
            body,
            response.headers.get_content_charset(),
            FeedState(response.getheader("ETag"), response.getheader("Last-Modified")),
        )
    except socket.gaierror as error:
        raise FetchError(f"DNS: cannot resolve {host} ({error.strerror or error})") from error
    except TimeoutError as error:  # socket.timeout is TimeoutError
        raise FetchError(f"timeout: no answer within {limits.timeout:g} s") from error
    except ssl.SSLError as error:
        raise FetchError(f"TLS: {error.reason or error}") from error
    except http.client.HTTPException as error:
        raise FetchError(f"bad HTTP response ({type(error).__name__})") from error
    except OSError as error:
        raise FetchError(f"network: {error.strerror or error}") from error
    finally:
        connection.close()


def _body(response: http.client.HTTPResponse, limits: Limits, deadline: float) -> bytes:
    """The body, unpacked, never more than the limit in memory, within the deadline."""
    limit = limits.max_bytes
    length = response.getheader("Content-Length") or ""
    if limit and length.isdigit() and int(length) > limit:
        raise FetchError(f"too large: {int(length):,} bytes, over the limit of {limit:,} ([sources] max_bytes)")
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise FetchError(f"unsupported content encoding {encoding!r}")
    unpack = None if encoding == "identity" else zlib.decompressobj(47)  # 47: gzip or zlib header
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"timeout: the download took over {3 * limits.timeout:g} s")
        chunk = response.read1(CHUNK)
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
    return b"".join(chunks)
