"""The command line: `briefing digest` for cron, `briefing eval` for research.

stdout carries the briefing and nothing else; messages go to stderr; exit codes are
`ExitCode`. Heavy modules are imported inside the commands so `--help` stays instant.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.errors import BriefingError, ExitCode

if TYPE_CHECKING:
    from briefing.models import Notice, Skipped


def _parser() -> argparse.ArgumentParser:
    from briefing.config import ALGORITHMS
    from briefing.render import FORMATS

    parser = argparse.ArgumentParser(
        prog="briefing", description="One short, sourced briefing from many overlapping news articles."
    )
    parser.add_argument("--config", help="config file (default: $BRIEFING_CONFIG or ~/.config/briefing/config.toml)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    commands = parser.add_subparsers(dest="command")

    digest = commands.add_parser("digest", help="print or write the briefing")
    digest.add_argument("sources", nargs="*", help="article files or folders (default: [sources] paths)")
    budget = digest.add_mutually_exclusive_group()
    budget.add_argument("-n", "--sentences", type=int, metavar="N", help="number of briefing items")
    budget.add_argument("--words", type=int, metavar="W", help="about W words instead of N items")
    budget.add_argument("--bytes", type=int, metavar="B", help="about B bytes (for evaluation)")
    digest.add_argument("--algorithm", choices=ALGORITHMS, help="sumy algorithm that rates sentences")
    digest.add_argument("--stories", type=int, metavar="K", help="at most K stories, most important first (0: all)")
    digest.add_argument("--topic", metavar="TEXT", help='only the stories about TEXT, e.g. "Ukraine"')
    digest.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    digest.add_argument("-o", "--output", metavar="FILE", help="write atomically to FILE ({date} expands)")
    digest.add_argument("--explain", action="store_true", help="also list on stderr what cleaning removed")
    digest.add_argument("--no-store", action="store_true", help="do not record this briefing in the history")
    digest.add_argument("--only-new", action="store_true", help="leave out items that repeat recent briefings")
    digest.add_argument("--config", dest="sub_config", metavar="CONFIG", help=argparse.SUPPRESS)

    read = commands.add_parser("read", help="print each article as the briefing sees it: metadata and clean text")
    read.add_argument("sources", nargs="+", help="article files, folders, saved pages or feeds")
    read.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    read.add_argument("--config", dest="sub_config", metavar="CONFIG", help=argparse.SUPPRESS)

    tui = commands.add_parser("tui", help="open the briefing in the terminal UI (the default)")
    tui.add_argument("sources", nargs="*", help="article files or folders (default: [sources] paths)")
    tui.add_argument("--no-store", action="store_true", help="do not record this briefing in the history")

    history = commands.add_parser("history", help="list past briefings")
    history.add_argument("--config", dest="sub_config", metavar="CONFIG", help=argparse.SUPPRESS)
    show = commands.add_parser("show", help="print a past briefing exactly as it was")
    show.add_argument("which", metavar="DATE|ID", help="a briefing id, or a date (YYYY-MM-DD) for its latest")
    show.add_argument("--format", choices=FORMATS, default="text")
    show.add_argument("--config", dest="sub_config", metavar="CONFIG", help=argparse.SUPPRESS)

    evaluate = commands.add_parser("eval", help="ROUGE of the briefing and plain sumy on a dataset")
    evaluate.add_argument("dataset", help="folder of clusters: doc_*.txt and reference_*.txt in each")
    size = evaluate.add_mutually_exclusive_group()
    size.add_argument("--bytes", type=int, help="summary length in bytes (default 665)")
    size.add_argument("--words", type=int, help="summary length in words")
    evaluate.add_argument("--systems", help="comma-separated systems to run (default: all)")
    evaluate.add_argument("--peers", help="folder of published systems' outputs, one folder per cluster")
    return parser


def _digest(args: argparse.Namespace) -> int:
    from briefing import __version__, load_articles, render, summarize
    from briefing.config import load_config, with_overrides
    from briefing.errors import SourceError
    from briefing.history.novelty import without_repeats
    from briefing.history.store import StoreError, recent_items, record
    from briefing.output import expand_path, write_atomically
    from briefing.progress import ProgressBar
    from briefing.render import printable

    config = load_config(args.sub_config or args.config)
    words_or_bytes = args.words is not None or args.bytes is not None
    config = with_overrides(
        config,
        sentences=args.sentences if args.sentences is not None else (0 if words_or_bytes else None),
        words=args.words,
        bytes=args.bytes,
        algorithm=args.algorithm,
        stories=args.stories,
        topic=args.topic,
    )
    bar = ProgressBar()
    articles, problems = load_articles(args.sources or list(config.sources.paths), config, bar.part(0.0, 0.3))
    _report(problems, len(articles))
    if args.explain:
        for article in articles:
            for removal in article.removed:
                print(f"{article.id}\t{removal.rule}\t{removal.text}", file=sys.stderr)
    if not articles:
        raise SourceError("no article could be read")
    store_failure = None
    previous = None
    if not args.no_store:
        try:
            previous = recent_items(config)
        except StoreError as error:
            store_failure = error
            print(f"briefing: {error}; the briefing was not recorded", file=sys.stderr)
    briefing = summarize(articles, config, bar.part(0.3, 0.7), previous)
    bar.close()
    if config.topic.query and not briefing.stories:
        print(f"briefing: no story is about {printable(config.topic.query)!r}", file=sys.stderr)
    shown = without_repeats(briefing) if args.only_new and previous is not None else briefing
    text = render(shown, args.format)
    if args.output:
        write_atomically(expand_path(args.output, briefing.date), text)
    else:
        sys.stdout.write(text)
    if previous is not None:
        try:
            record(briefing, config, __version__)
        except StoreError as error:
            store_failure = error
            print(f"briefing: {error}; the briefing was not recorded", file=sys.stderr)
    if store_failure:
        return store_failure.exit_code
    return ExitCode.OK if shown.items else ExitCode.NOTHING_TO_SUMMARIZE


def _report(problems: Sequence[Skipped | Notice], read: int) -> None:
    """One stderr line per source skipped or noted, then how many were skipped."""
    from briefing.models import Skipped
    from briefing.render import printable

    for problem in problems:
        print(f"briefing: {printable(str(problem))}", file=sys.stderr)
    skipped = sum(isinstance(problem, Skipped) for problem in problems)
    if skipped:
        print(f"briefing: skipped {skipped} of {skipped + read} files", file=sys.stderr)


def _read(args: argparse.Namespace) -> int:
    from briefing import load_articles
    from briefing.config import load_config
    from briefing.read import render_articles

    config = load_config(args.sub_config or args.config)
    articles, problems = load_articles(args.sources, config)
    _report(problems, len(articles))
    sys.stdout.write(render_articles(articles, args.format))
    return ExitCode.OK if articles else ExitCode.NOTHING_TO_SUMMARIZE


def _history(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.history.store import Store, store_path

    config = load_config(args.sub_config or args.config)
    with Store(store_path(config)) as store:
        past = store.history()
    if not past:
        print("No briefings recorded yet.", file=sys.stderr)
    for entry in past:
        print(
            f"{entry.id:>5}  {entry.created[:16].replace('T', ' ')}  {entry.date or 'undated':<10}  "
            f"{entry.articles:>3} articles  {entry.items:>2} items  {', '.join(entry.key_terms)}"
        )
    return ExitCode.OK


def _show(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.history.store import Store, store_path

    config = load_config(args.sub_config or args.config)
    with Store(store_path(config)) as store:
        sys.stdout.write(store.show(args.which, args.format))
    return ExitCode.OK


def _tui(args: argparse.Namespace) -> int:
    from briefing.config import load_config

    config = load_config(args.config)
    if not sys.stdout.isatty():
        print("briefing: the TUI needs a terminal; use 'briefing digest' in scripts", file=sys.stderr)
        return ExitCode.USAGE
    from briefing.tui.app import create_app

    sources = getattr(args, "sources", None) or list(config.sources.paths)
    create_app(sources, config, store=not getattr(args, "no_store", False)).run()
    return ExitCode.OK


_COMMANDS = frozenset({"digest", "read", "tui", "history", "show", "eval"})


def _with_command(argv: list[str]) -> list[str]:
    """`briefing FOLDER...` means `briefing tui FOLDER...`, as bare `briefing` means the TUI.

    Only for an existing file or folder, so that a mistyped command still gets argparse's
    "invalid choice" rather than "no such file".
    """
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        index += 2 if argv[index] == "--config" else 1
    if index < len(argv) and argv[index] not in _COMMANDS and os.path.exists(argv[index]):
        return [*argv[:index], "tui", *argv[index:]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(_with_command(list(sys.argv[1:] if argv is None else argv)))
    try:
        if args.command == "digest":
            return _digest(args)
        if args.command == "read":
            return _read(args)
        if args.command == "history":
            return _history(args)
        if args.command == "show":
            return _show(args)
        if args.command == "eval":
            from briefing.evaluate import run_eval

            return run_eval(args)
        return _tui(args)
    except BriefingError as error:
        if args.debug:
            raise
        print(f"briefing: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
