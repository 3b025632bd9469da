"""`briefing fetch` against an in-process HTTP server on 127.0.0.1: nothing leaves the machine.

The server serves hand-made feeds and pages, and the ways servers fail: slow answers, 500s,
a redirect loop, a gzip bomb, a wrong charset header, a 20 MB body.
"""

from __future__ import annotations

import gzip
import json
import socket
import sqlite3
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from builders import TRIO, Clock, news_page, rss
from commands import Ran, run_briefing
from local_server import Handler, Server, send

from briefing.config import Config
from briefing.net.fetch import Limits, download
from briefing.run.fetching import fetch

LONG = " ".join(TRIO[name].split("\n\n", 1)[1] for name in ("b_courier", "c_herald")) * 3
PAGE = news_page()
STRIKE_TEASERS = [
    (
        "Nurses Strike at Saint Anne Hospital",
        "Nurses at Saint Anne Hospital walked off the job on Tuesday, demanding higher pay and safer staffing levels.",
    ),
    (
        "Saint Anne Nurses Walk Out",
        "About 900 nurses went on strike at Saint Anne Hospital on Tuesday over pay and staffing levels.",
    ),
    (
        "Strike Talks Collapse at Saint Anne",
        "The nurses union said about 900 members joined the strike after talks with Saint Anne managers collapsed.",
    ),
]


def feed_with_etag(body: bytes, etag: str = '"v1"') -> Handler:
    """A feed served gzipped to clients that accept it, and 304 to a client that has it."""

    def handle(request: BaseHTTPRequestHandler) -> None:
        if request.headers.get("If-None-Match") == etag:
            send(304, ETag=etag)(request)
        elif "gzip" in (request.headers.get("Accept-Encoding") or ""):
            send(200, gzip.compress(body), Content_Type="application/rss+xml", Content_Encoding="gzip", ETag=etag)(
                request
            )
        else:
            send(200, body, Content_Type="application/rss+xml", ETag=etag)(request)

    return handle


def config(tmp_path: Path, **sources: object) -> Config:
    base = Config()
    store = replace(base.store, path=str(tmp_path / "briefing.db"))
    return replace(base, store=store, sources=replace(base.sources, **{"timeout_seconds": 1.0, **sources}))


def stored(tmp_path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(tmp_path / "briefing.db") as db:
        return db.execute("SELECT url, id FROM fetched ORDER BY url").fetchall()


def gazette(server: Server) -> bytes:
    return rss(
        ("Cracks Close Harbour Bridge", f"{server.url}/full", f"<p>{LONG}</p>"),
        ("Bridge Shut", f"{server.url}/story.html", "<p>Engineers found cracks in the bridge.</p>"),
    )


def test_feed_entries_and_teaser_pages_are_stored_then_fetched_conditionally(server: Server, tmp_path: Path) -> None:
    server.routes["/feed.xml"] = feed_with_etag(gazette(server))
    server.routes["/story.html"] = send(200, PAGE.encode(), Content_Type="text/html; charset=utf-8")
    settings = config(tmp_path)
    first = fetch([f"{server.url}/feed.xml"], tmp_path / "briefing.db", settings)
    assert first.failures == () and first.new == 2
    assert stored(tmp_path) == [
        (f"{server.url}/full", "127.0.0.1/full"),
        (f"{server.url}/story.html", "127.0.0.1/story"),
    ]
    headers = server.requests("/feed.xml")[0]
    assert headers["User-Agent"].startswith("briefing/") and "gzip" in headers["Accept-Encoding"]

    second = fetch([f"{server.url}/feed.xml"], tmp_path / "briefing.db", settings)
    assert (second.new, second.unchanged, second.failures) == (0, 1, ())
    assert server.requests("/feed.xml")[1]["If-None-Match"] == '"v1"'
    assert len(server.requests("/story.html")) == 1, "a page was downloaded twice"
    assert sorted(second.urls) == [f"{server.url}/full", f"{server.url}/story.html"]


def test_changed_feed_downloads_only_new_pages(server: Server, tmp_path: Path) -> None:
    server.routes["/feed.xml"] = feed_with_etag(gazette(server))
    server.routes["/story.html"] = send(200, PAGE.encode(), Content_Type="text/html")
    settings = config(tmp_path)
    fetch([f"{server.url}/feed.xml"], tmp_path / "briefing.db", settings)
    server.routes["/feed.xml"] = feed_with_etag(gazette(server), etag='"v2"')
    again = fetch([f"{server.url}/feed.xml"], tmp_path / "briefing.db", settings)
    assert (again.new, again.unchanged) == (0, 0)
    assert len(server.requests("/story.html")) == 1
    assert len(stored(tmp_path)) == 2


def texts(tmp_path: Path) -> dict[str, str]:
    with sqlite3.connect(tmp_path / "briefing.db") as db:
        return dict(db.execute("SELECT url, text FROM fetched"))


def test_a_failed_page_keeps_its_teaser_and_is_retried_with_back_off_then_completes_it(
    server: Server, tmp_path: Path, clock: Clock
) -> None:
    server.routes["/feed.xml"] = feed_with_etag(gazette(server))
    server.routes["/story.html"] = send(500, b"oops")
    settings = config(tmp_path)
    first = fetch([f"{server.url}/feed.xml"], tmp_path / "briefing.db", settings)
    assert [str(f) for f in first.failures] == [f"{server.url}/story.html: HTTP 500 Internal Server Error"]
    assert first.new == 2, "the entry whose page failed was not kept: its headline and teaser are news"
    assert texts(tmp_path)[f"{server.url}/story.html"] == "Engineers found cracks in the bridge."
    assert sorted(first.urls) == [f"{server.url}/full", f"{server.url}/story.html"]
    server.routes["/story.html"] = send(200, PAGE.encode(), Content_Type="text/html")
    soon = fetch([f"{server.url}/feed.xml"], tmp_path / "briefing.db", settings)
    assert (soon.new, soon.completed, soon.deferred, soon.failures) == (0, 0, 1, ())
    assert len(server.requests("/story.html")) == 1, "a page that just failed was asked again at once"
    assert "If-None-Match" not in server.requests("/feed.xml")[1], "the feed was marked fresh with a page missing"
    clock.advance(hours=1)
    later = fetch([f"{server.url}/feed.xml"], tmp_path / "briefing.db", settings)
    assert (later.new, later.completed, later.deferred) == (0, 1, 0) and len(stored(tmp_path)) == 2
    assert len(server.requests("/story.html")) == 2
    assert texts(tmp_path)[f"{server.url}/story.html"] != "Engineers found cracks in the bridge.", "the page never came"
    assert later.summary() == "0 new articles from 1 feed; 1 teaser completed by its page"
    last = fetch([f"{server.url}/feed.xml"], tmp_path / "briefing.db", settings)
    assert (last.new, last.completed, last.unchanged) == (0, 0, 1)
    assert len(server.requests("/story.html")) == 2, "a page that came was asked again"


def test_a_page_that_keeps_failing_is_tried_less_and_less_often(server: Server, tmp_path: Path, clock: Clock) -> None:
    server.routes["/feed.xml"] = feed_with_etag(gazette(server))
    server.routes["/story.html"] = send(500, b"oops")
    settings = config(tmp_path)
    tried = []
    for hour in range(24 * 8):  # a fetch every hour for eight days
        fetch([f"{server.url}/feed.xml"], tmp_path / "briefing.db", settings)
        if len(server.requests("/story.html")) > len(tried):
            tried.append(hour)
        clock.advance(hours=1)
    # 1, 4, 16, 64 hours apart, then a week at most.
    assert tried == [0, 1, 5, 21, 85]


def test_each_failure_is_named_and_the_rest_still_arrives(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    over = threading.Event()  # the fetch has returned: the held answers may end

    def silent(request: BaseHTTPRequestHandler) -> None:
        over.wait(60)  # never answers while the client waits: a timeout whatever the machine's load

    def stream_20_mb(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)  # no Content-Length: the body ends when the connection does
        request.end_headers()
        for _ in range(20):
            request.wfile.write(b"a " * 500_000)

    def trickle(request: BaseHTTPRequestHandler) -> None:
        # A byte every 0.05 s, never the silence of a timeout, until the client gives up on the whole.
        request.send_response(200)
        request.end_headers()
        while not over.wait(0.05):
            request.wfile.write(b"<p>x</p>")
            request.wfile.flush()

    server.routes.update(
        {
            "/feed.xml": feed_with_etag(gazette(server)),
            "/story.html": send(200, PAGE.encode(), Content_Type="text/html"),
            "/slow": silent,
            "/trickle": trickle,
            "/error": send(500),
            "/loop": send(302, Location="/loop2"),
            "/loop2": send(302, Location="/loop"),
            "/bomb": send(200, gzip.compress(b"<p>" + b" " * 60_000_000), Content_Encoding="gzip"),
            "/huge": send(200, b"<p>" + b"a " * 10_000_000),
            "/stream": stream_20_mb,
            "/page": send(200, PAGE.encode(), Content_Type="text/html"),
            "/badcharset": send(
                200, b"<html><body><p>\xff\xfe\xfa</p></body></html>", Content_Type="text/html; charset=x-nonsense"
            ),
        }
    )
    real = socket.getaddrinfo

    def resolve(host: str, *args: object, **kwargs: object) -> object:
        if host == "no-such-host.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    paths = ["/slow", "/trickle", "/error", "/loop", "/bomb", "/huge", "/stream", "/missing", "/page", "/badcharset"]
    urls = [f"{server.url}/feed.xml", *(server.url + path for path in paths), "http://no-such-host.invalid/feed"]
    try:
        report = fetch(urls, tmp_path / "briefing.db", config(tmp_path, timeout_seconds=1.0))
    finally:
        over.set()
    reasons = {failure.url.removeprefix(server.url): failure.reason for failure in report.failures}
    assert reasons == {
        "/slow": "timeout: no answer within 1 s",
        "/trickle": "timeout: the download took over 3 s",
        "/error": "HTTP 500 Internal Server Error",
        "/loop": "redirect loop",
        "/bomb": "too large: over the limit of 5,000,000 bytes ([sources] max_bytes)",
        "/huge": "too large: 20,000,003 bytes, over the limit of 5,000,000 ([sources] max_bytes)",
        "/stream": "too large: over the limit of 5,000,000 bytes ([sources] max_bytes)",
        "/missing": "HTTP 404 Not Found",
        "/page": "not a feed (an HTML page)",
        "/badcharset": "not a feed (an HTML page)",
        "http://no-such-host.invalid/feed": "DNS: cannot resolve no-such-host.invalid (Name or service not known)",
    }
    assert report.new == 2


def test_pages_given_directly_are_read_whatever_the_charset_header_claims(server: Server, tmp_path: Path) -> None:
    body = news_page(body=("Café owners near the Harbour Bridge said the closure cost them customers on Monday",))
    server.routes["/wrong"] = send(200, body.encode("utf-8"), Content_Type="text/html; charset=iso-8859-1")
    server.routes["/bad"] = send(
        200, b"<html><body><p>caf\xe9 \xff</p></body></html>", Content_Type="text/html; charset=x-nonsense"
    )
    report = fetch(
        [f"{server.url}/wrong", f"{server.url}/bad"], tmp_path / "briefing.db", config(tmp_path), feeds_only=False
    )
    assert [str(f) for f in report.failures] == [f"{server.url}/bad: bad encoding: unknown charset 'x-nonsense'"]
    with sqlite3.connect(tmp_path / "briefing.db") as db:
        (text,) = db.execute("SELECT text FROM fetched").fetchone()
    assert "\nCafé owners near the Harbour Bridge" in text


def test_at_most_two_connections_per_host(server: Server, tmp_path: Path) -> None:
    # Each page is held until a second one is asked for at the same time (or every page has
    # been asked for): two connections always meet, however slowly each one starts, so a right
    # client always passes. A pair then stays a moment longer, in which a third connection
    # (a broken limit) would arrive and be counted; that moment only widens the net.
    held = [0, 0, 0]  # now, most at once, asked
    urls = [f"{server.url}/p{number}" for number in range(6)]
    meeting = threading.Condition()

    def pair(request: BaseHTTPRequestHandler) -> None:
        with meeting:
            held[0] += 1
            held[1], held[2] = max(held[:2]), held[2] + 1
            meeting.notify_all()
            meeting.wait_for(lambda: held[0] >= 2 or held[2] == len(urls), timeout=30)
            meeting.wait_for(lambda: held[0] > 2, timeout=0.1)
            held[0] -= 1
        send(200, PAGE.encode(), Content_Type="text/html")(request)

    for url in urls:
        server.routes[url.removeprefix(server.url)] = pair
    report = fetch(urls, tmp_path / "briefing.db", config(tmp_path, timeout_seconds=60), feeds_only=False)
    assert report.failures == () and len(server.log) == 6
    assert held[1] == 2


def test_download_redirects_are_followed_up_to_a_limit(server: Server) -> None:
    for number in range(8):
        server.routes[f"/r{number}"] = send(301, Location=f"/r{number + 1}")
    server.routes["/r3"] = send(200, b"arrived")
    assert download(f"{server.url}/r0", Limits(timeout=1)).body == b"arrived"
    server.routes["/r3"] = send(301, Location="/r4")
    with pytest.raises(Exception, match="more than 5 redirects"):
        download(f"{server.url}/r0", Limits(timeout=1))


def run(tmp_path: Path, *args: str) -> Ran:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    return run_briefing("--config", str(tmp_path / "config.toml"), *args, env=env, cwd=tmp_path)


def test_cli_fetch_then_digest_summarizes_what_was_fetched(server: Server, tmp_path: Path) -> None:
    server.routes["/feed.xml"] = feed_with_etag(gazette(server))
    server.routes["/story.html"] = send(200, PAGE.encode(), Content_Type="text/html")
    (tmp_path / "config.toml").write_text(
        f'[sources]\npaths = []\nfeeds = ["{server.url}/feed.xml", "{server.url}/gone.xml"]\n', encoding="utf-8"
    )
    fetched = run(tmp_path, "fetch")
    assert fetched.returncode == 0 and fetched.stdout == ""
    assert fetched.stderr == (
        f"briefing: {server.url}/gone.xml: HTTP 404 Not Found\nbriefing: 2 new articles from 1 feed; 1 feed failed\n"
    )
    digest = run(tmp_path, "digest", "--format", "json", "--no-store")
    assert digest.returncode == 0, digest.stderr
    assert {a["id"] for a in json.loads(digest.stdout)["articles"]} == {"127.0.0.1/full", "127.0.0.1/story"}


def test_cli_fetch_exits_1_when_nothing_arrives(server: Server, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(f'[sources]\nfeeds = ["{server.url}/gone.xml"]\n', encoding="utf-8")
    result = run(tmp_path, "fetch")
    assert result.returncode == 1 and "gone.xml: HTTP 404 Not Found" in result.stderr
    digest = run(tmp_path, "digest")
    assert digest.returncode == 1
    assert "1 host of the feeds failed lately ('briefing fetch --verbose' says why)" in digest.stderr
    assert "run 'briefing fetch' first" not in digest.stderr, "told to fetch right after a fetch that failed"


def test_cli_a_morning_whose_pages_all_fail_is_briefed_from_its_teasers(server: Server, tmp_path: Path) -> None:
    # Offline, behind a proxy, or on sites that refuse robots: the feed answers, its pages don't.
    teasers = [(title, f"{server.url}/p/{n}", f"<p>{text}</p>") for n, (title, text) in enumerate(STRIKE_TEASERS)]
    server.routes["/feed.xml"] = send(200, rss(*teasers), Content_Type="application/rss+xml")
    for n in range(len(teasers)):
        server.routes[f"/p/{n}"] = send(503, b"busy")
    (tmp_path / "config.toml").write_text(
        f'[sources]\npaths = []\nfeeds = ["{server.url}/feed.xml"]\n', encoding="utf-8"
    )
    fetched = run(tmp_path, "fetch")
    assert fetched.returncode == 0, fetched.stderr
    assert "3 new articles from 1 feed; 3 pages failed (the feed's headline and teaser kept instead)" in fetched.stderr
    digest = run(tmp_path, "digest", "--no-store")
    assert digest.returncode == 0, digest.stderr
    assert "Saint Anne" in digest.stdout


def test_cli_a_briefing_says_which_of_its_articles_are_only_a_teaser(server: Server, tmp_path: Path) -> None:
    """A new user's fetch reached the feeds but not their pages, and the briefing of headlines and
    one-sentence teasers read like one of whole articles: its header counts the articles quoted
    that are only a feed's teaser, the page that came not among them."""
    teasers = [(title, f"{server.url}/p/{n}", f"<p>{text}</p>") for n, (title, text) in enumerate(STRIKE_TEASERS)]
    server.routes["/feed.xml"] = send(200, rss(*teasers), Content_Type="application/rss+xml")
    strike = (*(text for _, text in STRIKE_TEASERS), "Managers said talks would resume on Friday")
    server.routes["/p/0"] = send(200, news_page(STRIKE_TEASERS[0][0], strike).encode(), Content_Type="text/html")
    for n in (1, 2):
        server.routes[f"/p/{n}"] = send(503, b"busy")
    (tmp_path / "config.toml").write_text(f'[sources]\nfeeds = ["{server.url}/feed.xml"]\n', encoding="utf-8")
    assert run(tmp_path, "fetch").returncode == 0
    made = json.loads(run(tmp_path, "digest", "--no-store", "--format", "json").stdout)
    quoted = [a for a in made["articles"] if a["number"]]
    failed = [a for a in quoted if a["url"] != f"{server.url}/p/0"]
    assert failed and len(failed) < len(quoted), quoted  # the test makes its case: a page and teasers quoted
    assert [a for a in quoted if a.get("teaser")] == failed  # JSON marks each, and only those
    note = (
        f"{len(failed)} of the {len(quoted)} articles quoted {'is' if len(failed) == 1 else 'are'} only a feed's"
        f" headline and teaser: {'its page' if len(failed) == 1 else 'their pages'} failed to download"
        " ('briefing fetch --verbose' says why)"
    )
    text, markdown = (run(tmp_path, "digest", "--no-store", "--format", f).stdout for f in ("text", "markdown"))
    assert text.splitlines()[3] == note
    assert f"\n*{note}*\n" in markdown


def test_cli_fetch_exits_1_when_a_feed_answers_with_nothing_to_keep(server: Server, tmp_path: Path) -> None:
    server.routes["/feed.xml"] = send(
        200, rss(("A headline", f"{server.url}/p", "")), Content_Type="application/rss+xml"
    )
    server.routes["/p"] = send(404)
    (tmp_path / "config.toml").write_text(f'[sources]\nfeeds = ["{server.url}/feed.xml"]\n', encoding="utf-8")
    result = run(tmp_path, "fetch")
    assert result.returncode == 1, "fetch said it had articles at hand when it kept none"


def test_cli_digest_url_fetches_and_summarizes_directly(server: Server, tmp_path: Path) -> None:
    server.routes["/a.html"] = send(200, news_page().encode(), Content_Type="text/html")
    server.routes["/b.html"] = send(
        200, news_page("Cracks Close Harbour Bridge", tuple(TRIO["b_courier"].split("\n\n", 1)[1].split(". "))).encode()
    )
    (tmp_path / "config.toml").write_text("", encoding="utf-8")
    result = run(tmp_path, "digest", "--format", "json", "--no-store", f"{server.url}/a.html", f"{server.url}/b.html")
    assert result.returncode == 0, result.stderr
    briefing = json.loads(result.stdout)
    assert [a["url"] for a in briefing["articles"]] == [f"{server.url}/a.html", f"{server.url}/b.html"]
    assert any(item["support"] == 2 for item in briefing["items"])
    assert not (tmp_path / "data").exists(), "--no-store wrote a history"


def test_articles_older_than_keep_days_are_forgotten(tmp_path: Path) -> None:
    from datetime import datetime, timedelta, timezone

    from briefing.models import Document
    from briefing.storage.db import Store
    from briefing.storage.fetched import Inbox

    now = datetime(2024, 4, 2, tzinfo=timezone.utc)
    with Store(tmp_path / "briefing.db") as store:
        inbox = Inbox(store)
        inbox.save([Document("old", "u", "Old text.", url="https://x.example/old")], now=now - timedelta(days=91))
        inbox.save([Document("new", "u", "New text.", url="https://x.example/new")], now=now - timedelta(days=89))
        inbox.save([Document("copy", "u", "New text.", url="https://x.example/copy")], now=now)
        assert inbox.prune(90, now=now) == 1
        assert [d.id for d in inbox.documents(hours=24 * 365, now=now)] == ["new"]
        assert inbox.prune(0, now=now + timedelta(days=999)) == 0


def test_which_articles_a_digest_reads_sources_alone_or_with_the_fetched_ones(server: Server, tmp_path: Path) -> None:
    server.routes["/feed.xml"] = feed_with_etag(gazette(server))
    server.routes["/story.html"] = send(200, PAGE.encode(), Content_Type="text/html")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for id in ("b_courier", "c_herald"):
        (inbox / f"{id}.txt").write_text(TRIO[id], encoding="utf-8")
    (tmp_path / "config.toml").write_text(
        f'[sources]\npaths = ["inbox"]\nfeeds = ["{server.url}/feed.xml"]\n', encoding="utf-8"
    )

    def ids(*args: str) -> set[str]:
        result = run(tmp_path, "digest", "--format", "json", "--no-store", *args)
        assert result.returncode == 0, result.stderr
        return {a["id"] for a in json.loads(result.stdout)["articles"]}

    fetched = {"127.0.0.1/full", "127.0.0.1/story"}
    both = run(tmp_path, "digest", "--fetch", "--format", "json", "--no-store")  # one morning job: fetch, then digest
    assert both.returncode == 0 and both.stderr == "", both.stderr
    assert {a["id"] for a in json.loads(both.stdout)["articles"]} == {"b_courier", "c_herald", *fetched}
    assert ids() == {"b_courier", "c_herald", *fetched}  # no SOURCES: [sources] paths and what was fetched
    assert ids("inbox") == {"b_courier", "c_herald"}  # SOURCES alone
    assert ids("inbox", "--fetched") == {"b_courier", "c_herald", *fetched}
    (tmp_path / "config.toml").write_text('[sources]\npaths = ["inbox"]\n', encoding="utf-8")
    nothing = run(tmp_path, "digest", "--fetch", "--no-store")
    assert nothing.returncode == 2 and "no [sources] feeds to fetch" in nothing.stderr
