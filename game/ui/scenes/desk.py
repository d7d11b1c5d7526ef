"""The club leader's desk, opened from the title screen behind the leader's PIN: groups, children,
today's session, a team quiz, what the children learned, reports, certificates and this computer's settings."""
from __future__ import annotations

from .. import text
from .base import MARGIN, Scene
from .desk_parts import BOTTOM_ROW, backdrop

SECTIONS = ("groups", "children", "session", "team", "audience", "learned", "reports", "certificates", "album",
            "club", "computer")
SCREEN_OF = {"groups": "desk_groups", "children": "desk_children", "session": "desk_session", "team": "desk_team",
             "audience": "desk_audience", "learned": "desk_learned", "reports": "desk_reports",
             "certificates": "desk_certificates", "album": "desk_album", "club": "desk_club", "computer": "settings"}


class DeskScene(Scene):
    name = "desk"

    def heading(self) -> str:
        return f"{self.tr('desk.heading')}. {self.status}"

    def _status(self) -> str:
        session = self.app.store.active_session()
        if session is None:
            status = self.tr("desk.session_off")
        else:
            group = next((g.name for g in self.app.store.groups() if g.id == session.group_id), "-")
            status = self.tr("desk.session_on", group=group, levels=len(session.levels))
        return " ".join([status, *self._storage_troubles()])

    def _storage_troubles(self) -> list[str]:
        """Progress the disk refused since the game started: going on now, or the last stretch of it."""
        troubles = self.app.recorder.troubles
        if not troubles:
            return []
        last = troubles[-1]
        why = self.tr(f"storage.why_{last.reason}")
        if not last.ended:
            return [self.tr("storage.desk_trouble", time=last.began, why=why, answers=self.app.recorder.answers_waiting)]
        return [self.tr("storage.desk_saved", began=last.began, ended=last.ended, why=why, answers=last.answers)]

    def build(self) -> None:
        self.status = self._status()
        width, height, gap, top = 560, 66, 10, 150  # eleven sections: six rows above the bottom row
        for i, section in enumerate(SECTIONS):
            col, row = i % 2, i // 2
            rect = (MARGIN + col * (width + 24), top + row * (height + gap), width, height)
            self.button(section, rect, self.tr(f"desk.{section}"), lambda s=section: self.app.open(SCREEN_OF[s]),
                        style="@card", size=text.BODY)
        self.button("back", (MARGIN, BOTTOM_ROW, 240, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)

    def back(self) -> None:
        self.app.show("title")

    def backdrop_key(self) -> tuple:
        return (self.status,)

    def draw(self, surface) -> None:
        backdrop(self, surface, self.tr("desk.heading"), self.status)
