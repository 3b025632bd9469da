"""`briefing ARGS` run in the test's own process: `main()` as the script calls it, with stdout and
stderr caught and the working folder and environment set for the call.

A subprocess pays a second of imports (nltk, numpy, scipy) on a quiet machine and several on a
busy one; the suite started hundreds. Keep a subprocess where the process itself is under test:
signals, file descriptors (a closed stdout, /proc/self/fd/1), the umask, `run()`'s exit without
teardown, a run that must be killable when it hangs, or the real date (in this process the
`clock` fixture says 2024-04-05).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from briefing.cli.main import main


@dataclass(frozen=True)
class Ran:
    """What `subprocess.run(..., capture_output=True, text=True)` would have given."""

    returncode: int
    stdout: str
    stderr: str


def run_briefing(*args: str | bytes, cwd: Path | str | None = None, env: Mapping[str, str] | None = None) -> Ran:
    """`briefing *args`: its exit code and what it printed, which must be UTF-8. `env`, as for a
    subprocess, is the whole environment of the call (the process's own is put back afterwards);
    a bytes argument is decoded as Python decodes the command line."""
    out, err = _stream(), _stream()
    with _environment(env), _folder(cwd), _streams(out, err):
        try:
            code = main([os.fsdecode(arg) for arg in args])
        except SystemExit as exit:  # argparse's usage errors and --help, --version
            code = exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
    return Ran(int(code), _text(out), _text(err))


def _stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


@contextlib.contextmanager
def _streams(out: io.TextIOWrapper, err: io.TextIOWrapper) -> Iterator[None]:
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(""), out, err
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved


@contextlib.contextmanager
def _environment(env: Mapping[str, str] | None) -> Iterator[None]:
    if env is None:
        yield
        return
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _folder(cwd: Path | str | None) -> Iterator[None]:
    if cwd is None:
        yield
        return
    saved = os.getcwd()
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved)
