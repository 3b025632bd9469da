"""Work bounded by the input's size, whatever its shape (issue 31, class 5): inputs within
`max_bytes` that made the digest grow past 3 GB or run for minutes. Each case runs the real
command in a process of its own under an address-space limit, so a quadratic step shows as a
failed run, not as a slow machine."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from builders import article, rss
from scipy import sparse

from briefing.summary import vectors
from briefing.text import segment as segment_module
from briefing.text.segment import segment

LIMIT = 2_500_000_000  # bytes of address space: the digests below need a tenth of it


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def _digest(path: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", "digest", str(path), "--no-store"],
        capture_output=True,
        text=True,
        timeout=240,
        preexec_fn=_limited,
        env={"HOME": str(home), "XDG_DATA_HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )


@pytest.mark.slow
def test_16000_feed_entries_that_differ_only_in_a_number_make_a_briefing(tmp_path: Path) -> None:
    """4.6 MB of RSS: every pair of entries was kept as similar (256 million pairs, past 3 GB),
    and the one story then read 16,000 sentences for minutes."""
    items = [
        (
            f"Bridge update {i}",
            f"https://gazette.example/u/{i}",
            f"<p>Officials said the Harbour Bridge would stay closed for repairs, update number {i} said.</p>",
        )
        for i in range(16_000)
    ]
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss(*items))
    result = _digest(feed, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "16000 articles" in result.stdout and "Officials said the Harbour Bridge" in result.stdout


def test_a_story_of_more_articles_than_it_reads_sentences_reads_its_first_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.config import Config
    from briefing.summary import pipeline
    from briefing.summary.pipeline import DayPlan, shown_drafts
    from briefing.summary.story import StoryDraft, StoryTask
    from briefing.tasks import in_turn

    monkeypatch.setattr(pipeline, "STORY_SENTENCES", 5)
    given: list[int] = []

    def summarizer(task: StoryTask) -> StoryDraft:
        given.append(len(task.articles))
        return StoryDraft((), (), "")

    articles = [article(f"a{i}", "The Harbour Bridge closed on Monday.") for i in range(12)]
    views = [pipeline.article_view(a) for a in articles]
    day = DayPlan((tuple(range(12)), (0, 1)), (1.0, 0.5), 2)
    shown_drafts(articles, views, day, Config(), in_turn(), summarizer)
    assert given == [5, 2]


def test_identical_rows_keep_at_most_their_share_of_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vectors, "_MOST_PAIRS", 400)
    rows = sparse.csr_matrix(np.ones((100, 3)) / np.sqrt(3))
    similar = vectors.similar_pairs(rows, 0.1)
    assert similar.nnz <= 2 * 400 + 100  # each row's 4 strongest, and the pairs kept by the other row
    assert (similar != similar.T).nnz == 0
    few = vectors.similar_pairs(rows[:10], 0.1)  # under the budget: every pair
    assert few.nnz == 100


def test_a_strongest_neighbour_is_kept_over_weaker_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vectors, "_MOST_PAIRS", 20)
    base = np.zeros((10, 11))
    base[:, 0] = 1.0
    base[0, 1] = base[9, 1] = 3.0  # rows 0 and 9 are each other's closest
    unit = sparse.csr_matrix(base / np.linalg.norm(base, axis=1, keepdims=True))
    similar = vectors.similar_pairs(unit, 0.01)
    assert similar[0, 9] > 0.9 and similar[9, 0] > 0.9


def test_the_first_sentences_are_the_whole_texts_first_ones() -> None:
    rng = np.random.default_rng(3)
    vocabulary = [
        "Mr.",
        "Smith",
        "said",
        "the",
        "bridge.",
        "It",
        "was",
        "U.S.",
        "shut!",
        "Dr.",
        "asked?",
        "No.",
        "i.e.",
        "J.",
    ]
    for _ in range(3):
        paragraphs = [" ".join(rng.choice(vocabulary, size=rng.integers(1, 30_000))) for _ in range(6)]
        text = "\n\n".join(paragraphs)
        whole = segment(text)
        for most in (1, 2, 7, 300, 2000, 10**6):
            assert segment(text, most) == whole[:most]


def test_the_first_sentences_of_a_huge_paragraph_read_only_its_beginning(monkeypatch: pytest.MonkeyPatch) -> None:
    """257,000 short sentences on one line (4.9 MB): Punkt read it all, twice, for 78 s."""
    read: list[int] = []
    punkt = segment_module.tokenizer()._sentences

    class Spy:
        def span_tokenize(self, text: str) -> object:
            read.append(len(text))
            return punkt.span_tokenize(text)

    monkeypatch.setattr(segment_module.tokenizer(), "_sentences", Spy())
    sentences = segment("Bridge shut today. " * 257_000, segment_module.ARTICLE_SENTENCES)
    assert len(sentences) == 1500 and sentences[-1].text == "Bridge shut today."
    assert sum(read) < 200_000
