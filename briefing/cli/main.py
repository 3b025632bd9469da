"""The command line: `briefing digest` for cron, `briefing eval` for research, `briefing` for the TUI.

stdout carries the briefing and nothing else; messages go to stderr, every one through
`printable` (names in them come from file systems and configs); exit codes are `ExitCode`.
Each command is a module of this package; heavy modules are imported inside the commands so
`--help` stays instant.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from types import FrameType
from typing import NoReturn

from briefing.cli.console import say, stderr_line
from briefing.errors import BriefingError, ExitCode, ReaderGone, Terminated
from briefing.sanitize import printable
from briefing.version import __version__


def _common() -> argparse.ArgumentParser:
    """Options every command takes, before or after its name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        default=argparse.SUPPRESS,
        help="config file (default: $BRIEFING_CONFIG or $XDG_CONFIG_HOME/briefing/config.toml)",
    )
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks for errors")
    return common


SOURCES_HELP = (
    "article files, folders or URLs (default: [sources] paths and the articles fetched in the last"
    " [sources] window_hours)"
)


def _count(zero: str) -> Callable[[str], int]:
    """A count typed after an option: a whole number from 0 (which means `zero`) up. A wrong
    one is argparse's usage error, which names the option as typed (`argument --stories: must
    be 0 (all) or more, got -1`); the same value in config.toml names its key instead."""

    def count(text: str) -> int:
        from briefing.config import MAX_INT

        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not 0 <= value <= MAX_INT:
            raise argparse.ArgumentTypeError(f"must be 0 ({zero}) to {MAX_INT:,}, got {value}")
        return value

    return count


def _parser() -> argparse.ArgumentParser:
    from briefing.models import FORMATS
    from briefing.summary.algorithms import ALGORITHMS

    common = _common()
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="One short, sourced briefing from many overlapping news articles.",
        # Its own copy: parents share Action objects, and set_defaults below would otherwise
        # give every subcommand's --config the default None, undoing `briefing --config X digest`.
        parents=[_common()],
        epilog="Exit codes: 0 written, 1 nothing to summarize, 2 usage or config, 3 output, 4 history, 5 engine,"
        " 70 internal error (a bug: --debug shows it), 129 SIGHUP, 130 Ctrl-C, 143 SIGTERM.",
    )
    parser.set_defaults(config=None, debug=False)
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command")

    algorithms = "\n".join(f"  {a.name:<10} {a.description}\n  {'':<10} {a.cost}" for a in ALGORITHMS.values())
    costs = (
        "algorithms (each ranks as sumy's own). A digest's time goes mostly to reading the articles,\n"
        "the same whichever rates the sentences; rating the shown stories' sentences adds, on a\n"
        "2-core machine:"
    )
    digest = commands.add_parser(
        "digest",
        parents=[common],
        help="print or write the briefing",
        epilog=f"{costs}\n{algorithms}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    digest.add_argument(
        "sources",
        nargs="*",
        help=SOURCES_HELP,
    )
    digest.add_argument(
        "--fetch", action="store_true", help="fetch [sources] feeds first (one cron job: fetch, then summarize)"
    )
    digest.add_argument(
        "--fetched", action="store_true", help="with SOURCES: add the articles fetched in the last window_hours"
    )
    budget = digest.add_mutually_exclusive_group()
    budget.add_argument(
        "-n",
        "--sentences",
        type=_count("all"),
        metavar="N",
        help="items per story (0: all; default [summary] sentences)",
    )
    budget.add_argument("--words", type=_count("no budget"), metavar="W", help="about W words instead of N items")
    budget.add_argument("--bytes", type=_count("no budget"), metavar="B", help="about B bytes (for evaluation)")
    digest.add_argument("--algorithm", choices=ALGORITHMS, help="sumy algorithm that rates sentences (see below)")
    digest.add_argument(
        "--stories", type=_count("all"), metavar="K", help="at most K stories, most important first (0: all)"
    )
    digest.add_argument("--topic", metavar="TEXT", help='only the stories about TEXT, e.g. "Ukraine"')
    digest.add_argument(
        "--scheduler", metavar="local:N|tcp://HOST:PORT", help="run the work as Dask tasks (needs briefing[dask])"
    )
    digest.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: -o's extension says it: .json json, .md or .markdown markdown, else text)",
    )
    digest.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write atomically to FILE (its folders are made if missing), in the format its extension names"
        " unless --format is given; {date} is today's date, {news_date} the newest article's",
    )
    digest.add_argument(
        "--explain",
        action="store_true",
        help="also list on stderr what cleaning removed, and every file and feed entry set aside (the routine ones"
        " too: no text, another language, a copy)",
    )
    digest.add_argument("--no-store", action="store_true", help="neither mark items against the history nor record")
    digest.add_argument("--only-new", action="store_true", help="leave out items that repeat earlier briefings")

    read = commands.add_parser(
        "read", parents=[common], help="print each article as the briefing sees it: metadata and clean text"
    )
    read.add_argument("sources", nargs="+", help="article files, folders, saved pages or feeds")
    read.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")

    from briefing.cli import cron, feeds, fetch

    fetch.add_parser(commands, common)
    feeds.add_parser(commands, common)
    cron.add_parser(commands, common)

    tui = commands.add_parser("tui", parents=[common], help="open the briefing in the terminal UI (the default)")
    tui.add_argument(
        "sources",
        nargs="*",
        help=SOURCES_HELP,
    )
    tui.add_argument(
        "--no-store", action="store_true", help="neither mark items against the history nor record what w writes"
    )
    tui.add_argument("--topic", metavar="TEXT", help='only the stories about TEXT, e.g. "Ukraine"')
    tui.add_argument(
        "--stories", type=_count("all"), metavar="K", help="at most K stories, most important first (0: all)"
    )

    history = commands.add_parser("history", parents=[common], help="list past briefings (or forget one)")
    forget = history.add_subparsers(dest="history_command").add_parser(
        "forget", parents=[common], help="delete a briefing from the history, or all of a day's"
    )
    forget.add_argument("which", metavar="ID|DATE", help="a briefing id, or a date (YYYY-MM-DD, today, yesterday)")
    show = commands.add_parser("show", parents=[common], help="print a past briefing exactly as it was printed")
    show.add_argument(
        "which",
        metavar="ID|DATE",
        help="a briefing id, or a date (YYYY-MM-DD, today, yesterday): that day's briefing made with the config's"
        " settings, not a narrower --topic/--stories/-n run",
    )
    show.add_argument("--format", choices=FORMATS, default="text")

    evaluate = commands.add_parser("eval", parents=[common], help="ROUGE of the briefing and plain sumy on a dataset")
    evaluate.add_argument("dataset", help="folder of clusters: doc_*.txt and reference_*.txt in each")
    size = evaluate.add_mutually_exclusive_group()
    size.add_argument("--bytes", type=int, help="summary length in bytes (default 665)")
    size.add_argument("--words", type=int, help="summary length in words")
    evaluate.add_argument(
        "--systems",
        help="comma-separated systems to run, or 'all' (default: briefing, sumy lexrank and any --peers)",
    )
    evaluate.add_argument("--peers", help="folder of published systems' outputs, one folder per cluster")
    return parser


_COMMANDS = frozenset({"digest", "read", "fetch", "feeds", "cron", "tui", "history", "show", "eval"})
_GLOBAL_OPTIONS = frozenset({"--config", "--debug", "-h", "--help", "--version"})


def _with_command(argv: list[str]) -> list[str]:
    """`briefing FOLDER...` and `briefing --no-store` mean `briefing tui ...`, as bare `briefing`
    means the TUI.

    A word that is no command is taken for a source (and a missing one is then reported as
    such), unless it is close to a command's name: "digset" still gets argparse's "invalid
    choice", with the commands listed.
    """
    index = 0
    while index < len(argv) and argv[index] in _GLOBAL_OPTIONS:
        index += 2 if argv[index] == "--config" else 1
    if index == len(argv) or argv[index] in _COMMANDS:
        return argv
    word = argv[index]
    import difflib  # only for a word that is no command

    if word.startswith("-") or os.path.lexists(word) or not difflib.get_close_matches(word, _COMMANDS, cutoff=0.7):
        return [*argv[:index], "tui", *argv[index:]]
    return argv


def _terminated(signum: int, frame: FrameType | None) -> None:
    """SIGTERM or SIGHUP unwinds like an exception, so temporary files and open transactions
    are cleaned up on the way out instead of being left behind."""
    raise Terminated(signum)


def run() -> NoReturn:
    """The `briefing` script and `python -m briefing`: `main`, then exit without tearing down.

    When `main` returns, every file is written, renamed and closed and every transaction is
    committed; what a normal exit adds is freeing the day's objects one by one, a million of
    them after a 500-article digest (0.06 s of 3). Standard streams are flushed first, as a
    normal exit does. With another thread still running (none of ours outlives `main`), the
    normal exit waits for it; under a profiler or a tracer (cProfile, coverage), it lets them
    write what they measured. After a signal nothing is waited for: the command unwound (its
    temporary files removed, its transaction rolled back), and a download thread still stuck
    in a read or a DNS lookup must not keep the process alive.

    numpy's OpenBLAS starts a thread per core as it is imported, for matrix products far
    larger than a story's; a day's work is spread over processes instead (`briefing.run.local`,
    whose workers inherit this). One thread, unless the user set another count: 0.05 s less of
    a start at load 3 (numpy's import 0.16 -> 0.11 s), the same briefing to the byte (every
    algorithm, lsa's SVD too, on the seeds, the DUC day and the 100 feeds).
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    code = main()
    signalled = code in (ExitCode.HANGUP, ExitCode.INTERRUPTED, ExitCode.TERMINATED)
    busy = threading.active_count() > 1 or sys.getprofile() is not None or sys.gettrace() is not None
    if busy and not signalled:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass  # a closed or broken stream: main has already said what could not be printed
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(_with_command(list(sys.argv[1:] if argv is None else argv)))
    if sys.stdout is not None and hasattr(sys.stdout, "reconfigure"):
        # A terminal or pipe whose encoding lacks a character shows '?' rather than failing.
        sys.stdout.reconfigure(errors="replace")
    handlers = {}
    if args.command not in (None, "tui") and threading.current_thread() is threading.main_thread():
        handlers = {number: signal.signal(number, _terminated) for number in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return _command(args)
    except SystemExit:
        raise
    except BaseException as error:
        return exit_code(error, args.debug)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def _command(args: argparse.Namespace) -> int:
    """Run the command `args` names; its exit code."""
    if args.command == "digest":
        from briefing.cli.digest import digest_command
        from briefing.run.memory import batch_memory

        with batch_memory():
            return digest_command(args)
    if args.command == "read":
        from briefing.cli.read import read_command

        return read_command(args)
    if args.command == "fetch":
        from briefing.cli.fetch import fetch_command

        return fetch_command(args)
    if args.command == "feeds":
        from briefing.cli.feeds import feeds_command

        return feeds_command(args)
    if args.command == "cron":
        from briefing.cli.cron import cron_command

        return cron_command(args)
    if args.command == "history":
        from briefing.cli.history import history_command

        return history_command(args)
    if args.command == "show":
        from briefing.cli.history import show_command

        return show_command(args)
    if args.command == "eval":
        from briefing.cli.evaluate import eval_command

        return eval_command(args)
    from briefing.cli.tui import tui_command

    return tui_command(args)


def exit_code(error: BaseException, debug: bool = False) -> ExitCode:
    """The exit code for what ended a command, once stderr says why: the one place any
    exception becomes a code.

    A BriefingError's message and its own code; Ctrl-C and SIGTERM/SIGHUP their shell codes,
    silently (the person or the service manager asked for it), and a reader of stdout that
    left early (`| head`) 0, silently too; a database error that escaped
    the store's mapping, STORE. Anything else is a bug, INTERNAL, named on one line. With
    --debug the traceback is shown instead of the message.
    """
    if isinstance(error, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(error, (Terminated, ReaderGone)):
        return error.exit_code
    # Imported for an error only: a command that ends well pays for neither.
    import sqlite3
    import traceback

    if debug:
        stderr_line(printable("".join(traceback.format_exception(error))).rstrip())
    if isinstance(error, BriefingError):
        if not debug:
            say(str(error))
        return error.exit_code
    if isinstance(error, sqlite3.Error):
        if not debug:
            say(f"the history database failed: {type(error).__name__}: {error}")
        return ExitCode.STORE
    if not debug:
        say(f"internal error (a bug): {type(error).__name__}: {error}; run again with --debug for the traceback")
    return ExitCode.INTERNAL
