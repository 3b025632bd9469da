"""`briefing eval` on a tiny hand-made dataset whose ROUGE is computed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli.main import main
from briefing.run.evaluate import SummaryLength


def test_eval_scores_match_hand_computed_rouge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cluster = tmp_path / "data" / "c1"
    cluster.mkdir(parents=True)
    (cluster / "doc_01.txt").write_text("The cat sat on the mat.", encoding="utf-8")
    (cluster / "reference_1.txt").write_text("The dog sat on a mat.", encoding="utf-8")
    assert main(["eval", str(tmp_path / "data"), "--systems", "briefing"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("briefing"))
    # Unigrams: the, sat, on, mat shared; 4 of 6 in each -> recall = F = 66.67.
    # Bigrams: only "sat on" shared; recall 1/5 = 20.00, precision 1/5, F 20.00.
    assert row.split()[1:5] == ["66.67", "66.67", "20.00", "20.00"]


def test_budget_cuts_bytes_and_words() -> None:
    assert SummaryLength(bytes=5).cut("abcdefgh") == "abcde"
    assert SummaryLength(bytes=2).cut("é€") == "é"
    assert SummaryLength(words=3).cut("one two\nthree four five") == "one two\nthree"


def test_unknown_system_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cluster = tmp_path / "c1"
    cluster.mkdir()
    (cluster / "doc_01.txt").write_text("The cat sat on the mat.", encoding="utf-8")
    (cluster / "reference_1.txt").write_text("The dog sat.", encoding="utf-8")
    assert main(["eval", str(tmp_path), "--systems", "nope"]) == 2
    assert "unknown systems nope" in capsys.readouterr().err


def test_evaluate_takes_plain_arguments_and_returns_results(tmp_path: Path) -> None:
    from briefing.config import Config
    from briefing.run.evaluate import choose, evaluate, read_clusters, systems

    cluster = tmp_path / "c1"
    cluster.mkdir()
    (cluster / "doc_01.txt").write_text("The cat sat on the mat.", encoding="utf-8")
    (cluster / "reference_1.txt").write_text("The dog sat on a mat.", encoding="utf-8")
    budget = SummaryLength(bytes=665)
    seen: list[float] = []
    (result,) = evaluate(
        read_clusters(tmp_path),
        choose(systems(Config(), budget), ["briefing"]),
        budget,
        lambda stage, fraction: seen.append(fraction),
    )
    assert result.name == "briefing" and round(result.means["rouge1"][0], 4) == 0.6667
    assert list(result.per_cluster) == ["c1"] and seen == [1.0]


def test_eval_runs_the_comparison_that_matters_unless_asked_for_all() -> None:
    from briefing.config import Config
    from briefing.run.evaluate import PLAIN_SUMY, choose, systems

    available = systems(Config(), SummaryLength(bytes=665))
    assert list(choose(available, None)) == ["briefing", "sumy lexrank"]  # sumy's KL alone takes minutes
    assert len(choose(available, ["all"])) == 1 + len(PLAIN_SUMY)
