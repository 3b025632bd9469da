"""What the command line says on stderr: one sanitised line a message, for a person or a cron log.

stdout carries data only (`briefing.output.write`); everything else a command has to say
goes through here.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence

from briefing.models import Problem
from briefing.output.problems import is_routine, problem_lines, skipped_count
from briefing.sanitize import printable


def say(message: str) -> None:
    """A message for the person at the terminal or the cron log: on stderr, one sanitised line."""
    stderr_line(f"briefing: {printable(message, one_line=True)}")


def stderr_line(line: str) -> None:
    """`line` on stderr as it is (the caller made it printable), unless stderr is closed or broken."""
    if sys.stderr is None:  # started with stderr closed: print() would fall back to stdout
        return
    with contextlib.suppress(OSError):  # a broken stderr leaves no one to tell
        print(line, file=sys.stderr, flush=True)


def report_problems(problems: Sequence[Problem], read: int, every: bool = False, routine: bool = True) -> None:
    """The problems' lines (`briefing.output.problems`: a feed's or a folder's alike grouped,
    unless `every`), then how many sources were skipped of how many. Without `routine` (or
    `every`), the routine skips (`is_routine`: feed entries set aside, wire copies) are only
    counted on that last line, and only when another problem is said: a good morning says
    nothing, so a cron job's log stays empty."""
    said = problems if every or routine else [problem for problem in problems if not is_routine(problem)]
    for line in problem_lines(said, every):
        say(line)
    skipped = skipped_count(said)
    if skipped:
        total = skipped_count(problems) + read
        entries = any(problem.is_entry for problem in problems)
        usual = skipped_count(problems) - skipped
        more = f"; {usual} more set aside as usual (--explain lists them)" if usual else ""
        say(f"skipped {skipped} of {total} {'files and feed entries' if entries else 'files'}{more}")
