"""Fetching costs the network, not the CPU (issue 27.3): one TLS context a run (building one
loads every CA certificate of the system: 60% of a fetch's CPU when made per request), kept-alive
connections reused per host, and no work for a feed that answers 304. Served over HTTPS by an
in-process server with a self-signed certificate for 127.0.0.1 (tests/data/localhost.pem)."""

from __future__ import annotations

import socket
import ssl
import threading
from pathlib import Path
from typing import Any

import pytest
from builders import TRIO, fetch_config, rss
from local_server import CERTIFICATE, RawServer, Server
from test_fetch import feed_with_etag

from briefing.net.fetch import Client, Limits
from briefing.run import fetching
from briefing.run.fetching import fetch

LONG = " ".join(TRIO["b_courier"].split("\n\n", 1)[1].split()) * 3
FEEDS = 6


def test_a_morning_of_feeds_makes_one_tls_context_and_reuses_connections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(CERTIFICATE))  # trust the test server's certificate
    made: list[ssl.SSLContext] = []
    create = ssl.create_default_context

    def counted(*args: Any, **kwargs: Any) -> ssl.SSLContext:
        made.append(create(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(ssl, "create_default_context", counted)
    with Server(keep_alive=True, tls=True) as server:
        urls = [f"{server.url}/feed{n}.xml" for n in range(FEEDS)]
        for n, url in enumerate(urls):
            body = rss((f"Story {n}", f"{server.url}/story{n}", f"<p>{LONG} Story {n}.</p>"))
            server.routes[url.removeprefix(server.url)] = feed_with_etag(body, f'"v{n}"')
        first = fetch(urls, tmp_path / "briefing.db", fetch_config(tmp_path))
        assert first.failures == () and first.new == FEEDS
        assert len(made) == 1 and server.connections <= 2  # two at a time to a host, each reused

        # The next morning nothing changed: every feed answers 304, and none is read.
        monkeypatch.setattr(fetching, "parse_feed", lambda data: pytest.fail("a 304 was parsed"))
        monkeypatch.setattr(fetching, "looks_like_feed", lambda data: pytest.fail("a 304 was sniffed"))
        second = fetch(urls, tmp_path / "briefing.db", fetch_config(tmp_path))
    assert second.failures == () and second.unchanged == FEEDS and second.new == 0
    assert len(made) == 2 and server.connections <= 4
    assert sorted(second.urls) == sorted(f"{server.url}/story{n}" for n in range(FEEDS))


def test_a_certificate_that_is_not_trusted_is_a_tls_failure(tmp_path: Path) -> None:
    with Server(tls=True) as server:
        report = fetch([f"{server.url}/feed.xml"], tmp_path / "briefing.db", fetch_config(tmp_path))
    [failure] = report.failures
    assert failure.reason.startswith("TLS:") and "CERTIFICATE_VERIFY_FAILED" in failure.reason


def test_a_kept_alive_connection_the_server_closed_is_asked_again_on_a_new_one() -> None:
    """The server keeps the first connection open after its answer, reads the next request on
    it and hangs up without a word (as an idle timeout does): that GET is made again."""
    body = rss(("Bridge", "http://127.0.0.1:9/full", f"<p>{LONG}</p>"))
    answer = f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    served: list[int] = []

    def server(connection: socket.socket, stop: threading.Event) -> None:
        served.append(1)
        connection.sendall(answer + body)
        if len(served) == 1:
            connection.recv(4096)  # the second request, on the same connection: no answer

    with RawServer(server) as raw, Client(Limits(timeout=2)) as client:
        assert client.download(f"{raw.url}/one").body == body
        assert client.download(f"{raw.url}/two").body == body
    assert raw.connections == 2
