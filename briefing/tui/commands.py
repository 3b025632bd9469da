"""Command-palette entries for the app's actions (themes come with Textual's own provider)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS = (
    ("Open the article at this sentence", "open"),
    ("Longer briefing (one more item)", "longer"),
    ("Shorter briefing (one item fewer)", "shorter"),
    ("Choose the algorithm", "algorithm"),
    ("Filter items and sources", "filter"),
    ("Explain what cleaning removed", "explain"),
    ("Write the digest to a file", "write"),
    ("Copy the sentence", "copy"),
    ("Show the keys", "help"),
)


class BriefingCommands(Provider):
    async def discover(self) -> Hits:
        for title, action in COMMANDS:
            yield DiscoveryHit(title, partial(self.app.run_action, action))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action in COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.app.run_action, action))
