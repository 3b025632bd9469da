"""The files SOURCES name: folders listed, other files set aside with a line, each path looked
at on its own (one that cannot be is its own Problem), and a file's bytes read safely.

Never opens a FIFO or a device for reading, never follows a symlink loop, never lets one path
it cannot look at cost the others; a source that is not there at all is an error (a typo).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from briefing.errors import SourceError
from briefing.models import Problem
from briefing.paths import kind, unreachable
from briefing.sanitize import shown_name, shown_path

# Files a folder is searched for; a file named on the command line is read whatever its name.
# Files without an extension are included: saved feeds often have none.
EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom", ".json", "")

# What a file a folder holds but briefing does not read is, named for the line that says so.
_OTHER_KINDS = {
    ".pdf": "a PDF",
    ".doc": "a Word document",
    ".docx": "a Word document",
    ".odt": "an OpenDocument text",
    ".rtf": "an RTF document",
    ".pages": "a Pages document",
    ".epub": "an e-book",
    ".mobi": "an e-book",
    ".csv": "a CSV table",
    ".xls": "a spreadsheet",
    ".xlsx": "a spreadsheet",
    ".ods": "a spreadsheet",
    ".png": "an image",
    ".jpg": "an image",
    ".jpeg": "an image",
    ".gif": "an image",
    ".webp": "an image",
    ".svg": "an image",
    ".zip": "an archive",
    ".gz": "an archive",
}
NOT_AN_ARTICLE = "not an article: briefing reads .txt, .md and .html files and feeds"


def discover(sources: Iterable[str]) -> list[Path]:
    """Files named by `sources` (folders or files), each folder's files in sorted order.

    A named source that is not a regular file (a FIFO, a device) is kept: reading it says what
    it is and goes on with the others. A missing source is an error: it is usually a typo.
    """
    return survey(sources)[0]


def survey(sources: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    """`discover`'s files, and a Problem for each other file in the folders: a PDF or a Word
    document dropped among the articles is set aside with a line, never without a word.

    Hidden files (editors' and systems' own) and subfolders (a saved page's `_files`) are
    passed over silently. A source that cannot be looked at (a folder this user cannot list, a
    name too long, a path through a folder it cannot search) is a Problem of its own, and the
    other sources are read; only a source that is not there at all is an error (a typo).
    """
    sources = list(sources)
    files: list[Path] = []
    others: list[Problem] = []
    seen: set[str] = set()
    for source in sources:
        path = Path(source)
        try:
            found, set_aside = _listed(path)
        except OSError as error:
            problem = unreachable(path)
            if problem == "no such file or folder":
                raise SourceError(f"{shown_name(source)}: no such file or folder") from None
            others.append(skipped(path, problem or f"cannot read it ({error.strerror or error})"))
            continue
        others += set_aside
        for file in found:
            key = _identity(file)
            if key not in seen:
                seen.add(key)
                files.append(file)
    if not files:
        unread = [other for other in others if not other.reason.endswith(NOT_AN_ARTICLE)]
        if unread:
            raise SourceError(f"{shown_name(unread[0].path)}: {unread[0].reason}")
        names = ", ".join(Path(other.path).name for other in others[:3]) + " and others" * (len(others) > 3)
        aside = f"; {names}: {NOT_AN_ARTICLE}" if others else ""
        raise SourceError(f"no articles (.txt, .md, .html or feeds) in {', '.join(sources)}{aside}{_inside(sources)}")
    return files, others


def _inside(sources: list[str]) -> str:
    """`; the 50 folders in it are not read: name them (duc/*)` when the sources hold folders:
    a folder of one folder a day read as a folder of nothing (the s8 trial, on DUC 2004)."""
    held: list[tuple[str, str]] = []  # (source, folder in it)
    for source in sources:
        try:
            with os.scandir(source) as entries:
                held += [(source, e.path) for e in entries if not e.name.startswith(".") and e.is_dir()]
        except OSError:
            continue
    if not held:
        return ""
    if len(held) == 1:
        return f"; the folder in it is not read: name it ({shown_name(held[0][1])})"
    where = "it" if len({source for source, _ in held}) == 1 else "them"
    return f"; the {len(held)} folders in {where} are not read: name them ({shown_name(held[0][0])}/*)"


def _listed(path: Path) -> tuple[list[Path], list[Problem]]:
    """A source's files (itself, or a folder's articles) and the folder's other files; the
    OSError that keeps it from being looked at (ENOENT: it is not there)."""
    info = os.lstat(path)  # ENOENT, EACCES on the way, ENAMETOOLONG, ENOTDIR...
    if stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(path)
        except OSError:
            return [path], []  # a dangling or looping link: reading it says which
    if not stat.S_ISDIR(info.st_mode):
        return [path], []
    children = []
    with os.scandir(path) as entries:  # EACCES: a folder this user cannot list
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                folder = entry.is_dir()
            except OSError:
                folder = False
            if not folder:
                children.append(Path(entry.path))
    children.sort()
    found = [child for child in children if child.suffix.lower() in EXTENSIONS]
    return found, [_set_aside(child) for child in children if child.suffix.lower() not in EXTENSIONS]


def _identity(path: Path) -> str:
    """What tells two names of one file apart: its resolved path, or the name itself for a
    link that resolves nowhere (a loop)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python before 3.13)
        return os.path.abspath(path)


def _set_aside(path: Path) -> Problem:
    kind = _OTHER_KINDS.get(path.suffix.lower(), f"a {path.suffix.lower()} file")
    return skipped(path, f"{kind}, {NOT_AN_ARTICLE}")


def read_file(path: Path, max_bytes: int = 0) -> bytes | Problem:
    """The bytes of a regular file, or why it was not read.

    Never opens a FIFO or a device for reading (that could block forever or never end): the
    file is opened non-blocking and checked to be a regular file before a byte is read.
    """
    return read_stated(path, max_bytes)[0]


def read_stated(path: Path, max_bytes: int = 0) -> tuple[bytes | Problem, os.stat_result | None]:
    """As `read_file`, with the file's status as it was opened, before a byte was read (None
    when it could not be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        if error.errno == errno.ENOENT and path.is_symlink():  # listed by ls, so "no such file" reads false
            return skipped(path, f"a link to {shown_path(os.readlink(path))}, which is not there"), None
        return skipped(path, f"cannot read it ({error.strerror or error})"), None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            return skipped(path, f"{kind(info.st_mode)}, not a file; it was not read"), info
        if max_bytes and info.st_size > max_bytes:
            return _too_large(path, info.st_size, max_bytes), info
        try:
            data = file.read(max_bytes + 1) if max_bytes else file.read()
        except OSError as error:
            return skipped(path, f"cannot read it ({error.strerror or error})"), info
    if max_bytes and len(data) > max_bytes:
        return _too_large(path, len(data), max_bytes), info
    return data, info


def _too_large(path: Path, size: int, limit: int) -> Problem:
    return skipped(path, f"{size:,} bytes is above the limit of {limit:,} ([sources] max_bytes)")


def skipped(path: Path, reason: str) -> Problem:
    return Problem("skipped", reason, str(path))
