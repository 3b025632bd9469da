"""A download cut short is a failure, retried later, never an article (issue 31, class 6): a
body shorter than its Content-Length, gzip data without its end, a feed whose connection closed
before its end (its state is not kept, so the next run asks for it whole, not "not modified").
And a 304 answered to a request that asked nothing "if modified" is a failure, not a silent
exit 1."""

from __future__ import annotations

import gzip
import socket
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from builders import TRIO, fetch_config, news_page, rss
from local_server import RawServer

from briefing.run.fetching import fetch

LONG = " ".join(TRIO["b_courier"].split("\n\n", 1)[1].split()) * 3


def stored(tmp_path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(tmp_path / "briefing.db") as db:
        return db.execute("SELECT url, text FROM fetched ORDER BY url").fetchall()


def answer(head: str, body: bytes, send: int | None = None) -> Callable[[socket.socket, threading.Event], None]:
    """Send `head` and the first `send` bytes of `body` (all of it by default), then close."""

    def handler(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(head.encode() + b"\r\n\r\n" + body[:send])

    return handler


PAGE = news_page(body=tuple(f"{sentence}." for sentence in LONG.split(". ")[:12])).encode()


def test_a_page_shorter_than_its_content_length_is_a_failure_not_an_article(tmp_path: Path) -> None:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(PAGE)}"
    with RawServer(answer(head, PAGE, send=len(PAGE) // 3)) as raw:
        report = fetch([f"{raw.url}/story"], tmp_path / "briefing.db", fetch_config(tmp_path, 2.0), feeds_only=False)
    [failure] = report.failures
    assert failure.reason.startswith("cut short: the server closed the connection after ")
    assert stored(tmp_path) == []


def test_gzip_data_without_its_end_is_a_failure(tmp_path: Path) -> None:
    packed = gzip.compress(PAGE)
    head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nConnection: close"
    with RawServer(answer(head, packed, send=len(packed) - 20)) as raw:
        report = fetch([f"{raw.url}/story"], tmp_path / "briefing.db", fetch_config(tmp_path, 2.0), feeds_only=False)
    [failure] = report.failures
    assert failure.reason == "cut short: the gzip data stops before its end"
    assert stored(tmp_path) == []


def test_a_feed_cut_short_keeps_no_state_so_the_next_run_reads_it_whole(tmp_path: Path) -> None:
    feed = rss(*((f"Story {n}", f"http://127.0.0.1:9/story{n}", f"<p>{LONG} Story {n}.</p>") for n in range(4)))
    cut = feed.index(b"Story 2.")  # the connection closes in the middle of the third entry's text
    head = 'HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: "v1"\r\nConnection: close'
    with RawServer(answer(head, feed, send=cut)) as raw:
        first = fetch([f"{raw.url}/feed"], tmp_path / "briefing.db", fetch_config(tmp_path, 2.0))
    assert first.failures == ()
    texts = dict(stored(tmp_path))
    assert sorted(texts) == ["http://127.0.0.1:9/story0", "http://127.0.0.1:9/story1"]  # the cut entry is not kept
    with sqlite3.connect(tmp_path / "briefing.db") as db:
        assert db.execute("SELECT etag FROM feeds").fetchall() == []  # so the next run is not "not modified"

    with RawServer(answer(head, feed)) as raw:
        second = fetch([f"{raw.url}/feed"], tmp_path / "briefing.db", fetch_config(tmp_path, 2.0))
    assert second.failures == () and second.new == 2
    assert len(stored(tmp_path)) == 4


def test_a_304_to_a_request_that_was_not_conditional_is_a_failure(tmp_path: Path) -> None:
    with RawServer(answer('HTTP/1.1 304 Not Modified\r\nETag: "v1"', b"")) as raw:
        report = fetch([f"{raw.url}/feed"], tmp_path / "briefing.db", fetch_config(tmp_path, 2.0))
    [failure] = report.failures
    assert failure.reason == "HTTP 304 Not Modified, to a request that was not conditional"
    assert report.unchanged == 0 and report.urls == ()
