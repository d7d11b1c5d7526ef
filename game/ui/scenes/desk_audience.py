"""A tale for the whole room: the leader picks a story level and it plays in audience mode; while a
session is on, the group's session keeps that it saw the tale and which ending."""
from __future__ import annotations

from .. import text
from .base import MARGIN, Scene
from .desk_parts import BOTTOM_ROW, Card, backdrop, card_grid


class DeskAudienceScene(Scene):
    name = "desk_audience"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0

    def heading(self) -> str:
        return self.tr("desk.audience_pick")

    def _note(self) -> str:
        session = self.app.store.active_session()
        if session is None:
            return self.tr("desk.audience_no_session")
        group = next((g.name for g in self.app.store.groups() if g.id == session.group_id), "-")
        return self.tr("desk.audience_session", group=group)

    def build(self) -> None:
        self.note = self._note()
        stories = [lv for lv in self.app.catalog.levels() if lv.ok and lv.level.kind == "story"]
        cards = [Card(f"tale_{lv.pack_id}_{lv.level_id}", lv.level.title.get(self.app.lang),
                      lambda lv=lv: self.app.show("audience", level=lv.level)) for lv in stories]
        self.page = card_grid(self, cards, self.page, 170, BOTTOM_ROW - 24, columns=2, card_h=84,
                              on_page=self._page)
        self.button("back", (MARGIN, BOTTOM_ROW, 240, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)

    def _page(self, page: int) -> None:
        self.page = page
        self.refresh("more")

    def back(self) -> None:
        self.app.pop()

    def backdrop_key(self) -> tuple:
        return (self.note,)

    def draw(self, surface) -> None:
        backdrop(self, surface, self.heading(), self.note)
