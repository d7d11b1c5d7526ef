"""What the children learned, on screen: whose play (everyone, a group, the last session), then bars
per child, per level, per question (the hardest first) or per team of a team quiz; a child's bar opens
their weeks. Each bar is a focusable item that speaks its value; the chart is drawn by the game."""
from __future__ import annotations

import pygame

from ...core.club.report import Report, build_report
from .. import palette, text
from ..text import fit_line
from .base import MARGIN, Scene
from .desk_parts import BOTTOM_ROW, backdrop, report_scopes

VIEWS = ("children", "levels", "questions", "teams")
BAR_TOP, BAR_H, BAR_GAP = 236, 48, 8
LABEL_W, VALUE_W = 380, 150


class DeskLearnedScene(Scene):
    name = "desk_learned"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.scope_index = 0
        self.view = "children"
        self.child: int | None = None  # the child whose weeks are shown
        self.page = 0
        self._reports: dict[int, Report] = {}

    def heading(self) -> str:
        return self.tr("desk.learned")

    @property
    def report(self) -> Report:
        """Built once a scope: the screen then only draws it (a group of 30 over a year: one query each)."""
        if self.scope_index not in self._reports:
            tr = self.app.tr
            self._reports[self.scope_index] = build_report(
                self.app.store, self.app.catalog, self.scopes[self.scope_index][1], self.app.lang,
                (tr("report.answer_yes"), tr("report.answer_no")))
        return self._reports[self.scope_index]

    def build(self) -> None:
        self.scopes = report_scopes(self)
        label = self.scopes[self.scope_index][0]
        self.button("scope", (MARGIN, 96, 560, 64), self.tr("desk.learned_whose", whose=label), self._next_scope,
                    size=text.SMALL + 2, spoken=self.tr("desk.learned_whose_spoken", whose=label))
        # team quizzes beside whose play (and after it in reading order): three views fit a row at large text
        for view, place in [("teams", (MARGIN + 2 * 396, 96, 380, 64))] + [
                (view, (MARGIN + i * 396, 168, 380, 56)) for i, view in enumerate(VIEWS[:3])]:
            self.button(f"view_{view}", place, self.tr(f"desk.view_{view}"),
                        lambda v=view: self._show(v), size=text.SMALL + 2,
                        style="@chosen" if view == self.view and self.child is None else "@card")
        bars = self._bars()
        per_page = (BOTTOM_ROW - 16 - BAR_TOP) // (BAR_H + BAR_GAP)
        pages = max(1, -(-len(bars) // per_page))
        self.page = min(self.page, pages - 1)
        for i, (bar_id, label, rate, value, spoken, press) in enumerate(
                bars[self.page * per_page:(self.page + 1) * per_page]):
            rect = (MARGIN, BAR_TOP + i * (BAR_H + BAR_GAP), 1280 - 2 * MARGIN, BAR_H)
            self.button(bar_id, rect, label, press or (lambda s=spoken: self.app.say(s)), spoken=spoken,
                        style="@card", paint=lambda s, r, l=label, q=rate, v=value: self._paint_bar(s, r, l, q, v))
        self.empty = not bars
        self.button("back", (MARGIN, BOTTOM_ROW, 240, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)
        if pages > 1:
            self.button("more", (1280 - MARGIN - 240, BOTTOM_ROW, 240, 64), f"{self.page + 1} / {pages}  ›",
                        lambda: self._turn(pages), size=text.SMALL + 2,
                        spoken=self.tr("desk.more_spoken", page=self.page + 1, pages=pages))

    def _bars(self) -> list[tuple]:
        """(id, label, 0..1 or None, value shown, spoken, on press) a bar."""
        report, tr = self.report, self.tr
        if self.child is not None:
            weeks = report.weeks.get(self.child, [])
            return [(f"week_{w}", w, right / n, f"{round(100 * right / n)} %",
                     tr("desk.spoken_week", week=w, percent=round(100 * right / n), n=n), None)
                    for w, n, right in weeks]
        if self.view == "children":
            return [(f"child_{c.profile_id}", c.nickname, c.first_try_rate, _percent(c.first_try_rate),
                     tr("desk.spoken_child_bar", name=c.nickname, percent=_percent(c.first_try_rate),
                        levels=c.levels_finished, stars=c.stars, minutes=round(c.time_ms / 60000), hints=c.hints),
                     lambda c=c: self._weeks(c.profile_id)) for c in report.children]
        if self.view == "levels":
            return [(f"level_{lv.pack_id}_{lv.level_id}", lv.title, lv.first_try_rate, _percent(lv.first_try_rate),
                     tr("desk.spoken_level_bar", title=lv.title, percent=_percent(lv.first_try_rate),
                        children=lv.children, finished=lv.finished), None) for lv in report.levels]
        if self.view == "teams":
            return self._team_bars()
        return [(f"question_{q.level_id}_{q.question_id}", q.prompt, q.first_try_rate, _percent(q.first_try_rate),
                 tr("desk.spoken_question_bar", prompt=q.prompt, percent=_percent(q.first_try_rate),
                    wrong=", ".join(f"{a} ({n})" for a, n in q.wrong_answers) or "-"), None)
                for q in report.questions]

    def _team_bars(self) -> list[tuple]:
        """A bar per team of each team quiz: its points against the game's best."""
        tr, bars = self.tr, []
        for n, game in enumerate(self.report.team_games):
            best = max((team.points for team in game.teams), default=0)
            for i, team in enumerate(game.teams):
                name = tr(f"team.names.{team.name}")
                bars.append((f"team_{n}_{i}", f"{name} · {game.title}", team.points / best if best else 0.0,
                             str(team.points), tr("desk.spoken_team_bar", day=game.day, title=game.title, team=name,
                                                  points=team.points, played=game.played), None))
        return bars

    def _next_scope(self) -> None:
        self.scope_index = (self.scope_index + 1) % len(self.scopes)
        self.child, self.page = None, 0
        self.refresh("scope")

    def _show(self, view: str) -> None:
        self.view, self.child, self.page = view, None, 0
        self.refresh(f"view_{view}")
        self._say_count()

    def _weeks(self, profile_id: int) -> None:
        self.child, self.page = profile_id, 0
        self.rebuild()
        name = next(c.nickname for c in self.report.children if c.profile_id == profile_id)
        self.app.say(self.tr("desk.weeks_of", name=name))
        first = next((item.id for item in self.focus.items if item.id.startswith("week_")), "back")
        self.focus.focus(first)

    def _say_count(self) -> None:
        if self.empty:
            self.app.say(self.tr("desk.learned_nothing"))

    def _turn(self, pages: int) -> None:
        self.page = (self.page + 1) % pages
        self.refresh("more")

    def back(self) -> None:
        if self.child is not None:
            self._show(self.view)
            return
        self.app.pop()

    def backdrop_key(self) -> tuple:
        return (self.scope_index, self.view, self.child, self.page)

    def draw(self, surface) -> None:
        title = self.heading()
        if self.child is not None:
            name = next(c.nickname for c in self.report.children if c.profile_id == self.child)
            title = self.tr("desk.weeks_of", name=name)
        backdrop(self, surface, title)
        if self.empty:
            message = self.tr("desk.learned_nothing")
            self.app.text.draw(surface, message, (MARGIN, BAR_TOP), text.BODY, palette.INK, 1180)

    def _paint_bar(self, surface, rect: pygame.Rect, label: str, rate: float | None, value: str) -> None:
        tr = self.app.text
        size = tr.fitting_size("Ag", text.SMALL + 2, LABEL_W, rect.height - 8, bold=True)
        shown = fit_line(tr, label, size, LABEL_W - 24, bold=True)
        _, height = tr.measure(shown, size, LABEL_W, bold=True)
        tr.draw(surface, shown, (rect.x + 16, rect.centery - height // 2), size, palette.INK, LABEL_W, bold=True)
        track = pygame.Rect(rect.x + LABEL_W + 16, rect.y + 10, rect.width - LABEL_W - VALUE_W - 32, rect.height - 20)
        pygame.draw.rect(surface, palette.PAPER, track, border_radius=6)
        pygame.draw.rect(surface, palette.GRANITE, track, width=2, border_radius=6)
        if rate:
            pygame.draw.rect(surface, palette.STEPPE_BLUE, (track.x, track.y, round(track.width * rate), track.height),
                             border_radius=6)
        tr.draw(surface, value, (track.right + 16, rect.centery - height // 2), size, palette.INK, VALUE_W - 24,
                bold=True)


def _percent(rate: float | None) -> str:
    return "–" if rate is None else f"{round(rate * 100)} %"
