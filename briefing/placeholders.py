"""The placeholders of an output file name (`-o`, `[output] path`): which there are, and the
first one a template names that is not one of them.

Base-level, so that the config can reject a typo in `[output] path` when it is read, with
the key's name, instead of the TUI finding it when `w` is pressed, and `-o` says the same.
"""

from __future__ import annotations

import re

PLACEHOLDERS = {"date": "the briefing's date (today)", "news_date": "the newest article's date"}
PATTERN = re.compile(r"\{([^{}]*)\}")


def unknown_placeholder(template: str) -> str | None:
    """Why `template` cannot be expanded ("unknown placeholder {data} (did you mean {date}?); known: ..."),
    or None when every placeholder in it is known."""
    for found in PATTERN.findall(template):
        if found not in PLACEHOLDERS:
            import difflib  # for a mistake only

            close = difflib.get_close_matches(found, PLACEHOLDERS, n=1)
            hint = f" (did you mean {{{close[0]}}}?)" if close else ""
            known = "; ".join(f"{{{key}}} {meaning}" for key, meaning in PLACEHOLDERS.items())
            return f"unknown placeholder {{{found}}}{hint}; known: {known}"
    return None
