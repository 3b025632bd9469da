"""The collector is off while any batch runs and back as it was when the last one ends:
left off, a TUI session that summarizes again and again would never collect a cycle."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from briefing.run.memory import batch_memory


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_off_during_a_batch_and_on_after_it() -> None:
    with batch_memory():
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_overlapping_batches_keep_it_off_until_the_last_ends() -> None:
    first, second = batch_memory(), batch_memory()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the reading worker ended while the summarizing one runs
    second.__exit__(None, None, None)
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_a_failing_batch_turns_it_back_on() -> None:
    with pytest.raises(RuntimeError), batch_memory():
        raise RuntimeError("a story failed")
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with batch_memory():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


@pytest.mark.usefixtures("collector_on")
def test_a_long_lived_process_freezes_nothing() -> None:
    gc.unfreeze()

    class Node:
        pass

    with batch_memory(freeze=False):
        node = Node()
        node.itself = node  # type: ignore[attr-defined]  # a cycle, as a replaced briefing leaves
        alive = weakref.ref(node)
    del node
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert alive() is None  # collected, not frozen for good


@pytest.mark.usefixtures("collector_on")
def test_a_one_shot_batch_freezes_what_is_left() -> None:
    gc.unfreeze()
    try:
        with batch_memory():
            kept = [object() for _ in range(10)]
        assert gc.get_freeze_count() > 0 and kept
    finally:
        gc.unfreeze()
