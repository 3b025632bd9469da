"""What a fetch says about what failed: one line per failing host, said when the failure starts
or changes and not every run it lasts, and when a failed page is tried again.

A cron job that fetched 452 URLs from a host that was down wrote 452 lines every morning (141
for one host). Failures are grouped by host (most share a cause: the host is down, or blocks
us), and the hosts last reported are remembered (`briefing.storage.failures`), so a second
morning with the same failure writes nothing. Pure: the shells print what this decides.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from briefing.output.render import plural

# A page that failed is tried again after 1 hour, then 4, 16, 64... at most a week apart: a
# link that is down for the morning comes the next day, a dead one costs a request a week.
FIRST_RETRY = timedelta(hours=1)
LAST_RETRY = timedelta(days=7)
# Reasons that say the host itself did not answer: after this many in a run, its other pages
# wait for the next run instead of each waiting out its own timeout.
HOST_DOWN = ("timeout", "DNS", "network", "TLS")
HOST_DOWN_AFTER = 2
NOT_ASKED = "not asked"


@dataclass(frozen=True, slots=True)
class Failure:
    """One feed or page that could not be used, and why."""

    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


@dataclass(frozen=True, slots=True)
class HostFailure:
    """A host's failures in one run: how many feeds and pages, the commonest reason, how many
    failed for another one, and whether to say so (it started failing, or for a new reason)."""

    host: str
    failures: tuple[Failure, ...]
    feeds: int
    reason: str
    since: str
    new: bool = True

    def __str__(self) -> str:
        return self.line()

    def line(self, listed: bool = False, verbose: str = "--verbose") -> str:
        """The host's line; `listed`: each URL's failure was said just before it (`fetch
        --verbose`), so the line does not point to `verbose` for them."""
        if len(self.failures) == 1:
            return str(self.failures[0])
        counts = ((self.feeds, "feed"), (len(self.failures) - self.feeds, "page"))
        what = " and ".join(plural(count, noun) for count, noun in counts if count)
        skipped = sum(failure.reason.startswith(NOT_ASKED) for failure in self.failures)
        others = sum(not same_reason(failure.reason, self.reason) for failure in self.failures) - skipped
        notes = [f"{skipped} of them not tried after that"] * bool(skipped)
        other = f"{others} for {'another reason' if others == 1 else 'other reasons'}"
        notes += [other if listed else f"{other}: {verbose} lists each"] * bool(others)
        return f"{self.host}: {what} failed: {self.reason}" + (f" ({'; '.join(notes)})" if notes else "")


def recovered(host: str, since: str) -> str:
    """The line for a host that works again."""
    return f"{host}: fetched again (it had failed since {since})"


def host_of(url: str) -> str:
    """The host a URL is fetched from, with its port when it has one: what fails together."""
    try:
        parts = urlsplit(url)
    except ValueError:  # a broken IPv6 bracket: what stands between // and the path
        return url.partition("//")[2].partition("/")[0].lower() or url
    host = (parts.hostname or parts.netloc or url).lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return f"{host}:{port}" if port else host


def retry_delay(attempts: int) -> timedelta:
    """How long after its `attempts`-th failure a page is tried again."""
    return min(FIRST_RETRY * (1 << 2 * min(max(attempts - 1, 0), 10)), LAST_RETRY)  # 4 ** (attempts - 1)


def host_is_down(reason: str) -> bool:
    return reason.startswith(HOST_DOWN)


def same_reason(one: str, other: str) -> bool:
    """Whether two reasons are one failure said twice: numbers (sizes, seconds) may differ."""
    return _shape(one) == _shape(other)


def _shape(reason: str) -> str:
    return re.sub(r"\d[\d,.]*", "#", reason)


def by_host(
    failures: Sequence[Failure], feeds: Iterable[str], reported: dict[str, tuple[str, str]], today: str
) -> list[HostFailure]:
    """The run's failures by host, in the hosts' order (downloads finish in any order); `new`
    unless the host was reported (host -> (reason, since)) failing for the same reason."""
    feed_urls = set(feeds)
    groups: dict[str, list[Failure]] = {}
    for failure in failures:
        groups.setdefault(host_of(failure.url), []).append(failure)
    hosts = []
    for host, members in sorted(groups.items()):
        asked = [f.reason for f in members if not f.reason.startswith(NOT_ASKED)] or [members[0].reason]
        counts = Counter(map(_shape, asked))
        # Among reasons as common, the first in order, not the first to fail: downloads finish in
        # any order, and a host whose two feeds failed for two reasons was said again, "new",
        # each morning the other one finished first (the s8 trial's cron log).
        shape = min(counts, key=lambda reason: (-counts[reason], reason))
        said = next(reason for reason in asked if _shape(reason) == shape)
        before = reported.get(host)
        new = before is None or not same_reason(before[0], said)
        since = before[1] if before else today
        hosts.append(HostFailure(host, tuple(members), sum(f.url in feed_urls for f in members), said, since, new))
    return hosts
