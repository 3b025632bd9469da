"""Fuzz the ingest-and-clean path for a fixed time budget.

Usage: python benchmarks/fuzz_clean.py [--seconds 60] [--seed 1] [CORPUS...]

Inputs are built from random bytes, random Unicode, and mutations (splices, duplicated lines,
inserted chrome and control sequences) of the articles in CORPUS (default: seeds/). Each one
goes through decode -> parse_article; an exception, a sentence whose span does not slice to
its text, or a control character in the cleaned text is a failure.
"""

from __future__ import annotations

import argparse
import random
import time
import traceback
from pathlib import Path

from briefing.models import Document
from briefing.sources.documents import binary_kind, decode
from briefing.sources.files import parse_article

PIECES = [
    "ALSO READ: ",
    "SEE: x | In Pics",
    "\x1b[31m",
    "\x1b]0;t\x07",
    "\x00",
    "\u202e",
    "{that a}",
    "2:52",
    "Copyright © 2024",
    "\n\n",
    "\n",
    "  • ",
    "Title: x\n",
    "Date: 2024-01-01\n",
    "<p>",
    "</p>",
    "\r\n",
    ".",
    "”",
    "“",
    "Mr.",
    "U.S.",
    "\ufeff",
    "\t",
    "0\n85",
    "Comments are closed.",
    "x" * 5000,
]


def mutate(rng: random.Random, corpus: list[str]) -> bytes:
    choice = rng.random()
    if choice < 0.15:
        return rng.randbytes(rng.randint(0, 4000))
    if choice < 0.3:
        return "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(0, 800))).encode("utf-8", "replace")
    text = rng.choice(corpus)
    for _ in range(rng.randint(1, 30)):
        at = rng.randint(0, len(text))
        action = rng.random()
        if action < 0.5:
            text = text[:at] + rng.choice(PIECES) + text[at:]
        elif action < 0.8:
            end = min(len(text), at + rng.randint(1, 200))
            text = text[:at] + text[end:]
        else:
            other = rng.choice(corpus)
            start = rng.randint(0, len(other))
            text = text[:at] + other[start : start + rng.randint(1, 500)] + text[at:]
    encoding = rng.choice(["utf-8", "utf-8", "utf-16", "cp1252"])
    return text.encode(encoding, "replace")


def check(data: bytes) -> None:
    if binary_kind(data):
        return
    article = parse_article(Document("fuzz", "fuzz.txt", decode(data)))
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text, "span does not slice to sentence"
    assert not any(ord(ch) < 32 and ch not in "\n" for ch in article.text), "control character survived"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="*", default=["seeds"])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    corpus = [p.read_text(encoding="utf-8") for folder in args.corpus for p in sorted(Path(folder).glob("*.txt"))]
    rng = random.Random(args.seed)
    tried = failed = 0
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        data = mutate(rng, corpus)
        tried += 1
        try:
            check(data)
        except Exception:  # report every kind of failure, then go on fuzzing
            failed += 1
            if failed <= 5:
                print(f"failure on input {tried} ({len(data)} bytes): {data[:120]!r}")
                traceback.print_exc(limit=3)
    print(f"{tried} inputs in {args.seconds:.0f} s, {failed} failures")


if __name__ == "__main__":
    main()
