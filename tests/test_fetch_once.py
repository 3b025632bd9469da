"""A page linked many times is downloaded once per run (issue 31, class 6): five hundred feeds
whose teasers linked the same three pages downloaded each about 495 times in one run, since a
page was known only once stored. And a run's articles carry the run's start, however long it
took. Served by an in-process server on 127.0.0.1."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from builders import news_page, rss
from local_server import Server, send

from briefing.config import Config
from briefing.run.fetching import fetch
from briefing.storage.db import Store
from briefing.storage.fetched import Inbox

FEEDS = 60
PAGES = 3


def test_pages_linked_by_many_feeds_in_one_run_are_each_downloaded_once(server: Server, tmp_path: Path) -> None:
    for page in range(PAGES):
        server.routes[f"/page{page}"] = send(200, news_page(title=f"Story {page}").encode(), Content_Type="text/html")
    for feed in range(FEEDS):
        teasers = [(f"Story {page}", f"{server.url}/page{page}", "<p>A teaser.</p>") for page in range(PAGES)]
        server.routes[f"/feed{feed}"] = send(200, rss(*teasers), Content_Type="application/rss+xml")
    base = Config()
    config = replace(base, store=replace(base.store, path=str(tmp_path / "briefing.db")))
    report = fetch([f"{server.url}/feed{n}" for n in range(FEEDS)], tmp_path / "briefing.db", config)
    assert report.failures == ()
    assert [len(server.requests(f"/page{page}")) for page in range(PAGES)] == [1] * PAGES
    assert report.requests == FEEDS + PAGES
    with sqlite3.connect(tmp_path / "briefing.db") as db:
        assert db.execute("SELECT count(*) FROM fetched").fetchone()[0] == PAGES


def test_a_page_that_fails_for_many_feeds_is_one_failure(server: Server, tmp_path: Path) -> None:
    server.routes["/gone"] = send(500)
    for feed in range(5):
        server.routes[f"/feed{feed}"] = send(
            200, rss(("Story", f"{server.url}/gone", "<p>A teaser.</p>")), Content_Type="application/rss+xml"
        )
    base = Config()
    config = replace(base, store=replace(base.store, path=str(tmp_path / "briefing.db")))
    report = fetch([f"{server.url}/feed{n}" for n in range(5)], tmp_path / "briefing.db", config)
    assert [failure.url for failure in report.failures] == [f"{server.url}/gone"]
    assert len(server.requests("/gone")) == 1


def test_a_run_a_day_later_holds_none_of_its_articles_however_long_it_took(server: Server, tmp_path: Path) -> None:
    # Cron fetches at the same minute each morning. A page that came a while into yesterday's
    # run must not be inside today's 24 hours when today's run is quicker (the s9 trial: a quiet
    # morning re-briefed 38 of yesterday's items as repeats).
    def slow(request: BaseHTTPRequestHandler) -> None:
        time.sleep(0.5)
        send(200, news_page(title="Slow story").encode(), Content_Type="text/html")(request)

    server.routes["/quick"] = send(200, news_page(title="Quick story").encode(), Content_Type="text/html")
    server.routes["/slow"] = slow
    teasers = [("Quick story", f"{server.url}/quick", "<p>A teaser.</p>"), ("Slow", f"{server.url}/slow", "<p>Ok.</p>")]
    server.routes["/feed"] = send(200, rss(*teasers), Content_Type="application/rss+xml")
    base = Config()
    config = replace(base, store=replace(base.store, path=str(tmp_path / "briefing.db")))
    started = datetime.now(timezone.utc)
    assert fetch([f"{server.url}/feed"], tmp_path / "briefing.db", config).new == 2
    with Store(tmp_path / "briefing.db") as store:
        inbox = Inbox(store)
        assert len(inbox.documents(hours=24, now=started + timedelta(hours=24))) == 2
        assert inbox.documents(hours=24, now=started + timedelta(hours=24, seconds=0.2)) == []
