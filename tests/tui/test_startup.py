"""Starting the TUI: shell errors before the screen is taken, a welcome when there is nothing to read,
and why, on the screen, when the sources named or configured hold no article."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from commands import Ran, run_briefing
from pilots import app_for, footer, ready, text_of
from textual.widgets import Static

from briefing import __version__
from briefing.config import Config, SourcesConfig
from briefing.tui.app import BriefingApp, create_app
from briefing.tui.screens.explain import ExplainScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.welcome import WelcomeScreen
from briefing.tui.widgets.items import ItemList
from briefing.tui.widgets.status import StatusBar


def briefing(*args: str, cwd: Path) -> Ran:
    """The command without a terminal: the TUI's checks run, then it refuses to start."""
    return run_briefing(*args, cwd=cwd)


@pytest.mark.parametrize("args", [("tui", "nowhere"), ("nowhere",), ("./nowhere",), ("--no-store", "news/nowhere")])
def test_a_missing_folder_is_a_shell_error(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = briefing(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"briefing: {args[-1]}: no such file or folder")
    assert "Traceback" not in result.stderr and "invalid choice" not in result.stderr


def test_a_mistyped_command_is_still_a_usage_error(tmp_path: Path) -> None:
    result = briefing("digset", cwd=tmp_path)
    assert result.returncode == 2 and "invalid choice: 'digset'" in result.stderr


def test_no_store_topic_and_version_are_options_of_the_tui(trio_folder: Path) -> None:
    for args in (("--no-store", str(trio_folder)), ("tui", "--topic", "bridge", "--stories", "2", str(trio_folder))):
        result = briefing(*args, cwd=trio_folder)
        assert result.returncode == 2 and "the TUI needs a terminal" in result.stderr  # parsed, then refused
    version = briefing("--version", cwd=trio_folder)
    assert version.returncode == 0 and version.stdout.strip() == f"briefing {__version__}"


async def test_nothing_configured_opens_a_welcome(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no `seeds` folder here
    config = replace(Config(), sources=replace(SourcesConfig(), paths=("seeds",)))
    app = create_app([], config)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        text = " ".join(text_of(app.screen.query_one(Static), width=78).split())
        assert "briefing FOLDER" in text and "[sources] paths" in text and "briefing fetch" in text
        assert "seeds: no such file or folder" in text
        assert not app._notifications  # no error toast under the welcome
        await pilot.press("q")
        assert app.return_code == 0


async def test_the_welcome_says_why_once_and_names_the_config_file_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "elsewhere"))
    config = replace(Config(), sources=replace(SourcesConfig(), paths=("seeds",)))
    for named, expected in ((None, tmp_path / "elsewhere" / "briefing" / "config.toml"), ("my.toml", Path("my.toml"))):
        app = create_app([], config, config_named=named)
        async with app.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            text = " ".join(text_of(app.screen.query_one(Static), width=300).split())
            assert text.count("[sources] paths:") == 1, text
            assert f"[sources] paths in {expected}, e.g." in text


async def test_the_welcome_of_an_empty_config_does_not_say_no_articles_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = replace(Config(), sources=replace(SourcesConfig(), paths=(), feeds=()))
    app = create_app([], config)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        text = " ".join(text_of(app.screen.query_one(Static), width=300).split())
        assert "No articles to read yet (name a folder" in text, text
        assert text.lower().count("no articles to read") == 1, text


def read_anyway(app: BriefingApp) -> str:
    """What the items pane says in place of a briefing."""
    items = app.main.query_one(ItemList)
    return " ".join(str(items.get_option_at_index(k).prompt) for k in range(items.option_count))


async def test_an_empty_folder_says_why_on_the_screen_until_the_user_acts(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    app = app_for(folder, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.briefing is None and isinstance(app.screen, MainScreen)
        said = read_anyway(app)
        assert f"No articles to read: no articles (.txt, .md, .html or feeds) in {folder}." in said
        assert "q quits" in said and "f fetches" not in said  # no feeds configured
        assert "No articles to read" in str(app.main.query_one(StatusBar).render())
        assert not app._notifications  # not a toast that goes away
        keys = footer(app)
        assert "Quit" in keys and not {"Longer", "Shorter", "Algorithm", "Filter", "Write"} & set(keys.split())
        await pilot.press("plus", "w")
        await ready(pilot)
        assert app.wanted.count == 8 and not list(tmp_path.glob("digest-*"))
        assert f"in {folder}." in read_anyway(app)
        await pilot.press("q")
        assert app.return_code == 0


async def test_a_folder_of_skipped_files_says_so_and_e_lists_them(tmp_path: Path) -> None:
    folder = tmp_path / "skipped"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    app = app_for(folder, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.briefing is None  # not an empty briefing of 0 articles
        said = read_anyway(app)
        assert "No articles to read: 2 files skipped." in said and "e lists what was skipped, and why" in said
        assert not app._notifications
        await pilot.press("e")
        assert isinstance(app.screen, ExplainScreen) and len(app.screen.problems) == 2


async def test_configured_sources_that_give_nothing_offer_to_fetch_the_feeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "empty.txt").write_text("", encoding="utf-8")
    sources = replace(SourcesConfig(), paths=("inbox",), feeds=("https://example.org/feed.xml",))
    app = create_app([], replace(Config(), sources=sources))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        said = read_anyway(app)
        assert "skipped, no article text left after cleaning." in said
        assert "f fetches the feeds of [sources] feeds now." in said


async def test_feeds_alone_configured_open_the_briefing_screen_where_f_fetches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing read yet, no folder: with feeds configured, f is the way in, so the screen where
    f works opens (the welcome had no f), and a fetch that brought nothing says so after."""
    from briefing.run.fetching import FetchReport

    monkeypatch.setattr("briefing.run.fetching.fetch_feeds", lambda config, progress: FetchReport(unchanged=1, feeds=1))
    sources = replace(SourcesConfig(), paths=(), feeds=("http://127.0.0.1:9/feed.xml",))
    app = create_app([], replace(Config(), sources=sources))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, MainScreen)
        said = read_anyway(app)
        assert "nothing fetched from [sources] feeds in the last 24 hours, and [sources] paths names no folder" in said
        assert "f fetches the feeds of [sources] feeds now." in said
        await pilot.press("f")
        await ready(pilot)
        assert any(n.message.startswith("0 new articles from 1 feed (1 unchanged)") for n in app._notifications)
        assert str(app.main.query_one(StatusBar).render()) == "No articles to read"


async def test_f_says_each_failing_host_apart_from_the_summary_and_where_to_see_each_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The s8 trial's toast ran the summary into the host's line ("... left for a later run
    127.0.0.1:8871: 2 feeds failed ...") and sent to --verbose, which the TUI has not."""
    from briefing.run.failures import Failure, by_host
    from briefing.run.fetching import FetchReport

    feeds = ("http://127.0.0.1:9/missing.xml", "http://127.0.0.1:9/junk.xml")
    failures = (Failure(feeds[0], "HTTP 404 Not Found"), Failure(feeds[1], "not a feed (no RSS, Atom or JSON Feed)"))
    report = FetchReport(feeds=1, failures=failures, hosts=tuple(by_host(failures, feeds, {}, "2024-04-05")))
    assert [message for title, message in await toasts_of_f(monkeypatch, feeds, report) if title == "Fetched"] == [
        "0 new articles from 1 feed; 2 feeds failed. 127.0.0.1:9: 2 feeds failed: HTTP 404 Not Found"
        " (1 for another reason: 'briefing fetch --verbose' lists each)"
    ]


async def test_f_with_every_feed_failing_is_not_titled_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The s9 trial: every feed down read "Fetched / 0 new articles from 0 feeds; 10 feeds failed"."""
    from briefing.run.failures import Failure
    from briefing.run.fetching import FetchReport

    feeds = ("http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml")
    report = FetchReport(failures=tuple(Failure(feed, "connection refused") for feed in feeds))
    toasts = await toasts_of_f(monkeypatch, feeds, report)
    assert [title for title, message in toasts if message.startswith("0 new articles from 0 feeds")] == [
        "Nothing fetched"
    ]


async def toasts_of_f(monkeypatch: pytest.MonkeyPatch, feeds: tuple[str, ...], report: object) -> list[tuple[str, str]]:
    """The toasts (title, message) the TUI shows when `f` fetches `feeds` and gets `report`."""
    monkeypatch.setattr("briefing.run.fetching.fetch_feeds", lambda config, progress: report)
    app = create_app([], replace(Config(), sources=replace(SourcesConfig(), paths=(), feeds=feeds)))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("f")
        await ready(pilot)
        return [(n.title, n.message) for n in app._notifications]
