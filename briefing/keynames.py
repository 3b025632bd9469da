"""Whether `[keys]` in config.toml names keys the TUI can bind: a wrong value is a config error.

A misspelt key ("dwn") was bound to nothing and the TUI started without a word, and a key given
to two bindings ("q" for down as well as quit) did only one of them: the user's key did nothing.
Key names are Textual's: a character ("j", "G"), a key's name ("down", "pagedown", "space"), a
character's name ("plus", "question_mark"), with modifiers ("ctrl+x", "shift+tab").
"""

from __future__ import annotations

from collections.abc import Mapping

from briefing.errors import ConfigError
from briefing.sanitize import shown_name

_MODIFIERS = frozenset({"shift", "ctrl", "alt", "meta", "super", "hyper"})


def check_keys(keys: Mapping[str, str], defaults: Mapping[str, str], origin: str) -> None:
    """A ConfigError naming the first `[keys]` value that is no key, or a key two bindings share.
    Textual is asked only when a value differs from its default: a config that leaves `[keys]`
    alone (every digest, every cron run) does not import it."""
    if keys == defaults:
        return
    known = _key_names()
    bound: dict[str, str] = {}
    for binding, value in keys.items():
        for key in (part.strip() for part in value.split(",")):
            if not _is_key(key, known):
                import difflib  # for a mistake only

                close = difflib.get_close_matches(key, sorted(known), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                raise ConfigError(
                    f"{origin}: 'keys.{binding}' holds {shown_name(key)!r}, which is no key{hint} (keys are named "
                    "as Textual names them: 'j', 'G', 'down', 'pagedown', 'space', 'plus', 'ctrl+x')"
                )
            if key in bound:
                raise ConfigError(
                    f"{origin}: 'keys.{bound[key]}' and 'keys.{binding}' both bind {shown_name(key)!r}; "
                    "a key does one thing"
                )
            bound[key] = binding


def _is_key(key: str, known: frozenset[str]) -> bool:
    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    if not base or not _MODIFIERS.issuperset(modifiers):
        return False
    return (len(base) == 1 and base.isprintable() and not base.isspace()) or base in known


def _key_names() -> frozenset[str]:
    """Textual's names of keys and of the printable ASCII characters."""
    from textual.keys import Keys, _character_to_key

    named = {key.value for key in Keys if not key.value.startswith("<")}
    return frozenset(named | {_character_to_key(chr(code)) for code in range(32, 127)})
