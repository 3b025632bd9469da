"""The one gate a URL from outside passes before anything uses it: `check_url`.

URLs come from configs, imported feed lists, feed entries, pages and servers' redirects. Each
of Python's URL functions fails its own way on a bad one: `urlsplit` raises on a broken IPv6
bracket, `.port` on a port out of range, `http.client` on a non-ASCII path or a control
character, the IDNA codec on a label over 63 letters; uncaught, one bad link in one feed
ended a whole fetch. Here every check is made once, with a reason a person reads, and a URL
that passes comes back in the form a request can use: the host in ASCII (IDNA), the path and
query percent-encoded where they hold spaces or non-ASCII characters, no fragment. Config
validation, `feeds add` and `feeds import`, every redirect hop and every entry link use it.

Base-level: the config, the sources and the network code all need it.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from briefing.sanitize import INVISIBLE, shown_name

SCHEMES = ("http", "https")
# Characters left as they are in a path or a query: RFC 3986's reserved and unreserved ones,
# and '%' (an escape already made). Anything else (a space, 'é', '€') is percent-encoded.
_SAFE = "/?#[]@!$&'()*+,;=:-._~%"
_CONTROL = re.compile(f"[{INVISIBLE}\\s]")
_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_MAX_LENGTH = 8192  # servers refuse request lines longer than this; no real link is
# Query parameters that only tell a site where a reader came from (campaign tags, ad and
# social click ids, mailing-list ids): the page is the same without them. The 100 real feeds
# add utm_* (62 links) and Deutsche Welle's maca (141); the others are the click ids browsers
# strip (fbclid, gclid, msclkid, ...) and Mailchimp's and HubSpot's.
_TRACKING = re.compile(
    r"utm_\w*|maca|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid"
    r"|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id",
    re.IGNORECASE,
)
# `ref` names anything on some sites (GitHub's ?ref=main is a branch): it tracks only when it
# says the reader came from a feed (alexwlchan.net's 25 links in the real feeds: ref=rss).
_FEED_REF = re.compile(r"rss\d?|feeds?|atom", re.IGNORECASE)
# A fragment that is not a place in the page but a tag for whoever sent the reader: NDTV's 20
# links in the real feeds end in #publisher=newsstand (Google News). Only a fragment made of
# such tags is left out; any other (#comment-2103, #section) is kept as written.
_FRAGMENT_TRACKING = re.compile(r"publisher|ref", re.IGNORECASE)


class BadURL(ValueError):
    """A URL that cannot be requested; the message says why, for a person."""


def check_url(url: str) -> str:
    """`url` as a request can use it; BadURL saying why when it is not an http(s) URL we can ask for.

    Checks: no control or format character anywhere and no whitespace but in the path or query
    (where it is encoded); http or https; a host, in brackets if it is an IPv6 address; a port
    from 1 to 65535; a host name IDNA can encode (labels of 1 to 63 letters).
    """
    text = url.strip()
    if not text:
        raise BadURL("an empty URL")
    if len(text) > _MAX_LENGTH:
        raise BadURL(f"not a valid URL: {len(text):,} characters long")
    control = next((match for match in _CONTROL.finditer(text) if match.group() != " "), None)
    if control:
        said = repr(control.group())[1:-1]  # an escape a person can read: \x1b, \u202e
        raise BadURL(f"not a valid URL: it holds a control character ({said} at character {control.start() + 1})")
    try:
        parts = urlsplit(text)
    except ValueError as error:  # "Invalid IPv6 URL"
        raise BadURL(f"not a valid URL: {error}") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise BadURL(f"not an http(s) URL ({shown_name(scheme)}:)" if scheme else "not a URL (no http:// or https://)")
    if " " in parts.netloc:
        raise BadURL("not a valid URL: a space in its host")
    try:
        port = parts.port
    except ValueError:
        raise BadURL(
            f"not a valid URL: the port in {shown_name(parts.netloc)} is not a number from 1 to 65535"
        ) from None
    if port == 0:
        raise BadURL("not a valid URL: port 0")
    host = parts.hostname or ""
    if not host:
        raise BadURL("not a valid URL: no host")
    netloc = _host(host, parts.netloc) + (f":{port}" if port is not None else "")
    if parts.username is not None:  # user info as written, percent-encoded where it is not ASCII
        netloc = quote(parts.netloc.rpartition("@")[0], safe="!$&'()*+,;=:%") + "@" + netloc
    path = quote(parts.path, safe=_SAFE) or "/"
    query = quote(parts.query, safe=_SAFE)
    return urlunsplit((scheme, netloc, path, query, ""))


def _host(host: str, netloc: str) -> str:
    """The host as a request names it: an IPv6 address in brackets, a name in ASCII."""
    if "[" in netloc:
        try:
            ipaddress.IPv6Address(host.split("%")[0])
        except ValueError:
            raise BadURL(f"not a valid URL: {shown_name(host)} in brackets is not an IPv6 address") from None
        return f"[{host}]"
    try:
        ascii_host = host.rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError:
        ascii_host = ""
    if not all(_LABEL.match(label) for label in ascii_host.split(".")):
        raise BadURL(
            f"not a valid URL: {shown_name(host)} is not a host name (an empty label, one over 63 letters,"
            " or a character no host name holds)"
        )
    return ascii_host


def shown_url(url: str | None) -> str | None:
    """`url` as an output shows it for a reader to open, or None when it is not one to show:
    only what `check_url` passes (http or https, a real host, no control, format or bidi
    character), in the form it gives (the host in ASCII and the rest percent-encoded where it
    is not, so no look-alike letter and no space or `<>` that would end it), with its fragment,
    without the parameters that only track where a reader came from (`untracked`), and without
    a fragment that is only such tags (NDTV's #publisher=newsstand)."""
    if not url:
        return None
    try:
        checked = check_url(url)
    except BadURL:
        return None
    parts = urlsplit(checked)
    checked = urlunsplit(parts._replace(query=untracked(parts.query)))
    fragment = urlsplit(url.strip()).fragment
    if fragment and all(_tracking(part, _FRAGMENT_TRACKING) for part in fragment.split("&")):
        fragment = ""
    return f"{checked}#{quote(fragment, safe=_SAFE)}" if fragment else checked


def untracked(query: str) -> str:
    """`query` without its tracking parameters (`_TRACKING`, and `ref` naming a feed); every
    other one kept as it was written, in its place. Only for an address shown or copied: a
    request asks for the page with the address as given."""
    return "&".join(part for part in query.split("&") if not _tracking(part))


def _tracking(part: str, also: re.Pattern[str] | None = None) -> bool:
    """Whether `part` (`name=value` of a query or fragment) only tracks where the reader came
    from: a `_TRACKING` name, `ref` naming a feed, or (with a value) a name `also` matches."""
    name, equals, value = (unquote(text) for text in part.partition("="))
    if _TRACKING.fullmatch(name):
        return True
    if name.lower() == "ref" and _FEED_REF.fullmatch(value):
        return True
    return bool(also and equals and value and also.fullmatch(name))


def is_valid_url(url: str) -> bool:
    try:
        check_url(url)
    except BadURL:
        return False
    return True


def hostname(url: str | None) -> str | None:
    """The host `url` names (lower case), or None: no host, or a URL `urlsplit` cannot read."""
    try:
        return urlsplit(url or "").hostname or None
    except ValueError:
        return None


def url_path(url: str | None) -> str:
    """The path `url` names, or "" when it names none or cannot be read."""
    try:
        return urlsplit(url or "").path
    except ValueError:
        return ""
