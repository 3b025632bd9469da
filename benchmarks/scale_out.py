"""A newsroom's day: 20,000 articles in one process and as Dask tasks, and story clustering at 100,000.

Usage: python benchmarks/scale_out.py ../shared/eval/data/duc2004 [--articles 20000] [--workers 2]
                                      [--cluster-articles 100000] [--skip-runs]

The synthetic day repeats the DUC 2004 articles; in each copy after the first, every word of
four letters or more but stop words is tagged with the copy's number ("Mitch" -> "Mitchqb"),
so that no article is a byte copy and each copy of a story is a story of its own: 20,000
articles make about 2,000 stories of about ten, as a wire service's day does, rather than 50
stories of 400 near-duplicates. The clustering stage keeps the 200 commonest stems shared
by all copies, so that different stories share the everyday vocabulary, as they do in a day.
Printed: wall time, articles per second and peak memory of `briefing digest` in one process,
then of the same run with `--scheduler local:N` (the client's peak, and each worker's), and
whether the two JSON briefings are identical; then the clustering stage alone on the
concept vectors of N articles: exact all-pairs (block products, as `find_stories` does),
then candidate pairs from blocking (articles sharing one of their 32 heaviest stems; and
MinHash LSH over the same sets, if datasketch is installed) followed by the same cosine and
average linkage, with the pairwise agreement of each with the exact clustering and with the
stories the day was built of (each copy of a DUC cluster).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any

from scale import measure

# Blocking: each article's heaviest stems, and how many articles may share one before it
# is too common to block on (it still counts in the cosine).
_TOP = 32
# The commonest words stay as they are in every copy: the vocabulary all stories share. With
# the 2,000 commonest, copies keep so much of each sentence's skeleton that each article merges
# with its own copies rather than with its story (F1 0.14 against the true stories at 5,000).
_SHARED = 200
# A stem among the heaviest of more than this many articles is too common to block on (it still
# counts in the cosine): the pairs a key makes grow with the square of its articles, and a
# story of more than 200 articles has rarer keys in common too.
_POSTING = 200
_WORD = re.compile(r"\b([A-Za-z]{4,})\b")


def tag(copy: int) -> str:
    """A short letter tag for a copy number: 1 -> "qb", 27 -> "qbb"..."""
    letters = ""
    while True:
        copy, rest = divmod(copy, 26)
        letters += "bcdfghjklmnpqrstvwxz"[rest % 20] if rest < 20 else "aeiou"[rest % 5]
        if not copy:
            return "q" + letters


def build_day(dataset: Path, count: int, into: Path) -> None:
    """`count` articles: the dataset's, then copies with every long word tagged per copy."""
    from briefing.text.segment import stop_words

    files = sorted(dataset.glob("*/doc_*.txt"))
    texts = [file.read_text(encoding="utf-8") for file in files]
    shared = stop_words()
    into.mkdir(parents=True)
    for number in range(count):
        (file, text), copy = (files[number % len(files)], texts[number % len(files)]), number // len(files)
        if copy:
            suffix = tag(copy)
            text = _WORD.sub(lambda m, s=suffix: m.group(1) if m.group(1).lower() in shared else m.group(1) + s, text)
        (into / f"{copy:04d}_{file.parent.name}_{file.stem}.txt").write_text(text, encoding="utf-8")


def run_on_dask(folder: Path, workers: int) -> tuple[float, float, list[float], str]:
    """(seconds, client peak MB, each worker's peak MB, JSON) of the day on local:N, in this process."""
    import resource

    from briefing import load_articles, render, summarize
    from briefing.config import Config
    from briefing.run.dask import dask_mapper

    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    start = time.perf_counter()
    with dask_mapper(f"local:{workers}") as mapper:
        articles, _ = load_articles([str(folder)], Config(), mapper=mapper)
        briefing = summarize(articles, Config(), mapper=mapper)
        worker_peaks = list(mapper.client.run(peak).values())  # type: ignore[attr-defined]
    return time.perf_counter() - start, peak(), worker_peaks, render(briefing, "json")


def clustering(dataset: Path, count: int, exact_up_to: int) -> None:
    """The clustering stage alone on `count` articles: exact all pairs, then two kinds of blocking."""
    import numpy as np
    from scipy import sparse

    from briefing.config import StoriesConfig
    from briefing.sources.files import load_articles
    from briefing.summary.stories import average_linkage
    from briefing.summary.story import read_article
    from briefing.summary.vectors import count_matrix, similar_pairs, unit_tfidf

    config = StoriesConfig()
    articles, _ = load_articles([str(path) for path in sorted(dataset.glob("*/doc_*.txt"))])
    facts = [read_article(a).features for a in articles]
    # The truth by construction: each copy of a DUC cluster is a story of its own.
    truth: dict[tuple[str, int], list[int]] = {}
    for n in range(count):
        truth.setdefault((Path(articles[n % len(articles)].path).parent.name, n // len(articles)), []).append(n)
    gold = list(truth.values())
    base_concepts = [[c for f in sentences for c in sorted(f.concepts)] for sentences in facts]
    base_stems = [[s for f in sentences for s in f.stems] for sentences in facts]

    def copies(rows: list[list[Any]], shift: Callable[[Any, str], Any]) -> list[list[Any]]:
        return [
            [shift(t, tag(n // len(rows))) if n >= len(rows) else t for t in rows[n % len(rows)]] for n in range(count)
        ]

    frequency = Counter(stem for row in base_stems for stem in set(row))
    shared = {stem for stem, _ in frequency.most_common(_SHARED)}

    def word(stem: str, suffix: str) -> str:
        return stem if stem in shared else stem + suffix

    concepts = unit_tfidf(
        count_matrix(copies(base_concepts, lambda c, s: (word(c[0], s), word(c[1], s)))), sublinear=True
    )
    stems = unit_tfidf(count_matrix(copies(base_stems, word)), sublinear=True)
    print(f"clustering {count} articles ({concepts.nnz:,} concept weights)")

    def cluster(left: np.ndarray, right: np.ndarray) -> list[list[int]]:
        """Exact concept cosines of the candidate pairs (in batches), then average linkage on them."""
        cosine = np.concatenate(
            [
                np.asarray(concepts[left[s : s + 50_000]].multiply(concepts[right[s : s + 50_000]]).sum(axis=1)).ravel()
                for s in range(0, len(left), 50_000)
            ]
            or [np.zeros(0)]
        )
        keep = cosine >= config.threshold / 2
        graph = sparse.coo_matrix((cosine[keep], (left[keep], right[keep])), shape=(count, count))
        return average_linkage((graph + graph.T).tocsr(), config.threshold)

    reference: list[list[int]] | None = None
    if count <= exact_up_to:
        start = time.perf_counter()
        exact = similar_pairs(concepts, config.threshold / 2)
        exact.setdiag(0.0)
        exact.eliminate_zeros()
        reference = average_linkage(exact, config.threshold)
        seconds = time.perf_counter() - start
        report("exact all pairs", seconds, exact.nnz // 2, reference, None, gold)

    start = time.perf_counter()
    tops = [row.indices[np.argsort(-row.data)[:_TOP]] for row in (stems.getrow(n) for n in range(count))]
    incidence = sparse.csr_matrix(
        (np.ones(sum(map(len, tops))), np.concatenate(tops), np.cumsum([0, *map(len, tops)])), shape=stems.shape
    )
    common = np.bincount(incidence.indices, minlength=incidence.shape[1]) > _POSTING
    incidence = sparse.csr_matrix(incidence @ sparse.diags((~common).astype(float)))
    incidence.eliminate_zeros()
    shared = sparse.triu(similar_pairs(incidence, 1.0), k=1).tocoo()  # pairs sharing a top stem
    groups = cluster(shared.row.astype(np.int64), shared.col.astype(np.int64))
    report("top-term blocking", time.perf_counter() - start, shared.nnz, groups, reference, gold)
    reference = reference or groups  # past the exact run's reach, LSH is compared with blocking

    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        print("  MinHash LSH: skipped (pip install datasketch)")
        return
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.1, num_perm=128)
    signatures = []
    for number, top in enumerate(tops):
        signature = MinHash(num_perm=128, seed=1)
        signature.update_batch([int(t).to_bytes(4, "little") for t in top])
        signatures.append(signature)
        lsh.insert(number, signature)
    pairs = sorted({(min(a, b), max(a, b)) for a in range(count) for b in lsh.query(signatures[a]) if a != b})
    left, right = (np.array([pair[side] for pair in pairs], dtype=np.int64) for side in (0, 1))
    groups = cluster(left, right)
    report("MinHash LSH", time.perf_counter() - start, len(pairs), groups, reference, gold)


def report(
    name: str,
    seconds: float,
    pairs: int,
    groups: list[list[int]],
    reference: list[list[int]] | None,
    gold: list[list[int]],
) -> None:
    """One method's time and pairs, and its pairwise agreement with the reference clustering
    (exact all pairs where it ran) and with the stories the day was built of."""
    line = f"  {name + ':':<17} {seconds:7.1f} s, {pairs:,} candidate pairs, {len(groups):,} stories"
    for against, groups_there in (("reference", reference), ("true stories", gold)):
        if groups_there is not None and groups_there is not groups:
            precision, recall, f1 = agreement(groups, groups_there)
            line += f"; against the {against}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
    print(line)


def agreement(found: list[list[int]], reference: list[list[int]]) -> tuple[float, float, float]:
    def pairs(groups: list[list[int]]) -> set[tuple[int, int]]:
        return {pair for group in groups for pair in combinations(sorted(group), 2)}

    ours, theirs = pairs(found), pairs(reference)
    precision, recall = len(ours & theirs) / max(len(ours), 1), len(ours & theirs) / max(len(theirs), 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-12)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cluster-articles", default="20000,100000", help="sizes for the clustering stage")
    parser.add_argument("--skip-runs", action="store_true", help="only the clustering stage")
    parser.add_argument("--exact-up-to", type=int, default=20000, help="all-pairs clustering only up to this size")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefing-scale-out-"))
    try:
        if not args.skip_runs:
            day = work / "day"
            build_day(args.dataset, args.articles, day)
            print(f"{args.articles} articles, machine load {os.getloadavg()[0]:.1f}")
            here = measure([sys.executable, "-m", "briefing", "digest", str(day), "--no-store"], 3600)
            if here:
                print(
                    f"  one process: {here[0]:7.1f} s, {args.articles / here[0]:6.1f} articles/s, peak {here[1]:.0f} MB"
                )
            seconds, client, workers, there = run_on_dask(day, args.workers)
            print(
                f"  local:{args.workers}:     {seconds:7.1f} s, {args.articles / seconds:6.1f} articles/s, client peak "
                f"{client:.0f} MB, workers' peaks {', '.join(f'{w:.0f}' for w in workers)} MB"
            )
            env = {**os.environ, "XDG_DATA_HOME": str(work / "history")}
            command = [sys.executable, "-m", "briefing", "digest", str(day), "--no-store", "--format", "json"]
            local = subprocess.run(command, capture_output=True, text=True, env=env).stdout
            same = all(json.loads(local)[key] == json.loads(there)[key] for key in ("items", "stories", "articles"))
            print(f"  same items, stories and articles: {same}")
        for size in (int(s) for s in str(args.cluster_articles).split(",")):
            clustering(args.dataset, size, args.exact_up_to)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
