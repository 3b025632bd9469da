"""Where the per-file, per-article and per-story work runs: here in turn, or as engine tasks.

The stages that can run apart take a `Mapper`. In process it is `in_turn`; an engine (Dask,
`briefing.run.dask`) maps the very same functions as tasks, so a briefing is the same wherever
it was made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

Progress = Callable[[str, float], None]


class Mapper(Protocol):
    """Applies `function` to each of `inputs` and returns the results in order."""

    def __call__(self, function: Callable[[Any], Any], inputs: Sequence[Any], /) -> list[Any]: ...


def in_turn(progress: Progress | None = None, stage: str = "", start: float = 0.0, span: float = 1.0) -> Mapper:
    """The in-process mapper; it reports `stage` to `progress` as the part [start, start + span]."""

    def mapper(function: Callable[[Any], Any], inputs: Sequence[Any], /) -> list[Any]:
        results = []
        for number, value in enumerate(inputs):
            if progress:
                progress(stage, start + span * number / max(len(inputs), 1))
            results.append(function(value))
        return results

    return mapper


def biggest_first(
    mapper: Mapper, function: Callable[[Any], Any], inputs: Sequence[Any], sizes: Sequence[int]
) -> list[Any]:
    """`mapper(function, inputs)`, the inputs handed out largest first (by `sizes`) and the
    results given back in the inputs' order. Files differ in size a hundredfold (a feed of 3 MB
    beside one of 30 KB): taken in the folder's order, the largest could come last and keep one
    core busy while the other waited; largest first, the small ones fill in at the end."""
    order = sorted(range(len(inputs)), key=lambda number: -sizes[number])
    results: list[Any] = [None] * len(inputs)
    for number, result in zip(order, mapper(function, [inputs[number] for number in order])):
        results[number] = result
    return results
