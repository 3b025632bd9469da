"""The URL gate: every URL from outside either becomes one a request can use, or a BadURL whose
message says why; never another exception (issue 31: one bad link ended a whole fetch)."""

from __future__ import annotations

import contextlib
import http.client
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.config import parse_config
from briefing.errors import ConfigError
from briefing.sources.documents import entry_slug
from briefing.sources.feeds import Entry
from briefing.urls import BadURL, check_url, hostname, shown_url, url_path


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:99999/", "port"),
        ("http://127.0.0.1:abc/feed", "port"),
        ("http://127.0.0.1:80:80/", "port"),
        ("http://127.0.0.1:0/", "port 0"),
        ("http://[::1/x", "IPv6"),
        ("http://[not-v6]/x", "IPv6"),
        ("http://" + "a" * 64 + ".example/", "host name"),
        ("http://a..b/", "host name"),
        ("http://127.0.0.1:\x1b[2J\x1b]52;c;eA==\x07/feed", "control"),
        ("http://example.org/a b\x07c", "control"),
        ("http://example.org/\u202eevil", "control"),
        ("http://example.org/\x7f", "control"),
        ("http://exa mple.org/", "space"),
        ("ftp://example.org/feed", r"not an http\(s\) URL"),
        ("example.org/feed", "no http"),
        ("http:///path", "no host"),
        ("", "empty"),
    ],
)
def test_a_bad_url_is_refused_with_its_reason(url: str, reason: str) -> None:
    with pytest.raises(BadURL, match=reason):
        check_url(url)


@pytest.mark.parametrize(
    ("url", "checked"),
    [
        ("http://127.0.0.1:8/café/€", "http://127.0.0.1:8/caf%C3%A9/%E2%82%AC"),
        ("https://Bücher.example/ä?q=ü#part", "https://xn--bcher-kva.example/%C3%A4?q=%C3%BC"),
        ("http://example.org/a bc", "http://example.org/a%20bc"),
        ("HTTP://Example.ORG", "http://example.org/"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("http://example.org/%41?x=%20", "http://example.org/%41?x=%20"),
        ("http://example.org/📰", "http://example.org/%F0%9F%93%B0"),
    ],
)
def test_a_usable_url_comes_back_as_a_request_names_it(url: str, checked: str) -> None:
    assert check_url(url) == checked


def _requestable(url: str) -> None:
    """What http.client and the socket layer need of a URL: ASCII with no control or space, a
    host, a port in range."""
    parts = urlsplit(url)
    assert url.isascii() and not any(ord(char) < 33 or ord(char) == 127 for char in url)
    assert parts.scheme in ("http", "https") and parts.hostname
    assert parts.port is None or 1 <= parts.port <= 65535
    connection = http.client.HTTPConnection("127.0.0.1", 9)
    connection.putrequest("GET", parts.path + (f"?{parts.query}" if parts.query else ""))  # raises on a bad path


URL_PARTS = st.text(st.characters(codec="utf-8"), max_size=12)


@settings(max_examples=500, deadline=None)
@given(
    scheme=st.sampled_from(["http", "https", "HTTP", "ftp", "", "javascript"]),
    host=st.one_of(URL_PARTS, st.sampled_from(["127.0.0.1", "[::1]", "[::1", "example.org", "Bücher.de", "a..b"])),
    port=st.one_of(st.just(""), st.integers(-5, 70000).map(lambda n: f":{n}"), URL_PARTS.map(lambda s: f":{s}")),
    path=URL_PARTS,
    tail=URL_PARTS,
)
def test_any_url_is_either_requestable_or_refused_with_a_reason(
    scheme: str, host: str, port: str, path: str, tail: str
) -> None:
    url = f"{scheme}://{host}{port}/{path}{tail}"
    try:
        checked = check_url(url)
    except BadURL as error:
        assert str(error)
        return
    _requestable(checked)
    assert check_url(checked) == checked  # checking twice changes nothing


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_either_a_url_or_a_bad_url(text: str) -> None:
    with contextlib.suppress(BadURL):
        _requestable(check_url(text))
    assert hostname(text) is None or isinstance(hostname(text), str)
    assert isinstance(url_path(text), str)
    assert isinstance(entry_slug(Entry("A title", text, None, None, "", True)), str)


def test_user_info_that_is_not_ascii_is_percent_encoded() -> None:
    # Found by the property test above: a request line holds ASCII only.
    assert check_url("http://¡@0/") == "http://%C2%A1@0/"
    assert check_url("http://user:pass@example.org/") == "http://user:pass@example.org/"


def test_config_refuses_a_feed_url_it_could_not_fetch_naming_the_entry() -> None:
    with pytest.raises(ConfigError, match=r"sources.feeds.*127.0.0.1:abc.*port"):
        parse_config('[sources]\nfeeds = ["http://example.org/rss", "http://127.0.0.1:abc/feed"]\n')
    with pytest.raises(ConfigError, match="control character") as refused:
        parse_config('[sources]\nfeeds = ["http://127.0.0.1:9/feed\\u001b]0;owned\\u0007"]\n')
    assert "\x1b" not in str(refused.value) and "\x07" not in str(refused.value)
    assert parse_config('[sources]\nfeeds = ["https://example.org/café"]\n').sources.feeds == (
        "https://example.org/café",
    )


def test_a_shown_address_leaves_out_the_parameters_that_track_the_reader() -> None:
    """The real feeds' links carry utm_* and Deutsche Welle's maca: a reader copying an
    address got them too. The address shown keeps every other parameter as written, in its
    place; the one requested is the feed's own."""
    dw = "https://www.dw.com/en/orban-says/a-75974022?maca=en-rss-en-all-1573-rdf"
    assert shown_url(dw) == "https://www.dw.com/en/orban-says/a-75974022"
    tagged = "https://x.example/a?utm_source=rss&id=3&FBCLID=x&q=a%26b&gclid=1&mc_cid=2&mc_eid=3&page=2&utm=1#part"
    assert shown_url(tagged) == "https://x.example/a?id=3&q=a%26b&page=2&utm=1#part"
    assert shown_url("https://x.example/?utm_source=feed&utm_medium=rss") == "https://x.example/"
    assert check_url(tagged) == tagged.removesuffix("#part")  # what a request asks for is unchanged


def test_a_shown_address_leaves_out_a_feed_referrer_and_a_fragment_that_only_tags_the_reader() -> None:
    """A new user saw NDTV's links end in #publisher=newsstand and alexwlchan.net's carry
    ?ref=rss: both only say where the reader came from. A fragment that is a place in the page
    stays, and so does a `ref` that names something else (GitHub's ?ref=main is a branch)."""
    ndtv = "https://www.ndtv.com/world-news/iran-talks-11051417#publisher=newsstand"
    assert shown_url(ndtv) == "https://www.ndtv.com/world-news/iran-talks-11051417"
    assert shown_url("https://alexwlchan.net/2026/notes/?ref=rss") == "https://alexwlchan.net/2026/notes/"
    assert shown_url("https://x.example/a?id=3&REF=Feed#utm_source=x&ref=rss") == "https://x.example/a?id=3"
    kept = (
        "https://github.com/o/r/blob/x.py?ref=main",
        "https://x.example/post#comment-210335",
        "https://x.example/post#publisher",
        "https://x.example/app#/search?q=1&publisher=acme",
        "https://x.example/post#publisher=newsstand&page=2",
    )
    for address in kept:
        assert shown_url(address) == address
    assert check_url(ndtv) == ndtv.removesuffix("#publisher=newsstand")  # what a request asks for is unchanged
