"""A story level: pictures or the puppet theatre, lines that appear letter by letter, choices,
questions, going back over earlier lines, a log, and resuming where the child left off.

The scene holds no rules and writes nothing: a StorySession (game/core/sessions) moves through the
story, commits answers and saves the position after every line."""
from __future__ import annotations

import copy
from dataclasses import dataclass

import pygame

from ...core.model import StoryLevel
from ...core.sessions import StorySession
from .. import palette, text
from ..display import LOGICAL_SIZE
from ..questions import VIEWS
from ..questions.panels import answered_words, draw_answered, draw_prompt
from ..stage import PUPPET_SIZE, PuppetStage, puppet_picture
from ..text import fit_line
from ..widgets import panel
from .base import MARGIN, Scene
from .live_reload import LiveReload

PICTURE_PANEL = pygame.Rect(MARGIN, 470, 1280 - 2 * MARGIN, 210)
PUPPET_PANEL = pygame.Rect(MARGIN, 578, 1280 - 2 * MARGIN, 128)
PROMPT_RECT = pygame.Rect(MARGIN, 100, 1280 - 2 * MARGIN, 180)
FEEDBACK_RECT = pygame.Rect(MARGIN, 300, 1280 - 2 * MARGIN, 276)
CHOICE_H, CHOICE_GAP = 64, 12
SKIP_STEP = 0.12  # seconds a line already read stays on screen while skipping
AUTO_PAUSE = 2.0
ALL_LETTERS = 1_000_000
TEXT_W = 1280 - 2 * MARGIN - 64 - 270  # the line's width, clear of the continue button
PANEL_TOP = 120  # the highest a long line (with a second language and a source) may grow its panel
BOTTOM_PAD = 12


@dataclass(frozen=True)
class LineLayout:
    box: pygame.Rect
    words: str
    size: float
    below: str          # the line in the second language, or ""
    second: str | None
    source: str         # "Source: …", or "" (none, or hidden by the setting)
    plate_h: int
    text_top: int


class StoryScene(LiveReload, Scene):
    name = "story"
    unsaved_mark = (140, 66)  # on the curtain, beside the map button

    def __init__(self, app, level: StoryLevel, fresh: bool = False) -> None:
        super().__init__(app)
        self.level = level
        self.seed = 0
        self.session = StorySession(app.store, app.profile.id, level, fresh=fresh, recorder=app.recorder)
        self.stage = None
        if level.mode == "puppets":
            self.stage = PuppetStage(app.images, level.path.parent, {c.id: c.puppet for c in level.characters})
            self.stage.reduced_motion = app.settings.reduced_motion
        self.review = 0          # how many lines back the child is looking (0: the present)
        self.log_open = False
        self.skipping = False
        self.view = None
        # the stage as it stood at each line read here (by its place in the history), for looking back;
        # lines read before a resume show today's stage
        self.stages: dict[int, dict] = {}
        self._new_step(first=True)
        self._watch_start()

    def restore(self, level: StoryLevel, state: dict) -> bool:
        """After a live reload: the same line in the new level if it still exists."""
        self.level = level
        kept = self.session.reload(level)
        self.review = 0
        self._new_step(first=True)
        return kept

    # -- what is on screen --------------------------------------------------------------------
    @property
    def runner(self):
        return self.session.runner

    @property
    def panel_rect(self) -> pygame.Rect:
        """The text panel: it grows upwards with large text, and further when the line with its second
        language and its source needs the room."""
        line = self._shown_line()
        return self._line_layout(line).box if line is not None else self._base_panel()

    def _base_panel(self) -> pygame.Rect:
        base = PUPPET_PANEL if self.stage is not None else PICTURE_PANEL
        grow = int((self.app.text.scale - 1) * (110 if self.stage is not None else 120))
        return pygame.Rect(base.x, base.y - grow, base.width, base.height + grow)

    def _line_layout(self, line) -> LineLayout:
        """Where the speaker's plate, the line, its second language and its source stand; the panel grows
        up to PANEL_TOP before the line's type gets smaller."""
        tr = self.app.text
        base = self._base_panel()
        words = line.text.get(self.app.lang)
        second = self.app.settings.second_language
        below = line.text.get(second) if second and second != self.app.lang else ""
        source = (self.tr("quiz.source", source=line.source)
                  if line.source and self.app.settings.show_sources else "")
        plate_h = tr.line_height(text.SMALL + 4, bold=True) + 8
        top_pad = max(22, plate_h - 26 + 6)  # the plate hangs 26 px above the panel
        extra = (2 + tr.measure(below, text.SMALL, TEXT_W, lang=second)[1] if below else 0) + (
            6 + tr.line_height(text.SMALL) if source else 0)
        wanted = 28 if self.stage is not None else 30
        height = max(base.height, top_pad + tr.measure(words, wanted, TEXT_W)[1] + extra + BOTTOM_PAD)
        height = min(height, base.bottom - PANEL_TOP)
        box = pygame.Rect(base.x, base.bottom - height, base.width, height)
        size = tr.fitting_size(words, wanted, TEXT_W, height - top_pad - extra - BOTTOM_PAD)
        return LineLayout(box, words, size, below, second, source, plate_h, box.y + top_pad)

    @property
    def accepting_answers(self) -> bool:
        return self.session.accepting_answers

    def _shown_line(self):
        """The line on screen: the current one, or an earlier one while looking back."""
        place = self._shown_place()
        if place is not None:
            scene_id, index = self.runner.history[place]
            return self.level.scene(scene_id).lines[index]
        return self.runner.current_line

    def _shown_place(self) -> int | None:
        """While looking back: the shown line's place in the history."""
        if not (self.review and self.runner.history):
            return None
        # history ends with the line on screen; at the choices (no line on screen) with the last line read
        back = self.review if self.runner.current_line is not None else self.review - 1
        return len(self.runner.history) - 1 - back

    def _sync_stage(self) -> None:
        """The stage as it stood at the line on screen, with its speaker in the light."""
        if self.stage is None:
            return
        line = self._shown_line()
        place = self._shown_place()
        stage = self.stages.get(place + 1, self.runner.stage) if place is not None else self.runner.stage
        self.stage.sync(stage, line.speaker if line else None, instant=True)

    def _speaker_name(self, line) -> str:
        character = self.level.character(line.speaker) if line.speaker else None
        return character.name.get(self.app.lang) if character else self.tr("story.narrator")

    def heading(self) -> str:
        line = self._shown_line()
        if line is not None:
            return f"{self._speaker_name(line)}: {line.text.get(self.app.lang)}"
        question = self.runner.current_question
        if question is not None:
            if self.session.feedback is not None:
                return answered_words(self, self.view, self.session.feedback)
            instructions = self.tr(self.view.instructions_key) if self.view.instructions_key else ""
            return f"{question.prompt.get(self.app.lang)} {instructions}".strip()
        if self.runner.choices:  # the options, and how to choose one: nothing is focused yet
            options = " ".join(f"{n}. {c.text.get(self.app.lang)}." for n, c in enumerate(self.runner.choices, 1))
            return f"{self.tr('story.choose')} {options} {self.tr('story.choose_how')}"
        return ""

    # -- building -----------------------------------------------------------------------------
    def build(self) -> None:
        runner = self.runner
        if self.log_open:  # the log covers the story: nothing of it is pressed through the log
            pass
        elif runner.choices and not self.review:
            area = self._choice_panel()
            for i, choice in enumerate(runner.choices):
                rect = (area.x + 32, area.y + 60 + i * (CHOICE_H + CHOICE_GAP), area.width - 64, CHOICE_H)
                self.button(f"choice_{i}", rect, choice.text.get(self.app.lang), lambda i=i: self.choose(i),
                            style="@card", size=text.BODY - 2)
        elif self.accepting_answers and not self.review:
            self.view.build()
        else:
            box = self.panel_rect
            label = self.tr("story.continue")
            self.button("continue", (box.right - 260, box.bottom - 66, 240, 56), label + "  ›", self.advance,
                        style="@primary", spoken=label, size=text.SMALL + 4)
        self.button("menu", (1280 - MARGIN - 160, 14, 160, 56), self.tr("story.menu"), self.back, size=text.SMALL)

    def _choice_panel(self) -> pygame.Rect:
        count = len(self.runner.choices)
        height = 76 + count * (CHOICE_H + CHOICE_GAP)
        return pygame.Rect(MARGIN, 720 - 16 - height, 1280 - 2 * MARGIN, height)

    # -- moving on ----------------------------------------------------------------------------
    def _new_step(self, first: bool = False) -> None:
        """The story moved (the session has saved where): reset the letters, set the stage, prepare a
        question, speak."""
        runner = self.runner
        line = runner.current_line
        speed = self.app.settings.text_speed
        self.letters = 0.0 if speed and line is not None else ALL_LETTERS
        self.waited = 0.0
        question = runner.current_question
        self.view = VIEWS[question.kind](self, question, list(range(question.part_count()))) if question else None
        if line is not None:
            self.stages[len(runner.history)] = copy.deepcopy(runner.stage)
        if self.stage is not None:
            self.stage.sync(runner.stage, line.speaker if line else None, instant=first)
        if line is not None and line.audio:
            self.app.sounds.play_file(self.level.path.parent / line.audio)

    def advance(self) -> None:
        """Enter, Space, a click: first show the whole line, then go on (or back to the present)."""
        if self.review:
            self.review -= 1
            self._sync_stage()
            self.rebuild(announce=True)
            return
        line = self.runner.current_line
        if line is not None and self.letters < len(line.text.get(self.app.lang)):
            self.letters = ALL_LETTERS
            return
        if not self.runner.can_advance:
            return
        self._after_move(self.session.advance())

    def choose(self, number: int) -> None:
        self._after_move(self.session.choose(number))

    def enter(self) -> None:
        super().enter()
        self._nothing_chosen_yet()

    def _nothing_chosen_yet(self) -> None:
        """A choice or an in-story question starts with nothing focused: the Space that goes on through the
        lines must never choose by itself. Tab or an arrow focuses the first option."""
        if (self.runner.choices or self.accepting_answers) and not self.review:
            self.focus.index = None

    def submit(self, value: object) -> None:
        feedback = self.session.answer(value)  # committed and fsynced before it comes back
        if feedback is None:
            return
        self.app.sounds.play("right" if feedback.correct else "not_yet")
        self.teardown()
        self.build()
        self.focus.focus_first(speak=False)
        self.announce()

    def _after_move(self, outcome) -> None:
        if outcome is not None:
            self.app.show("results", level=self.level, outcome=outcome)
            return
        self._new_step()
        self.teardown()
        self.build()
        self.focus.focus_first(speak=False)
        self._nothing_chosen_yet()
        if not self.skipping:
            self.announce()

    def back_one_line(self) -> None:
        """Back, PageUp or the mouse wheel: show the line before, without undoing any choice."""
        limit = len(self.runner.history) - (1 if self.runner.current_line is not None else 0)
        if self.review < limit:
            self.review += 1
            self._sync_stage()
            self.rebuild(announce=True)

    def back(self) -> None:
        if self.log_open:
            self.toggle_log()
            return
        self.app.show("map")

    def toggle_log(self) -> None:
        """L: the lines read so far, over the story; the story's buttons wait under it."""
        self.log_open = not self.log_open
        self.rebuild()
        if self.log_open:
            self.app.say(" ".join(self._log_lines()[-3:]))
        else:
            self._nothing_chosen_yet()

    # -- input and time -----------------------------------------------------------------------
    def handle_key(self, event) -> bool:
        if self.reload_key(event):
            return True
        if self.log_open and event.key not in (pygame.K_l, pygame.K_ESCAPE):
            return True  # the story waits under the log
        if self.view is not None and self.accepting_answers and not self.review and self.view.handle_key(event):
            return True
        if event.key in (pygame.K_BACKSPACE, pygame.K_PAGEUP) and not self.accepting_answers:
            self.back_one_line()
            return True
        if (event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER) and self.focus.focused is None
                and (self.runner.choices or self.accepting_answers) and not self.review):
            self.app.say(self.tr("story.choose_how"))  # nothing is chosen by a key that goes on through lines
            return True
        if event.key == pygame.K_PAGEDOWN and self.review:
            self.advance()
            return True
        if event.key == pygame.K_l:
            self.toggle_log()
            return True
        if event.key == pygame.K_s and not self.accepting_answers:
            self.skipping = not self.skipping
            self.app.notice(self.tr("story.skip_on" if self.skipping else "story.skip_off"), 2)
            return True
        return super().handle_key(event)

    def handle_event(self, event) -> bool:
        if self.log_open:
            return event.type in (pygame.MOUSEWHEEL, pygame.MOUSEBUTTONDOWN)
        if event.type == pygame.MOUSEWHEEL and not self.accepting_answers:
            self.back_one_line() if event.y > 0 else (self.advance() if self.review else None)
            return True
        if self.view is not None and self.accepting_answers and not self.review:
            return self.view.handle_event(event)
        if (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self._shown_line() is not None
                and self.panel_rect.collidepoint(event.pos)
                and not any(w.rect.collidepoint(event.pos) for w in self.widgets)):
            self.advance()
            return True
        return False

    def update(self, dt: float) -> bool:
        self.watch_file(dt)
        self.session.tick(dt)
        moving = self.stage.update(dt) if self.stage is not None else False
        line = self.runner.current_line
        if line is None or self.review:
            return moving
        full = len(line.text.get(self.app.lang))
        if self.letters < full:
            if self.stage is None or not self.stage.busy:
                self.letters += self.app.settings.text_speed * dt
            return True
        self.waited += dt
        if self.skipping:
            if not self.session.was_read_before():
                self.skipping = False
            elif self.waited >= SKIP_STEP:
                self.advance()
            return True
        if self.app.settings.auto_advance and line.speaker is None and self.waited >= AUTO_PAUSE + full / 15:
            self.advance()
            return True
        return moving or self.app.settings.auto_advance

    # -- drawing ------------------------------------------------------------------------------
    def draw(self, surface) -> None:
        scene = self.runner.scene
        background = self.level.path.parent / scene.background if scene.background else None
        self.draw_background(surface, background)
        if self.stage is not None:
            self.stage.draw(surface)
        if self.log_open:  # over the stage, in place of the line, the choices or the question
            self._draw_log(surface)
            return
        question = self.runner.current_question
        if question is not None and not self.review:
            shade = pygame.Surface(LOGICAL_SIZE, pygame.SRCALPHA)
            shade.fill((21, 48, 71, 200))
            surface.blit(shade, (0, 0))
            draw_prompt(self, surface, question, PROMPT_RECT)
            if self.session.feedback is not None:
                draw_answered(self, surface, self.view, self.session.feedback, FEEDBACK_RECT)
            else:
                self.view.draw(surface)
            return
        line = self._shown_line()
        if line is not None:
            self._draw_line(surface, line)
        elif self.runner.choices:
            area = self._choice_panel()
            panel(surface, area)
            self.app.text.draw(surface, self.tr("story.choose"), (area.x + 32, area.y + 12), 30, palette.INK,
                               area.width - 64, bold=True)

    def _draw_line(self, surface, line) -> None:
        tr = self.app.text
        layout = self._line_layout(line)
        box = layout.box
        character = self.level.character(line.speaker) if line.speaker else None
        if self.stage is None and character is not None and character.puppet:
            self._draw_speaker(surface, character.puppet, box)
        panel(surface, box, color=palette.PAPER if not self.review else palette.REVIEW_PAPER)
        color = palette.hex_color(character.color) if character else palette.NIGHT_BLUE
        plate_rect = self._plate(surface, self._speaker_name(line), box.x + 24, box.y - 26, layout.plate_h, color)
        if self.review:  # on a plate of its own at the right, clear of the name and of the panel's text
            label = fit_line(tr, self.tr("story.earlier"), text.SMALL, 400, bold=True)
            width = tr.measure(label, text.SMALL, 10_000, bold=True)[0] + 36
            self._plate(surface, label, max(plate_rect.right + 16, box.right - 300 - width), box.y - 26,
                        layout.plate_h, palette.NIGHT_BLUE, text.SMALL)
        words = layout.words
        letters = len(words) if self.review else min(len(words), int(self.letters))
        x, y = box.x + 32, layout.text_top
        tr.draw_partial(surface, words, letters, (x, y), layout.size, palette.INK, TEXT_W)
        y += tr.measure(words, layout.size, TEXT_W)[1]
        if layout.below and letters >= len(words):  # bilingual mode: the second language under the line
            y = tr.draw(surface, layout.below, (x, y + 2), text.SMALL, palette.MUTED_INK, TEXT_W,
                        lang=layout.second).bottom
        if layout.source and letters >= len(words):  # where the fact comes from, as in the quiz's feedback
            tr.draw(surface, fit_line(tr, layout.source, text.SMALL, TEXT_W),
                    (x, box.bottom - BOTTOM_PAD - tr.line_height(text.SMALL)), text.SMALL, palette.MUTED_INK, TEXT_W)

    def _draw_speaker(self, surface, puppet: str, box: pygame.Rect) -> None:
        """In pictures mode, the one who speaks stands at the right, behind the top of the line's panel,
        as in a visual novel (the puppet tale has its stage instead)."""
        image = self.app.images.get(puppet_picture(self.level.path.parent, puppet), PUPPET_SIZE)
        if image is not None:
            surface.blit(image, (box.right - 40 - PUPPET_SIZE[0], PICTURE_PANEL.y + 60 - PUPPET_SIZE[1]))

    def _plate(self, surface, label: str, x: int, y: int, height: int, color, size: int = text.SMALL + 4):
        """A name on a coloured plate hanging over the panel's top edge."""
        tr = self.app.text
        words = tr.block(label, size, palette.PAPER, 600, bold=True)[0]
        rect = pygame.Rect(x, y, words.get_width() + 36, height)
        pygame.draw.rect(surface, color, rect, border_radius=12)
        pygame.draw.rect(surface, palette.INK, rect, width=3, border_radius=12)
        surface.blit(words, (rect.x + 18, rect.y + (height - words.get_height()) // 2))
        return rect

    def _log_lines(self) -> list[str]:
        lines = []
        for scene_id, index in self.runner.history[-12:]:
            line = self.level.scene(scene_id).lines[index]
            lines.append(f"{self._speaker_name(line)}: {line.text.get(self.app.lang)}")
        return lines

    def _draw_log(self, surface) -> None:
        box = pygame.Rect(MARGIN, 84, 1280 - 2 * MARGIN, 600)
        panel(surface, box)
        tr = self.app.text
        y = tr.draw(surface, self.tr("story.log"), (box.x + 28, box.y + 16), 32, palette.INK, box.width - 56,
                    bold=True).bottom + 8
        step = tr.line_height(text.SMALL) - tr.font(text.SMALL).get_height()  # what draw adds after the last line
        shown, room = [], box.bottom - 16 - y
        for entry in reversed(self._log_lines()):  # the latest lines that fit, in reading order
            height = tr.measure(entry, text.SMALL, box.width - 56)[1] - step + 6
            if height > room:
                break
            shown.insert(0, entry)
            room -= height
        for entry in shown:
            y = tr.draw(surface, entry, (box.x + 28, y), text.SMALL, palette.INK, box.width - 56).bottom + 6
