"""The full cleaned article, the chosen sentence highlighted in the middle of the screen, under
its source, title, date and address (c copies the address)."""

from __future__ import annotations

from typing import Protocol, cast

from rich.console import Console
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from briefing.models import Article
from briefing.output.render import TEASER_WHY
from briefing.sanitize import printable, shown_name
from briefing.tui.keys import screen_binding
from briefing.tui.widgets.footer import KeyFooter
from briefing.urls import shown_url


class _Copies(Protocol):
    """The app, as this screen uses it: named here so that the screen does not import the app."""

    def copy_text(self, text: str, what: str = "the sentence") -> None: ...


def article_text(article: Article, chosen: int, marked: set[int]) -> list[Text]:
    """One Text per paragraph: the chosen sentence reversed, other briefing sentences underlined."""
    paragraphs: list[Text] = []
    start = 0
    for block in article.text.split("\n\n"):
        end = start + len(block)
        text = Text(printable(block))
        for sentence in article.sentences:
            if start <= sentence.start < end:
                style = "reverse bold" if sentence.index == chosen else "underline" if sentence.index in marked else ""
                if style:
                    text.stylize(style, sentence.start - start, sentence.end - start)
        paragraphs.append(text)
        start = end + 2
    return paragraphs


def article_title(article: Article) -> Text:
    title = Text(shown_name(article.source), style="bold")
    title.append(" · ")
    title.append(shown_name(article.title), style="bold")
    title.append(f"  {article.date or 'undated'}", style="dim")
    return title


class ArticleScreen(Screen[None]):
    """Read a sentence in context; escape goes back to the briefing."""

    BINDINGS = [
        screen_binding("back", "app.pop_screen", "Back", "back to the briefing"),
        screen_binding("down", "scroll('down')", "Down", "scroll down a line", show=False),
        screen_binding("up", "scroll('up')", "Up", "scroll up a line", show=False),
        screen_binding("page_down", "scroll('page_down')", "Page", "a page down", show=False),
        screen_binding("page_up", "scroll('page_up')", "Page up", "a page up", show=False),
        screen_binding("top", "scroll('home')", "Top", "the beginning", show=False),
        screen_binding("bottom", "scroll('end')", "End", "the end", show=False),
        screen_binding("copy", "copy_address", "Copy address", "copy the article's address"),
    ]

    def __init__(self, article: Article, chosen: int, marked: set[int], teaser: bool = False) -> None:
        super().__init__()
        self.article = article
        self.chosen = chosen
        self.marked = marked
        self.teaser = teaser  # only a feed's headline and teaser: shown as all there is, it misled
        # The address a reader opens: only what the digest's Sources list shows (check_url's).
        self.address = shown_url(article.url)

    def compose(self) -> ComposeResult:
        yield Static(article_title(self.article), id="article-title")
        if self.address:  # Text, never markup; a terminal's own selection copies it too
            yield Static(Text(self.address, style="underline"), id="article-url")
        if self.teaser:
            note = f"Only the feed's headline and teaser: the page failed to download ({TEASER_WHY})"
            yield Static(Text(note, style="italic"), id="article-teaser")
        with VerticalScroll(id="article-body"):
            for position, paragraph in enumerate(article_text(self.article, self.chosen, self.marked)):
                yield Static(paragraph, classes="paragraph", id=f"p{position}")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.call_after_refresh(self.center_chosen)

    def center_chosen(self) -> None:
        """Scroll so the chosen sentence sits mid-screen, with the text before it above."""
        sentence = next((s for s in self.article.sentences if s.index == self.chosen), None)
        if sentence is None:
            return
        number = self.article.text.count("\n\n", 0, sentence.start)
        paragraph = self.query_one(f"#p{number}", Static)
        start = self.article.text.rfind("\n\n", 0, sentence.start)
        start = 0 if start < 0 else start + 2
        width = paragraph.content_region.width or self.size.width
        first = _lines(self.article.text[start : sentence.start], width, self.app.console) - 1
        last = _lines(self.article.text[start : sentence.end], width, self.app.console) - 1
        body = self.query_one("#article-body", VerticalScroll)
        middle = paragraph.virtual_region.y + (first + last) // 2
        body.scroll_to(y=max(0, middle - body.scrollable_content_region.height // 2), animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.address) if action == "copy_address" else True

    def action_copy_address(self) -> None:
        if self.address:
            cast(_Copies, self.app).copy_text(self.address, "the address")

    def action_scroll(self, how: str) -> None:
        body = self.query_one("#article-body", VerticalScroll)
        {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }[how](animate=False)


def _lines(text: str, width: int, console: Console) -> int:
    """How many lines `text` wraps to at `width` columns (at least one)."""
    return max(1, len(Text(printable(text)).wrap(console, width)))
