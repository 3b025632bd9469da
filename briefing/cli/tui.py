"""`briefing tui` (and bare `briefing`): the terminal UI, once there is a terminal to take."""

from __future__ import annotations

import argparse
import os
import sys

from briefing.cli.console import say
from briefing.cli.digest import check_sources
from briefing.errors import ExitCode


def tui_command(args: argparse.Namespace) -> int:
    from briefing.config import load_config, with_overrides

    config = with_overrides(
        load_config(args.config), stories=getattr(args, "stories", None), topic=getattr(args, "topic", None)
    )
    sources = list(getattr(args, "sources", None) or [])
    check_sources(sources)  # a typo is a shell error, before the screen is taken over
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
    from briefing.tui.driver import sturdy_input

    app = create_app(sources, config, store=not getattr(args, "no_store", False), config_named=args.config)
    sturdy_input()  # no byte or half-sent paste on the terminal's input may end or freeze the app
    app.run()
    # A crash: Textual has shown its traceback as it gave the terminal back, and set return_code 1.
    return ExitCode.INTERNAL if app.return_code else ExitCode.OK
