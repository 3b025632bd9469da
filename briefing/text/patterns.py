"""A user's `drop_patterns`, run in time linear in the line, whatever the pattern.

Python's `re` backtracks: a pattern such as `(a+)+$` takes exponential time on a line of a's
ending in another letter, and a config file is no place to find that out by a hung cron job.
These patterns run on RE2 (google-re2), an automaton engine whose time is linear in the text
for every pattern it accepts. Its syntax is Python's, without lookaround and
backreferences (what makes backtracking necessary); `\\w`, `\\d`, `\\s` and `\\b` are ASCII
there, and `\\pL` is any letter. A pattern RE2 cannot run is a config error, found when the
config is read, with RE2's reason.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol


class Pattern(Protocol):
    """What cleaning needs of a compiled user pattern."""

    def search(self, text: str) -> object | None: ...


class PatternError(ValueError):
    """A pattern that RE2 cannot run, with the reason in words."""


_HINTS = (
    (re.compile(r"\(\?<?[=!]"), "lookaround"),
    (re.compile(r"\\[1-9]|\(\?P="), "a backreference"),
)


@lru_cache(maxsize=256)
def compile_user(pattern: str) -> Pattern:
    """`pattern` compiled for linear-time search; a PatternError says why it cannot be."""
    import re2  # only a config with drop_patterns needs the engine (0.003 s of a start)

    options = re2.Options()
    options.log_errors = False  # RE2 would also print the reason on stderr
    try:
        return re2.compile(pattern, options)
    except re2.error as error:
        reason = error.args[0].decode("utf-8", "replace") if isinstance(error.args[0], bytes) else str(error)
        feature = next((what for mark, what in _HINTS if mark.search(pattern)), None)
        hint = f" ({feature} is not supported: it needs a backtracking engine)" if feature else ""
        raise PatternError(f"{reason}{hint}") from None
