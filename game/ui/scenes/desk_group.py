"""One group at the leader's desk: its name, which children are in it (press a child to add or take
out), its session, and deleting it (its children and their answers stay)."""
from __future__ import annotations

from ...core.club.desk import MAX_GROUP_NAME, ClubDesk
from ...core.club.today import nickname_order
from .. import palette, text
from .base import MARGIN
from .desk_parts import BOTTOM_ROW, Card, DeskForm, TextField, backdrop, card_grid

GRID_TOP = 264


class DeskGroupScene(DeskForm):
    name = "desk_group"

    def __init__(self, app, group_id: int) -> None:
        super().__init__(app)
        self.group_id = group_id
        self.page = 0
        self.message = ""
        self.confirming = False

    def _group(self):
        return next((g for g in self.app.store.groups() if g.id == self.group_id), None)

    def heading(self) -> str:
        return self.tr("desk.group_heading", name=self.group.name)

    def build(self) -> None:
        self.group = self._group()
        if self.group is None:  # deleted
            self.app.pop()
            return
        self.field = TextField(self, "group_name", (MARGIN, 150, 640, 64), self.group.name, MAX_GROUP_NAME,
                               lambda value: self.tr("desk.spoken_group_entry", text=value), self._rename)
        self.button("rename", (MARGIN + 660, 150, 260, 64), self.tr("desk.rename"), self._rename,
                    size=text.SMALL + 2)
        members = set(self.group.member_ids)
        cards = []
        for child in sorted(self.app.store.profiles(), key=lambda p: nickname_order(p.nickname)):
            inside = child.id in members
            spoken = self.tr("desk.member_in" if inside else "desk.member_out", name=child.nickname)
            cards.append(Card(f"child_{child.id}", child.nickname, lambda c=child: self._toggle(c), spoken, inside))
        self.page = card_grid(self, cards, self.page, GRID_TOP, BOTTOM_ROW - 16, on_page=self._page)
        self.button("back", (MARGIN, BOTTOM_ROW, 220, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)
        if self.confirming:
            self.button("delete_yes", (1280 - MARGIN - 620, BOTTOM_ROW, 300, 64), self.tr("desk.delete_yes"),
                        self._delete, style="@primary", size=text.SMALL + 2)
            self.button("cancel", (1280 - MARGIN - 300, BOTTOM_ROW, 300, 64), self.tr("desk.cancel"),
                        self._cancel, size=text.SMALL + 2)
        else:
            self.button("session", (1280 - MARGIN - 620, BOTTOM_ROW, 340, 64), self.tr("desk.start_session"),
                        lambda: self.app.open("desk_session", group_id=self.group_id), style="@primary",
                        size=text.SMALL + 2)
            self.button("delete", (1280 - MARGIN - 260, BOTTOM_ROW, 260, 64), self.tr("desk.delete_group"),
                        self._ask_delete, size=text.SMALL + 2)

    def _page(self, page: int) -> None:
        self.page = page
        self.refresh("more")

    def _rename(self) -> None:
        problem = self.app.save(ClubDesk(self.app.store).name_group, self.group_id, self.field.value)
        if problem is None:
            return
        self._tell(self.tr(problem) if problem else self.tr("desk.saved"))
        self.rebuild()

    def _toggle(self, child) -> None:
        inside = self.app.save(ClubDesk(self.app.store).toggle_member, self.group_id, child.id)
        if inside is not None:
            self.refresh()

    def _ask_delete(self) -> None:
        self.confirming = True
        self._tell(self.tr("desk.delete_group_confirm", name=self.group.name))
        self.refresh("cancel")

    def _cancel(self) -> None:
        self.confirming, self.message = False, ""
        self.refresh("delete")

    def _delete(self) -> None:
        if self.app.save(ClubDesk(self.app.store).drop_group, self.group_id) is not None:
            self.app.notice(self.tr("desk.group_deleted", name=self.group.name))
            self.app.pop()

    def backdrop_key(self) -> tuple:
        return (self.message, self.group.name)

    def draw(self, surface) -> None:
        backdrop(self, surface, self.heading(), self.message)
        label = self.tr("desk.members")
        self.app.text.draw(surface, label, (MARGIN, 222), self.app.text.fitting_size(label, text.SMALL, 1180, 36),
                           palette.INK, 1180)
