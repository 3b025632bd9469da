"""Word-for-word copies: an article another outlet ran word for word is read once (a copy is no
independent report of a fact), but the copy belongs to its story wherever the story lists its
articles, and another outlet's copy counts that outlet among the story's."""

from __future__ import annotations

import json
from pathlib import Path

from builders import CHESS, STRIKE, TRIO, rss
from commands import run_briefing

CHESS_STORY = CHESS["f_sports"]


def copied(text: str, outlet: str) -> str:
    """The same article under another outlet's name (its header's `Source:`)."""
    return text.replace("Source: Sports Desk", f"Source: {outlet}").replace(
        "Source: Metro Tribune", f"Source: {outlet}"
    )


def mixed_day(folder: Path, copies: dict[str, str]) -> Path:
    folder.mkdir()
    for id, text in {**TRIO, **STRIKE, **CHESS, **copies}.items():
        (folder / f"{id}.txt").write_text(text, encoding="utf-8")
    return folder


def digest(folder: Path, *options: str) -> str:
    ran = run_briefing("digest", str(folder), "--no-store", "--stories", "0", *options)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout


def test_a_copy_in_another_outlet_is_listed_with_its_story_and_adds_no_support(tmp_path: Path) -> None:
    folder = mixed_day(tmp_path / "day", {"g_wire": copied(STRIKE["d_tribune"], "Harbour Wire")})
    data = json.loads(digest(folder, "--format", "json"))
    strike = next(story for story in data["stories"] if "d_tribune" in story["articles"])
    assert sorted(strike["articles"]) == ["d_tribune", "e_post", "g_wire"]
    listed = {article["id"]: article for article in data["articles"]}
    assert listed["g_wire"]["source"] == "Harbour Wire" and listed["g_wire"]["copy_of"] == "d_tribune"
    assert "copy_of" not in listed["d_tribune"]
    # Read once: no item quotes the copy, and the items are those of the day without it.
    alone = json.loads(digest(mixed_day(tmp_path / "alone", {}), "--format", "json"))
    assert all(source["article"] != "g_wire" for item in data["items"] for source in item["sources"])
    assert [(i["text"], i["support"]) for i in data["items"]] == [(i["text"], i["support"]) for i in alone["items"]]

    text = digest(folder)
    assert "3 articles, 3 sources" in text  # the strike: two reports, and a third outlet's copy
    assert "also carried word for word by: Harbour Wire" in text
    markdown = digest(folder, "--format", "markdown")
    assert "also carried word for word by: Harbour Wire" in markdown


def test_a_copy_in_the_articles_own_outlet_is_listed_but_counts_no_outlet(tmp_path: Path) -> None:
    folder = mixed_day(tmp_path / "day", {"g_again": copied(STRIKE["d_tribune"], "Metro Tribune")})
    text = digest(folder)
    assert "3 articles, 2 sources" in text
    assert "also carried word for word by" not in text  # its own outlet is no other place it ran


def test_a_story_other_outlets_carry_word_for_word_ranks_as_theirs_too(tmp_path: Path) -> None:
    def chess_score(copies: dict[str, str]) -> float:
        folder = mixed_day(tmp_path / str(len(list(tmp_path.iterdir()))), copies)
        data = json.loads(digest(folder, "--format", "json"))
        return next(story["score"] for story in data["stories"] if "f_sports" in story["articles"])

    alone = chess_score({})
    carried = chess_score(
        {"g_chess": copied(CHESS_STORY, "Chess Weekly"), "h_chess": copied(CHESS_STORY, "City Herald")}
    )
    assert carried > alone
    # Copies in its own outlet are one voice with it: the story is worth what it was.
    assert (
        chess_score({"g_chess": copied(CHESS_STORY, "Sports Desk"), "h_chess": copied(CHESS_STORY, "Sports Desk")})
        == alone
    )


def test_a_feeds_boilerplate_under_another_headline_is_no_copy_of_a_story(tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    boilerplate = "<p>Crossword and sudoku for this week.</p>"
    (folder / "magazine.xml").write_bytes(
        rss(
            ("Magazine solutions - February 27", "https://magazine.example/solutions", boilerplate),
            ("Magazine printables - February 27", "https://magazine.example/printables", boilerplate),
            title="Weekly Magazine",
        )
    )
    data = json.loads(digest(folder, "--format", "json"))
    listed = {
        article["url"]
        for story in data["stories"]
        for article in data["articles"]
        if article["id"] in story["articles"]
    }
    assert "https://magazine.example/printables" not in listed
    assert all("copy_of" not in article for article in data["articles"])
