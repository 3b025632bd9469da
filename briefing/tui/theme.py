"""The theme a user last chose in the TUI, kept for the next start.

State, not configuration: it lives in $XDG_STATE_HOME/briefing/theme (~/.local/state), so
choosing a theme in the palette never rewrites the user's config.toml.
"""

from __future__ import annotations

from pathlib import Path

from briefing.xdg import state_home


def path() -> Path | None:
    base = state_home()
    return base / "briefing" / "theme" if base else None


def saved() -> str | None:
    """The theme chosen last, or None (never chosen, or the file cannot be read)."""
    where = path()
    try:
        return where.read_text(encoding="utf-8").strip() or None if where else None
    except (OSError, UnicodeDecodeError):
        return None


def save(name: str) -> None:
    """Remember `name`; an OSError says why it could not be (the caller reports it)."""
    where = path()
    if where is None:
        raise OSError("no folder for the TUI's state: neither XDG_STATE_HOME nor HOME is set")
    where.parent.mkdir(parents=True, exist_ok=True)
    where.write_text(name + "\n", encoding="utf-8")
