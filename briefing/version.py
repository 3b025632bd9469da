"""The version, in a module of its own: the User-Agent and the history record it, and neither
should import the public API (`briefing/__init__.py`) to learn it."""

__version__ = "0.1.0"
