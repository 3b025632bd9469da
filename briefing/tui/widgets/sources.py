"""The articles behind one briefing item: each article's title and the sentence it reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets.option_list import Option

from briefing.models import Article, Briefing, BriefingItem, SourceSentence
from briefing.output.copies import CARRIED, carried_by
from briefing.output.render import plural
from briefing.sanitize import shown_name
from briefing.tui.widgets.items import highlighted
from briefing.tui.widgets.wrapped import WrappedOptionList

if TYPE_CHECKING:
    from typing_extensions import Self


def source_prompt(
    article: Article, text: str, quoted: bool, query: str = "", figure: str = "", carried: str = ""
) -> Text:
    """`Daily Courier · Cracks Close Harbour Bridge` over the sentence; the quoted one says so,
    an article whose figure differs from the others' says which it gives, and one that other
    outlets ran word for word names them (`carried`) under the sentence."""
    prompt = Text(shown_name(article.source), style="bold")
    prompt.append(" · ")
    prompt.append(shown_name(article.title), style="bold")
    if quoted:
        prompt.append("  (quoted)", style="dim")
    if figure:
        prompt.append(f"  gives {shown_name(figure)}", style="bold yellow")
    prompt.append("\n")
    prompt.append_text(highlighted(text, query))
    if carried:
        prompt.append(f"\n{CARRIED}{carried}", style="dim")
    return prompt


def one_per_article(item: BriefingItem) -> list[tuple[int, SourceSentence]]:
    """The sentence each article reports the item with: the quoted one, else the closest."""
    best: dict[str, tuple[int, SourceSentence]] = {}
    for position, source in enumerate(item.sources):
        kept = best.get(source.article)
        if kept is None or (kept[0] and source.similarity > kept[1].similarity):
            best[source.article] = (position, source)
    return sorted(best.values(), key=lambda pair: pair[0])


class SourceList(WrappedOptionList):
    """The articles reporting the highlighted item, one sentence each; enter opens one."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._listed: tuple[Briefing | None, BriefingItem | None, int, str] | None = None  # by `show_item`
        self._index: tuple[Briefing, dict[str, Article], dict[str, str]] | None = None  # a briefing's articles

    def show_item(self, briefing: Briefing | None, item: BriefingItem | None, reporting: int, query: str) -> None:
        """`show` the item of `briefing`, unless it is listed already: a new list of items
        highlights one, which asked again for the sources just listed (one more redraw at
        each + and -), and the briefing's articles by id and their copies are worked out once."""
        listed = self._listed
        if listed and listed[0] is briefing and listed[1] is item and listed[2:] == (reporting, query):
            return
        if briefing is not None and (self._index is None or self._index[0] is not briefing):
            self._index = (briefing, {a.id: a for a in briefing.articles}, carried_by(briefing))
        _, articles, carried = self._index if briefing is not None and self._index else (None, {}, {})
        self.show(item, articles, reporting, query, carried)
        self._listed = (briefing, item, reporting, query)

    def clear_options(self) -> Self:
        self._listed = None
        return super().clear_options()

    def show(
        self,
        item: BriefingItem | None,
        articles: dict[str, Article],
        reporting: int,
        query: str = "",
        carried: dict[str, str] | None = None,
    ) -> None:
        """The articles behind `item`, of the `reporting` articles on its story; `carried`
        names, for an article, the other outlets that ran it word for word (`carried_by`)."""
        if item is None:
            self.clear_options()
            self.border_title = "Sources"
            return
        figures = {article: f"{f.value} {f.unit}" for f in item.disagreement for article in f.articles}
        chosen = one_per_article(item)
        prompts = [
            source_prompt(
                articles[source.article],
                source.text,
                position == 0,
                query,
                figures.get(source.article, ""),
                (carried or {}).get(source.article, ""),
            )
            for position, source in chosen
        ]
        ids = [str(position) for position, _ in chosen]
        # The same list as shown (the same item in the briefing after + or -) is left as it is:
        # listed again, it was measured and drawn again.
        if (prompts, ids) != ([option.prompt for option in self.options], [option.id for option in self.options]):
            self.clear_options()
            options = [Option(prompt, id=id) for prompt, id in zip(prompts, ids, strict=True)]
            # At once, a rule between two articles: each option added alone measured the list again.
            self.add_options([part for k, option in enumerate(options) for part in ([None] if k else []) + [option]])
        verb = "reports" if item.support == 1 else "report"
        self.border_title = f"Sources: {item.support} of {plural(reporting, 'article')} {verb} this"
        self.highlighted = 0
