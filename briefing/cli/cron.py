"""`briefing cron`: the crontab line for the morning briefing, ready to paste with `crontab -e`.

A line written by hand fails in ways nobody sees: cron's PATH (/usr/bin:/bin) has no
`briefing` in a virtual environment (exit 127), a `2>>` into a folder that does not exist
fails in the shell before briefing starts (so nothing is logged anywhere), and `cd` into a
folder nobody made fails the same way. This line names everything by its full path (the
briefing being run, its config, the output, the log), and the log's folder is made now. The
line is on stdout (data, as always); what is worth checking about the set-up is on stderr.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import sys
from pathlib import Path

from briefing.cli.console import say
from briefing.errors import ConfigError, ExitCode, UsageError
from briefing.sanitize import printable, shown_name

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    cron = commands.add_parser(
        "cron",
        parents=[common],
        help="print the crontab line that fetches the feeds and writes the day's briefing every morning",
    )
    cron.add_argument("--at", default="06:30", metavar="HH:MM", help="when, every day (default: 06:30)")
    cron.add_argument(
        "-o",
        "--output",
        default="~/briefings/{date}.txt",
        metavar="FILE",
        help="where each briefing goes (default: ~/briefings/{date}.txt)",
    )
    cron.add_argument(
        "--log",
        default="~/briefings/briefing.log",
        metavar="FILE",
        help="what went wrong (default: ~/briefings/briefing.log)",
    )


def cron_command(args: argparse.Namespace) -> int:
    from briefing.config import config_path, load_config
    from briefing.output.write import check_template, write_stdout
    from briefing.xdg import expand_user, home

    at = _TIME.match(args.at)
    if not at:
        raise UsageError(f"--at {args.at!r} is not a time of day: give HH:MM, e.g. 06:30")
    check_template(args.output)
    config = load_config(args.config)
    path = config_path(args.config)
    user_home = home()
    if user_home is None:
        raise UsageError("no home folder (HOME is not set): cron runs jobs in it; set HOME")
    if path is None or not path.is_file() or not (config.sources.feeds or config.sources.paths):
        where = f" in {path}" if path else ""
        raise ConfigError(
            f"nothing for a morning job to read{where}: add feeds ('briefing feeds add URL') or set [sources] paths"
        )
    output, log = expand_user(args.output), expand_user(args.log)
    if output is None or log is None:
        raise UsageError("-o and --log must name a file of a known home folder")
    output, log = output.absolute(), log.absolute()
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot make the folder {log.parent} for the log: {error.strerror or error}") from error
    _check_paths(config.sources.paths, user_home)
    words = [*_briefing(), "digest"]
    words += ["--fetch"] if config.sources.feeds else []
    words += ["--config", str(path.absolute()), "-o", str(output)]
    command = " ".join(shlex.quote(word) for word in words) + f" 2>>{shlex.quote(str(log))}"
    # Cron's environment has no XDG folders: the history (unless the config names it) and the
    # cache, where the language model was unpacked (68 MB, again under ~/.cache without it).
    data = os.environ.get("XDG_DATA_HOME", "") if not config.store.path else ""
    cache = os.environ.get("XDG_CACHE_HOME", "")
    for name, folder in (("XDG_CACHE_HOME", cache), ("XDG_DATA_HOME", data)):
        if os.path.isabs(folder):
            command = f"{name}={shlex.quote(folder)} {command}"
    for word in [*words, str(log), data, cache]:
        if printable(word) != word or "\n" in word:
            raise UsageError(f"{shown_name(word)} holds a character a crontab line cannot carry; use another path")
    hour, minute = int(at.group(1)), int(at.group(2))
    # In a crontab, % ends the command (the rest is its input): written \% it is a percent sign.
    write_stdout(f"{minute} {hour} * * * {command.replace('%', chr(92) + '%')}\n")
    say(f"paste the line above with 'crontab -e'; errors go to {log}, nothing is written there on a good morning")
    return ExitCode.OK


def _briefing() -> list[str]:
    """This briefing as cron can start it: the script's full path (its first line names the
    virtual environment's Python, so neither PATH nor activation is needed), or this Python
    with `-m briefing`."""
    script = sys.argv[0] if sys.argv and sys.argv[0] else ""
    if script and Path(script).name != "__main__.py":
        found = script if os.sep in script else shutil.which(script)
        if found and os.access(found, os.X_OK):
            return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "briefing"]


def _check_paths(paths: tuple[str, ...], user_home: Path) -> None:
    """Say which [sources] paths cron will not find: it runs in the home folder."""
    for path in paths:
        if path.startswith("~"):
            continue
        if not os.path.isabs(path):
            say(
                f"[sources] paths: {shown_name(path)!r} is relative: cron runs in {user_home}, so it reads {user_home / path};"
                " give the full path in the config"
            )
        elif not os.path.exists(path):
            say(f"[sources] paths: {path}: no such folder yet")
