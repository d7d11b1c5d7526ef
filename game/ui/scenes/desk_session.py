"""Today's session: the leader picks a group (when none was given), then today's levels in the order
they are pressed, and starts it; while it is on, this screen says who has played and ends it."""
from __future__ import annotations

from ...core.club.desk import ClubDesk
from .. import text
from .base import MARGIN, Scene
from .desk_parts import BOTTOM_ROW, Card, backdrop, card_grid


class DeskSessionScene(Scene):
    name = "desk_session"

    def __init__(self, app, group_id: int | None = None) -> None:
        super().__init__(app)
        self.group_id = group_id
        self.picked: list[tuple[str, str]] = []
        self.page = 0
        self.message = ""

    def heading(self) -> str:
        return self.title

    def _titles(self) -> dict[tuple[str, str], str]:
        return {(lv.pack_id, lv.level_id): lv.level.title.get(self.app.lang)
                for lv in self.app.catalog.levels() if lv.ok}

    def build(self) -> None:
        store = self.app.store
        self.session = store.active_session()
        groups = {g.id: g for g in store.groups()}
        if self.session is not None:
            group = groups.get(self.session.group_id)
            titles = self._titles()
            names = ", ".join(titles.get(level, level[1]) for level in self.session.levels)
            self.title = self.tr("desk.session_running", group=group.name if group else "-", levels=names)
            played = [store.profile(i).nickname for i in store.session_players(self.session.id)]
            self.message = self.tr("desk.played_so_far", names=", ".join(played) or self.tr("desk.nobody"))
            self.button("end", (MARGIN, 300, 420, 80), self.tr("desk.end_session"), self._end, style="@primary",
                        size=text.BODY)
        elif self.group_id is None or self.group_id not in groups:
            self.title = self.tr("desk.pick_group")
            cards = [Card(f"group_{g.id}", g.name, lambda g=g: self._choose_group(g.id)) for g in groups.values()]
            self.page = card_grid(self, cards, self.page, 150, BOTTOM_ROW - 16, columns=3, on_page=self._page)
        else:
            self.title = self.tr("desk.session_heading", group=groups[self.group_id].name)
            cards = []
            for key, title in self._titles().items():
                if key in self.picked:
                    n = self.picked.index(key) + 1
                    label = self.tr("desk.level_pick", n=n, title=title)
                    spoken = self.tr("desk.level_spoken_picked", n=n, title=title)
                else:
                    label, spoken = title, self.tr("desk.level_spoken_free", title=title)
                cards.append(Card(f"level_{key[0]}_{key[1]}", label, lambda k=key: self._pick(k), spoken,
                                  key in self.picked))
            self.page = card_grid(self, cards, self.page, 206, BOTTOM_ROW - 16, columns=3, card_h=84,
                                  on_page=self._page)
            self.button("start", (1280 - MARGIN - 300, BOTTOM_ROW, 300, 64), self.tr("desk.start"), self._start,
                        style="@primary", size=text.SMALL + 2)
        self.button("back", (MARGIN, BOTTOM_ROW, 240, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)

    def _page(self, page: int) -> None:
        self.page = page
        self.refresh("more")

    def _choose_group(self, group_id: int) -> None:
        self.group_id, self.page = group_id, 0
        self.rebuild(announce=True)

    def _pick(self, key: tuple[str, str]) -> None:
        self.picked.remove(key) if key in self.picked else self.picked.append(key)
        self.refresh()

    def _start(self) -> None:
        if not self.picked:
            self.message = self.tr("desk.choose_levels")
            self.app.say(self.message)
            return
        if self.app.save(ClubDesk(self.app.store).begin_session, self.group_id, list(self.picked)) is not None:
            self.app.notice(self.tr("desk.session_started"))
            self.message = ""
            self.rebuild(announce=True)

    def _end(self) -> None:
        played = self.app.save(ClubDesk(self.app.store).finish_session)
        if played is None:
            return
        names = ", ".join(self.app.store.profile(i).nickname for i in played) or self.tr("desk.nobody")
        self.app.notice(self.tr("desk.session_ended", names=names), 5)
        self.app.pop()

    def back(self) -> None:
        self.app.pop()

    def backdrop_key(self) -> tuple:
        return (self.title, self.message)

    def draw(self, surface) -> None:
        backdrop(self, surface, self.title, self.message, heading_height=150 if self.session else 120)
