"""The lines that tell a person which sources gave no article and why: one function for the
CLI's stderr report, `--explain` and the TUI's explain screen, so they never say it differently.

A feed's entries skipped or noted for one reason share a line: a feed of headlines without
text made one line an entry (709 lines for the 100 real feeds), too many for a cron mail to be
read. So do a folder's files that repeat another's text: wire copies are usual (25 of the 500
DUC 2004 articles), not something to act on every morning. Asked for `every` line
(`--explain`, the explain screen), each problem has its own.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence

from briefing.models import Problem, located
from briefing.sanitize import shown_path

# Files of one folder skipped for one reason: up to this many get a line each, more share one
# (a folder of 50,000 empty files wrote 50,001 lines to stderr).
_FEW = 3


def problem_lines(problems: Sequence[Problem], every: bool = False) -> list[str]:
    """One line per problem, or per group of problems of one cause in one feed or folder."""
    alike = Counter(_files_key(problem) for problem in problems if problem.entry is None)
    groups: dict[tuple[str, ...], list[Problem]] = {}
    for number, problem in enumerate(problems):
        key: tuple[str, ...] = (str(number),)
        if every or problem.kind == "failed":
            pass
        elif problem.entry is not None:
            key = ("entries", problem.kind, problem.path, problem.reason)
        elif problem.is_copy or alike[_files_key(problem)] > _FEW:
            key = _files_key(problem)
        groups.setdefault(key, []).append(problem)
    return [_line(members[0]) if len(members) == 1 else _group_line(key, members) for key, members in groups.items()]


def _files_key(problem: Problem) -> tuple[str, ...]:
    return ("files", problem.kind, os.path.dirname(problem.path) or ".", problem.reason)


def _line(problem: Problem) -> str:
    said = f"{problem.reason} {problem.detail}" if problem.detail else problem.reason
    where = located(shown_path(problem.path), problem.entry)
    return f"{where}: skipped, {said}" if problem.kind == "skipped" else f"{where}: {said}"


def _group_line(key: tuple[str, ...], members: list[Problem]) -> str:
    what, kind, place, reason = key
    if members[0].is_copy:
        reason = f"{reason} earlier {'articles' if what == 'entries' else 'files'}"
    return f"{shown_path(place)}: {len(members)} {what}{' skipped,' if kind == 'skipped' else ':'} {reason}"


def by_cause(problems: Sequence[Problem]) -> list[tuple[str, list[Problem]]]:
    """The problems grouped by cause (kind and reason), the most common first, each with a line
    that counts it: `806 skipped, no article text left after cleaning`. On the 100 real feeds,
    896 lines one by one buried the three causes behind them."""
    groups: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        groups.setdefault((problem.kind, problem.reason), []).append(problem)
    ranked = sorted(groups.values(), key=len, reverse=True)  # stable: among equals, first met first
    return [(_cause_line(members), members) for members in ranked]


def cause_lines(members: Sequence[Problem]) -> list[str]:
    """Each problem of one cause (`by_cause`) on a line, without the cause its heading says:
    where it is, and its particular (the earlier file a copy repeats)."""
    wheres = [located(shown_path(p.path), p.entry) for p in members]
    return [f"{where}: {p.reason} {p.detail}" if p.detail else where for where, p in zip(wheres, members)]


def _cause_line(members: list[Problem]) -> str:
    first = members[0]
    reason = f"{first.reason} an earlier one" if first.is_copy else first.reason
    return f"{len(members)} {first.kind}{',' if first.kind == 'skipped' else ':'} {reason}"


def is_routine(problem: Problem) -> bool:
    """Whether `problem` is how a morning's news usually goes, not something to act on: a feed
    entry, read from a feed file or fetched and stored, set aside (no text left after cleaning,
    another language, the text of an earlier one) or a file that repeats another's text (a wire copy). A file that gives no article for
    any other reason, a feed that cannot be parsed and a failed download are not: on the 100
    real feeds, 896 routine skips wrote 21 lines to a cron log that should stay empty."""
    return problem.kind == "skipped" and (problem.is_entry or problem.is_copy)


def skipped_count(problems: Sequence[Problem]) -> int:
    return sum(problem.kind == "skipped" for problem in problems)


def skipped_words(problems: Sequence[Problem]) -> str:
    """How many feed entries and files of `problems` were skipped, each named as what it is:
    "880 feed entries and 16 files skipped" ("" for none)."""
    skipped = [problem for problem in problems if problem.kind == "skipped"]
    entries = sum(problem.is_entry for problem in skipped)
    files = len(skipped) - entries
    parts = [f"{entries} feed entr{'y' if entries == 1 else 'ies'}"] if entries else []
    parts += [f"{files} file{'' if files == 1 else 's'}"] if files else []
    return f"{' and '.join(parts)} skipped" if parts else ""


def problems_count(problems: Sequence[Problem]) -> str:
    """The one problem, or how many sources were skipped, failed and noted ("" for none): a
    line for a notification or a screen that has no room for the list."""
    if len(problems) == 1:
        return problem_lines(problems)[0]
    counts = Counter(problem.kind for problem in problems)
    parts = [skipped_words(problems)] if counts["skipped"] else []
    parts += [f"{counts[kind]} {kind}" for kind in ("failed", "noted") if counts[kind]]
    return ", ".join(parts)
