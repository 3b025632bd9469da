"""A yes-or-no question before the TUI does something that cannot be undone, such as writing
over a file that holds another briefing. Escape, the safe answer, is the way out."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.sanitize import printable
from briefing.tui.keys import dialog_bindings, screen_binding


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for enter, False for escape (as remapped in [keys]: open, back)."""

    BINDINGS = [
        screen_binding("open", "answer(True)", "Yes", "yes"),
        screen_binding("back", "answer(False)", "No", "no"),
        *dialog_bindings(),
    ]

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        box = Static(Text(printable(self.question)), id="confirm-box")
        box.border_title = printable(self.title_text, one_line=True)
        box.border_subtitle = "enter: yes, escape: no"
        yield box

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
