"""What is wrong with a path, in words: the one description the config, SOURCES, `-o` and the
history give when a file cannot be used.

`Path.is_file()` false was said as "does not exist" for a folder, a named pipe or /dev/null,
and `os.path.lexists()` false as "no such file" for a path through a folder this user cannot
search, or through a file. Here the system's own answer (the errno of `lstat` along the path)
is turned into what a person can act on: the folder to open up, the file standing where a
folder should be, the kind of thing named instead of a file.

Base-level: the config, the sources, the output and the storage all describe paths.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from briefing.sanitize import shown_name

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind(mode: int) -> str | None:
    """What a file of this mode is, when it is not a regular file ("a folder", "a named pipe
    (FIFO)"...); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def kind_of(path: Path | str) -> str | None:
    """`kind` of what `path` names (symlinks followed); None for a regular file or when it
    cannot be reached (`unreachable` says why)."""
    try:
        return kind(os.stat(path).st_mode)
    except OSError:
        return None


def unreachable(path: Path | str) -> str | None:
    """Why `path` cannot be reached, or None when it can (it exists, as anything).

    "no such file or folder"; "permission denied: this user cannot look in FOLDER"; "FILE is
    a file, not a folder" (a path through it); "the name is too long"; "a loop of symbolic
    links"; else the system's words.
    """
    try:
        os.stat(path)
        return None
    except OSError as error:
        failed = error
    if failed.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    if failed.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if failed.errno in (errno.ENOENT, errno.ENOTDIR, errno.EACCES):
        return _along(Path(os.path.abspath(path))) or failed.strerror or str(failed)
    return failed.strerror or str(failed)


def _along(path: Path) -> str | None:
    """The first place on the way to `path` that stops the lookup, said for a person."""
    parts = path.parts
    for depth in range(1, len(parts) + 1):
        here = Path(*parts[:depth])
        try:
            info = os.stat(here)
        except PermissionError:
            return f"permission denied: this user cannot look in {shown_name(here.parent)}"
        except FileNotFoundError:
            if os.path.lexists(here):
                return f"{shown_name(here)} is a symbolic link to nothing"
            return "no such file or folder"
        except OSError:
            return None
        if depth < len(parts) and not stat.S_ISDIR(info.st_mode):
            return f"{shown_name(here)} is {kind(info.st_mode) or 'a file'}, not a folder"
    return None
