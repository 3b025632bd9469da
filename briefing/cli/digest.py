"""`briefing digest`: the day's briefing on stdout or in a file, for cron."""

from __future__ import annotations

import argparse
import os
from contextlib import AbstractContextManager, ExitStack
from typing import TYPE_CHECKING

from briefing.cli.console import report_problems, say, stderr_line
from briefing.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from briefing.config import Config, EngineConfig
    from briefing.tasks import Mapper, Progress


def digest_command(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from briefing.clock import today
    from briefing.config import load_config, with_overrides
    from briefing.errors import SourceError
    from briefing.output.progress import ProgressBar
    from briefing.output.write import check_template, format_for, not_delivered
    from briefing.run.day import Day, deliver, read_day
    from briefing.run.gather import is_url
    from briefing.sanitize import shown_name
    from briefing.summary.novelty import without_repeats

    check_sources(args.sources)  # a mistyped path is the command's fault, as in the TUI
    if args.output is not None:
        check_template(args.output)  # a typo in -o is found before a minute of work, not after
    if args.only_new and args.no_store:
        raise UsageError("--only-new needs the history to know what is new; drop --no-store")
    config = load_config(args.config)
    words_or_bytes = bool(args.words or args.bytes)  # 0 is no budget: the items per story stand
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
    with ExitStack() as stack:
        if args.no_store and any(is_url(source) for source in args.sources):
            # Pages fetched now go through a store (that is how fetching deduplicates); with
            # --no-store it is a throwaway one, so the history is left exactly as it was.
            import tempfile

            scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="briefing-"))
            config = replace(config, store=replace(config.store, path=os.path.join(scratch, "fetched.db")))
        reading = bar.part(0.0, 0.3)
        engine = stack.enter_context(_engine(config.engine, bar, reading))
        if args.fetch:
            fetch_first(config)
        fetched = args.fetch or args.fetched
        read = read_day(args.sources, config, day, not args.no_store, reading, engine, fetched, args.explain)
        # Routine skips are said when nothing else was read: then they are why.
        report_problems(read.problems, len(read.articles), args.explain, routine=not read.articles)
        if args.explain:
            removed = [
                (article.id, removal.rule, removal.text) for article in read.articles for removal in article.removed
            ]
            if removed:  # tab-separated, under a header naming its columns (for a person, and for cut or awk)
                stderr_line("article\trule\tremoved text")
            for fields in removed:
                stderr_line("\t".join(shown_name(field) for field in fields))
        if not read.articles:
            raise SourceError("no article could be read")
        if read.history_failure:
            say(f"{read.history_failure}; items are not marked and the briefing will not be recorded")
        # This machine's cores only read the files (briefing.run.local says why).
        mapper = engine if config.engine.scheduler else None
        session = Day.of(read, day, mapper)
        briefing = session.briefing(config, bar.part(0.3, 0.7))
    bar.close()
    refused = not_delivered(briefing)
    if refused:
        say(f"{refused}; nothing written")
        return ExitCode.NOTHING_TO_SUMMARIZE
    shown = without_repeats(briefing) if args.only_new and read.previous is not None else briefing
    # A day with nothing to report leaves no entry.
    keep = read.previous is not None and bool(briefing.items)
    _, store_failure = deliver(shown, config, format_for(args.output, args.format), args.output, keep)
    if store_failure:
        say(f"{store_failure}; the briefing was delivered but not recorded")
    elif keep:  # the TUI on the same sources shows it at once, while it makes its own
        from briefing.run.stored import keep_briefing, sources_key

        keep_briefing(sources_key(args.sources, config, fetched), briefing, config, read.origin)
    failure = store_failure or read.history_failure
    if failure:
        return failure.exit_code
    return ExitCode.OK if shown.items else ExitCode.NOTHING_TO_SUMMARIZE


def _engine(engine: EngineConfig, progress: Progress, reading: Progress) -> AbstractContextManager[Mapper]:
    """The Dask engine named by --scheduler or [engine] scheduler, as a mapper; or else this
    machine's cores (`[engine] processes`), which only read the files (`reading` the bar's part)."""
    if not engine.scheduler:
        from briefing.run.local import process_mapper

        return process_mapper(engine.processes, reading)
    from briefing.run.dask import dask_mapper

    return dask_mapper(engine.scheduler, progress)


def fetch_first(config: Config) -> None:
    """`--fetch`: [sources] feeds into the history, saying only what `briefing fetch` would
    tell a cron log of failures (a host failing anew, or working again)."""
    from briefing.cli.fetch import fetch_configured, tell

    if not config.sources.feeds:
        raise UsageError("--fetch: there are no [sources] feeds to fetch; add one with 'briefing feeds add URL'")
    tell(fetch_configured(config))


def check_sources(sources: list[str], missing_only: bool = False) -> None:
    """A UsageError for the first named source (not a URL) that cannot be reached, saying why
    (not there, a folder on the way this user cannot look in, a file where a folder should be);
    with `missing_only`, for one that is not there (`read` reads the others, and says why not)."""
    from briefing.paths import unreachable
    from briefing.run.gather import is_url
    from briefing.sanitize import shown_name

    for source in sources:
        problem = None if is_url(source) else unreachable(source)
        if problem and (problem == "no such file or folder" or not missing_only):
            raise UsageError(f"{shown_name(source)}: {problem}")
