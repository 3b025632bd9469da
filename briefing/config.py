"""TOML settings turned into a typed, validated Config.

Every key of config.toml maps to a dataclass field here; unknown keys and wrong types are
errors that name the key path, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import math
import os
import sys
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, get_type_hints

from briefing.errors import ConfigError
from briefing.keynames import check_keys
from briefing.paths import kind_of, unreachable
from briefing.placeholders import unknown_placeholder
from briefing.sanitize import shown_name
from briefing.urls import BadURL, check_url
from briefing.xdg import config_home

MAX_DAYS = 36_500  # day counts beyond a century are typos, and overflow date arithmetic
# No count in a config means more than this (10**30 bytes overflowed a read's size); a setting
# with a closer limit says so in _check_values.
MAX_INT = 1_000_000_000
# The algorithms [summary] algorithm and --algorithm may name: a closed set, read here without
# importing the summarizer. Their registry (`briefing.summary.algorithms`) has these names, in
# this order (a test checks).
ALGORITHM_NAMES = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "reduction", "random")


@dataclass(frozen=True, slots=True)
class SourcesConfig:
    paths: tuple[str, ...] = ()
    max_bytes: int = 5_000_000
    feeds: tuple[str, ...] = ()
    window_hours: int = 24
    timeout_seconds: float = 20.0


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    algorithm: str = "lexrank"
    sentences: int = 8
    words: int = 0
    bytes: int = 0
    min_words: int = 6
    max_words: int = 55


@dataclass(frozen=True, slots=True)
class MergeConfig:
    threshold: float = 0.45


@dataclass(frozen=True, slots=True)
class StoriesConfig:
    threshold: float = 0.10
    days_apart: float = 3.0
    max: int = 10


@dataclass(frozen=True, slots=True)
class RankConfig:
    articles: float = 1.0
    sources: float = 0.5
    corroboration: float = 1.0
    recency: float = 0.5
    novelty: float = 0.5


@dataclass(frozen=True, slots=True)
class EngineConfig:
    scheduler: str = ""
    processes: int = 0


@dataclass(frozen=True, slots=True)
class TopicConfig:
    query: str = ""


@dataclass(frozen=True, slots=True)
class ScoreConfig:
    algorithm: float = 1.0
    coverage: float = 1.25
    support: float = 0.25
    position: float = 1.0
    length: float = 0.3
    event: float = 0.15


@dataclass(frozen=True, slots=True)
class CleanConfig:
    drop_patterns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoreConfig:
    path: str = ""
    compare_days: int = 7
    keep_days: int = 90


@dataclass(frozen=True, slots=True)
class OutputConfig:
    path: str = "briefing-{date}.txt"


@dataclass(frozen=True, slots=True)
class KeysConfig:
    """TUI key bindings by binding id, on every screen; a value is one key or several
    separated by commas."""

    down: str = "j,down"
    up: str = "k,up"
    next_pane: str = "tab"
    previous_pane: str = "shift+tab"
    next_story: str = "right_square_bracket"
    previous_story: str = "left_square_bracket"
    open: str = "enter"
    longer: str = "plus"
    shorter: str = "minus"
    algorithm: str = "a"
    filter: str = "slash"
    explain: str = "e"
    write: str = "w"
    copy: str = "c"
    repeats: str = "r"
    history: str = "h"
    fetch: str = "f"
    help: str = "question_mark"
    quit: str = "q"
    # The other screens': back closes an article, a past briefing or a dialog, and clears the
    # filter; down and up above move there too; these four scroll an article.
    back: str = "escape"
    page_down: str = "space,pagedown"
    page_up: str = "b,pageup"
    top: str = "g,home"
    bottom: str = "G,end"


@dataclass(frozen=True, slots=True)
class Config:
    sources: SourcesConfig = field(default_factory=SourcesConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    merge: MergeConfig = field(default_factory=MergeConfig)
    stories: StoriesConfig = field(default_factory=StoriesConfig)
    rank: RankConfig = field(default_factory=RankConfig)
    topic: TopicConfig = field(default_factory=TopicConfig)
    engine: EngineConfig = field(default_factory=EngineConfig)
    score: ScoreConfig = field(default_factory=ScoreConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    output: OutputConfig = field(default_factory=OutputConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    keys: KeysConfig = field(default_factory=KeysConfig)


CONFIG_ENV = "BRIEFING_CONFIG"


def default_config_path() -> Path | None:
    """Where a user's config lives when neither --config nor BRIEFING_CONFIG says otherwise;
    None when there is no config folder (no XDG_CONFIG_HOME and no home)."""
    base = config_home()
    return base / "briefing" / "config.toml" if base else None


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The config file `load_config(explicit)` reads (it need not exist): `explicit`, else
    BRIEFING_CONFIG, else the default path; None when there is no config folder."""
    named = explicit or os.environ.get(CONFIG_ENV)
    return Path(named) if named else default_config_path()


def load_config(explicit: str | os.PathLike[str] | None = None) -> Config:
    """Read the config named by `explicit`, BRIEFING_CONFIG, or the default path.

    A file named explicitly (argument or environment) must exist; a missing default file
    means the built-in defaults, which config.toml in the repository documents. Anything else
    in its place (a folder, a named pipe, a path this user cannot look through) is said as
    what it is, never taken for a missing file; /dev/null is an empty config.
    """
    named = explicit or os.environ.get(CONFIG_ENV)
    path = config_path(explicit)
    if path is None:
        return Config()
    problem = unreachable(path)
    if problem == "no such file or folder":
        if named:
            raise ConfigError(f"config file {shown_name(path)} does not exist")
        return Config()
    if problem:
        raise ConfigError(f"cannot read config file {shown_name(path)}: {problem}")
    what = kind_of(path)
    if what is not None:
        if os.path.realpath(path) == os.devnull:
            return Config()  # `--config /dev/null`: no settings, the defaults
        raise ConfigError(f"config file {shown_name(path)} is {what}, not a config file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read config file {shown_name(path)}: {error}") from error
    return parse_config(text, shown_name(path))


def parse_config(text: str, origin: str = "<config>") -> Config:
    """Validate TOML text into a Config, or raise ConfigError naming the problem."""
    if sys.version_info >= (3, 11):  # imported here: a run with no config file reads no TOML
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{origin}: invalid TOML: {error}") from error
    except RecursionError:  # 5,000 nested tables or arrays: no config is shaped so
        raise ConfigError(f"{origin}: tables or arrays nested too deeply to read; no setting is nested") from None
    config: Config = _build(Config, data, origin, "")
    _check_values(config, origin)
    return config


def _build(cls: Any, data: Any, origin: str, prefix: str) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: [{prefix.rstrip('.')}] must be a table, got {data!r}")
    hints = get_type_hints(cls)
    known = [f.name for f in fields(cls)]
    values: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if path == "stories.attach":  # a config copied from an earlier version: its threshold is on an old scale
            raise ConfigError(f"{origin}: 'stories.attach' is gone: remove it, and 'stories.threshold' (now 0.10)")
        if key not in known:
            import difflib  # for a mistake only

            close = difflib.get_close_matches(key, known, n=1)
            hint = f"; did you mean '{prefix}{close[0]}'?" if close else f"; known keys: {', '.join(known)}"
            raise ConfigError(f"{origin}: unknown key '{path}'{hint}")
        kind = hints[key]
        if is_dataclass(kind):
            values[key] = _build(kind, value, origin, f"{path}.")
        else:
            values[key] = _coerce(value, kind, origin, path)
    return cls(**values)


def _coerce(value: Any, kind: Any, origin: str, path: str) -> Any:
    if kind is bool or kind is str:
        ok = isinstance(value, kind)
    elif kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind is float:
        # TOML has nan and inf; no setting means anything with them, and nan passes every comparison check.
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
        value = float(value) if ok else value
    else:  # tuple[str, ...]
        ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        value = tuple(value) if ok else value
    texts = [value] if isinstance(value, str) else value if isinstance(value, tuple) else ()
    if ok and any("\x00" in text for text in texts):
        raise ConfigError(f"{origin}: '{path}' holds a NUL character, which no file name or text setting can")
    if not ok:
        expected = {bool: "true or false", str: "a string", int: "an integer", float: "a finite number"}.get(
            kind, "a list of strings"
        )
        raise ConfigError(f"{origin}: '{path}' must be {expected}, got {value!r}")
    return value


def _check_values(config: Config, origin: str) -> None:
    for key in ("compare_days", "keep_days"):
        if not 0 <= getattr(config.store, key) <= MAX_DAYS:
            raise ConfigError(
                f"{origin}: 'store.{key}' must be 0 to {MAX_DAYS} (a century), got {getattr(config.store, key)}"
            )
    if config.sources.max_bytes < 0:
        raise ConfigError(f"{origin}: 'sources.max_bytes' must be 0 (no limit) or more")
    if not 1 <= config.sources.window_hours <= 24 * 366:
        raise ConfigError(
            f"{origin}: 'sources.window_hours' must be 1 to 8784 (a year), got {config.sources.window_hours}"
        )
    if not 0.1 <= config.sources.timeout_seconds <= 600:
        raise ConfigError(
            f"{origin}: 'sources.timeout_seconds' must be 0.1 to 600, got {config.sources.timeout_seconds}"
        )
    for url in config.sources.feeds:
        try:
            check_url(url)
        except BadURL as error:
            raise ConfigError(f"{origin}: 'sources.feeds' holds '{shown_name(url)}': {error}") from None
    summary = config.summary
    if summary.algorithm not in ALGORITHM_NAMES:
        import difflib  # for a mistake only

        close = difflib.get_close_matches(summary.algorithm, ALGORITHM_NAMES, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise ConfigError(
            f"{origin}: 'summary.algorithm' is {summary.algorithm!r}; allowed: {', '.join(ALGORITHM_NAMES)}{hint}"
        )
    for key in ("sentences", "words", "bytes", "min_words", "max_words"):
        if getattr(summary, key) < 0:
            raise ConfigError(f"{origin}: 'summary.{key}' must be 0 or more, got {getattr(summary, key)}")
    if summary.min_words > summary.max_words:
        raise ConfigError(f"{origin}: 'summary.min_words' ({summary.min_words}) exceeds 'summary.max_words'")
    if not 0.0 < config.merge.threshold <= 1.0:
        raise ConfigError(f"{origin}: 'merge.threshold' must be in (0, 1], got {config.merge.threshold}")
    if config.topic.query.strip():
        from briefing.text.query import query_stems  # the NLP stack: only runs with a topic pay

        if not query_stems(config.topic.query):
            raise ConfigError(
                f"{origin}: the topic {shown_name(config.topic.query)!r} has no word to look for, only common words;"
                ' name the story, e.g. "Ukraine"'
            )
    for section in ("score", "rank"):
        for item in fields(getattr(config, section)):
            if not getattr(getattr(config, section), item.name) >= 0:  # also false for nan
                raise ConfigError(f"{origin}: '{section}.{item.name}' must be 0 or more")
    stories = config.stories
    if not 0.0 < stories.threshold <= 1.0:
        raise ConfigError(f"{origin}: 'stories.threshold' must be in (0, 1], got {stories.threshold}")
    if not 0.0 <= stories.days_apart <= 3650:
        raise ConfigError(
            f"{origin}: 'stories.days_apart' must be from 0 (ignore dates) to 3650, got {stories.days_apart}"
        )
    if config.engine.scheduler:
        try:
            parse_scheduler(config.engine.scheduler)
        except ConfigError as error:
            raise ConfigError(f"{origin}: 'engine.scheduler': {error}") from None
    if config.engine.processes < 0:
        raise ConfigError(
            f"{origin}: 'engine.processes' must be 0 (one per core) or more, got {config.engine.processes}"
        )
    if stories.max < 0:
        raise ConfigError(f"{origin}: 'stories.max' must be 0 (all) or more, got {stories.max}")
    template = unknown_placeholder(config.output.path)
    if template or not config.output.path.strip():
        problem = template or "names no file"
        raise ConfigError(f"{origin}: 'output.path' {shown_name(config.output.path)!r}: {shown_name(problem)}")
    if config.clean.drop_patterns:
        _check_patterns(config.clean.drop_patterns, origin)
    check_keys(asdict(config.keys), asdict(KeysConfig()), origin)
    # Any other count: the keys above say their own, closer, limits.
    for group in fields(config):
        for setting in fields(getattr(config, group.name)):
            value = getattr(getattr(config, group.name), setting.name)
            if isinstance(value, int) and not -MAX_INT <= value <= MAX_INT:
                raise ConfigError(
                    f"{origin}: '{group.name}.{setting.name}' is {value:,}; no setting takes a number past {MAX_INT:,}"
                )


def _check_patterns(patterns: tuple[str, ...], origin: str) -> None:
    from briefing.text.patterns import PatternError, compile_user  # most have none; `history` needs no RE2

    for pattern in patterns:
        try:
            compile_user(pattern)
        except PatternError as error:
            raise ConfigError(
                f"{origin}: 'clean.drop_patterns' has an invalid pattern {pattern!r}: {error}; patterns run on "
                "RE2, in time linear in the line: Python's syntax without lookaround or backreferences"
            ) from error


def parse_scheduler(value: str) -> tuple[str, int | str]:
    """("local", workers) for `local:N`, ("remote", address) for `tcp://HOST:PORT`."""
    if value.startswith("local:") and value[6:].isdigit() and int(value[6:]) > 0:
        return "local", int(value[6:])
    host, _, port = value[6:].rpartition(":")
    if value.startswith("tcp://") and host and port.isdigit():
        return "remote", value
    raise ConfigError(f"scheduler {value!r} is not local:N (N worker processes here) or tcp://HOST:PORT")


def with_overrides(
    config: Config,
    stories: int | None = None,
    topic: str | None = None,
    scheduler: str | None = None,
    **summary: Any,
) -> Config:
    """A copy of `config` with command-line values (those not None) put into [summary],
    `stories` into [stories] max, `topic` into [topic] query, `scheduler` into [engine]."""
    given = {key: value for key, value in summary.items() if value is not None}
    if not given and stories is None and topic is None and scheduler is None:
        return config
    updated = replace(config, summary=replace(config.summary, **given))
    if stories is not None:
        updated = replace(updated, stories=replace(updated.stories, max=stories))
    if topic is not None:
        updated = replace(updated, topic=TopicConfig(topic))
    if scheduler is not None:
        updated = replace(updated, engine=replace(updated.engine, scheduler=scheduler))
    _check_values(updated, "command line")
    return updated
