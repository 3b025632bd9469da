"""History in SQLite: every briefing, its items, their provenance, and the articles behind them.

One embedded file (stdlib sqlite3, WAL mode). Articles are stored once by content hash.
`PRAGMA application_id` marks the file as ours and `PRAGMA user_version` is the schema
version; migrations run in order from whatever version a file has. A file that is not a
SQLite database, or is someone else's, is reported and never written to.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from briefing.config import Config
from briefing.errors import BriefingError, ExitCode
from briefing.models import Briefing
from briefing.render import render

APPLICATION_ID = 0x42524946  # "BRIF"
MIGRATIONS: tuple[str, ...] = (
    # 1: the first release.
    """
    CREATE TABLE articles (
        hash TEXT PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL, source TEXT NOT NULL,
        date TEXT, path TEXT NOT NULL, url TEXT, text TEXT NOT NULL
    );
    CREATE TABLE briefings (
        id INTEGER PRIMARY KEY, created TEXT NOT NULL, date TEXT, key_terms TEXT NOT NULL,
        settings TEXT NOT NULL, version TEXT NOT NULL, article_count INTEGER NOT NULL,
        sentence_count INTEGER NOT NULL, text TEXT NOT NULL, markdown TEXT NOT NULL, json TEXT NOT NULL
    );
    CREATE TABLE briefing_articles (
        briefing INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
        article TEXT NOT NULL REFERENCES articles(hash), position INTEGER NOT NULL,
        PRIMARY KEY (briefing, position)
    );
    CREATE TABLE items (
        id INTEGER PRIMARY KEY, briefing INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, text TEXT NOT NULL, support INTEGER NOT NULL, score REAL NOT NULL
    );
    CREATE TABLE sources (
        item INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE, article TEXT NOT NULL REFERENCES articles(hash),
        sentence INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, similarity REAL NOT NULL
    );
    CREATE INDEX briefings_created ON briefings(created);
    """,
    # 2: items remember whether they were new, an update or a repeat.
    """
    ALTER TABLE items ADD COLUMN mark TEXT NOT NULL DEFAULT 'new';
    """,
    # 3: `briefing fetch`: each feed's conditional-GET state, and what was downloaded, kept by
    # URL (a page is downloaded once) and by content hash (one text under two URLs is one article).
    """
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY, title TEXT, etag TEXT, modified TEXT, checked TEXT NOT NULL
    );
    CREATE TABLE fetched (
        url TEXT PRIMARY KEY, hash TEXT NOT NULL, feed TEXT, fetched TEXT NOT NULL, id TEXT NOT NULL,
        title TEXT, source TEXT, author TEXT, date TEXT, text TEXT NOT NULL
    );
    CREATE INDEX fetched_time ON fetched(fetched);
    CREATE INDEX fetched_hash ON fetched(hash);
    """,
)


class StoreError(BriefingError):
    """The history database cannot be used."""

    exit_code = ExitCode.STORE


@dataclass(frozen=True, slots=True)
class PastBriefing:
    id: int
    created: str
    date: str | None
    key_terms: tuple[str, ...]
    articles: int
    items: int


def default_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "briefing" / "briefing.db"


def store_path(config: Config) -> Path:
    """The configured history file, or the default one under the XDG data folder."""
    return Path(config.store.path).expanduser() if config.store.path else default_path()


def recent_items(config: Config) -> list[str]:
    """The item texts of the briefings of the last [store] compare_days days, to mark against."""
    with Store(store_path(config)) as store:
        return store.previous_items(config.store.compare_days)


def record(briefing: Briefing, config: Config, version: str) -> None:
    """Record the briefing and prune the ones older than [store] keep_days."""
    with Store(store_path(config)) as store:
        store.record(briefing, version)
        store.prune(config.store.keep_days)


def article_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    """An open history database; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if path.exists() and not path.is_file():
            raise StoreError(f"{path}: not a file")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self._check_and_migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path}: not a briefing history database ({error}); it was left untouched") from error

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()

    def _check_and_migrate(self) -> None:
        db = self.db
        db.execute("PRAGMA foreign_keys=ON")
        # Checked inside the write lock: another run may be creating the file right now.
        db.execute("BEGIN IMMEDIATE")
        try:
            application = db.execute("PRAGMA application_id").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if application != APPLICATION_ID and (application != 0 or tables):
                raise StoreError(f"{self.path}: a database that briefing did not create; it was left untouched")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise StoreError(f"{self.path}: made by a newer briefing (schema {version}); upgrade briefing")
            for number in range(version, len(MIGRATIONS)):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            db.execute(f"PRAGMA user_version={len(MIGRATIONS)}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("PRAGMA journal_mode=WAL")

    def previous_items(self, days: int, now: datetime | None = None) -> list[str]:
        """Item texts of the briefings recorded in the last `days` days."""
        since = ((now or datetime.now(timezone.utc)) - timedelta(days=days)).isoformat()
        rows = self.db.execute(
            "SELECT items.text FROM items JOIN briefings ON briefings.id = items.briefing WHERE briefings.created >= ?",
            (since,),
        )
        return [text for (text,) in rows]

    def record(self, briefing: Briefing, version: str, now: datetime | None = None) -> int:
        """Store a briefing, its items, provenance and articles in one transaction; its id."""
        created = (now or datetime.now(timezone.utc)).isoformat()
        hashes = {a.id: article_hash(a.text) for a in briefing.articles}
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany(
                "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(hashes[a.id], a.id, a.title, a.source, a.date, a.path, a.url, a.text) for a in briefing.articles],
            )
            as_json = render(briefing, "json")
            settings = json.loads(as_json)["settings"]
            cursor = db.execute(
                "INSERT INTO briefings (created, date, key_terms, settings, version, article_count, sentence_count,"
                " text, markdown, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    created,
                    briefing.date,
                    json.dumps(briefing.key_terms),
                    json.dumps(settings),
                    version,
                    len(briefing.articles),
                    briefing.sentence_count,
                    render(briefing, "text"),
                    render(briefing, "markdown"),
                    as_json,
                ),
            )
            number = int(cursor.lastrowid or 0)
            db.executemany(
                "INSERT INTO briefing_articles VALUES (?, ?, ?)",
                [(number, hashes[a.id], position) for position, a in enumerate(briefing.articles)],
            )
            for position, item in enumerate(briefing.items):
                item_id = db.execute(
                    "INSERT INTO items (briefing, position, text, support, score, mark) VALUES (?, ?, ?, ?, ?, ?)",
                    (number, position, item.text, item.support, item.score, item.mark or "new"),
                ).lastrowid
                db.executemany(
                    "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?)",
                    [(item_id, hashes[s.article], s.sentence, s.start, s.end, s.similarity) for s in item.sources],
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return number

    def prune(self, keep_days: int, now: datetime | None = None) -> int:
        """Delete briefings older than `keep_days` days (0: keep all), and articles no longer used."""
        if keep_days <= 0:
            return 0
        before = ((now or datetime.now(timezone.utc)) - timedelta(days=keep_days)).isoformat()
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        deleted = db.execute("DELETE FROM briefings WHERE created < ?", (before,)).rowcount
        db.execute("DELETE FROM articles WHERE hash NOT IN (SELECT article FROM briefing_articles)")
        db.execute("COMMIT")
        return deleted

    def history(self) -> list[PastBriefing]:
        rows = self.db.execute(
            "SELECT b.id, b.created, b.date, b.key_terms, b.article_count, count(i.id) FROM briefings b"
            " LEFT JOIN items i ON i.briefing = b.id GROUP BY b.id ORDER BY b.created, b.id"
        )
        return [PastBriefing(r[0], r[1], r[2], tuple(json.loads(r[3])), r[4], r[5]) for r in rows]

    def show(self, which: str, format: str) -> str:
        """A stored briefing as it was printed: by id, or the latest one for a date."""
        column = {"text": "text", "markdown": "markdown", "json": "json"}[format]
        if which.isdigit():
            row = self.db.execute(f"SELECT {column} FROM briefings WHERE id = ?", (int(which),)).fetchone()
        else:
            row = self.db.execute(
                f"SELECT {column} FROM briefings WHERE date = ? OR substr(created, 1, 10) = ?"
                " ORDER BY created DESC, id DESC LIMIT 1",
                (which, which),
            ).fetchone()
        if row is None:
            raise StoreError(f"no briefing '{which}' in {self.path}; 'briefing history' lists them")
        return str(row[0])
