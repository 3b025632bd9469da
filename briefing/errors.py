"""Errors a person can act on, and the exit codes cron sees."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, documented in README.md."""

    OK = 0
    NOTHING_TO_SUMMARIZE = 1
    USAGE = 2
    OUTPUT = 3
    STORE = 4
    ENGINE = 5


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


class UsageError(BriefingError):
    """A command-line argument is malformed or names something that does not exist."""

    exit_code = ExitCode.USAGE
