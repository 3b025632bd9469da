"""Wall time and peak memory of `briefing digest` against plain sumy LexRank, by input size.

Usage: python benchmarks/scale.py ../shared/eval/data/duc2004 [--sizes 10,50,100,250,500]
                                  [--sumy-timeout 180]

Inputs are the first N articles of the dataset's clusters (all 500 of DUC 2004 make one
day's news). Each run is a fresh process; peak RSS comes from wait4's rusage. sumy runs
LexRank on the same articles concatenated, and is not run past the first size where it
exceeds the timeout.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUMY = """
import sys
from pathlib import Path
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words
from briefing.text.segment import tokenizer
text = "\\n\\n".join(p.read_text(encoding="utf-8").strip() for p in sorted(Path(sys.argv[1]).glob("*.txt")))
summarizer = LexRankSummarizer(Stemmer("english"))
summarizer.stop_words = get_stop_words("english")
for sentence in summarizer(PlaintextParser.from_string(text, tokenizer()).document, 8):
    print(sentence)
"""
NLP_STACK = (
    "import briefing.summary.pipeline, briefing.sources.files, briefing.text.segment; briefing.text.segment.tokenizer()"
)
SEGMENT = "import sys; from briefing import load_articles; load_articles([sys.argv[1]])"


def measure(command: list[str], timeout: float, cwd: Path | None = None) -> tuple[float, float, float] | None:
    """(seconds, peak RSS in MB, CPU seconds) of a fresh process with default settings, or None
    past the timeout. CPU time (user + system) varies less than wall time on a loaded machine.
    `cwd` is where it runs (`python -m briefing` there imports that tree's package).

    Runs keep their history in a folder of their own, so the user's history stays untouched
    and every run starts from the same (empty) one.
    """
    env = {key: value for key, value in os.environ.items() if key != "BRIEFING_CONFIG"}
    env["XDG_CONFIG_HOME"] = tempfile.gettempdir() + "/briefing-bench-no-config"
    with tempfile.TemporaryDirectory(prefix="briefing-bench-history-") as history:
        env["XDG_DATA_HOME"] = history
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                if status:
                    raise SystemExit(f"failed: {' '.join(command)}")
                return time.perf_counter() - start, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
            if time.perf_counter() > deadline:
                process.send_signal(signal.SIGKILL)
                process.wait()
                return None
            time.sleep(0.01)


def build_input(dataset: Path, count: int, into: Path) -> None:
    files = sorted(dataset.glob("*/doc_*.txt"))[:count]
    into.mkdir()
    for file in files:
        shutil.copy(file, into / f"{file.parent.name}_{file.name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--sizes", default="10,50,100,250,500")
    parser.add_argument("--sumy-timeout", type=float, default=180.0)
    args = parser.parse_args()
    python = sys.executable
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        for label, code in (("briefing.cli.main", "import briefing.cli.main"), ("the NLP stack", NLP_STACK)):
            imported = measure([python, "-c", code], 60)
            print(f"import {label}: {imported[0]:.2f} s, {imported[1]:.0f} MB" if imported else "import timed out")
        print(f"{'articles':>8} {'segment s':>10} {'briefing s':>11} {'MB':>6} {'sumy s':>9} {'MB':>6} {'ratio':>7}")
        sumy_alive = True
        for size in (int(s) for s in args.sizes.split(",")):
            folder = work / str(size)
            build_input(args.dataset, size, folder)
            segment = measure([python, "-c", SEGMENT, str(folder)], 600)
            ours = measure([python, "-m", "briefing", "digest", str(folder)], 600)
            theirs = measure([python, "-c", SUMY, str(folder)], args.sumy_timeout) if sumy_alive else None
            sumy_alive = sumy_alive and theirs is not None
            seg = f"{segment[0]:10.2f}" if segment else f"{'-':>10}"
            mine = f"{ours[0]:11.2f} {ours[1]:6.0f}" if ours else f"{'>600':>11} {'-':>6}"
            if theirs and ours:
                other = f"{theirs[0]:9.2f} {theirs[1]:6.0f} {theirs[0] / ours[0]:6.1f}x"
            else:
                other = f"{'>' + str(int(args.sumy_timeout)):>9} {'-':>6} {'-':>7}"
            print(f"{size:>8} {seg} {mine} {other}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
