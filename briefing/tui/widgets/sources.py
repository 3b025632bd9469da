"""The source sentences behind one briefing item, one entry per supporting sentence."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.models import Article, BriefingItem
from briefing.render import printable


def source_prompt(position: int, text: str, article: Article, similarity: float) -> Text:
    marker = "★ representative" if position == 0 else f"similarity {similarity:.2f}"
    prompt = Text(printable(f"{article.source}: {article.title}"), style="bold")
    prompt.append(f"  ({article.id}, {marker})\n", style="dim")
    prompt.append(printable(text))
    return prompt


class SourceList(OptionList):
    """Supporting sentences of the highlighted item, one per article; enter opens one in its article."""

    def show(self, item: BriefingItem | None, articles: dict[str, Article], query: str = "") -> None:
        self.clear_options()
        if item is None:
            return
        seen: set[str] = set()
        for position, source in enumerate(item.sources):
            # One sentence per article: the representative, else the article's closest one.
            best = max((s for s in item.sources if s.article == source.article), key=lambda s: s.similarity)
            if source.article in seen or (position and source is not best):
                continue
            if query and query.lower() not in source.text.lower() and position:
                continue
            seen.add(source.article)
            prompt = source_prompt(position, source.text, articles[source.article], source.similarity)
            self.add_option(Option(prompt, id=str(position)))
        if self.option_count:
            self.highlighted = 0
