"""`briefing fetch`: the configured feeds (or the URLs given) into the history database.

As for every command, stdout is data only; every failed feed or page is one stderr line
naming the URL and the reason; `fetch` exits 0 when any article is at hand, 1 when none.
"""

from __future__ import annotations

import argparse
import sys

from briefing.cli.console import say
from briefing.errors import ConfigError, ExitCode


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    fetch = commands.add_parser(
        "fetch", parents=[common], help="download the configured feeds (or URLs) into the history database"
    )
    fetch.add_argument("urls", nargs="*", metavar="URL", help="feeds or pages (default: [sources] feeds)")


def fetch_command(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.output.progress import ProgressBar
    from briefing.run.fetching import fetch, fetch_feeds
    from briefing.storage.db import store_path

    config = load_config(args.config)
    urls = args.urls or list(config.sources.feeds)
    if not urls:
        raise ConfigError("no feeds to fetch: add one with 'briefing feeds add URL', or 'briefing feeds import FILE'")
    bar = ProgressBar()
    given = args.urls
    report = fetch(given, store_path(config), config, bar, feeds_only=False) if given else fetch_feeds(config, bar)
    bar.close()
    for failure in report.failures:
        say(str(failure))
    if sys.stderr is not None and sys.stderr.isatty():
        say(
            f"{report.new} new articles; {report.unchanged} of {len(urls)} feeds unchanged; {len(report.failures)} failed"
        )
    return ExitCode.OK if report.urls else ExitCode.NOTHING_TO_SUMMARIZE
