"""What reading files and articles gave, kept in the history by content hash (migration 6).

A morning's second digest, or the TUI after cron's, reads the same files and articles as the
first: parsing feeds, cleaning and cutting text into sentences cost most of a day's time, and
their results depend only on the bytes and the analysis code. Each result is kept as JSON
text (never pickle: the database is a file anyone with the user's rights can write) under
its kind, its content hash and `ANALYSIS_VERSION`; what it means is the caller's
(`briefing.run.cached`). Entries not used for `KEEP_DAYS` days go, and those of another
analysis version.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone

from briefing.storage.db import Store
from briefing.version import ANALYSIS_VERSION

# Entries no run read for this many days go: a morning's files are read again that day, and
# a feed's entries for a day or two; a day of 100 feeds keeps about 30 MB.
KEEP_DAYS = 3
# SQLite's default limit of variables in one statement is 32766 (999 before 3.32).
_CHUNK = 900


class Cache:
    """The analysis cache of an open history; every access through the store's error mapping."""

    def __init__(self, store: Store, version: int = ANALYSIS_VERSION) -> None:
        self.store = store
        self.version = version

    def get(self, kind: str, keys: Iterable[str]) -> dict[str, str]:
        """The values kept for those of `keys` that have one."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        with self.store.reading() as db:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, value FROM analysed WHERE kind = ? AND version = ? AND key IN ({marks})",
                    (kind, self.version, *chunk),
                )
                found.update(rows)
        return found

    def put(self, kind: str, values: Mapping[str, str], now: datetime | None = None) -> None:
        """Keep `values` (key to JSON text) in one transaction."""
        if not values:
            return
        stamp = (now or datetime.now(timezone.utc)).isoformat()
        with self.store.writing() as db:
            db.executemany(
                "INSERT OR REPLACE INTO analysed (kind, key, version, value, used) VALUES (?, ?, ?, ?, ?)",
                [(kind, key, self.version, value, stamp) for key, value in values.items()],
            )

    def touch(self, kind: str, keys: Iterable[str], now: datetime | None = None) -> None:
        """Mark entries as used now, so that pruning keeps what is still read."""
        stamp = (now or datetime.now(timezone.utc)).isoformat()
        with self.store.writing() as db:
            db.executemany(
                "UPDATE analysed SET used = ? WHERE kind = ? AND key = ? AND version = ?",
                [(stamp, kind, key, self.version) for key in keys],
            )

    def prune(self, keep_days: int = KEEP_DAYS, now: datetime | None = None) -> int:
        """Forget entries of another analysis version, and those unused for `keep_days` days."""
        before = ((now or datetime.now(timezone.utc)) - timedelta(days=max(keep_days, 1))).isoformat()
        with self.store.writing() as db:
            deleted = db.execute("DELETE FROM analysed WHERE version != ? OR used < ?", (self.version, before)).rowcount
        return int(deleted)
