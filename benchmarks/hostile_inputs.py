"""Wall time and peak memory of `briefing digest` on inputs within the limits but of hostile
shape (issue 31, class 5): each must finish, within the time and memory beside it.

Usage: python benchmarks/hostile_inputs.py [--only NAME] [--timeout 300]

Every input is made here, in a temporary folder, and read by a fresh process
(`python -m briefing digest INPUT --no-store`, a history of its own). Peak RSS comes from
wait4's rusage, so it counts the largest process (a worker's, if one was larger). Wall times
vary with the machine's load; memory does not. The bars are the hostile run's
(/work/scratch/hostile, findings.md at 8aa4c33), where the first three went past 3-4 GB.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WORDS = ["bridge", "harbour", "council", "ferry", "engineers", "repairs", "traffic", "mayor", "budget", "port"]
BODY = (
    "Officials said the Harbour Bridge would stay closed for at least two weeks after engineers found cracks "
    "in a main support on Monday. The council said repairs would cost about 4 million dollars. Ferry services "
    "will run every twenty minutes while the bridge is shut, the transport office said."
)


def rss_similar(into: Path) -> Path:
    """16,000 RSS entries that differ only in a number (4.6 MB)."""
    items = "".join(
        f"<item><title>Bridge update {i}</title><link>https://gazette.example/u/{i}</link><description>"
        f"Officials said the Harbour Bridge would stay closed for repairs, update number {i} said.</description></item>"
        for i in range(16_000)
    )
    feed = into / "feed.xml"
    feed.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{items}</channel></rss>")
    return feed


def one_sentence_files(count: int) -> Callable[[Path], Path]:
    def make(into: Path) -> Path:
        folder = into / "many"
        folder.mkdir()
        for i in range(count):
            a, b, c = WORDS[i % 10], WORDS[(i // 10) % 10], WORDS[(i // 100) % 10]
            (folder / f"{i:06d}.txt").write_text(
                f"The {a} report number {i} said the {b} and the {c} were fine today.\n"
            )
        return folder

    make.__doc__ = f"{count:,} one-sentence files"
    return make


def distinct_files(into: Path) -> Path:
    """5,000 one-sentence files of 8 random words each."""
    rng = random.Random(5)
    vocabulary = sorted({w.strip(".,").lower() for w in BODY.split() if w.isalpha()} | {f"w{n}" for n in range(400)})
    folder = into / "distinct"
    folder.mkdir()
    for i in range(5000):
        (folder / f"{i:05d}.txt").write_text(
            f"The {' '.join(rng.choice(vocabulary) for _ in range(8))} said on Monday.\n"
        )
    return folder


def tiny_sentences(into: Path) -> Path:
    """257,000 short sentences in one file (4.9 MB)."""
    folder = into / "tiny"
    folder.mkdir()
    (folder / "tiny.txt").write_text("Bridge shut today. " * 257_000)
    return folder


def long_line(into: Path) -> Path:
    """A 4.9 MB line of words without a sentence end."""
    folder = into / "line"
    folder.mkdir()
    (folder / "line.txt").write_text(" ".join(f"{WORDS[i % 8]}{i % 997}" for i in range(600_000))[:4_900_000])
    return folder


def near_duplicates(into: Path) -> Path:
    """2,000 articles that differ in one number."""
    folder = into / "dups"
    folder.mkdir()
    for i in range(2000):
        (folder / f"{i:04d}.txt").write_text(BODY.replace("4 million", f"{i} million") + f" Report {i}.")
    return folder


def atom_tiny(into: Path) -> Path:
    """An Atom feed of 25,000 tiny distinct entries (4.8 MB)."""
    entries = "".join(
        f"<entry><title>E{i}</title><link href='https://gazette.example/e/{i}'/><id>e{i}</id><content type='html'>"
        f"The {WORDS[i % 10]} {WORDS[(i // 10) % 10]} team {i} met {WORDS[(i // 100) % 10]} staff today.</content></entry>"
        for i in range(25_000)
    )
    feed = into / "tiny.atom"
    feed.write_text(f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>T</title>{entries}</feed>")
    return feed


# name, how to make it, bar: seconds, MB
CASES: list[tuple[str, Callable[[Path], Path], float, float]] = [
    ("rss-16000-similar", rss_similar, 30, 1500),
    ("files-20000", one_sentence_files(20_000), 60, 1500),
    ("files-5000", one_sentence_files(5000), 30, 1000),
    ("files-5000-distinct", distinct_files, 30, 1000),
    ("tiny-sentences", tiny_sentences, 15, 600),
    ("long-line", long_line, 15, 600),
    ("near-duplicates-2000", near_duplicates, 30, 1500),
    ("atom-25000", atom_tiny, 30, 1500),
]


def measure(command: list[str], timeout: float) -> tuple[float, float, int] | None:
    """(seconds, peak RSS in MB, exit status) of a fresh process, or None past the timeout."""
    with tempfile.TemporaryDirectory(prefix="briefing-bench-history-") as history:
        env = {**os.environ, "XDG_DATA_HOME": history, "XDG_CONFIG_HOME": history}
        env.pop("BRIEFING_CONFIG", None)
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)
            if time.perf_counter() - start > timeout:
                process.send_signal(signal.SIGKILL)
                process.wait()
                return None
            time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="run the cases whose name holds this")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefing-hostile-"))
    print(f"{'case':<22} {'seconds':>8} {'MB':>6} {'exit':>5}  bar")
    try:
        for name, make, seconds, megabytes in CASES:
            if args.only and args.only not in name:
                continue
            into = work / name
            into.mkdir()
            path = make(into)
            result = measure([sys.executable, "-m", "briefing", "digest", str(path), "--no-store"], args.timeout)
            if result is None:
                print(
                    f"{name:<22} {'>' + str(int(args.timeout)):>8} {'-':>6} {'-':>5}  {seconds:.0f} s, {megabytes:.0f} MB"
                )
            else:
                wall, peak, code = result
                over = " OVER" if wall > seconds or peak > megabytes or code not in (0, 1) else ""
                print(
                    f"{name:<22} {wall:8.1f} {peak:6.0f} {code:>5}  {seconds:.0f} s, {megabytes:.0f} MB{over}",
                    flush=True,
                )
            shutil.rmtree(into, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
