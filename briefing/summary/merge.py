"""Group the sentences that report the same fact, across articles, and pick who speaks for each group.

What counts as the same fact is `briefing.summary.facts`' decision; this module gathers the
sentences that decision links into groups without chaining loosely related ones together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from briefing.summary.facts import SameFact
from briefing.summary.features import SentenceFeatures

_MIN_TERMS = 5


@dataclass(frozen=True, slots=True)
class Group:
    """Sentences (indices into the feature list) that say the same thing."""

    members: tuple[int, ...]
    representative: int
    similarity: tuple[float, ...]
    # Per member, why it is in the group: the representative is "item"; another
    # member names the same-fact test that links it to the representative, or "group" when none
    # does alone and its mean similarity to the members before it let it join.
    joined: tuple[str, ...]


def group_sentences(
    features: Sequence[SentenceFeatures],
    facts: SameFact,
    priority: np.ndarray,
    clean: Sequence[bool] | np.ndarray | None = None,
) -> list[Group]:
    """Leader clustering with average linkage.

    The highest-priority free sentence starts a group; a free sentence that may state the
    leader's fact joins when its mean similarity to the members so far reaches the same-fact
    threshold. Averaging over members (not linking to any one) keeps chains of loosely related
    sentences from collapsing into one group, yet admits a paraphrase that resembles the
    group as a whole.
    """
    # A sentence with only a few content terms ("The company changed its mind.") looks like
    # many others and states no checkable fact; it stays on its own.
    informative = [len(f.stems) + len(f.numbers) + len(f.names) >= _MIN_TERMS for f in features]
    assigned = [False] * len(features)
    groups: list[Group] = []
    for leader in np.argsort(-priority, kind="stable").tolist():
        if assigned[leader]:
            continue
        members = [leader]
        if informative[leader]:
            for candidate in facts.candidates(leader):
                if (
                    not assigned[candidate]
                    and informative[candidate]
                    and sum(facts.similarity(m, candidate) for m in members) / len(members) >= facts.threshold
                ):
                    members.append(candidate)
        members.sort()
        for member in members:
            assigned[member] = True
        groups.append(_with_representative(members, facts, features, priority, clean))
    return groups


def _with_representative(
    members: list[int],
    facts: SameFact,
    features: Sequence[SentenceFeatures],
    priority: np.ndarray,
    clean: Sequence[bool] | np.ndarray | None = None,
) -> Group:
    """The best-formed member, in its outlet's own words, whose words are most typical of the
    group speaks for it.

    `clean` says, per sentence, whether its article is in its own words (`wording`): a
    sentence of a spun article speaks only when no member as well formed can.

    A member's typicality is its mean cosine with the others: its dot product with the sum
    of the group's unit vectors, less its own 1, which costs one pass over the members. In a
    pair both are equally typical; the one rated higher (the leader) speaks.
    """
    if len(members) == 1:
        return Group((members[0],), members[0], (1.0,), ("item",))
    rows = facts.vectors
    total: dict[int, float] = {}
    for member in members:
        for term, value in rows.row(member).items():
            total[term] = total.get(term, 0.0) + value
    # Rounded so that members tied but for float noise fall back to the rating, not to noise.
    typicality = [round((rows.dot(member, total) - 1.0) / (len(members) - 1), 9) for member in members]
    spun = [clean is not None and not clean[member] for member in members]
    best = min(
        range(len(members)),
        key=lambda i: (-features[members[i]].form, spun[i], -typicality[i], -priority[members[i]], i),
    )
    speaker = members[best]
    representative = rows.row(speaker)
    joined = tuple("item" if m == speaker else facts.test(speaker, m) or "group" for m in members)
    return Group(tuple(members), speaker, tuple(min(1.0, rows.dot(m, representative)) for m in members), joined)


def restating(group: Group, restated: Sequence[Group], facts: SameFact) -> Group:
    """`group` with the sentences of `restated` among its supports: groups none of whose
    items says anything `group`'s does not (`SameFact.restates`), each joined as "restated"."""
    rows = facts.vectors
    speaker = rows.row(group.representative)
    extra = [m for other in restated for m in other.members]
    similarity = [min(1.0, rows.dot(m, speaker)) for m in extra]
    return Group(
        (*group.members, *extra),
        group.representative,
        (*group.similarity, *similarity),
        (*group.joined, *("restated" for _ in extra)),
    )
