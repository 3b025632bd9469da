"""Writing a digest so that readers only ever see a complete file."""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing.errors import OutputError


def expand_path(template: str, date: str | None) -> Path:
    """The output path with `{date}` replaced by the briefing's date (or 'undated')."""
    return Path(template.replace("{date}", date or "undated")).expanduser()


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside `path`, so two runs writing it take turns."""
    with open(path.parent / f".{path.name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over `path`.

    A crash or a full disk leaves the previous file as it was, never a half-written one;
    concurrent writers of the same path are serialized by a lock file beside it.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(path):
            _replace(path, text)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error


def _replace(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
