"""The history database: one SQLite file, its schema and migrations, and the one way in.

One embedded file (stdlib sqlite3, WAL mode), created 0600 (it holds whole articles).
`PRAGMA application_id` marks the file as ours and `PRAGMA user_version` is the schema
version; migrations run in order from whatever version a file has. A file that is not a
SQLite database, or is someone else's, is reported and never written to. Every access goes
through `Store.reading` or `Store.writing`, so every failure (a folder that cannot be made,
permissions, a full disk, a lock held too long) is a StoreError that says which, and the
shells can still deliver the digest. What is kept in it is `briefings`', `fetched`'s and
`cache`'s.

Importing this module does not import the NLP stack: `briefing history` and `show` stay fast.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from briefing.config import Config
from briefing.errors import StoreError
from briefing.sanitize import shown_name
from briefing.xdg import data_home, expand_user, unknown_home


def text_hash(text: str) -> str:
    """The content hash an article's text is kept under: the key of `articles` (the briefings'
    sources) and of `fetched` (a text fetched under two URLs is one article)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    # 4: the local day a briefing was made for (one entry per day and set of articles), and
    # which articles it was built from; `date` keeps the newest article's date.
    """
    ALTER TABLE briefings ADD COLUMN day TEXT;
    ALTER TABLE briefings ADD COLUMN articles_key TEXT;
    UPDATE briefings SET day = substr(created, 1, 10);
    CREATE INDEX briefings_day ON briefings(day);
    """,
    # 5: what failed to download, so that a page is retried with back-off rather than every
    # run, and the hosts whose failure was last reported, so that cron's log says it once.
    """
    CREATE TABLE failures (
        url TEXT PRIMARY KEY, host TEXT NOT NULL, reason TEXT NOT NULL, first TEXT NOT NULL,
        last TEXT NOT NULL, attempts INTEGER NOT NULL, retry TEXT NOT NULL
    );
    CREATE INDEX failures_host ON failures(host);
    CREATE TABLE failing_hosts (host TEXT PRIMARY KEY, reason TEXT NOT NULL, since TEXT NOT NULL);
    """,
    # 6: what reading each file and article gave, by content hash and analysis version, so
    # the next run of the day starts from it (`briefing.storage.cache`).
    """
    CREATE TABLE analysed (
        kind TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, value TEXT NOT NULL,
        used TEXT NOT NULL, PRIMARY KEY (kind, key, version)
    );
    CREATE INDEX analysed_used ON analysed(used);
    """,
)


def default_path() -> Path:
    """$XDG_DATA_HOME/briefing/briefing.db; a StoreError when no data folder can be found."""
    base = data_home()
    if base is None:
        raise StoreError(
            "no folder for the history: neither XDG_DATA_HOME nor HOME is set and this user has no home "
            "folder; set one, or [store] path in the config, or use --no-store"
        )
    return base / "briefing" / "briefing.db"


def store_path(config: Config) -> Path:
    """The configured history file, or the default one under the XDG data folder."""
    if not config.store.path:
        return default_path()
    path = expand_user(config.store.path)
    if path is None:
        raise StoreError(
            f"cannot find the history {shown_name(config.store.path)}: {shown_name(unknown_home(config.store.path))}"
        )
    return path


# How long a statement waits for another program (another briefing) to release the history,
# in steps: SQLite's own wait runs in C, where a signal is not handled, so it is kept short and
# the rest of the wait is a loop here, between whose steps SIGTERM ends the run at once.
BUSY_WAIT = 30.0
_BUSY_STEP = 0.1
# Less free space than this on the history's file system is a full disk: SQLite says so as an
# input/output error when the WAL's shared memory file cannot grow.
_FULL = 1 << 20

# SQLite's primary result codes, as a person would act on them.
_REASONS = {
    "SQLITE_FULL": "the disk is full",
    "SQLITE_READONLY": "it is read-only for this user (check its permissions and its folder's)",
    "SQLITE_PERM": "permission denied",
    "SQLITE_BUSY": f"another briefing kept it locked for {BUSY_WAIT:g} seconds",
    "SQLITE_LOCKED": f"another briefing kept it locked for {BUSY_WAIT:g} seconds",
    "SQLITE_IOERR": "the disk reported an input/output error",
    "SQLITE_NOMEM": "out of memory",
}


def _busy(error: sqlite3.Error) -> bool:
    return (getattr(error, "sqlite_errorname", "") or "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


class _Patient(sqlite3.Connection):
    """A connection whose statements wait for a lock held elsewhere in short steps (`BUSY_WAIT`
    in all), so that a signal is handled between them: SQLite's own busy wait runs in C, where
    Python handles no signal until it ends."""

    def execute(self, *args: Any) -> sqlite3.Cursor:
        return _patiently(super().execute, *args)

    def executemany(self, *args: Any) -> sqlite3.Cursor:
        return _patiently(super().executemany, *args)


def _patiently(run: Callable[..., sqlite3.Cursor], *args: Any) -> sqlite3.Cursor:
    deadline = time.monotonic() + BUSY_WAIT
    while True:
        try:
            return run(*args)
        except sqlite3.OperationalError as error:
            if not _busy(error) or time.monotonic() > deadline:
                raise
        time.sleep(0.05)


def _disk_full(folder: Path) -> bool:
    try:
        space = os.statvfs(folder)
    except OSError:
        return False
    return space.f_bavail * space.f_frsize < _FULL


class Store:
    """An open history database; use as a context manager."""

    def __init__(self, path: Path, create: bool = True) -> None:
        """Open the history at `path`, made if it is not there; not `create` (a command that
        only reads it), a history that is not there is an empty one, and no file is made."""
        self.path = path
        if path.exists() and not path.is_file():
            raise StoreError(f"{shown_name(path)} is not a file, so it cannot hold the history")
        where: Path | str = path
        if create:
            self._create(path)
        elif not os.path.lexists(path):
            where = ":memory:"
        with self._failures():
            self._db = sqlite3.connect(where, timeout=_BUSY_STEP, isolation_level=None, factory=_Patient)
            try:
                self._check_and_migrate()
            except BaseException:
                self._db.close()
                raise

    @staticmethod
    def _create(path: Path) -> None:
        """Make the folder (0700) and an empty file (0600): the history holds whole articles."""
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot create the folder {shown_name(path.parent)} for the history: {error.strerror or error}"
            ) from error
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass
        except OSError as error:
            raise StoreError(f"cannot create the history {shown_name(path)}: {error.strerror or error}") from error

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self._db.close()

    @contextmanager
    def _failures(self) -> Iterator[None]:
        """SQLite and OS errors as StoreErrors that say what is wrong with which file."""
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(self._explain(error)) from error
        except OSError as error:
            raise StoreError(f"{shown_name(self.path)}: {error.strerror or error}") from error

    def _explain(self, error: sqlite3.Error) -> str:
        code = getattr(error, "sqlite_errorname", "") or ""
        primary = "_".join(code.split("_")[:2])
        where = shown_name(self.path)
        if primary in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "not a database" in str(error):
            return f"{where}: not a briefing history database ({error}); it was left untouched"
        if primary in ("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_READONLY", "SQLITE_AUTH"):
            for what, target, mode in (
                ("folder", self.path.parent, os.W_OK | os.X_OK),
                ("file", self.path, os.R_OK | os.W_OK),
            ):
                if target.exists() and not os.access(target, mode):
                    return f"{where}: permission denied: this user cannot write to its {what}"
        if primary in ("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CANTOPEN") and _disk_full(self.path.parent):
            return f"{where}: the disk is full"
        reason = _REASONS.get(primary) or ("cannot open it" if primary == "SQLITE_CANTOPEN" else str(error))
        return f"{where}: {reason}"

    def _check_and_migrate(self) -> None:
        """Refuse files that are not ours or too new; bring older ones to this schema.

        A current file is only read, so `history` and `show` work on a read-only one.
        """
        db = self._db
        db.execute("PRAGMA foreign_keys=ON")
        if self._version() < len(MIGRATIONS):
            # Checked again inside the write lock: another run may be creating the file right now.
            with self._transaction():
                for number in range(self._version(), len(MIGRATIONS)):
                    for statement in MIGRATIONS[number].split(";"):
                        if statement.strip():
                            db.execute(statement)
                db.execute(f"PRAGMA application_id={APPLICATION_ID}")
                db.execute(f"PRAGMA user_version={len(MIGRATIONS)}")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode=WAL")

    def _version(self) -> int:
        """The file's schema version; a StoreError for someone else's database or a newer one."""
        db = self._db
        application = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application != APPLICATION_ID and (application != 0 or tables):
            raise StoreError(f"{shown_name(self.path)}: a database that briefing did not create; it was left untouched")
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > len(MIGRATIONS):
            raise StoreError(f"{shown_name(self.path)}: made by a newer briefing (schema {version}); upgrade briefing")
        return version

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction, rolled back on any failure (SIGTERM's Terminated too)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, for reads: its failures become StoreErrors."""
        with self._failures():
            yield self._db

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """The connection in one write transaction, rolled back on any failure; its failures
        become StoreErrors."""
        with self._failures(), self._transaction():
            yield self._db
