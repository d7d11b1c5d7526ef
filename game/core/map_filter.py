"""The map's filters, which keep a library's thousand levels findable: one pack, one age band, one kind,
and only the levels not finished yet. Each filter is a list of choices the player steps through."""
from __future__ import annotations

from dataclasses import dataclass, replace

from .model import AGE_BANDS

KINDS = ("quiz", "story")
FILTERS = ("pack", "age", "kind", "new")


@dataclass(frozen=True)
class MapFilter:
    pack: str | None = None   # a pack id; None: every pack
    age: str | None = None    # an age band of AGE_BANDS
    kind: str | None = None   # quiz or story
    new: bool = False         # only the levels the child has not finished yet

    def matches(self, level, stars: int) -> bool:
        """`level` is a level_index.LevelEntry. A level that gives no ages is for every age; a broken
        level shows only when no age band or kind is asked for (it has neither)."""
        return ((self.pack is None or level.pack_id == self.pack)
                and (self.age is None or (level.kind is not None and (not level.ages or self.age in level.ages)))
                and (self.kind is None or level.kind == self.kind)
                and (not self.new or stars < 1))

    def choices(self, name: str, pack_ids: list[str]) -> list:
        return {"pack": [None, *pack_ids], "age": [None, *AGE_BANDS], "kind": [None, *KINDS],
                "new": [False, True]}[name]

    def stepped(self, name: str, pack_ids: list[str], step: int = 1) -> "MapFilter":
        """The next (or previous) choice of one filter, round to the first after the last."""
        choices = self.choices(name, pack_ids)
        current = getattr(self, name)
        at = choices.index(current) if current in choices else 0
        return replace(self, **{name: choices[(at + step) % len(choices)]})

    @property
    def active(self) -> bool:
        return self != MapFilter()
