"""The briefing beside the sentences behind it.

Summarizing runs in a thread worker that calls the same `summarize` as `briefing digest`; the
UI only shows results. Article text always goes through Rich `Text` objects, never markup.
"""

from __future__ import annotations

from dataclasses import replace

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Input, LoadingIndicator, OptionList
from textual.worker import get_current_worker

from briefing import load_articles, render, summarize
from briefing.clock import today
from briefing.config import Config
from briefing.errors import BriefingError
from briefing.history.daily import earlier_items, record
from briefing.history.store import Store, StoreError, store_path
from briefing.models import Article, Briefing, BriefingItem, SourceSentence
from briefing.output import expand_path, write_output
from briefing.tui.commands import BriefingCommands
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
        self.previous: list[str] | None = None  # earlier items, once the history was read
        self.hide_repeats = False
        self.count = config.summary.sentences or 8
        self.algorithm = config.summary.algorithm
        self.filter_text = ""
        self.articles: tuple[Article, ...] | None = None
        self.briefing: Briefing | None = None
        self.shown: list[int] = []
        self.set_keymap({key: getattr(config.keys, key) for key, *_ in ACTIONS})

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield StatusBar("Summarizing…")
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
        self.resummarize()

    def on_resize(self) -> None:
        self.screen.set_class(self.size.width < NARROW, "-narrow")

    # Summarizing ---------------------------------------------------------------------------

    def resummarize(self) -> None:
        self.query_one("#busy").display = True
        self.summarize_in_background(self.count, self.algorithm)

    @work(thread=True, exclusive=True, group="summarize")
    def summarize_in_background(self, count: int, algorithm: str) -> None:
        worker = get_current_worker()
        try:
            if self.articles is None:
                self.articles, problems = load_articles(self.sources, self.config)
                for problem in problems:
                    self.call_from_thread(self.notify, str(problem), severity="warning")
            summary = replace(self.config.summary, sentences=count, words=0, bytes=0, algorithm=algorithm)
            briefing = replace(self._marked_summary(self.articles, replace(self.config, summary=summary)), date=today())
        except BriefingError as error:
            self.call_from_thread(self._failed, str(error))
            return
        if not worker.is_cancelled:
            self.call_from_thread(self.show_briefing, briefing)

    def _marked_summary(self, articles: tuple[Article, ...], config: Config) -> Briefing:
        """Every briefing is marked against the history, which browsing only reads."""
        if self.store and self.previous is None:
            try:
                self.previous = earlier_items(articles, self.config, today())
            except StoreError as error:
                self.store = False
                self.call_from_thread(self.notify, f"{error}; items are not marked", severity="warning", markup=False)
        return summarize(articles, config, previous=self.previous if self.store else None)

    def _failed(self, reason: str) -> None:
        self.query_one("#busy").display = False
        self.query_one(StatusBar).update("No briefing")
        self.notify(reason, title="Could not summarize", severity="error", timeout=10)

    def on_worker_state_changed(self, event: object) -> None:
        from textual.worker import WorkerState

        worker = event.worker
        if event.state == WorkerState.ERROR:
            self._failed(f"{type(worker.error).__name__}: {worker.error}")

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
        if self.briefing is not None and len(self.briefing.items) < self.count:
            self.notify("Every fact worth a line is already in the briefing")
            return
        self.count += 1
        self.resummarize()

    def action_shorter(self) -> None:
        shown = len(self.briefing.items) if self.briefing else self.count
        if min(self.count, shown) > 1:
            self.count = min(self.count, shown) - 1
            self.resummarize()

    def action_algorithm(self) -> None:
        def chosen(name: str | None) -> None:
            if name and name != self.algorithm:
                self.algorithm = name
                self.resummarize()

        self.push_screen(AlgorithmScreen(self.algorithm), chosen)

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
        if self.briefing is None:
            return
        try:
            path = expand_path(self.config.output.path, self.briefing.date, self.briefing.news_date)
            write_output(path, render(self.briefing, "text"))
        except BriefingError as error:
            self.notify(str(error), title="Not written", severity="error", markup=False)
            return
        self.notify(f"Wrote {path.resolve()}", title="Digest written", markup=False)
        if self.store:
            try:
                record(self.briefing, self.config)  # what the user wrote is what the history keeps
            except StoreError as error:
                self.notify(f"{error}; not recorded", severity="warning", markup=False)

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
        try:
            with Store(store_path(self.config)) as store:
                past = store.history()
        except StoreError as error:
            self.notify(str(error), title="No history", severity="error")
            return

        def chosen(number: int | None) -> None:
            if number is not None:
                with Store(store_path(self.config)) as store:
                    self.push_screen(PastBriefingScreen(store.show(str(number), "text", today())))

        self.push_screen(HistoryScreen(past), chosen)

    def action_help(self) -> None:
        rows = []
        for key, _, _, text in ACTIONS:
            names = getattr(self.config.keys, key).split(",")
            rows.append((", ".join(_KEY_NAMES.get(n.strip(), n.strip()) for n in names), text))
        self.push_screen(HelpScreen(rows))


def create_app(sources: list[str], config: Config, store: bool = True) -> BriefingApp:
    """The app the CLI runs and the tests drive."""
    return BriefingApp(sources, config, store)
