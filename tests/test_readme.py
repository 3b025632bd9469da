"""The README's commands, run as a new user runs them: the quick start, and the daily set-up
copied literally into a fresh HOME and run in cron's environment (`env -i`, PATH=/usr/bin:/bin,
the home folder as the current folder). Feeds come from servers on 127.0.0.1."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from builders import TRIO, rss
from local_server import Server, send

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
# The `briefing` script of the environment the tests run in: what a user's shell finds on PATH.
SCRIPT = Path(sys.executable).parent / "briefing"
SAMPLE_HOME, SAMPLE_SCRIPT = "/home/ana", "/home/ana/.venv/bin/briefing"


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end > 0 else None]


def blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL)


def commands(block: str) -> list[str]:
    """A sh block's commands, comments off."""
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip() and not line.startswith("#")]


def shell(home: Path, command: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`command` as typed in a login shell whose PATH has the installed briefing."""
    env = {"HOME": str(home), "PATH": f"{SCRIPT.parent}:/usr/bin:/bin", "LANG": "C.UTF-8"}
    return subprocess.run(
        ["/bin/sh", "-c", command], env=env, cwd=cwd or home, capture_output=True, text=True, timeout=180
    )


def cron(home: Path, entry: str) -> subprocess.CompletedProcess[str]:
    """A crontab entry's command as cron runs it: its own small environment, in the home folder."""
    command = entry.split(None, 5)[5].replace("\\%", "%")
    env = {"HOME": str(home), "LOGNAME": "ana", "SHELL": "/bin/sh", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        ["env", "-i", *(f"{k}={v}" for k, v in env.items()), "/bin/sh", "-c", command],
        cwd=home,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture
def down() -> Iterator[Server]:
    """A second host, whose feed and pages fail."""
    with Server() as running:
        yield running


def test_the_quick_start_leaves_the_history_as_it_was(tmp_path: Path) -> None:
    (quick,) = blocks(README[: README.index("\n## ")], "sh")[:1]
    command = quick.strip().split(" && ", 1)[1]  # after `pip install .`: the tests run installed
    result = shell(tmp_path, command, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Briefing for ")
    assert not (tmp_path / ".local" / "share" / "briefing").exists(), "the sample went into the user's history"


def test_the_readme_cron_set_up_works_the_first_morning_and_stays_quiet(
    server: Server, down: Server, tmp_path: Path
) -> None:
    home = tmp_path / "ana"
    home.mkdir()
    body = " ".join(TRIO["b_courier"].split("\n\n", 1)[1].split())
    server.routes["/rss"] = send(
        200,
        rss(
            ("Cracks Close Harbour Bridge", f"{server.url}/a", f"<p>{body} {body}</p>"),
            (
                "Bridge Shut",
                f"{server.url}/b",
                f"<p>{' '.join(TRIO['c_herald'].split(chr(10) * 2, 1)[1].split())} {body}</p>",
            ),
        ),
        Content_Type="application/rss+xml",
    )
    down.routes["/rss"] = send(
        200,
        rss(*((f"Story {n}", f"{down.url}/p/{n}", "<p>A teaser.</p>") for n in range(40))),
        Content_Type="application/rss+xml",
    )  # its 40 pages all fail: 500
    for n in range(40):
        down.routes[f"/p/{n}"] = send(500)
    section_text = section("Every morning from cron")
    (setup,) = blocks(section_text, "sh")
    (sample,) = (line for block in blocks(section_text, "cron") for line in block.splitlines() if line.strip())
    printed = ""
    for command in commands(setup):
        command = command.replace("https://example.org/rss", f"{server.url}/rss {down.url}/rss")
        result = shell(home, command)
        assert result.returncode == 0, (command, result.stderr)
        printed = result.stdout
    # What `briefing cron` printed is the README's sample, for ana.
    (entry,) = printed.splitlines()
    assert entry.replace(str(SCRIPT), SAMPLE_SCRIPT).replace(str(home), SAMPLE_HOME) == sample
    assert (home / "briefings").is_dir()  # the log's folder: made before cron's shell redirects into it

    first = cron(home, entry)
    assert (first.returncode, first.stdout, first.stderr) == (0, "", ""), first
    written = (home / "briefings" / f"{date.today().isoformat()}.txt").read_text(encoding="utf-8")
    assert written.startswith("Briefing for ") and "Harbour Bridge" in written
    log = (home / "briefings" / "briefing.log").read_text(encoding="utf-8").splitlines()
    assert log == [f"briefing: {down.url.removeprefix('http://')}: 40 pages failed: HTTP 500 Internal Server Error"]

    second = cron(home, entry)  # the same morning again: the same failure, no new line
    assert (second.returncode, second.stdout, second.stderr) == (0, "", "")
    assert (home / "briefings" / "briefing.log").read_text(encoding="utf-8").splitlines() == log
    assert shlex.split(entry.split(None, 5)[5].split(" 2>>")[0])[0] == str(SCRIPT)
