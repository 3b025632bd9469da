"""The same briefing as tasks on Dask: identical output, failures named, a clear missing-extra message."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from builders import CHESS, STRIKE, TRIO, article

from briefing import summarize
from briefing.config import Config
from briefing.errors import ConfigError, TaskError
from briefing.models import Sentence
from briefing.run.dask import dask_mapper


def digest(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "briefing", "digest", str(folder), "--format", "json", "--no-store", *options]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_dask_workers_give_the_briefing_the_process_gives(tmp_path: Path) -> None:
    for id, text in {**CHESS, **STRIKE, **TRIO}.items():
        (tmp_path / f"{id}.txt").write_text(text, encoding="utf-8")
    here, there = digest(tmp_path), digest(tmp_path, "--scheduler", "local:2")
    assert here.returncode == there.returncode == 0, there.stderr
    local, distributed = json.loads(here.stdout), json.loads(there.stdout)
    assert len(local["stories"]) == 3
    assert distributed["items"] == local["items"] and distributed["stories"] == local["stories"]
    assert distributed == local


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
def test_a_scheduler_that_is_neither_form_is_a_usage_error(scheduler: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TRIO["a_gazette"], encoding="utf-8")
    result = digest(tmp_path, "--scheduler", scheduler)
    assert result.returncode == 2
    assert "local:N" in result.stderr and "tcp://HOST:PORT" in result.stderr and "Traceback" not in result.stderr


def test_the_config_names_the_key_of_a_bad_scheduler() -> None:
    from briefing.config import parse_config

    with pytest.raises(ConfigError, match=r"'engine\.scheduler'.*local:N"):
        parse_config('[engine]\nscheduler = "local:zero"\n')
    assert parse_config('[engine]\nscheduler = "tcp://10.0.0.5:8786"\n').engine.scheduler == "tcp://10.0.0.5:8786"
