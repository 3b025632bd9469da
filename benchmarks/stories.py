"""A mixed day: are the stories found, kept apart and summarized as well as one at a time?

Usage: python benchmarks/stories.py ../shared/eval/data/duc2004 [--bytes 665] [--sizes 1000,2000]

All articles of the dataset's clusters go into one folder under neutral file names (the
cluster is the gold story; clusters that report the same story count as one). One fresh
`briefing digest --format json --stories 0` process reads the day. Printed: stories found
against gold, pairwise and B-cubed precision/recall/F1 of the article clustering, items whose
sources span two gold stories, each cluster's section scored with ROUGE-1/2 recall against the
cluster's references beside the briefing of that cluster alone, `--topic` checks, and wall
time and peak memory, also on bigger synthetic days (copies of the articles, each copy
edited so that none is a byte copy) to show how memory grows. Then smaller days, in this
process: random draws of 3, 5, 10 and 25 clusters (all their articles) and of 2 to 5 clusters
with 2 to 5 articles each, the mean and worst pairwise F1 of `find_stories` over the draws
(fixed seed), since a user's morning is often a few stories, not fifty.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from scale import measure

from briefing.config import Config
from briefing.run.evaluate import SummaryLength, briefing_system, read_clusters, score

# Pairs of DUC 2004 clusters that report the same story (../shared/eval/README.md).
SAME_STORY = {"d31050t": "d30022t", "d30047t": "d30031t", "d31038t": "d30005t", "d31033t": "d30026t"}
TOPICS = ("Hurricane Mitch", "Pinochet", "Matthew Shepard", "space station")
# Files whose gold story is not their folder's. The gold labels stay as the dataset has them;
# an item that crosses stories only through one of these is counted apart, by name.
MISFILED = {
    # "Stock prices vaulted to record levels Monday ...": a market report in the folder of
    # Microsoft's antitrust trial; the market reports are d30027t.
    "d30026t/doc_05.txt": "d30027t",
}


def neutral_name(cluster: str, document: str, copy: int = 0) -> str:
    return hashlib.sha1(f"{cluster}/{document}/{copy}".encode()).hexdigest()[:12]


def build_day(dataset: Path, into: Path, count: int | None = None) -> dict[str, str]:
    """The dataset's articles in one folder; returns {article id: gold story}.

    With `count` above the dataset's size, articles are copied again, each copy with an edited
    first sentence ("Copy 2:" prefixed), so that none is a byte copy of another.
    """
    files = sorted(dataset.glob("*/doc_*.txt"))
    into.mkdir(parents=True)
    gold: dict[str, str] = {}
    for number in range(count or len(files)):
        file, copy = files[number % len(files)], number // len(files)
        name = neutral_name(file.parent.name, file.name, copy)
        text = file.read_text(encoding="utf-8")
        (into / f"{name}.txt").write_text(f"Copy {copy + 1}: {text}" if copy else text, encoding="utf-8")
        gold[name] = SAME_STORY.get(file.parent.name, file.parent.name)
    return gold


def digest(folder: Path, *options: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="briefing-bench-history-") as history:
        env = {**os.environ, "XDG_DATA_HOME": history}
        env.pop("BRIEFING_CONFIG", None)
        command = [sys.executable, "-m", "briefing", "digest", str(folder), "--format", "json", "--no-store", *options]
        result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode not in (0, 1):
        raise SystemExit(f"briefing failed: {result.stderr}")
    return json.loads(result.stdout)


def pairwise(found: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    def pairs(labels: dict[str, object]) -> set[tuple[str, str]]:
        groups: dict[object, list[str]] = defaultdict(list)
        for article, label in labels.items():
            groups[label].append(article)
        return {pair for members in groups.values() for pair in combinations(sorted(members), 2)}

    ours, theirs = pairs(found), pairs({a: gold[a] for a in found})
    return _prf(len(ours & theirs), len(ours), len(theirs))


def bcubed(found: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    size_found = Counter(found.values())
    size_gold = Counter(gold[a] for a in found)
    both = Counter((found[a], gold[a]) for a in found)
    precision = sum(both[(found[a], gold[a])] / size_found[found[a]] for a in found) / len(found)
    recall = sum(both[(found[a], gold[a])] / size_gold[gold[a]] for a in found) / len(found)
    return precision, recall, 2 * precision * recall / (precision + recall)


def _prf(hits: int, predicted: int, actual: int) -> tuple[float, float, float]:
    precision, recall = hits / max(predicted, 1), hits / max(actual, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-12)


def smaller_days(dataset: Path) -> None:
    """Mean and worst pairwise F1 of the clustering on random small days drawn from the clusters."""
    from briefing.sources.files import load_articles
    from briefing.summary.pipeline import article_view
    from briefing.summary.stories import find_stories

    articles, _ = load_articles([str(path) for path in sorted(dataset.glob("*/doc_*.txt"))])
    views = [article_view(article) for article in articles]
    labels = [SAME_STORY.get(Path(a.path).parent.name, Path(a.path).parent.name) for a in articles]
    by_story: dict[str, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        by_story[label].append(index)
    stories = sorted(by_story)
    print("smaller days: pairwise F1 of the stories found, mean (worst) over random draws")
    for clusters, per_story, draws in (
        (3, 0, 30),
        (5, 0, 20),
        (10, 0, 10),
        (25, 0, 4),
        (2, 3, 40),
        (4, 3, 40),
        (5, 5, 40),
    ):
        chance = random.Random(0)
        scores = []
        for _ in range(draws):
            chosen = chance.sample(stories, clusters)
            day = [i for s in chosen for i in (chance.sample(by_story[s], per_story) if per_story else by_story[s])]
            found = find_stories([views[i] for i in day], Config().stories)
            placed = {str(day[i]): number for number, story in enumerate(found) for i in story}
            scores.append(pairwise(placed, {str(i): labels[i] for i in day})[2])
        size = f"{clusters} stories" + (f" of {per_story} articles" if per_story else "")
        print(f"  {size:<24} {sum(scores) / len(scores):.3f} ({min(scores):.3f}), {draws} draws")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--bytes", type=int, default=665)
    parser.add_argument("--sizes", default="1000,2000", help="bigger synthetic days for time and memory")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefing-stories-"))
    try:
        day = work / "day"
        gold = build_day(args.dataset, day)
        data = digest(day, "--bytes", str(args.bytes), "--stories", "0")
        found = {article: number for number, story in enumerate(data["stories"]) for article in story["articles"]}
        unplaced = len({a["id"] for a in data["articles"]}) - len(found)
        print(f"{len(gold)} files, {len(data['articles'])} articles read, {len(set(gold.values()))} gold stories")
        print(f"stories found: {data['story_count']} ({len(data['stories'])} with items; {unplaced} articles in none)")
        for name, (p, r, f) in (("pairwise", pairwise(found, gold)), ("B-cubed", bcubed(found, gold))):
            print(f"{name:<9} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
        origin = {neutral_name(f.parent.name, f.name): f"{f.parent.name}/{f.name}" for f in args.dataset.glob("*/*")}
        refiled = {name: MISFILED.get(origin[name], story) for name, story in gold.items()}
        crossing = [item for item in data["items"] if len({gold[s["article"]] for s in item["sources"]}) > 1]
        misfiled = [item for item in crossing if len({refiled[s["article"]] for s in item["sources"]}) == 1]
        print(f"items whose sources span two gold stories: {len(crossing)} of {len(data['items'])}", end="")
        print(f"; {len(misfiled)} only through a misfiled file (MISFILED)" if misfiled else "")
        for item in crossing:
            files = ", ".join(sorted({origin[source["article"]] for source in item["sources"]}))
            print(f"  {item['text'][:70]!r}: {files}")

        budget = SummaryLength(bytes=args.bytes)
        alone = briefing_system(Config(), budget)
        rows = []
        for cluster in read_clusters(args.dataset):
            label = SAME_STORY.get(cluster.name, cluster.name)
            ids = {neutral_name(cluster.name, Path(d.path).name) for d in cluster.documents}
            story = max(data["stories"], key=lambda s: (len(ids & set(s["articles"])), -data["stories"].index(s)))
            section = "\n".join(data["items"][i]["text"] for i in story["items"])
            mixed = score(budget.cut(section), cluster.references)
            single = score(budget.cut(alone(cluster)), cluster.references)
            rows.append((cluster.name, label, mixed, single))
        r1 = sum(m["rouge1"][0] for _, _, m, _ in rows) / len(rows) * 100
        r2 = sum(m["rouge2"][0] for _, _, m, _ in rows) / len(rows) * 100
        s1 = sum(s["rouge1"][0] for _, _, _, s in rows) / len(rows) * 100
        s2 = sum(s["rouge2"][0] for _, _, _, s in rows) / len(rows) * 100
        print(f"ROUGE recall x100 at {args.bytes} bytes per story, {len(rows)} clusters:")
        print(f"  its section of the mixed day  R-1 {r1:.2f}  R-2 {r2:.2f}")
        print(f"  the cluster summarized alone  R-1 {s1:.2f}  R-2 {s2:.2f}   (difference R-1 {r1 - s1:+.2f})")
        worst = sorted(rows, key=lambda row: row[2]["rouge1"][0] - row[3]["rouge1"][0])[:5]
        print(
            "  largest losses: "
            + ", ".join(f"{n} {100 * (m['rouge1'][0] - s['rouge1'][0]):+.1f}" for n, _, m, s in worst)
        )

        for topic in TOPICS:
            focused = digest(day, "--topic", topic, "--stories", "0")
            labels = Counter(gold[a] for story in focused["stories"] for a in story["articles"])
            print(f"--topic {topic!r}: {len(focused['stories'])} stories, articles by gold story {dict(labels)}")

        print(f"{'articles':>8} {'seconds':>8} {'peak MB':>8}")
        timed = measure([sys.executable, "-m", "briefing", "digest", str(day)], 600)
        print(f"{len(gold):>8} {timed[0]:8.2f} {timed[1]:8.0f}" if timed else f"{len(gold):>8} timed out")
        for size in (int(s) for s in args.sizes.split(",") if s):
            folder = work / f"day{size}"
            build_day(args.dataset, folder, size)
            timed = measure([sys.executable, "-m", "briefing", "digest", str(folder)], 600)
            print(f"{size:>8} {timed[0]:8.2f} {timed[1]:8.0f}" if timed else f"{size:>8} timed out", flush=True)
        smaller_days(args.dataset)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
