"""Feeds as they come: parser timings, failures, and whether every substantial entry is read.

Usage: python benchmarks/feeds.py ../shared/eval/data/feeds/real [--repeat 3]

1. Times fastfeedparser (our parser) and, if installed, feedparser over every feed file, and
   counts the files each fails on and the entries each finds.
2. Runs `briefing read --format json FOLDER` (the real command) and checks the promise the
   issue makes: every feed reads without error, and every entry with 50 words or more of
   text becomes an article. Entries that do not are listed with the reason briefing gave.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def timed(parse: Callable[[bytes], Any], feeds: list[bytes], repeat: int) -> tuple[list[float], int, int]:
    """Seconds per full pass, files that raised, entries found (last pass)."""
    times = []
    for _ in range(repeat):
        began, failures, entries = time.perf_counter(), 0, 0
        for data in feeds:
            try:
                entries += len(parse(data).get("entries") or ())
            except Exception:  # a benchmark counts failures of any kind
                failures += 1
        times.append(time.perf_counter() - began)
    return times, failures, entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a folder of saved feeds")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.is_file() and not p.name.startswith((".", "LICENSE")))
    feeds = [p.read_bytes() for p in files]

    parsers = {"fastfeedparser": "fastfeedparser", "feedparser": "feedparser"}
    for name, module in parsers.items():
        if importlib.util.find_spec(module) is None:
            print(f"{name:<15} not installed")
            continue
        parse = importlib.import_module(module).parse
        times, failures, entries = timed(parse, feeds, args.repeat)
        print(
            f"{name:<15} {min(times):6.2f}-{max(times):.2f} s for {len(feeds)} feeds ({args.repeat} runs), "
            f"{failures} failed, {entries} entries"
        )

    from briefing.sources.documents import NotReadable, read_document

    began = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "read", "--format", "json", str(args.folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - began
    read = {article["id"] for article in json.loads(result.stdout or '{"articles": []}')["articles"]}
    messages = result.stderr.splitlines()
    unreadable, long_entries, missing = [], 0, []
    for path in files:
        try:
            documents = read_document(path.read_bytes(), str(path), path.stem)
        except NotReadable as error:
            unreadable.append(f"{path.name}: {error}")
            continue
        for document in documents:
            if len(document.text.split()) >= 50:
                long_entries += 1
                if document.id not in read:
                    reason = next((m for m in messages if f"({document.id})" in m), "no message")
                    missing.append(reason)
    print(f"\nbriefing read: {len(files)} feeds in {elapsed:.1f} s, exit {result.returncode}, {len(read)} articles")
    print(f"feeds that did not read: {len(unreadable)}")
    for line in unreadable:
        print(f"  {line}")
    print(f"entries with 50+ words: {long_entries}, not an article: {len(missing)}")
    for line in missing:
        print(f"  {line}")


if __name__ == "__main__":
    main()
