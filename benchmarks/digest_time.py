"""Wall and CPU time of one `briefing digest` of a day's folder, in fresh processes.

Usage: python benchmarks/digest_time.py /tmp/day [--runs 7] [--against ../other-checkout]

Build the DUC day first with `benchmarks/stories.build_day` (all 500 DUC 2004 articles under
neutral names). Each run is `python -m briefing digest DAY` in a fresh process with an empty
history (`scale.measure`). With --against, the same command runs from another source tree
(a checkout of an earlier commit) interleaved with this one, so that both see the same load:
on a shared machine wall time moves by a second between minutes, and only an interleaved
A/B of medians says what a change saved. CPU time (user + system) varies less than wall.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from scale import measure

HERE = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("day", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--against", type=Path, help="another source tree, run interleaved with this one")
    args = parser.parse_args()
    trees = {"this": HERE, **({"against": args.against.resolve()} if args.against else {})}
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
    for _ in range(args.runs):
        for name, tree in trees.items():
            result = measure([sys.executable, "-m", "briefing", "digest", str(args.day)], 600, cwd=tree)
            if result is None:
                raise SystemExit(f"timed out: {tree}")
            times[name].append((result[0], result[2]))
    for name, runs in times.items():
        wall, cpu = [run[0] for run in runs], [run[1] for run in runs]
        print(
            f"{name:>8}: wall median {statistics.median(wall):.2f} s (min {min(wall):.2f}), "
            f"CPU median {statistics.median(cpu):.2f} s (min {min(cpu):.2f}), {len(runs)} runs"
        )


if __name__ == "__main__":
    main()
