"""The main screen: the briefing's items beside the articles behind the highlighted one.

It shows what the app hands it (`show`) and keeps only what the reader asks to see: the
filter, hidden repeats, the highlighted item. The briefing itself, and every change to it,
belong to the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, LoadingIndicator, OptionList

from briefing.models import Article, Briefing, BriefingItem, SourceSentence
from briefing.tui.keys import bindings
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.explain import ExplainScreen
from briefing.tui.widgets.footer import KeyFooter
from briefing.tui.widgets.items import ItemList, shown_items
from briefing.tui.widgets.sources import SourceList
from briefing.tui.widgets.status import StatusBar

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


class FilterInput(Input):
    """The filter's text; escape clears it and goes back to the items."""

    BINDINGS = [Binding("escape", "screen.clear_filter", "Clear", tooltip="clear the filter", id="filter.clear")]


class MainScreen(Screen[None]):
    BINDINGS = [
        *bindings(),
        Binding("escape", "clear_filter", "Clear filter", show=False, tooltip="clear the filter", id="main.clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.briefing: Briefing | None = None
        self.query_text = ""
        self.hide_repeats = False
        self.shown: list[int] = []  # indexes of the listed items in the briefing

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
        yield FilterInput(placeholder="show only items with this text (enter keeps it, escape clears it)", id="filter")
        yield KeyFooter()

    @property
    def briefing_app(self) -> BriefingApp:
        return cast("BriefingApp", self.app)

    def on_mount(self) -> None:
        self.query_one(FilterInput).display = False
        self.query_one(ItemList).focus()
        self.briefing_app.start()

    def on_screen_resume(self) -> None:
        """The terminal may have been resized under an article: take the app's -narrow class now."""
        self.app.update_styles(self)

    # What the app hands over ---------------------------------------------------------------

    def busy(self, doing: str) -> None:
        """Work is under way; until a briefing is shown, the status line says which."""
        self.query_one("#busy").display = True
        if self.briefing is None:
            self.query_one(StatusBar).update(doing)

    def failed(self) -> None:
        self.query_one("#busy").display = False
        if self.briefing is None:
            self.query_one(StatusBar).update("No briefing")

    def show(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.query_one("#busy").display = False
        self._refresh()

    def _refresh(self) -> None:
        """List what the reader asks to see of the briefing, and say how much that is."""
        briefing = self.briefing
        if briefing is None:
            return
        self.shown = shown_items(briefing, self.query_text, self.hide_repeats)
        self.query_one(ItemList).show(briefing, self.shown, self.query_text, self.hide_repeats)
        self.query_one(StatusBar).show(briefing, len(self.shown), self.query_text, self.hide_repeats)
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

    def article(self, id: str) -> Article:
        assert self.briefing is not None
        return next(a for a in self.briefing.articles if a.id == id)

    def _show_sources(self) -> None:
        articles = {a.id: a for a in self.briefing.articles} if self.briefing else {}
        self.query_one(SourceList).show(self.current_item, articles, self.query_text)

    @on(OptionList.OptionHighlighted, "#items")
    def _item_highlighted(self) -> None:
        self._show_sources()

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
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
        quoted = {s.sentence for item in self.briefing.items for s in item.sources[:1] if s.article == source.article}
        self.app.push_screen(ArticleScreen(self.article(source.article), source.sentence, quoted))

    def action_explain(self) -> None:
        source = self.current_source
        article = self.article(source.article) if source else None
        self.app.push_screen(ExplainScreen(article, self.briefing_app.problems))

    def action_filter(self, text: str | None = None) -> None:
        field = self.query_one(FilterInput)
        field.display = True
        if text is not None:
            field.value = text
            field.cursor_position = len(text)
        # At once, not after a refresh as `focus()` does: keys typed or sent right after "/"
        # (tmux send-keys "/putin") are already queued, and must reach the field.
        self.set_focus(field)

    def on_paste(self, event: events.Paste) -> None:
        """A pasted "/putin" filters for "putin", as typing it would."""
        if event.text.startswith("/") and self.focused is not self.query_one(FilterInput):
            event.stop()
            self.action_filter(event.text[1:].strip())

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self._refresh()

    @on(Input.Submitted, "#filter")
    def _filter_kept(self) -> None:
        field = self.query_one(FilterInput)
        field.display = bool(field.value.strip())
        self.set_focus(self.query_one(ItemList))

    def action_clear_filter(self) -> None:
        field = self.query_one(FilterInput)
        field.value = ""
        field.display = False
        self.set_focus(self.query_one(ItemList))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape clears a filter; with none, it does nothing (and `?` does not list it)."""
        field = self.query_one(FilterInput)
        if action == "clear_filter":
            return bool(self.query_text) or field.display
        if action == "filter":  # in the field, "/" is a character to look for; over a dialog, nothing
            return self.focused is not field and self.app.screen is self
        return True

    def action_repeats(self) -> None:
        self.hide_repeats = not self.hide_repeats
        self._refresh()

    def action_copy(self) -> None:
        source = self.current_source
        if source is not None:
            self.briefing_app.copy_text(source.text)
