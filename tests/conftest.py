"""Fixtures shared by the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import TRIO, Clock, article
from local_server import Server

from briefing.models import Article


@pytest.fixture
def trio() -> tuple[Article, ...]:
    return tuple(article(id, text) for id, text in TRIO.items())


@pytest.fixture
def trio_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for id, text in TRIO.items():
        (folder / f"{id}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the session's tests: the language model is unpacked into it once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def private_history(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, cache_home: Path
) -> None:
    """Every test (and every process it starts) keeps its history, the TUI's theme and the
    unpacked language model out of the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """In-process runs are made on 2024-04-05 at 07:00 local time, two days after the trio's news."""
    moment = Clock()
    monkeypatch.setattr("briefing.clock.now", moment)
    return moment


@pytest.fixture
def server() -> Iterator[Server]:
    """An HTTP server on 127.0.0.1 for the test's feeds and pages (`server.routes`)."""
    with Server() as running:
        yield running
