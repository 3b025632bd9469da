"""CPU seconds of `briefing fetch` on a morning of 20 unchanged feeds from a local HTTPS server.

Usage: python benchmarks/fetch.py [--feeds 20] [--runs 3] [--plain] [--checkout DIR]

Issue 27 asks that fetching cost the network, not the CPU: 20 unchanged feeds in at most 1.5 s
of CPU (the whole process: start-up, imports, requests, the history). An in-process server on
127.0.0.1 serves FEEDS synthetic feeds over HTTPS (the self-signed certificate of the tests,
trusted through SSL_CERT_FILE with the system's authorities), each of 12 entries: 8 whole articles and 4 teasers whose pages
the first run downloads. The first run stores them; each later run is the morning measured:
the server answers 304 to the ETag it gave ("unchanged"), or, with `--no-etag`, sends every
feed again as a server without conditional GET does (its entries are all stored already).
CPU is user + system time of the child process (`RUSAGE_CHILDREN`); wall time beside it.
`--checkout DIR` runs another briefing tree (e.g. a worktree at an older commit) with the same
interpreter, to compare. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from builders import TRIO, news_page, rss  # noqa: E402
from local_server import CERTIFICATE, Server, send  # noqa: E402

WORDS = " ".join(" ".join(text.split("\n\n", 1)[1] for text in TRIO.values()).split())


def feed(server: Server, number: int, etag: bool) -> None:
    """Route feed `number` and its teasers' pages."""
    entries = []
    for entry in range(12):
        link = f"{server.url}/{number}/story{entry}"
        if entry < 8:
            entries.append((f"Story {number}.{entry}", link, f"<p>{WORDS} Story {number}.{entry}.</p>"))
        else:
            entries.append((f"Teaser {number}.{entry}", link, "<p>A teaser.</p>"))
            page = news_page(title=f"Teaser {number}.{entry}", extra=f"<p>Page {number}.{entry} of the feed.</p>")
            server.routes[f"/{number}/story{entry}"] = send(200, page.encode(), Content_Type="text/html")
    body = rss(*entries, title=f"Gazette {number}")
    tag = f'"v{number}"'

    def handle(request: object) -> None:
        if etag and request.headers.get("If-None-Match") == tag:  # type: ignore[attr-defined]
            send(304, ETag=tag)(request)  # type: ignore[arg-type]
        else:
            send(200, body, Content_Type="application/rss+xml", ETag=tag)(request)  # type: ignore[arg-type]

    server.routes[f"/feed{number}.xml"] = handle


def run(args: argparse.Namespace, config: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """CPU and wall seconds of one `briefing fetch`, and what it said."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "--config", str(config), "fetch"],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,  # not this tree: `python -m` puts the working folder first on the path
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"briefing fetch failed ({done.returncode}): {done.stderr}")
    return cpu, wall, (done.stderr.strip().splitlines() or ["(nothing said)"])[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3, help="unchanged mornings measured (median reported)")
    parser.add_argument("--plain", action="store_true", help="http:// instead of https://")
    parser.add_argument("--no-etag", action="store_true", help="the server ignores If-None-Match")
    parser.add_argument("--checkout", help="another briefing tree to run (put first on PYTHONPATH)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="briefing-fetch-bench-"))
    # The system's certificate authorities and the test server's: loading them is what a TLS
    # context costs (50 ms each on a usual bundle), which is the cost measured here.
    bundle = folder / "ca.pem"
    system = ssl.get_default_verify_paths().cafile
    bundle.write_bytes(
        (Path(system).read_bytes() if system and Path(system).is_file() else b"") + CERTIFICATE.read_bytes()
    )
    env = {**os.environ, "SSL_CERT_FILE": str(bundle), "XDG_DATA_HOME": str(folder / "data")}
    if args.checkout:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [args.checkout, env.get("PYTHONPATH")]))
    with Server(keep_alive=True, tls=not args.plain) as server:
        for number in range(args.feeds):
            feed(server, number, etag=not args.no_etag)
        config = folder / "config.toml"
        feeds = ", ".join(f'"{server.url}/feed{n}.xml"' for n in range(args.feeds))
        config.write_text(f'[sources]\nfeeds = [{feeds}]\n[store]\npath = "{folder / "h.db"}"\n', encoding="utf-8")
        first = run(args, config, env)
        mornings = [run(args, config, env) for _ in range(args.runs)]
    cpus = [cpu for cpu, _, _ in mornings]
    walls = [wall for _, wall, _ in mornings]
    scheme = "http" if args.plain else "https"
    print(f"{args.feeds} feeds over {scheme}, first fetch: {first[0]:.2f} s CPU, {first[1]:.2f} s wall ({first[2]})")
    print(
        f"unchanged ({'sent again' if args.no_etag else '304'}), {args.runs} runs: median {statistics.median(cpus):.2f} s CPU"
        f" (min {min(cpus):.2f}, max {max(cpus):.2f}), median {statistics.median(walls):.2f} s wall ({mornings[-1][2]});"
        f" {server.connections} connections in all"
    )
    print("bar (issue 27): <= 1.5 s CPU")


if __name__ == "__main__":
    threading.excepthook = lambda hook: None  # a client hanging up on the server is not news
    main()
