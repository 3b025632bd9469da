"""What a source is decides how it is read: pipes and devices, clashing names, bytes that are not text."""

from __future__ import annotations

import json
import os
import random
import threading
from pathlib import Path

from builders import TRIO, rss

from briefing import load_articles
from briefing.models import Problem
from briefing.output.problems import problem_lines
from briefing.sources.documents import outlet_name
from briefing.sources.files import file_ids

BODY = TRIO["a_gazette"]


def test_fifo_and_device_are_named_and_the_other_sources_still_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    done = threading.Event()
    reader = threading.Thread(target=lambda: (load_articles([str(tmp_path), str(pipe), "/dev/zero"]), done.set()))
    reader.start()
    reader.join(timeout=30)
    assert done.is_set(), "reading a FIFO blocked"
    articles, problems = load_articles([str(tmp_path), "/dev/zero"])
    assert [a.id for a in articles] == ["good"]
    assert Problem("skipped", "a named pipe (FIFO), not a file; it was not read", str(pipe)) in problems
    assert Problem("skipped", "a character device, not a file; it was not read", "/dev/zero") in problems


def test_same_stem_in_two_folders_gives_two_articles_with_readable_ids(tmp_path: Path) -> None:
    for folder, text in (("inbox", TRIO["a_gazette"]), ("archive", TRIO["b_courier"])):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "storm.txt").write_text(text, encoding="utf-8")
    (tmp_path / "inbox" / "other.md").write_text(TRIO["c_herald"], encoding="utf-8")
    sources = [str(tmp_path / "inbox"), str(tmp_path / "archive")]
    articles, problems = load_articles(sources)
    assert problems == []
    assert [a.id for a in articles] == ["other", "inbox/storm", "archive/storm"]
    assert [a.id for a in load_articles(sources)[0]] == [a.id for a in articles]


def test_file_ids_go_up_only_as_far_as_needed() -> None:
    paths = [Path("a/x/day.txt"), Path("b/x/day.txt"), Path("a/y/day.md"), Path("c/note.txt")]
    assert file_ids(paths) == ["a/x/day", "b/x/day", "day.md", "note"]
    assert file_ids([Path("day.txt"), Path("day.md")]) == ["day.txt", "day.md"]
    assert file_ids([Path("day.txt"), Path("./day.txt")]) == ["day", "day-2"]


def test_random_bytes_named_md_are_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    noise = random.Random(7)
    for number in range(5):
        data = bytes(noise.randrange(1, 256) for _ in range(4000))
        (tmp_path / f"noise{number}.md").write_bytes(data)
    articles, problems = load_articles([str(tmp_path)])
    assert [a.id for a in articles] == ["good"]
    assert all(p.kind == "skipped" and "not text" in p.reason for p in problems) and len(problems) == 5


def test_feed_file_without_extension_gives_one_article_per_entry(tmp_path: Path) -> None:
    body = TRIO["b_courier"].split("\n\n", 1)[1]
    feed = rss(
        ("Cracks Close Harbour Bridge", "https://gazette.example/2024/04/02/bridge-shut.html", f"<p>{body}</p>"),
        ("Ferry added", "https://gazette.example/ferry", "<p>" + TRIO["c_herald"].split("\n\n", 1)[1] + "</p>"),
    )
    (tmp_path / "gazette").write_bytes(feed)
    articles, problems = load_articles([str(tmp_path)])
    assert problems == []
    assert [(a.id, a.title, a.source, a.date) for a in articles] == [
        ("gazette/bridge-shut", "Cracks Close Harbour Bridge", "River Gazette", "2024-04-02"),
        ("gazette/ferry", "Ferry added", "River Gazette", "2024-04-02"),
    ]
    assert articles[0].url == "https://gazette.example/2024/04/02/bridge-shut.html"
    assert articles[0].text.startswith("Engineers discovered cracks")
    # Hugo's feeds give an undated entry Go's zero time; it is no date, not the year 1.
    (tmp_path / "gazette").write_bytes(feed.replace(b"Tue, 02 Apr 2024", b"Mon, 01 Jan 0001", 1))
    assert [a.date for a in load_articles([str(tmp_path)])[0]] == [None, "2024-04-02"]


def test_a_feed_cut_short_is_read_up_to_the_cut_and_said_to_be(tmp_path: Path) -> None:
    body = TRIO["b_courier"].split("\n\n", 1)[1]
    feed = rss(
        ("Cracks Close Harbour Bridge", "https://gazette.example/bridge", f"<p>{body}</p>"),
        ("Ferry added", "https://gazette.example/ferry", "<p>" + TRIO["c_herald"].split("\n\n", 1)[1] + "</p>"),
    )
    # A whole feed, with what servers append after it, says nothing.
    (tmp_path / "whole").write_bytes(feed + b"\n<!-- Served from cache in 0.2 s -->\n<script src='/x.js'></script>\n")
    assert load_articles([str(tmp_path / "whole")])[1] == []
    # Cut inside the second entry (a download or a copy that stopped): the first is read.
    (tmp_path / "cut").write_bytes(feed[: feed.index(b"Ferry added") + 40])
    articles, problems = load_articles([str(tmp_path / "cut")])
    assert [a.title for a in articles] == ["Cracks Close Harbour Bridge"]
    assert f"{tmp_path / 'cut'}: the feed stops before its end (cut off?); read up to there" in problem_lines(problems)


def test_feeds_are_recognised_by_content_even_after_server_junk() -> None:
    from briefing.sources.sniff import looks_like_feed

    feed = rss(("A", "https://x.example/a", "<p>Text.</p>"))
    assert looks_like_feed(feed) and looks_like_feed(b"\xef\xbb\xbf" + feed)
    assert looks_like_feed(b"<br />\n<b>Warning</b>: headers already sent in feed.php<br />\n" + feed)
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>')
    assert looks_like_feed(b'{"version": "https://jsonfeed.org/version/1.1", "items": []}')
    assert not looks_like_feed(b"<!DOCTYPE html><html><body><p>About <rss> feeds</p></body></html>")
    assert not looks_like_feed(b'{"version": "1.0", "items": []}')


def test_feeds_written_with_html_entities_and_bare_ampersands_keep_their_text() -> None:
    from briefing.sources.feeds import parse_feed

    feed = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Tom & Jerry&nbsp;News</title><item>"
        b"<title>Caf&eacute; closes&nbsp;&mdash; owners&hellip;</title><link>https://x.example/a?b=1&c=2</link>"
        b"<description>Prices rose &amp; fell &foo; here</description></item></channel></rss>"
    )
    parsed = parse_feed(feed)
    (entry,) = parsed.entries
    assert parsed.title == "Tom & Jerry News"
    assert (entry.title, entry.link, entry.text) == (
        "Café closes — owners…",
        "https://x.example/a?b=1&c=2",
        "Prices rose & fell &foo; here",
    )
    atom = b"<feed><title>T</title><entry><title>A</title><link href='https://x.example/a'/></entry></feed>"
    assert [e.link for e in parse_feed(atom).entries] == ["https://x.example/a"]


def test_names_in_a_feed_have_their_entities_decoded_and_no_control_character() -> None:
    """Publishers leave HTML entities in names: a byline in CDATA, an Atom title of type html
    (two of the 100 real feeds). They showed raw ("Emily Mazo,&nbsp;JS Tan"); decoded, a name
    is still untrusted: a bidi override or a zero width space it spells out is dropped."""
    from briefing.sources.feeds import parse_feed

    feed = (
        b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        b"<title type='html'>Science &amp;amp; technology</title>"
        b"<entry><title>A</title><link href='https://x.example/a'/><summary>Text.</summary>"
        b"<author><name><![CDATA[Emily Mazo,&nbsp;JS Tan&nbsp;and&nbsp;Data &amp; Society]]></name></author></entry>"
        b"<entry><title>B</title><link href='https://x.example/b'/><summary>Text.</summary>"
        b"<author><name>Eve &amp;#8238;Mal&amp;#x200B;lory</name></author></entry></feed>"
    )
    parsed = parse_feed(feed)
    assert parsed.title == "Science & technology"
    assert [entry.author for entry in parsed.entries] == ["Emily Mazo, JS Tan and Data & Society", "Eve Mallory"]


def test_an_entry_link_is_the_url_its_feed_means_however_it_escapes_the_ampersand(tmp_path: Path) -> None:
    """A CDATA section's text is taken as written: its `&` is an `&`, not "&amp;" (a real feed's
    links came out as "...?utm_source=feed&amp;utm_medium=rss"). An `&amp;` in one (the feed
    escaped its link twice) is the `&` it escapes, as it is in plain XML text."""
    a, b, c = ("<p>" + TRIO[name].split("\n\n", 1)[1] + " AT&T&nbsp;said so.</p>" for name in sorted(TRIO))
    wanted = "https://x.example/story?utm_source=feed&utm_medium=rss"
    feed = rss(
        ("Plain", "<![CDATA[https://x.example/story?utm_source=feed&utm_medium=rss]]>", a),
        ("Twice", "<![CDATA[https://x.example/story?utm_source=feed&amp;utm_medium=rss&amp;b=2]]>", b),
        ("Escaped", "https://x.example/story?utm_source=feed&amp;utm_medium=rss&amp;c=3", c),
    )
    (tmp_path / "gazette").write_bytes(feed)
    articles, problems = load_articles([str(tmp_path)])
    assert problems == []
    assert [a.url for a in articles] == [wanted, wanted + "&b=2", wanted + "&c=3"]
    assert all(a.text.endswith("AT&T said so.") for a in articles)  # the text reads as before


def test_an_entry_id_reads_as_words_not_as_escapes(tmp_path: Path) -> None:
    """An entry's id is its link's last part, else its title, as words: a real feed's id read
    "iran-e2-80-99s-top-diplomat-to-attend-27indirect" (the escapes of ’ and ' as hex)."""
    a, b, c = ("<p>" + TRIO[name].split("\n\n", 1)[1] + "</p>" for name in sorted(TRIO))
    feed = rss(
        ("Iran’s envoy", "https://x.example/2026/02/17/iran%E2%80%99s-envoy-to-attend-%27indirect%27-talks", a),
        ("Peru’s Congress ousts Jerí", "https://x.example/?p=12", b),
        ("Café owners", "https://x.example/news/caf%C3%A9-owners-protest.html", c),
    )
    (tmp_path / "gazette").write_bytes(feed)
    articles, problems = load_articles([str(tmp_path)])
    assert problems == []
    assert [a.id for a in articles] == [
        "gazette/irans-envoy-to-attend-indirect-talks",
        "gazette/perus-congress-ousts-jeri",
        "gazette/cafe-owners-protest",
    ]


def test_a_feed_titled_by_a_section_of_its_site_is_credited_to_the_publisher(tmp_path: Path) -> None:
    """The Washington Post's world feed is titled "World", a folder of its entries' addresses
    (www.washingtonpost.com/world/...): a new user saw "World" as the outlet. The publisher is
    the words of the feed's description that spell the address, else the host; a title that
    is no section ("Danny" on blog.dmcc.io) is kept."""

    def feed(title: str, description: str, site: str, folder: str) -> bytes:
        text = f"The council of {title} approved the budget on Monday after a long debate about {folder}."
        return (
            f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title><link>https://{site}/</link>"
            f"<description>{description}</description><item><title>Budget passes</title>"
            f"<link>https://{site}/{folder}/2026/02/17/budget/</link><description>{text}</description></item>"
            "</channel></rss>"
        ).encode()

    feeds = {
        "post": feed("World", "The Daily Planet World section: news and analysis", "www.dailyplanet.example", "world"),
        "bare": feed("World", "News from around the globe", "www.dailyplanet.example", "europe/world"),
        "blog": feed("Danny", "Notes on work, life, and the tools in between", "blog.dmcc.example", "posts"),
    }
    for name, data in feeds.items():
        (tmp_path / f"{name}.xml").write_bytes(data)
    articles, _ = load_articles([str(tmp_path)])
    outlets = {article.id.split("/")[0]: article.source for article in articles}
    assert outlets == {"post": "Daily Planet", "bare": "www.dailyplanet.example", "blog": "Danny"}


def test_a_feed_is_credited_to_its_outlet_not_to_a_section_of_it() -> None:
    """Two sections of one outlet are one source: a feed's title names the outlet where the
    part of it that its site's address spells is; else it is kept whole."""
    assert outlet_name("NYT > World News", "www.nytimes.com") == "NYT"
    assert outlet_name("World - CBSNews.com", "www.cbsnews.com") == "CBSNews.com"
    assert outlet_name("Japan Today - Category World", "japantoday.com") == "Japan Today"
    assert outlet_name("AllAfrica News: Latest", "allafrica.com") == "AllAfrica News"
    assert outlet_name("TheWeek feed", "theweek.com") == "TheWeek"
    assert outlet_name("RSS", "explog.in") == "explog.in"
    assert outlet_name("YANUB: yet another (nearly) useless blog", "vince-debian.blogspot.com") == (
        "YANUB: yet another (nearly) useless blog"
    )
    assert outlet_name("River Gazette", "gazette.example") == "River Gazette"
    # A long title describes the outlet: the outlet is the words that spell its address.
    assert outlet_name("Daily Planet News Search Records Found 1000", "www.dailyplanet.example") == "Daily Planet"
    assert outlet_name("Gazetteer by Ann Lee", "gazetteer.example") == "Gazetteer"
    assert outlet_name("Every Day Is Like Wednesday", "everydayislikewednesday.example") == (
        "Every Day Is Like Wednesday"
    )


def test_html_a_feed_escaped_twice_is_read_as_text_not_tags() -> None:
    """A JSON Feed's content_html escaped twice (`&lt;p&gt;`): a literal `<p>` opened an item."""
    from briefing.sources.feeds import parse_feed

    html = "&lt;p&gt;&lt;a href=&quot;https://x.example&quot;&gt;Supabase&lt;/a&gt; signs tokens.&lt;/p&gt;&lt;p&gt;Keys rotate.&lt;/p&gt;"
    feed = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Blog",
            "items": [{"id": "1", "url": "https://x.example/1", "title": "Keys", "content_html": html}],
        }
    ).encode()
    assert parse_feed(feed).entries[0].text == "Supabase signs tokens.\nKeys rotate."
    # Tags an article quotes, once or twice, are its text.
    quoted = rss(("A", "https://x.example/a", "<p>Write &lt;p&gt; to open a paragraph and &lt;/p&gt; to close it.</p>"))
    assert "<p>" in parse_feed(quoted).entries[0].text


def test_a_teaser_cut_at_the_feeds_length_limit_ends_with_an_ellipsis(tmp_path: Path) -> None:
    cut = (
        "Havana syndrome refers to unexplained incidents affecting diplomats, with symptoms like headaches,"
        " and theories ranging from stress to directed energy, but the cause remai"
    )
    whole = "Algal blooms may have a fungus problem"
    (tmp_path / "feed").write_bytes(
        rss(("Havana", "https://x.example/h", cut), ("Algae", "https://x.example/a", whole))
    )
    articles, _ = load_articles([str(tmp_path)])
    texts = {a.title: a.text for a in articles}
    assert texts["Havana"].endswith("but the cause remai…")
    assert texts["Algae"] == whole
