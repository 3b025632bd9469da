"""The language model is unpacked once into the user's cache and mapped from there after,
telling every text's language as py3langid's own load does; a damaged cache is made again,
and a cache that cannot be written costs nothing but time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from briefing.text import language_model
from briefing.text.language_model import load_identifier

TEXTS = (
    "The council said on Monday that the new bridge over the river would open in the spring.",
    "Viver uma verdadeira experiência amorosa é um dos maiores prazeres da vida, e o amor próprio é a base.",
    "Der Stadtrat hat am Montag beschlossen, dass die neue Brücke im Frühjahr eröffnet wird.",
    "Le conseil municipal a annoncé lundi que le nouveau pont ouvrira au printemps prochain.",
    "엘제이의 리벤지인가, 류화영의 코스프레인가",
    "Городской совет объявил в понедельник, что новый мост откроется весной.",
    "word " * 300,
    "12:30 3-1 2024",
)


@pytest.fixture(scope="module")
def reference() -> Any:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def told(identifier: Any) -> list[tuple[str, float]]:
    return [identifier.classify(text) for text in TEXTS]


def kept(home: Path) -> list[Path]:
    return sorted((home / "briefing").glob("langid-*.bin"))


def test_the_model_is_unpacked_once_and_tells_as_py3langid_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: Any
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert told(load_identifier()) == told(reference)  # unpacked, and kept
    assert len(kept(tmp_path)) == 1

    def unpacked(source: Path) -> None:
        raise AssertionError("unpacked again")

    monkeypatch.setattr(language_model, "_unpacked", unpacked)
    assert told(load_identifier()) == told(reference)  # mapped from the cache: same languages, same probabilities


@pytest.mark.parametrize("damage", ["cut short", "not ours", "empty", "overwritten at the end"])
def test_a_damaged_cache_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: Any, damage: str
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_identifier()
    [path] = kept(tmp_path)
    whole = path.read_bytes()
    damaged = {
        "cut short": whole[: len(whole) // 2],
        "not ours": b"x" * 100 + whole[100:],
        "empty": b"",
        "overwritten at the end": whole[:-100_000] + b"\x7f" * 100_000,  # indexes past the model's end
    }[damage]
    path.write_bytes(damaged)
    assert told(load_identifier()) == told(reference)
    assert path.read_bytes() == whole


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: Any
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert told(load_identifier()) == told(reference)
    assert blocked.read_text(encoding="utf-8") == "not a folder"
