"""A least-recently-used store of rendered surfaces, bounded by the memory they take, not their number:
one line of large text and one full-screen picture differ a thousand times in size."""
from __future__ import annotations

from collections import OrderedDict
from typing import Generic, Hashable, TypeVar

import pygame

T = TypeVar("T")


def surface_bytes(value) -> int:
    """The pixels' memory of a surface, of a list of surfaces, or nothing (None)."""
    if value is None:
        return 0
    if isinstance(value, pygame.Surface):
        return value.get_width() * value.get_height() * value.get_bytesize()
    return sum(surface_bytes(item) for item in value)


class SurfaceLRU(Generic[T]):
    def __init__(self, budget_bytes: int) -> None:
        self.budget = budget_bytes
        self.used = 0
        self._items: OrderedDict[Hashable, tuple[T, int]] = OrderedDict()

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable, default=None):
        found = self._items.get(key)
        if found is None:
            return default
        self._items.move_to_end(key)
        return found[0]

    def put(self, key: Hashable, value: T) -> T:
        size = surface_bytes(value)
        old = self._items.pop(key, None)
        if old is not None:
            self.used -= old[1]
        self._items[key] = (value, size)
        self.used += size
        while self.used > self.budget and len(self._items) > 1:  # the newest stays, however large
            _, (_, dropped) = self._items.popitem(last=False)
            self.used -= dropped
        return value
