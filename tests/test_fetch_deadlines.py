"""Time limits per phase that a server cannot stretch (issue 31, class 2): a header line dripped
byte by byte, `100 Continue` forever, 90 headers half a second apart, a status line or a
chunk-size line dripped, a TLS handshake dripped, slow redirects. Each fails as a timeout
within its phase's limit; time spent queued for a host's connection slot does not count.

Servers are raw sockets on 127.0.0.1 in the test process (`RawServer`). Each download runs in
a thread the test waits for with a bound, so a regression fails the test instead of hanging it.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from builders import TRIO, rss
from local_server import Handler, RawServer, Server, drip, send

from briefing.config import Config
from briefing.net.fetch import FetchError, Limits, Response, download
from briefing.run.fetching import fetch

T = 0.5  # timeout_seconds in these tests: a phase's limit
LONG = " ".join(TRIO["b_courier"].split("\n\n", 1)[1].split()) * 3


def outcome(call: Callable[[], Response], bound: float) -> tuple[Response | FetchError, float]:
    """What `call` returned or raised, and how long it took; fails the test if it runs past `bound`."""
    result: list[Response | FetchError] = []

    def run() -> None:
        try:
            result.append(call())
        except FetchError as error:
            result.append(error)
        except BaseException as error:  # a bug: said by the assertion below, not lost in a thread
            result.append(FetchError(f"unexpected {error!r}"))

    started = time.monotonic()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(bound)
    assert not thread.is_alive(), f"still downloading after {bound} s"
    return result[0], time.monotonic() - started


def get(url: str) -> Response:
    return download(url, Limits(timeout=T))


HANGS = {
    "a header line dripped": drip(b"HTTP/1.1 200 OK\r\nX-Slow: ", b"a", 0.05),
    "100 Continue forever": drip(b"", b"HTTP/1.1 100 Continue\r\n\r\n", 0.05),
    "headers dripped one by one": drip(b"HTTP/1.1 200 OK\r\n", b"X-Slow: 1\r\n", 0.05),
    "a status line dripped": drip(b"HTTP/1.1 2", b"0", 0.05),
}


@pytest.mark.parametrize("server", HANGS.values(), ids=HANGS.keys())
def test_a_response_head_that_never_ends_times_out_within_the_phase_limit(
    server: Callable[[socket.socket, threading.Event], None],
) -> None:
    with RawServer(server) as raw:
        error, took = outcome(lambda: get(f"{raw.url}/feed"), bound=3 * T + 5)
    assert isinstance(error, FetchError) and str(error) == f"timeout: no complete answer within {2 * T:g} s"
    assert took < 2 * T + 2


BODIES = {
    "a chunk-size line dripped": drip(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"0", 0.05),
    "a body dripped": drip(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n<rss>", b"a", 0.05),
    "chunks forever": drip(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"1\r\na\r\n", 0.05),
}


@pytest.mark.parametrize("server", BODIES.values(), ids=BODIES.keys())
def test_a_body_that_never_ends_times_out_at_the_whole_download_limit(
    server: Callable[[socket.socket, threading.Event], None],
) -> None:
    with RawServer(server) as raw:
        error, took = outcome(lambda: get(f"{raw.url}/feed"), bound=3 * T + 5)
    assert isinstance(error, FetchError) and str(error) == f"timeout: the download took over {3 * T:g} s"
    assert 3 * T - 0.1 < took < 3 * T + 2


def test_a_tls_handshake_dripped_times_out() -> None:
    def handshake(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(b"\x16\x03\x03\x40\x00\x02")  # a record of 16 KB announced, then a byte at a time
        while not stop.wait(0.05):
            connection.sendall(b"\x00")

    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        with listener:
            connection, _ = listener.accept()
            handshake(connection, stop)

    threading.Thread(target=serve, daemon=True).start()
    try:
        error, took = outcome(lambda: get(f"https://127.0.0.1:{listener.getsockname()[1]}/feed"), bound=3 * T + 5)
    finally:
        stop.set()
    assert isinstance(error, FetchError) and str(error).startswith(("timeout", "TLS"))
    assert took < T + 2


def test_redirects_share_the_whole_download_limit() -> None:
    hops = iter(range(1, 6))

    def slow_redirect(connection: socket.socket, stop: threading.Event) -> None:
        if not stop.wait(0.8 * T):  # under the silence limit, every time
            target = f"/r{next(hops, 9)}".encode()
            connection.sendall(b"HTTP/1.1 302 Found\r\nLocation: " + target + b"\r\nContent-Length: 0\r\n\r\n")

    with RawServer(slow_redirect) as raw:
        error, took = outcome(lambda: get(f"{raw.url}/r0"), bound=3 * T + 5)
    assert isinstance(error, FetchError) and str(error).startswith("timeout")
    assert took < 3 * T + 1


def trickle(body: bytes, pieces: int, seconds: float) -> Handler:
    """Send `body` in `pieces` over `seconds`: never silent for long, slow in all."""

    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        step = -(-len(body) // pieces)
        for start in range(0, len(body), step):
            request.wfile.write(body[start : start + step])
            request.wfile.flush()
            if start + step < len(body):
                time.sleep(seconds / pieces)

    return handle


def test_time_queued_for_a_hosts_slot_does_not_count(server: Server, tmp_path: Path) -> None:
    """Four feeds that take 2 x timeout each, and two instant ones, from one host: with two
    connections at a time, the last ones wait 2 x timeout for a slot, and all arrive. The
    timeout is 2 x T here: at T a slow feed kept only 0.5 s of the 3 x timeout download limit,
    which a loaded machine (the suite on every core) once used up."""
    timeout = 2 * T
    paths = [f"/slow{n}" for n in range(4)] + ["/fast0", "/fast1"]
    for path in paths:
        body = rss((path, f"{server.url}/story{path}", f"<p>{LONG} {path}.</p>"))
        server.routes[path] = trickle(body, 16, 2 * timeout) if path.startswith("/slow") else send(200, body)
    base = Config()
    config = replace(
        base,
        store=replace(base.store, path=str(tmp_path / "briefing.db")),
        sources=replace(base.sources, timeout_seconds=timeout),
    )
    report = fetch([server.url + path for path in paths], tmp_path / "briefing.db", config)
    assert report.failures == () and report.new == 6
