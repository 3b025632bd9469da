"""Errors a person can act on, and the one table of exit codes cron sees.

Every code the `briefing` command can end with is an `ExitCode`; `briefing.cli.main` maps
whatever ended a command to one of them, in one place. README.md lists them, and
docs/exit-codes.md says what each means in detail.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The `briefing` command's exit codes (README.md, docs/exit-codes.md)."""

    OK = 0
    NOTHING_TO_SUMMARIZE = 1
    USAGE = 2  # also argparse's code for a malformed command line
    OUTPUT = 3
    STORE = 4
    ENGINE = 5
    # A bug, not the input: an exception no rule foresaw (EX_SOFTWARE in BSD's sysexits.h).
    # `--debug` shows its traceback.
    INTERNAL = 70
    # Signals, as shells report them: 128 + the signal's number.
    HANGUP = 129  # SIGHUP: the terminal or session went away
    INTERRUPTED = 130  # SIGINT: Ctrl-C
    TERMINATED = 143  # SIGTERM: cron's timeout, systemd, a shutdown


class BriefingError(Exception):
    """A failure explained in words; the CLI prints it without a traceback."""

    exit_code: ExitCode = ExitCode.NOTHING_TO_SUMMARIZE


class ConfigError(BriefingError):
    """The configuration file or a command-line setting is wrong."""

    exit_code = ExitCode.USAGE


class SourceError(BriefingError):
    """No usable article could be read from the given sources."""

    exit_code = ExitCode.NOTHING_TO_SUMMARIZE


class OutputError(BriefingError):
    """The digest could not be written where it was asked to go."""

    exit_code = ExitCode.OUTPUT


class ReaderGone(BriefingError):
    """Whoever read stdout stopped before the end (`briefing digest | head`): their choice, not a
    failure, so the command ends as `git log | head` does, silently with 0 (docs/exit-codes.md).
    What was cut short is not delivered, so it is not recorded in the history either."""

    exit_code = ExitCode.OK


class UsageError(BriefingError):
    """A command-line argument is malformed or names something that does not exist."""

    exit_code = ExitCode.USAGE


class StoreError(BriefingError):
    """The history database cannot be used (`briefing.storage` says which file, and why)."""

    exit_code = ExitCode.STORE


class EngineError(BriefingError):
    """The work could not be run where it was sent: this machine's worker processes or Dask."""

    exit_code = ExitCode.ENGINE


class WorkerError(EngineError):
    """A worker process died (killed, or out of memory) before it returned its results."""


class TaskError(EngineError):
    """A task failed on the Dask engine, or the scheduler could not be reached; the message
    names the input it failed on."""


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the program stands so that it unwinds: temporary files
    are removed and transactions rolled back on the way out. A BaseException, as Ctrl-C's
    KeyboardInterrupt is, so that no handler of errors stops it."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"signal {signum}")
        self.exit_code = ExitCode(128 + signum)
