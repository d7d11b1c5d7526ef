"""The headless pilot: run the real app in-process, press keys, click widgets, read what happened.

    with run_test(tmp_path) as pilot:
        pilot.press("tab", "return")
        pilot.click("option_0")
        assert pilot.scene.name == "quiz"
"""
from __future__ import annotations

import contextlib
import gc
import os
from pathlib import Path
from typing import Iterator

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402

from .core.questions import KINDS  # noqa: E402
from .core.questions.kind import KEYBOARD, MOUSE, TOUCH, Point, Press, Type  # noqa: E402
from .core.speech import RecordingSpeaker  # noqa: E402

FRAME = 1 / 60


def verifying_backdrops() -> bool:
    return "PYTEST_CURRENT_TEST" in os.environ or os.environ.get("OLKETANU_VERIFY_BACKDROPS") == "1"


class OutOfBounds(Exception):
    """The widget to click is not on the screen."""


class Pilot:
    def __init__(self, app, speaker: RecordingSpeaker) -> None:
        self.app = app
        self.speaker = speaker

    # -- what the player sees -----------------------------------------------------------------
    @property
    def scene(self):
        return self.app.scene

    @property
    def focused(self) -> str | None:
        item = self.app.scene.focus.focused
        return item.id if item else None

    @property
    def spoken(self) -> list[str]:
        return self.speaker.texts

    def widget_ids(self) -> list[str]:
        """Every focusable thing on the screen, in focus order."""
        return [item.id for item in self.app.scene.focus.items]

    def screenshot(self, path: Path) -> Path:
        self.app.invalidate()
        self.advance()
        pygame.image.save(self.app.display.canvas, str(path))
        return path

    # -- what the player does -----------------------------------------------------------------
    def advance(self, frames: int = 1) -> None:
        for _ in range(frames):
            self.app.step(pygame.event.get(), FRAME)

    def press(self, *keys: str) -> None:
        """Keys by pygame name: "tab", "return", "space", "escape", "up", "shift+tab", "f11"."""
        for name in keys:
            mods = 0
            if "+" in name and len(name) > 1:
                modifier, name = name.split("+", 1)
                mods = {"shift": pygame.KMOD_SHIFT, "ctrl": pygame.KMOD_CTRL}[modifier]
            key = pygame.key.key_code(name)
            self._post(pygame.KEYDOWN, key=key, mod=mods, unicode="", scancode=0)
            self._post(pygame.KEYUP, key=key, mod=mods, unicode="", scancode=0)

    def drawn_text(self) -> str:
        """Every text on the screen, one a line: the next frame is painted afresh while the text
        renderer is watched."""
        return "\n".join(words for words, _, _ in self.drawn_texts())

    def drawn_texts(self) -> list[tuple[str, pygame.Surface, pygame.Rect]]:
        """(text, the surface it went on, where) for every text of a frame painted afresh. A button's
        texts go on its own picture first, so rects compare only within one surface."""
        drawn: list[tuple[str, pygame.Surface, pygame.Rect]] = []
        renderer = self.app.text
        original, original_partial = renderer.draw, renderer.draw_partial

        def draw(surface, words, *args, **kwargs):
            rect = original(surface, words, *args, **kwargs)
            drawn.append((words, surface, rect))
            return rect

        def draw_partial(surface, words, *args, **kwargs):  # a story line: where the whole line stands
            rect = original_partial(surface, words, *args, **kwargs)
            drawn.append((words, surface, rect))
            return rect

        renderer.draw, renderer.draw_partial = draw, draw_partial
        try:
            self.app.scene.forget_drawings()
            self.app.invalidate()
            self.advance()
        finally:
            del renderer.draw, renderer.draw_partial
        return drawn

    def type(self, text: str) -> None:
        for char in text:
            self._post(pygame.TEXTINPUT, text=char)

    def click(self, widget_id: str) -> None:
        self.click_at(self._find(widget_id).rect.center)

    def _find(self, widget_id: str):
        for item in self.app.scene.focus.items:
            if item.id == widget_id:
                break
        else:
            raise OutOfBounds(f"no widget '{widget_id}' on {self.app.scene.name}: {self.widget_ids()}")
        if not self.app.display.canvas.get_rect().contains(item.rect):
            raise OutOfBounds(widget_id)
        return item

    def click_at(self, pos: tuple[int, int]) -> None:
        """A left click at a point of the 1280x720 canvas, sent where it is in the window."""
        pos = self.app.display.to_window(pos)
        self._post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        self._post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
        self._post(pygame.MOUSEBUTTONUP, pos=pos, button=1)

    def tap(self, widget_id: str) -> None:
        """A finger tap on a widget: FINGERDOWN and FINGERUP, as a touch screen sends them."""
        self.tap_at(self._find(widget_id).rect.center)

    def tap_at(self, pos: tuple[int, int]) -> None:
        """A finger tap at a point of the 1280x720 canvas."""
        x, y = self.app.display.to_window(pos)
        width, height = self.app.display.window.get_size()
        for kind in (pygame.FINGERDOWN, pygame.FINGERUP):
            self._post(kind, x=x / width, y=y / height, dx=0.0, dy=0.0, touch_id=1, finger_id=0, pressure=1.0)

    # -- answering a question as its type says a player does -----------------------------------
    def tab_to(self, widget_id: str, limit: int = 80) -> None:
        for _ in range(limit):
            if self.focused == widget_id:
                return
            self.press("tab")
        raise LookupError(f"{widget_id} never got the focus on {self.scene.name}")

    def answer(self, right: bool = True, mode: str = KEYBOARD) -> None:
        """Answers the question on screen (a quiz's, or one inside a story) right or wrongly, by keyboard,
        mouse or touch, along the route its type gives (game/core/questions)."""
        scene = self.scene
        question = getattr(scene.runner, "current_question", None) or scene.runner.current
        kind = KINDS[question.kind]
        for intent in (kind.right if right else kind.wrong)(question, scene.view, mode):
            if isinstance(intent, Press):
                self.press(intent.key)
            elif isinstance(intent, Type):
                self.type(intent.text)
            elif isinstance(intent, Point):
                at = scene.view.to_screen((intent.x, intent.y))
                self.tap_at(at) if mode == TOUCH else self.click_at(at)
            elif mode == TOUCH:
                self.tap(intent.widget)
            elif mode == MOUSE:
                self.click(intent.widget)
            else:
                self.tab_to(intent.widget)
                if intent.key:
                    self.press(intent.key)

    def _post(self, event_type: int, **attrs) -> None:
        # pygame's own queue is drained too, as App.run does: pygame-gui posts events there, and left
        # in the queue they keep removed widgets alive
        self.app.step([pygame.event.Event(event_type, attrs)] + pygame.event.get(), FRAME)


@contextlib.contextmanager
def run_test(data_dir: Path, language: str = "kk", level_dirs: list[Path] | None = None,
             window_size: tuple[int, int] = (1280, 720), database: str | None = None) -> Iterator[Pilot]:
    """The real app on the dummy video driver with its data in `data_dir`. Under pytest, every kept
    backdrop is checked against a freshly painted one (see Scene.paint)."""
    from .ui.boot import create_app
    speaker = RecordingSpeaker()
    app = create_app(data_dir, speaker=speaker, language=language, level_dirs=level_dirs,
                     window_size=window_size, database=database)
    app.verify_backdrops = verifying_backdrops()
    pilot = Pilot(app, speaker)
    pilot.advance()
    try:
        yield pilot
    finally:
        app.services.store.close()
        pygame.quit()
        gc.unfreeze()  # create_app froze the app's objects: let the next tests' collections free them
