"""What `briefing fetch` stored is the feeds' entries: one set aside as usual says nothing.

The session 8 trial: a fetched CBS page whose only text was a promo ("This is what you need to
know about...") was cleaned to nothing, and every digest for a day, cron's included, wrote
"https://...: skipped, no article text left after cleaning" and "skipped 1 of 198 files" to
stderr: the log the README promises stays empty on a good morning.
"""

from __future__ import annotations

from pathlib import Path

from builders import TRIO
from commands import Ran, run_briefing

from briefing.models import Document
from briefing.storage.db import Store
from briefing.storage.fetched import Inbox

CHROME = "Copyright © 2024 River Gazette. All Rights Reserved."


def fetched_morning(tmp_path: Path) -> None:
    """Two reports and a page cleaning leaves empty, stored as `briefing fetch` stores them."""
    (tmp_path / "config.toml").write_text('[sources]\nfeeds = ["https://gazette.example/rss"]\n', encoding="utf-8")
    pages = [(id, TRIO[id].split("\n\n", 1)[1]) for id in ("a_gazette", "b_courier")] + [("schedule", CHROME)]
    with Store(tmp_path / "data" / "briefing" / "briefing.db") as store:
        urls = [f"https://gazette.example/{id}" for id, _ in pages]
        Inbox(store).save(
            [Document(f"gazette.example/{id}", url, text, url=url) for (id, text), url in zip(pages, urls)]
        )


def run(tmp_path: Path, *args: str) -> Ran:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    return run_briefing("--config", str(tmp_path / "config.toml"), *args, env=env, cwd=tmp_path)


def test_a_fetched_page_left_empty_by_cleaning_is_set_aside_without_a_word(tmp_path: Path) -> None:
    fetched_morning(tmp_path)
    digest = run(tmp_path, "digest", "--no-store", "-o", str(tmp_path / "today.txt"))
    assert digest.returncode == 0 and "Harbour Bridge" in (tmp_path / "today.txt").read_text(encoding="utf-8")
    assert digest.stderr == "", "a routine skip of a fetched entry was written to cron's log"
    explained = run(tmp_path, "digest", "--no-store", "--explain").stderr.splitlines()
    assert "briefing: https://gazette.example/schedule: skipped, no article text left after cleaning" in explained
    assert "briefing: skipped 1 of 3 files and feed entries" in explained  # not "of 3 files": none is one
