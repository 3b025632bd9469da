"""Story grouping on every labelled day we have, each split in halves: tune on one, confirm on the other.

Usage: python benchmarks/grouping.py ../shared/eval [--threshold 0.12,0.15]

Days, each grouped whole and as two half-days of their own (the halves never see each other):
- duc: the 500 DUC 2004 articles as one day (clusters reporting one story merged, the
  misfiled market report where it belongs); halves by odd and even cluster.
- teasers: the same articles as a morning of feed teasers, built by ../shared/eval/teaser_day.py
  (headline and ~220 characters, 12 outlets); halves by odd and even cluster.
- feeds: the 100 real feeds of ../shared/eval/data/feeds/real; 531 news entries of 13 of them
  labelled by two annotators (benchmarks/data/feed_stories, their meet as gold); halves by odd
  and even feed file.
- news: the 13 labelled feeds alone as one morning (527 entries, the news a reader of world
  news gets: the day's stories told by several outlets each); halves by feed file as above.
- feeds/5, feeds/10: mornings of 5 and 10 of those feed files, drawn 12 times from each half
  (the files of a half only), each grouped as a day of its own; pairs pooled over the draws.
  A user's morning is a few feeds: most entries the only report of their event.
- duc/5, duc/10, teasers/5, teasers/10: days of 5 and 10 gold stories of one half, drawn and
  pooled the same way: other, smaller days of whole articles and of teasers.
Printed per day and part: pairwise precision, recall, F1 and B-cubed F1 of `find_stories` on
the articles as `briefing` reads them (an exact copy, which the reader sets aside, counts in
its original's story), and the seconds grouping took.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from briefing.config import Config
from briefing.models import SAME_TEXT, Article, Problem
from briefing.sources.files import load_articles
from briefing.summary.pipeline import article_view
from briefing.summary.stories import find_stories

LABELS = Path(__file__).parent / "data" / "feed_stories"
MERGES = ("d30022t+d31050t", "d30031t+d30047t", "d30005t+d31038t", "d30026t+d31033t")
RELABEL = ("d30026t/doc_05.txt=d30027t",)


def scores(found: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float, float]:
    """Pairwise precision, recall, F1 and B-cubed F1 over the labelled articles."""
    keys = sorted(gold)

    def pairs(label: Callable[[str], object]) -> set[tuple[str, str]]:
        groups: dict[object, list[str]] = defaultdict(list)
        for key in keys:
            groups[label(key)].append(key)
        return {pair for members in groups.values() for pair in combinations(members, 2)}

    ours, theirs = pairs(lambda key: found.get(key, key)), pairs(gold.__getitem__)
    hits = len(ours & theirs)
    precision, recall = hits / max(len(ours), 1), hits / max(len(theirs), 1)
    size_found = Counter(found.get(key, key) for key in keys)
    size_gold = Counter(gold.values())
    both = Counter((found.get(key, key), gold[key]) for key in keys)
    b_precision = sum(both[found.get(k, k), gold[k]] / size_found[found.get(k, k)] for k in keys) / len(keys)
    b_recall = sum(both[found.get(k, k), gold[k]] / size_gold[gold[k]] for k in keys) / len(keys)
    return precision, recall, _f1(precision, recall), _f1(b_precision, b_recall)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class Day:
    """Articles as briefing reads them, with a key and a half for each, and copies set aside."""

    def __init__(self, articles: Sequence[Article], keys: Sequence[str], halves: Sequence[int], copies: dict[str, str]):
        self.articles, self.keys, self.halves, self.copies = articles, keys, halves, copies

    def grouped(self, part: int | None, config: Config) -> tuple[dict[str, int], float]:
        chosen = [i for i, half in enumerate(self.halves) if part is None or half == part]
        views = [article_view(self.articles[i]) for i in chosen]
        began = time.perf_counter()
        stories = find_stories(views, config.stories)
        seconds = time.perf_counter() - began
        found = {self.keys[chosen[i]]: number for number, story in enumerate(stories) for i in story}
        for copy, original in self.copies.items():
            if original in found:
                found[copy] = found[original]
        return found, seconds


def copies_of(problems: Sequence[Problem], key: Callable[[str, str | None], str | None]) -> dict[str, str]:
    """{copy: original} for the entries the reader set aside as the same text as another,
    by `key` of the (path, entry) of each (None: not labelled)."""
    found = {}
    for problem in problems:
        if problem.reason == SAME_TEXT and problem.detail:
            path, _, entry = problem.detail.partition(" (")
            copy, original = key(problem.path, problem.entry), key(path, entry.rstrip(")") or None)
            if copy and original:
                found[copy] = original
    return found


def duc_day(dataset: Path) -> tuple[Day, dict[str, str]]:
    alias = {part: merge.split("+")[0] for merge in MERGES for part in merge.split("+")}
    moved = dict(item.split("=") for item in RELABEL)
    files = sorted(dataset.glob("*/doc_*.txt"))
    gold = {}
    for file in files:
        place = f"{file.parent.name}/{file.name}"
        gold[str(file)] = alias.get(moved.get(place, file.parent.name), moved.get(place, file.parent.name))
    order = {label: number for number, label in enumerate(sorted(set(gold.values())))}
    articles, problems = load_articles([str(file) for file in files])
    copies = copies_of(problems, lambda path, _: path)
    return Day(articles, [a.path for a in articles], [order[gold[a.path]] % 2 for a in articles], copies), gold


def teaser_day(evaluation: Path, folder: Path) -> tuple[Day, dict[str, str]]:
    spec = importlib.util.spec_from_file_location("teaser_day", evaluation / "teaser_day.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    docs = module.gather(str(evaluation / "data" / "duc2004"), False, list(MERGES), list(RELABEL))
    gold = module.build(docs, str(folder), 12, 220)
    order = {label: number for number, label in enumerate(sorted(set(gold.values())))}
    articles, problems = load_articles([str(folder)])
    # An entry's id is its feed file's name and its link's last segment, unique on this day.
    link = {url.rsplit("/", 1)[-1]: url for url in gold}
    copies = copies_of(problems, lambda _, entry: link.get(entry.rsplit("/", 1)[-1]) if entry else None)
    keys = [a.url or a.id for a in articles]
    return Day(articles, keys, [order[gold[k]] % 2 for k in keys], copies), gold


def feeds_day(feeds: Path, labels: dict[str, str]) -> Day:
    files = sorted(path.name for path in feeds.iterdir())
    half = {name: number % 2 for number, name in enumerate(files)}
    articles, _ = load_articles([str(feeds)])
    keys = [f"{Path(a.path).name} {a.url or a.id}" for a in articles]
    return Day(articles, keys, [half[Path(a.path).name] for a in articles], {})


def news_day(feeds: Day, labels: dict[str, str]) -> Day:
    """The labelled feeds alone, as one morning: a reader of world news, whose outlets tell the
    day's stories several times each (denser than the 100 feeds with their blogs)."""
    labelled = {key.split(" ", 1)[0] for key in labels}
    chosen = [i for i, key in enumerate(feeds.keys) if key.split(" ", 1)[0] in labelled]
    return Day(
        [feeds.articles[i] for i in chosen], [feeds.keys[i] for i in chosen], [feeds.halves[i] for i in chosen], {}
    )


def small_days(
    day: Day, gold: dict[str, str], part: int, size: int, config: Config, unit: Callable[[str], str | None]
) -> tuple[dict[str, int], dict[str, str]]:
    """Found stories and gold labels of 12 days of `size` units of half `part` (the `unit` of an
    entry's key: its feed file, or its gold story), each grouped alone; keys and labels carry
    their draw, so only pairs within a day count."""
    unit_of = [unit(key) for key in day.keys]
    names = sorted({name for name, half in zip(unit_of, day.halves) if half == part and name is not None})
    draw_from = random.Random(size * 2 + part)
    found: dict[str, int] = {}
    labels: dict[str, str] = {}
    for draw in range(12):
        chosen = set(draw_from.sample(names, size))
        picked = [i for i, name in enumerate(unit_of) if name in chosen]
        stories = find_stories([article_view(day.articles[i]) for i in picked], config.stories)
        for number, story in enumerate(stories):
            found.update({f"{draw} {day.keys[picked[i]]}": draw * 100_000 + number for i in story})
        labels.update({f"{draw} {day.keys[i]}": f"{draw} {gold[day.keys[i]]}" for i in picked if day.keys[i] in gold})
    return found, labels


def report(name: str, day: Day, gold: dict[str, str], config: Config) -> None:
    for part, label in ((None, "whole"), (0, "tune"), (1, "confirm")):
        found, seconds = day.grouped(part, config)
        # The whole day scores every label (an entry the reader lost is a story of its own);
        # a half, the labelled entries it holds.
        keys = gold if part is None else {k: g for k, g in gold.items() if k in found}
        p, r, f, b = scores(found, keys)
        print(
            f"{name:<8} {label:<8} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  B3 {b:.3f}  {len(keys):>4} labelled  {seconds:.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("evaluation", type=Path, help="the shared evaluation folder (../shared/eval)")
    parser.add_argument("--threshold", default="", help="comma-separated [stories] thresholds to try")
    args = parser.parse_args()
    base = Config()
    thresholds = [float(t) for t in args.threshold.split(",") if t] or [base.stories.threshold]
    labels = json.loads((LABELS / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="briefing-teasers-") as folder:
        days = [
            ("duc", *duc_day(args.evaluation / "data" / "duc2004")),
            ("teasers", *teaser_day(args.evaluation, Path(folder))),
            ("feeds", feeds_day(args.evaluation / "data" / "feeds" / "real", labels), labels),
        ]
        days.append(("news", news_day(days[-1][1], labels), labels))
        for threshold in thresholds:
            config = replace(base, stories=replace(base.stories, threshold=threshold))
            print(f"[stories] threshold = {threshold}")
            for name, day, gold in days:
                report(name, day, gold, config)
            for name, day, gold in days[:3]:
                unit = (lambda key: key.split(" ", 1)[0]) if name == "feeds" else gold.get
                for size in (5, 10):
                    for part, label in ((0, "tune"), (1, "confirm")):
                        p, r, f, b = scores(*small_days(day, gold, part, size, config, unit))
                        print(f"{name + '/' + str(size):<8} {label:<8} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  B3 {b:.3f}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
