"""The leader's groups: make one ("Ертекші, Tuesday"), open one to rename it, choose its children,
delete it, or start its session."""
from __future__ import annotations

from ...core.club.desk import MAX_GROUP_NAME, ClubDesk
from .. import palette, text
from .base import MARGIN
from .desk_parts import BOTTOM_ROW, Card, DeskForm, TextField, backdrop, card_grid

GRID_TOP = 250


class DeskGroupsScene(DeskForm):
    name = "desk_groups"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0
        self.message = ""
        self.typed = ""

    def heading(self) -> str:
        return self.tr("desk.groups_heading")

    def build(self) -> None:
        self.field = TextField(self, "group_name", (MARGIN, 150, 640, 64), self.typed, MAX_GROUP_NAME,
                               lambda value: self.tr("desk.spoken_group_entry", text=value), self._create)
        self.button("create", (MARGIN + 660, 150, 300, 64), self.tr("desk.new_group"), self._create,
                    style="@primary", size=text.SMALL + 2)
        cards = [Card(f"group_{g.id}", self.tr("desk.group_card", name=g.name, count=len(g.member_ids)),
                      lambda g=g: self.app.open("desk_group", group_id=g.id),
                      self.tr("desk.spoken_group", name=g.name, count=len(g.member_ids)))
                 for g in self.app.store.groups()]
        self.page = card_grid(self, cards, self.page, GRID_TOP, BOTTOM_ROW - 16, columns=3, on_page=self._page)
        self.button("back", (MARGIN, BOTTOM_ROW, 240, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)

    def _page(self, page: int) -> None:
        self.page = page
        self.refresh("more")

    def _create(self) -> None:
        self.typed = self.field.value
        problem = self.app.save(ClubDesk(self.app.store).new_group, self.typed)
        if problem is None:
            return  # the disk refused: app.save told the leader
        if problem:
            self._tell(self.tr(problem))
            return
        self.typed = ""
        self._tell(self.tr("desk.group_made"))
        self.rebuild()

    def backdrop_key(self) -> tuple:
        return (self.message,)

    def draw(self, surface) -> None:
        bottom = backdrop(self, surface, self.heading(), self.message)
        size = self.app.text.fitting_size(self.tr("desk.group_name"), text.SMALL + 2, 900, 150 - bottom - 4)
        self.app.text.draw(surface, self.tr("desk.group_name"), (MARGIN, bottom + 2), size, palette.INK, 900)
