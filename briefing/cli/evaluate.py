"""`briefing eval`: ROUGE of the briefing and of plain sumy on a dataset, for research."""

from __future__ import annotations

import argparse

from briefing.errors import ExitCode


def eval_command(args: argparse.Namespace) -> int:
    from pathlib import Path

    from briefing.config import load_config
    from briefing.output.progress import ProgressBar
    from briefing.output.write import write_stdout
    from briefing.run.evaluate import MEASURES, SummaryLength, check_rouge, choose, evaluate, read_clusters, systems

    check_rouge()
    budget = SummaryLength(words=args.words) if args.words else SummaryLength(bytes=args.bytes or 665)
    config = load_config(args.config)
    clusters = read_clusters(Path(args.dataset))
    wanted = [s.strip() for s in args.systems.split(",")] if args.systems else None
    chosen = choose(systems(config, budget, Path(args.peers) if args.peers else None), wanted)
    size = f"{budget.words} words" if budget.words else f"{budget.bytes} bytes"
    write_stdout(
        f"{len(clusters)} clusters, summaries cut at {size}; ROUGE x100 (recall / F), Porter stemming\n"
        f"{'system':<22} {'R-1 R':>6} {'R-1 F':>6} {'R-2 R':>6} {'R-2 F':>6} {'R-L R':>6} {'R-L F':>6} {'s/cluster':>10}\n"
    )
    bar = ProgressBar()
    try:
        for result in evaluate(clusters, chosen, budget, bar):
            cells = " ".join(f"{100 * result.means[m][k]:6.2f}" for m in MEASURES for k in (0, 1))
            write_stdout(f"{result.name:<22} {cells} {result.seconds:10.3f}\n")
    finally:
        bar.close()
    return ExitCode.OK
