"""`briefing history` lists past briefings, `history forget` deletes one (or a day's); `briefing
show` prints one exactly as it was printed."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.cli.console import say
from briefing.errors import ExitCode


def history_command(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.output.listing import history_lines
    from briefing.output.write import write_stdout
    from briefing.storage.briefings import Briefings
    from briefing.storage.db import Store, store_path
    from briefing.summary.settings import settings_of

    config = load_config(args.config)
    if getattr(args, "history_command", None) == "forget":
        return _forget(args.which, store_path(config))
    with Store(store_path(config), create=False) as store:  # listing makes no history
        past = Briefings(store).history()
    if not past:
        say("no briefings recorded yet")
        return ExitCode.OK
    write_stdout("\n".join(history_lines(past, settings_of(config))) + "\n")
    return ExitCode.OK


def show_command(args: argparse.Namespace) -> int:
    from briefing.clock import today
    from briefing.config import load_config
    from briefing.output.write import write_stdout
    from briefing.storage.briefings import Briefings
    from briefing.storage.db import Store, store_path
    from briefing.summary.settings import settings_of

    config = load_config(args.config)
    with Store(store_path(config), create=False) as store:  # nor does showing one
        text = Briefings(store).as_printed(args.which, args.format, today(), settings_of(config))
    write_stdout(text, args.format)
    return ExitCode.OK


def _forget(which: str, path: Path) -> int:
    """Delete a briefing, or a day's, from the history: a sample or a test run that should not
    count against tomorrow's items."""
    from briefing.clock import today
    from briefing.storage.briefings import Briefings
    from briefing.storage.db import Store

    with Store(path, create=False) as store:
        gone = Briefings(store).forget(which, today())
    for entry in gone:
        terms = ", ".join(entry.key_terms[:5]) or "no key terms"
        say(f"forgot briefing {entry.id} of {entry.day} ({terms})")
    return ExitCode.OK
