"""A day of several stories: a stories pane beside items and sources, ] and [ between stories,
--topic; a day of one story looks as before. Also f (fetch now) and the sources-differ flag."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from builders import CHESS, STRIKE, TRIO
from pilots import app_for, earlier_briefing, ready, screen_text, until
from textual import events

from briefing.config import Config, OutputConfig, SourcesConfig, StoriesConfig, TopicConfig
from briefing.models import Figure
from briefing.tui.app import create_app
from briefing.tui.screens.algorithm import AlgorithmScreen
from briefing.tui.widgets.items import ItemList
from briefing.tui.widgets.sources import SourceList
from briefing.tui.widgets.status import StatusBar
from briefing.tui.widgets.stories import StoryList


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for id, text in {**CHESS, **STRIKE, **TRIO}.items():
        (folder / f"{id}.txt").write_text(text, encoding="utf-8")
    return folder


async def test_several_stories_get_a_pane_with_label_count_and_mark(mixed_folder: Path, tmp_path: Path) -> None:
    earlier_briefing(tmp_path)  # on another story: each story is new against it
    app = app_for(mixed_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        stories = app.main.query_one(StoryList)
        assert stories.display and stories.option_count == len(app.briefing.stories) == 3
        first = app.briefing.stories[0]
        prompts = [" ".join(str(option.prompt).split()) for option in stories.options]
        assert prompts[0] == f"1. {first.title} 3 articles · new"
        assert prompts[2].endswith("1 article · new")
        assert "6 articles, 3 stories, 16 items" in str(app.main.query_one(StatusBar).render())
        items = app.main.query_one(ItemList)
        assert items.option_count == len(first.items)
        assert [int(items.get_option_at_index(n).id) for n in range(items.option_count)] == list(first.items)
        assert all(app.briefing.items[i].mark == "new" for i in first.items)
        shown = [str(items.get_option_at_index(n).prompt) for n in range(items.option_count)]
        assert not any("(new)" in prompt for prompt in shown), "a new story's items each say (new)"


async def test_a_story_of_headlines_only_is_listed_and_says_why_it_has_no_items(
    mixed_folder: Path, tmp_path: Path
) -> None:
    (mixed_folder / "quake.txt").write_text(
        "Title: Strong quake shakes northern Japan\n\nQuake felt.\n", encoding="utf-8"
    )
    app = app_for(mixed_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        titles = [story.title for story in app.briefing.stories]
        assert "Strong quake shakes northern Japan" in titles
        await pilot.press("shift+tab", *["j"] * titles.index("Strong quake shakes northern Japan"))
        await until(pilot, lambda: "Headline only: these articles hold" in screen_text(app), "the empty story says why")
        assert "repeats an earlier briefing" not in screen_text(app)


async def test_the_status_says_how_many_stories_were_found_when_fewer_are_shown(
    mixed_folder: Path, tmp_path: Path
) -> None:
    config = replace(Config(), stories=StoriesConfig(max=2), output=OutputConfig(str(tmp_path / "d.txt")))
    app = create_app([str(mixed_folder)], config)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.briefing is not None and len(app.briefing.stories) == 2
        assert "6 articles, 2 of 3 stories, " in str(app.main.query_one(StatusBar).render())


async def test_brackets_move_between_stories_and_items_follow(mixed_folder: Path, tmp_path: Path) -> None:
    app = app_for(mixed_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        stories = app.briefing.stories
        for _ in range(2):  # sent at once: the second ] comes before the first one's message is handled
            app.post_message(events.Key("right_square_bracket", "]"))
        await until(pilot, lambda: app.main.story == 2, "two ] sent at once move two stories")
        assert app.main.shown == list(stories[2].items)
        assert app.main.current_item is app.briefing.items[stories[2].items[0]]
        assert "Sources: 1 of 1 article reports this" in screen_text(app)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.main.shown == list(stories[1].items)
        await pilot.press("shift+tab", "j")  # the stories pane takes j/k too
        await pilot.pause()
        assert app.main.story == 2


async def test_a_filter_goes_to_a_story_that_has_matches(mixed_folder: Path, tmp_path: Path) -> None:
    app = app_for(mixed_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"nurses")
        nurses = next(k for k, s in enumerate(app.briefing.stories) if "Nurses" in s.title)
        assert app.main.story == nurses and app.main.shown
        listed = app.main.query_one(StoryList)
        assert [option.id for option in listed.options] == [str(nurses)]  # the others show nothing: not listed
        assert listed.border_title == f"Stories: 1 of {len(app.briefing.stories)}"
        lines = [" ".join(line.strip("│ ").split()) for line in screen_text(app).splitlines()]
        count = f"{len(app.main.shown)} item{'s' * (len(app.main.shown) > 1)} shown"
        assert any(line.startswith(count) for line in lines), "the count whole on one line"
        await pilot.press("escape")  # no filter: every story again
        assert listed.option_count == len(app.briefing.stories)


async def test_under_a_filter_brackets_skip_the_stories_it_leaves_empty(mixed_folder: Path, tmp_path: Path) -> None:
    app = app_for(mixed_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"nurses", "enter")
        nurses = app.main.story
        for key in ("right_square_bracket", "left_square_bracket"):
            await pilot.press(key)
            await pilot.pause()
            assert app.main.story == nurses and app.main.shown  # the only story that has a match
        await pilot.press("escape")  # no filter: every story again
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.main.story == (nurses + 1) % len(app.briefing.stories)


async def test_a_day_of_one_story_has_no_stories_pane(trio_folder: Path, tmp_path: Path) -> None:
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert not app.main.query_one(StoryList).display
        assert "stories" not in str(app.main.query_one(StatusBar).render())
        await pilot.press("question_mark")
        assert not any("story's items" in text for _, text in app.screen.rows)


async def test_topic_keeps_the_stories_about_it(mixed_folder: Path, tmp_path: Path) -> None:
    for topic, expected in (("nurses strike", 6), ("Ukraine", 0)):
        config = replace(Config(), topic=TopicConfig(topic), output=OutputConfig(str(tmp_path / "d.txt")))
        app = create_app([str(mixed_folder)], config)
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            assert len(app.briefing.items) == expected
            assert f"about “{topic}”" in str(app.main.query_one(StatusBar).render())
            if not expected:
                assert f"No story is about “{topic}”." in screen_text(app)


async def test_w_writes_nothing_for_a_topic_no_story_is_about(mixed_folder: Path, tmp_path: Path) -> None:
    digest = tmp_path / "d.txt"
    digest.write_text("the day's digest\n", encoding="utf-8")
    config = replace(Config(), topic=TopicConfig("Ukraine"), output=OutputConfig(str(digest)))
    app = create_app([str(mixed_folder)], config)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("w")
        await ready(pilot)
        assert digest.read_text(encoding="utf-8") == "the day's digest\n"
        assert [n.message for n in app._notifications] == ["no story is about 'Ukraine'; nothing written"]


async def test_e_without_an_item_says_so_instead_of_an_empty_dialog(mixed_folder: Path, tmp_path: Path) -> None:
    config = replace(Config(), topic=TopicConfig("Ukraine"), output=OutputConfig(str(tmp_path / "d.txt")))
    app = create_app([str(mixed_folder)], config)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        assert app.screen is app.main
        assert [n.message for n in app._notifications] == ["No item to explain, and no file was skipped"]


async def test_f_fetches_in_a_worker_then_summarizes_what_came(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.run.fetching import FetchReport

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a_gazette.txt").write_text(TRIO["a_gazette"], encoding="utf-8")
    seen: list[str] = []

    def fetch_feeds(config: Config, progress) -> FetchReport:  # type: ignore[no-untyped-def]
        progress("fetching", 0.5)
        seen.append(str(pilot.app.main.query_one(StatusBar).render()))
        for id in ("b_courier", "c_herald"):  # what the feeds brought
            (inbox / f"{id}.txt").write_text(TRIO[id], encoding="utf-8")
        return FetchReport(new=2, feeds=1)

    monkeypatch.setattr("briefing.run.fetching.fetch_feeds", fetch_feeds)
    sources = SourcesConfig(paths=(str(inbox),), feeds=("http://127.0.0.1:9/feed.xml",))
    app = create_app([], replace(Config(), sources=sources))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert len(app.articles) == 1
        await pilot.press("f")
        await ready(pilot)
        assert len(app.articles) == 3 and len(app.briefing.articles) == 3
        assert any(n.message.startswith("2 new articles from 1 feed") for n in app._notifications)


async def test_an_item_whose_sources_differ_says_so(trio_folder: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from briefing.run.day import Day

    real = Day.briefing

    def with_figures(*args, **kwargs):  # type: ignore[no-untyped-def]
        made = real(*args, **kwargs)
        first = made.items[0]
        figures = (Figure("4", "million dollars", ("a_gazette",)), Figure("5", "million dollars", ("b_courier",)))
        return replace(made, items=(replace(first, disagreement=figures), *made.items[1:]))

    monkeypatch.setattr(Day, "briefing", with_figures)
    app = app_for(trio_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        prompt = str(app.main.query_one(ItemList).get_option_at_index(0).prompt)
        assert "(sources differ: 4, 5 million dollars)" in prompt
        sources = [str(o.prompt) for o in app.main.query_one(SourceList).options if o.id is not None]
        assert any("River Gazette" in s and "gives 4 million dollars" in s for s in sources)
        assert any("Daily Courier" in s and "gives 5 million dollars" in s for s in sources)


async def test_plus_minus_and_another_algorithm_on_stories_read_already_draw_one_briefing(
    mixed_folder: Path, tmp_path: Path
) -> None:
    """The first story goes to the screen before the others are read; once every shown story is
    read, + and - only select again, and another algorithm only rates them again: the briefing
    is drawn once, whole, and the stories pane never shrinks to the first story."""
    from briefing.tui.messages import Summarized

    drawn: list[bool] = []

    def hook(message: object) -> None:
        if isinstance(message, Summarized):
            drawn.append(message.complete)

    app = app_for(mixed_folder, tmp_path)
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await ready(pilot)
        assert drawn == [False, True]  # the first story, then all three
        for key in ("minus", "plus"):
            drawn.clear()
            await pilot.press(key)
            await ready(pilot)
            assert drawn == [True] and len(app.briefing.stories) == 3
        drawn.clear()
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AlgorithmScreen), "the picker")
        app.screen.dismiss("textrank")
        await ready(pilot)
        assert drawn == [True] and app.briefing.settings.algorithm == "textrank" and len(app.briefing.stories) == 3


async def test_a_copy_in_another_outlet_counts_in_the_pane_and_names_its_outlet_under_the_source(
    mixed_folder: Path, tmp_path: Path
) -> None:
    wire = STRIKE["d_tribune"].replace("Source: Metro Tribune", "Source: Harbour Wire")
    (mixed_folder / "g_wire.txt").write_text(wire, encoding="utf-8")
    app = app_for(mixed_folder, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        briefing = app.briefing
        strike = next(k for k, story in enumerate(briefing.stories) if "d_tribune" in story.articles)
        stories = app.main.query_one(StoryList)
        assert "3 articles" in " ".join(str(stories.options[strike].prompt).split())  # the copy among them
        stories.highlighted = strike
        await pilot.pause()
        items = app.main.query_one(ItemList)
        quoting = next(
            n
            for n in range(items.option_count)
            if "d_tribune" in briefing.items[int(items.get_option_at_index(n).id or 0)].article_ids
        )
        items.highlighted = quoting
        await pilot.pause()
        sources = [str(o.prompt) for o in app.main.query_one(SourceList).options if o.id is not None]
        assert any(
            s.startswith("Metro Tribune") and "also carried word for word by: Harbour Wire" in s for s in sources
        )
        assert not any("g_wire" in source.article for item in briefing.items for source in item.sources)
