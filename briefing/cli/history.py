"""`briefing history` lists past briefings; `briefing show` prints one exactly as it was printed."""

from __future__ import annotations

import argparse

from briefing.cli.console import say
from briefing.errors import ExitCode


def history_command(args: argparse.Namespace) -> int:
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


def show_command(args: argparse.Namespace) -> int:
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
