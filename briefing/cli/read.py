"""`briefing read`: each article as the briefing sees it, metadata and clean text."""

from __future__ import annotations

import argparse

from briefing.cli.console import report_problems
from briefing.cli.digest import check_sources
from briefing.errors import ExitCode


def read_command(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.output.articles import render_articles
    from briefing.output.write import write_stdout
    from briefing.run.gather import gather

    check_sources(args.sources, missing_only=True)  # a typo is a usage error, as in digest and the TUI
    config = load_config(args.config)
    articles, problems = gather(args.sources, config)
    report_problems(problems, len(articles))
    write_stdout(render_articles(articles, args.format), args.format)
    return ExitCode.OK if articles else ExitCode.NOTHING_TO_SUMMARIZE
