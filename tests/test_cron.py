"""`briefing cron`: a crontab line that cannot fail silently, or a refusal that says why."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def cron(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {"HOME": str(home), "PATH": "/usr/bin:/bin", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "briefing", "cron", *args],
        env=environment,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=60,
    )


def config(home: Path, text: str) -> Path:
    path = home / ".config" / "briefing" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nothing_to_read_is_refused_at_set_up_not_found_out_by_cron(tmp_path: Path) -> None:
    result = cron(tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert "nothing for a morning job to read" in result.stderr and "briefing feeds add URL" in result.stderr


def test_the_line_names_everything_in_full_and_says_what_cron_will_not_find(tmp_path: Path) -> None:
    path = config(tmp_path, '[sources]\npaths = ["inbox", "~/saved"]\n')
    data, cache = tmp_path / "elsewhere", tmp_path / "cached"
    where = {"XDG_DATA_HOME": str(data), "XDG_CACHE_HOME": str(cache)}  # the language model is unpacked in the cache
    result = cron(tmp_path, "--at", "7:05", "-o", "~/out/{news_date}.md", "--log", "logs/b.log", env=where)
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    # Run as `python -m briefing`: this Python and the module, as cron can start them.
    assert line == (
        f"5 7 * * * XDG_DATA_HOME={data} XDG_CACHE_HOME={cache} {sys.executable} -m briefing digest --config {path}"
        f" -o '{tmp_path}/out/{{news_date}}.md' 2>>{tmp_path}/logs/b.log"
    )  # no --fetch: no feeds
    assert (tmp_path / "logs").is_dir()
    assert f"'inbox' is relative: cron runs in {tmp_path}, so it reads {tmp_path / 'inbox'}" in result.stderr
    assert "saved" not in result.stderr  # ~ is found wherever cron runs


def test_bad_times_and_unwritable_names_are_usage_errors(tmp_path: Path) -> None:
    config(tmp_path, '[sources]\nfeeds = ["https://news.example/rss"]\n')
    assert cron(tmp_path, "--at", "25:00").returncode == 2
    assert "unknown placeholder {data}" in cron(tmp_path, "-o", "~/b/{data}.txt").stderr
    odd = cron(tmp_path, "--log", "~/b/\x1b[31mlog")
    assert odd.returncode == 2 and "a crontab line cannot carry" in odd.stderr and "\x1b" not in odd.stderr


def test_a_percent_sign_is_escaped_for_cron(tmp_path: Path) -> None:
    config(tmp_path, '[sources]\nfeeds = ["https://news.example/rss"]\n')
    result = cron(tmp_path, "-o", "~/100%/{date}.txt")
    assert result.returncode == 0 and "'" + str(tmp_path) + "/100\\%/{date}.txt'" in result.stdout
    assert " digest --fetch --config " in result.stdout
    assert "XDG_" not in result.stdout  # set only where the user's shell sets it
