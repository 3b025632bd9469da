"""Writing a digest so that readers only ever see a complete file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from briefing.errors import OutputError


def expand_path(template: str, date: str | None) -> Path:
    """The output path with `{date}` replaced by the briefing's date (or 'undated')."""
    return Path(template.replace("{date}", date or "undated")).expanduser()


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over `path`.

    A crash or a full disk leaves the previous file as it was, never a half-written one.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
