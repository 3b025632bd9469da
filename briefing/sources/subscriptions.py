"""Feed lists from other readers (a newsboat `urls` file, an OPML export) into config.toml, and
feeds added or removed one by one.

Pure: text in, URLs or new config text out; `briefing feeds` reads and writes the files.
The config is edited as text, not re-serialized, so the user's comments and layout stay.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from briefing.errors import ConfigError

_SOURCES = re.compile(r"^\s*\[sources\]\s*(?:#.*)?$", re.MULTILINE)
_TABLE = re.compile(r"^\s*\[", re.MULTILINE)
_FEEDS_KEY = re.compile(r"^\s*feeds\s*=\s*\[", re.MULTILINE)
_DOTTED_KEY = re.compile(r"^[ \t]*sources[ \t]*\.[ \t]*feeds[ \t]*=[ \t]*\[", re.MULTILINE)
# What a TOML basic string must escape: the quote, the backslash and every control character.
_TOML_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def toml_string(text: str) -> str:
    """`text` as a TOML basic string. Every other character is written as itself: JSON's
    writer, used before, wrote an emoji as a surrogate pair that TOML refuses, and the import
    then blamed the user's config ("invalid TOML")."""
    return '"' + _TOML_ESCAPE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + '"'


def parse_subscriptions(text: str) -> list[str]:
    """Feed URLs in a newsboat urls file (a URL, then tags, per line) or an OPML document, each
    once. Any scheme is kept: `feeds import` says which it cannot fetch, rather than dropping
    an OPML's `ftp:` or `javascript:` entry without a word."""
    if text.lstrip().startswith("<"):
        try:
            root = ElementTree.fromstring(text.strip().encode("utf-8"))
        except ElementTree.ParseError as error:
            raise ConfigError(f"not an OPML file: {error}") from error
        found = [outline.get("xmlUrl") or outline.get("xmlurl") or "" for outline in root.iter("outline")]
    else:
        # newsboat: '#' comments, "query:..." feeds (saved searches, not URLs), tags after the URL.
        lines = (line.strip() for line in text.splitlines())
        found = [line.split()[0] for line in lines if line and not line.startswith(("#", '"query:'))]
    return list(dict.fromkeys(url.strip() for url in found if url.strip()))


def with_feeds(config_text: str, current: tuple[str, ...], urls: list[str]) -> tuple[str, int]:
    """Config text whose `[sources] feeds` holds `current` plus the new `urls`; how many were added."""
    known = set(current)  # 40,000 feeds against 40,000 new ones: 30 s as a tuple
    added = [url for url in dict.fromkeys(urls) if url not in known]
    if not added:
        return config_text, 0
    return with_feed_list(config_text, (*current, *added)), len(added)


def without_feeds(config_text: str, current: tuple[str, ...], urls: list[str]) -> tuple[str, int]:
    """Config text whose `[sources] feeds` holds `current` less `urls`; how many were removed."""
    gone = set(urls)
    kept = tuple(url for url in current if url not in gone)
    if len(kept) == len(current):
        return config_text, 0
    return with_feed_list(config_text, kept), len(current) - len(kept)


def with_feed_list(config_text: str, feeds: tuple[str, ...]) -> str:
    """Config text whose `[sources] feeds` is exactly `feeds`; the rest of the text as it was.
    `[sources]` with `feeds = [...]` is edited in place, as is a top-level `sources.feeds = [...]`;
    a config without either gets the key (and the table, if it has none)."""
    items = "".join(f"    {toml_string(url)},\n" for url in feeds) + "]"
    array = "feeds = [\n" + items
    table = _SOURCES.search(config_text)
    first_table = _TABLE.search(config_text)
    dotted = _DOTTED_KEY.search(config_text, 0, first_table.start() if first_table else len(config_text))
    if dotted is not None:
        close = _closing_bracket(config_text, dotted.end())
        return f"{config_text[: dotted.start()]}sources.feeds = [\n{items}{config_text[close + 1 :]}"
    if table is None:
        separator = "\n" if config_text.endswith("\n") or not config_text else "\n\n"
        return f"{config_text}{separator}[sources]\n{array}\n"
    after = _TABLE.search(config_text, table.end())
    end_of_table = after.start() if after else len(config_text)
    key = _FEEDS_KEY.search(config_text, table.end(), end_of_table)
    if key is None:
        return f"{config_text[: table.end()]}\n{array}{config_text[table.end() :]}"
    close = _closing_bracket(config_text, key.end())
    return f"{config_text[: key.start()]}{array}{config_text[close + 1 :]}"


def _closing_bracket(text: str, start: int) -> int:
    """Index of the `]` closing the array opened just before `start` (brackets in strings and comments skipped)."""
    quote = None
    index = start
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#":
            index = text.find("\n", index)
            if index < 0:
                break
        elif char == "]":
            return index
        index += 1
    raise ConfigError("the config's 'sources.feeds' array is not closed")
