"""The articles behind one briefing item: each article's title and the sentence it reports."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from briefing.models import Article, BriefingItem, SourceSentence
from briefing.output.copies import CARRIED
from briefing.output.render import plural
from briefing.sanitize import shown_name
from briefing.tui.widgets.items import highlighted
from briefing.tui.widgets.wrapped import WrappedOptionList


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
        self.clear_options()
        if item is None:
            self.border_title = "Sources"
            return
        figures = {article: f"{f.value} {f.unit}" for f in item.disagreement for article in f.articles}
        for number, (position, source) in enumerate(one_per_article(item)):
            if number:
                self.add_option(None)  # a rule between two articles
            prompt = source_prompt(
                articles[source.article],
                source.text,
                position == 0,
                query,
                figures.get(source.article, ""),
                (carried or {}).get(source.article, ""),
            )
            self.add_option(Option(prompt, id=str(position)))
        verb = "reports" if item.support == 1 else "report"
        self.border_title = f"Sources: {item.support} of {plural(reporting, 'article')} {verb} this"
        self.highlighted = 0
