"""`briefing read`: every article as the briefing sees it, and the text digest spans point into."""

from __future__ import annotations

import json
from pathlib import Path

from builders import TRIO, news_page
from commands import Ran, run_briefing


def run(*args: str, env_home: Path) -> Ran:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(env_home), "XDG_DATA_HOME": str(env_home / "data")}
    return run_briefing(*args, env=env)


def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, text in TRIO.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "page.html").write_text(news_page(), encoding="utf-8")
    return folder


def test_read_json_lists_each_article_with_metadata_and_clean_text(tmp_path: Path) -> None:
    result = run("read", "--format", "json", str(inbox(tmp_path)), env_home=tmp_path)
    assert result.returncode == 0, result.stderr
    articles = json.loads(result.stdout)["articles"]
    assert [a["id"] for a in articles] == ["a_gazette", "b_courier", "c_herald", "page"]
    assert {"id", "title", "source", "date", "url", "path", "text"} <= set(articles[0])
    page = articles[3]
    assert (page["source"], page["date"], page["path"]) == (
        "River Gazette",
        "2024-04-02",
        str(tmp_path / "inbox/page.html"),
    )
    assert page["text"].startswith("The Harbour Bridge was closed on Monday") and "Home" not in page["text"]
    assert articles[0]["title"] == "Harbour Bridge Shut After Cracks Found" and "Title:" not in articles[0]["text"]


def test_read_text_shows_metadata_then_text_and_no_control_characters(tmp_path: Path) -> None:
    folder = inbox(tmp_path)
    (folder / "evil\x1b]52;c;aGk=\x07.txt").write_text(TRIO["a_gazette"].replace("Monday", "Tuesday"), encoding="utf-8")
    result = run("read", str(folder), env_home=tmp_path)
    assert result.returncode == 0
    assert "# Harbour Bridge Shut After Cracks Found\nid: a_gazette\nsource: River Gazette" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_digest_spans_slice_the_text_briefing_read_prints(tmp_path: Path) -> None:
    folder = inbox(tmp_path)
    digest = json.loads(run("digest", "--format", "json", "--no-store", str(folder), env_home=tmp_path).stdout)
    texts = {
        a["id"]: a["text"]
        for a in json.loads(run("read", "--format", "json", str(folder), env_home=tmp_path).stdout)["articles"]
    }
    sources = [source for item in digest["items"] for source in item["sources"]]
    assert sources
    for source in sources:
        start, end = source["span"]
        assert texts[source["article"]][start:end] == source["text"]


def test_read_with_nothing_readable_exits_1(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run("read", str(tmp_path / "x.md"), env_home=tmp_path)
    assert result.returncode == 1 and "x.md: skipped, a PNG image is not text" in result.stderr


def test_read_of_a_path_that_is_not_there_is_a_usage_error_as_in_digest(tmp_path: Path) -> None:
    """The s8 trial: `briefing read nosuch.txt` exited 1 ("nothing to summarize") where `digest`
    exits 2 for the same typo (docs/exit-codes.md: a named file that does not exist is 2)."""
    for command in (("read",), ("digest", "--no-store")):
        result = run(*command, str(tmp_path / "nosuch.txt"), env_home=tmp_path)
        assert (result.returncode, result.stdout) == (2, ""), command
        assert result.stderr == f"briefing: {tmp_path / 'nosuch.txt'}: no such file or folder\n", command


def test_json_escapes_invisible_characters_but_keeps_the_text_exact(tmp_path: Path) -> None:
    from briefing import load_articles

    folder = tmp_path / "odd"
    folder.mkdir()
    text = TRIO["a_gazette"].replace("Mayor Lina Ortiz", "Mayor \u2066Lina\u2069 Ortiz\u0085")
    (folder / "odd\u2028name.txt").write_text(text, encoding="utf-8")
    result = run("read", "--format", "json", str(folder), env_home=tmp_path)
    assert not any(ch in result.stdout for ch in "\u2066\u2069\u0085\u2028")
    (article,) = json.loads(result.stdout)["articles"]
    assert article["text"] == load_articles([str(folder)])[0][0].text and "\u2066Lina" in article["text"]
    assert "\u2028" not in article["id"] and "\u2028" not in article["path"]


def test_a_markdown_file_reads_and_digests_without_its_markup(tmp_path: Path) -> None:
    story = tmp_path / "storm.md"
    story.write_text(
        "# Storm hits the city\n\n"
        "The minister said on **Tuesday** that the [talks](http://evil.example) would resume.\n\n"
        "## The police reported three injuries on Monday night.\n\n"
        "- The mayor said schools would reopen on Thursday.\n"
        "> Officials said the damage would cost about 2 million dollars.\n",
        encoding="utf-8",
    )
    read = run("read", str(story), env_home=tmp_path)
    assert read.stdout.startswith("# Storm hits the city\nid: storm\n")
    assert "The minister said on Tuesday that the talks would resume.\n" in read.stdout
    digest = run("digest", "--no-store", str(story), env_home=tmp_path)
    assert '"Storm hits the city"' in digest.stdout and "The mayor said schools would reopen" in digest.stdout
    for mark in ("**", "](", "evil.example", "## ", "- The", "> "):
        assert mark not in read.stdout and mark not in digest.stdout, mark
    (text,) = [
        a["text"] for a in json.loads(run("read", "--format", "json", str(story), env_home=tmp_path).stdout)["articles"]
    ]
    items = json.loads(run("digest", "--format", "json", "--no-store", str(story), env_home=tmp_path).stdout)["items"]
    sources = [source for item in items for source in item["sources"]]
    assert len(sources) == 3
    for source in sources:
        start, end = source["span"]
        assert text[start:end] == source["text"]


def test_soft_hyphens_are_left_out_so_spans_point_into_the_text_read_shows(tmp_path: Path) -> None:
    """Pages hyphenate long words invisibly ("Sun\\xadday"); printing drops the mark, so a text
    that kept it would no longer hold the sentences digest quotes at their spans."""
    folder = tmp_path / "soft"
    folder.mkdir()
    for name, text in TRIO.items():
        (folder / f"{name}.txt").write_text(text.replace("Monday", "Mon\u00adday"), encoding="utf-8")
    read = json.loads(run("read", "--format", "json", str(folder), env_home=tmp_path).stdout)["articles"]
    texts = {article["id"]: article["text"] for article in read}
    assert all("\u00ad" not in text for text in texts.values())
    items = json.loads(run("digest", "--format", "json", "--no-store", str(folder), env_home=tmp_path).stdout)["items"]
    sources = [source for item in items for source in item["sources"]]
    assert any("Monday" in source["text"] for source in sources)
    for source in sources:
        start, end = source["span"]
        assert texts[source["article"]][start:end] == source["text"]


def test_an_article_that_names_no_outlet_has_a_null_source_in_json(tmp_path: Path) -> None:
    """Text says "unknown source"; JSON says null, not that string, which a program would take
    for an outlet's name (a new user's finding)."""
    folder = inbox(tmp_path)
    (folder / "page.html").unlink()
    (folder / "a_gazette.txt").write_text(TRIO["a_gazette"].replace("Source: River Gazette\n", ""), encoding="utf-8")
    digest = run("digest", "--format", "json", "--no-store", str(folder), env_home=tmp_path)
    read = run("read", "--format", "json", str(folder), env_home=tmp_path)
    for output in (digest, read):
        sources = {a["id"]: a["source"] for a in json.loads(output.stdout)["articles"]}
        assert sources == {"a_gazette": None, "b_courier": "Daily Courier", "c_herald": "Evening Herald"}
    text = run("digest", "--no-store", str(folder), env_home=tmp_path).stdout
    assert 'unknown source, "Harbour Bridge Shut After Cracks Found", 2024-04-02' in text
    assert "source: unknown source" in run("read", str(folder), env_home=tmp_path).stdout
