"""A team quiz on the big screen: the question large (and read aloud), its options numbered, the teams
along the bottom with their keys and whose turn it is, the talk countdown; then the right answer with
the explanation and source, then the scoreboard (its bars grow, unless "less movement" is on).

The rules are the core's (game/core/sessions/team_quiz.py): this screen draws the session's state and
sends it intents: a team's key, a click or Enter on an option for the team whose turn it is, and the
leader's keys (R reveal, P pause, N skip, E or Esc end, each also a button)."""
from __future__ import annotations

import pygame

from ...core.questions.choice import TrueFalse
from ...core.sessions.team_quiz import TeamPhase, TeamQuizSession
from .. import palette, text
from ..widgets import panel
from .base import MARGIN, Scene
from .team_parts import ANSWERED_TEAMS_TOP, GAP, draw_score_bars, draw_team_cards

TOP_BAR = 72
PROMPT_RECT = pygame.Rect(MARGIN, TOP_BAR + 12, 1280 - 2 * MARGIN, 150)
OPTIONS_TOP, OPTION_H = 246, 84
# with the answer shown, the question gives room to the explanation
ANSWERED_PROMPT = pygame.Rect(MARGIN, TOP_BAR + 12, 1280 - 2 * MARGIN, 100)
ANSWER_RECT = pygame.Rect(MARGIN, ANSWERED_PROMPT.bottom + 12, 1280 - 2 * MARGIN,
                          ANSWERED_TEAMS_TOP - ANSWERED_PROMPT.bottom - 24)
BUTTONS_TOP, BUTTON_H = 620, 64
CONFIRM_RECT = pygame.Rect(240, 180, 800, 340)
GROW_SECONDS = 0.8  # the scoreboard's bars grow this long (at once with less movement)

TEAM_KEYS = ((pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4), (pygame.K_7, pygame.K_8, pygame.K_9, pygame.K_0),
             (pygame.K_a, pygame.K_s, pygame.K_d, pygame.K_f), (pygame.K_j, pygame.K_k, pygame.K_l, pygame.K_SEMICOLON))
# the same keys by their place on the keyboard, whatever the layout (a Kazakh or Russian one gives other letters)
TEAM_SCANCODES = ((pygame.KSCAN_1, pygame.KSCAN_2, pygame.KSCAN_3, pygame.KSCAN_4),
                  (pygame.KSCAN_7, pygame.KSCAN_8, pygame.KSCAN_9, pygame.KSCAN_0),
                  (pygame.KSCAN_A, pygame.KSCAN_S, pygame.KSCAN_D, pygame.KSCAN_F),
                  (pygame.KSCAN_J, pygame.KSCAN_K, pygame.KSCAN_L, pygame.KSCAN_SEMICOLON))
LEADER_KEYS = {pygame.K_r: "reveal", pygame.K_p: "pause", pygame.K_n: "skip", pygame.K_e: "end"}


class TeamQuizScene(Scene):
    name = "team_quiz"

    def __init__(self, app, level, teams, talk_seconds: int, speed_bonus: bool, seed: int | None = None) -> None:
        super().__init__(app)
        self.level = level
        self.session = TeamQuizSession(app.store, level, teams, talk_seconds=talk_seconds, speed_bonus=speed_bonus,
                                       seed=seed, on_trouble=app.storage_trouble)
        self.confirming = False  # the leader asked to end: the game waits for the answer
        self.grown = 1.0  # how far the scoreboard's bars have grown (0..1)
        self._time_up_told = False

    # -- words ----------------------------------------------------------------------------------
    def team_name(self, i: int) -> str:
        return self.tr(f"team.names.{self.session.teams[i].name}")

    def _names(self, teams: list[int]) -> str:
        return ", ".join(self.team_name(i) for i in teams)

    def option_label(self, shown: int) -> str:
        question = self.session.question
        original = self.session.order(question)[shown]
        if isinstance(question, TrueFalse):
            return self.tr("quiz.true" if original == 0 else "quiz.false")
        return question.options[original].item.label(self.app.lang)

    def status(self, i: int) -> str:
        session = self.session
        if session.phase is TeamPhase.ASKING:
            if i in session.choices:
                return self.tr("team.answered")
            if session.turn == i:
                return self.tr("team.your_turn")
            return self.tr("team.no_answer") if session.turn is None else self.tr("team.waiting")
        if i in session.gained:
            return self.tr("team.gained", points=session.gained[i])
        if i in session.choices:
            return self.tr("team.chose", n=session.choices[i] + 1)
        return self.tr("team.no_answer")

    def _asking_words(self) -> list[str]:
        session = self.session
        words = [self.tr("quiz.progress", n=session.number, total=session.total),
                 session.question.prompt.get(self.app.lang)]
        words += [f"{n + 1}: {self.option_label(n)}." for n in range(session.option_count())]
        return words

    def _state_words(self) -> str:
        session = self.session
        if session.paused:
            return self.tr("team.paused")
        if session.turn is not None:
            return self.tr("team.turn", team=self.team_name(session.turn))
        return self.tr("team.time_up" if session.time_up else "team.all_answered")

    def _answer_words(self) -> list[str]:
        session, question = self.session, self.session.question
        right = session.right_option()
        words = [self.tr("team.right_answer", n=right + 1, answer=self.option_label(right))]
        if question.explanation:
            words.append(question.explanation.get(self.app.lang))
        if question.source and self.app.settings.show_sources:  # on a projector, the first of its sources
            first, *more = question.source.split("; ")
            words.append(self.tr("quiz.source", source=first + ("; …" if more else "")))
        return words

    def _standing(self) -> str:
        session = self.session
        if not any(score.points for score in session.scores):
            return self.tr("team.no_points")
        key = "team.winner" if session.phase is TeamPhase.OVER and len(session.leaders()) == 1 else (
            "team.tie" if session.phase is TeamPhase.OVER else "team.leading")
        return self.tr(key, teams=self._names(session.leaders()))

    def _scoreboard_title(self) -> str:
        session = self.session
        if session.phase is TeamPhase.OVER:
            return self.tr("team.over")
        return self.tr("team.scoreboard", n=session.number, total=session.total)

    def heading(self) -> str:
        session = self.session
        if self.confirming:
            return self.tr("team.end_question")
        if session.phase is TeamPhase.ASKING:
            return " ".join(self._asking_words() + [self._state_words()])
        if session.phase is TeamPhase.REVEALED:
            teams = [f"{self.team_name(i)}: {self.status(i)}." for i in range(len(session.teams))]
            return " ".join(self._answer_words()[:1] + teams + self._answer_words()[1:])
        points = [self.tr("team.points_spoken", team=self.team_name(i), points=s.points)
                  for i, s in enumerate(session.scores)]
        words = [self._scoreboard_title(), self._standing()] + points
        if session.phase is TeamPhase.OVER:
            words.append(self.tr("team.kept" if session.saved else "team.not_kept"))
        return ". ".join(words)

    # -- widgets --------------------------------------------------------------------------------
    def build(self) -> None:
        session, tr = self.session, self.tr
        if self.confirming:
            box = CONFIRM_RECT
            self.button("play_on", (box.x + 40, box.bottom - 112, 340, 80), tr("team.end_no"), self._play_on,
                        style="@primary", size=text.SMALL + 4)
            self.button("end_yes", (box.right - 380, box.bottom - 112, 340, 80), tr("team.end_yes"), self._end_now,
                        size=text.SMALL + 4)
            return
        if session.phase is TeamPhase.ASKING:
            width = (ANSWER_RECT.width - GAP) // 2
            open_to_answer = session.turn is not None and not session.paused
            for n in range(session.option_count()):
                rect = (MARGIN + (n % 2) * (width + GAP), OPTIONS_TOP + (n // 2) * (OPTION_H + GAP), width, OPTION_H)
                label = f"{n + 1}. {self.option_label(n)}"
                spoken = tr("team.option_spoken", n=n + 1, answer=self.option_label(n),
                            team=self.team_name(session.turn) if session.turn is not None else "-")
                self.button(f"option_{n}", rect, label, lambda n=n: self.choose(n), spoken=spoken, style="@card",
                            size=30, enabled=open_to_answer)
            self._leader_buttons([("reveal", tr("team.reveal"), self.reveal, "@primary"),
                                  ("pause", tr("team.resume" if session.paused else "team.pause"), self.pause, None),
                                  ("skip", tr("team.skip"), self.skip, None), ("end", tr("team.end"), self.end, None)])
        elif session.phase is TeamPhase.REVEALED:
            self._leader_buttons([("go_on", tr("team.to_scoreboard"), self.go_on, "@primary"),
                                  ("end", tr("team.end"), self.end, None)])
        elif session.phase is TeamPhase.SCOREBOARD:
            last = session.number >= session.total
            self._leader_buttons([("go_on", tr("team.see_results" if last else "team.next_question"), self.go_on,
                                   "@primary"), ("end", tr("team.end"), self.end, None)])
        else:
            self._leader_buttons([("done", tr("team.back_to_desk"), self.back_to_desk, "@primary")])

    def _leader_buttons(self, buttons: list) -> None:
        width = (1280 - 2 * MARGIN - 3 * GAP) // 4
        for i, (widget_id, label, action, style) in enumerate(buttons):
            wide = width * 2 + GAP if style == "@primary" and len(buttons) < 4 else width
            x = MARGIN if i == 0 else 1280 - MARGIN - (len(buttons) - i) * (width + GAP) + GAP
            self.button(widget_id, (x, BUTTONS_TOP, wide, BUTTON_H), label, action, style=style or "@button",
                        size=text.SMALL + 2)

    def first_focus(self) -> str | None:
        phase = self.session.phase
        if self.confirming:
            return "play_on"
        if phase is TeamPhase.ASKING:
            return "option_0" if self.session.turn is not None and not self.session.paused else "reveal"
        return "done" if phase is TeamPhase.OVER else "go_on"

    def _show(self, announce: bool = True) -> None:
        """The state changed: build again, focus what the leader presses next, and say it."""
        self.teardown()
        self.build()
        self.focus.focus(self.first_focus(), speak=False)
        if announce:
            self.announce()
        else:
            self.focus.speak_focused()

    # -- intents ----------------------------------------------------------------------------------
    def choose(self, shown: int) -> None:
        """An option pressed (mouse, touch or Enter): the answer of the team whose turn it is."""
        self._answered(self.session.turn, self.session.answer_for_turn(shown))

    def team_key(self, team: int, shown: int) -> None:
        session = self.session
        if team >= len(session.teams) or session.phase is not TeamPhase.ASKING or session.paused:
            return
        if session.turn is not None and team != session.turn and team not in session.choices:
            self.app.say(self.tr("team.not_turn", team=self.team_name(session.turn)))
            return
        self._answered(team, session.answer(team, shown))

    def _answered(self, team: int | None, taken: bool) -> None:
        if not taken:
            return
        self.app.sounds.play("tap")
        self._show(announce=False)
        self.app.say(f"{self.tr('team.answered_spoken', team=self.team_name(team))}. {self._state_words()}")

    def reveal(self) -> None:
        if self.session.reveal():
            self.app.sounds.play("right" if self.session.gained else "not_yet")
            self._show()

    def pause(self) -> None:
        if self.session.phase is TeamPhase.ASKING:
            self.session.toggle_pause()
            self._show(announce=False)
            self.app.say(self._state_words())

    def skip(self) -> None:
        if self.session.skip():
            self._time_up_told = False
            self._show()

    def go_on(self) -> None:
        if self.session.go_on():
            self._time_up_told = False
            if self.session.phase in (TeamPhase.SCOREBOARD, TeamPhase.OVER):
                self.grown = 1.0 if self.app.settings.reduced_motion else 0.0
            self._show()

    def end(self) -> None:
        """E, Esc or the button: ask first."""
        if self.session.phase is TeamPhase.OVER:
            return
        self.confirming = True
        self._show()

    def _play_on(self) -> None:
        self.confirming = False
        self._show()

    def _end_now(self) -> None:
        self.confirming = False
        self.session.end()
        self.grown = 1.0 if self.app.settings.reduced_motion else 0.0
        self._show()

    def back_to_desk(self) -> None:
        self.app.pop()

    def back(self) -> None:
        if self.session.phase is TeamPhase.OVER:
            self.back_to_desk()
        elif self.confirming:
            self._play_on()
        else:
            self.end()

    # -- input and time ---------------------------------------------------------------------------
    def handle_key(self, event) -> bool:
        if not self.confirming and event.key in LEADER_KEYS:
            getattr(self, LEADER_KEYS[event.key])()
            return True
        if self.confirming and event.key == pygame.K_e:
            self._end_now()
            return True
        if not self.confirming:
            for team, (keys, scancodes) in enumerate(zip(TEAM_KEYS, TEAM_SCANCODES)):
                for shown, (key, scancode) in enumerate(zip(keys, scancodes)):
                    if event.key == key or (getattr(event, "scancode", 0) and event.scancode == scancode):
                        self.team_key(team, shown)
                        return True
        return super().handle_key(event)

    def update(self, dt: float) -> bool:
        session = self.session
        counting = session.time_left is not None and not session.time_up and not session.paused
        session.tick(dt)
        if session.phase is TeamPhase.ASKING and session.time_up and not self._time_up_told:
            self._time_up_told = True
            self._show(announce=False)
            self.app.say(self.tr("team.time_up"))
        growing = self.grown < 1.0
        if growing:
            self.grown = min(1.0, self.grown + dt / GROW_SECONDS)
        return counting or growing

    # -- drawing ----------------------------------------------------------------------------------
    def backdrop_key(self) -> tuple:
        s = self.session
        return (self.confirming, s.phase, s.position, tuple(sorted(s.choices.items())), s.paused, s.time_up,
                s.saved, s.turn, self.app.settings.show_sources, self.app.settings.big_screen)

    def draw(self, surface) -> None:
        surface.fill(palette.STEPPE_BLUE)
        session, tr = self.session, self.app.text
        pygame.draw.rect(surface, palette.NIGHT_BLUE, (0, 0, 1280, TOP_BAR))
        title = self.level.title.get(self.app.lang)
        tr.draw(surface, title, (MARGIN, 16), tr.fitting_size(title, 30, 560, 52, bold=True), palette.PAPER, 560,
                bold=True)
        if session.phase in (TeamPhase.ASKING, TeamPhase.REVEALED):
            progress = self.tr("quiz.progress", n=session.number, total=session.total)
            tr.draw(surface, progress, (640, 18), tr.fitting_size(progress, text.BODY, 360, 48, bold=True),
                    palette.SUN_GOLD, 360, bold=True)
        if self.confirming:
            self._draw_confirm(surface)
            return
        if session.phase in (TeamPhase.ASKING, TeamPhase.REVEALED):
            self._draw_prompt(surface)
            if session.phase is TeamPhase.REVEALED:
                self._draw_answer(surface)
            draw_team_cards(self, surface)
        else:
            self._draw_scoreboard_words(surface)

    def _draw_prompt(self, surface) -> None:
        tr, question = self.app.text, self.session.question
        rect = PROMPT_RECT if self.session.phase is TeamPhase.ASKING else ANSWERED_PROMPT
        panel(surface, rect)
        inner = rect.inflate(-48, -24)
        prompt = question.prompt.get(self.app.lang)
        size = tr.fitting_size(prompt, 40, inner.width, inner.height, bold=True)
        tr.draw(surface, prompt, inner.topleft, size, palette.INK, inner.width, bold=True)

    def _draw_answer(self, surface) -> None:
        """The right answer, then why (the explanation) and where it comes from, at one size: no small print."""
        tr = self.app.text
        panel(surface, ANSWER_RECT)
        inner = ANSWER_RECT.inflate(-48, -24)
        first, *rest = self._answer_words()
        head = tr.fitting_size(first, 30, inner.width, inner.height // 2, bold=True)
        y = tr.draw(surface, first, inner.topleft, head, palette.PINE_GREEN, inner.width, bold=True).bottom + 6
        if rest:
            words, room = "\n".join(rest), inner.bottom - y
            # the body size when it fits (a big screen: half as large again), else smaller, never below SMALL
            size = tr.fitting_size(words, text.BODY, inner.width, room)
            if tr.measure(words, size, inner.width)[1] > room:
                size = tr.fitting_size(words, text.SMALL, inner.width, room)
            tr.draw(surface, words, (inner.x, y), size, palette.INK, inner.width)

    def _draw_scoreboard_words(self, surface) -> None:
        tr, session = self.app.text, self.session
        title = self._scoreboard_title()
        tr.draw(surface, title, (MARGIN, TOP_BAR + 16), tr.fitting_size(title, 40, 1184, 64, bold=True),
                palette.PAPER, 1184, bold=True)
        standing = self._standing()
        tr.draw(surface, standing, (MARGIN, TOP_BAR + 80), tr.fitting_size(standing, 30, 1184, 52, bold=True),
                palette.SUN_GOLD, 1184, bold=True)
        if session.phase is TeamPhase.OVER:
            kept = self.tr("team.kept" if session.saved else "team.not_kept")
            tr.draw(surface, kept, (MARGIN, BUTTONS_TOP - 76), tr.fitting_size(kept, text.SMALL + 2, 1184, 52),
                    palette.PAPER, 1184)

    def draw_live(self, surface) -> None:
        session = self.session
        if not self.confirming and session.phase in (TeamPhase.SCOREBOARD, TeamPhase.OVER):
            draw_score_bars(self, surface)
        if self.confirming or session.phase is not TeamPhase.ASKING:
            return
        tr = self.app.text
        if session.paused:
            words = self.tr("team.paused")
        elif session.time_left is not None:
            words = f"{int(session.time_left + 0.999) // 60}:{int(session.time_left + 0.999) % 60:02d}"
            pygame.draw.rect(surface, palette.SUN_GOLD,
                             (0, TOP_BAR - 8, int(1280 * session.time_left / session.talk_seconds), 8))
        else:
            return
        size = tr.fitting_size(words, 40, 230, TOP_BAR - 16, bold=True)
        tr.draw(surface, words, (1280 - MARGIN - 230, 8), size, palette.SUN_GOLD, 230, bold=True, align="right")

    def _draw_confirm(self, surface) -> None:
        box = CONFIRM_RECT
        panel(surface, box)
        tr, words = self.app.text, self.tr("team.end_question")
        width, room = box.width - 80, box.height - 32 - 124
        tr.draw(surface, words, (box.x + 40, box.y + 32), tr.fitting_size(words, 30, width, room, bold=True),
                palette.INK, width, bold=True)
