"""What reading files and articles gave is kept in the history and read back the same: the
briefing of a cached run is the briefing of an uncached one; the cache holds JSON only; and
a change to the code whose results it keeps asks for a new analysis version."""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from builders import CHESS, STRIKE, TRIO, news_page, rss

from briefing.version import ANALYSIS_VERSION

REPO = Path(__file__).resolve().parents[2]
# The modules whose results the cache keeps: reading files, cleaning, cutting into sentences,
# an article's view.
ANALYSIS_CODE = ("briefing/sources/*.py", "briefing/text/*.py", "briefing/summary/views.py", "briefing/run/cached.py")
# The fingerprint of that code for each analysis version (`code_fingerprint`).
# Version 2's was recorded again by issue 31's hardening: inputs that raised (a bad URL in a
# feed, a charset that makes no text, a cache entry of the wrong shape...) now give a skip line
# or a miss. Version 3: a feed with a byte XML forbids, or a JSON Feed field of the wrong type,
# was cached with entries lost (or as no feed); it is now read whole. Version 4: articles are
# kept before they are cut into sentences, with their language. Version 4's was recorded again
# for changes that read every input as before: paths' messages, lexicon.HAPPENINGS (selection
# reads it, reading does not), the line rules' shortcuts (the same lines dropped),
# an untitled article's first sentence found without cutting the rest of its paragraph,
# feeds import's TOML writer (sources/subscriptions.py: no article is read there).
# Version 7: a feed's `&` inside a CDATA section (an entry's link) was read as "&amp;".
# Version 8: an entry's id reads its link's percent-escapes, without apostrophes or accents.
# Version 10: an article whose story is not shown is kept cleaned up to its lead ("whole").
# Version 10's was recorded again for text/quotes.py (a sentence's form reads it, reading does
# not), and for files.checked telling copies by their lead (what the cache keeps is the same).
# Version 11's was recorded again for sources/html.py importing logging at its first page, not
# at import (the same logger set up the same way), and for run/cached.py noting the files it
# read as one key (`briefing.run.unchanged`; the same entries under the same keys). 12: a file of control
# bytes is said as 'binary data is not text', as one of NUL bytes is (it said 'binary data, not text').
# Version 12's was recorded again for text/lexicon.py's openers ("Then"; a sentence's form reads
# them, reading does not), and for sources/sniff.py (the feed and page sniffers moved out of
# feeds.py and html.py, the same patterns: the parsers are imported when a file needs one), and
# for run/cached.py keeping each file's status with its key (`briefing.run.unchanged.status_key`;
# the same entries under the same keys, and new ones of a kind of their own), and for
# text/patterns.py importing RE2 when a user's pattern is first compiled, and for
# sources/folders.py saying that a folder's folders are not read (the message of a run that read none).
FINGERPRINTS = {
    1: "517e05727e576285",
    2: "a3f6a0808fd2f13e",
    3: "dfaee411c45d5173",
    4: "d697f6437d9bad29",
    5: "0b383537b69f1c49",
    6: "80dcabaa85ece47d",
    7: "cce24e45b5771650",
    8: "2d3464a472001304",
    9: "c8ba28b178084548",
    10: "2901cffb166379b2",
    11: "3c06e2d75fd29724",
    12: "44d6ff2afbf8a1ee",
}


def code_fingerprint() -> str:
    """A hash of the analysis code's syntax trees, docstrings and comments left out: a change
    to what the code does changes it, a change to what it says does not."""
    digest = hashlib.sha256()
    for pattern in ANALYSIS_CODE:
        for path in sorted(REPO.glob(pattern)):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                body = getattr(node, "body", None)
                first = body[0] if isinstance(body, list) and body else None
                if isinstance(first, ast.Expr) and isinstance(getattr(first.value, "value", None), str):
                    body[0] = ast.Pass()
            digest.update(f"{path.relative_to(REPO)}\n{ast.dump(tree)}\n".encode())
    return digest.hexdigest()[:16]


def test_a_change_to_the_analysis_code_asks_for_a_new_analysis_version() -> None:
    assert FINGERPRINTS.get(ANALYSIS_VERSION) == code_fingerprint(), (
        "The code whose results the history's cache keeps has changed. If what it gives for "
        "the same bytes changed, add 1 to ANALYSIS_VERSION in briefing/version.py; either way, "
        f"record {{{ANALYSIS_VERSION}: {code_fingerprint()!r}}} in FINGERPRINTS here."
    )


def _day(folder: Path) -> Path:
    folder.mkdir()
    for id, text in {**TRIO, **STRIKE, **CHESS}.items():
        (folder / f"{id}.txt").write_text(text, encoding="utf-8")
    (folder / "page.html").write_text(news_page(), encoding="utf-8")
    (folder / "feed.xml").write_bytes(
        rss(
            ("Chess club opens", "https://gazette.example/chess", "<p>The city chess club opened a second hall.</p>"),
            ("Port strike talks", "https://gazette.example/port", "<p>Talks to end the port strike resumed.</p>"),
        )
    )
    (folder / "copy.txt").write_text(TRIO["a_gazette"], encoding="utf-8")  # skipped: the same text
    return folder


def _digest(folder: Path, home: Path, *options: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "digest", str(folder), "--format", "json", "--explain", *options],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"XDG_DATA_HOME": str(home), "PATH": "/usr/bin:/bin", "HOME": str(home)},
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    data["stderr"] = result.stderr  # skip lines and what cleaning removed, the same too
    return data


def _forget_the_cache(home: Path) -> None:
    with sqlite3.connect(home / "briefing" / "briefing.db") as db:
        db.execute("DELETE FROM analysed")


def test_a_cached_run_gives_the_briefing_an_uncached_one_gives(tmp_path: Path) -> None:
    folder = _day(tmp_path / "news")
    home = tmp_path / "home"
    first = _digest(folder, home)
    with sqlite3.connect(home / "briefing" / "briefing.db") as db:
        kept = db.execute("SELECT kind, count(*) FROM analysed GROUP BY kind ORDER BY kind").fetchall()
        values = [value for (value,) in db.execute("SELECT value FROM analysed")]
    # Nine files, one a byte copy of another: eight read; the feed gave two articles. And the
    # briefing, for the TUI to show at once on the same folder (`briefing.storage.shown`).
    assert dict(kept) == {"article": 9, "file": 8, "shown": 1}
    assert all(json.loads(value) is not None for value in values)  # JSON, never pickle
    assert _digest(folder, home) == first  # all of it from the cache
    _forget_the_cache(home)
    assert _digest(folder, home) == first  # none of it
    _digest(folder, tmp_path / "elsewhere", "--no-store")
    assert not (tmp_path / "elsewhere").exists()  # --no-store reads and writes no cache


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    folder = _day(tmp_path / "news")
    home, other = tmp_path / "home", tmp_path / "other"
    _digest(folder, home)
    shutil.copytree(home, other)
    _forget_the_cache(other)
    edited = STRIKE["d_tribune"].replace("Saint Anne", "Saint Agnes")
    (folder / "d_tribune.txt").write_text(edited, encoding="utf-8")
    cached = _digest(folder, home)
    assert "Saint Agnes" in json.dumps(cached)
    assert cached == _digest(folder, other)


def test_what_no_run_read_for_days_goes(tmp_path: Path) -> None:
    from datetime import datetime, timedelta, timezone

    from briefing.storage.cache import KEEP_DAYS, Cache
    from briefing.storage.db import Store

    now = datetime(2024, 4, 5, tzinfo=timezone.utc)
    with Store(tmp_path / "h.db") as store:
        cache = Cache(store)
        cache.put("file", {"old": "[]", "read": "[]"}, now=now - timedelta(days=KEEP_DAYS + 1))
        cache.touch("file", ["read"], now=now)
        Cache(store, version=ANALYSIS_VERSION + 1).put("file", {"newer": "[]"}, now=now)
        assert cache.prune(now=now) == 2  # unused for too long, and another version's
        assert cache.get("file", ["old", "read", "newer"]) == {"read": "[]"}
