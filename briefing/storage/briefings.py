"""The briefings recorded in the history: every briefing, its items, their provenance, and
the articles behind them (stored once by content hash).

Recording takes a briefing already rendered (as it was delivered): rendering is the
output stage's, above this one.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from briefing import clock
from briefing.errors import StoreError, UsageError
from briefing.models import Article, Briefing, Format, PastBriefing, Settings, lead_of
from briefing.sanitize import shown_name, valid_unicode
from briefing.storage.db import Store, text_hash

# Beyond this many days a date is out of datetime's range; config.py keeps day counts far below.
_MAX_DAYS = 1_000_000


def articles_key(articles: Iterable[Article]) -> str:
    """One hash for a set of articles (those a briefing was built from), in any order, each
    known by its lead (`lead_of`): the text read of every article, whole or not (an article
    whose story is not shown is cleaned up to there, `briefing.models.Article.rest`)."""
    return hashlib.sha256("\n".join(sorted(text_hash(lead_of(a.text)) for a in articles)).encode()).hexdigest()


def _days_before(day: str, days: int) -> str:
    """The date `days` before `day` (YYYY-MM-DD), or the earliest date when that is before year 1."""
    try:
        return (date.fromisoformat(day) - timedelta(days=min(days, _MAX_DAYS))).isoformat()
    except OverflowError:
        return date.min.isoformat()


class Briefings:
    """The recorded briefings of an open history."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def earlier_items(self, day: str, days: int, key: str) -> list[str]:
        """Item texts a briefing made on `day` from the articles `key` is compared with: those of
        the briefings of the `days` days before `day`, and of `day`'s from other articles."""
        with self.store.reading() as db:
            rows = db.execute(
                "SELECT items.text FROM items JOIN briefings ON briefings.id = items.briefing"
                " WHERE briefings.day >= ? AND (briefings.day < ?"
                " OR (briefings.day = ? AND coalesce(briefings.articles_key, '') != ?))"
                " ORDER BY briefings.day, briefings.id, items.position",
                (_days_before(day, days), day, day, key),
            )
            return [text for (text,) in rows]

    def record(
        self, briefing: Briefing, printed: Mapping[Format, str], version: str, now: datetime | None = None
    ) -> int:
        """Store a briefing, its items, provenance and articles in one transaction; its id.

        `printed` is the briefing rendered in every format, as `as_printed` gives it back. The
        briefing's day (its `date`, else the local date of `now`) keeps one entry per set of
        articles and settings (topic, stories, length, algorithm): recording the same articles
        with the same settings again that day replaces the earlier entry, made at `now`; a
        narrower run (`--topic`, `--stories 3`) is an entry of its own beside the day's briefing.
        """
        moment = now or clock.now()
        day = briefing.date or moment.astimezone().date().isoformat()
        key = articles_key(briefing.articles)
        hashes = {a.id: text_hash(a.text) for a in briefing.articles}
        as_json = printed["json"]
        texts = (printed["text"], printed["markdown"], as_json)
        settings = json.dumps(json.loads(as_json)["settings"])
        with self.store.writing() as db:
            db.execute(
                "DELETE FROM briefings WHERE day = ? AND articles_key = ? AND settings = ?", (day, key, settings)
            )
            db.executemany(
                "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (hashes[a.id], *map(_text, (a.id, a.title, a.source, a.date, a.path, a.url, a.text)))
                    for a in briefing.articles
                ],
            )
            cursor = db.execute(
                "INSERT INTO briefings (created, date, key_terms, settings, version, article_count, sentence_count,"
                " text, markdown, json, day, articles_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    moment.isoformat(),
                    briefing.news_date,
                    json.dumps([shown_name(term) for term in briefing.key_terms]),
                    settings,
                    version,
                    len(briefing.articles),
                    briefing.sentence_count,
                    *texts,
                    day,
                    key,
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
                    (number, position, _text(item.text), item.support, item.score, item.mark or "new"),
                ).lastrowid
                db.executemany(
                    "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?)",
                    [(item_id, hashes[s.article], s.sentence, s.start, s.end, s.similarity) for s in item.sources],
                )
            db.execute("DELETE FROM articles WHERE hash NOT IN (SELECT article FROM briefing_articles)")
        return number

    def prune(self, keep_days: int, now: datetime | None = None) -> int:
        """Delete briefings made more than `keep_days` days ago (0: keep all), and articles no longer used."""
        if keep_days <= 0:
            return 0
        today = (now or clock.now()).astimezone().date().isoformat()
        with self.store.writing() as db:
            deleted = db.execute("DELETE FROM briefings WHERE day < ?", (_days_before(today, keep_days),)).rowcount
            db.execute("DELETE FROM articles WHERE hash NOT IN (SELECT article FROM briefing_articles)")
        return deleted

    def history(self) -> list[PastBriefing]:
        """Every recorded briefing, oldest first."""
        with self.store.reading() as db:
            rows = db.execute(
                "SELECT b.id, b.created, b.day, b.date, b.key_terms, b.article_count, count(i.id), b.settings"
                " FROM briefings b LEFT JOIN items i ON i.briefing = b.id GROUP BY b.id ORDER BY b.created, b.id"
            ).fetchall()
        return [
            PastBriefing(
                r[0],
                str(r[1]),
                str(r[2] or str(r[1])[:10]),
                _text_or_none(r[3]),
                _key_terms(r[4]),
                r[5],
                r[6],
                _settings(r[7]),
            )
            for r in rows
        ]

    def find(self, which: str, today: str, usual: Settings | None = None) -> int:
        """The id of the briefing `which` names: an id, or a date (YYYY-MM-DD, 'today',
        'yesterday') for the day's briefing: the latest made that day with the `usual` settings
        (the config's: a plain `briefing digest`, cron's), else the latest made without a
        topic, else the latest. A UsageError says what was not found."""
        text = which.strip().lower()
        with self.store.reading() as db:
            if re.fullmatch("[0-9]+", text):
                row = db.execute("SELECT id FROM briefings WHERE id = ?", (int(text) if len(text) < 19 else -1,))
                if row.fetchone() is None:
                    raise UsageError(f"no briefing {text} in the history; 'briefing history' lists them")
                return int(text)
            day = {"today": today, "yesterday": _days_before(today, 1)}.get(text)
            if day is None:
                try:
                    day = date.fromisoformat(text).isoformat()
                except ValueError:
                    raise UsageError(
                        f"'{shown_name(which)}' is not a briefing id, a date (YYYY-MM-DD), 'today' or 'yesterday'"
                    ) from None
            rows = db.execute(
                "SELECT id, settings FROM briefings WHERE day = ? ORDER BY created DESC, id DESC", (day,)
            ).fetchall()
        found = min(rows, key=lambda row: _narrower(row[1], usual), default=None)  # the first of the latest
        if found is None:
            said = f" ({text})" if text in ("today", "yesterday") else ""
            raise UsageError(f"no briefing made on {day}{said} in the history; 'briefing history' lists them")
        return int(found[0])

    def forget(self, which: str, today: str) -> list[PastBriefing]:
        """Delete the briefing `which` names (an id), or every briefing of a day (a date, 'today',
        'yesterday'), with their items and the articles only they used; what was deleted.
        A UsageError says what was not found."""
        number = self.find(which, today)
        past = {entry.id: entry for entry in self.history()}
        with self.store.writing() as db:
            if re.fullmatch("[0-9]+", which.strip()):
                numbers = [number]
            else:
                day = past[number].day
                numbers = [n for (n,) in db.execute("SELECT id FROM briefings WHERE day = ? ORDER BY id", (day,))]
            db.executemany("DELETE FROM briefings WHERE id = ?", [(n,) for n in numbers])
            db.execute("DELETE FROM articles WHERE hash NOT IN (SELECT article FROM briefing_articles)")
        return [past[n] for n in numbers]

    def as_printed(self, which: str, format: Format, today: str | None = None, usual: Settings | None = None) -> str:
        """A stored briefing exactly as it was printed, named as `find` reads `which`."""
        number = self.find(which, today or clock.today(), usual)
        column = {"text": "text", "markdown": "markdown", "json": "json"}[format]
        with self.store.reading() as db:
            row = db.execute(f"SELECT {column} FROM briefings WHERE id = ?", (number,)).fetchone()
        if row is None or not isinstance(row[0], str):
            raise StoreError(f"{shown_name(self.store.path)}: briefing {number} is damaged: its {format} is not text")
        return row[0]


def _key_terms(stored: object) -> tuple[str, ...]:
    """A briefing's key terms as recorded: a JSON list of strings. Anything else (a file
    another program wrote) is no key terms, not a crash of `briefing history`."""
    try:
        terms = json.loads(stored) if isinstance(stored, (str, bytes)) else None
    except (ValueError, RecursionError):
        return ()
    return tuple(str(term) for term in terms if isinstance(term, (str, int, float))) if isinstance(terms, list) else ()


# What a briefing's recorded settings hold (its JSON's "settings"), each of its type.
_SETTINGS: dict[str, type | tuple[type, ...]] = {
    "algorithm": str,
    "sentences": int,
    "words": int,
    "bytes": int,
    "threshold": (int, float),
    "stories": int,
    "topic": str,
}


def _settings(stored: object) -> Settings | None:
    """A briefing's recorded settings (JSON), or None for settings this code did not write (a
    file another program changed)."""
    try:
        parsed = json.loads(stored) if isinstance(stored, (str, bytes)) else None
    except (ValueError, RecursionError):
        return None
    if not isinstance(parsed, dict) or parsed.keys() != _SETTINGS.keys():
        return None
    if not all(isinstance(parsed[key], kind) for key, kind in _SETTINGS.items()):
        return None
    return Settings(**parsed)


def _narrower(stored: object, usual: Settings | None) -> tuple[bool, bool]:
    """How far a briefing's recorded settings are from the day's briefing: not the `usual`
    ones, then about a topic (False first)."""
    settings = _settings(stored)
    return (usual is not None and settings != usual, bool(settings and settings.topic))


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _text(value: str | None) -> str | None:
    """A string SQLite can store: a file name that is not UTF-8 keeps its readable part."""
    return None if value is None else valid_unicode(value)
