"""A day's files go to the workers largest first, so that a big feed left for last does not
keep one core busy while the other waits; the files' results come back in the folder's order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from briefing.tasks import biggest_first, in_turn


def test_the_largest_files_are_handed_out_first_and_read_back_in_order() -> None:
    handed: list[str] = []

    def recording(function: Callable[[Any], Any], inputs: Sequence[Any], /) -> list[Any]:
        handed.extend(inputs)
        return in_turn()(function, inputs)

    names = ["small.xml", "huge.xml", "empty.xml", "medium.xml", "large.xml"]
    sizes = [30_000, 3_000_000, 0, 300_000, 1_000_000]
    assert biggest_first(recording, str.upper, names, sizes) == [name.upper() for name in names]
    assert handed == ["huge.xml", "large.xml", "medium.xml", "small.xml", "empty.xml"]
