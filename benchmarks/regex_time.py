"""Crafted lines against every built-in cleaning pattern: is any of them super-linear?

Usage: python benchmarks/regex_time.py [--size 400000] [--scan]

--scan pumps every pattern of cleaning (briefing.text.clean, rules, dates, normalize) and of
the sanitiser with repeated units between prefixes and suffixes at two sizes and lists those
whose time grows faster than the input (a backtracking pattern is quadratic or worse on
some such line). Without it, the crafted lines known to have been slow are timed at --size through the whole cleaning
path (`clean_page`), which is what a 400 KB line in an article costs.
"""

from __future__ import annotations

import argparse
import itertools
import re
import time

from briefing import sanitize
from briefing.text import clean, dates, normalize, rules

UNITS = [
    "a",
    "A",
    "0",
    " ",
    "\u2028",
    "\u1680",
    ".",
    "@",
    "#",
    ":",
    "/",
    "-",
    "'",
    '"',
    "”",
    "(",
    ")",
    "[",
    "{",
    "©",
    "•",
    "aB",
    "a ",
    "a.",
    "a@",
    "a.@",
    "0:",
    "00:00 ",
    "photo ",
    "photo/",
    "SEE:",
    "SEE: a",
    "WATCH: ",
    "also read: ",
    "copyright ",
    "source: ",
    "#a ",
    "#a",
    "Mon ",
    "May ",
    "1 ",
    "2024-01-01 ",
    "a.b",
    "A.",
    "ab.",
    "ab.C",
    "AB.C",
    "a.”",
    "a,”A",
    "sign up ",
    "the author is ",
    "FILE - ",
    "In this ",
    "(AP ",
    "(@a) a ",
    "0a",
    "0 ",
    "a0",
    "{a",
    "}",
    "http://a",
    "a:a",
    "a\u2028",
    ". ",
    "!",
    "?",
]
PREFIXES = ["", "a", "@", ":", "photo/", "SEE: ", "0"]
SUFFIXES = ["", "!", ":", "@", "0123456789abcdef", "\u2028x", "a:", " 12:34"]


def patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: list[tuple[str, re.Pattern[str]]] = []
    for module in (clean, rules, dates, normalize, sanitize):
        for key, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{module.__name__}.{key}", value))
            elif isinstance(value, tuple):
                found += [
                    (f"{module.__name__}.{key}.{rule[0]}", rule[1])
                    for rule in value
                    if isinstance(rule, tuple) and len(rule) == 2 and isinstance(rule[1], re.Pattern)
                ]
    return found


def seconds(pattern: re.Pattern[str], text: str, repeat: int = 3) -> float:
    """The best of `repeat` timings of one search."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        pattern.search(text)
        best = min(best, time.perf_counter() - start)
    return best


def line(prefix: str, unit: str, suffix: str, size: int) -> str:
    return prefix + unit * max(1, size // len(unit)) + suffix


def scan(small: int = 4000) -> list[tuple[float, str, str]]:
    """(estimated seconds at 400 KB, pattern, crafted line description) for super-linear cases."""
    slow = []
    for label, pattern in patterns():
        for unit, prefix, suffix in itertools.product(UNITS, PREFIXES, SUFFIXES):
            short, long = line(prefix, unit, suffix, small), line(prefix, unit, suffix, 2 * small)
            if seconds(pattern, short, 1) < 2e-4:
                continue
            doubled = seconds(pattern, long, 2)
            if doubled > 3 * seconds(pattern, short, 2):
                estimate = doubled * (400_000 / (2 * small)) ** 2
                slow.append((estimate, label, f"{prefix!r} + {unit!r} * n + {suffix!r}"))
    return sorted(slow, reverse=True)


# Lines that were slow through the whole cleaning path before the rules were made linear.
CRAFTED = {
    "contact: '@' then a long word": lambda n: "@" + "a" * n,
    "contact: dotted words, no @ after": lambda n: "a@ " + "a." * (n // 2),
    "caption: 'photo/' then words": lambda n: "Photo/" + "photo " * (n // 6) + ":",
    "trailing hash: spaces before a hex tail": lambda n: "Words " * 20 + "\u2028" * n + "x0123456789abcdef",
    "tags: camel words": lambda n: "aB" * (n // 2) + " x",
    "video: title and duration": lambda n: "a" * n + " 1:23 x",
    "promo: many SEE:": lambda n: "SEE: a " * (n // 7),
    "date: long digits": lambda n: "2024-01-01T" + "1" * n + "x",
    "plain prose": lambda n: "The council met on Monday and approved the budget. " * (n // 51),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=400_000)
    parser.add_argument("--scan", action="store_true")
    args = parser.parse_args()
    if args.scan:
        for estimate, label, crafted in scan():
            print(f"{estimate:10.1f} s at 400 KB  {label}  {crafted}")
        return
    for label, make in CRAFTED.items():
        text = make(args.size)
        start = time.perf_counter()
        clean.clean_page(text)
        elapsed = time.perf_counter() - start
        print(f"{elapsed:8.3f} s  {len(text):>7} chars  {label}", flush=True)


if __name__ == "__main__":
    main()
