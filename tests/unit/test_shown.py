"""The briefing kept for the TUI's next launch comes back as it was shown, with the text of the
articles its stories name, and an entry this code did not write is no briefing at all."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from builders import CHESS, STRIKE, TRIO, article

from briefing.config import Config, StoriesConfig
from briefing.models import Article, Copy
from briefing.storage.cache import Cache
from briefing.storage.db import Store
from briefing.storage.shown import KIND, keep, last
from briefing.summary.pipeline import summarize


def _briefing():  # type: ignore[no-untyped-def]
    articles = tuple(article(id, text) for id, text in {**TRIO, **STRIKE, **CHESS}.items())
    config = replace(Config(), stories=replace(StoriesConfig(), max=2))
    made = summarize(articles, config)
    # Another outlet's word-for-word copy of the first story's first article, listed with it.
    first = made.stories[0]
    wire = Article(
        "g_wire", "Copied", "Harbour Wire", None, "g_wire.txt", "https://wire.example/1", "", (), segmented=False
    )
    copy = Copy(wire, first.articles[0])
    stories = (replace(first, articles=(*first.articles, wire.id)), *made.stories[1:])
    return replace(made, date="2024-04-05", stories=stories, copies=(copy,))


def test_a_kept_briefing_comes_back_as_it_was_shown(tmp_path: Path) -> None:
    briefing = _briefing()
    with Store(tmp_path / "h.db") as store:
        keep(store, "news", briefing, "2024-04-05T06:00:00+00:00")
        stored = last(store, "news")
        assert last(store, "other folder") is None
    assert stored is not None and stored.made == "2024-04-05T06:00:00+00:00"
    back = stored.briefing
    told = {id for story in briefing.stories for id in story.articles} - {copy.article.id for copy in briefing.copies}
    assert told and len(told) < len(briefing.articles)  # a story was left out: its articles' text is not kept
    assert back.items == briefing.items and back.stories == briefing.stories and back.copies == briefing.copies
    assert (back.settings, back.key_terms, back.date, back.story_count) == (
        briefing.settings,
        briefing.key_terms,
        briefing.date,
        briefing.story_count,
    )
    assert [a for a in back.articles if a.id in told] == [a for a in briefing.articles if a.id in told]
    assert [(a.id, a.title, a.text) for a in back.articles if a.id not in told] == [
        (a.id, a.title, "") for a in briefing.articles if a.id not in told
    ]


def _edited(text: str, edit) -> str:  # type: ignore[no-untyped-def]
    made, data = json.loads(text)
    edit(data)
    return json.dumps([made, data])


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "not json",
        lambda text: _edited(text, lambda data: data[4][0][4].append(99)),  # a story's item not there
        lambda text: text.replace('"s1"', "17", 1),  # a story id that is no text
        lambda text: text[:-200] + "]",  # cut short
    ],
    ids=["not-json", "story-item", "type", "cut"],
)
def test_a_damaged_entry_is_no_stored_briefing(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "h.db") as store:
        keep(store, "news", _briefing(), "2024-04-05T06:00:00+00:00")
        cache = Cache(store)
        cache.put(KIND, {"news": damage(cache.get(KIND, ["news"])["news"])})
        assert last(store, "news") is None


def test_an_item_quoting_an_article_the_briefing_lacks_is_no_stored_briefing(tmp_path: Path) -> None:
    briefing = _briefing()
    with Store(tmp_path / "h.db") as store:
        keep(store, "news", replace(briefing, articles=briefing.articles[1:]), "2024-04-05T06:00:00+00:00")
        assert last(store, "news") is None
