"""One child at the leader's desk: nickname, picture, archive, merge with another profile of the same
child, and erase everything (each of the last two asks first, saying what happens)."""
from __future__ import annotations

from ...core.avatars import AVATARS
from ...core.club.desk import ClubDesk
from ...core.profiles import MAX_NICKNAME
from ...core.storage import ReportScope
from ...core.club.today import nickname_order
from .. import palette, text
from .base import MARGIN
from .desk_parts import BOTTOM_ROW, Card, DeskForm, TextField, backdrop, card_grid

ROW = 250  # the row of actions


class DeskChildScene(DeskForm):
    name = "desk_child"

    def __init__(self, app, profile_id: int) -> None:
        super().__init__(app)
        self.profile_id = profile_id
        self.message = ""  # a short word under the heading
        self.question = ""  # what erasing or merging will do, asked before the buttons
        self.mode = "actions"  # or "erase" (asking), "merge" (choosing the other profile), "merge_ask"
        self.other = None
        self.page = 0

    def heading(self) -> str:
        return self.tr("desk.child_heading", name=self.child.nickname)

    def build(self) -> None:
        self.child = self.app.store.profile(self.profile_id)
        if self.child is None:
            self.app.pop()
            return
        self.field = TextField(self, "nickname", (MARGIN, 150, 560, 64), self.child.nickname, MAX_NICKNAME,
                               lambda value: self.tr("desk.spoken_name_entry", text=value), self._rename)
        self.button("rename", (MARGIN + 580, 150, 240, 64), self.tr("desk.rename"), self._rename,
                    size=text.SMALL + 2)
        avatar = self.tr(f"avatar.{self.child.avatar}")
        self.button("avatar", (MARGIN + 840, 150, 344, 64), self.tr("desk.avatar", name=avatar), self._avatar,
                    size=text.SMALL + 2)
        if self.mode == "merge":
            others = sorted((p for p in self.app.store.profiles(include_archived=True) if p.id != self.profile_id),
                            key=lambda p: nickname_order(p.nickname))
            cards = [Card(f"other_{p.id}", p.nickname, lambda p=p: self._merge_ask(p)) for p in others]
            self.page = card_grid(self, cards, self.page, ROW, BOTTOM_ROW - 16, on_page=self._page)
        elif self.mode in ("erase", "merge_ask"):
            yes = "erase_yes" if self.mode == "erase" else "merge_yes"
            self.button(yes, (MARGIN, ROW + 120, 380, 72), self.tr(f"desk.{yes}"),
                        self._erase if self.mode == "erase" else self._merge, style="@primary", size=text.BODY)
            self.button("cancel", (MARGIN + 400, ROW + 120, 300, 72), self.tr("desk.cancel"), self._cancel,
                        size=text.BODY)
        else:
            archive = "unarchive" if self.child.archived else "archive"
            actions = ((archive, self._archive), ("merge", self._choose_other), ("erase", self._erase_ask))
            for i, (action, press) in enumerate(actions):
                self.button(action, (MARGIN + i * 400, ROW, 384, 96), self.tr(f"desk.{action}"), press,
                            style="@card", size=text.SMALL + 2)
        self.button("back", (MARGIN, BOTTOM_ROW, 240, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)

    def _desk(self) -> ClubDesk:
        return ClubDesk(self.app.store)

    def _page(self, page: int) -> None:
        self.page = page
        self.refresh("more")

    def _rename(self) -> None:
        problem = self.app.save(self._desk().rename_child, self.profile_id, self.field.value)
        if problem is not None:
            self.rebuild()
            self._tell(self.tr(problem) if problem else self.tr("desk.saved"))

    def _avatar(self) -> None:
        following = AVATARS[(AVATARS.index(self.child.avatar) + 1) % len(AVATARS)] \
            if self.child.avatar in AVATARS else AVATARS[0]
        self.app.save(self._desk().choose_avatar, self.profile_id, following)
        self.refresh("avatar")

    def _archive(self) -> None:
        archived = self.app.save(self._desk().toggle_archived, self.profile_id)
        if archived is not None:
            self._tell(self.tr("desk.archived_now" if archived else "desk.unarchived_now", name=self.child.nickname))
            self.refresh("unarchive" if archived else "archive")

    def _erase_ask(self) -> None:
        answers = sum(t.first_tries for t in self.app.store.answer_totals(ReportScope(profile_id=self.profile_id),
                                                                             "child"))
        self.mode = "erase"
        self._ask(self.tr("desk.erase_confirm", name=self.child.nickname, answers=answers))
        self.refresh("cancel")

    def _erase(self) -> None:
        name = self.child.nickname
        if self.app.save(self._desk().erase_child, self.profile_id) is not None:
            self.app.notice(self.tr("desk.erased", name=name))
            self.app.pop()

    def _choose_other(self) -> None:
        self.mode = "merge"
        self._tell(self.tr("desk.merge_heading", name=self.child.nickname))
        self.refresh()

    def _merge_ask(self, other) -> None:
        self.mode, self.other = "merge_ask", other
        self._ask(self.tr("desk.merge_confirm", name=self.child.nickname, other=other.nickname))
        self.refresh("cancel")

    def _merge(self) -> None:
        other = self.other
        if self.app.save(self._desk().merge_children, self.profile_id, other.id) is not None:
            self.mode, self.other = "actions", None
            self._tell(self.tr("desk.merged", name=self.child.nickname, other=other.nickname))
            self.refresh("merge")

    def _cancel(self) -> None:
        self.mode, self.other, self.message, self.question = "actions", None, "", ""
        self.refresh()

    def _tell(self, message: str) -> None:
        self.message, self.question = message, ""
        self.app.say(message)

    def _ask(self, question: str) -> None:
        self.message, self.question = "", question
        self.app.say(question)

    def back(self) -> None:
        if self.mode != "actions":
            return self._cancel()
        self.app.pop()

    def backdrop_key(self) -> tuple:
        return (self.message, self.question, self.child.nickname)

    def draw(self, surface) -> None:
        backdrop(self, surface, self.heading(), self.message)
        if self.question:
            tr, width = self.app.text, 1280 - 2 * MARGIN
            size = tr.fitting_size(self.question, text.BODY, width, 110, bold=True)
            tr.draw(surface, self.question, (MARGIN, ROW), size, palette.FELT_RED, width, bold=True)
