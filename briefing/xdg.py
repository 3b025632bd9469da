"""Where a user's files live: the XDG base directories and the home folder, found one way.

A cron job, a container or a service account may run without HOME, or under a user id with
no password-database entry; `Path.home()` then raises. Here such a folder is None, and each
caller says what that means for it (defaults for the config, a history error for the store).
Read when called, never at import: tests and callers change the environment.
"""

from __future__ import annotations

import os
import pwd
from pathlib import Path


def home() -> Path | None:
    """$HOME, else the password database's home for this user, else None."""
    if os.environ.get("HOME"):
        return Path(os.environ["HOME"])
    try:
        return Path(pwd.getpwuid(os.getuid()).pw_dir)
    except KeyError:
        return None


def _base(variable: str, *default: str) -> Path | None:
    # The specification ignores relative paths in these variables.
    value = os.environ.get(variable, "")
    if os.path.isabs(value):
        return Path(value)
    found = home()
    return found.joinpath(*default) if found else None


def config_home() -> Path | None:
    """$XDG_CONFIG_HOME, or ~/.config; None without either."""
    return _base("XDG_CONFIG_HOME", ".config")


def cache_home() -> Path | None:
    """$XDG_CACHE_HOME, or ~/.cache; None without either."""
    return _base("XDG_CACHE_HOME", ".cache")


def data_home() -> Path | None:
    """$XDG_DATA_HOME, or ~/.local/share; None without either."""
    return _base("XDG_DATA_HOME", ".local", "share")


def state_home() -> Path | None:
    """$XDG_STATE_HOME, or ~/.local/state; None without either."""
    return _base("XDG_STATE_HOME", ".local", "state")


def unknown_home(path: str) -> str:
    """Why `expand_user(path)` found no home folder, for a message: "no user named X", or that
    HOME is not set and this user has no home folder."""
    head = path.partition("/")[0]
    if head not in ("~", ""):
        return f"no user named {head[1:]}"
    return "its home folder is unknown (HOME is not set, and this user has no home folder)"


def expand_user(path: str) -> Path | None:
    """`path` with a leading ~ or ~user expanded; None when that home folder is unknown."""
    if not path.startswith("~"):
        return Path(path)
    head, _, rest = path.partition("/")
    if head == "~":
        found = home()
    else:
        try:
            found = Path(pwd.getpwnam(head[1:]).pw_dir)
        except KeyError:
            return None
    return found / rest if found else None
