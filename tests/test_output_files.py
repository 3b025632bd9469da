"""`-o` and stdout as cron and shells use them: streams written through, files replaced whole.

No test here points `-o` at a real device node: code that got this wrong would replace the
machine's /dev/null when tests run as root. Symlinks to devices and /proc/self/fd reach the
same code paths safely.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from commands import Ran, run_briefing

REPO = Path(__file__).resolve().parents[1]


def digest(folder: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", "digest", str(folder), "--no-store", *args],
        capture_output=kwargs.pop("capture_output", True),  # type: ignore[arg-type]
        text=True,
        timeout=120,
        **kwargs,  # type: ignore[call-overload]
    )


def digest_here(folder: Path, *args: str) -> Ran:
    """The same digest in the test's process: where the process's own streams play no part."""
    return run_briefing("digest", str(folder), "--no-store", *args)


@contextmanager
def umask_of(mask: int) -> Iterator[None]:
    saved = os.umask(mask)
    try:
        yield
    finally:
        os.umask(saved)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".lock")))


def test_a_fifo_is_written_through(trio_folder: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "digest.fifo"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    result = digest(trio_folder, "-o", str(fifo))
    if stat.S_ISFIFO(fifo.lstat().st_mode) and reader.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # nothing was written: let the reader go
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert received and received[0].startswith("Briefing for")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert leftovers(tmp_path) == []


def test_device_and_stdout_names_are_written_through(trio_folder: Path, tmp_path: Path) -> None:
    null = tmp_path / "null"
    null.symlink_to(os.devnull)
    result = digest_here(trio_folder, "-o", str(null))
    assert result.returncode == 0, result.stderr
    assert null.is_symlink() and stat.S_ISCHR(null.stat().st_mode)
    # /proc/self/fd/1 (what /dev/stdout resolves to) when stdout is a pipe, and when it is a
    # file a shell appends to: written into, never renamed over.
    result = digest(trio_folder, "-o", "/proc/self/fd/1")
    assert result.returncode == 0 and result.stdout.startswith("Briefing for"), result.stderr
    log = tmp_path / "log.txt"
    log.write_text("earlier lines\n", encoding="utf-8")
    inode = log.stat().st_ino
    with open(log, "a", encoding="utf-8") as appended:
        result = digest(trio_folder, "-o", "/proc/self/fd/1", stdout=appended, capture_output=False)
    assert result.returncode == 0
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier lines\nBriefing for") and log.stat().st_ino == inode
    stdout_link = tmp_path / "out"
    stdout_link.symlink_to("/proc/self/fd/1")
    result = digest(trio_folder, "-o", str(stdout_link))
    assert result.returncode == 0 and result.stdout.startswith("Briefing for")
    assert leftovers(tmp_path) == []


def test_a_symlink_keeps_pointing_at_the_written_file(trio_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "real" / "digest.txt"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.txt"
    link.symlink_to(target)
    assert digest_here(trio_folder, "-o", str(link)).returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("Briefing for")
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "real" / "new.txt")
    assert digest_here(trio_folder, "-o", str(dangling)).returncode == 0
    assert dangling.is_symlink() and (tmp_path / "real" / "new.txt").read_text(encoding="utf-8")
    assert leftovers(tmp_path) == leftovers(target.parent) == []


def test_a_new_digest_gets_the_umask_and_an_old_one_keeps_its_mode(trio_folder: Path, tmp_path: Path) -> None:
    for umask, mode in ((0o022, 0o644), (0o002, 0o664), (0o077, 0o600)):
        path = tmp_path / f"new-{umask:o}.txt"
        with umask_of(umask):
            result = digest_here(trio_folder, "-o", str(path))
        assert result.returncode == 0, result.stderr
        assert stat.S_IMODE(path.stat().st_mode) == mode, (oct(umask), oct(path.stat().st_mode))
    existing = tmp_path / "shared.txt"
    existing.write_text("yesterday\n", encoding="utf-8")
    existing.chmod(0o640)
    with umask_of(0o077):
        assert digest_here(trio_folder, "-o", str(existing)).returncode == 0
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_sigterm_during_the_write_leaves_no_temporary_file(trio_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "digest.txt"
    target.write_text("yesterday\n", encoding="utf-8")
    # cron's timeout, systemd or a shutdown sends SIGTERM while the file is being written.
    code = (
        "import os, signal, sys\n"
        "from briefing.cli.main import main\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGTERM)\n"
        f"sys.exit(main(['digest', {str(trio_folder)!r}, '-o', {str(target)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "yesterday\n"
    assert leftovers(tmp_path) == []


def test_closed_or_full_stdout_is_a_message(trio_folder: Path) -> None:
    closed = digest(trio_folder, preexec_fn=lambda: os.close(1))
    assert closed.returncode == 3 and "stdout is closed" in closed.stderr
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = digest(trio_folder, stdout=full, stderr=subprocess.PIPE, capture_output=False)
    assert result.returncode == 3 and "No space left on device" in result.stderr
    for failed in (closed, result):
        assert "Traceback" not in failed.stderr and "Exception ignored" not in failed.stderr


def test_a_folder_as_output_is_a_message(trio_folder: Path, tmp_path: Path) -> None:
    result = digest_here(trio_folder, "-o", str(tmp_path))
    assert result.returncode == 3 and "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_output_folders_are_made_but_a_file_in_the_way_is_named(trio_folder: Path, tmp_path: Path) -> None:
    made = digest_here(trio_folder, "-o", str(tmp_path / "briefings" / "{date}" / "digest.txt"))
    assert made.returncode == 0 and made.stdout == ""
    assert len(list((tmp_path / "briefings").glob("*/digest.txt"))) == 1
    (tmp_path / "plain").write_text("a file, not a folder\n", encoding="utf-8")
    blocked = digest_here(trio_folder, "-o", str(tmp_path / "plain" / "digest.txt"))
    assert blocked.returncode == 3 and "digest.txt: Not a directory" in blocked.stderr


def test_a_failed_write_says_which_step_failed_in_the_systems_words(
    trio_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o /proc/version` said "No such file or directory" of a file that is there: the system
    said it of the new file the digest is written to before it is renamed over the target.
    The message names that step and the folder, then gives the system's words."""
    if os.geteuid() == 0:  # root may open /proc/version for writing; /proc takes no new file
        proc = digest_here(trio_folder, "-o", "/proc/version")
        said = "cannot write /proc/version: cannot make a new file in /proc to put in its place"
        assert proc.returncode == 3 and f"{said} (No such file or directory)" in proc.stderr
    target = tmp_path / "digest.txt"
    target.write_text("yesterday\n", encoding="utf-8")
    real_open, real_replace = os.open, os.replace

    def read_only(path: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), path)
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    made = digest_here(trio_folder, "-o", str(target))
    assert made.returncode == 3
    assert f"cannot make a new file in {tmp_path} to put in its place (Read-only file system)" in made.stderr
    monkeypatch.setattr(os, "open", real_open)

    def busy(source: object, destination: object) -> None:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), destination)

    monkeypatch.setattr(os, "replace", busy)
    renamed = digest_here(trio_folder, "-o", str(target))
    monkeypatch.setattr(os, "replace", real_replace)
    assert renamed.returncode == 3
    assert f"cannot rename the new file in {tmp_path} to its name (Device or resource busy)" in renamed.stderr
    assert target.read_text(encoding="utf-8") == "yesterday\n" and leftovers(tmp_path) == []


def test_an_empty_output_name_is_a_usage_error(trio_folder: Path) -> None:
    result = digest_here(trio_folder, "-o", "")
    assert result.returncode == 2 and result.stdout == "" and "-o names no file" in result.stderr


def test_ctrl_c_during_the_write_exits_130_and_cleans_up(trio_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "digest.txt"
    code = (
        "import os, signal, sys\n"
        "from briefing.cli.main import main\n"
        # A shell that starts a job in the background has it ignore SIGINT; a terminal's
        # Ctrl-C reaches a process that did not, which is what this test is about.
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGINT)\n"
        f"sys.exit(main(['digest', {str(trio_folder)!r}, '-o', {str(target)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 130 and "Traceback" not in result.stderr  # README: 130 is Ctrl-C
    assert not target.exists() and leftovers(tmp_path) == []


def _as_plain_user(folder: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`briefing *args` with file permissions applied, as the shell's `>` meets them."""
    from test_history_failures import as_plain_user

    return subprocess.run(
        [*as_plain_user(), sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def test_a_file_this_user_may_not_write_is_refused_as_the_shell_refuses_it(trio_folder: Path, tmp_path: Path) -> None:
    """A 0444 file in a writable folder was replaced by the rename; `>` refuses it (issue 31, R19)."""
    target = tmp_path / "digest.txt"
    target.write_text("yesterday\n", encoding="utf-8")
    target.chmod(0o444)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    for name in (target, link):
        result = _as_plain_user(trio_folder, "digest", str(trio_folder), "--no-store", "-o", str(name))
        assert result.returncode == 3, result.stderr
        assert f"cannot write {name}: Permission denied" in result.stderr
    assert target.read_text(encoding="utf-8") == "yesterday\n"
    assert leftovers(tmp_path) == []


def test_a_read_only_config_is_not_replaced_by_feeds_import(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[sources]\nfeeds = ["https://gazette.example/rss"]\n', encoding="utf-8")
    config.chmod(0o444)
    urls = tmp_path / "urls"
    urls.write_text("https://courier.example/feed\n", encoding="utf-8")
    result = _as_plain_user(tmp_path, "--config", str(config), "feeds", "import", str(urls))
    assert result.returncode != 0 and "Permission denied" in result.stderr
    assert "courier" not in config.read_text(encoding="utf-8")


def test_a_writable_file_in_a_folder_this_user_may_not_write_in_is_written_in_place(
    trio_folder: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "digest.txt"
    target.write_text("yesterday\n", encoding="utf-8")
    target.chmod(0o666)
    folder.chmod(0o555)
    try:
        result = _as_plain_user(trio_folder, "digest", str(trio_folder), "--no-store", "-o", str(target))
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("Briefing for")


def test_every_hard_link_of_the_file_sees_the_new_digest(trio_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "digest.txt"
    target.write_text("yesterday\n", encoding="utf-8")
    other = tmp_path / "other-name.txt"
    os.link(target, other)
    assert digest_here(trio_folder, "-o", str(target)).returncode == 0
    assert other.read_text(encoding="utf-8").startswith("Briefing for")
    assert os.path.samefile(target, other) and leftovers(tmp_path) == []


def test_a_killed_runs_temporary_file_is_removed_by_the_next_write(trio_folder: Path, tmp_path: Path) -> None:
    """SIGKILL runs no cleanup: its .briefing-XXXX.tmp stayed beside the digest forever. A write
    under way holds a lock on its own, so the next run tells the two apart at once."""
    import fcntl

    names = (".briefing-0123456789ab.tmp", ".briefing-ba9876543210.tmp", ".briefing-notes.tmp")
    killed, writing, other = (tmp_path / name for name in names)
    for path in (killed, writing, other):
        path.write_text("half a digest", encoding="utf-8")
        seconds_ago = path.stat().st_mtime - 5
        os.utime(path, (seconds_ago, seconds_ago))
    held = os.open(writing, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # what a running write holds
    try:
        assert digest_here(trio_folder, "-o", str(tmp_path / "digest.txt")).returncode == 0
    finally:
        os.close(held)
    assert not killed.exists()
    assert writing.exists() and other.exists()  # a write under way, and a name not of our pattern


def test_a_named_pipe_nobody_reads_is_a_message_not_a_silent_wait(trio_folder: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = digest(trio_folder, "-o", str(fifo))
    assert result.returncode == 3
    assert f"cannot write {fifo}: a named pipe no process reads" in result.stderr
