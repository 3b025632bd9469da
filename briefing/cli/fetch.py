"""The fetching commands: `briefing fetch` (for cron), `briefing feeds import FILE` and `feeds list`.

As for every command, stdout is data only; every failed feed or page is one stderr line
naming the URL and the reason; `fetch` exits 0 when any article is at hand, 1 when none.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli.console import say
from briefing.errors import ConfigError, ExitCode


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    fetch = commands.add_parser(
        "fetch", parents=[common], help="download the configured feeds (or URLs) into the history database"
    )
    fetch.add_argument("urls", nargs="*", metavar="URL", help="feeds or pages (default: [sources] feeds)")
    feeds = commands.add_parser("feeds", parents=[common], help="manage the feeds `briefing fetch` downloads")
    actions = feeds.add_subparsers(dest="feeds_command", required=True)
    imported = actions.add_parser(
        "import", parents=[common], help="add the feeds of a newsboat urls file or an OPML file"
    )
    imported.add_argument("file", help="newsboat `urls` file or OPML export")
    actions.add_parser("list", parents=[common], help="print the configured feeds")


def feeds_command(args: argparse.Namespace) -> int:
    if args.feeds_command == "import":
        return _import(args)
    from briefing.config import load_config
    from briefing.output.write import write_stdout

    write_stdout("".join(f"{url}\n" for url in load_config(args.config).sources.feeds))
    return ExitCode.OK


def fetch_command(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.output.progress import ProgressBar
    from briefing.run.fetching import fetch, fetch_feeds
    from briefing.storage.db import store_path

    config = load_config(args.config)
    urls = args.urls or list(config.sources.feeds)
    if not urls:
        raise ConfigError("no feeds to fetch: list them in [sources] feeds, or run 'briefing feeds import FILE'")
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


def _import(args: argparse.Namespace) -> int:
    from briefing.config import config_path, load_config, parse_config
    from briefing.output.write import write_output
    from briefing.sources.documents import decode
    from briefing.sources.subscriptions import parse_subscriptions, with_feeds

    named = args.config
    config = load_config(named)
    path = config_path(named)
    if path is None:
        raise ConfigError("no config folder to add the feeds to: set XDG_CONFIG_HOME or HOME, or use --config FILE")
    try:
        urls = parse_subscriptions(decode(Path(args.file).read_bytes()))
    except OSError as error:
        raise ConfigError(f"{args.file}: cannot read it ({error.strerror or error})") from error
    if not urls:
        raise ConfigError(f"{args.file}: no feed URLs in it (expected a newsboat urls file or OPML)")
    text = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    updated, added = with_feeds(text, config.sources.feeds, urls)
    parse_config(updated, str(path))  # never write a config that would not load
    if added:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_output(path, updated)
    say(f"added {added} feeds to {path} ({len(urls) - added} were there already)")
    return ExitCode.OK
