"""The performance bars of a morning's briefing, each as a ratio measured in one run.

Usage: python benchmarks/speed.py FEEDS DUC [--runs 5] [--against TREE] [--only NAMES]
  FEEDS: a folder of saved feeds (../shared/eval/data/feeds/real)
  DUC:   the DUC 2004 dataset (../shared/eval/data/duc2004): all doc_*.txt in one folder
  TREE:  another source tree (a checkout of an earlier commit) for the start-up and TUI times

Printed, each a median over --runs runs interleaved so that both sides of a ratio see the
same load (this machine is shared; wall times move by seconds between minutes):
  day       `digest FEEDS --no-store` against `digest DUC --no-store`: wall, peak RSS, ratio
  again     a second `digest` of the same fetched day (FEEDS served on 127.0.0.1, `briefing
            fetch`, then `digest` with no SOURCES) with the history on, against the first
  start     `digest seeds` in a fresh process (wall and CPU), and its imports (`-X importtime`;
            and in CPU seconds, which the machine's load stretches less)
  tui       launch to a filled screen on FEEDS against `digest seeds` (Pilot), three ways:
            cold (an empty history), warm (the second launch: its cache, the briefing it
            kept) and after cron (`digest FEEDS` with the history on, then the TUI); each
            says when the stored briefing was on screen, when today's first story was
            ("filled") and when all of it was. In the warm launch, once every shown story is
            read: + and -, and another algorithm (one never used, then ones used before), key
            press (the choice in the picker) to the new briefing on screen and to the whole of
            it; and the picker's opening; each key after a reader's second on the screen before
            it (`READING`). With --against, the same on TREE, interleaved
  memory    RSS growth of the TUI over 500 presses of + and -
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def run(
    command: list[str], env: dict[str, str] | None = None, cwd: Path = HERE, codes: tuple[int, ...] = (0, 1)
) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one fresh process, which must exit with one of `codes`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in codes:
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    return wall, usage.ru_maxrss / 1024


def environment(history: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "BRIEFING_CONFIG"}
    env["XDG_DATA_HOME"] = history
    env["XDG_CONFIG_HOME"] = history + "/no-config"
    return env


def median(values: list[float]) -> float:
    return statistics.median(values)


def digest(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "briefing", "digest", *arguments]


def day(feeds: Path, duc: Path, runs: int) -> None:
    walls: dict[str, list[float]] = {"feeds": [], "duc": []}
    peaks: dict[str, list[float]] = {"feeds": [], "duc": []}
    ratios = []
    with tempfile.TemporaryDirectory(prefix="speed-history-") as history:
        env = environment(history)
        for _ in range(runs):
            for name, folder in (("feeds", feeds), ("duc", duc)):
                wall, peak = run(digest(str(folder), "--no-store"), env)
                walls[name].append(wall)
                peaks[name].append(peak)
            ratios.append(walls["feeds"][-1] / walls["duc"][-1])
    for name in walls:
        print(f"day: digest {name:<5} wall median {median(walls[name]):.2f} s, peak RSS {max(peaks[name]):.0f} MB")
    print(f"day: feeds / DUC wall, median of paired ratios: {median(ratios):.2f} (bar 1.5; peak bar 400 MB)")


def again(feeds: Path, runs: int) -> None:
    """A fetched day digested twice with the history on: the second reads what the first kept.

    The feed files are served from 127.0.0.1 and `briefing fetch` stores their entries (the
    pages that teasers link to fail at once: no name leaves the machine), then `briefing
    digest` with no SOURCES reads what was fetched in the last 24 hours, twice."""
    sys.path.insert(0, str(HERE / "tests"))
    from local_server import Server, send

    firsts, seconds, ratios = [], [], []
    with Server(keep_alive=True) as server:
        for path in sorted(feeds.iterdir()):
            server.routes[f"/{path.name}"] = send(200, path.read_bytes(), Content_Type="application/xml")
        urls = ", ".join(f'"{server.url}/{path.name}"' for path in sorted(feeds.iterdir()))
        for _ in range(runs):
            with tempfile.TemporaryDirectory(prefix="speed-history-") as history:
                env = environment(history)
                config = Path(history) / "config.toml"
                config.write_text(f"[sources]\nfeeds = [{urls}]\ntimeout_seconds = 5\n", encoding="utf-8")
                fetched, _ = run([sys.executable, "-m", "briefing", "fetch", "--config", str(config)], env, codes=(0,))
                first, _ = run(digest("--config", str(config)), env, codes=(0,))
                second, _ = run(digest("--config", str(config)), env, codes=(0,))
            firsts.append(first)
            seconds.append(second)
            ratios.append(second / first)
    print(
        f"again: fetched day ({fetched:.1f} s to fetch): first digest {median(firsts):.2f} s, "
        f"second {median(seconds):.2f} s, second / first {median(ratios):.2f} (bar 0.40)"
    )


_IMPORT = re.compile(r"^import time:\s+\d+ \|\s+(\d+) \| (\S.*)$")


def imports(tree: Path) -> float:
    """Seconds of imports of `digest seeds` in a fresh process: the sum of the top-level ones."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "briefing", "digest", "seeds", "--no-store"],
        capture_output=True,
        text=True,
        cwd=tree,
        env=environment(tempfile.mkdtemp(prefix="speed-history-")),
    )
    total = 0
    for line in result.stderr.splitlines():
        match = _IMPORT.match(line)
        if match and not match.group(2).startswith(" "):
            total += int(match.group(1))
    return total / 1e6


# `digest seeds --no-store` in-process, its top-level imports timed in CPU seconds: what
# `-X importtime` times in wall seconds, which a loaded machine stretches several times over.
IMPORTS_CPU_CHILD = """
import builtins, contextlib, io, time
real, depth, total = builtins.__import__, 0, 0.0

def timed(*args, **kwargs):
    global depth, total
    if depth:
        return real(*args, **kwargs)
    depth, began = 1, time.process_time()
    try:
        return real(*args, **kwargs)
    finally:
        depth, total = 0, total + time.process_time() - began

builtins.__import__ = timed
from briefing.cli.main import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["digest", "seeds", "--no-store"])
print(total)
"""


def imports_cpu(tree: Path, env: dict[str, str]) -> float:
    """CPU seconds of the imports of `digest seeds --no-store` (after Python's own start-up)."""
    result = subprocess.run(
        [sys.executable, "-c", IMPORTS_CPU_CHILD], capture_output=True, text=True, cwd=tree, env=env, check=True
    )
    return float(result.stdout)


def compile_trees(trees: dict[str, Path]) -> None:
    """Each tree's modules compiled, as an installed package's are: with PYTHONDONTWRITEBYTECODE
    set (this machine sets it), a fresh checkout would compile every module on every run, and
    stale bytecode of an edited module is compiled again too (0.1 s of `digest seeds`, the
    whole difference of two identical trees)."""
    for tree in trees.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "briefing")], check=True)


def start(runs: int, against: Path | None) -> None:
    trees = {"this": HERE, **({"before": against} if against else {})}
    walls: dict[str, list[float]] = {name: [] for name in trees}
    loads: dict[str, list[float]] = {name: [] for name in trees}
    loads_cpu: dict[str, list[float]] = {name: [] for name in trees}
    cpus: dict[str, list[float]] = {name: [] for name in trees}
    compile_trees(trees)
    with tempfile.TemporaryDirectory(prefix="speed-history-") as history:
        env = environment(history)
        for _ in range(runs):
            for name, tree in trees.items():
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                walls[name].append(run(digest("seeds", "--no-store"), env, cwd=tree)[0])
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                loads[name].append(imports(tree))
                loads_cpu[name].append(imports_cpu(tree, env))
    for name in trees:
        print(
            f"start ({name}): digest seeds wall median {median(walls[name]):.2f} s (bar 0.6), "
            f"CPU {median(cpus[name]):.2f} s, imports {median(loads[name]):.2f} s (bar 0.3), "
            f"imports' CPU {median(loads_cpu[name]):.3f} s"
        )
    if against:
        # CPU seconds move less with the machine's load than wall seconds do (2 cores, shared).
        for label, values in (("wall", walls), ("CPU", cpus), ("imports", loads), ("imports' CPU", loads_cpu)):
            ratio = median([a / b for a, b in zip(values["this"], values["before"])])
            print(f"start: this / before, {label}, median of paired ratios: {ratio:.2f}")


TUI_CHILD = """
import asyncio, sys, time
start = float(sys.argv[1])
READING = 1.0  # seconds a reader looks at the screen before each key timed
from briefing.config import load_config
from briefing.tui.app import create_app
from briefing.tui.widgets.items import ItemList

async def main():
    app = create_app(sys.argv[4:], load_config(), store=sys.argv[2] == "store")
    async with app.run_test(size=(120, 40)) as pilot:
        told = False
        # Today's briefing on screen (its first story); before it, the stored one, if any.
        while app.query_one(ItemList).option_count == 0 or app.briefing is None or getattr(app, "stored", None):
            if not told and app.briefing is not None and app.query_one(ItemList).option_count:
                print("stored", time.time() - start, flush=True)
                told = True
            await pilot.pause(0.01)
        print("filled", time.time() - start, flush=True)
        while app.main.query_one("#busy").display:  # the other shown stories, read after the first
            await pilot.pause(0.01)
        print("complete", time.time() - start, flush=True)
        if sys.argv[3] != "keys":
            return
        for key in ("plus", "minus", "plus", "minus"):
            await changed(pilot, app, lambda: pressed(app, key), key)
        # Another algorithm: one never used (its stories rated), then ones used before.
        for name, kind in (("textrank", "new"), ("lexrank", "used"), ("textrank", "used")):
            await picker(pilot, app)
            await changed(pilot, app, lambda: chosen(app, name), f"{kind}-{name}")
        while any(worker.is_running for worker in app.workers):  # the briefing kept for the next launch
            await pilot.pause(0.05)

async def picker(pilot, app):
    from textual.widgets import OptionList
    from briefing.tui.screens.algorithm import AlgorithmScreen
    await asyncio.sleep(READING)
    began = time.perf_counter()
    await pressed(app, "a")
    while not (isinstance(app.screen, AlgorithmScreen) and any(o.size.height for o in app.screen.query(OptionList))):
        await pilot.pause(0.005)  # on screen, laid out
    print("picker", time.perf_counter() - began, flush=True)

async def pressed(app, key):
    # Not Pilot's press: it waits until the process looks idle (up to 1 s, twice), and so
    # timed whatever else ran then (a worker keeping the briefing, rating ahead) with the key.
    app.simulate_key(key)

async def chosen(app, name):
    app.screen.dismiss(name)

async def changed(pilot, app, act, label):
    # Seconds from the key (the choice, in the picker) to the new briefing on screen (its
    # first story), and to all of it.
    await asyncio.sleep(READING)
    before = app.briefing
    began = time.perf_counter()
    await act()
    while app.briefing is before:
        await pilot.pause(0.005)
    shown = time.perf_counter() - began
    while app.main.query_one("#busy").display:
        await pilot.pause(0.005)
    print("key", label, shown, time.perf_counter() - began, flush=True)

asyncio.run(main())
"""

# The launches `tui` times, each in a history of its own: (name, what is in the history first).
#   cold   a first launch: an empty history (the TUI fills its cache and keeps its briefing)
#   warm   a second launch on the same feeds: the cache and the briefing the first one kept
#   cron   a first launch after cron's `digest FEEDS` (history on) on the same feeds
LAUNCHES = ("cold", "warm", "cron")


def launch(tree: Path, feeds: Path, env: dict[str, str], store: bool = True, keys: bool = False) -> dict[str, list]:
    """One TUI launch under Pilot in a fresh process: what it printed, by the first word."""
    command = [sys.executable, "-c", TUI_CHILD, str(time.time()), "store" if store else "no-store"]
    result = subprocess.run(
        [*command, "keys" if keys else "-", str(feeds)], capture_output=True, text=True, env=env, cwd=tree, check=True
    )
    found: dict[str, list] = {}
    for line in result.stdout.splitlines():
        word, *values = line.split()
        found.setdefault(word, []).append(values)
    return found


def tui(feeds: Path, runs: int, against: Path | None) -> None:
    """Each launch in `LAUNCHES` on FEEDS, and `digest seeds`, interleaved run by run (and tree
    by tree, with --against); + and -, the algorithm picker and a switch in the warm launch."""
    trees = {"this": HERE, **({"before": against} if against else {})}
    compile_trees(trees)
    times: dict[tuple[str, str, str], list[float]] = {}  # (tree, launch, what) -> seconds
    keys: dict[str, list[tuple[str, float, float]]] = {name: [] for name in trees}
    pickers: dict[str, list[float]] = {name: [] for name in trees}

    def note(tree: str, name: str, found: dict[str, list], seeds: float) -> None:
        for what in ("stored", "filled", "complete"):
            for (value,) in found.get(what, []):
                times.setdefault((tree, name, what), []).append(float(value))
                times.setdefault((tree, name, what + "/seeds"), []).append(float(value) / seeds)

    for _ in range(runs):
        for tree_name, tree in trees.items():
            with tempfile.TemporaryDirectory(prefix="speed-history-") as history:
                env = environment(history)
                seeds = run(digest("seeds", "--no-store"), env, cwd=tree)[0]
                times.setdefault((tree_name, "", "seeds"), []).append(seeds)
                note(tree_name, "cold", launch(tree, feeds, env), seeds)
                warm = launch(tree, feeds, env, keys=True)
                note(tree_name, "warm", warm, seeds)
                keys[tree_name] += [(label, float(a), float(b)) for label, a, b in warm.get("key", [])]
                pickers[tree_name] += [float(value) for (value,) in warm.get("picker", [])]
            with tempfile.TemporaryDirectory(prefix="speed-history-") as history:
                env = environment(history)
                run(digest(str(feeds)), env, cwd=tree)
                note(tree_name, "cron", launch(tree, feeds, env), seeds)
    for tree_name in trees:
        print(f"tui ({tree_name}): digest seeds {median(times[(tree_name, '', 'seeds')]):.2f} s; bar: filled <= 2x")
        for name in LAUNCHES:
            said = []
            for what in ("stored", "filled", "complete"):
                if (tree_name, name, what) in times:
                    seconds, ratio = times[(tree_name, name, what)], times[(tree_name, name, what + "/seeds")]
                    said.append(f"{what} {median(seconds):.2f} s ({median(ratio):.1f}x seeds)")
            print(f"tui ({tree_name}) {name:<4}: " + ", ".join(said))
        plus = [(a, b) for label, a, b in keys[tree_name] if label in ("plus", "minus")]
        for kind, pairs in (("+ and -", plus), *_switches(keys[tree_name])):
            shown, whole = [a for a, _ in pairs], [b for _, b in pairs]
            print(
                f"tui ({tree_name}): {kind}, to the new briefing on screen: median {median(shown):.2f} s, "
                f"max {max(shown):.2f} s (bar 0.5); to every story of it: median {median(whole):.2f} s, "
                f"max {max(whole):.2f} s"
            )
        print(
            f"tui ({tree_name}): opening the algorithm picker: median {median(pickers[tree_name]):.2f} s, "
            f"max {max(pickers[tree_name]):.2f} s"
        )


def _switches(keys: list[tuple[str, float, float]]) -> list[tuple[str, list[tuple[float, float]]]]:
    """The algorithm switches timed: to one never used, to ones used before."""
    return [
        (said, [(a, b) for label, a, b in keys if label.startswith(kind + "-")])
        for kind, said in (("new", "an algorithm never used"), ("used", "an algorithm used before"))
    ]


MEMORY_CHILD = """
import asyncio, gc, sys
from briefing.config import load_config
from briefing.tui.app import create_app

def rss():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024

async def main():
    app = create_app(sys.argv[1:], load_config(), store=False)
    async with app.run_test(size=(120, 40)) as pilot:
        while app.briefing is None:
            await pilot.pause(0.05)
        for _ in range(20):  # warm up: every length once, the caches full
            await pilot.press("plus", "minus")
        await idle(pilot, app)
        before = rss()
        for _ in range(250):
            await pilot.press("plus", "minus")
        await idle(pilot, app)
        gc.collect()
        print(before, rss(), gc.get_freeze_count(), flush=True)

async def idle(pilot, app):
    while any(worker.is_running for worker in app.workers):
        await pilot.pause(0.05)
    await pilot.pause(0.2)

asyncio.run(main())
"""


def memory(sources: str) -> None:
    with tempfile.TemporaryDirectory(prefix="speed-history-") as history:
        result = subprocess.run(
            [sys.executable, "-c", MEMORY_CHILD, sources],
            capture_output=True,
            text=True,
            env=environment(history),
            cwd=HERE,
            check=True,
        )
    before, after, frozen = result.stdout.split()
    print(
        f"memory: 500 presses of + and - on {sources}: RSS {float(before):.0f} MB -> {float(after):.0f} MB "
        f"(+{float(after) - float(before):.1f} MB, bar 20), {frozen} objects frozen"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("feeds", type=Path)
    parser.add_argument("duc", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", type=Path, help="an earlier source tree, for the start-up ratio")
    parser.add_argument("--only", default="day,again,start,tui,memory")
    args = parser.parse_args()
    only = set(args.only.split(","))
    work = Path(tempfile.mkdtemp(prefix="speed-"))
    try:
        sys.path.insert(0, str(HERE / "benchmarks"))
        from stories import build_day

        duc = work / "duc"
        build_day(args.duc.resolve(), duc)
        feeds = args.feeds.resolve()
        if "day" in only:
            day(feeds, duc, args.runs)
        if "again" in only:
            again(feeds, args.runs)
        if "start" in only:
            start(args.runs, args.against.resolve() if args.against else None)
        if "tui" in only:
            tui(feeds, args.runs, args.against.resolve() if args.against else None)
        if "memory" in only:
            memory("seeds")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
