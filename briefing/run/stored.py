"""The last briefing of the same sources, for the TUI to show while it makes today's.

`briefing digest` (cron's, with the history on) and the TUI keep the briefing they made
(`briefing.storage.shown`) under a key made of what was asked for: the sources as named
(folders by their full path), or the configured ones when none was named, and the topic. A
launch of the TUI on the same sources reads it back before any article is read. Both ways
fail softly: a history that cannot be read or written only means no stored briefing.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence

from briefing import clock
from briefing.config import Config
from briefing.errors import StoreError
from briefing.models import Briefing
from briefing.storage.db import Store, store_path
from briefing.storage.shown import Origin, Stored, keep, last


def sources_key(sources: Sequence[str], config: Config, fetched: bool = False) -> str:
    """What a briefing of `sources` was asked for, as one key: the sources (a path by its full
    path, so `cd ~; briefing news` and `briefing ~/news` are one), the fetched articles if
    they are read, and the topic. Imports nothing of the reading stack: the TUI reads the
    stored briefing before that is loaded."""
    named = [source if "://" in source else os.path.abspath(source) for source in sources]
    if not sources:  # the config's paths as it writes them: the same config, the same key
        named, fetched = list(config.sources.paths), True
    asked = [sorted(set(named)), fetched, config.topic.query]
    return hashlib.sha256(json.dumps(asked, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


def stored_briefing(key: str, config: Config) -> Stored | None:
    """The briefing last kept under `key`; None when there is none, or no history to read."""
    try:
        path = store_path(config)
        if not path.exists():
            return None
        with Store(path, create=False) as store:
            return last(store, key)
    except StoreError:
        return None


def keep_briefing(key: str, briefing: Briefing, config: Config, origin: Origin | None = None) -> None:
    """Keep `briefing`, made from `origin`, as the last one of `key`, made now; a history that
    cannot take it is left alone."""
    try:
        with Store(store_path(config)) as store:
            keep(store, key, briefing, clock.now().isoformat(timespec="seconds"), origin)
    except StoreError:
        pass
