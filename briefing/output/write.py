"""Delivering a digest: to a file so that readers only ever see a complete one, or to stdout.

A regular file is replaced atomically (a temporary file beside it, fsync, rename), keeping the
mode an existing file had, or 0666 less the umask for a new one, as any program's output
file gets. A symlink's target is the file replaced; the link stays. Anything that is not a
regular file (a FIFO, /dev/null, a terminal) and the names the system gives a stream
(/dev/stdout, /dev/fd/N, /proc/self/fd/N) are written through: renaming over them would
replace a device node, or the file a shell redirected into, with a new file. Concurrent
writers need no lock: each renames a complete file into place, and the last one wins.

As the shell's `>` would: an existing file this user may not write is refused (the folder's
permission would let a rename replace it); a file with other hard links, or in a folder this
user may not write in, is written in place (all its names see the new digest); a named pipe
nobody reads is a message after a few seconds, not a silent wait. A temporary file of ours
that a killed run left (`.briefing-*.tmp`, locked by no running write) is removed by the next write.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import stat
import sys
import time
from pathlib import Path
from typing import TextIO

from briefing.errors import OutputError, ReaderGone, UsageError
from briefing.models import Briefing, Format
from briefing.placeholders import PATTERN, unknown_placeholder
from briefing.sanitize import escaped_json, printable, shown_name
from briefing.xdg import expand_user, unknown_home


def check_template(template: str) -> None:
    """Raise UsageError when `template` names no file or a placeholder `expand_path` does not know."""
    if not template.strip():
        raise UsageError("-o names no file: give a file name, or leave -o out to print the digest")
    problem = unknown_placeholder(template)
    if problem:
        raise UsageError(f"{shown_name(template)}: {shown_name(problem)}")


def expand_path(template: str, date: str | None, news_date: str | None = None) -> Path:
    """The output path: `{date}` is the briefing's date, `{news_date}` its newest article's
    date ('undated' when there is none); a leading ~ is the home folder."""
    check_template(template)
    values = {"date": date or "undated", "news_date": news_date or "undated"}
    expanded = PATTERN.sub(lambda match: values[match.group(1)], template)
    path = expand_user(expanded)
    if path is None:
        raise OutputError(f"cannot write {shown_name(expanded)}: {shown_name(unknown_home(expanded))}")
    return path


# The formats an output file's name asks for; any other name gets text.
_EXTENSIONS: dict[str, Format] = {".json": "json", ".md": "markdown", ".markdown": "markdown"}


def format_for(template: str | None, given: Format | None = None) -> Format:
    """The format of a digest: `given` (--format) when there is one, else the one the output
    file's extension names (`-o today.json` is JSON, `.md` or `.markdown` Markdown), else text.
    A new user's `-o out.json` got plain text in a file named .json."""
    if given is not None:
        return given
    return _EXTENSIONS.get(os.path.splitext(template or "")[1].lower(), "text")


def not_delivered(briefing: Briefing) -> str | None:
    """Why `briefing` must be neither printed nor written, or None when it is to be delivered.

    A topic no story is about leaves a briefing without items: printed, it would look like a
    quiet news day; written, it would replace the day's digest with a line saying so. The
    command line and the TUI both ask here, so they refuse the same briefings.
    """
    if briefing.settings.topic and not briefing.stories:
        return f"no story is about {briefing.settings.topic!r}{_in_passing(briefing)}"
    return None


def _in_passing(briefing: Briefing) -> str:
    """` (3 articles name it only in passing)`, when some do. The s8 trial: `--topic "Wendy
    Sherman"` on the seeds was told no story is about her, while an item of their briefing
    names her; a story is about a topic most of its articles tell of (docs/digest.md)."""
    words = briefing.settings.topic.casefold().split()
    naming = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b") if words else None
    count = sum(bool(naming and naming.search(article.text.casefold())) for article in briefing.articles)
    if not count:
        return ""
    return f" ({count} article{' names' if count == 1 else 's name'} it only in passing)"


def write_output(path: Path, text: str) -> None:
    """Write the digest to `path`: atomically for a regular file, straight through for a stream."""
    try:
        if _is_stream(path):
            with os.fdopen(_open_stream(path), "a", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
        else:
            _replace(Path(os.path.realpath(path)), text)
    except OSError as error:
        raise OutputError(f"cannot write {shown_name(path)}: {error.strerror or error}") from error


def replaces_other(path: Path, text: str) -> bool:
    """Whether writing `text` to `path` would replace a file that holds something else (an
    earlier digest of other sources, or of other settings): the TUI asks before it does. A
    stream, a missing file and one that holds `text` already are not; a file that cannot be
    read may hold anything, so it is."""
    if _is_stream(path):
        return False
    data = text.encode("utf-8")
    try:
        if os.stat(path).st_size != len(data):
            return True
        return Path(path).read_bytes() != data
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True


def _is_stream(path: Path) -> bool:
    """Whether `path` is not a regular file, or reaches one through a system name for a stream."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return True
    except OSError:
        return False  # missing, or the write itself will say what is wrong
    return _through_system_link(path)


def _through_system_link(path: Path) -> bool:
    """Whether resolving `path` passes a symlink in /dev or /proc (/dev/stdout -> /proc/self/fd/1
    -> the file a shell redirected into): that file belongs to the shell, not to us."""
    current = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on symlinks in one lookup
        current = os.path.join(os.path.realpath(os.path.dirname(current)), os.path.basename(current))
        if not os.path.islink(current):
            return False
        if Path(current).parts[1:2] in (("dev",), ("proc",)):
            return True
        current = os.path.join(os.path.dirname(current), os.readlink(current))
    return True


# A named pipe with no reader yet: how long to wait for one before saying so.
_READER_WAIT = 3.0


def _open_stream(path: Path) -> int:
    """A descriptor for writing to a stream. A named pipe that nobody reads would block the
    open until a signal; it is asked without blocking, again for a few seconds, then refused."""
    deadline = time.monotonic() + _READER_WAIT
    while True:
        try:
            handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK | os.O_CLOEXEC)
            break
        except OSError as error:
            if error.errno != errno.ENXIO:
                raise
            if time.monotonic() >= deadline:
                raise OSError(errno.ENXIO, f"a named pipe no process reads (waited {_READER_WAIT:.0f} s)") from None
            time.sleep(0.1)
    fcntl.fcntl(handle, fcntl.F_SETFL, fcntl.fcntl(handle, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    return handle


# Our temporary files' names. A writer holds a lock on its own from the moment it makes it (the
# kernel lets go when the writer dies, even of SIGKILL), so one that can be locked is a killed
# run's; one a second old at least, so that the instant between making and locking is no gap.
_TEMPORARY = re.compile(r"\.briefing-[0-9a-f]{12}\.tmp")
_STALE_SECONDS = 1.0


def _replace(target: Path, text: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:  # a file stands where a folder of the path should be
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)) from error
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None:
        os.close(os.open(target, os.O_WRONLY | os.O_CLOEXEC))  # PermissionError on a file `>` may not write
        if existing.st_nlink > 1:
            _in_place(target, text)  # a rename would leave the other names on the old digest
            return
    _remove_stale(target.parent)
    # A short name of our own: the target's name plus a suffix could pass the name length limit.
    temporary = target.parent / f".briefing-{os.urandom(6).hex()}.tmp"
    folder = shown_name(target.parent)
    # Created with 0666 so that the umask decides, as it does for any new file.
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    except OSError as error:
        if isinstance(error, PermissionError) and existing is not None:
            _in_place(target, text)  # a folder this user may not write in, a file it may
            return
        # The system's words are about the new file, not the target: `-o /proc/version` said
        # "No such file or directory" of a file that is there.
        place = " to put in its place" if existing is not None else ""
        raise _step(error, f"cannot make a new file in {folder}{place}") from error
    step = f"cannot write the new file in {folder} that takes its place"
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # ours while we live: see _remove_stale
        if existing is not None:
            os.fchmod(handle, stat.S_IMODE(existing.st_mode))
            if os.geteuid() == 0:
                os.fchown(handle, existing.st_uid, existing.st_gid)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        step = f"cannot rename the new file in {folder} to its name"
        os.replace(temporary, target)
    except BaseException as error:  # Terminated by SIGTERM too: no temporary file is left behind
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _step(error, step) from error
        raise
    _sync_folder(target.parent)


def _step(error: OSError, what: str) -> OSError:
    """`error` said as the step of the atomic write it failed in, with the system's words:
    `cannot make a new file in /proc to put in its place (No such file or directory)`."""
    return OSError(error.errno, f"{what} ({error.strerror or error})")


def _in_place(target: Path, text: str) -> None:
    """Write `target` over its old content, as the shell's `>` does: not atomic, but every
    name of the file sees the new digest, and no new file is needed in its folder."""
    with open(target, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())


def _remove_stale(folder: Path) -> None:
    """Remove our temporary files that a killed run left in `folder` (SIGKILL runs no cleanup):
    this user's that no running write holds locked."""
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not _TEMPORARY.fullmatch(entry.name):
            continue
        try:
            handle = os.open(entry.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or now - info.st_mtime < _STALE_SECONDS:
                continue
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError: a write under way
            if os.lstat(entry.path).st_ino == info.st_ino:
                os.unlink(entry.path)
        except OSError:
            continue
        finally:
            os.close(handle)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; a folder that cannot be opened for this is no error."""
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_stdout(text: str, format: Format = "text") -> None:
    """Print a document: a briefing, or what a command lists. A closed or full stdout is an
    OutputError, not a traceback; a reader that left before the end (a broken pipe) is ReaderGone.

    Every document passes the one sanitiser on its way, whatever it was made from: a briefing
    rendered now, one stored in the history (a file anyone could have written), a config's
    feeds. Text and Markdown lose any escape sequence or control character; JSON (`format`)
    gets them escaped, so it still decodes to the same data."""
    text = escaped_json(text) if format == "json" else printable(text)
    stream = sys.stdout
    if stream is None:
        raise OutputError("stdout is closed, so the briefing could not be printed (use -o FILE)")
    try:
        _write_all(stream, text)
    except OSError as error:
        _discard_stdout()
        if isinstance(error, BrokenPipeError):
            raise ReaderGone("stdout was closed before the whole briefing was printed (broken pipe)") from error
        raise OutputError(f"cannot print the briefing: {error.strerror or error}") from error


def _write_all(stream: TextIO, text: str) -> None:
    """Write and flush `text`, failing unless all of it is written.

    A reader that leaves while a long digest is being written (`briefing digest | head -1`)
    cuts the write short: the buffered stream returns the part written and drops the rest
    without an error, so the digest was recorded as delivered. Written in bytes until all
    is written, the write after the cut fails with a broken pipe."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream without bytes beneath it (a StringIO)
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    rest = memoryview(text.encode(stream.encoding, stream.errors or "strict"))
    while rest:
        rest = rest[buffer.write(rest) or 0 :]
        buffer.flush()


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's final flush of what is still
    buffered does not fail a second time with a traceback-like message."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
