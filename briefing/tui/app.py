"""The briefing beside the sentences behind it.

Reading articles and the history, summarizing and writing run in thread workers
(`briefing.tui.workers`), each calling one core function (the same ones `briefing digest`
calls) and posting the result as a message; only the app's handlers, here, change its
state, on its own thread. Article text and names are always shown as Rich `Text` or with
markup off, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual import events
from textual.app import App
from textual.notifications import SeverityLevel
from textual.worker import Worker, WorkerState

from briefing.clock import today
from briefing.config import Config, config_path
from briefing.errors import BriefingError
from briefing.models import Article, Briefing, Problem
from briefing.output.problems import problems_count
from briefing.output.write import not_delivered
from briefing.run.stored import keep_briefing, sources_key
from briefing.sanitize import printable
from briefing.tui import theme
from briefing.tui.commands import BriefingCommands
from briefing.tui.keys import LEGEND, acting_screen, bindings, help_rows
from briefing.tui.lengths import NOTHING_MORE, most_items, nothing_more
from briefing.tui.messages import (
    ArticlesRead,
    Copied,
    Fetched,
    NothingToRead,
    PastListed,
    PastShown,
    Progressed,
    ReplaceAsked,
    StoredFound,
    Summarized,
    Written,
    configured,
    fetched_text,
    left_as,
)
from briefing.tui.screens.algorithm import AlgorithmScreen, DayCost
from briefing.tui.screens.confirm import ConfirmScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.history import HistoryScreen, PastBriefingScreen
from briefing.tui.screens.main import Host, MainScreen
from briefing.tui.screens.welcome import WelcomeScreen
from briefing.tui.widgets.footer import NARROW
from briefing.tui.widgets.items import no_articles, problems_summary
from briefing.tui.workers import Cancelled, Workers

if TYPE_CHECKING:
    from briefing.run.day import Day
    from briefing.storage.shown import Origin


class BriefingApp(Workers):
    """`briefing` in a terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {BriefingCommands}
    BINDINGS = bindings(everywhere=True)

    def __init__(
        self,
        sources: list[str],
        config: Config,
        store: bool = True,
        theme_name: str | None = None,
        config_file: Path | None = None,
    ) -> None:
        super().__init__()
        self.sources = sources
        self.config = config
        self.config_file = config_file  # where `config` was read from, or would be; named in the welcome
        self.store = store
        self.articles: tuple[Article, ...] | None = None  # once read; empty when reading gave none
        self.problems: list[Problem] = []  # files skipped or noted while reading
        self.history: Literal["reading", "read", "off"] = "reading" if store else "off"
        self.previous: list[str] | None = None  # the earlier items marks are made against, once read
        self.day = today()  # the day the briefing is made for; marks compare with the days before
        self.wanted = configured(config)
        self.briefing: Briefing | None = None  # the one briefing shown: the main screen reads it here
        # When the briefing shown was made, while it is the one stored in the history (the last
        # made of the same sources, shown until today's is); None once today's is shown.
        self.stored: str | None = None
        self.key = sources_key(sources, config)  # what the stored briefing is kept under
        self.kept: Briefing | None = None  # the briefing kept for the next launch, once it is
        self.origin: Origin | None = None  # what the day's briefings are made from, once read
        self.session: Day | None = None  # the day's articles and what summarizing them gave so far
        # Each reading of the day and each request gets a new number; a result for an older
        # one is dropped, so a briefing of the articles before `f` never flashes after it.
        self.generation = 0
        self.keymap: dict[str, str] = asdict(config.keys)  # every screen's bindings, by binding id
        self.set_keymap(self.keymap)
        if theme_name in self.available_themes:
            self.theme = theme_name

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        """The main screen, under any article or dialog."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def start(self) -> None:
        """Begin reading the articles; the main screen calls it once it is there to show them."""
        self._read_day()

    def _read_day(self) -> None:
        self.generation += 1
        self.main.busy("Reading articles…")
        stored = self.key if self.store and self.briefing is None else None  # shown while today's is made
        self._read(self.generation, self.sources, self.config, self.store, stored)

    def on_unmount(self) -> None:
        """Keep the briefing as the reader leaves it (one item more, another algorithm), for the
        next launch to show; a stored one shown till now is in the history already."""
        if self.store and self.briefing is not None and self.stored is None and self.briefing is not self.kept:
            keep_briefing(self.key, self.briefing, self.config, self.origin)

    def on_resize(self, event: events.Resize) -> None:
        """Stack the panes on narrow terminals, by the new size (the event's: the app's own size
        may still be the old one). On the app, so a screen under an article follows too."""
        self.set_class(event.size.width < NARROW, "-narrow")

    def watch_theme(self, name: str) -> None:
        """Remember the chosen theme for the next start."""
        if self.is_running:
            self._save_theme(name)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Every worker's failure, expected or not, becomes a notification; the app carries on."""
        worker = event.worker
        if event.state != WorkerState.ERROR or worker.is_cancelled or isinstance(worker.error, Cancelled):
            return
        error = worker.error
        reason = str(error) if isinstance(error, BriefingError) else f"{type(error).__name__}: {error}"
        if worker.group == "load" and self.briefing is None:
            self._no_articles(reason)
        elif worker.group in ("load", "summarize", "fetch"):
            self.main.failed()
        title = {
            "load": "No articles",
            "summarize": "Could not summarize",
            "write": "Not written",
            "history": "No history",
            "theme": "Theme not remembered",
            "fetch": "Not fetched",
        }.get(worker.group, "Failed")
        self.tell(reason, title=title, severity="error", timeout=10)

    def tell(self, message: str, title: str = "", severity: SeverityLevel = "information", timeout: float = 5) -> None:
        """A notification whose text is shown as it is: names and article text are never markup,
        and, as on the command line's stderr, a newline in a name does not break the line."""
        text, heading = printable(message, one_line=True), printable(title, one_line=True)
        self.notify(text, title=heading, severity=severity, timeout=timeout, markup=False)

    # Handlers --------------------------------------------------------------------------------

    def on_articles_read(self, message: ArticlesRead) -> None:
        if message.generation != self.generation:
            return  # the day was read again since
        read = message.read
        if not read.articles:  # every file skipped: the screen says so, and what to do
            self._no_articles(problems_count(read.problems) or "nothing was read", read.problems)
            return
        self.articles, self.problems = read.articles, read.problems
        self.previous, self.history = read.previous, ("read" if read.previous else "off")
        from briefing.run.day import Day  # loaded by the reading worker already

        self.session = Day.of(read, self.day)
        if read.origin is None or read.origin != self.origin:  # the first briefing of these articles is kept
            self.kept, self.origin = None, read.origin
        self.refresh_bindings()  # after a read that gave none, +, - and a are back
        if said := problems_summary(read.problems):
            self.tell(said, severity="warning")
        if read.history_failure:
            self.tell(f"{read.history_failure}; items are not marked new or repeat", severity="warning")
        self.resummarize()

    def on_stored_found(self, message: StoredFound) -> None:
        """Show the stored briefing, marked as such, while today's is made as it was (`request`);
        unmarked when it is today's: kept as it is (the day is still read, for + and - and
        another algorithm; today's first story alone does not replace it)."""
        if message.generation == self.generation and self.briefing is None and self.articles is None:
            self.wanted = message.request
            self.briefing, self.stored = message.stored.briefing, message.stored.made
            if message.today:
                self.stored, self.kept, self.origin = None, message.stored.briefing, message.stored.origin
            self.main.show(None, complete=False)
            self.refresh_bindings()
            notice = left_as(message.request, configured(self.config), self.keymap, self.get_key_display)
            if notice:  # say why this launch is not what config.toml asks for
                self.tell(notice, title="Settings", timeout=8)

    def on_nothing_to_read(self, message: NothingToRead) -> None:
        if self.sources or self.config.sources.feeds:  # a named folder held nothing, or f can fetch some
            self._no_articles(message.reason)
            return
        self.articles = ()
        self.main.failed()
        self.push_screen(WelcomeScreen(message.reason, self.config_file))  # nothing named, nothing configured

    def _no_articles(self, reason: str, problems: Sequence[Problem] = ()) -> None:
        """Reading gave no article: the main screen keeps saying why and what to do, and the
        keys that would work on a briefing leave the footer."""
        self.articles = ()
        self.briefing = self.stored = None
        self.problems = list(problems)
        fetch = bool(self.config.sources.feeds) and not self.sources  # fetched articles join [sources] only
        self.main.no_articles(no_articles(reason, bool(problems), fetch))
        self.refresh_bindings()

    def on_progressed(self, message: Progressed) -> None:
        self.main.busy(f"{message.stage.capitalize()}… {message.fraction:.0%}", always=message.stage == "fetching")

    def on_fetched(self, message: Fetched) -> None:
        report = message.report
        self.tell(
            fetched_text(report),
            title="Fetched" if report.feeds or report.pages or not report.failures else "Nothing fetched",
            severity="warning" if report.failures else "information",
        )
        if report.new and not self.sources:  # fetched articles join a briefing of [sources]
            self._read_day()
        else:
            self.main.done()
            if report.new:
                self.tell("The new articles are in briefings of [sources]: start briefing without a folder")

    def on_summarized(self, message: Summarized) -> None:
        """Show the briefing made; over a stored or kept one, only today's whole briefing (its
        first story alone would take the other stories off the screen)."""
        if message.generation == self.generation and message.request == self.wanted:
            if (self.stored or self.briefing is self.kept is not None) and not message.complete:
                return
            before, self.briefing = self.briefing, message.briefing
            stored, self.stored = self.stored, None
            self.main.show(before, message.complete)
            if message.complete and before is not None and nothing_more(before, message.briefing):
                self.tell(NOTHING_MORE)
            if stored or before is None or _several_stories(before) != _several_stories(message.briefing):
                self.refresh_bindings()  # w can write it now; s goes to another story, if any
            if message.complete and self.store and self.kept is None:
                # Once a reading: a briefing kept at each + or - made the next one 0.3 s slower.
                self.kept = message.briefing
                self._keep(self.key, message.briefing, self.config, self.origin)
            elif before is not None and before is self.kept and message.briefing.settings == before.settings:
                self.kept = message.briefing  # made again as it was kept: not kept again

    def on_written(self, message: Written) -> None:
        said = f"{'Replaced' if message.replaced else 'Wrote'} {message.path.resolve()}"
        hidden = self.main.query_text or self.main.hide_repeats  # w writes the briefing, not the view
        self.tell(f"{said}, all items (some hidden on screen)" if hidden else said, title="Digest written")
        if message.problem:
            self.tell(f"{message.problem}; the briefing was not recorded", severity="warning")

    def on_replace_asked(self, message: ReplaceAsked) -> None:
        """The file `w` writes holds another briefing (the day's of other sources, say): ask."""
        path = message.path.resolve()

        def chosen(replace: bool | None) -> None:
            if replace:  # escape keeps the file: the user knows, no notice says it again
                self._write(message.briefing, self.config, self.store, confirmed=True)

        question = f"{path} already exists and holds something else.\nReplace it?"
        self.push_screen(ConfirmScreen("Replace the file?", question), chosen)

    def on_copied(self, message: Copied) -> None:
        if message.tool:
            self.tell(f"Copied {message.what} to the clipboard ({message.tool})")
            return
        # No clipboard program answered: ask the terminal (OSC 52). Whether it obliges cannot
        # be known from here, so the message does not claim that it did.
        self.copy_to_clipboard(message.text)
        self.tell(
            f"Asked the terminal to copy {message.what} (OSC 52); terminals that do not allow it ignore it",
            title="Copy",
        )

    def on_past_listed(self, message: PastListed) -> None:
        if not message.past:
            self.tell("No briefing recorded yet: w writes the digest and records it", title="History")
            return

        def chosen(number: int | None) -> None:
            if number is not None:
                self._show_past(self.config, number)

        self.push_screen(HistoryScreen(message.past, message.usual), chosen)

    def on_past_shown(self, message: PastShown) -> None:
        self.push_screen(PastBriefingScreen(message.text))

    # Summarizing ---------------------------------------------------------------------------

    def resummarize(self) -> None:
        """Make the briefing the user asks for now; an older request still running is cancelled."""
        if not self.articles or self.session is None:
            return
        self.generation += 1
        self.main.busy("Summarizing…")
        self._summarize(self.generation, self.wanted, self.session)

    # Actions -------------------------------------------------------------------------------

    def action_longer(self) -> None:
        """One more item (per story). Presses while a summary runs add up: each asks for one more."""
        briefing = None if self.stored else self.briefing  # today's may hold more than the stored one
        if briefing is not None and self.wanted.count >= briefing.settings.sentences > most_items(briefing):
            self.tell(NOTHING_MORE)
            return
        self.wanted = replace(self.wanted, count=self.wanted.count + 1)
        self.resummarize()

    def action_shorter(self) -> None:
        count = min(self.wanted.count, most_items(self.briefing) if self.briefing else self.wanted.count)
        if count <= 1:
            self.tell("The briefing is down to one item per story, its shortest")
            return
        self.wanted = replace(self.wanted, count=count - 1)
        self.resummarize()

    def action_algorithm(self) -> None:
        def chosen(name: str | None) -> None:
            if name and name != self.wanted.algorithm:
                self.wanted = replace(self.wanted, algorithm=name)
                self.resummarize()

        day = self.session
        cost = DayCost(day.shown_sentences, dict(day.rating)) if day is not None and day.shown_sentences else None
        self.push_screen(AlgorithmScreen(self.wanted.algorithm, cost), chosen)

    def action_write(self) -> None:
        if self.briefing is None:
            return
        refused = not_delivered(self.briefing)  # the command line refuses the same briefings
        if refused:
            self.tell(f"{refused}; nothing written", title="Not written", severity="warning")
            return
        self._write(self.briefing, self.config, self.store)

    def action_history(self) -> None:
        self._list_history(self.config)

    def action_fetch(self) -> None:
        self.main.busy("Fetching…", always=True)
        self._fetch(self.config)

    def copy_text(self, text: str, what: str = "the sentence") -> None:
        self._copy(text, what)

    def action_help(self) -> None:
        legend = LEGEND if self.screen is self.main else ()
        self.push_screen(HelpScreen(help_rows(self.screen, self.keymap), legend))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only keys that can act are offered in the footer (and listed by `?`). What changes
        the briefing works from the main screen only, not over an article or a dialog; with
        no article read there is nothing to lengthen, shorten or rate, with no briefing
        nothing to write, and with no feed configured nothing to fetch."""
        if (
            action in ("longer", "shorter", "algorithm", "write", "history", "fetch")
            and acting_screen(self) is not self.main
        ):
            return False
        if action in ("longer", "shorter", "algorithm"):
            return self.articles != ()
        if action == "write":  # today's briefing, not the stored one shown until it is made
            return self.briefing is not None and self.stored is None
        if action == "fetch":  # `briefing seeds` with no feeds configured listed f in `?` (a new user's finding)
            return bool(self.config.sources.feeds)
        return True


def _several_stories(briefing: Briefing) -> bool:
    return len(briefing.stories) > 1


_HOST: type[Host] = BriefingApp  # the main screen's view of the app: mypy checks that it holds


def create_app(sources: list[str], config: Config, store: bool = True, config_named: str | None = None) -> BriefingApp:
    """The app the CLI runs and the tests drive, in the theme the user chose last.
    `config_named` is --config, if given: `config` was read from the file it names."""
    return BriefingApp(sources, config, store, theme.saved(), config_path(config_named))
