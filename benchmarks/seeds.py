"""The seeds' briefing as a reader checks it: key facts, spun wording, repeats, items leaning back.

Usage: python benchmarks/seeds.py [seeds]

The README's first command summarizes `seeds/`: five articles on one story (the Biden-Putin
call of December 2021), four of them reworded by a synonym spinner, one (The Limited Times)
in its outlet's own words. Issue 28's bar for its 8 items: the 9 key facts a reader would name,
at most 2 items in spun wording, none repeating another. Each fact is found by a pattern a
reader's wording of it matches, in clean or spun words; an item is in spun wording when it
holds a word the spinner put in the four articles (read off them: "officers" for officials,
"navy" for military, "decision" or "connect with" for the call...). Both are this check's own,
apart from the summarizer's rules (`summary/wording.py`) on purpose. Repeats and items that
lean back are benchmarks/items.py's checks.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from items import leans_back, repeats

from briefing.config import Config
from briefing.models import Document
from briefing.sources.files import parse_article
from briefing.summary.pipeline import summarize_story

KEY_FACTS = {
    "the call": r"(?:speak|spoke|call|chat).*(?:Putin|Biden)|(?:Biden|Putin).*(?:speak|spoke|call|chat)",
    "who asked for it": r"request|asked for|initiative",
    "~100,000 troops": r"100,000|one hundred,000",
    "Biden's sanctions warning": r"sanction",
    "de-escalation": r"de-?escalat|degrade, not escalate|defus",
    "Russia's demands": r"demand|calls for|guarantee|ensures|membership",
    "the Geneva talks": r"Geneva|talks .*Jan|January 10",
    "the negotiators": r"Sherman|Ryabkov",
    "Blinken's call with Zelenskyy": r"Blinken.*Zelensk",
}
SPUN_WORDS = re.compile(
    r"mentioned|explained|informed (?!as)|formal|navy|connect with|decision,|officers|safety|disaster|calls for"
    r"|haven’t begun|degrade|aspect|gathering|paperwork|international locations|requires|affix|Jap |fight "
    r"|7 days|Jan\. ten|one hundred|addition|arrange|assaults|able to impose|deliberate"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("seeds", type=Path, nargs="?", default=Path(__file__).parent.parent / "seeds")
    options = parser.parse_args()
    config = Config()
    paths = sorted(options.seeds.glob("*.txt"))
    articles = tuple(
        parse_article(Document(p.stem, str(p), p.read_text(encoding="utf-8")), config.clean.drop_patterns)
        for p in paths
    )
    items = summarize_story(articles, config).items
    for number, item in enumerate(items, 1):
        print(f"{number}. {item.text}")
    found = {
        fact: [n for n, item in enumerate(items, 1) if re.search(rule, item.text)] for fact, rule in KEY_FACTS.items()
    }
    spun = [n for n, item in enumerate(items, 1) if SPUN_WORDS.search(item.text)]
    pairs = [(a, b) for a in range(1, len(items) + 1) for b in range(a + 1, len(items) + 1)]
    repeated = [(a, b) for a, b in pairs if repeats(items[a - 1].text, items[b - 1].text)]
    leaning = [n for n, item in enumerate(items, 1) if leans_back(item, items[n - 2] if n > 1 else None)]
    print(f"key facts {sum(bool(where) for where in found.values())}/{len(KEY_FACTS)}")
    for fact, where in found.items():
        print(f"  {fact:30s} {'items ' + ', '.join(map(str, where)) if where else 'missing'}")
    print(f"spun wording: {len(spun)} of {len(items)} items {spun}")
    print(f"repeated pairs: {len(repeated)} {repeated}")
    print(f"items that lean back: {len(leaning)} {leaning}")


if __name__ == "__main__":
    main()
