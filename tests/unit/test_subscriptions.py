"""`briefing feeds import`: newsboat and OPML feed lists into config.toml, comments kept."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomllib
from builders import unsafe
from commands import Ran, run_briefing

from briefing.cli.main import main
from briefing.config import parse_config
from briefing.sources.subscriptions import parse_subscriptions, with_feeds, without_feeds

NEWSBOAT = """# my feeds
https://gazette.example/rss "news" "~River Gazette"
"query:Unread:unread = \\"yes\\""
https://courier.example/atom.xml tech
https://gazette.example/rss
"""
OPML = """<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head><body>
<outline text="News"><outline type="rss" text="Gazette" xmlUrl="https://gazette.example/rss"/>
<outline type="rss" text="Herald" xmlUrl="https://herald.example/feed"/></outline></body></opml>"""


def test_both_formats_give_their_feed_urls_once() -> None:
    assert parse_subscriptions(NEWSBOAT) == ["https://gazette.example/rss", "https://courier.example/atom.xml"]
    assert parse_subscriptions(OPML) == ["https://gazette.example/rss", "https://herald.example/feed"]


def test_feeds_are_added_to_an_existing_array_and_the_rest_of_the_file_kept() -> None:
    text = '# mine\n[sources]\npaths = ["inbox"]  # saved pages\nfeeds = [\n  "https://a.example/rss",  # [old]\n]\n\n[summary]\nsentences = 5\n'
    updated, added = with_feeds(text, ("https://a.example/rss",), ["https://a.example/rss", "https://b.example/rss"])
    assert added == 1
    config = parse_config(updated)
    assert config.sources.feeds == ("https://a.example/rss", "https://b.example/rss")
    assert config.sources.paths == ("inbox",) and config.summary.sentences == 5
    assert "# mine" in updated and "# saved pages" in updated


def test_feeds_key_or_table_created_when_missing() -> None:
    updated, _ = with_feeds('[sources]\npaths = ["x"]\n', (), ["https://b.example/rss"])
    assert parse_config(updated).sources.feeds == ("https://b.example/rss",)
    updated, _ = with_feeds("[summary]\nsentences = 3\n", (), ["https://b.example/rss"])
    assert parse_config(updated).sources.feeds == ("https://b.example/rss",)
    assert with_feeds("", (), []) == ("", 0)


def test_cli_import_writes_the_config_and_a_second_import_adds_nothing(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("# my settings\n[summary]\nsentences = 5\n", encoding="utf-8")
    (tmp_path / "urls").write_text(NEWSBOAT, encoding="utf-8")
    command = ["--config", str(config), "feeds", "import", str(tmp_path / "urls")]
    first = run_briefing(*command)
    assert first.returncode == 0 and "added 2 feeds" in first.stderr
    again = run_briefing(*command)
    assert "added 0 feeds" in again.stderr
    assert parse_config(config.read_text(encoding="utf-8")).sources.feeds == (
        "https://gazette.example/rss",
        "https://courier.example/atom.xml",
    )
    listed = run_briefing(*command[:2], "feeds", "list")
    assert listed.stdout.split() == ["https://gazette.example/rss", "https://courier.example/atom.xml"]


def test_feeds_add_remove_and_list_edit_the_config_and_say_so_in_plain_words(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("# mine\n[summary]\nsentences = 5\n", encoding="utf-8")

    def briefing(*words: str) -> Ran:
        return run_briefing("--config", str(config), *words)

    bare = briefing("feeds")
    assert bare.returncode == 0 and bare.stdout == ""
    assert "briefing feeds add URL" in bare.stderr and "usage" not in bare.stderr
    added = briefing("feeds", "add", "https://a.example/rss", "https://b.example/rss")
    assert added.returncode == 0 and added.stderr == f"briefing: added 2 feeds to {config}\n"
    again = briefing("feeds", "add", "https://a.example/rss", "https://c.example/rss")
    assert again.stderr == f"briefing: added 1 feed to {config} (1 was there already)\n"
    assert briefing("feeds").stdout.split() == [
        "https://a.example/rss",
        "https://b.example/rss",
        "https://c.example/rss",
    ]
    removed = briefing("feeds", "remove", "https://b.example/rss")
    assert removed.returncode == 0 and removed.stderr == f"briefing: removed 1 feed from {config}\n"
    assert briefing("feeds", "list").stdout.split() == ["https://a.example/rss", "https://c.example/rss"]
    assert config.read_text(encoding="utf-8").startswith("# mine\n[summary]\nsentences = 5\n")
    unknown = briefing("feeds", "remove", "https://nowhere.example/rss")
    assert unknown.returncode == 2 and "not in [sources] feeds: https://nowhere.example/rss" in unknown.stderr
    not_url = briefing("feeds", "add", "gazette.example/rss")
    assert not_url.returncode == 2 and "not a feed's URL" in not_url.stderr


def test_removing_feeds_keeps_the_rest_of_the_file() -> None:
    text = '[sources]\nfeeds = ["https://a.example/rss", "https://b.example/rss"]\n\n[summary]\nsentences = 5\n'
    updated, removed = without_feeds(
        text, ("https://a.example/rss", "https://b.example/rss"), ["https://a.example/rss"]
    )
    assert removed == 1 and parse_config(updated).sources.feeds == ("https://b.example/rss",)
    assert updated.endswith("\n\n[summary]\nsentences = 5\n")
    assert without_feeds(text, (), ["https://x.example/"]) == (text, 0)


def test_import_refuses_urls_holding_terminal_controls_naming_each_and_keeps_the_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    (tmp_path / "urls").write_text(
        "https://good.example/rss\n"
        "https://evil.example/\x1b]52;c;aGk=\x07rss\n"
        "https://evil.example/\x1b[2Jclear\n"
        "https://evil.example/\u202eslo\n"
        "https://evil.example/del\x7f\n",
        encoding="utf-8",
    )
    assert main(["--config", str(config), "feeds", "import", str(tmp_path / "urls")]) == 0
    said = capsys.readouterr().err
    assert said.count("not imported: not a valid URL") == 4 and "added 1 feed" in said
    assert not unsafe(said)
    assert main(["--config", str(config), "feeds", "list"]) == 0
    assert capsys.readouterr().out == "https://good.example/rss\n"


def test_import_names_each_opml_entry_it_cannot_fetch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    (tmp_path / "subs.opml").write_text(
        '<opml version="2.0"><body><outline xmlUrl="javascript:alert(1)"/>'
        '<outline xmlUrl="https://good.example/rss"/><outline xmlUrl="ftp://x.example/y"/></body></opml>',
        encoding="utf-8",
    )
    assert main(["--config", str(config), "feeds", "import", str(tmp_path / "subs.opml")]) == 0
    said = capsys.readouterr().err
    assert "javascript:alert(1) not imported: not an http(s) URL" in said
    assert "ftp://x.example/y not imported: not an http(s) URL" in said and "added 1 feed" in said


def test_a_file_with_no_feed_in_it_is_one_line_not_one_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "config.toml").write_text("", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("The council met on Tuesday.\nIt voted.\n" * 50, encoding="utf-8")
    assert main(["--config", str(tmp_path / "config.toml"), "feeds", "import", str(tmp_path / "notes.txt")]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "no usable feed URL in it" in said


def test_feeds_add_refuses_a_url_it_could_not_fetch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "config.toml"
    assert main(["--config", str(config), "feeds", "add", "http://127.0.0.1:99999/feed"]) == 2
    assert "port" in capsys.readouterr().err and not config.exists()
    assert main(["--config", str(config), "feeds", "add", "not-a-url"]) == 2
    assert "'not-a-url' is not a feed's URL: not a URL (no http:// or https://); give" in capsys.readouterr().err


def test_an_emoji_or_a_control_character_is_written_as_toml_can_read_it(tmp_path: Path) -> None:
    """JSON's writer made an emoji a surrogate pair, TOML refused it, and the import blamed the
    user's config: "invalid TOML: Escaped character is not a Unicode scalar value" (issue 31, R18)."""
    urls = ("https://gazette.example/news/\U0001f4f0", 'https://b.example/"q"\\x', "https://c.example/\x7f\x1b")
    updated, added = with_feeds("[sources]\nfeeds = []\n", (), list(urls))
    assert added == 3 and tomllib.loads(updated)["sources"]["feeds"] == list(urls)
    assert "\U0001f4f0" in updated  # the character itself, not an escape
    (tmp_path / "urls").write_text('https://gazette.example/news/\U0001f4f0 "~My \U0001f4f0 feed"\n', encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    result = run_briefing("--config", str(config), "feeds", "import", str(tmp_path / "urls"))
    assert result.returncode == 0 and "added 1 feed" in result.stderr


def test_feeds_set_as_a_dotted_key_are_edited_there() -> None:
    """`sources.feeds = [...]` got a second [sources] table: "Cannot declare ('sources',) twice"."""
    text = '# mine\nsources.feeds = ["https://a.example/rss"]  # kept\n\n[summary]\nsentences = 3\n'
    updated, added = with_feeds(text, ("https://a.example/rss",), ["https://b.example/rss"])
    config = parse_config(updated)
    assert added == 1 and config.sources.feeds == ("https://a.example/rss", "https://b.example/rss")
    assert config.summary.sentences == 3 and updated.startswith("# mine\n") and "# kept" in updated


def test_forty_thousand_feeds_are_compared_at_once() -> None:
    """40,000 new feeds into 40,000 known ones took 30 s (a tuple searched for each)."""
    import time

    current = tuple(f"https://x.example/old/{i}" for i in range(40_000))
    text = "[sources]\nfeeds = [\n" + "".join(f'    "{url}",\n' for url in current) + "]\n"
    started = time.monotonic()
    _, added = with_feeds(text, current, [f"https://x.example/new/{i}" for i in range(40_000)])
    assert added == 40_000 and time.monotonic() - started < 10


def test_importing_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    """Reading it blocked until a signal, as nobody writes to it (issue 31, R8)."""
    import os
    import subprocess
    import sys

    fifo = tmp_path / "urls"
    os.mkfifo(fifo)
    (tmp_path / "c.toml").write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "--config", str(tmp_path / "c.toml"), "feeds", "import", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "a named pipe (FIFO), not a file" in result.stderr
