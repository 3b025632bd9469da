"""The TUI's keys: the main screen's actions in one table (its key bindings, the footer, `?`
and the palette), and the bindings of the other screens.

Every binding's id is its key in config.toml [keys], so a user remaps it there, on every
screen at once (`down` moves in the items, an article and the algorithm picker alike). The
help and the command palette read the same table, so they can never offer an action the
screen lacks, or miss one it has.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.screen import Screen

from briefing.config import KeysConfig


@dataclass(frozen=True, slots=True)
class Action:
    id: str  # binding id: the key of config.toml [keys]
    action: str
    label: str  # in the footer
    help: str  # in `?` and the command palette
    footer: bool = False


ACTIONS = (
    Action("down", "cursor_down", "Down", "next item or source sentence"),
    Action("up", "cursor_up", "Up", "previous item or source sentence"),
    Action("next_pane", "app.focus_next", "Next pane", "next pane"),
    Action("previous_pane", "app.focus_previous", "Previous pane", "previous pane"),
    Action("next_story", "story(1)", "Next story", "the next story's items"),
    Action("previous_story", "story(-1)", "Previous story", "the previous story's items"),
    Action("open", "open", "Article", "open the article at this sentence", footer=True),
    Action("longer", "app.longer", "Longer", "one more item per story, re-summarized", footer=True),
    Action("shorter", "app.shorter", "Shorter", "one item fewer per story, re-summarized", footer=True),
    Action("algorithm", "app.algorithm", "Algorithm", "choose the algorithm that rates sentences", footer=True),
    Action("filter", "filter", "Filter", "show only items and sources containing what you type", footer=True),
    Action("repeats", "repeats", "Repeats", "hide or show items that repeat earlier briefings"),
    Action("explain", "explain", "Explain", "what cleaning removed, and what was skipped"),
    Action("write", "app.write", "Write", "write the digest to a file and record it", footer=True),
    Action("copy", "copy", "Copy", "copy the highlighted sentence"),
    Action("history", "app.history", "History", "open a past briefing", footer=True),
    Action("fetch", "app.fetch", "Fetch", "fetch the configured feeds now, then summarize again"),
    Action("help", "app.help", "Help", "the keys that work here", footer=True),
    Action("quit", "app.quit", "Quit", "quit", footer=True),
)

# Read beside the keys on the main screen: what its marks and numbers mean.
LEGEND = (
    ("2/5", "2 of the 5 articles on the item's story report it"),
    ("(new/update/repeat)", "an item against earlier days' briefings"),
    ("new, ongoing", "a story not in earlier briefings, or one that was"),
)

# Actions that go both ways share a line of `?`, so that every key fits on an 80x24 screen.
PAIRS = (
    ("down", "up", "next / previous item or source sentence"),
    ("next_pane", "previous_pane", "next / previous pane"),
    ("next_story", "previous_story", "the next / previous story's items"),
    ("longer", "shorter", "one item more / fewer per story, re-summarized"),
)


EVERYWHERE = ("help", "quit")  # the app's own bindings; the others are the main screen's


def bindings(everywhere: bool = False) -> list[BindingType]:
    """The app's bindings (`everywhere`) or the main screen's, with [keys]' default keys; the app
    maps the config's onto them by binding id."""
    return [_binding(a) for a in ACTIONS if (a.id in EVERYWHERE) == everywhere]


def screen_binding(id: str, action: str, label: str, help: str = "", show: bool = True) -> Binding:
    """A binding of a screen other than the main one, under [keys] `id` (its default key from
    there): `help` is its line in `?` (none when empty)."""
    return Binding(getattr(KeysConfig(), id), action, label, show=show, tooltip=help, id=id)


def motion_bindings(what: str) -> list[BindingType]:
    """j/k (as [keys] down and up map them) on a screen of its own, whose `action_move(step)`
    moves through `what`: the past briefings, a past briefing's lines."""
    return [
        screen_binding("down", "move(1)", "Down", f"next {what}", show=False),
        screen_binding("up", "move(-1)", "Up", f"previous {what}", show=False),
    ]


def dialog_bindings() -> list[BindingType]:
    """`?` on a dialog. A modal screen passes on only the app's priority bindings, so the app's
    own `?`, which the footer offers over the dialog, did nothing there. The same binding id
    keeps a key remapped in [keys] remapped here too."""
    return [_binding(a) for a in ACTIONS if a.id == "help"]


def _binding(action: Action) -> Binding:
    return Binding(
        getattr(KeysConfig(), action.id),
        action.action,
        action.label,
        show=action.footer,
        tooltip=action.help,
        id=action.id,
        # Handled as the key arrives, not after the keys queued behind it: "/putin" sent at
        # once must reach the filter it opens (and q quits from any pane or dialog; in the
        # filter it is a letter to look for, as Textual gives typed keys to the input).
        priority=action.id in ("quit", "filter"),
    )


def acting_screen(app: App[Any]) -> Screen[Any]:
    """The screen keys act on: the one under the command palette while it is open (the palette
    offers that screen's actions, and runs them once it is closed)."""
    return next(screen for screen in reversed(app.screen_stack) if not isinstance(screen, CommandPalette))


def enabled(action: str, node: DOMNode, screen: Screen[object]) -> bool:
    """Whether a binding's `action` (`app.` the app's, `screen.` the screen's, else `node`'s)
    can act on `screen` now, as the footer, `?` and the palette offer it."""
    namespace, _, call = action.partition("(")[0].rpartition(".")
    target = {"app": screen.app, "screen": screen}.get(namespace, node)
    return bool(target.check_action(call, ()))


def help_rows(screen: Screen[object], keymap: dict[str, str]) -> list[tuple[str, str]]:
    """The keys that work on `screen` (as remapped by `keymap`), each with what it does; the two
    keys of an action that goes both ways (`PAIRS`) on one line.

    Read from the screen's and the app's bindings, those with a help text (`tooltip`) whose
    action is enabled there, so a key that does nothing on a screen is not listed on it.
    """
    app = screen.app
    rows: dict[str, list[str]] = {}
    for node in (screen, app):
        for binding in node.BINDINGS:
            if not isinstance(binding, Binding) or not binding.tooltip:
                continue
            if not enabled(binding.action, node, screen):
                continue
            keys = rows.setdefault(binding.tooltip, [])
            for key in keymap.get(binding.id or "", binding.key).split(","):
                display = app.get_key_display(replace(binding, key=key.strip()))
                if display not in keys:
                    keys.append(display)
    listed = [(", ".join(keys), text) for text, keys in rows.items()]
    helps = {action.id: action.help for action in ACTIONS}
    for first, second, text in PAIRS:
        both = [row for row in listed if row[1] in (helps[first], helps[second])]
        if len(both) == 2:
            at = listed.index(both[0])
            listed = [row for row in listed if row not in both]
            listed.insert(at, (f"{both[0][0]} / {both[1][0]}", text))
    return listed
