"""The same briefing as tasks on Dask (really run there): identical output, failures named, a clear
missing-extra message."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from builders import CHESS, STRIKE, TRIO, article

import briefing.run.dask as dask_module
from briefing import summarize
from briefing.cli.main import main
from briefing.config import Config
from briefing.errors import ConfigError, TaskError
from briefing.models import Sentence
from briefing.run.dask import dask_mapper
from briefing.tasks import Mapper, Progress


@contextmanager
def watched(ran: list[tuple[str, int, set[str]]]) -> Iterator[None]:
    """Every `dask_mapper` the run opens records each function it maps, how many tasks the
    scheduler ran for it and on which workers: proof that Dask did the work, not the caller."""
    from distributed import get_task_stream

    real = dask_module.dask_mapper

    @contextmanager
    def recording(scheduler: str, progress: Progress | None = None) -> Iterator[Mapper]:
        with real(scheduler, progress) as mapper:
            client = mapper.client  # type: ignore[attr-defined]

            def mapped(function: Callable[[Any], Any], inputs: Sequence[Any], /) -> list[Any]:
                with get_task_stream(client) as stream:
                    results = mapper(function, inputs)
                called = getattr(function, "func", function)
                ran.append(
                    (f"{called.__module__}.{called.__name__}", len(stream.data), {t["worker"] for t in stream.data})
                )
                return results

            yield mapped

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dask_module, "dask_mapper", recording)
        yield


@pytest.mark.slow
def test_dask_workers_give_the_briefing_the_process_gives(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for id, text in {**CHESS, **STRIKE, **TRIO}.items():
        (tmp_path / f"{id}.txt").write_text(text, encoding="utf-8")
    # Another outlet's word-for-word copy: listed with its story on the workers' briefing too.
    wire = STRIKE["d_tribune"].replace("Source: Metro Tribune", "Source: Harbour Wire")
    (tmp_path / "g_wire.txt").write_text(wire, encoding="utf-8")
    command = ["digest", str(tmp_path), "--format", "json", "--no-store"]
    assert main(command) == 0
    local = json.loads(capsys.readouterr().out)
    ran: list[tuple[str, int, set[str]]] = []
    with watched(ran):
        assert main([*command, "--scheduler", "local:2"]) == 0, capsys.readouterr().err
    distributed = json.loads(capsys.readouterr().out)
    assert len(local["stories"]) == 3
    assert any({"d_tribune", "g_wire"} <= set(story["articles"]) for story in distributed["stories"])
    assert distributed["items"] == local["items"] and distributed["stories"] == local["stories"]
    assert distributed == local
    # The files were read, and the stories summarized, as tasks on the cluster's workers.
    names = [name for name, _, _ in ran]
    assert any(name.startswith("briefing.sources.") for name in names), names
    assert any(name.startswith("briefing.summary.") for name in names), names
    assert all(tasks and workers and all(w.startswith("tcp://") for w in workers) for _, tasks, workers in ran), ran


@pytest.mark.slow
def test_a_failing_task_names_the_article_it_failed_on() -> None:
    good = tuple(article(id, text) for id, text in TRIO.items())
    # A sentence that is no text at all: tokenizing it raises on the worker.
    poison = replace(article("poison", CHESS["f_sports"]), sentences=(Sentence(0, None, 0, 0),))  # type: ignore[arg-type]
    with (
        dask_mapper("local:1") as mapper,
        pytest.raises(TaskError, match=r"summarize_task failed on the story of articles 'poison': TypeError"),
    ):
        summarize((*good, poison), Config(), mapper=mapper)


def test_without_the_extra_the_message_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ConfigError, match=r"pip install 'briefing\[dask\]'"), dask_mapper("local:1"):
        pass


@pytest.mark.parametrize("scheduler", ["local", "local:0", "local:two", "tcp://", "tcp://host", "dask://host:8786"])
def test_a_scheduler_that_is_neither_form_is_a_usage_error(
    scheduler: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(TRIO["a_gazette"], encoding="utf-8")
    assert main(["digest", str(tmp_path), "--no-store", "--scheduler", scheduler]) == 2
    said = capsys.readouterr().err
    assert "local:N" in said and "tcp://HOST:PORT" in said and "Traceback" not in said


def test_the_config_names_the_key_of_a_bad_scheduler() -> None:
    from briefing.config import parse_config

    with pytest.raises(ConfigError, match=r"'engine\.scheduler'.*local:N"):
        parse_config('[engine]\nscheduler = "local:zero"\n')
    assert parse_config('[engine]\nscheduler = "tcp://10.0.0.5:8786"\n').engine.scheduler == "tcp://10.0.0.5:8786"
