"""Article extraction from real pages, scored by the ScrapingHub benchmark's own evaluate.py.

Usage: python benchmarks/extraction.py ../shared/eval/data/article_extraction

Runs `briefing read --format json` (the real command, in a fresh process) over the 181 pages
and scores its `text` beside the published extractors' outputs in `peer_outputs/`. A second
row scores trafilatura alone as briefing calls it (`extract_page`, no cleaning), so that the
effect of our cleaning rules on top is measured, not assumed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def read_pages(pages: Path) -> tuple[dict[str, str], float]:
    """{page id: text} from `briefing read --format json`, and the wall time it took."""
    began = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "read", "--format", "json", str(pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.monotonic() - began
    if result.returncode not in (0, 1):
        sys.exit(f"briefing read failed ({result.returncode}):\n{result.stderr}")
    return {article["id"]: article["text"] for article in json.loads(result.stdout)["articles"]}, elapsed


def trafilatura_alone(pages: Path) -> dict[str, str]:
    from briefing.sources.documents import decode
    from briefing.sources.html import extract_page

    return {page.stem: extract_page(decode(page.read_bytes())).text for page in sorted(pages.glob("*.html"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path, help="the article_extraction folder")
    parser.add_argument("--bootstrap", type=int, default=200, help="evaluate.py's --n-bootstrap (default 200)")
    args = parser.parse_args()
    truth = json.loads((args.dataset / "ground-truth.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        pages = work / "pages"
        pages.mkdir()
        for key in truth:
            (pages / f"{key}.html").write_bytes(
                gzip.decompress((args.dataset / "html" / f"{key}.html.gz").read_bytes())
            )
        ours, elapsed = read_pages(pages)
        runs = {"briefing": ours, "briefing_no_cleaning": trafilatura_alone(pages)}
        output = work / "output"
        output.mkdir()
        for peer in sorted((args.dataset / "peer_outputs").glob("*.json")):
            shutil.copy(peer, output / peer.name)
        for name, texts in runs.items():
            prediction = {key: {"articleBody": texts.get(key, "")} for key in truth}
            (output / f"{name}.json").write_text(json.dumps(prediction), encoding="utf-8")
        shutil.copy(args.dataset / "ground-truth.json", work / "ground-truth.json")
        scored = subprocess.run(
            [sys.executable, str(args.dataset / "evaluate.py"), "--n-bootstrap", str(args.bootstrap)],
            cwd=work,
            capture_output=True,
            text=True,
            check=True,
        )
    print(scored.stdout, end="")
    missing = sum(key not in ours for key in truth)
    print(f"\nbriefing read: {len(truth)} pages in {elapsed:.1f} s, {missing} without an article")


if __name__ == "__main__":
    main()
