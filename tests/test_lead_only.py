"""An article whose story is not shown is cleaned only up to its lead (`briefing.models.LEAD_WORDS`),
and nothing a reader sees changes: the briefing is the one whole articles give, two long reports
that share a lead and part after it are both read, and the articles of a shown story carry all of
their text (the TUI's article and removed-text screens, the briefing the TUI keeps)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from builders import rss
from commands import run_briefing

from briefing.config import Config, with_overrides
from briefing.run.day import Day, read_day

STRIKE_TAIL = "Pickets will return to the north gate of the container port on Friday, the dockers union said."
PAINTINGS = (
    "Curator {n} listed painting {n} among the canvases moved out of gallery {n} while plumbers dried the ceiling."
)
MUSEUM_TAILS = ("The museum will reopen its east wing in May.", "The museum will reopen its east wing in June.")


def _long(opening: str, sentence: str, tail: str) -> str:
    """An entry of about 500 words: `opening`, 24 paragraphs of `sentence` (numbered in its
    `{n}`), and `tail` after them, past the first 400 words."""
    paragraphs = [sentence.format(n=n) for n in range(1, 25)]
    return "".join(f"<p>{text}</p>" for text in [opening, *paragraphs, tail])


def _day(folder: Path) -> Path:
    folder.mkdir()
    museum = "The city museum closed its east wing after a water pipe burst above the sculpture hall on Tuesday."
    entries = [
        (
            "Dockers strike shuts container port",
            "https://gazette.example/strike-shuts-port",
            _long(
                "Dockers walked out at the container port on Tuesday, halting cranes and stranding ships at anchor.",
                "Crane driver {n} said that shift {n} had left cargo on the quay at berth {n} since the stoppage began.",
                STRIKE_TAIL,
            ),
        ),
        (
            "Container port strike strands ships",
            "https://gazette.example/port-strands-ships",
            "<p>Ships waited at anchor as the dockers strike shut the container port for a second day.</p>",
        ),
        (
            "Dockers union vows to keep port strike going",
            "https://gazette.example/union-vows",
            "<p>The dockers union said the strike at the container port would go on until pay talks resumed.</p>",
        ),
        ("Museum shuts east wing", "https://gazette.example/museum-may", _long(museum, PAINTINGS, MUSEUM_TAILS[0])),
        ("Museum wing closed", "https://gazette.example/museum-june", _long(museum, PAINTINGS, MUSEUM_TAILS[1])),
        (
            "Bridge repairs begin",
            "https://gazette.example/bridge-repairs",
            _long(
                "Engineers began repairs on the old swing bridge after inspectors found rusted bolts.",
                "Inspector {n} counted corroded rivets on girder {n} of the swing span during survey {n} last winter.",
                "The bridge will stay shut to lorries until the autumn.",
            ),
        ),
    ]
    (folder / "feed.xml").write_bytes(rss(*entries))
    return folder


def test_a_briefing_read_from_leads_is_the_briefing_of_whole_articles(tmp_path: Path) -> None:
    folder = str(_day(tmp_path / "news"))
    leads = run_briefing("digest", folder, "--no-store", "--stories", "1", "--format", "json")
    whole = run_briefing("digest", folder, "--no-store", "--stories", "1", "--format", "json", "--explain")
    assert leads.returncode == whole.returncode == 0, leads.stderr
    assert leads.stdout == whole.stdout  # --explain lists what cleaning removed: it reads every article whole
    briefing = json.loads(leads.stdout)
    assert briefing["stories"][0]["title"] == "Dockers strike shuts container port"
    assert STRIKE_TAIL in leads.stdout  # an item from past the lead of the story's long article
    # The two museum reports share their first 400 words: both are read, neither is a copy.
    assert len(briefing["articles"]) == 6
    assert "same text" not in leads.stderr


def test_the_articles_of_a_shown_story_carry_their_whole_text(tmp_path: Path) -> None:
    folder = str(_day(tmp_path / "news"))
    config = with_overrides(Config(), stories=1)
    read = read_day([folder], config, "2024-04-02", store=False)
    bridge = next(article for article in read.articles if "bridge" in article.id)
    assert bridge.rest is not None and not bridge.text.endswith("autumn.")  # read up to its lead
    briefing = Day(read.articles, "2024-04-02", views=read.views).briefing(config)
    shown = {id for story in briefing.stories for id in story.articles}
    strike = next(article for article in briefing.articles if "strike-shuts-port" in article.id)
    assert strike.id in shown
    assert strike.text.endswith(STRIKE_TAIL)  # what the article screen shows
    assert all(article.rest is None for article in briefing.articles if article.id in shown)


def test_a_cached_day_read_from_leads_gives_the_same_briefing(tmp_path: Path) -> None:
    folder = str(_day(tmp_path / "news"))
    home = tmp_path / "home"
    env = {"XDG_DATA_HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"), "HOME": str(home)}
    first = run_briefing("digest", folder, "--stories", "1", "--format", "json", env=env)
    assert STRIKE_TAIL in first.stdout  # an item of the shown story, from past its long article's lead
    with sqlite3.connect(home / "briefing" / "briefing.db") as db:
        (kept,) = db.execute("SELECT value FROM analysed WHERE kind = 'shown'").fetchone()
    assert "Friday, the dockers union said." in kept  # the briefing the TUI shows at once: the shown article whole
    second = run_briefing("digest", folder, "--stories", "1", "--format", "json", env=env)  # from the cache
    with sqlite3.connect(home / "briefing" / "briefing.db") as db:
        db.execute("DELETE FROM analysed")
    third = run_briefing("digest", folder, "--stories", "1", "--format", "json", env=env)  # read again
    assert first.stdout == second.stdout == third.stdout
