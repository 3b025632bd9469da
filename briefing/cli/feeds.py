"""`briefing feeds`: the feeds `briefing fetch` downloads, kept in config.toml's [sources] feeds.

`feeds` (or `feeds list`) prints them on stdout, one a line; `add`, `remove` and `import`
edit the config file as text, keeping its comments, and never write a config that would not
load. What changed is one line on stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.cli.console import say
from briefing.errors import ConfigError, ExitCode, UsageError
from briefing.sanitize import shown_name


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    feeds = commands.add_parser(
        "feeds", parents=[common], help="list, add or remove the feeds `briefing fetch` downloads"
    )
    actions = feeds.add_subparsers(dest="feeds_command")
    actions.add_parser("list", parents=[common], help="print the configured feeds (the default)")
    added = actions.add_parser("add", parents=[common], help="add feeds to [sources] feeds")
    added.add_argument("urls", nargs="+", metavar="URL", help="RSS, Atom or JSON Feed URL")
    removed = actions.add_parser("remove", parents=[common], help="remove feeds from [sources] feeds")
    removed.add_argument("urls", nargs="+", metavar="URL", help="a URL as `briefing feeds` lists it")
    imported = actions.add_parser(
        "import", parents=[common], help="add the feeds of a newsboat urls file or an OPML file"
    )
    imported.add_argument("file", help="newsboat `urls` file or OPML export")


def feeds_command(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.output.write import write_stdout
    from briefing.sanitize import shown_name

    if args.feeds_command == "import":
        return _import(args)
    if args.feeds_command == "add":
        return _add(args.config, args.urls)
    if args.feeds_command == "remove":
        return _remove(args.config, args.urls)
    feeds = load_config(args.config).sources.feeds
    if not feeds:
        say("no feeds yet: add one with 'briefing feeds add URL', or 'briefing feeds import FILE'")
    write_stdout("".join(f"{shown_name(url)}\n" for url in feeds))  # a config value: shown, never obeyed
    return ExitCode.OK


def _add(named: str | None, urls: list[str]) -> int:
    from briefing.urls import BadURL, check_url

    for url in urls:
        try:
            check_url(url)
        except BadURL as error:
            raise UsageError(
                f"'{shown_name(url)}' is not a feed's URL: {error}; give its http:// or https:// address"
            ) from None
    return _update(named, urls, adding=True)


def _remove(named: str | None, urls: list[str]) -> int:
    from briefing.config import load_config

    current = load_config(named).sources.feeds
    unknown = [url for url in urls if url not in current]
    if unknown:
        raise UsageError(f"not in [sources] feeds: {', '.join(unknown)}; 'briefing feeds' lists them")
    return _update(named, urls, adding=False)


def _import(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.sources.documents import decode
    from briefing.sources.folders import read_file
    from briefing.sources.subscriptions import parse_subscriptions
    from briefing.urls import BadURL, check_url

    # As `read` reads a file: a named pipe or a device is said so at once (opening a FIFO
    # nobody writes to blocked until a signal), and a file past [sources] max_bytes is refused.
    data = read_file(Path(args.file), load_config(args.config).sources.max_bytes)
    if not isinstance(data, bytes):
        raise ConfigError(f"{shown_name(args.file)}: {data.reason}")
    urls = parse_subscriptions(decode(data))
    usable, refused = [], []
    for url in urls:
        try:
            check_url(url)
        except BadURL as error:
            refused.append(f"{shown_name(args.file)}: {shown_name(url)} not imported: {error}")
        else:
            usable.append(url)
    if not usable:  # not a feed list at all: one line, not one per line of the file
        said = "no usable feed URL" if urls else "no feed URLs"
        raise ConfigError(f"{shown_name(args.file)}: {said} in it (expected a newsboat urls file or OPML)")
    for line in refused:
        say(line)
    return _update(args.config, usable, adding=True)


def _update(named: str | None, urls: list[str], adding: bool) -> int:
    """Add `urls` to, or remove them from, the config file's [sources] feeds; say what changed."""
    from briefing.config import config_path, load_config, parse_config
    from briefing.output.render import plural
    from briefing.output.write import write_output
    from briefing.sources.subscriptions import with_feeds, without_feeds

    config = load_config(named)
    path = config_path(named)
    if path is None:
        raise ConfigError("no config folder to keep the feeds in: set XDG_CONFIG_HOME or HOME, or use --config FILE")
    text = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    urls = list(dict.fromkeys(urls))
    edit = with_feeds if adding else without_feeds
    updated, changed = edit(text, config.sources.feeds, urls)
    try:
        parse_config(updated, str(path))  # never write a config that would not load
    except ConfigError as error:  # the file loaded before the edit: the edit is at fault, not the file
        raise ConfigError(
            f"{shown_name(path)}: briefing cannot edit [sources] feeds in this config's layout "
            f"(the edited file would not load: {error}); add the feeds by hand"
        ) from None
    if changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_output(path, updated)
    if adding:
        there = len(urls) - changed
        already = f" ({plural(there, 'was', 'were')} there already)" if there else ""
        say(f"added {plural(changed, 'feed')} to {path}{already}")
    else:
        say(f"removed {plural(changed, 'feed')} from {path}")
    return ExitCode.OK
