"""Seconds from launching a fresh Python process to the TUI's briefing list being filled.

Usage: python benchmarks/tui_startup.py [SOURCES...] [--runs N]   (default: seeds, 5 runs)
The child runs the real app headless under Pilot and reports the wall-clock moment the item
list has its options; the parent measures from just before it spawns the process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time


async def _child(sources: list[str]) -> None:
    from briefing.config import load_config
    from briefing.tui.app import create_app
    from briefing.tui.widgets.items import ItemList

    app = create_app(sources, load_config())
    async with app.run_test(size=(120, 40)) as pilot:
        while app.query_one(ItemList).option_count == 0:
            await pilot.pause(0.005)
        print(time.time(), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sources", nargs="*", default=["seeds"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        asyncio.run(_child(args.sources))
        return
    times = []
    history = tempfile.mkdtemp(prefix="briefing-startup-")  # a fresh history, not the user's
    for _ in range(args.runs):
        start = time.time()
        out = subprocess.run(
            [sys.executable, __file__, "--child", *args.sources],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "XDG_DATA_HOME": history},
        ).stdout
        times.append(float(out.split()[-1]) - start)
    print(
        f"TUI launch to filled list, {args.runs} runs: median {statistics.median(times):.3f} s, "
        f"min {min(times):.3f} s, max {max(times):.3f} s"
    )


if __name__ == "__main__":
    main()
