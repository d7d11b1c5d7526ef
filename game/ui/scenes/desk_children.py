"""Every child on this computer, archived ones too, for the leader: press one to change it."""
from __future__ import annotations

from ...core.club.today import nickname_order
from .. import text
from .base import MARGIN, Scene
from .desk_parts import BOTTOM_ROW, Card, backdrop, card_grid


class DeskChildrenScene(Scene):
    name = "desk_children"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0

    def heading(self) -> str:
        return self.tr("desk.children_heading")

    def build(self) -> None:
        children = sorted(self.app.store.profiles(include_archived=True), key=lambda p: nickname_order(p.nickname))
        cards = [Card(f"child_{c.id}", self.tr("desk.child_archived", name=c.nickname) if c.archived
                      else c.nickname, lambda c=c: self.app.open("desk_child", profile_id=c.id)) for c in children]
        self.page = card_grid(self, cards, self.page, 130, BOTTOM_ROW - 16, on_page=self._page)
        self.button("back", (MARGIN, BOTTOM_ROW, 240, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)

    def _page(self, page: int) -> None:
        self.page = page
        self.refresh("more")

    def back(self) -> None:
        self.app.pop()

    def backdrop_key(self) -> tuple:
        return ()

    def draw(self, surface) -> None:
        backdrop(self, surface, self.heading())
