"""Fixtures shared by the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import TRIO, article

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


@pytest.fixture(autouse=True)
def private_history(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test (and every process it starts) keeps its history out of the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)
