"""Small hand-written articles for tests; never the research data."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from briefing.config import Config
from briefing.models import Article, Document
from briefing.sources.files import parse_article

# Three short reports of one (invented) story. The bridge closure is reported by all three in
# different words; the mayor's budget only by the first; the ferry only by the third.
TRIO = {
    "a_gazette": (
        "Title: Harbour Bridge Shut After Cracks Found\nSource: River Gazette\nDate: 2024-04-02\n\n"
        "The Harbour Bridge was closed on Monday after engineers found cracks in two of its steel supports. "
        "City officials said repairs would take at least six weeks and cost about 4 million dollars. "
        "Mayor Lina Ortiz said the city budget would cover the repairs without new taxes. "
        "Traffic was diverted to the North Road, where drivers reported long delays during the evening rush."
    ),
    "b_courier": (
        "Title: Cracks Close Harbour Bridge\nSource: Daily Courier\nDate: 2024-04-02\n\n"
        "Engineers discovered cracks in two steel supports of the Harbour Bridge, which was shut on Monday. "
        "Repairs are expected to last six weeks or more, officials said, at a cost near 4 million dollars. "
        "Drivers faced long delays on the North Road, which now carries the diverted traffic. "
        "The bridge carries about 40,000 vehicles a day between the old town and the port district."
    ),
    "c_herald": (
        "Title: Bridge Closure Snarls Traffic\nSource: Evening Herald\nDate: 2024-04-03\n\n"
        "Cracks found by engineers in two steel supports forced the closure of the Harbour Bridge on Monday. "
        "The city will run an extra ferry between the old town and the port every twenty minutes until the bridge reopens. "
        "Ferry tickets will be free for commuters who show a monthly transit pass at the harbour terminal."
    ),
}


def unsafe(text: str) -> list[str]:
    """Characters a terminal may act on or that hide text, found by Unicode category rather
    than by the code's own list: controls (newline and tab aside; ESC, BEL, DEL, the C1 set with
    its CSI 0x9b), format characters (bidi overrides, zero widths), line and paragraph
    separators, and lone surrogates."""
    return [ch for ch in text if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")]


def article(id: str, text: str) -> Article:
    """An Article from a string, as if read from `<id>.txt`."""
    return parse_article(Document(id, f"{id}.txt", text))


def news_page(
    title: str = "Harbour Bridge Shut After Cracks Found",
    body: tuple[str, ...] = tuple(TRIO["a_gazette"].split("\n\n", 1)[1].split(". ")),
    extra: str = "",
) -> str:
    """A saved news page around `body` (one paragraph per item): metadata in the head, a menu,
    the headline repeated above the text, a related-links box and a footer around it."""
    paragraphs = "".join(f"<p>{line.rstrip('.')}.</p>" for line in body)
    return (
        "<!DOCTYPE html><html lang='en'><head>"
        f"<title>{title} | River Gazette</title>"
        "<meta property='og:site_name' content='River Gazette'>"
        "<meta name='author' content='Ana Ruiz'>"
        "<meta property='article:published_time' content='2024-04-02T08:00:00Z'>"
        "<link rel='canonical' href='https://gazette.example/2024/04/02/bridge-shut'>"
        "<script>var tracking = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}{extra}</article>"
        "<aside><h3>Most read</h3><ul><li><a href='/x'>Ferry fares to rise in May</a></li></ul></aside>"
        "<footer>© 2024 River Gazette. All rights reserved.</footer></body></html>"
    )


def rss(*items: tuple[str, str, str], title: str = "River Gazette") -> bytes:
    """An RSS 2.0 feed of (title, link, description HTML) items."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>Tue, 02 Apr 2024 08:00:00 +0000</pubDate>"
        f"<description><![CDATA[{text}]]></description></item>"
        for t, link, text in items
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}</title>"
        f"<link>https://gazette.example/</link>{entries}</channel></rss>"
    ).encode()


# Two more stories for a mixed day beside TRIO: a strike reported by two papers, and a
# chess result reported by one. Words and names differ from story to story, as in real news.
STRIKE = {
    "d_tribune": (
        "Title: Nurses Strike at Saint Anne Hospital\nSource: Metro Tribune\nDate: 2024-04-02\n\n"
        "Nurses at Saint Anne Hospital walked off the job on Tuesday, demanding higher pay and safer staffing levels. "
        "The nurses union said about 900 members joined the strike after talks with hospital managers collapsed. "
        "Hospital managers said emergency care would continue with temporary staff during the strike. "
        "Union leader Maria Chen said the nurses would stay out until managers offered a fair contract."
    ),
    "e_post": (
        "Title: Saint Anne Nurses Walk Out\nSource: Morning Post\nDate: 2024-04-02\n\n"
        "About 900 nurses went on strike at Saint Anne Hospital on Tuesday over pay and staffing levels. "
        "Talks between the nurses union and hospital managers collapsed on Monday night, the union said. "
        "Maria Chen, the union leader, said nurses were exhausted by years of short staffing. "
        "Planned surgeries were postponed while temporary staff covered the emergency care wards."
    ),
}
CHESS = {
    "f_sports": (
        "Title: Teenager Wins City Chess Open\nSource: Sports Desk\nDate: 2024-04-01\n\n"
        "Fifteen-year-old Arjun Patel won the City Chess Open on Sunday, beating grandmaster Lev Orlov in the final round. "
        "Patel finished the nine-round tournament with seven wins and two draws. "
        "Organisers said a record 240 players entered the open this year, including eleven grandmasters."
    ),
}


class Clock:
    """The time `briefing.clock` reports in tests: a fixed morning that a test can move on."""

    def __init__(self) -> None:
        self.moment = datetime(2024, 4, 5, 7, 0).astimezone()

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, days: int = 0, hours: int = 0) -> None:
        self.moment += timedelta(days=days, hours=hours)


def fetch_config(tmp_path: Path, timeout_seconds: float | None = None) -> Config:
    """The default config with its history in `tmp_path` (and `[sources] timeout_seconds`)."""
    base = Config()
    sources = base.sources if timeout_seconds is None else replace(base.sources, timeout_seconds=timeout_seconds)
    return replace(base, store=replace(base.store, path=str(tmp_path / "briefing.db")), sources=sources)


def big_day(folder: Path, count: int) -> Path:
    """A folder of `count` articles, the mixed day's texts over and over, each made distinct by a
    desk note: a day big enough to be read on worker processes."""
    folder.mkdir()
    texts = list({**CHESS, **STRIKE, **TRIO}.values())
    for number in range(count):
        note = f"\n\nDesk note {number}: this copy was filed by desk {number} of the river bureau."
        (folder / f"{number:03}.txt").write_text(texts[number % len(texts)] + note, encoding="utf-8")
    return folder
