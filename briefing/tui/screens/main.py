"""The main screen: the day's stories, the highlighted story's items, and the articles behind
the highlighted item.

It shows what the app hands it (`show`) and keeps only what the reader asks to see: the
story, the filter, hidden repeats, the highlighted item. The briefing itself, and every
change to it, belong to the app. A day of one story shows no stories pane.
"""

from __future__ import annotations

from typing import Literal, Protocol, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Input, OptionList

from briefing.models import Article, Briefing, BriefingItem, Problem, SourceSentence, Story
from briefing.tui.keys import acting_screen, bindings, screen_binding
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.explain import ExplainScreen
from briefing.tui.widgets.busy import SPIN_AFTER, Busy
from briefing.tui.widgets.filter import FilterInput
from briefing.tui.widgets.footer import KeyFooter
from briefing.tui.widgets.items import ItemList, nothing_shown, shown_items
from briefing.tui.widgets.sources import SourceList
from briefing.tui.widgets.status import StatusBar, shown_text, stored_text
from briefing.tui.widgets.stories import StoryList


class Host(Protocol):
    """What the main screen asks of the app that shows it (`briefing.tui.app.BriefingApp`),
    named here so that the screen does not import the app that imports it."""

    articles: tuple[Article, ...] | None
    problems: list[Problem]
    briefing: Briefing | None  # the briefing shown: the app's, never a copy
    stored: str | None  # when the briefing shown was made, while it is the stored one
    history: Literal["reading", "read", "off"]  # "off": no earlier item was read, so none of the items is a repeat
    day: str  # the day today's briefing is made for

    def start(self) -> None: ...

    def tell(
        self, message: str, title: str = "", severity: SeverityLevel = "information", timeout: float = 5
    ) -> None: ...

    def copy_text(self, text: str, what: str = "the sentence") -> None: ...


class MainScreen(Screen[None]):
    BINDINGS = [
        *bindings(),
        screen_binding("back", "clear_filter", "Clear filter", "clear the filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_text = ""
        self.hide_repeats = False
        self.story = 0  # the highlighted story, an index into briefing.stories
        self.shown: list[int] = []  # indexes of the listed items in the briefing
        self.doing = ""  # the work under way, as the status line says it
        self._classes_left: frozenset[str] = frozenset()  # the app's classes when another screen covered this one

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield StatusBar()
            yield Busy(id="busy")
        with Horizontal(id="panes"):
            stories = StoryList(id="stories")
            stories.display = False
            yield stories
            items = ItemList(id="items")
            items.border_title = "Briefing"
            yield items
            sources = SourceList(id="sources")
            sources.border_title = "Sources"
            yield sources
        yield FilterInput(placeholder="show only items with this text (enter keeps it, escape clears it)", id="filter")
        yield KeyFooter()

    @property
    def briefing_app(self) -> Host:
        return cast(Host, self.app)

    @property
    def briefing(self) -> Briefing | None:
        """The briefing shown: the app owns it; the screen keeps only what the reader looks at."""
        return self.briefing_app.briefing

    def on_mount(self) -> None:
        self.query_one(FilterInput).display = False
        self.query_one(ItemList).focus()
        self.briefing_app.start()

    def on_screen_suspend(self) -> None:
        self._classes_left = self._app_classes()

    def on_screen_resume(self) -> None:
        """The terminal may have been resized under an article: take the app's -narrow class now.
        Only then: restyling every widget took 0.1 s of each algorithm switch (the picker's closing)."""
        if self._app_classes() != self._classes_left:
            self.app.update_styles(self)

    def _app_classes(self) -> frozenset[str]:
        return self.app.classes | self.app.pseudo_classes

    # What the app hands over ---------------------------------------------------------------

    def busy(self, doing: str, always: bool = False) -> None:
        """Work is under way. The status line says which until a briefing is shown, or `always`
        (a fetch); a re-summary only spins the indicator, so the header stays readable."""
        self.query_one(Busy).spin(True, after=0 if self.briefing is None or always else SPIN_AFTER)
        self.doing = doing
        if self.briefing is None or always:
            self.query_one(StatusBar).update(doing)
        elif self.briefing_app.stored:  # what is under way shows beside the stored briefing's time
            self._status()

    def done(self) -> None:
        """The work ended without a new briefing: the header of the one shown comes back, or
        with none, what there is ("Fetching… 100%" stayed after a fetch that brought nothing)."""
        self.query_one(Busy).spin(False)
        if self.briefing is None:
            self.query_one(StatusBar).update(
                "No articles to read" if self.briefing_app.articles == () else "No briefing"
            )
        self._refresh()

    def failed(self) -> None:
        self.query_one(Busy).spin(False)
        self.doing = ""  # nothing under way: a stored briefing shown stays, not updated
        if self.briefing is None:
            self.query_one(StatusBar).update("No briefing")
        else:
            self._refresh()

    def no_articles(self, why: Text) -> None:
        """Reading gave no article: `why` (and what to do) stays where the briefing would be,
        not only in a notification that goes away."""
        self.query_one(Busy).spin(False)
        self.query_one(StatusBar).update("No articles to read")
        self.query_one(StoryList).display = False
        items = self.query_one(ItemList)
        items.border_title = "Briefing"
        items.tell(why)
        self.query_one(SourceList).clear_options()

    def show(self, before: Briefing | None, complete: bool = True) -> None:
        """Show the app's new briefing (one item more or fewer, another algorithm) on the same
        story as in the one shown `before` if it is still there, and on the same item, else at
        the same place in the list. Not `complete`: its first stories only, the others still
        being read."""
        briefing = self.briefing
        assert briefing is not None
        was, item = self._story_in(before), self._item_in(before)
        place = self.query_one(ItemList).highlighted or 0
        story = next((k for k, s in enumerate(briefing.stories) if was and s.articles == was.articles), None)
        self.story = story or 0
        self.query_one(Busy).spin(not complete)
        if story is None and briefing.stories:  # another story: its own first item
            item, place = None, 0
        # follow: a filter typed while the day was read goes to a story it leaves items in
        self._refresh(follow=True, keep=(item.text if item else None, place))

    def _refresh(self, follow: bool = False, keep: tuple[str | None, int] = (None, 0)) -> None:
        """List what the reader asks to see of the briefing, and say how much that is. `follow`:
        when the highlighted story shows nothing of it, go to the first story that does.
        `keep`: the item (its text) to highlight, else the place in the list."""
        briefing = self.briefing
        if briefing is None:
            return
        shown = self._shown_per_story(briefing)
        if follow and shown and not shown[self.story] and any(shown):
            self.story = next(k for k, count in enumerate(shown) if count)
        stories = self.query_one(StoryList)
        stories.display = len(briefing.stories) > 1
        if stories.display:
            stories.show(briefing.stories, shown, bool(self.query_text or self.hide_repeats), self.story)
        self._status(shown)
        self._show_items(*keep)

    def _status(self, shown: list[int] | None = None) -> None:
        """The header: what the briefing holds and, while it is the stored one, when it was made
        and how far today's is. `shown`: `_shown_per_story`, if worked out already."""
        briefing = self.briefing
        assert briefing is not None
        shown = self._shown_per_story(briefing) if shown is None else shown
        total = sum(shown) if briefing.stories else len(shown_items(briefing, self.query_text, self.hide_repeats))
        host = self.briefing_app
        stored = stored_text(host.stored, host.day, self.doing) if host.stored else None
        self.query_one(StatusBar).show(briefing, total, self.query_text, self.hide_repeats, stored)

    def _shown_per_story(self, briefing: Briefing) -> list[int]:
        """How many items of each story the filter and the hidden repeats leave."""
        return [len(shown_items(briefing, self.query_text, self.hide_repeats, s.items)) for s in briefing.stories]

    def _show_items(self, keep: str | None = None, place: int = 0) -> None:
        """The highlighted story's items (the day's, on a day of one story), as the filter leaves
        them; the one whose text is `keep` highlighted, else the one at `place`."""
        briefing = self.briefing
        if briefing is None:
            return
        story = self.current_story
        indexes = story.items if story else tuple(range(len(briefing.items)))
        self.shown = shown_items(briefing, self.query_text, self.hide_repeats, indexes)
        elsewhere = bool(shown_items(briefing, self.query_text, self.hide_repeats)) and not self.shown
        nothing = nothing_shown(self.query_text, self.hide_repeats, bool(indexes), elsewhere, briefing.settings.topic)
        items = self.query_one(ItemList)
        numbers = {index: number for number, index in enumerate(indexes, start=1)}
        texts = [briefing.items[i].text for i in self.shown]
        place = texts.index(keep) if keep in texts else place
        items.show(briefing, self.shown, numbers, self._reporting(), self.query_text, nothing, place)
        title = Text(f"Story {self.story + 1}: " if story and len(briefing.stories) > 1 else "Briefing: ")
        title.append_text(shown_text(len(self.shown), len(indexes), self.query_text, self.hide_repeats))
        items.border_title = title
        self._show_sources()

    # What is highlighted -------------------------------------------------------------------

    @property
    def current_story(self) -> Story | None:
        return self._story_in(self.briefing)

    @property
    def current_item(self) -> BriefingItem | None:
        return self._item_in(self.briefing)

    def _story_in(self, briefing: Briefing | None) -> Story | None:
        """The highlighted story, in `briefing` (the one the list shows)."""
        stories = briefing.stories if briefing else ()
        return stories[self.story] if self.story < len(stories) else None

    def _item_in(self, briefing: Briefing | None) -> BriefingItem | None:
        """The highlighted item, in `briefing` (the one the list shows)."""
        items = self.query_one(ItemList)
        if briefing is None or items.highlighted is None or items.highlighted >= len(self.shown):
            return None
        return briefing.items[self.shown[items.highlighted]]

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

    def _reporting(self) -> int:
        """How many articles report the highlighted story (the day's, without stories)."""
        story = self.current_story
        return len(story.articles) if story else len(self.briefing.articles) if self.briefing else 0

    def article(self, id: str) -> Article:
        assert self.briefing is not None
        return next(a for a in self.briefing.articles if a.id == id)

    def _show_sources(self) -> None:
        self.query_one(SourceList).show_item(self.briefing, self.current_item, self._reporting(), self.query_text)

    @on(OptionList.OptionHighlighted, "#items")
    def _item_highlighted(self) -> None:
        self._show_sources()

    @on(OptionList.OptionHighlighted, "#stories")
    def _story_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        story = int(event.option.id or 0)
        if story != self.story:
            self.story = story
            self._show_items()

    def action_story(self, step: int) -> None:
        """The next (1) or previous (-1) story's items, round the list; while a filter or the
        repeats hidden leave some stories empty, the next story that shows any."""
        stories = self.query_one(StoryList)
        briefing = self.briefing
        if briefing is None or len(briefing.stories) < 2:
            return
        shown = self._shown_per_story(briefing)
        listed = [int(option.id or 0) for option in stories.options]  # under a filter, the stories it leaves
        count = len(listed)
        # From the list's own cursor: a second ] may come before the first one's message.
        position = stories.highlighted or 0
        for _ in range(count):
            position = (position + step) % count
            if shown[listed[position]] or not any(shown):
                break
        stories.highlighted = position

    @on(OptionList.OptionSelected, "#items, #sources")
    def _selected(self) -> None:
        self.action_open()

    @on(OptionList.OptionSelected, "#stories")
    def _story_selected(self) -> None:
        self.query_one(ItemList).focus()

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
        chosen, briefing = source.article, self.briefing
        quoted = {s.sentence for item in briefing.items for s in item.sources[:1] if s.article == chosen}
        self.app.push_screen(ArticleScreen(self.article(chosen), source.sentence, quoted, chosen in briefing.teasers))

    def action_explain(self) -> None:
        source = self.current_source
        article = self.article(source.article) if source else None
        problems = self.briefing_app.problems
        if article is None and not problems:  # a dialog would have nothing to say
            self.briefing_app.tell("No item to explain, and no file was skipped", title="Explain")
            return
        self.app.push_screen(ExplainScreen(article, problems))

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
        self._refresh(follow=True)

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
        """Only keys that can act are offered (footer) and listed (`?`). Escape clears a
        filter; with none, it does nothing. With no article read there is nothing to filter
        or hide, and with no briefing no sentence to open or copy."""
        field = self.query_one(FilterInput)
        if action == "clear_filter":
            return bool(self.query_text) or field.display
        if action in ("filter", "repeats") and self.briefing_app.articles == ():
            return False
        if action in ("open", "copy"):
            return self.briefing is not None
        if action == "filter":  # in the field, "/" is a character to look for; over a dialog, nothing
            return self.focused is not field and acting_screen(self.app) is self
        if action == "story":  # a day of one story has no other to go to
            return self.briefing is not None and len(self.briefing.stories) > 1
        return True

    def action_repeats(self) -> None:
        if self.briefing_app.history == "off":  # r did nothing, and said nothing (a new user's finding)
            why = "No earlier briefing to compare with (the history's first, --no-store, or an unreadable history)"
            self.briefing_app.tell(f"{why}: no item is a repeat to hide", title="Repeats")
            return
        self.hide_repeats = not self.hide_repeats
        self._refresh(follow=True)

    def action_copy(self) -> None:
        source = self.current_source
        if source is not None:
            self.briefing_app.copy_text(source.text)
