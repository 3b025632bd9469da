"""ROUGE of the briefing beside plain sumy, on clusters with human summaries (`briefing eval`).

Scored as in the DUC literature and ../shared/eval/README.md: rouge-score with Porter
stemming, each summary cut at the budget, recall and F averaged over references, then over
clusters. Plain sumy runs on the concatenated articles and takes sentences best-first until
the budget, which is how its published numbers were made. Plain arguments in, results out:
the command line parses and prints.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.config import Config
from briefing.errors import ConfigError, SourceError
from briefing.models import Document
from briefing.sources.documents import decode
from briefing.sources.files import parse_article
from briefing.summary.pipeline import summarize_story

PLAIN_SUMY = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic")
MEASURES = ("rouge1", "rouge2", "rougeLsum")
Scores = dict[str, tuple[float, float]]  # (recall, F) per measure
System = Callable[["Cluster"], str]


@dataclass(frozen=True, slots=True)
class Cluster:
    name: str
    documents: tuple[Document, ...]
    references: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SummaryLength:
    bytes: int = 0
    words: int = 0

    def cut(self, text: str) -> str:
        """The summary as scored: cut at the budget."""
        if self.words:
            kept, count = [], 0
            for line in text.split("\n"):
                words = line.split()
                kept.append(" ".join(words[: self.words - count]))
                count += len(words)
                if count >= self.words:
                    break
            return "\n".join(k for k in kept if k)
        return text.encode("utf-8")[: self.bytes].decode("utf-8", errors="ignore")

    def full(self, lines: list[str]) -> bool:
        text = "\n".join(lines)
        return len(text.split()) >= self.words if self.words else len(text.encode("utf-8")) >= self.bytes


def read_clusters(dataset: Path) -> list[Cluster]:
    """Clusters under `dataset`: every folder holding doc_*.txt and reference_*.txt files."""
    if not dataset.is_dir():
        raise SourceError(f"{dataset}: no such folder")
    clusters = []
    for folder in sorted(p for p in dataset.iterdir() if p.is_dir()):
        docs = sorted(folder.glob("doc_*.txt"))
        refs = sorted(folder.glob("reference_*.txt"))
        if docs and refs:
            clusters.append(
                Cluster(
                    folder.name,
                    tuple(Document(p.stem, str(p), decode(p.read_bytes())) for p in docs),
                    tuple(decode(p.read_bytes()) for p in refs),
                )
            )
    if not clusters:
        raise SourceError(f"{dataset}: no cluster folders with doc_*.txt and reference_*.txt")
    return clusters


def briefing_system(config: Config, budget: SummaryLength) -> Callable[[Cluster], str]:
    summary = replace(config.summary, sentences=0, words=budget.words, bytes=budget.bytes)
    configured = replace(config, summary=summary)

    def run(cluster: Cluster) -> str:
        articles = tuple(parse_article(d, config.clean.drop_patterns) for d in cluster.documents)
        return "\n".join(item.text for item in summarize_story(articles, configured).items)

    return run


def sumy_system(algorithm: str, budget: SummaryLength) -> Callable[[Cluster], str]:
    from sumy.parsers.plaintext import PlaintextParser

    from briefing.summary.ratings.reference import rate_document
    from briefing.text.segment import tokenizer

    def run(cluster: Cluster) -> str:
        text = "\n\n".join(d.text.strip() for d in cluster.documents)
        document = PlaintextParser.from_string(text, tokenizer()).document
        ratings = rate_document(document, algorithm)
        ranked = sorted(range(len(ratings)), key=lambda i: -ratings[i])
        lines: list[str] = []
        for index in ranked:
            if budget.full(lines):
                break
            sentence = str(document.sentences[index])
            if sentence not in lines:
                lines.append(sentence)
        return "\n".join(lines)

    return run


def peer_system(peers: Path, name: str) -> Callable[[Cluster], str]:
    def run(cluster: Cluster) -> str:
        path = peers / cluster.name / f"{name}.txt"
        return decode(path.read_bytes()) if path.is_file() else ""

    return run


def check_rouge() -> None:
    """A ConfigError that names the extra to install when rouge-score is missing."""
    try:
        import rouge_score  # noqa: F401
    except ImportError as error:
        raise ConfigError("briefing eval needs rouge-score: pip install '.[eval]'") from error


def score(summary: str, references: tuple[str, ...]) -> dict[str, tuple[float, float]]:
    """(recall, F) per measure, averaged over the references."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
    totals = {m: [0.0, 0.0] for m in MEASURES}
    for reference in references:
        for measure, value in scorer.score(reference, summary).items():
            totals[measure][0] += value.recall
            totals[measure][1] += value.fmeasure
    return {m: (r / len(references), f / len(references)) for m, (r, f) in totals.items()}


@dataclass(frozen=True, slots=True)
class SystemResult:
    """One system's scores: the means over clusters, seconds per cluster, and each cluster's."""

    name: str
    means: Scores
    seconds: float
    per_cluster: dict[str, Scores]


def systems(config: Config, budget: SummaryLength, peers: Path | None = None) -> dict[str, System]:
    """Every system `evaluate` can run by name: the briefing, plain sumy, and published peers."""
    found: dict[str, System] = {"briefing": briefing_system(config, budget)}
    found |= {f"sumy {a}": sumy_system(a, budget) for a in PLAIN_SUMY}
    if peers is not None:
        found |= {f"peer {n}": peer_system(peers, n) for n in sorted({p.stem for p in peers.glob("*/*.txt")})}
    return found


def choose(available: dict[str, System], wanted: Sequence[str] | None) -> dict[str, System]:
    """The systems named in `wanted`, or all of them for ["all"]; a ConfigError names unknown
    ones. By default the briefing, plain sumy LexRank and the peers: the comparison that
    matters, in about a minute (sumy's KL and SumBasic alone take a quarter of an hour)."""
    if wanted is None:
        return {
            name: system for name, system in available.items() if not name.startswith("sumy ") or name == "sumy lexrank"
        }
    if list(wanted) == ["all"]:
        return available
    unknown = [w for w in wanted if w not in available]
    if unknown:
        raise ConfigError(f"unknown systems {', '.join(unknown)}; known: {', '.join(available)}")
    return {w: available[w] for w in wanted}


def evaluate(
    clusters: list[Cluster],
    chosen: dict[str, System],
    budget: SummaryLength,
    progress: Callable[[str, float], None] | None = None,
) -> Iterator[SystemResult]:
    """Each system's result, as soon as it is done (an evaluation can take an hour)."""
    total = len(clusters) * len(chosen)
    done = 0
    for name, system in chosen.items():
        per_cluster: dict[str, Scores] = {}
        seconds = 0.0
        for cluster in clusters:
            start = time.perf_counter()
            summary = system(cluster)
            seconds += time.perf_counter() - start
            per_cluster[cluster.name] = score(budget.cut(summary), cluster.references)
            done += 1
            if progress:
                progress(f"{done}/{total} {name}", done / total)
        means = {
            m: (
                sum(s[m][0] for s in per_cluster.values()) / len(per_cluster),
                sum(s[m][1] for s in per_cluster.values()) / len(per_cluster),
            )
            for m in MEASURES
        }
        yield SystemResult(name, means, seconds / len(clusters), per_cluster)
