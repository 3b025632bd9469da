"""Fetched articles and feed state in the history database (tables of migration 3).

Articles are kept by URL (a page is downloaded once) and by content hash (the same text under
two URLs is one article). A feed's ETag and Last-Modified are saved in the same transaction
as its entries, so an interrupted run never marks a feed fresh whose entries were not kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from briefing.models import Document, FeedState
from briefing.storage.db import Store, text_hash


def _header_value(value: object) -> str | None:
    """`value` if it is text a request header can carry as it is, else None."""
    if isinstance(value, str) and value.isprintable() and value.isascii():
        return value
    return None


def _metadata(document: Document) -> tuple[str | None, ...]:
    return document.title, document.source, document.author, document.date, document.text


class Inbox:
    """The fetched articles and feed state of an open history; every access through the
    store's error mapping, so a read-only or full database is a StoreError that says so."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.damaged = 0  # stored articles `documents` left out: their columns are not text

    def feed_state(self, url: str) -> FeedState:
        """The ETag and Last-Modified a feed last gave; a value no header could carry (not text,
        or holding a line break that would forge a header of its own) is left out."""
        with self.store.reading() as db:
            row = db.execute("SELECT etag, modified FROM feeds WHERE url = ?", (url,)).fetchone()
        return FeedState(*map(_header_value, row)) if row else FeedState()

    def feed_urls(self, feed: str) -> list[str]:
        """The URLs of the articles stored from a feed."""
        with self.store.reading() as db:
            return [url for (url,) in db.execute("SELECT url FROM fetched WHERE feed = ?", (feed,))]

    def known(self, urls: Iterable[str]) -> set[str]:
        """Those of `urls` already stored."""
        found: set[str] = set()
        with self.store.reading() as db:
            for url in urls:
                if db.execute("SELECT 1 FROM fetched WHERE url = ?", (url,)).fetchone():
                    found.add(url)
        return found

    def save(
        self,
        documents: Iterable[Document],
        feed: str | None = None,
        state: FeedState | None = None,
        title: str | None = None,
        now: datetime | None = None,
    ) -> tuple[int, int]:
        """Store documents (and the feed's state, if given) in one transaction: how many were new,
        and how many stored ones were completed. A document whose URL is stored with a shorter
        text (a teaser kept while its page failed) replaces it; the same text is stored once."""
        stamp = (now or datetime.now(timezone.utc)).isoformat()
        new = completed = 0
        with self.store.writing() as db:
            for document in documents:
                url = document.url or document.id
                digest = text_hash(document.text)
                if not document.text.strip():
                    continue
                kept = db.execute("SELECT hash, length(text) FROM fetched WHERE url = ?", (url,)).fetchone()
                if kept and (kept[0] == digest or kept[1] >= len(document.text)):
                    continue
                if db.execute("SELECT 1 FROM fetched WHERE hash = ? AND url != ?", (digest, url)).fetchone():
                    continue  # the same text under another URL: one article
                if kept:
                    db.execute(
                        "UPDATE fetched SET hash = ?, id = ?, title = ?, source = ?, author = ?, date = ?, text = ?"
                        " WHERE url = ?",
                        (digest, document.id, *_metadata(document), url),
                    )
                    completed += 1
                    continue
                db.execute(
                    "INSERT INTO fetched (url, hash, feed, fetched, id, title, source, author, date, text)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (url, digest, feed, stamp, document.id, *_metadata(document)),
                )
                new += 1
            if feed is not None and state is not None:
                db.execute(
                    "INSERT INTO feeds (url, title, etag, modified, checked) VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT(url) DO UPDATE SET title = excluded.title, etag = excluded.etag,"
                    " modified = excluded.modified, checked = excluded.checked",
                    (feed, title, state.etag, state.modified, stamp),
                )
        return new, completed

    def prune(self, keep_days: int, now: datetime | None = None) -> int:
        """Forget articles fetched more than `keep_days` days ago (0: keep all); how many went.

        Long enough that a feed no longer lists them: else their pages would come again.
        """
        if keep_days <= 0:
            return 0
        before = ((now or datetime.now(timezone.utc)) - timedelta(days=keep_days)).isoformat()
        with self.store.writing() as db:
            deleted = db.execute("DELETE FROM fetched WHERE fetched < ?", (before,)).rowcount
        return int(deleted)

    def documents(
        self, hours: int | None = None, urls: Iterable[str] | None = None, now: datetime | None = None
    ) -> list[Document]:
        """Stored articles fetched in the last `hours` hours (oldest first), or those at `urls` (in order)."""
        columns = "id, url, text, title, source, date, author"
        with self.store.reading() as db:
            if urls is not None:
                rows = []
                for url in dict.fromkeys(urls):
                    rows += db.execute(f"SELECT {columns} FROM fetched WHERE url = ?", (url,)).fetchall()
            else:
                since = ((now or datetime.now(timezone.utc)) - timedelta(hours=hours or 0)).isoformat()
                rows = db.execute(
                    f"SELECT {columns} FROM fetched WHERE fetched >= ? ORDER BY fetched, rowid", (since,)
                ).fetchall()
        documents = []
        for id, url, text, title, source, date, author in rows:
            if not (isinstance(id, str) and isinstance(url, str) and isinstance(text, str)):
                self.damaged += 1  # a row another program wrote: not an article
                continue
            title, source, date, author = (
                value if isinstance(value, str) else None for value in (title, source, date, author)
            )
            documents.append(
                Document(id, url, text, title=title, source=source, date=date, url=url, author=author, extracted=True)
            )
        return documents
