"""The briefing beside the sentences behind it.

Reading articles and the history, summarizing and writing run in thread workers, each
calling one core function (the same ones `briefing digest` calls) and posting the result as
a message; only the app's handlers change its state, on its own thread. Article text and
names are always shown as Rich `Text` or with markup off, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Literal

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.notifications import SeverityLevel
from textual.widgets import Footer, Input, LoadingIndicator, OptionList
from textual.worker import Worker, WorkerState, get_current_worker

from briefing import load_articles, render, summarize
from briefing.clock import today
from briefing.config import Config
from briefing.errors import BriefingError
from briefing.history.daily import earlier_items, record
from briefing.history.store import Store, StoreError, store_path
from briefing.models import Article, Briefing, BriefingItem, Notice, Skipped, SourceSentence
from briefing.output import expand_path, write_output
from briefing.printable import printable
from briefing.tui.commands import BriefingCommands
from briefing.tui.messages import (
    ArticlesRead,
    HistoryRead,
    PastListed,
    PastShown,
    Progressed,
    Request,
    Summarized,
    Written,
)
from briefing.tui.screens.algorithm import AlgorithmScreen
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.explain import ExplainScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.history import HistoryScreen, PastBriefingScreen
from briefing.tui.widgets.items import ItemList
from briefing.tui.widgets.sources import SourceList
from briefing.tui.widgets.status import StatusBar

# (binding id, action, footer label, help text); the keys come from config.toml [keys].
ACTIONS = (
    ("down", "cursor_down", "Down", "next item or source sentence"),
    ("up", "cursor_up", "Up", "previous item or source sentence"),
    ("next_pane", "app.focus_next", "Next pane", "switch between items and sources"),
    ("previous_pane", "app.focus_previous", "Previous pane", "switch back"),
    ("open", "open", "Article", "open the full article at the sentence"),
    ("longer", "longer", "Longer", "one more item, re-summarized"),
    ("shorter", "shorter", "Shorter", "one item fewer, re-summarized"),
    ("algorithm", "algorithm", "Algorithm", "choose the algorithm that rates sentences"),
    ("filter", "filter", "Filter", "filter items and source sentences by text"),
    ("explain", "explain", "Explain", "what cleaning removed from this article, and why"),
    ("write", "write", "Write", "write the digest to the configured file"),
    ("copy", "copy", "Copy", "copy the sentence to the clipboard"),
    ("repeats", "repeats", "Repeats", "hide or show items that repeat recent briefings"),
    ("history", "history", "History", "open a past briefing"),
    ("help", "help", "Help", "this list"),
    ("quit", "quit", "Quit", "quit"),
)
_MAIN_SCREEN_ACTIONS = {action for key, action, _, _ in ACTIONS if key not in ("quit", "help")}
_KEY_NAMES = {"question_mark": "?", "slash": "/", "plus": "+", "minus": "-", "enter": "⏎"}
_SHOWN_IN_FOOTER = {"open", "longer", "shorter", "algorithm", "filter", "write", "history", "help", "quit"}
NARROW = 100


class Cancelled(Exception):
    """Raised in a worker's thread, between stages, once the worker was cancelled."""


class BriefingApp(App[None]):
    """`briefing` in a terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {BriefingCommands}
    BINDINGS = [
        Binding(key, action, label, show=key in _SHOWN_IN_FOOTER, id=key, priority=key == "quit")
        for key, action, label, _ in ACTIONS
    ]

    def __init__(self, sources: list[str], config: Config, store: bool = True) -> None:
        super().__init__()
        self.sources = sources
        self.config = config
        self.store = store
        self.articles: tuple[Article, ...] | None = None  # once read
        self.history: Literal["reading", "read", "off"] = "reading" if store else "off"
        self.previous: list[str] | None = None  # the earlier items marks are made against, once read
        self.day = today()  # the day the briefing is made for; marks compare with the days before
        self.wanted = Request(config.summary.sentences or 8, config.summary.algorithm)
        self.hide_repeats = False
        self.filter_text = ""
        self.briefing: Briefing | None = None
        self.shown: list[int] = []
        self.set_keymap({key: getattr(config.keys, key) for key, *_ in ACTIONS})

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield StatusBar()
            yield LoadingIndicator(id="busy")
        with Horizontal(id="panes"):
            items = ItemList(id="items")
            items.border_title = "Briefing"
            yield items
            sources = SourceList(id="sources")
            sources.border_title = "Sources"
            yield sources
        yield Input(
            placeholder="filter items and source sentences (enter or escape to close)", id="filter", disabled=True
        )
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Briefing actions belong to the main screen; over an article or a dialog they are off."""
        return not (action in _MAIN_SCREEN_ACTIONS and len(self.screen_stack) > 1)

    def on_mount(self) -> None:
        self.query_one(ItemList).focus()
        self._busy("Reading articles…")
        self._read_articles(self.sources, self.config)

    def on_resize(self) -> None:
        self.screen.set_class(self.size.width < NARROW, "-narrow")

    # Workers: each calls one core function and posts the result; the handlers below are the
    # only code that changes the app's state, always on the app's thread.

    @work(thread=True, group="load", exit_on_error=False)
    def _read_articles(self, sources: list[str], config: Config) -> None:
        self.post_message(ArticlesRead(*load_articles(sources, config, self._progress())))

    @work(thread=True, group="history", exit_on_error=False)
    def _read_history(self, articles: tuple[Article, ...], config: Config, day: str) -> None:
        try:
            self.post_message(HistoryRead(earlier_items(articles, config, day)))
        except StoreError as error:
            self.post_message(HistoryRead(None, str(error)))

    @work(thread=True, exclusive=True, group="summarize", exit_on_error=False)
    def _summarize(self, request: Request, articles: tuple[Article, ...], previous: list[str] | None) -> None:
        worker = get_current_worker()
        summary = replace(self.config.summary, sentences=request.count, words=0, bytes=0, algorithm=request.algorithm)
        briefing = summarize(articles, replace(self.config, summary=summary), self._progress(), previous)
        briefing = replace(briefing, date=self.day)
        if not worker.is_cancelled:
            self.post_message(Summarized(request, briefing))

    def _progress(self) -> Callable[[str, float], None]:
        """A progress callback for the core, in the calling worker's thread: it reports each stage
        to the status line and, once the worker is cancelled (quit, or a newer request), stops
        the work at the next stage by raising `Cancelled`."""
        worker = get_current_worker()

        def progress(stage: str, fraction: float) -> None:
            if worker.is_cancelled:
                raise Cancelled
            self.post_message(Progressed(stage, fraction))

        return progress

    @work(thread=True, exclusive=True, group="write", exit_on_error=False)
    def _write(self, briefing: Briefing, config: Config, store: bool) -> None:
        path = expand_path(config.output.path, briefing.date, briefing.news_date)
        write_output(path, render(briefing, "text"))
        problem = ""
        if store:
            try:
                record(briefing, config)  # what the user wrote is what the history keeps
            except StoreError as error:
                problem = str(error)
        self.post_message(Written(path, problem))

    @work(thread=True, group="history", exit_on_error=False)
    def _list_history(self, config: Config) -> None:
        with Store(store_path(config)) as store:
            self.post_message(PastListed(store.history()))

    @work(thread=True, group="history", exit_on_error=False)
    def _show_past(self, config: Config, number: int) -> None:
        with Store(store_path(config)) as store:
            self.post_message(PastShown(store.show(str(number), "text", self.day)))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Every worker's failure, expected or not, becomes a notification; the app carries on."""
        worker = event.worker
        if event.state != WorkerState.ERROR or worker.is_cancelled or isinstance(worker.error, Cancelled):
            return
        error = worker.error
        reason = str(error) if isinstance(error, BriefingError) else f"{type(error).__name__}: {error}"
        if worker.group in ("load", "summarize"):
            self.query_one("#busy").display = False
            self.query_one(StatusBar).update("No briefing")
        title = {"load": "No articles", "summarize": "Could not summarize", "write": "Not written"}.get(
            worker.group, "No history"
        )
        self.tell(reason, title=title, severity="error", timeout=10)

    def tell(self, message: str, title: str = "", severity: SeverityLevel = "information", timeout: float = 5) -> None:
        """A notification whose text is shown as it is: names and article text are never markup."""
        self.notify(printable(message), title=printable(title), severity=severity, timeout=timeout, markup=False)

    # Handlers --------------------------------------------------------------------------------

    def on_articles_read(self, message: ArticlesRead) -> None:
        self.articles = message.articles
        if message.problems:
            self.tell(problems_summary(message.problems), severity="warning")
        if self.store:
            self._busy("Reading the history…")
            self._read_history(message.articles, self.config, self.day)
        else:
            self.history = "off"
            self.resummarize()

    def on_history_read(self, message: HistoryRead) -> None:
        self.previous = message.previous
        self.history = "off" if message.previous is None else "read"
        if message.problem:
            self.tell(f"{message.problem}; items are not marked new or repeat", severity="warning")
        self.resummarize()

    def on_progressed(self, message: Progressed) -> None:
        self._busy(f"{message.stage.capitalize()}… {message.fraction:.0%}")

    def on_summarized(self, message: Summarized) -> None:
        if message.request == self.wanted:
            self.show_briefing(message.briefing)

    def on_written(self, message: Written) -> None:
        self.tell(f"Wrote {message.path.resolve()}", title="Digest written")
        if message.problem:
            self.tell(f"{message.problem}; the briefing was not recorded", severity="warning")

    def on_past_listed(self, message: PastListed) -> None:
        def chosen(number: int | None) -> None:
            if number is not None:
                self._show_past(self.config, number)

        self.push_screen(HistoryScreen(message.past), chosen)

    def on_past_shown(self, message: PastShown) -> None:
        self.push_screen(PastBriefingScreen(message.text))

    # Summarizing ---------------------------------------------------------------------------

    def resummarize(self) -> None:
        """Make the briefing the user asks for now; an older request still running is cancelled."""
        if self.articles is None or self.history == "reading":
            return
        self._busy("Summarizing…")
        self._summarize(self.wanted, self.articles, self.previous)

    def _busy(self, doing: str) -> None:
        self.query_one("#busy").display = True
        if self.briefing is None:
            self.query_one(StatusBar).update(doing)

    def show_briefing(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.query_one(StatusBar).show(briefing)
        items = self.query_one(ItemList)
        self.query_one("#busy").display = False
        self.shown = items.show(briefing, self.filter_text, self.hide_repeats)
        self._show_sources()

    # What is highlighted -------------------------------------------------------------------

    @property
    def current_item(self) -> BriefingItem | None:
        items = self.query_one(ItemList)
        if self.briefing is None or items.highlighted is None or items.highlighted >= len(self.shown):
            return None
        return self.briefing.items[self.shown[items.highlighted]]

    @property
    def current_source(self) -> SourceSentence | None:
        item = self.current_item
        if item is None:
            return None
        sources = self.query_one(SourceList)
        if self.focused is sources and sources.highlighted is not None:
            option = sources.get_option_at_index(sources.highlighted)
            return item.sources[int(option.id or 0)]
        return item.sources[0]

    def _article(self, id: str) -> Article:
        assert self.briefing is not None
        return next(a for a in self.briefing.articles if a.id == id)

    def _show_sources(self) -> None:
        articles = {a.id: a for a in self.briefing.articles} if self.briefing else {}
        for sources in self.query(SourceList):  # none while the app shuts down
            sources.show(self.current_item, articles, self.filter_text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "items":
            self._show_sources()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id in ("items", "sources"):
            self.action_open()

    # Actions -------------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        if isinstance(self.focused, OptionList):
            self.focused.action_cursor_down()

    def action_cursor_up(self) -> None:
        if isinstance(self.focused, OptionList):
            self.focused.action_cursor_up()

    def action_open(self) -> None:
        source = self.current_source
        if source is None or self.briefing is None:
            return
        marked = {s.sentence for item in self.briefing.items for s in item.sources[:1] if s.article == source.article}
        self.push_screen(ArticleScreen(self._article(source.article), source.sentence, marked))

    def action_longer(self) -> None:
        """One more item (per story). Presses while a summary runs add up: each asks for one more."""
        briefing = self.briefing
        if briefing is not None and self.wanted.count >= briefing.settings.sentences > _most_items(briefing):
            self.tell("Every fact worth a line is already in the briefing")
            return
        self.wanted = replace(self.wanted, count=self.wanted.count + 1)
        self.resummarize()

    def action_shorter(self) -> None:
        count = min(self.wanted.count, _most_items(self.briefing) if self.briefing else self.wanted.count)
        if count > 1:
            self.wanted = replace(self.wanted, count=count - 1)
            self.resummarize()

    def action_algorithm(self) -> None:
        def chosen(name: str | None) -> None:
            if name and name != self.wanted.algorithm:
                self.wanted = replace(self.wanted, algorithm=name)
                self.resummarize()

        self.push_screen(AlgorithmScreen(self.wanted.algorithm), chosen)

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.disabled = False
        field.add_class("-visible")
        field.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()
        if self.briefing is not None:
            self.shown = self.query_one(ItemList).show(self.briefing, self.filter_text, self.hide_repeats)
            self._show_sources()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._close_filter()

    def on_key(self, event: object) -> None:
        if event.key == "escape" and self.focused is self.query_one("#filter"):
            self._close_filter()

    def _close_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.remove_class("-visible")
        field.disabled = True
        self.query_one(ItemList).focus()

    def action_explain(self) -> None:
        source = self.current_source
        if source is not None:
            self.push_screen(ExplainScreen(self._article(source.article)))

    def action_write(self) -> None:
        if self.briefing is not None:
            self._write(self.briefing, self.config, self.store)

    def action_copy(self) -> None:
        source = self.current_source
        if source is not None:
            self.copy_to_clipboard(source.text)
            self.notify("Copied the sentence to the clipboard")

    def action_repeats(self) -> None:
        self.hide_repeats = not self.hide_repeats
        if self.briefing is not None:
            self.shown = self.query_one(ItemList).show(self.briefing, self.filter_text, self.hide_repeats)
            self._show_sources()
        self.notify("Repeats hidden" if self.hide_repeats else "Repeats shown")

    def action_history(self) -> None:
        self._list_history(self.config)

    def action_help(self) -> None:
        rows = []
        for key, _, _, text in ACTIONS:
            names = getattr(self.config.keys, key).split(",")
            rows.append((", ".join(_KEY_NAMES.get(n.strip(), n.strip()) for n in names), text))
        self.push_screen(HelpScreen(rows))


def _most_items(briefing: Briefing) -> int:
    """The most items any story of the briefing has: what `-` shortens and `+` lengthens."""
    return max((len(story.items) for story in briefing.stories), default=len(briefing.items))


def problems_summary(problems: Sequence[Skipped | Notice]) -> str:
    """One line for the files skipped or noted while reading, however many there are."""
    if len(problems) == 1:
        return str(problems[0])
    skipped = sum(isinstance(problem, Skipped) for problem in problems)
    parts = [f"{skipped} file{'s' if skipped != 1 else ''} skipped"] if skipped else []
    if len(problems) > skipped:
        parts.append(f"{len(problems) - skipped} noted")
    return f"{', '.join(parts)}; e explains"


def create_app(sources: list[str], config: Config, store: bool = True) -> BriefingApp:
    """The app the CLI runs and the tests drive."""
    return BriefingApp(sources, config, store)
