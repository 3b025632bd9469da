"""The command line: `briefing digest` for cron, `briefing eval` for research.

stdout carries the briefing and nothing else; messages go to stderr, every one through
`printable` (names in them come from file systems and configs); exit codes are `ExitCode`.
Heavy modules are imported inside the commands so `--help` stays instant.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import signal
import sys
import threading
from collections.abc import Sequence
from contextlib import AbstractContextManager, ExitStack
from types import FrameType
from typing import TYPE_CHECKING, NoReturn

from briefing.errors import BriefingError, ExitCode, UsageError
from briefing.sanitize import printable
from briefing.version import __version__

if TYPE_CHECKING:
    from briefing.config import EngineConfig
    from briefing.tasks import Mapper, Progress

INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it (documented in README.md)


def say(message: str) -> None:
    """A message for the person at the terminal or the cron log: on stderr, one sanitised line."""
    _stderr(f"briefing: {printable(message, one_line=True)}")


def _stderr(line: str) -> None:
    if sys.stderr is None:  # started with stderr closed: print() would fall back to stdout
        return
    with contextlib.suppress(OSError):  # a broken stderr leaves no one to tell
        print(line, file=sys.stderr, flush=True)


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
        epilog="Exit codes: 0 written, 1 nothing to summarize, 2 usage or config, 3 output, 4 history, 5 engine, 130 Ctrl-C, 143 SIGTERM.",
    )
    parser.set_defaults(config=None, debug=False)
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(dest="command")

    algorithms = "\n".join(f"  {a.name:<10} {a.description}\n  {'':<10} {a.cost}" for a in ALGORITHMS.values())
    digest = commands.add_parser(
        "digest",
        parents=[common],
        help="print or write the briefing",
        epilog=f"algorithms (each ranks as sumy's own; CPU time of the whole digest):\n{algorithms}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    digest.add_argument("sources", nargs="*", help="article files or folders (default: [sources] paths)")
    budget = digest.add_mutually_exclusive_group()
    budget.add_argument("-n", "--sentences", type=int, metavar="N", help="number of briefing items")
    budget.add_argument("--words", type=int, metavar="W", help="about W words instead of N items")
    budget.add_argument("--bytes", type=int, metavar="B", help="about B bytes (for evaluation)")
    digest.add_argument("--algorithm", choices=ALGORITHMS, help="sumy algorithm that rates sentences (see below)")
    digest.add_argument("--stories", type=int, metavar="K", help="at most K stories, most important first (0: all)")
    digest.add_argument("--topic", metavar="TEXT", help='only the stories about TEXT, e.g. "Ukraine"')
    digest.add_argument(
        "--scheduler", metavar="local:N|tcp://HOST:PORT", help="run the work as Dask tasks (needs briefing[dask])"
    )
    digest.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    digest.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write atomically to FILE (its folders are made if missing); {date} is today's date,"
        " {news_date} the newest article's",
    )
    digest.add_argument("--explain", action="store_true", help="also list on stderr what cleaning removed")
    digest.add_argument("--no-store", action="store_true", help="neither mark items against the history nor record")
    digest.add_argument("--only-new", action="store_true", help="leave out items that repeat earlier briefings")

    read = commands.add_parser(
        "read", parents=[common], help="print each article as the briefing sees it: metadata and clean text"
    )
    read.add_argument("sources", nargs="+", help="article files, folders, saved pages or feeds")
    read.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")

    from briefing.cli import fetch

    fetch.add_parsers(commands, common)

    tui = commands.add_parser("tui", parents=[common], help="open the briefing in the terminal UI (the default)")
    tui.add_argument("sources", nargs="*", help="article files or folders (default: [sources] paths)")
    tui.add_argument(
        "--no-store", action="store_true", help="neither mark items against the history nor record what w writes"
    )
    tui.add_argument("--topic", metavar="TEXT", help='only the stories about TEXT, e.g. "Ukraine"')
    tui.add_argument("--stories", type=int, metavar="K", help="at most K stories, most important first (0: all)")

    commands.add_parser("history", parents=[common], help="list past briefings")
    show = commands.add_parser("show", parents=[common], help="print a past briefing exactly as it was printed")
    show.add_argument("which", metavar="ID|DATE", help="a briefing id, or a date (YYYY-MM-DD, today, yesterday)")
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


def _digest(args: argparse.Namespace) -> int:
    import tempfile
    from dataclasses import replace

    from briefing import render, summarize
    from briefing.clock import today
    from briefing.config import load_config, with_overrides
    from briefing.errors import SourceError
    from briefing.output.progress import ProgressBar
    from briefing.output.write import check_template, expand_path, not_delivered, write_output, write_stdout
    from briefing.run.daily import earlier_items, record
    from briefing.run.gather import gather, is_url
    from briefing.sanitize import shown_name
    from briefing.storage.db import StoreError
    from briefing.summary.novelty import without_repeats

    _check_sources(args.sources)  # a mistyped path is the command's fault, as in the TUI
    if args.output is not None:
        check_template(args.output)  # a typo in -o is found before a minute of work, not after
    if args.only_new and args.no_store:
        raise UsageError("--only-new needs the history to know what is new; drop --no-store")
    config = load_config(args.config)
    words_or_bytes = args.words is not None or args.bytes is not None
    config = with_overrides(
        config,
        sentences=args.sentences if args.sentences is not None else (0 if words_or_bytes else None),
        words=args.words,
        bytes=args.bytes,
        algorithm=args.algorithm,
        stories=args.stories,
        topic=args.topic,
        scheduler=args.scheduler,
    )
    day = today()
    bar = ProgressBar()
    store_failure: StoreError | None = None
    previous = None
    with ExitStack() as stack:
        if args.no_store and any(is_url(source) for source in args.sources):
            # Pages fetched now go through a store (that is how fetching deduplicates); with
            # --no-store it is a throwaway one, so the history is left exactly as it was.
            scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="briefing-"))
            config = replace(config, store=replace(config.store, path=os.path.join(scratch, "fetched.db")))
        reading = bar.part(0.0, 0.3)
        engine = stack.enter_context(_engine(config.engine, bar, reading))
        articles, problems = gather(args.sources, config, reading, engine)
        _report(problems, len(articles))
        if args.explain:
            for article in articles:
                for removal in article.removed:
                    _stderr("\t".join(shown_name(field) for field in (article.id, removal.rule, removal.text)))
        if not articles:
            raise SourceError("no article could be read")
        if not args.no_store:
            try:
                previous = earlier_items(articles, config, day)
            except StoreError as error:
                store_failure = error
                say(f"{error}; items are not marked and the briefing will not be recorded")
        # This machine's cores only read the files (briefing.run.local says why).
        mapper = engine if config.engine.scheduler else None
        briefing = replace(summarize(articles, config, bar.part(0.3, 0.7), previous, mapper), date=day)
    bar.close()
    refused = not_delivered(briefing)
    if refused:
        say(f"{refused}; nothing written")
        return ExitCode.NOTHING_TO_SUMMARIZE
    shown = without_repeats(briefing) if args.only_new and previous is not None else briefing
    text = render(shown, args.format)
    if args.output is not None:
        write_output(expand_path(args.output, shown.date, shown.news_date), text)
    else:
        write_stdout(text)
    if previous is not None and briefing.items:  # a day with nothing to report leaves no entry
        try:
            record(shown, config)  # what was delivered, so that `show` prints it again
        except StoreError as error:
            store_failure = error
            say(f"{error}; the briefing was delivered but not recorded")
    if store_failure:
        return store_failure.exit_code
    return ExitCode.OK if shown.items else ExitCode.NOTHING_TO_SUMMARIZE


def _engine(engine: EngineConfig, progress: Progress, reading: Progress) -> AbstractContextManager[Mapper]:
    """The Dask engine named by --scheduler or [engine] scheduler, as a mapper; or else this
    machine's cores (`[engine] processes`), which only read the files (`reading` the bar's part)."""
    if not engine.scheduler:
        from briefing.run.local import process_mapper

        return process_mapper(engine.processes, reading)
    from briefing.run.dask import dask_mapper

    return dask_mapper(engine.scheduler, progress)


def _report(problems: Sequence[object], read: int) -> None:
    """One stderr line per file skipped, noted or failed, then how many were skipped.

    A feed's entries skipped or noted for one reason share a line: a feed of headlines
    without text made one line an entry (709 lines for the 100 real feeds), too many for
    a cron mail to be read. So do a folder's files that repeat another's text: wire copies
    are usual (25 of the 500 DUC 2004 articles), not something to act on every morning.
    """
    from briefing.models import Notice, Skipped
    from briefing.sources.files import SAME_TEXT

    entries = [p for p in problems if isinstance(p, Skipped | Notice) and p.entry is not None]
    groups: dict[tuple[str, str, str], list[object]] = {}
    for number, problem in enumerate(problems):
        key = (str(number), "", "")
        if isinstance(problem, Skipped | Notice) and problem.entry is not None:
            said = problem.reason if isinstance(problem, Skipped) else problem.message
            key = ("entries", problem.path, SAME_TEXT if said.startswith(SAME_TEXT) else said)
        elif isinstance(problem, Skipped) and problem.reason.startswith(SAME_TEXT):
            key = ("files", os.path.dirname(problem.path) or ".", SAME_TEXT)
        groups.setdefault(key, []).append(problem)
    for (kind, path, said), members in groups.items():
        if len(members) == 1:
            say(str(members[0]))
        else:
            reason = (
                f"{SAME_TEXT} earlier {'articles' if kind == 'entries' else 'files'}" if said == SAME_TEXT else said
            )
            say(f"{path}: {len(members)} {kind}{' skipped,' if isinstance(members[0], Skipped) else ':'} {reason}")
    skipped = sum(isinstance(problem, Skipped) for problem in problems)
    if skipped:
        say(f"skipped {skipped} of {skipped + read} {'files and feed entries' if entries else 'files'}")


def _read(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.output.articles import render_articles
    from briefing.output.write import write_stdout
    from briefing.run.gather import gather

    config = load_config(args.config)
    articles, problems = gather(args.sources, config)
    _report(problems, len(articles))
    write_stdout(render_articles(articles, args.format))
    return ExitCode.OK if articles else ExitCode.NOTHING_TO_SUMMARIZE


def _history(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.output.listing import history_lines
    from briefing.output.write import write_stdout
    from briefing.storage.briefings import Briefings
    from briefing.storage.db import Store, store_path

    config = load_config(args.config)
    with Store(store_path(config)) as store:
        past = Briefings(store).history()
    if not past:
        say("no briefings recorded yet")
        return ExitCode.OK
    write_stdout("\n".join(history_lines(past)) + "\n")
    return ExitCode.OK


def _show(args: argparse.Namespace) -> int:
    from briefing.clock import today
    from briefing.config import load_config
    from briefing.output.write import write_stdout
    from briefing.storage.briefings import Briefings
    from briefing.storage.db import Store, store_path

    config = load_config(args.config)
    with Store(store_path(config)) as store:
        text = Briefings(store).as_printed(args.which, args.format, today())
    write_stdout(text)
    return ExitCode.OK


def _eval(args: argparse.Namespace) -> int:
    from pathlib import Path

    from briefing.config import load_config
    from briefing.output.progress import ProgressBar
    from briefing.output.write import write_stdout
    from briefing.run.evaluate import MEASURES, SummaryLength, check_rouge, choose, evaluate, read_clusters, systems

    check_rouge()
    budget = SummaryLength(words=args.words) if args.words else SummaryLength(bytes=args.bytes or 665)
    config = load_config(args.config)
    clusters = read_clusters(Path(args.dataset))
    wanted = [s.strip() for s in args.systems.split(",")] if args.systems else None
    chosen = choose(systems(config, budget, Path(args.peers) if args.peers else None), wanted)
    size = f"{budget.words} words" if budget.words else f"{budget.bytes} bytes"
    write_stdout(
        f"{len(clusters)} clusters, summaries cut at {size}; ROUGE x100 (recall / F), Porter stemming\n"
        f"{'system':<22} {'R-1 R':>6} {'R-1 F':>6} {'R-2 R':>6} {'R-2 F':>6} {'R-L R':>6} {'R-L F':>6} {'s/cluster':>10}\n"
    )
    bar = ProgressBar()
    try:
        for result in evaluate(clusters, chosen, budget, bar):
            cells = " ".join(f"{100 * result.means[m][k]:6.2f}" for m in MEASURES for k in (0, 1))
            write_stdout(f"{result.name:<22} {cells} {result.seconds:10.3f}\n")
    finally:
        bar.close()
    return ExitCode.OK


def _tui(args: argparse.Namespace) -> int:
    from briefing.config import load_config, with_overrides

    config = with_overrides(
        load_config(args.config), stories=getattr(args, "stories", None), topic=getattr(args, "topic", None)
    )
    sources = list(getattr(args, "sources", None) or [])
    _check_sources(sources)  # a typo is a shell error, before the screen is taken over
    if sys.stdout is None or not sys.stdout.isatty() or sys.stdin is None or not sys.stdin.isatty():
        say("the TUI needs a terminal; use 'briefing digest' in scripts")
        return ExitCode.USAGE
    if os.environ.get("TERM", "dumb") in ("dumb", "unknown", ""):
        say(
            f"the TUI needs a terminal that can move the cursor (TERM={os.environ.get('TERM', '')}); "
            "use 'briefing digest', or set TERM (for example TERM=xterm-256color)"
        )
        return ExitCode.USAGE
    from briefing.tui.app import create_app

    app = create_app(sources, config, store=not getattr(args, "no_store", False), config_named=args.config)
    app.run()
    return app.return_code or ExitCode.OK  # Textual sets 1 when the app crashed


def _check_sources(sources: list[str]) -> None:
    """A UsageError for the first named source (not a URL) that does not exist."""
    from briefing.run.gather import is_url
    from briefing.sanitize import shown_name

    for source in sources:
        if not is_url(source) and not os.path.lexists(source):
            raise UsageError(f"{shown_name(source)}: no such file or folder")


_COMMANDS = frozenset({"digest", "read", "fetch", "feeds", "tui", "history", "show", "eval"})
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
    if word.startswith("-") or os.path.lexists(word) or not difflib.get_close_matches(word, _COMMANDS, cutoff=0.7):
        return [*argv[:index], "tui", *argv[index:]]
    return argv


def _terminated(signum: int, frame: FrameType | None) -> None:
    """SIGTERM or SIGHUP unwinds like an exception, so temporary files and open transactions
    are cleaned up on the way out instead of being left behind."""
    raise SystemExit(128 + signum)


def run() -> NoReturn:
    """The `briefing` script and `python -m briefing`: `main`, then exit without tearing down.

    When `main` returns, every file is written, renamed and closed and every transaction is
    committed; what a normal exit adds is freeing the day's objects one by one, a million of
    them after a 500-article digest (0.06 s of 3). Standard streams are flushed first, as a
    normal exit does. With another thread still running (none of ours outlives `main`), the
    normal exit waits for it; under a profiler or a tracer (cProfile, coverage), it lets them
    write what they measured.
    """
    code = main()
    if threading.active_count() > 1 or sys.getprofile() is not None or sys.gettrace() is not None:
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
        if args.command == "digest":
            from briefing.run.memory import batch_memory

            with batch_memory():
                return _digest(args)
        if args.command == "read":
            return _read(args)
        if args.command in ("fetch", "feeds"):
            from briefing.cli import fetch

            return fetch.run(args)
        if args.command == "history":
            return _history(args)
        if args.command == "show":
            return _show(args)
        if args.command == "eval":
            return _eval(args)
        return _tui(args)
    except BriefingError as error:
        if args.debug:
            raise
        say(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        return INTERRUPTED
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
