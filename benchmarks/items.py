"""Items as a reader meets them: ROUGE, repeats, items that do not stand alone, support to judge.

Usage:
    python benchmarks/items.py ../shared/eval/data/duc2004 [--bytes 665] [--save run.json]
                               [--compare before.json] [--dump items.jsonl]

Each cluster of the dataset is summarized on its own, twice: at the byte budget (ROUGE-1/2
recall by rouge-score, as `briefing eval` scores it, over all clusters and over the odd and
even halves in name order, so that a change tuned on one half is confirmed on the other) and
at the default 8 items (what a reader of one section sees). Printed for both: pairs of items
of one section that repeat each other by a check independent of the summarizer's own
same-fact rule (`repeats`: most content words of the shorter item are in the other, or the
two give one count the same figure), and items that do not stand alone (`leans_back`: they
open with a pronoun, a place or time word, or a connective that the item before them, from
the same article and right before it there, does not resolve). `--dump` writes every item
with its non-identical supports, one section a line, for an editor to judge; `--compare`
prints the clusters whose ROUGE changed against a saved run. The seeds' key facts, spun
wording and the same two checks: benchmarks/seeds.py.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from briefing.config import Config
from briefing.models import BriefingItem
from briefing.run.evaluate import Cluster, SummaryLength, read_clusters, score
from briefing.sources.files import parse_article
from briefing.summary.pipeline import summarize_story
from briefing.text.segment import stem, stop_words, tokenizer

# Openers that need the sentence before them. Kept apart from the summarizer's own lists on
# purpose: this is the check, not the rule.
_PRONOUNS = {"he", "she", "it", "they", "his", "her", "its", "their", "him", "them", "we", "i", "our", "my"}
_POINTING = {"this", "that", "these", "those", "such", "here", "then", "thus"}
_CONNECTIVES = {"but", "and", "also", "however", "still", "yet", "so", "meanwhile", "instead", "nevertheless"}
_TIME = re.compile(
    r"^(?:that|this|the same|the following|the next|the previous) "
    r"(?:day|week|month|year|morning|afternoon|evening|night|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)
_NOW = {
    "year",
    "week",
    "month",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "season",
    "spring",
    "summer",
    "fall",
    "winter",
}
_PLACE = re.compile(r"\b(?:here|there)\b(?! (?:is|are|was|were|have|has|had|will|would|may|might|could)\b)", re.I)
_NUMBER = re.compile(r"\d[\d,.]*")


def content_stems(text: str) -> set[str]:
    stops = stop_words()
    return {stem(w.lower()) for w in tokenizer().to_words(text) if w.lower() not in stops and len(w) > 2}


def repeats(a: str, b: str) -> bool:
    """Whether two items tell the same thing: 60% of the shorter's content stems (at least
    four) are in the other's."""
    first, second = content_stems(a), content_stems(b)
    shorter = min(len(first), len(second))
    shared = len(first & second)
    return shorter >= 4 and shared >= 0.6 * shorter


def leans_back(item: BriefingItem, before: BriefingItem | None) -> bool:
    """Whether an item opens leaning on something it does not say, unless the item before
    it is the sentence before it in the same article."""
    if before is not None and before.article == item.article and before.sentence == item.sentence - 1:
        return False
    text = item.text.lstrip("“\"‘'(")
    words = text.split()
    first = words[0].lower().strip(",;:") if words else ""
    if first in _PRONOUNS or first in _CONNECTIVES or _TIME.match(text):
        return True
    # "Since then,", "By then,", "Until then,": the time of the sentence before.
    if len(words) > 1 and words[1].lower() == "then,":
        return True
    if first in _POINTING and (len(words) < 2 or words[1].lower().strip(",") not in _NOW):
        return True
    return bool(_PLACE.search(" ".join(words[:6])))


def summaries(clusters: list[Cluster], config: Config) -> dict[str, tuple[BriefingItem, ...]]:
    found = {}
    for cluster in clusters:
        articles = tuple(parse_article(d, config.clean.drop_patterns) for d in cluster.documents)
        found[cluster.name] = summarize_story(articles, config).items
    return found


def section_faults(sections: dict[str, tuple[BriefingItem, ...]]) -> tuple[int, int, int, list[str]]:
    """(items, repeated pairs, items leaning back, examples)."""
    items = pairs = leaning = 0
    examples = []
    for name, section in sections.items():
        items += len(section)
        for a, b in combinations(section, 2):
            if repeats(a.text, b.text):
                pairs += 1
                examples.append(f"  repeat {name}: {a.text[:90]!r} / {b.text[:90]!r}")
        for before, item in zip((None, *section), section):
            if leans_back(item, before):
                leaning += 1
                examples.append(f"  leans  {name}: {item.text[:120]!r}")
    return items, pairs, leaning, examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--bytes", type=int, default=665)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--examples", action="store_true", help="print each repeat and leaning item")
    options = parser.parse_args()
    clusters = read_clusters(options.dataset)
    base = Config()
    budget = SummaryLength(bytes=options.bytes)
    start = time.perf_counter()
    short = summaries(clusters, replace(base, summary=replace(base.summary, sentences=0, bytes=options.bytes)))
    seconds = time.perf_counter() - start
    per = {}
    for cluster in clusters:
        text = budget.cut("\n".join(item.text for item in short[cluster.name]))
        scores = score(text, cluster.references)
        per[cluster.name] = {"r1": 100 * scores["rouge1"][0], "r2": 100 * scores["rouge2"][0], "summary": text}
    names = sorted(per)
    for label, chosen in (("all", names), ("odd", names[0::2]), ("even", names[1::2])):
        r1 = sum(per[n]["r1"] for n in chosen) / len(chosen)
        r2 = sum(per[n]["r2"] for n in chosen) / len(chosen)
        print(f"ROUGE at {options.bytes} bytes, {label:>4} ({len(chosen)} clusters): R-1 {r1:.2f}  R-2 {r2:.2f}")
    print(f"  {seconds / len(clusters):.3f} s per cluster")
    if options.compare:
        before = json.loads(options.compare.read_text())
        up = [n for n in names if per[n]["r1"] > before[n]["r1"] + 1e-9]
        down = [n for n in names if per[n]["r1"] < before[n]["r1"] - 1e-9]
        print(f"  R-1 against {options.compare}: {len(up)} clusters up, {len(down)} down")
        for n in sorted(up + down):
            print(
                f"    {n}: {before[n]['r1']:.2f} -> {per[n]['r1']:.2f}  R-2 {before[n]['r2']:.2f} -> {per[n]['r2']:.2f}"
            )
    if options.save:
        options.save.write_text(json.dumps(per, indent=0))
    full = summaries(clusters, base)
    for label, sections in ((f"{options.bytes} bytes", short), ("8 items", full)):
        items, pairs, leaning, examples = section_faults(sections)
        print(f"{label}: {items} items, {pairs} repeated pairs, {leaning} items that lean back")
        if options.examples:
            print("\n".join(examples))
    if options.dump:
        with options.dump.open("w") as out:
            for name, section in full.items():
                rows = [
                    {
                        "text": item.text,
                        "supports": sorted({s.text for s in item.sources if s.text != item.text}),
                    }
                    for item in section
                ]
                out.write(json.dumps({"section": name, "items": rows}) + "\n")


if __name__ == "__main__":
    main()
