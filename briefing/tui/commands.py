"""The command palette offers the main screen's actions that work there now, by name (themes
come with Textual's own provider); it reads the same table as the keys and `?`, and asks the
same `check_action`, so it lists what `?` lists (it listed fetching with no feed configured,
and the next story on a day of one)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefing.tui.keys import ACTIONS, Action, enabled


def _title(help_text: str) -> str:
    return help_text[0].upper() + help_text[1:]


class BriefingCommands(Provider):
    def _run(self, action: str) -> None:
        """Run `action` on the main screen (under the palette), or the app's own."""
        self.app.call_later(self.app.run_action, action, self.app.screen_stack[0])

    def _offered(self) -> list[Action]:
        main = self.app.screen_stack[0]
        return [action for action in ACTIONS if enabled(action.action, main, main)]

    async def discover(self) -> Hits:
        for action in self._offered():
            yield DiscoveryHit(_title(action.help), partial(self._run, action.action))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for action in self._offered():
            title = _title(action.help)
            score = max(matcher.match(title), matcher.match(action.label))
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, action.action))
