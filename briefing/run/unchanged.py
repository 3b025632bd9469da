"""Whether today's briefing of some sources is one the history keeps already: the same code,
settings and day, the same bytes in the same files, the same earlier items to mark against.

A briefing depends on nothing else (the run's clock is its day), so when all of that is what
a kept briefing was made from, making it again gives it again, to the byte: the TUI shows it
as today's at once, where reading the 100 shared feeds again took 4 s. Only files and folders
named as sources are compared: a URL is fetched anew, and fetched articles come and go with
the clock (`[sources] window_hours`). Imports nothing of the reading stack: the TUI compares
before that is loaded.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from briefing.config import Config
from briefing.errors import SourceError, StoreError
from briefing.models import Problem
from briefing.run.daily import earlier_items
from briefing.sources.folders import read_file, survey
from briefing.storage.shown import Stored
from briefing.version import ANALYSIS_VERSION, __version__


def made_today(stored: Stored, sources: Sequence[str], config: Config, day: str) -> bool:
    """Whether `stored` is today's briefing of `sources`: made from these files as they are
    now, by this code with these settings, on `day`, against the earlier items the history
    holds now. Its origin says what it was made from; one that cannot be told again has none."""
    origin = stored.origin
    if origin is None or stored.briefing.date != day:  # yesterday's: no file need be read to tell
        return False
    files = files_now(sources, config.sources.max_bytes)
    if files is None:
        return False
    try:
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


def files_now(sources: Sequence[str], max_bytes: int) -> str | None:
    """`files_key` of `sources` as they are now; None when one is gone (the reading says why)."""
    try:
        paths, others = survey(sources)
    except SourceError:
        return None
    keys: list[str | Problem] = []
    for path in paths:
        data = read_file(path, max_bytes)
        keys.append(file_key(data, path) if isinstance(data, bytes) else data)
    return files_key(paths, keys, others)


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
