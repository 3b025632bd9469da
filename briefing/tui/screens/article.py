"""The full cleaned article, the chosen sentence highlighted and scrolled into view."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing.models import Article
from briefing.render import printable


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


class ArticleScreen(Screen[None]):
    """Read a sentence in context; escape or q goes back to the briefing."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="article.back"),
        Binding("j,down", "scroll_down", "Down", show=False, id="article.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="article.up"),
    ]

    def __init__(self, article: Article, chosen: int, marked: set[int]) -> None:
        super().__init__()
        self.article = article
        self.chosen = chosen
        self.marked = marked

    def compose(self) -> ComposeResult:
        title = Text(printable(f"{self.article.source}: {self.article.title}"), style="bold")
        title.append(f"  {self.article.date or 'undated'} · {self.article.id}", style="dim")
        yield Static(title, id="article-title")
        with VerticalScroll(id="article-body"):
            for position, paragraph in enumerate(article_text(self.article, self.chosen, self.marked)):
                yield Static(paragraph, classes="paragraph", id=f"p{position}")
        yield Footer()

    def on_mount(self) -> None:
        sentence = next((s for s in self.article.sentences if s.index == self.chosen), None)
        if sentence is not None:
            position = self.article.text.count("\n\n", 0, sentence.start)
            self.call_after_refresh(self.query_one(f"#p{position}").scroll_visible, top=True, animate=False)

    def action_scroll_down(self) -> None:
        self.query_one("#article-body", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#article-body", VerticalScroll).scroll_up()
