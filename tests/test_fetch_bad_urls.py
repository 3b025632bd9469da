"""One bad URL costs its own download, never the run (issue 31, class 3): a redirect or a teaser
link to a port out of range, a broken IPv6 bracket, a label too long for IDNA, a non-ASCII path
(percent-encoded and fetched), a URL on the command line. The good feed of the same run is
stored. Servers are in-process on 127.0.0.1."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from builders import TRIO, fetch_config, rss
from local_server import Server, send

from briefing.run.fetching import fetch
from briefing.sources.files import load_articles

LONG = " ".join(TRIO["b_courier"].split("\n\n", 1)[1].split()) * 3
BAD_TARGETS = [
    "http://127.0.0.1:99999/",
    "http://[::1/x",
    "http://" + "a" * 64 + ".example/x",
    "http://a..b/",
    "http://127.0.0.1:80:80/",
    "http://127.0.0.1:9/a b\x1b[2Jc",
    "ftp://127.0.0.1/feed",
]


def stored(tmp_path: Path) -> list[str]:
    with sqlite3.connect(tmp_path / "briefing.db") as db:
        return [url for (url,) in db.execute("SELECT url FROM fetched ORDER BY url")]


def good_feed(server: Server) -> None:
    server.routes["/good"] = send(
        200, rss(("Bridge Shut", f"{server.url}/full", f"<p>{LONG}</p>")), Content_Type="application/rss+xml"
    )


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_a_redirect_to_a_bad_url_fails_that_feed_and_the_good_one_is_stored(
    server: Server, tmp_path: Path, target: str
) -> None:
    server.routes["/bad"] = send(302, Location=target)
    good_feed(server)
    report = fetch([f"{server.url}/bad", f"{server.url}/good"], tmp_path / "briefing.db", fetch_config(tmp_path, 2.0))
    assert stored(tmp_path) == [f"{server.url}/full"]
    [failure] = report.failures
    assert failure.url == f"{server.url}/bad" and failure.reason.startswith("redirected to ")
    assert "\x1b" not in failure.reason


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_a_teaser_linking_a_bad_url_fails_that_page_and_the_feeds_are_stored(
    server: Server, tmp_path: Path, target: str
) -> None:
    server.routes["/bad"] = send(
        200,
        rss(("Teaser", target, "<p>Short.</p>"), ("Whole", f"{server.url}/whole", f"<p>{LONG} Whole.</p>")),
        Content_Type="application/rss+xml",
    )
    good_feed(server)
    report = fetch([f"{server.url}/bad", f"{server.url}/good"], tmp_path / "briefing.db", fetch_config(tmp_path, 2.0))
    assert f"{server.url}/full" in stored(tmp_path)
    [failure] = report.failures  # the teaser's page (the feed keeps the link without the XML-forbidden ESC)
    assert failure.url.startswith(target.split("\x1b")[0])


def test_a_non_ascii_path_is_percent_encoded_and_fetched(server: Server, tmp_path: Path) -> None:
    server.routes["/bad"] = send(302, Location="/caf\xe9")
    server.routes["/caf%C3%A9"] = send(
        200, rss(("Café", f"{server.url}/cafe-story", f"<p>{LONG}</p>")), Content_Type="application/rss+xml"
    )
    report = fetch([f"{server.url}/bad"], tmp_path / "briefing.db", fetch_config(tmp_path, 2.0))
    assert report.failures == () and stored(tmp_path) == [f"{server.url}/cafe-story"]


def test_a_bad_url_given_beside_a_good_one_is_one_failure(server: Server, tmp_path: Path) -> None:
    good_feed(server)
    report = fetch(
        ["http://127.0.0.1:99999/feed", f"{server.url}/good"], tmp_path / "briefing.db", fetch_config(tmp_path, 2.0)
    )
    assert stored(tmp_path) == [f"{server.url}/full"]
    assert [f.url for f in report.failures] == ["http://127.0.0.1:99999/feed"]
    assert "port" in report.failures[0].reason


def test_a_saved_feed_whose_entry_links_a_broken_url_is_read_whole(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "feed.xml").write_bytes(
        rss(("Bridge Shut", "http://[::1/x", f"<p>{LONG}</p>"), ("Ferry Free", "http://a..b/", f"<p>{LONG} Ferry.</p>"))
    )
    articles, _problems = load_articles([str(folder)])
    assert [article.title for article in articles] == ["Bridge Shut", "Ferry Free"]
