"""A monkey plays: 20,000+ random keys, clicks, wheel turns, text, window resizes and language
switches through the real app, in every scene. Nothing may raise, and memory must stop growing.

Seeded, so a failure replays exactly. For a longer run: OLKETANU_MONKEY_EVENTS=200000.
"""
from __future__ import annotations

import ctypes
import gc
import os
import random
import time

import pygame
import pytest

from conftest import LEVELS, ROOT
from game.core.text import LANGUAGES
from game.testing import FRAME, run_test

pytestmark = pytest.mark.slow

EVENTS = int(os.environ.get("OLKETANU_MONKEY_EVENTS", "20000"))
SEED = int(os.environ.get("OLKETANU_MONKEY_SEED", "20240917"))
SCENES = {"title", "profiles", "create_profile", "map", "quiz", "story", "results"}

KEYS = (["tab"] * 12 + ["up", "down", "left", "right"] * 3 + ["return"] * 3 + ["space"] * 2 + ["escape"]
        + ["f11", "backspace", "delete", "home", "end", "page up", "page down", "keypad enter", "insert", "f1", "h",
           "a", "z", "1", "left shift", "caps lock", "menu"])
TYPED = list("abcxyz АБВабвӘәҒғҚқҢңӨөҰұҮүҺһІіЁё0123456789 -_.,!?'\"@#") + ["🙂", "Айгүл", "Ерлан Қасымұлы", "x" * 40]
SIZES = [(1280, 720)] * 4 + [(800, 600), (1024, 768), (640, 360), (320, 240), (1366, 768), (1600, 900)]


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def surface_bytes(value) -> int:
    if isinstance(value, pygame.Surface):
        return value.get_width() * value.get_height() * value.get_bytesize()
    if isinstance(value, (list, tuple)):
        return sum(surface_bytes(v) for v in value)
    if isinstance(value, dict):
        return sum(surface_bytes(v) for v in value.values())
    return 0


def live_memory(app) -> tuple[int, int, int]:
    """RSS, the part of it in the game's bounded picture caches, and the number of Python objects --
    after freeing what can be freed: glibc keeps freed memory in its arenas (RSS ~150 MB above what
    is live after a while); malloc_trim gives it back, so that what is measured is what is held."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    # the text cache keeps 600 rendered texts, more bytes at 200 % text size; pictures, one per size
    caches = surface_bytes(getattr(app.text, "_cache", {})) + surface_bytes(getattr(app.images, "_cache", {}))
    return rss_bytes(), caches, len(gc.get_objects())


class Monkey:
    def __init__(self, pilot, rnd: random.Random) -> None:
        self.pilot = pilot
        self.app = pilot.app
        self.rnd = rnd
        self.events = 0
        self.visited: dict[str, int] = {}
        self.quits = 0

    # -- events ---------------------------------------------------------------------------------
    def window_point(self) -> tuple[int, int]:
        w, h = self.app.display.window.get_size()
        if self.rnd.random() < 0.05:  # outside the window, as SDL reports during a drag
            return self.rnd.randint(-50, w + 50), self.rnd.randint(-50, h + 50)
        return self.rnd.randrange(max(1, w)), self.rnd.randrange(max(1, h))

    def widget_point(self) -> tuple[int, int] | None:
        items = self.app.scene.focus.items if self.app.scene is not None else []
        if not items:
            return None
        rect = self.rnd.choice(items).rect
        x = rect.x + self.rnd.randrange(max(1, rect.width))
        y = rect.y + self.rnd.randrange(max(1, rect.height))
        return self.app.display.to_window((x, y))

    def key(self, name: str, shift: bool = False) -> list[pygame.event.Event]:
        code = pygame.key.key_code(name)
        mod = pygame.KMOD_SHIFT if shift else 0
        text = name if len(name) == 1 else ""
        return [pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=text, scancode=0),
                pygame.event.Event(pygame.KEYUP, key=code, mod=mod, unicode=text, scancode=0)]

    def click(self, pos, button: int = 1) -> list[pygame.event.Event]:
        return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button)]

    def random_events(self) -> list[pygame.event.Event]:
        """One action of the monkey. Actions that switch or rebuild a scene (Return, Space, Esc, a
        click on a widget) cost tens of milliseconds of pygame-gui widget building each, so they are
        a small share; the cheap ones (focus moves, pointer, wheel, typing) make up the numbers."""
        r = self.rnd.random()
        if r < 0.40:
            return self.key(self.rnd.choice(KEYS), shift=self.rnd.random() < 0.15)
        if r < 0.46:
            return self.click(self.widget_point() or self.window_point())
        if r < 0.54:
            return self.click(self.window_point(), button=self.rnd.choice([1, 1, 1, 2, 3, 4, 5]))
        if r < 0.58:  # a drag
            start, end = self.widget_point() or self.window_point(), self.window_point()
            return [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1),
                    pygame.event.Event(pygame.MOUSEMOTION, pos=end, rel=(end[0] - start[0], end[1] - start[1]),
                                       buttons=(1, 0, 0)),
                    pygame.event.Event(pygame.MOUSEBUTTONUP, pos=end, button=1)]
        if r < 0.70:
            pos = self.window_point()
            return [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))]
        if r < 0.78:
            dy = self.rnd.choice([-3, -1, 1, 3])
            return [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=dy, flipped=False, precise_x=0.0,
                                       precise_y=float(dy), touch=False, which=0)]
        if r < 0.96:
            return [pygame.event.Event(pygame.TEXTINPUT, text=self.rnd.choice(TYPED))]
        if r < 0.975:
            return self.resize()
        return [pygame.event.Event(self.rnd.choice([pygame.WINDOWEXPOSED, pygame.WINDOWFOCUSLOST,
                                                    pygame.WINDOWFOCUSGAINED, pygame.WINDOWLEAVE,
                                                    pygame.WINDOWRESTORED, pygame.WINDOWENTER]))]

    def resize(self) -> list[pygame.event.Event]:
        """What SDL does when the player drags the window's corner: a new window surface, then the event."""
        size = self.rnd.choice(SIZES) if self.rnd.random() < 0.8 else (self.rnd.randint(100, 1600),
                                                                       self.rnd.randint(100, 900))
        if not self.app.display.fullscreen:
            pygame.display.set_mode(size, pygame.RESIZABLE)
        return [pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])]

    # -- the run --------------------------------------------------------------------------------
    def step(self) -> None:
        scene = self.app.scene.name  # the screen that gets this frame's events
        self.visited[scene] = self.visited.get(scene, 0) + 1
        batch: list[pygame.event.Event] = []
        if self.rnd.random() < 0.04:  # a child who keeps pressing Enter: plays quizzes through to the end
            for _ in range(self.rnd.randint(5, 30)):
                batch += self.key("return")
        for _ in range(self.rnd.randint(1, 30)):  # a fast child on a slow old computer: many per frame
            batch += self.random_events()
        self.events += len(batch)
        dt = FRAME if self.rnd.random() < 0.9 else self.rnd.choice([0.0, 0.25, 1.0, 4.0, 31.0])
        # as in App.run: what pygame-gui posted to the queue (button presses, hovers) comes back in;
        # an undrained queue would also keep every killed widget alive
        self.app.step(pygame.event.get() + batch, dt)
        if self.rnd.random() < 0.004:
            self.app.set_language(self.rnd.choice(LANGUAGES))
            self.events += 1
        if self.rnd.random() < 0.05:
            self.app.step(pygame.event.get(), FRAME)  # an idle frame
        if not self.app.running:  # Esc or Quit on the title screen: the player starts the game again
            self.quits += 1
            self.app.running = True

    # -- a detour by keyboard, when the random walk has not reached a screen for a long time ---------
    def tap(self, name: str) -> None:
        self.app.step(pygame.event.get() + self.key(name), FRAME)
        self.events += 2
        self.app.running = True

    def focus(self, widget_id: str) -> bool:
        for _ in range(60):
            if self.app.scene.focus.focused is not None and self.app.scene.focus.focused.id == widget_id:
                return True
            self.tap("tab")
        return False

    def go_to_map(self) -> None:
        for _ in range(30):
            scene = self.app.scene
            if scene.name == "map":
                return
            ids = [item.id for item in scene.focus.items]
            if scene.name == "title":
                self.focus("play") and self.tap("return")
            elif scene.name == "profiles":
                cards = [i for i in ids if i.startswith("profile_")]
                self.focus(cards[0] if cards else "new") and self.tap("return")
            elif scene.name == "quiz" and scene.confirming:
                self.focus("leave") and self.tap("return")
            elif scene.name == "create_profile":
                self.focus("nickname")
                self.app.step([pygame.event.Event(pygame.TEXTINPUT, text=f"М{self.rnd.randrange(10**6)}")], FRAME)
                self.focus("done") and self.tap("return")
            else:
                self.tap("escape")

    def play_to_results(self, level_widget: str) -> None:
        """To the map, into a quiz of choice questions, and Enter until its results."""
        self.go_to_map()
        if self.app.scene.name != "map" or not self.focus(level_widget):
            return
        self.tap("return")
        for _ in range(200):
            if self.app.scene.name != "quiz":
                return
            focused = self.app.scene.focus.focused
            if focused is not None and not focused.id.startswith(("option_", "next")):
                self.focus("option_0") or self.focus("next")
            self.tap("return")


def test_monkey_in_every_scene_no_exception_and_memory_levels_off(tmp_path):
    level_dirs = [LEVELS] + sorted(p for p in (ROOT / "tests" / "packs").glob("*") if (p / "pack.yaml").is_file())
    rnd = random.Random(SEED)
    started = time.perf_counter()
    samples: list[tuple[int, int, int, int]] = []
    with run_test(tmp_path, language="kk", level_dirs=level_dirs) as pilot:
        monkey = Monkey(pilot, rnd)
        next_sample = 0
        detours = 0
        while monkey.events < EVENTS:
            scene = pilot.app.scene.name
            try:
                monkey.step()
                if monkey.events > (detours + 1) * EVENTS // 4 and detours < 3:
                    detours += 1
                    if monkey.visited.get("results", 0) < 3:  # a random walk rarely finishes a 12-question quiz
                        monkey.play_to_results("level_karkaraly_town-quiz")
            except Exception as exc:
                exc.add_note(f"monkey: seed {SEED}, after {monkey.events} events, in the {scene} scene "
                             f"(replay with OLKETANU_MONKEY_SEED={SEED} OLKETANU_MONKEY_EVENTS={monkey.events + 500})")
                raise
            if monkey.events >= next_sample:
                getattr(pilot.speaker, "said", []).clear()  # the test's recording speaker, not the game's
                samples.append((monkey.events, *live_memory(pilot.app)))
                next_sample += EVENTS // 20
        samples.append((monkey.events, *live_memory(pilot.app)))
        visited = dict(monkey.visited)
        profiles = len(pilot.app.store.profiles())
    elapsed = time.perf_counter() - started
    mib = [(n, round(rss / 2**20), round(caches / 2**20), objects) for n, rss, caches, objects in samples]
    print(f"\nmonkey: {monkey.events} events in {elapsed:.1f} s, scenes {visited}, {monkey.quits} quits, "
          f"{profiles} profiles; (events, RSS MiB, of which caches MiB, Python objects): {mib}")

    assert SCENES <= set(visited), f"the monkey never reached {SCENES - set(visited)}"
    # memory: caches, fonts and pygame-gui's surface cache fill while new screens, sizes and settings
    # are first seen, and what a screen holds comes and goes with it (the map ~50 MB). After that the
    # memory outside the bounded caches must not climb: the medians of the middle and the last third
    # of the run are compared (a leak of more than ~15 KB an event fails), and so are the Python objects
    # (killed widgets kept alive by an undrained event queue, ~100 KB an event, failed both).
    def median(values: list[int]) -> int:
        return sorted(values)[len(values) // 2]
    outside = [(n, rss - caches) for n, rss, caches, _ in samples]
    grown = (median([m for n, m in outside if n >= 2 * EVENTS // 3])
             - median([m for n, m in outside if EVENTS // 3 <= n < 2 * EVENTS // 3]))
    # 96 MiB: with the season's levels, the desk and the PostgreSQL screens, RSS sits near 1.4 GB here and
    # the last third was measured 20-63 MiB above the middle one (noise of pygame-gui's and SDL's own
    # allocations between runs); a leak of ~15 KB an event still fails. Bringing RSS down is issue 19's work.
    assert grown < 96 * 2**20, f"memory outside the caches still growing: +{grown / 2**20:.0f} MiB: {mib}"
    objects = (median([o for n, *_, o in samples if n >= 2 * EVENTS // 3])
               - median([o for n, *_, o in samples if EVENTS // 3 <= n < 2 * EVENTS // 3]))
    assert objects < 3000, f"{objects} more Python objects in the last third: {mib}"
