"""Date lines: a line that is only a date ("Updated: Dec. 30, 2021 10:15 AM EST"), and the ISO
date it gives. A page's date line is its metadata, not its text."""

from __future__ import annotations

import re
from datetime import datetime

from briefing.text.lexicon import MONTH_PATTERN

DATE_LINE = re.compile(
    rf"^(?:(?:updated|published|posted)(?: on)?:?\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_PATTERN},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?)"
    rf"(?:[\s,|]+\d{{1,2}}:\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{{2,4}})?)?$",
    re.IGNORECASE,
)


def parse_date(text: str) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date line, or None when it is not one."""
    if not DATE_LINE.match(text.strip()):
        return None
    iso = re.search(r"\d{4}-\d{2}-\d{2}", text)
    if iso:
        return iso.group(0)
    found = re.search(rf"({MONTH_PATTERN})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", text, re.I) or re.search(
        rf"(\d{{1,2}})\s+({MONTH_PATTERN}),?\s+(\d{{4}})", text, re.I
    )
    if not found:
        return None
    parts = found.groups()
    month, day = (parts[0], parts[1]) if parts[0][0].isalpha() else (parts[1], parts[0])
    try:
        return datetime.strptime(f"{month[:3]} {day} {parts[2]}", "%b %d %Y").date().isoformat()
    except ValueError:
        return None
