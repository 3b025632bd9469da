"""What failed to download, and which failing hosts were last reported (tables of migration 5).

A page that failed is kept with its reason, how many times it failed and when it may be tried
again, so that a dead link is not asked for every run; one that arrives is forgotten. The
failing hosts last reported let `briefing fetch` tell a cron log about a failure once, when it
starts or changes, and not every morning it lasts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from briefing.storage.db import Store


class FailureLog:
    """The failures of an open history; every access through the store's error mapping."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def waiting(self, urls: Iterable[str], now: datetime) -> set[str]:
        """Those of `urls` that failed and whose next try is later than `now`."""
        return self._among(urls, " AND retry > ?", now.isoformat())

    def pending(self, urls: Iterable[str]) -> set[str]:
        """Those of `urls` that failed and have not arrived since, due for a try or not."""
        return self._among(urls)

    def urls(self) -> set[str]:
        """Every URL that failed and has not arrived since: one query, however many articles ask."""
        with self.store.reading() as db:
            return {url for (url,) in db.execute("SELECT url FROM failures")}

    def _among(self, urls: Iterable[str], condition: str = "", *values: str) -> set[str]:
        """Those of `urls` with a failure (that meets `condition`, an SQL AND clause)."""
        found: set[str] = set()
        with self.store.reading() as db:
            for url in urls:
                if db.execute(f"SELECT 1 FROM failures WHERE url = ?{condition}", (url, *values)).fetchone():
                    found.add(url)
        return found

    def failed(
        self, failures: Iterable[tuple[str, str, str]], now: datetime, delay: Callable[[int], timedelta]
    ) -> None:
        """Record each (url, host, reason) as failed once more; its next try `delay(attempts)` from now."""
        stamp = now.isoformat()
        with self.store.writing() as db:
            for url, host, reason in failures:
                row = db.execute("SELECT attempts FROM failures WHERE url = ?", (url,)).fetchone()
                attempts = (row[0] if row else 0) + 1
                retry = (now + delay(attempts)).isoformat()
                db.execute(
                    "INSERT INTO failures (url, host, reason, first, last, attempts, retry) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT(url) DO UPDATE SET host = excluded.host, reason = excluded.reason,"
                    " last = excluded.last, attempts = excluded.attempts, retry = excluded.retry",
                    (url, host, reason, stamp, stamp, attempts, retry),
                )

    def succeeded(self, urls: Iterable[str]) -> None:
        """Forget the failures of `urls`: they arrived."""
        with self.store.writing() as db:
            db.executemany("DELETE FROM failures WHERE url = ?", [(url,) for url in urls])

    def hosts(self) -> set[str]:
        """The hosts with a URL still failed (waiting for its next try, or given up on)."""
        with self.store.reading() as db:
            return {host for (host,) in db.execute("SELECT DISTINCT host FROM failures")}

    def reported(self) -> dict[str, tuple[str, str]]:
        """The failing hosts as last reported: host -> (reason, since when)."""
        with self.store.reading() as db:
            return {host: (reason, since) for host, reason, since in db.execute("SELECT * FROM failing_hosts")}

    def set_reported(self, failing: dict[str, tuple[str, str]], recovered: Iterable[str]) -> None:
        """Remember hosts reported failing (host -> (reason, since)); forget those that recovered."""
        with self.store.writing() as db:
            db.executemany(
                "INSERT INTO failing_hosts (host, reason, since) VALUES (?, ?, ?)"
                " ON CONFLICT(host) DO UPDATE SET reason = excluded.reason, since = excluded.since",
                [(host, reason, since) for host, (reason, since) in failing.items()],
            )
            db.executemany("DELETE FROM failing_hosts WHERE host = ?", [(host,) for host in recovered])

    def prune(self, keep_days: int, now: datetime) -> None:
        """Forget failures first seen more than `keep_days` days ago (0: keep all): by then no
        feed lists the page any more. A host with no failure left is no longer failing."""
        with self.store.writing() as db:
            if keep_days > 0:
                before = (now - timedelta(days=keep_days)).isoformat()
                db.execute("DELETE FROM failures WHERE first < ?", (before,))
            db.execute("DELETE FROM failing_hosts WHERE host NOT IN (SELECT host FROM failures)")
