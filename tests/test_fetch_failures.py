"""What `briefing fetch` says on a failing morning, and on the mornings after: one line per
failing host, said once; a summary line; every URL with --verbose. Feeds are served by
in-process servers on 127.0.0.1 (two ports: two hosts)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import TRIO, Clock, news_page, rss
from local_server import Server, send

from briefing.cli.main import main
from briefing.run.failures import Failure, HostFailure, by_host, host_of, retry_delay

LONG = " ".join(TRIO["b_courier"].split("\n\n", 1)[1].split()) * 3


@pytest.fixture
def other() -> Iterator[Server]:
    """A second server: another port is another host."""
    with Server() as running:
        yield running


def teasers(server: Server, count: int) -> bytes:
    """A feed of `count` teasers, whose pages `briefing fetch` has to download, and one full entry."""
    items = [(f"Story {n}", f"{server.url}/p/{n}", f"<p>A teaser of story {n}.</p>") for n in range(count)]
    return rss(("Cracks Close Harbour Bridge", f"{server.url}/full", f"<p>{LONG}</p>"), *items)


def morning(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["--config", str(tmp_path / "config.toml"), "fetch", *args]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err.splitlines()


def test_a_failing_morning_is_one_line_per_host_and_the_next_identical_morning_adds_none(
    server: Server, other: Server, tmp_path: Path, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/feed.xml"] = send(200, teasers(server, 30), Content_Type="application/rss+xml")
    for n in range(30):
        server.routes[f"/p/{n}"] = send(500, b"down")
    (tmp_path / "config.toml").write_text(
        f'[sources]\nfeeds = ["{server.url}/feed.xml", "{other.url}/gone.xml"]\n'
        f'[store]\npath = "{tmp_path / "briefing.db"}"\n',
        encoding="utf-8",
    )
    host, port = server.url.removeprefix("http://"), other.url.rsplit(":", 1)[1]
    first, second = sorted([server, other], key=lambda s: s.url)  # hosts are said in their order
    lines = {
        server: f"briefing: {host}: 30 pages failed: HTTP 500 Internal Server Error",
        other: f"briefing: {other.url}/gone.xml: HTTP 404 Not Found",
    }
    assert morning(tmp_path, capsys) == [
        lines[first],
        lines[second],
        "briefing: 31 new articles from 1 feed; 1 feed failed; 30 pages failed"
        " (the feed's headline and teaser kept instead)",  # not 30 articles lost (the s7 and s8 trials)
    ]
    clock.advance(days=1)  # the same failures: the pages are tried again, and nothing is said of them
    assert morning(tmp_path, capsys) == [
        "briefing: 0 new articles from 1 feed; 1 feed failed; 30 pages failed"
        " (the feed's headline and teaser kept instead)"
    ]
    assert len(server.requests("/p/0")) == 2
    clock.advance(hours=1)  # too soon for the pages: they wait
    assert morning(tmp_path, capsys) == [
        "briefing: 0 new articles from 1 feed; 1 feed failed; 30 pages that failed lately left for a later run"
    ]
    assert len(server.requests("/p/0")) == 2
    quiet_but_verbose = morning(tmp_path, capsys, "--verbose")
    assert quiet_but_verbose[:-1] == [
        f"briefing: {other.url}/gone.xml: HTTP 404 Not Found",
        f"briefing: {host}: failing since 2024-04-05 (HTTP 500 Internal Server Error); its pages wait for their next try",
    ]
    clock.advance(days=1)
    verbose = morning(tmp_path, capsys, "--verbose")
    assert f"briefing: {server.url}/p/7: HTTP 500 Internal Server Error" in verbose
    assert f"briefing: {host}: 30 pages failed: HTTP 500 Internal Server Error" in verbose
    assert len(verbose) == 30 + 1 + 1 + 1
    for n in range(30):
        server.routes[f"/p/{n}"] = send(200, news_page(f"Story {n}").encode(), Content_Type="text/html")
    other.routes["/gone.xml"] = send(500)
    clock.advance(days=3)
    assert morning(tmp_path, capsys) == [
        f"briefing: {other.url}/gone.xml: HTTP 500 Internal Server Error",  # a new reason is said
        f"briefing: {host}: fetched again (it had failed since 2024-04-05)",
        "briefing: 0 new articles from 1 feed; 30 teasers completed by their page; 1 feed failed",
    ]
    assert port in other.url


def test_failures_are_grouped_by_host_with_the_commonest_reason() -> None:
    failures = [
        Failure("https://a.example/feed", "timeout: no answer within 20 s"),
        *(Failure(f"https://a.example/p/{n}", "timeout: no answer within 20 s") for n in range(3)),
        Failure("https://a.example/p/9", "HTTP 404 Not Found"),
        *(
            Failure(f"https://a.example/q/{n}", "not asked: a.example did not answer twice in this run")
            for n in range(5)
        ),
        Failure("http://B.example:8080/rss", "DNS: cannot resolve b.example"),
    ]
    hosts = by_host(failures, ["https://a.example/feed", "http://B.example:8080/rss"], {}, "2024-04-05")
    assert [str(host) for host in hosts] == [
        "a.example: 1 feed and 9 pages failed: timeout: no answer within 20 s"
        " (5 of them not tried after that; 1 for another reason: --verbose lists each)",
        "http://B.example:8080/rss: DNS: cannot resolve b.example",
    ]
    # `fetch --verbose` has just said each URL's failure: the host's line does not send there again.
    assert hosts[0].line(listed=True).endswith("(5 of them not tried after that; 1 for another reason)")
    reported = {"a.example": ("timeout: no answer within 30 s", "2024-04-01")}  # numbers differ: the same failure
    again = by_host(failures, [], reported, "2024-04-05")
    assert [(h.host, h.new, h.since) for h in again] == [
        ("a.example", False, "2024-04-01"),
        ("b.example:8080", True, "2024-04-05"),
    ]
    assert isinstance(again[0], HostFailure) and host_of("https://user@Example.org:443/x") == "example.org:443"
    # Two reasons as common: the same one leads whichever failed first, so the next morning's
    # identical failure is not said again as a new one.
    two = [Failure("https://c.example/a", "not a feed (an HTML page)"), Failure("https://c.example/b", "HTTP 404")]
    assert by_host(two, [], {}, "")[0].reason == by_host(two[::-1], [], {}, "")[0].reason == "HTTP 404"
    assert not by_host(two[::-1], [], {"c.example": ("HTTP 404", "2024-04-01")}, "2024-04-05")[0].new
    assert [retry_delay(n).total_seconds() / 3600 for n in (1, 2, 3, 4, 5, 9)] == [1, 4, 16, 64, 168, 168]


def test_verbose_names_each_url_and_its_hosts_line_does_not_send_the_reader_to_verbose(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The s8 trial: a 404 and a page that is no feed, on one host, said with --verbose."""
    server.routes["/feed.xml"] = send(200, teasers(server, 0), Content_Type="application/rss+xml")
    server.routes["/junk.xml"] = send(200, b"not a feed", Content_Type="text/plain")
    urls = [f"{server.url}/{name}.xml" for name in ("feed", "junk", "missing")]
    (tmp_path / "config.toml").write_text(
        f"[sources]\nfeeds = {urls!r}\n".replace("'", '"') + f'[store]\npath = "{tmp_path / "briefing.db"}"\n',
        encoding="utf-8",
    )
    lines = morning(tmp_path, capsys, "--verbose")
    assert f"briefing: {urls[2]}: HTTP 404 Not Found" in lines and any(
        line.startswith(f"briefing: {urls[1]}: ") for line in lines
    )
    host = server.url.removeprefix("http://")
    assert f"briefing: {host}: 2 feeds failed: HTTP 404 Not Found (1 for another reason)" in lines


def test_the_summary_says_what_stands_in_for_a_page_that_failed() -> None:
    """ "30 pages failed" beside "31 new articles" read as 30 articles lost (the s7 and s8 trials):
    a feed entry whose page failed is kept, headline and teaser; a page named alone is not."""
    from briefing.run.fetching import FetchReport

    pages = tuple(Failure(f"https://a.example/p/{n}", "HTTP 500 Internal Server Error") for n in range(3))
    said = [FetchReport(new=3, feeds=1, failures=pages, kept=kept).summary() for kept in (3, 2, 0)]
    assert said == [
        "3 new articles from 1 feed; 3 pages failed (the feed's headline and teaser kept instead)",
        "3 new articles from 1 feed; 3 pages failed (for 2, the feed's headline and teaser kept instead)",
        "3 new articles from 1 feed; 3 pages failed",
    ]
