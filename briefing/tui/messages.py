"""What the workers send back to the app: small messages, handled on the app's thread.

A worker calls one core function and posts its result; only the app's handlers change the
app's state (toolong's pattern). So a result that arrives late, or twice, can be judged by
the handler against what the user asks for now, and no state is ever half-written by a thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.message import Message

from briefing.config import ALGORITHM_NAMES, Config
from briefing.models import PastBriefing, Settings

if TYPE_CHECKING:
    from briefing.run.day import Reading
    from briefing.run.fetching import FetchReport  # the network stack, loaded only when fetching
    from briefing.storage.shown import Stored
from briefing.models import Briefing


@dataclass(frozen=True, slots=True)
class Request:
    """The briefing the user asks for: how many items (per story) and which algorithm."""

    count: int
    algorithm: str


def configured(config: Config) -> Request:
    """What config.toml asks for: its items a story (8 when it counts words or bytes) and algorithm."""
    return Request(config.summary.sentences or 8, config.summary.algorithm)


def left_as(left: Request, asked: Request, keymap: dict[str, str], shown: Callable[[Binding], str]) -> str:
    """Why a launch shows another length or algorithm than config.toml `asked` for (the reader
    `left` it so); "" when they agree. The keys are named as `keymap` binds them, `shown` as the
    footer shows a key ("+" for plus)."""
    if left == asked:
        return ""

    def key(action: str) -> str:
        return shown(Binding(keymap[action].split(",")[0].strip(), ""))

    return (
        f"As it was left: {_words(left)}; config.toml asks for {_words(asked)}"
        f" ({key('longer')} and {key('shorter')} change the length, {key('algorithm')} the algorithm)"
    )


def _words(request: Request) -> str:
    """`8 items a story, lexrank`: a request as the reader reads it."""
    return f"{request.count} item{'' if request.count == 1 else 's'} a story, {request.algorithm}"


def request_of(settings: Settings, config: Config) -> Request | None:
    """What a launch asks for to make today's briefing as the stored one with `settings` was
    made (the reader's last length and algorithm, or cron's), so that its items do not reorder
    under the reader; None when the TUI cannot ask for it (--words, other --stories), and the
    stored briefing is not shown."""
    merge, stories = config.merge.threshold, config.stories.max
    if settings.words or settings.bytes or settings.sentences < 1 or settings.algorithm not in ALGORITHM_NAMES:
        return None
    if (settings.threshold, settings.stories, settings.topic) != (merge, stories, config.topic.query):
        return None
    return Request(settings.sentences, settings.algorithm)


@dataclass
class ArticlesRead(Message):
    """The articles and the history, read for the app's `generation`th reading of the day."""

    generation: int
    read: Reading  # articles, a Problem for each source not read (or read with a note), earlier items


@dataclass
class StoredFound(Message):
    """The briefing last made of the same sources, found in the history for the app's
    `generation`th reading of the day: shown, marked as stored, until today's is made with
    `request`, as the stored one was made; shown as today's when it is (`today`: made from
    the same files, settings and history, `briefing.run.unchanged`)."""

    generation: int
    stored: Stored
    request: Request
    today: bool = False


@dataclass
class NothingToRead(Message):
    """The sources held no file to read (`reason` says so): a welcome when none was named."""

    reason: str


@dataclass
class Progressed(Message):
    """How far the running summary is; only the latest one matters."""

    stage: str
    fraction: float

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Progressed)


@dataclass
class Summarized(Message):
    """A briefing made for `request` on the `generation`th reading of the day; the app drops
    it if the user has asked for another since, or the day was read again. Not `complete`:
    only its first stories, the rest to follow."""

    request: Request
    briefing: Briefing
    generation: int = 0
    complete: bool = True


@dataclass
class Written(Message):
    """The digest is at `path`; `problem` says why the history did not record it, if it did not."""

    path: Path
    problem: str = ""
    replaced: bool = False  # over a file that held another briefing, as the user said to


@dataclass
class ReplaceAsked(Message):
    """`path` holds another briefing than the one to write: the user says whether to replace it."""

    briefing: Briefing
    path: Path


@dataclass
class PastListed(Message):
    """The history's briefings, oldest first, for the user to choose one."""

    past: list[PastBriefing]
    usual: Settings | None = None  # the config's: a past briefing made otherwise is labelled so


@dataclass
class PastShown(Message):
    """A past briefing exactly as it was written."""

    text: str


@dataclass
class Copied(Message):
    """`tool` put `text` on the system clipboard; empty when no clipboard program could.
    `what`: what the text is, for the notice ("the sentence", "the address")."""

    text: str
    tool: str
    what: str = "the sentence"


def fetched_text(report: FetchReport) -> str:
    """What `f` fetched: the summary, then up to 3 failing hosts' lines as `briefing fetch` says
    them, each a sentence of its own (a toast is one line: the s8 trial read "... left for a
    later run 127.0.0.1:8871: 2 feeds failed"), sending to `briefing fetch --verbose` (the TUI
    has no --verbose to pass)."""
    hosts = [host.line(verbose="'briefing fetch --verbose'") for host in report.hosts[:3]]
    return ". ".join([report.summary(), *hosts])


@dataclass
class Fetched(Message):
    """What fetching the configured feeds did (a FetchReport: new, unchanged, failures)."""

    report: FetchReport
