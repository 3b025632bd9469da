"""Crafted lines well under the size limit: cleaning stays linear, built-in rules and user patterns alike.

No timing is asserted here (benchmarks/regex_time.py measures): each run is the real command
with the suite's usual subprocess timeout, which a quadratic rule on these 400 KB lines
passes by orders of magnitude (the trailing-hash rule took over an hour on one of them).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from builders import article

SIZE = 400_000
LEAD = "The Harbour Bridge was closed on Monday after engineers found cracks in two of its steel supports.\n\n"
# One line per kind of backtracking the built-in rules had: a run rescanned from each of its
# positions (contact, trailing hash) or a greedy run backtracked against a second one (tags).
CRAFTED = {
    "contact": "a." * (SIZE // 2) + "\u2028x@",
    "contact_at": "@" + "a" * SIZE,
    "hash": "Words " * 20 + "\u2028" * SIZE + "x0123456789abcdef",
    "tags": "aB" * (SIZE // 2) + ":",
    "caption": "Photo/" + "photo " * (SIZE // 6) + ":",
    "video": "a" * SIZE + " 1:23 x",
    "promo": "SEE: a " * (SIZE // 7),
    "date": "2024-01-01T" + "1" * SIZE + "x",
    "glue": "ab.C" * (SIZE // 4),
    "braces": "{a" * (SIZE // 2),
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_crafted_lines_are_cleaned_in_linear_time(tmp_path: Path) -> None:
    for label, line in CRAFTED.items():
        (tmp_path / f"{label}.txt").write_text(LEAD + line + "\n\n" + LEAD, encoding="utf-8")
    result = run("read", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.slow
def test_user_patterns_cannot_hang(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    evil = ["a" * 40 + "!", "a" * SIZE + "!", "x" * 5000 + "y!"]
    (inbox / "a.txt").write_text(LEAD + "\n\n".join(evil) + "\n\n" + LEAD, encoding="utf-8")
    config = tmp_path / "c.toml"
    patterns = ["(a+)+$", "(x+x+)+y$", "^(a|aa)+$", "(.*a){12}$"]
    literals = ", ".join(f"'{pattern}'" for pattern in patterns)  # TOML literal strings: no escapes
    config.write_text(f"[clean]\ndrop_patterns = [{literals}]\n", encoding="utf-8")
    result = run("read", str(inbox), "--config", str(config))
    assert result.returncode == 0, result.stderr[-2000:]
    # A pattern that only a backtracking engine can run is refused up front, saying why.
    config.write_text("[clean]\ndrop_patterns = ['(?<=a)b']\n", encoding="utf-8")
    refused = run("read", str(inbox), "--config", str(config))
    assert refused.returncode == 2 and "lookaround is not supported" in refused.stderr


def test_the_rewritten_rules_still_catch_what_they_caught() -> None:
    page = article(
        "p",
        "Harbour News\n\nThe Harbour Bridge was closed on Monday after engineers found cracks in two supports.\n\n"
        "Write to news.desk+bridge@gazette.example.org\n\nHarbourBridge\n\n"
        "Officials said repairs would take six weeks and cost about four million dollars in all. "
        "3f9a2b7c1d0e4f5a6b7c\n\nMore words follow here to keep the article long enough for cleaning to run.",
    )
    removed = {(r.rule, r.text) for r in page.removed}
    assert ("contact", "Write to news.desk+bridge@gazette.example.org") in removed
    assert ("tags", "HarbourBridge") in removed
    assert ("trailing_hash", "3f9a2b7c1d0e4f5a6b7c") in removed
    assert "3f9a2b7c" not in page.text
