"""Every algorithm's time, memory and ROUGE, ours beside sumy's own, so a user can pick by numbers.

Usage: python benchmarks/algorithms.py ../shared/eval/data/duc2004 [--sizes 10,100,500]
           [--repeat 3] [--sumy-timeout 120] [--algorithms lexrank,kl] [--no-rouge] [--no-sumy]

Time and memory: `briefing digest` on the first N articles of the dataset's clusters (all 500
of DUC 2004 make one day's news), each run a fresh process (wall time and peak RSS, as in
benchmarks/scale.py), repeated; the range is printed. "sumy" is the same digest with the
ratings taken from sumy's own implementation (`briefing.summary.ratings.reference`), run
once per size and not past the first size where it exceeds the timeout.

ROUGE: the briefing pipeline with each algorithm on every DUC 2004 cluster, cut at 665 bytes,
scored as `briefing eval` scores it (recall x100). Our ratings rank exactly as sumy's
(tests/unit/test_ratings.py), so sumy's rating would give the same briefings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from scale import build_input, measure

from briefing.config import ALGORITHM_NAMES

# The same digest, every algorithm's ratings taken from sumy's own implementation.
SUMY = """
import sys
from briefing.cli.main import main
from briefing.summary.algorithms import Algorithm
from briefing.summary.ratings.reference import build_document, rate_document

def sumy_rate(self, articles, features, key_terms):
    return rate_document(build_document(articles), self.name, key_terms)

Algorithm.rate = sumy_rate
sys.exit(main(["digest", sys.argv[1], "--algorithm", sys.argv[2], "--no-store"]))
"""


def _range(values: list[float]) -> str:
    return f"{min(values):.2f}-{max(values):.2f}" if len(values) > 1 else f"{values[0]:.2f}"


def timings(args: argparse.Namespace, algorithms: list[str], work: Path) -> dict[tuple[str, int], list[float]]:
    """Print the time and memory table; return our digest's CPU seconds per (algorithm, size)."""
    python = sys.executable
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print("| algorithm | articles | ours wall s | ours CPU s | ours MB | sumy wall s | sumy CPU s | sumy MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    ours_times: dict[tuple[str, int], list[float]] = {}
    for size in sizes:
        build_input(args.dataset, size, work / str(size))
    for algorithm in algorithms:
        sumy_alive = not args.no_sumy
        for size in sizes:
            folder = str(work / str(size))
            runs = [
                measure([python, "-m", "briefing", "digest", folder, "--algorithm", algorithm], 600)
                for _ in range(args.repeat)
            ]
            done = [r for r in runs if r]
            ours_times[algorithm, size] = [r[2] for r in done]
            if done:
                mine = (
                    f"{_range([r[0] for r in done])} | {_range([r[2] for r in done])} | {max(r[1] for r in done):.0f}"
                )
            else:
                mine = ">600 | - | -"
            theirs = measure([python, "-c", SUMY, folder, algorithm], args.sumy_timeout) if sumy_alive else None
            if theirs:
                other = f"{theirs[0]:.2f} | {theirs[2]:.2f} | {theirs[1]:.0f}"
            else:
                other = f">{args.sumy_timeout:.0f} | - | -" if sumy_alive else "not run | - | -"
            sumy_alive = sumy_alive and theirs is not None
            print(f"| {algorithm} | {size} | {mine} | {other} |", flush=True)
    print(f"load average at end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return ours_times


def rouge(dataset: Path, algorithms: list[str]) -> None:
    """Print ROUGE recall of the briefing pipeline with each algorithm on the dataset's clusters."""
    from briefing.config import Config
    from briefing.run.evaluate import MEASURES, SummaryLength, briefing_system, evaluate, read_clusters

    config = Config()  # the defaults, whatever the user's config says
    budget = SummaryLength(bytes=665)
    clusters = read_clusters(dataset)
    systems = {
        a: briefing_system(replace(config, summary=replace(config.summary, algorithm=a)), budget) for a in algorithms
    }
    print(f"\nROUGE recall x100 on {len(clusters)} clusters, 665 bytes, the briefing pipeline with each algorithm")
    print("| algorithm | R-1 | R-2 | R-L | s/cluster |")
    print("|---|---:|---:|---:|---:|")
    for result in evaluate(clusters, systems, budget):
        cells = " | ".join(f"{100 * result.means[m][0]:.2f}" for m in MEASURES)
        print(f"| {result.name} | {cells} | {result.seconds:.3f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--sizes", default="10,100,500")
    parser.add_argument("--repeat", type=int, default=3, help="runs of our digest per size")
    parser.add_argument("--sumy-timeout", type=float, default=120.0)
    parser.add_argument("--algorithms", default=",".join(ALGORITHM_NAMES))
    parser.add_argument("--no-sumy", action="store_true", help="skip sumy's own ratings")
    parser.add_argument("--no-rouge", action="store_true")
    args = parser.parse_args()
    algorithms = args.algorithms.split(",")
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-algorithms-"))
    try:
        ours = timings(args, algorithms, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sizes = sorted({size for _, size in ours})
    print("\nMedian CPU seconds of our digest, as briefing/summary/algorithms.py records them:")
    for algorithm in algorithms:
        print(f"{algorithm}: " + ", ".join(f"{statistics.median(ours[algorithm, s]):.1f} s / {s}" for s in sizes))
    if not args.no_rouge:
        rouge(args.dataset, algorithms)


if __name__ == "__main__":
    main()
