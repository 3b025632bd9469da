"""A big day's files are read on worker processes: the same briefing, the order kept,
small days and one-process configs left here, a dead worker named, signals the parent's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from builders import big_day

from briefing.config import parse_config
from briefing.errors import ConfigError, ExitCode
from briefing.run import local

# The pool is only made while this is the process's one thread, which a test run that has
# started a TUI or a Dask client no longer is: each case runs in a fresh interpreter.
CASES = """
import multiprocessing, os, signal, sys, time
from briefing.run import local
from briefing.errors import WorkerError
from briefing.run.local import process_mapper

def pid(_):
    return os.getpid()

parent, started, first = os.getpid(), multiprocessing.Value("i", 0), True  # forked into each worker

def pid_once_both_started(_):  # a worker's first task waits for the other's: both take a share
    global first
    if first and os.getpid() != parent:
        first = False
        with started.get_lock():
            started.value += 1
        deadline = time.monotonic() + 60
        while started.value < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
    return os.getpid()

def square(value):
    return value * value

def die_on_seven(value):
    if value == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return value

def interrupted(value):  # what a worker sees of Ctrl-C or a SIGTERM sent to the process group
    if value == 3:
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            os.kill(os.getpid(), number)
    return value

big, small = list(range(local.MINIMUM_INPUTS * 2)), list(range(local.MINIMUM_INPUTS - 1))
case = sys.argv[1]
with process_mapper(1 if case == "one process" else 2) as mapper:
    if case == "order":
        print(mapper(square, big) == [value * value for value in big])
    elif case in ("big", "small", "one process"):
        print(os.getpid() in set(mapper(pid, big if case != "small" else small)), len(set(mapper(pid_once_both_started, big))))
    elif case == "threads":  # the TUI's loop runs beside: workers come from a fork server
        import math, threading
        done = threading.Event()
        threading.Thread(target=done.wait).start()
        print(mapper(math.factorial, big) == [math.factorial(value) for value in big], len(multiprocessing.active_children()))
        done.set()
    elif case == "signals":
        print(mapper(interrupted, big) == big)
    elif case == "death":
        try:
            mapper(die_on_seven, big)
        except WorkerError as error:
            print(error.exit_code, error)
"""


def run_case(case: str) -> str:
    result = subprocess.run([sys.executable, "-c", CASES, case], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and not result.stderr, result.stderr
    return result.stdout.strip()


def test_a_big_map_runs_on_workers_in_input_order() -> None:
    assert run_case("order") == "True"
    assert run_case("big") == "False 2"


def test_a_big_map_runs_on_workers_while_other_threads_run() -> None:
    """As in the TUI, whose event loop is a thread: forking it would copy one thread of many."""
    assert run_case("threads") == "True 2"


@pytest.mark.skipif(local.usable_cores() < 2, reason="one core: the files are read here")
def test_the_progress_bar_says_files_are_being_read() -> None:
    script = """
from pathlib import Path
from briefing.run.local import process_mapper
from briefing.sources.files import read_bytes
said = set()
with process_mapper(2, lambda stage, fraction: said.add(stage)) as mapper:
    mapper(read_bytes, [(b"A line of text.", Path(f"{n}.txt"), str(n)) for n in range(120)])
print(sorted(said))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "['reading files on 2 cores']", result.stderr


def test_small_maps_and_one_process_stay_here() -> None:
    assert run_case("small").startswith("True")
    assert run_case("one process") == "True 1"


def test_a_worker_that_dies_is_an_engine_error() -> None:
    assert run_case("death").startswith(f"{ExitCode.ENGINE.value} a worker process died")


def test_workers_leave_signals_to_the_parent() -> None:
    assert run_case("signals") == "True"


def test_more_processes_than_cores_run_one_per_core() -> None:
    """`[engine] processes = 64` on 2 cores forked 64 workers (issue 31, R12). In a process of
    its own, as the cases above: a pool is not forked from a process with threads."""
    script = (
        "import os, time\n"
        "from briefing.run import local\n"
        "local.usable_cores = lambda: 2\n"
        "def pid(_):\n"
        "    time.sleep(0.002)\n"
        "    return os.getpid()\n"
        "with local.process_mapper(64) as mapper:\n"
        "    print(len(set(mapper(pid, list(range(400))))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == 2


def test_a_negative_process_count_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"'engine\.processes' must be 0"):
        parse_config("[engine]\nprocesses = -1\n")
    assert parse_config("[engine]\nprocesses = 3\n").engine.processes == 3


@pytest.mark.slow
def test_a_day_read_on_two_processes_gives_the_briefing_one_process_gives(tmp_path: Path) -> None:
    day = big_day(tmp_path / "day", local.MINIMUM_INPUTS + 20)
    (day / "copy.txt").write_text((day / "000.txt").read_text(encoding="utf-8"), encoding="utf-8")
    outputs = []
    for processes in (1, 2):
        config = tmp_path / f"{processes}.toml"
        config.write_text(f"[engine]\nprocesses = {processes}\n", encoding="utf-8")
        command = [sys.executable, "-m", "briefing", "digest", str(day), "--format", "json", "--no-store", "--explain"]
        result = subprocess.run([*command, "--config", str(config)], capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        outputs.append((json.loads(result.stdout), result.stderr))
    (alone, alone_said), (pooled, pooled_said) = outputs
    assert pooled == alone and pooled_said == alone_said
    assert "copy.txt: skipped, same text as" in pooled_said  # the repeated file is found among the workers' results too
    assert len(pooled["items"]) > 3


def test_workers_leave_when_their_parent_is_killed(tmp_path: Path) -> None:
    """A digest killed outright (SIGKILL, the OOM killer) left its workers asleep forever: they
    ignore SIGTERM and SIGINT (the parent's to handle) and never see the pool's pipes close."""
    import os
    import signal
    import time

    script = (
        "import os, sys, time\n"
        "from briefing.run import local\n"
        "def stay(_):\n"
        f"    open(os.path.join({str(tmp_path)!r}, str(os.getpid())), 'w').close()\n"
        "    time.sleep(60)\n"
        "with local.process_mapper(2) as mapper:\n"
        "    mapper(stay, list(range(400)))\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while len(list(tmp_path.iterdir())) < 2:
            assert time.monotonic() < deadline, "the workers never started"
            time.sleep(0.1)
        workers = [int(path.name) for path in tmp_path.iterdir()]
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()

    def alive(pid: int) -> bool:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                return stat.read().split(") ", 1)[1][0] != "Z"  # a zombie has left
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers still running after their parent was killed: {left}"
