"""What the command line says on stderr: one sanitised line a message, for a person or a cron log.

stdout carries data only (`briefing.output.write`); everything else a command has to say
goes through here.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

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


def report_problems(problems: Sequence[object], read: int, every: bool = False) -> None:
    """One stderr line per file skipped, noted or failed, then how many were skipped.

    A feed's entries skipped or noted for one reason share a line: a feed of headlines
    without text made one line an entry (709 lines for the 100 real feeds), too many for
    a cron mail to be read. So do a folder's files that repeat another's text: wire copies
    are usual (25 of the 500 DUC 2004 articles), not something to act on every morning.
    `every` (`--explain`) lists each of them on its own line all the same.
    """
    from briefing.models import Notice, Skipped
    from briefing.sources.files import SAME_TEXT

    entries = [p for p in problems if isinstance(p, Skipped | Notice) and p.entry is not None]
    groups: dict[tuple[str, str, str], list[object]] = {}
    for number, problem in enumerate(problems):
        key = (str(number), "", "")
        if every:
            pass
        elif isinstance(problem, Skipped | Notice) and problem.entry is not None:
            said = problem.reason if isinstance(problem, Skipped) else problem.message
            key = ("entries", problem.path, SAME_TEXT if said.startswith(SAME_TEXT) else said)
        elif isinstance(problem, Skipped) and problem.reason.startswith(SAME_TEXT):
            key = ("files", os.path.dirname(problem.path) or ".", SAME_TEXT)
        groups.setdefault(key, []).append(problem)
    for (kind, path, said), members in groups.items():
        if len(members) == 1:
            say(str(members[0]))
        else:
            reason = (
                f"{SAME_TEXT} earlier {'articles' if kind == 'entries' else 'files'}" if said == SAME_TEXT else said
            )
            say(f"{path}: {len(members)} {kind}{' skipped,' if isinstance(members[0], Skipped) else ':'} {reason}")
    skipped = sum(isinstance(problem, Skipped) for problem in problems)
    if skipped:
        say(f"skipped {skipped} of {skipped + read} {'files and feed entries' if entries else 'files'}")
