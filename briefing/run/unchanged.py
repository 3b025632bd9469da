"""Whether today's briefing of some sources is one the history keeps already: the same code,
settings and day, the same bytes in the same files, the same earlier items to mark against.

A briefing depends on nothing else (the run's clock is its day), so when all of that is what
a kept briefing was made from, making it again gives it again, to the byte: the TUI shows it
as today's at once, where reading the 100 shared feeds again took 4 s. Only files and folders
named as sources are compared: a URL is fetched anew, and fetched articles come and go with
the clock (`[sources] window_hours`). Imports nothing of the reading stack: the TUI compares
before that is loaded.

A file whose status (size, inode, modification and change times to the nanosecond) is the one
it had when it was read is not read again: its bytes' key is the one kept then (`status_key`).
Hashing the 100 shared feeds' 25 MB beside the reading worker took 0.3-0.5 s of a warm launch at load 5.
Only a status taken well after the file's last change is kept: an edit within the same tick
of the file system's clock as the read leaves the same times (and an edit that keeps the
size too, the same status).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from briefing.config import Config
from briefing.errors import SourceError, StoreError
from briefing.models import Problem
from briefing.run.daily import earlier_items
from briefing.sources.folders import read_file, survey
from briefing.storage.cache import Cache
from briefing.storage.db import Store, store_path
from briefing.storage.shown import Stored
from briefing.version import ANALYSIS_VERSION, __version__


def made_today(stored: Stored, sources: Sequence[str], config: Config, day: str) -> bool:
    """Whether `stored` is today's briefing of `sources`: made from these files as they are
    now, by this code with these settings, on `day`, against the earlier items the history
    holds now. Its origin says what it was made from; one that cannot be told again has none."""
    origin = stored.origin
    if origin is None or stored.briefing.date != day:  # yesterday's: no file need be read to tell
        return False
    try:
        with Store(store_path(config)) as store:
            files = files_now(sources, config.sources.max_bytes, Cache(store))
        if files is None:
            return False
        previous = earlier_items(origin.articles, config, day)
    except StoreError:
        return False
    return reading_key(files, previous, config, day) == origin.reading


def file_key(data: bytes, path: Path) -> str:
    """A file by its bytes and by what its name makes of them (a page, Markdown)."""
    return content_hash(data, path.suffix.lower())


def files_key(paths: Sequence[Path], keys: Sequence[str | Problem], others: Sequence[Problem]) -> str:
    """The files a reading found, as one key: each path with its `file_key` (or why it could
    not be read), and the files set aside (a PDF among the articles)."""
    found = [[str(path), key if isinstance(key, str) else key.reason] for path, key in zip(paths, keys)]
    return content_hash(json.dumps([found, [[problem.path, problem.reason] for problem in others]], ensure_ascii=False))


def files_now(sources: Sequence[str], max_bytes: int, cache: Cache | None = None) -> str | None:
    """`files_key` of `sources` as they are now; None when one is gone (the reading says why).
    A file whose status `cache` keeps (`status_key`) is known by the key kept with it, unread."""
    try:
        paths, others = survey(sources)
    except SourceError:
        return None
    statuses: dict[Path, str] = {}
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            continue  # reading it says why
        if stat.S_ISREG(info.st_mode) and not (max_bytes and info.st_size > max_bytes):
            statuses[path] = status_key(path, info)
    known = cache.get("status", statuses.values()) if cache is not None and statuses else {}
    keys: list[str | Problem] = []
    for path in paths:
        kept = _kept_key(known.get(statuses.get(path, "")))
        if kept is not None:
            keys.append(kept)
            continue
        data = read_file(path, max_bytes)
        keys.append(file_key(data, path) if isinstance(data, bytes) else data)
    return files_key(paths, keys, others)


# How long before it is read a file must have last changed for its status to be kept: file
# systems keep times in ticks (2 s on FAT, 1 s on HFS+, a server's clock on a network share),
# and an edit in the tick of the read leaves the times as they were read.
SETTLED_NS = 10 * 10**9


def status_key(path: Path, info: os.stat_result) -> str:
    """A file as its status tells it: path, device, inode, size, modification and change times."""
    numbers = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    return content_hash(str(path), *(str(number) for number in numbers))


def settled(info: os.stat_result, since_ns: int) -> bool:
    """Whether a file's status, taken (and its bytes read) after `since_ns` (the clock's
    nanoseconds), tells those bytes: its last change was well before then (`SETTLED_NS`)."""
    return max(info.st_mtime_ns, info.st_ctime_ns) < since_ns - SETTLED_NS


def _kept_key(value: str | None) -> str | None:
    """The file key kept for a status (JSON text: the history is a file anyone can write)."""
    try:
        key = json.loads(value) if value is not None else None
    except ValueError:
        return None
    return key if isinstance(key, str) else None


# Settings no briefing depends on: where it is written, the TUI's keys, how the work is spread.
_ASIDE = ("output", "keys", "engine")


def reading_key(files: str, previous: Sequence[str], config: Config, day: str) -> str:
    """Everything a briefing of the files `files` names depends on but its length and algorithm
    (the briefing's settings say those): the code, the settings (cron's digest and the TUI
    read the same config), the day and the earlier items."""
    settings = asdict(config)
    for name in ("sentences", "words", "bytes", "algorithm"):
        del settings["summary"][name]
    for section in _ASIDE:
        del settings[section]
    made = [__version__, ANALYSIS_VERSION, _code(), settings, day, files, content_hash(*previous)]
    return content_hash(json.dumps(made, ensure_ascii=False, sort_keys=True, default=str))


@functools.cache
def _code() -> str:
    """The package's source, as one hash: a briefing made by other code is made again."""
    package = Path(__file__).resolve().parents[1]
    return content_hash(
        *(
            part
            for path in sorted(package.rglob("*.py"))
            for part in (str(path.relative_to(package)), path.read_bytes())
        )
    )


def content_hash(*parts: str | bytes) -> str:
    """One SHA-256 of `parts`, each ended by a NUL (so no two lists of parts share one)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()
