"""A child's album: a fact card for every finished level that has one, and the badges of each pack, earned
or still to earn. Read from the child's best stars and answers through the storage port; nothing is kept
apart, so an album is always what the child has done (also after a merge or an import)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import model
from .storage import ProgressPort, ReportScope


@dataclass(frozen=True)
class AlbumCard:
    pack_id: str
    level_id: str
    level_title: model.Text
    card: model.Card
    folder: Path  # the pack's folder: the picture is relative to it


@dataclass(frozen=True)
class AlbumBadge:
    pack_id: str
    badge: model.Badge
    folder: Path
    earned: bool


@dataclass(frozen=True)
class Album:
    cards: tuple[AlbumCard, ...]
    badges: tuple[AlbumBadge, ...]

    @property
    def earned(self) -> tuple[AlbumBadge, ...]:
        return tuple(b for b in self.badges if b.earned)


def album(store: ProgressPort, catalog, profile_id: int) -> Album:
    best = store.best_stars(profile_id)
    scope = ReportScope(profile_id=profile_id)
    by_level = {totals.key: totals for totals in store.answer_totals(scope, "level")}
    days = len(store.answer_totals(scope, "day"))
    cards: list[AlbumCard] = []
    badges: list[AlbumBadge] = []
    for pack in catalog.packs:
        levels = [lv.level for lv in pack.levels if lv.ok]
        finished = [lv for lv in levels if (lv.pack_id, lv.id) in best]
        cards += [AlbumCard(lv.pack_id, lv.id, lv.title, lv.card, pack.folder) for lv in finished if lv.card]
        if pack.pack is None:
            continue
        facts = _Facts(levels, finished, [by_level[k] for k in by_level if k[0] == pack.pack.id], days)
        badges += [AlbumBadge(pack.pack.id, badge, pack.folder, facts.holds(badge)) for badge in pack.pack.badges]
    return Album(tuple(cards), tuple(badges))


@dataclass(frozen=True)
class _Facts:
    levels: list
    finished: list
    answers: list  # AnswerTotals of the pack's levels
    days: int

    def holds(self, badge: model.Badge) -> bool:
        whole = bool(self.levels) and len(self.finished) == len(self.levels)
        if badge.when == "puppet-tale":
            return any(getattr(lv, "mode", "") == "puppets" for lv in self.finished)
        if badge.when == "all-right":
            asked = sum(t.first_tries for t in self.answers)
            return whole and asked > 0 and sum(t.first_right for t in self.answers) == asked
        if badge.when == "whole-pack":
            return whole
        return self.days >= badge.count
