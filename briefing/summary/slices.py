"""A group of entries that is a slice of a topic, not a story: what leaves it.

On a morning of lone reports, the Winter Olympics are twenty-five stories of one report each,
all saying "Winter Olympics", "medal", "Games". Five of them (the medal count, the hockey final,
the all-time medal table, Italy's medals, the drone cameras) meet the day's threshold together on
those words alone, and rank among the day's top stories: "2 outlets, 5 articles", under one
headline. What gives them away is the rest of the day: for each member, nearly one other entry
is at least half as close to the group as its members are to each other (the Games' other
reports: 4 for the 5). The members of a story stand apart from the day around them: Peru's
Congress ousting its president, told five times, has no entry that near it. `peeled` lets the least attached member of such a slice
go, one at a time, until the rest stands apart from the day or a pair is left (a pair the
grouping's pair rules judged).

Only on a morning of lone reports: on a day of wire copy every story is told many times, and
its related stories (four on Israelis and Palestinians) sit close to each other by nature.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefing.summary.scipy_sparse import sparse

# An entry outside a group is close to it when its mean similarity to the members is `_CLOSE_SHARE`
# of the members' mean similarity to each other or more; a group of `_FEW` or fewer (but more
# than a pair) with `_OUTSIDERS` close entries per member or more is a slice of a topic. Tuned on
# halves of the labelled days (benchmarks/grouping.py, the feeds: 0.5 and 0.75 best on the tune
# halves, the confirm halves unchanged; 0.4 or a share of 0.5 split the 13 reports of the Iran
# talks, whose day holds eight other reports of them).
_CLOSE_SHARE = 0.5
_OUTSIDERS = 0.75
_FEW = 5


def peeled(groups: Sequence[Sequence[int]], similar: sparse.csr_matrix) -> list[list[int]]:
    """`groups` (indexes into `similar`, the day's similarities without diagonal) with the least
    attached members of each slice of a topic as stories of their own."""
    similar = sparse.csr_matrix(similar)
    result: list[list[int]] = []
    for group in groups:
        members = list(group)
        if 2 < len(members) <= _FEW:
            while len(members) > 2 and _topic_slice(similar, members):
                within = np.asarray(similar[members][:, members].sum(axis=1)).ravel()
                result.append([members.pop(int(np.argmin(within)))])  # ties: the first
        result.append(members)
    return result


def _topic_slice(similar: sparse.csr_matrix, members: list[int]) -> bool:
    """Whether `_OUTSIDERS` entries per member outside the group are close to it."""
    size = len(members)
    rows = similar[members]
    mean_within = rows[:, members].sum() / (size * (size - 1))
    to_group = np.asarray(rows.sum(axis=0)).ravel() / size
    to_group[members] = 0.0
    return bool(np.count_nonzero(to_group >= _CLOSE_SHARE * mean_within) >= _OUTSIDERS * size)
