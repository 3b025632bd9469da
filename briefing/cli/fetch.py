"""`briefing fetch`: the configured feeds (or the URLs given) into the history database.

As for every command, stdout is data only. stderr has one summary line ("41 new articles from
18 feeds; 2 feeds failed"), and a line for each host whose failure started or changed since
the last run (not one per URL, nor again every morning it lasts), or that works again;
`--verbose` names every failed URL and every failing host. Exit 0 when any article is at
hand, 1 when none.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefing.cli.console import say
from briefing.errors import ConfigError, ExitCode

if TYPE_CHECKING:
    from briefing.config import Config
    from briefing.run.fetching import FetchReport
    from briefing.tasks import Progress


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    fetch = commands.add_parser(
        "fetch", parents=[common], help="download the configured feeds (or URLs) into the history database"
    )
    fetch.add_argument("urls", nargs="*", metavar="URL", help="feeds or pages (default: [sources] feeds)")
    fetch.add_argument(
        "-v", "--verbose", action="store_true", help="name every URL that failed, and every failing host"
    )


def fetch_command(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.output.progress import ProgressBar
    from briefing.run.fetching import fetch
    from briefing.storage.db import store_path

    config = load_config(args.config)
    if not args.urls and not config.sources.feeds:
        raise ConfigError("no feeds to fetch: add one with 'briefing feeds add URL', or 'briefing feeds import FILE'")
    bar = ProgressBar()
    if args.urls:
        report = fetch(args.urls, store_path(config), config, bar, feeds_only=False)
    else:
        report = fetch_configured(config, bar)
    bar.close()
    tell(report, verbose=args.verbose, given=bool(args.urls))
    say(report.summary())
    return ExitCode.OK if report.urls else ExitCode.NOTHING_TO_SUMMARIZE


def fetch_configured(config: Config, progress: Progress | None = None) -> FetchReport:
    """[sources] feeds into the history database (what `fetch` and `digest --fetch` run)."""
    from briefing.run.fetching import fetch_feeds

    return fetch_feeds(config, progress)


def tell(report: FetchReport, verbose: bool = False, given: bool = False) -> None:
    """The failures a person or a cron log is told of: hosts failing anew or for a new reason,
    hosts that work again; with `verbose`, every failing host and every URL that failed. The
    hosts of URLs `given` on the command line were asked for by name: each is said."""
    from briefing.run.failures import by_host, recovered

    if verbose:
        for failure in report.failures:
            say(str(failure))
    hosts = by_host(report.failures, (), {}, "") if given else report.hosts
    for host in hosts:
        if (host.new or verbose) and not (verbose and len(host.failures) == 1):  # one URL: said above
            say(host.line(listed=verbose))
    for name, since in report.recovered:
        say(recovered(name, since))
    if verbose:  # hosts that failed before and were not asked this run: their pages wait
        said = {host.host for host in hosts}
        for name, reason, since in report.failing:
            if name not in said:
                say(f"{name}: failing since {since} ({reason}); its pages wait for their next try")
