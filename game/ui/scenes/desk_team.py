"""A team quiz, set up at the leader's desk: a quiz level, then 2-4 teams (a name and a colour each, from
fixed lists: pressing one gives the next that no other team has), the seconds of team talk, the speed
bonus, the big screen and reading aloud. Start opens the game (game/core/sessions/team_quiz.py)."""
from __future__ import annotations

import dataclasses

import pygame

from ...core.sessions.team_quiz import (DEFAULT_TALK, MAX_TEAMS, MIN_TEAMS, TALK_SECONDS, TEAM_COLOURS, TEAM_NAMES,
                                        Team, default_teams, next_free, playable)
from ...core.settings import cycle
from .. import palette, text
from .base import MARGIN, Scene
from .desk_parts import BOTTOM_ROW, Card, backdrop, card_grid

ROW_H, ROW_GAP, HALF, TOP = 56, 10, (1280 - 2 * MARGIN - 24) // 2, 140


class DeskTeamScene(Scene):
    name = "desk_team"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.level = None
        self.teams: list[Team] = default_teams(3)
        self.talk = DEFAULT_TALK
        self.bonus = False
        self.page = 0

    def heading(self) -> str:
        return self.title

    def _levels(self) -> list:
        return [lv.level for lv in self.app.catalog.levels()
                if lv.ok and lv.level.kind == "quiz" and any(playable(q) for q in lv.level.questions)]

    def build(self) -> None:
        if self.level is None:
            self.title, self.message = self.tr("team.pick_level"), ""
            cards = []
            for level in self._levels():
                title, n = level.title.get(self.app.lang), sum(playable(q) for q in level.questions)
                cards.append(Card(f"level_{level.pack_id}_{level.id}", self.tr("team.level_card", title=title, n=n),
                                  lambda lv=level: self._choose(lv), self.tr("team.level_spoken", title=title, n=n)))
            self.page = card_grid(self, cards, self.page, 130, BOTTOM_ROW - 16, columns=2, card_h=96,
                                  on_page=self._page)
        else:
            self._build_setup()
        self.button("back", (MARGIN, BOTTOM_ROW, 240, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)

    def _build_setup(self) -> None:
        tr, on_off = self.tr, lambda flag: self.tr("settings.on" if flag else "settings.off")
        self.title = tr("team.setup_heading", title=self.level.title.get(self.app.lang))
        left_out = sum(not playable(q) for q in self.level.questions)
        self.message = tr("team.left_out", n=left_out) if left_out else ""
        rows = [("count", tr("team.teams_count", n=len(self.teams)), self._count, None),
                ("talk", tr("team.talk", seconds=self.talk) if self.talk else tr("team.talk_off"), self._talk, None)]
        for i, team in enumerate(self.teams):
            name, colour = tr(f"team.names.{team.name}"), tr(f"team.colours.{team.colour}")
            label = tr("team.team_colour", colour=colour)
            rows.append((f"name_{i}", tr("team.team_name", n=i + 1, name=name), lambda i=i: self._rename(i),
                         tr("team.team_name_spoken", n=i + 1, name=name)))
            rows.append((f"colour_{i}", label, lambda i=i: self._recolour(i),
                         (tr("team.team_colour_spoken", n=i + 1, colour=colour), team.colour)))
        rows += [("bonus", tr("team.bonus", value=on_off(self.bonus)), self._bonus, None),
                 ("big_screen", tr("team.big_screen", value=on_off(self.app.settings.big_screen)), self._big_screen,
                  None),
                 ("read_aloud", tr("team.read_aloud", value=on_off(self.app.speech_on)), self._read_aloud, None)]
        for place, (widget_id, label, action, extra) in enumerate(rows):
            rect = (MARGIN + (place % 2) * (HALF + 24), TOP + (place // 2) * (ROW_H + ROW_GAP), HALF, ROW_H)
            if isinstance(extra, tuple):  # a colour: its swatch beside its name
                spoken, colour = extra
                self.button(widget_id, rect, label, action, spoken=spoken, style="@card",
                            paint=lambda s, r, c=colour, w=label: self._paint_colour(s, r, c, w))
            else:
                self.button(widget_id, rect, label, action, spoken=extra, style="@card", size=text.SMALL + 2)
        self.button("start", (1280 - MARGIN - 360, BOTTOM_ROW, 360, 64), tr("team.start"), self._start,
                    style="@primary", size=text.SMALL + 2)

    def _paint_colour(self, surface, rect: pygame.Rect, colour: str, label: str) -> None:
        swatch = pygame.Rect(rect.x + 14, rect.y + 10, rect.height - 20, rect.height - 20)
        pygame.draw.rect(surface, palette.TEAM_RGB[colour], swatch, border_radius=8)
        pygame.draw.rect(surface, palette.INK, swatch, width=3, border_radius=8)
        tr, width = self.app.text, rect.width - swatch.width - 44
        size = tr.fitting_size(label, text.SMALL + 2, width, rect.height - 8, bold=True)
        height = tr.measure(label, size, width, bold=True)[1]
        tr.draw(surface, label, (swatch.right + 16, rect.centery - height // 2), size, palette.INK, width, bold=True)

    # -- intents ----------------------------------------------------------------------------------
    def _page(self, page: int) -> None:
        self.page = page
        self.refresh("more")

    def _choose(self, level) -> None:
        self.level = level
        self.rebuild(announce=True)
        self.focus.focus("start", speak=False)

    def _count(self) -> None:
        count = len(self.teams) + 1 if len(self.teams) < MAX_TEAMS else MIN_TEAMS
        while len(self.teams) < count:
            taken_names, taken_colours = {t.name for t in self.teams}, {t.colour for t in self.teams}
            self.teams.append(Team(next(n for n in TEAM_NAMES if n not in taken_names),
                                   next(c for c in TEAM_COLOURS if c not in taken_colours)))
        del self.teams[count:]
        self.refresh("count")

    def _rename(self, i: int) -> None:
        taken = {t.name for j, t in enumerate(self.teams) if j != i}
        self.teams[i] = dataclasses.replace(self.teams[i], name=next_free(TEAM_NAMES, self.teams[i].name, taken))
        self.refresh(f"name_{i}")

    def _recolour(self, i: int) -> None:
        taken = {t.colour for j, t in enumerate(self.teams) if j != i}
        self.teams[i] = dataclasses.replace(self.teams[i],
                                            colour=next_free(TEAM_COLOURS, self.teams[i].colour, taken))
        self.refresh(f"colour_{i}")

    def _talk(self) -> None:
        self.talk = cycle(TALK_SECONDS, self.talk)
        self.refresh("talk")

    def _bonus(self) -> None:
        self.bonus = not self.bonus
        self.refresh("bonus")

    def _big_screen(self) -> None:
        self.app.apply_settings(dataclasses.replace(self.app.settings, big_screen=not self.app.settings.big_screen))
        self.focus.speak_focused()

    def _read_aloud(self) -> None:
        self.app.toggle_speech(save=False)
        self.refresh("read_aloud")

    def _start(self) -> None:
        self.app.open("team_quiz", level=self.level, teams=list(self.teams), talk_seconds=self.talk,
                      speed_bonus=self.bonus)

    def back(self) -> None:
        if self.level is not None:
            self.level = None
            self.rebuild(announce=True)
            return
        self.app.pop()

    def backdrop_key(self) -> tuple:
        return (self.title, self.message)

    def draw(self, surface) -> None:
        backdrop(self, surface, self.title, self.message)
