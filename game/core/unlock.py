"""Which levels are locked: `unlock: {after: other-level}` opens a level once the child has finished
the other level of the same pack.

"Finished" means the child reached the end of that level at least once: the progress store keeps the
best stars of every finished attempt, and finishing any level earns at least one star, so a level
counts as finished when its best stars are 1 or more (`finished_level_ids`).
"""
from __future__ import annotations

from typing import Collection, Iterable, Mapping, Sequence

from .model import Level, Unlock
from .problems import Msg, Problem, Severity
from .reader import did_you_mean


def finished_level_ids(best_stars: Mapping[tuple[str, str], int], pack_id: str) -> set[str]:
    """The levels of `pack_id` the child has finished, from the store's best_stars()."""
    return {level_id for (pack, level_id), stars in best_stars.items() if pack == pack_id and stars >= 1}


def locked_levels(levels: Iterable[Level], finished_ids: Collection[str]) -> dict[str, str]:
    """{level id: the id of the level to finish first} for every level that is still locked."""
    return {level.id: level.unlock.after for level in levels
            if level.unlock is not None and level.unlock.after not in finished_ids}


def unlock_problems(unlocks: Mapping[str, Unlock], level_ids: Sequence[str]) -> dict[str, list[Problem]]:
    """The problems of the levels' `unlock` ({level id: its unlock}), by level id: a level that is not in
    the pack, and levels that wait for each other in a circle (so that none of them could ever open)."""
    found: dict[str, list[Problem]] = {}

    def report(level_id: str, message: str, hint: str) -> None:
        found.setdefault(level_id, []).append(Problem(unlocks[level_id].where, Severity.ERROR, message, hint))

    after = {}
    for level_id, unlock in unlocks.items():
        if unlock.after not in level_ids:
            report(level_id, Msg("unlock names the level '{level}', which is not in the pack", level=unlock.after),
                   did_you_mean(unlock.after, [i for i in level_ids if i != level_id]))
        elif unlock.after != level_id:  # a level waiting for itself is reported when its file is read
            after[level_id] = unlock.after
    in_cycle: set[str] = set()
    for start in after:
        path: list[str] = []
        current = start
        while current in after and current not in path and current not in in_cycle:
            path.append(current)
            current = after[current]
        if current in path:  # came back to a level of this walk: from there on it is a circle
            cycle = path[path.index(current):]
            in_cycle.update(cycle)
            shown = " → ".join(cycle + [cycle[0]])
            for level_id in cycle:
                report(level_id, Msg("the levels {cycle} wait for each other, so none of them can ever be opened",
                                     cycle=shown),
                       Msg("write 'unlock: always' in one of them"))
    return found
