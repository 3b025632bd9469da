"""A JSON Feed kept to its specification's types before anything reads it.

JSON carries any type anywhere: a `content_html` that is a number, `authors` that is a string,
`tags` that is an integer. fastfeedparser passes such values through, or calls `.get` and
`.strip` on them: one bad item made the whole feed unreadable, or crashed the run. Here each
field is kept only if it has the type https://www.jsonfeed.org/version/1.1/ gives it (an
item's `id` may also be a number, as feeds write it), an item that is not an object is
dropped, and what is left is JSON again for the parser: a good feed reads exactly as before.
"""

from __future__ import annotations

import json
from typing import Any

_TEXT = (str,)
_AUTHOR = {"name": _TEXT, "url": _TEXT, "avatar": _TEXT}
_ATTACHMENT = {"url": _TEXT, "mime_type": _TEXT, "title": _TEXT, "size_in_bytes": (int,), "duration_in_seconds": (int,)}
_ITEM: dict[str, Any] = {
    "id": (str, int),
    "url": _TEXT,
    "external_url": _TEXT,
    "title": _TEXT,
    "content_html": _TEXT,
    "content_text": _TEXT,
    "summary": _TEXT,
    "image": _TEXT,
    "banner_image": _TEXT,
    "date_published": _TEXT,
    "date_modified": _TEXT,
    "language": _TEXT,
    "author": _AUTHOR,
    "authors": [_AUTHOR],
    "tags": [_TEXT],
    "attachments": [_ATTACHMENT],
}
_FEED: dict[str, Any] = {
    "version": _TEXT,
    "title": _TEXT,
    "home_page_url": _TEXT,
    "feed_url": _TEXT,
    "description": _TEXT,
    "icon": _TEXT,
    "favicon": _TEXT,
    "language": _TEXT,
    "author": _AUTHOR,
    "authors": [_AUTHOR],
    "items": [_ITEM],
}


class NotJSON(ValueError):
    """The bytes are not JSON that can be read (invalid, or nested too deeply)."""


def typed_json_feed(data: bytes) -> bytes:
    """The feed with every value of the wrong type left out; NotJSON when it is not JSON."""
    try:
        document = json.loads(data)
    except RecursionError:
        raise NotJSON("nested too deeply to read") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise NotJSON(str(error)) from None
    return json.dumps(_typed(document, _FEED) or {}, ensure_ascii=False).encode("utf-8")


def _typed(value: Any, shape: Any) -> Any:
    """`value` if it fits `shape` (a tuple of types, a field table, or a one-shape list), the
    parts of it that fit, or None."""
    if isinstance(shape, tuple):
        fits = isinstance(value, shape) and not isinstance(value, bool)
        return value if fits else None
    if isinstance(shape, list):
        if not isinstance(value, list):
            return None
        kept = (_typed(member, shape[0]) for member in value)
        return [member for member in kept if member is not None]
    if not isinstance(value, dict):
        return None
    fields = ((key, _typed(value[key], kind)) for key, kind in shape.items() if key in value)
    return {key: member for key, member in fields if member is not None}
