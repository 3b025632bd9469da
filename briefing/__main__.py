"""`python -m briefing` runs the same command line as the `briefing` script."""

from briefing.cli.main import run

run()
