"""A morning of feed teasers, end to end: `briefing digest` groups headlines and short teasers
from several outlets into their stories, keeps every entry, and names the stories by headline."""

from __future__ import annotations

import json
from pathlib import Path

from builders import rss
from commands import run_briefing

# Three outlets; each reports some of three events in a headline and a teaser of a sentence
# or two, worded its own way, and one posts an unrelated column that shares only "race to".
OUTLETS = {
    "gazette.xml": [
        (
            "Jesse Jackson, civil rights leader, dies at 84",
            "jackson-dies",
            "The Rev. Jesse Jackson, a two-time presidential candidate, died on Tuesday at his home in Chicago.",
        ),
        (
            "Peru's Congress removes interim president Jeri",
            "peru-jeri",
            "Lawmakers in Lima voted to remove José Jerí from office amid a corruption probe.",
        ),
        (
            "Tech giants race to build bigger data centres",
            "data-centres",
            "Cloud companies plan record spending on servers this year.",
        ),
    ],
    "courier.xml": [
        (
            "Rev. Jesse Jackson dead at 84",
            "jackson-dead",
            "Tributes poured in for Jesse Jackson, the civil rights leader who ran for president twice.",
        ),
        (
            "Peru ousts Jeri after four months in office",
            "peru-ousts",
            "Peru's Congress voted on Tuesday to remove interim President José Jerí over a corruption probe.",
        ),
    ],
    "herald.xml": [
        (
            "Strong earthquake shakes northern Japan",
            "quake",
            "A magnitude 6.8 earthquake struck off northern Japan, officials said, with no tsunami warning.",
        ),
        (
            "Jesse Jackson remembered as voice of civil rights",
            "jackson-remembered",
            "Jesse Jackson, who died at 84, marched with Martin Luther King Jr. and ran for president.",
        ),
        ("Sprinters race to qualify for the final", "sprint", "Heats were run in heavy rain on Tuesday."),
    ],
}


def test_a_morning_of_teasers_is_grouped_into_its_stories(tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    for name, entries in OUTLETS.items():
        outlet = name.removesuffix(".xml").title()
        items = [(title, f"https://{name}.example/{slug}", f"<p>{text}</p>") for title, slug, text in entries]
        (folder / name).write_bytes(rss(*items, title=outlet))
    ran = run_briefing("digest", str(folder), "--format", "json", "--no-store", "--stories", "0")
    assert ran.returncode == 0, ran.stderr
    data = json.loads(ran.stdout)
    url_of = {article["id"]: article["url"] for article in data["articles"]}
    stories = [sorted(url_of[a].rsplit("/", 1)[-1] for a in story["articles"]) for story in data["stories"]]
    assert sorted(stories) == sorted(
        [
            ["jackson-dead", "jackson-dies", "jackson-remembered"],
            ["peru-jeri", "peru-ousts"],
            ["quake"],
            ["data-centres"],
            ["sprint"],
        ]
    )
    # The story three outlets report comes first, named by one of its headlines.
    assert stories[0] == ["jackson-dead", "jackson-dies", "jackson-remembered"]
    assert data["stories"][0]["title"] in {title for entries in OUTLETS.values() for title, _, _ in entries}
