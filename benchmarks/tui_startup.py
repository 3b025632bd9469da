"""Seconds from launching a fresh Python process to the TUI's briefing list being filled.

Usage: python benchmarks/tui_startup.py [SOURCES...] [--runs N] [--cold] [--vs-digest]
       (default: seeds, 5 runs)
The child runs the real app headless under Pilot and reports the wall-clock moment the item
list has its options; the parent measures from just before it spawns the process.

--cold gives every run an empty home, cache and history (a new user's first launch: no
stored briefing, no article cache, no unpacked language model). --vs-digest runs `briefing
digest` of the same sources (same settings for the home) after each TUI run, and prints
the TUI/digest ratio pair by pair: on this shared machine only a ratio measured in one run
means anything.

The child waits for the list with a plain sleep: waiting with `pilot.pause` every 5 ms made
the app settle its screen 200 times a second, which cost the app's thread 3.5 s of CPU on
the 100 shared feeds (6.3 s against 2.7 s; load 10, 2 cores) and made the TUI look slower
than it is.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
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
    async with app.run_test(size=(120, 40)):
        while app.query_one(ItemList).option_count == 0:
            await asyncio.sleep(0.01)
        print(time.time(), flush=True)


def _home(cold: bool, history: str) -> tuple[dict[str, str], str | None]:
    """The environment of one run, and the folder to remove after it (cold runs)."""
    if not cold:
        return {**os.environ, "XDG_DATA_HOME": history}, None
    home = tempfile.mkdtemp(prefix="briefing-cold-")
    parts = {name: os.path.join(home, name) for name in ("home", "cache", "data", "config", "state")}
    for path in parts.values():
        os.mkdir(path)
    environment = {
        "HOME": parts["home"],
        "XDG_CACHE_HOME": parts["cache"],
        "XDG_DATA_HOME": parts["data"],
        "XDG_CONFIG_HOME": parts["config"],
        "XDG_STATE_HOME": parts["state"],
    }
    return {**os.environ, **environment}, home


def _digest(sources: list[str], environment: dict[str, str]) -> float:
    start = time.time()
    subprocess.run(
        [sys.executable, "-m", "briefing", "digest", *sources],
        capture_output=True,
        check=False,  # a day with nothing new exits 1; the time is still the run's
        env=environment,
    )
    return time.time() - start


def _summary(name: str, times: list[float]) -> str:
    return f"{name}: median {statistics.median(times):.3f} s, min {min(times):.3f} s, max {max(times):.3f} s"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sources", nargs="*", default=["seeds"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="an empty home, cache and history for every run")
    parser.add_argument("--vs-digest", action="store_true", help="time 'briefing digest' after each TUI run")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        asyncio.run(_child(args.sources))
        return
    times: list[float] = []
    digests: list[float] = []
    history = tempfile.mkdtemp(prefix="briefing-startup-")  # a fresh history, not the user's
    print(f"load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    for _ in range(args.runs):
        environment, home = _home(args.cold, history)
        start = time.time()
        child = subprocess.run(
            [sys.executable, __file__, "--child", *args.sources],
            capture_output=True,
            text=True,
            check=False,  # the app may fail as it quits under a worker's message (a Progressed message after the screens are gone: IndexError in BriefingApp.main)
            env=environment,
        )
        if not child.stdout.split():
            sys.exit(f"the TUI never filled its list:\n{child.stderr}")
        times.append(float(child.stdout.split()[0]) - start)
        if home is not None:
            shutil.rmtree(home)
        if args.vs_digest:
            apart = tempfile.mkdtemp(prefix="briefing-digest-")  # its history is not the TUI's
            environment, home = _home(args.cold, apart)
            digests.append(_digest(args.sources, environment))
            shutil.rmtree(home or apart)
    print(_summary(f"TUI launch to filled list, {args.runs} runs{', cold' if args.cold else ''}", times))
    if digests:
        print(_summary("briefing digest, after each", digests))
        ratios = [tui / digest for tui, digest in zip(times, digests)]
        print(_summary("TUI / digest, pair by pair", ratios).replace(" s", ""))
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
