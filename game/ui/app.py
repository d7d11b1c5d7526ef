"""The application: services, the scene stack and the one step function that runs the game."""
from __future__ import annotations

import dataclasses
import gc
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import pygame
import pygame_gui

from ..core.i18n import Translator
from ..core.leader import TryLimit
from ..core.storage import Profile, ProgressPort, StorageError
from ..core.profiles import ProfileBook
from ..core.settings import BIG_SCREEN_RING, Settings, SettingsBook
from ..core.speech import Speaker, SpeakerStatus
from ..paths import ASSETS
from . import palette
from .display import LOGICAL_SIZE, Display
from .images import ImageCache
from .sounds import Sounds
from .text import LINE_SPACING as NORMAL_SPACING
from .text import WIDE_LINE_SPACING as WIDE_SPACING
from .text import TextRenderer
from .unsaved import StorageWatch

REDRAW_AFTER_INPUT = 0.4  # seconds of redrawing after input, for pygame-gui's hover and press states
IDLE_UI_UPDATE = 0.1  # when idle, pygame-gui only needs updating for slow things like the cursor blink
FPS = 60

if TYPE_CHECKING:
    from ..core.catalog import Catalog
    from ..core.level_index import CatalogIndex


class CanvasUIManager(pygame_gui.UIManager):
    """pygame-gui, told where the pointer is on the logical canvas (the window may be scaled or
    letterboxed), from the same events the game sees rather than from the hardware mouse."""

    pointer = (-1, -1)

    def _update_mouse_position(self) -> None:
        self.mouse_position = self.pointer

    def draw_ui(self, window_surface: pygame.Surface) -> None:
        """Every visible element but the game's own buttons, which draw themselves (widgets.Button)."""
        window_surface.blits([sprite.blit_data for sprite in self.ui_group.sprites()
                              if sprite.visible and not getattr(sprite, "drawn_by_game", False)])


_FINGER_TO_MOUSE = {pygame.FINGERDOWN: pygame.MOUSEBUTTONDOWN, pygame.FINGERUP: pygame.MOUSEBUTTONUP,
                    pygame.FINGERMOTION: pygame.MOUSEMOTION}


@dataclass
class Services:
    """Everything a scene may use, passed explicitly (no globals)."""

    store: ProgressPort
    level_roots: list[Path]
    speaker: Speaker
    data_dir: Path
    speaker_factory: Callable[[bool], Speaker] | None = None  # makes the real speaker when speech is turned on
    library_name: str = ""  # from library.toml, shown on the title
    _catalog: Catalog | None = None
    _index: CatalogIndex | None = None

    @property
    def catalog(self) -> Catalog:
        """The levels, read when a screen first needs them: the title does not, so it shows sooner."""
        if self._catalog is None:
            self.reload_catalog()
        return self._catalog

    def reload_catalog(self) -> None:
        from ..core.catalog import Catalog  # with the loader and PyYAML: not needed for the first frame
        self._catalog = Catalog.load(self.level_roots)

    def replace_level(self, result) -> None:
        """One level read again (F5): in the catalogue in place of its old version, if one was read."""
        if self._catalog is not None and not self._catalog.replace(result):
            self.reload_catalog()

    def level_index(self) -> CatalogIndex:
        """What the map shows of every level, from the data folder's index, checked against the files now."""
        from ..core.level_index import CatalogIndex
        if self._index is None:
            self._index = CatalogIndex(self.level_roots, self.data_dir / "cache" / "levels.json")
        return self._index.refresh()


ScreenFactory = Callable[..., Any]


class App:
    def __init__(self, services: Services, display: Display, screens: ScreenFactory,
                 level_screen: Callable[[str], str], language: str = "kk") -> None:
        self.services = services
        self.screens = screens  # name, app, **args -> a screen: the kit itself knows no screen
        self.level_screen = level_screen  # a level's kind -> the name of the screen that plays it
        self.display = display
        self.tr = Translator(language)
        # pygame-gui ships ru and en; its Kazakh strings are ours (assets/translations/pygame-gui.kk.json)
        self.ui = CanvasUIManager(LOGICAL_SIZE, starting_language=language,
                                  translation_directory_paths=[str(ASSETS / "translations")])
        self.ui.add_font_paths("noto_sans", str(ASSETS / "fonts" / "NotoSans-Regular.ttf"),
                               str(ASSETS / "fonts" / "NotoSans-Bold.ttf"))
        self._widget_theme: Path | None = None
        self._use_widget_theme(palette.WIDGET_THEMES["default"])
        self.text = TextRenderer(language=lambda: self.tr.lang)
        self.images = ImageCache(services.data_dir / "cache" / "pictures")
        self.sounds = Sounds()
        self.profile: Profile | None = None
        self.last_level: tuple[str, str] | None = None  # (pack, level) played last: the map focuses it
        self.map_filter = None  # (the child, the map's filters): the map is built anew after each level
        self.settings = Settings()
        self.speech_on = False  # self-voicing for blind and low-vision players; no timers while on
        self._notice: tuple[str, float] | None = None
        self.storage = StorageWatch(self)  # answers the disk refused: kept, tried again, told
        self.recorder = self.storage.recorder
        self.scenes: list = []
        self.running = True
        self.time = 0.0
        self._pending: list[Callable[[], None]] = []
        self._redraw_until = 0.0
        self._ui_dt = 0.0
        self._dirty = True
        self.frames_drawn = 0
        self.leader_tries = TryLimit()  # wrong leader PINs this run, should the store not keep them (disk full)
        self.clock = time.time  # the wall clock the leader's waits are kept in (a test sets its own)
        self.visit_speech = False  # V pressed with nobody chosen: speech for this visit, never the computer's default
        self._frozen = False
        self.garbage_waiting = False  # widgets were removed: collect them after this frame's input
        self.verify_backdrops = False  # tests: check kept backdrops and buttons against fresh ones
        self.verifying = False  # ...on this frame: the first drawn after input, when a missed change shows
        self.kiosk = None  # kiosk mode's guard (game/ui/kiosk.py): the PIN to leave, the idle return
        # the bench's hook (game/bench/built.py): the wall-clock time of the first drawn frame goes to this
        # file and the game ends, so that the standalone build's start-up is timed as the source's is
        self._first_frame_file = os.environ.get("OLKETANU_FIRST_FRAME_FILE")

    # -- shortcuts ----------------------------------------------------------------------------
    @property
    def store(self) -> ProgressPort:
        return self.services.store

    @property
    def catalog(self) -> Catalog:
        return self.services.catalog

    @property
    def lang(self) -> str:
        return self.tr.lang

    @property
    def scene(self):
        return self.scenes[-1] if self.scenes else None

    def say(self, text: str) -> None:
        self.services.speaker.say(text, self.lang)

    def storage_trouble(self, error: StorageError) -> None:
        """Progress could not be kept: told once per kind of trouble and screen; the game goes on."""
        self.storage.trouble(error)

    def unsaved_words(self) -> str:
        """What the child hears and sees while answers wait to be kept, or ""."""
        return self.storage.words()

    def last_try(self) -> None:
        self.storage.last_try()

    def save(self, write, *args):
        """Runs one of the store's writes. If the disk is full or the folder cannot be written, the
        player is told (once per kind of trouble and screen) and the game goes on; returns None then."""
        try:
            return write(*args)
        except StorageError as error:
            self.storage_trouble(error)
            return None

    def notice(self, message: str, seconds: float = 3.0) -> None:
        """A short message shown at the bottom of the screen and spoken."""
        self._notice = (message, self.time + seconds)
        self._redraw_until = max(self._redraw_until, self.time + seconds + 0.05)
        self.say(message)
        self._dirty = True

    def apply_settings(self, settings: Settings, save: bool = True, rebuild: bool = True) -> None:
        """Use these settings now (theme, text size, motion, speech) and keep them: for the child
        playing, or as this computer's defaults when nobody has chosen a profile yet."""
        speech_changed = settings.speech_on != self.speech_on
        self.settings = settings
        palette.use("high_contrast" if settings.high_contrast else "default",
                    BIG_SCREEN_RING if settings.big_screen else 1)
        self._use_widget_theme(palette.WIDGET_THEMES[palette.current])
        self.text.scale = settings.shown_text_scale
        self.text.spacing = WIDE_SPACING if settings.wide_spacing else NORMAL_SPACING
        self.text.letter_spacing = settings.wide_spacing
        self.text.family = settings.font
        self.text.kazakh_latin = settings.kazakh_script == "latin"
        for setter, value in (("set_speed", settings.speech_speed), ("set_volume", settings.speech_volume)):
            if hasattr(self.services.speaker, setter):
                getattr(self.services.speaker, setter)(value)
        if speech_changed:
            self.toggle_speech(save=False)
        if save:
            self.save(SettingsBook(self.store).save, self.profile.id if self.profile else None, settings)
        if rebuild and self.scene is not None:
            self.scene.rebuild()
        self._dirty = True

    def _use_widget_theme(self, path: Path) -> None:
        if path != self._widget_theme:  # a theme load costs ~8 ms: not again for the same one
            self._widget_theme = path
            self.ui.get_theme().load_theme(str(path))

    def load_settings(self, rebuild: bool = True) -> None:
        """The profile's settings (or the computer's defaults) after a change of player; speech asked for
        with V during this visit stays on."""
        settings = SettingsBook(self.store).load(self.profile.id if self.profile else None)
        if self.visit_speech and not settings.speech_on:
            settings = dataclasses.replace(settings, speech_on=True)
        self.apply_settings(settings, save=False, rebuild=rebuild)

    def end_visit(self) -> None:
        """The next child comes (kiosk): what this one asked for with V is forgotten."""
        self.visit_speech = False
        self.load_settings(rebuild=False)

    def toggle_speech(self, save: bool = True) -> None:
        """V: self-voicing on or off. The real engine is made only when it is wanted. With a child chosen it is
        kept in the child's settings; with nobody chosen, for this visit only: the computer's defaults change
        at the desk, behind the leader's PIN."""
        self.speech_on = not self.speech_on
        self.settings.speech_on = self.speech_on
        if save:
            self.visit_speech = self.speech_on
            if self.profile is not None:
                self.save(SettingsBook(self.store).save, self.profile.id, self.settings)
        factory = self.services.speaker_factory
        if factory is not None:
            old = self.services.speaker
            old.stop()
            getattr(old, "close", lambda: None)()
            self.services.speaker = factory(self.speech_on)
        speaker = self.services.speaker
        if self.speech_on and getattr(speaker, "status", None) is SpeakerStatus.NO_ENGINE:
            self.notice(self.tr(f"speech.{SpeakerStatus.NO_ENGINE.value}"), 5)
            return
        self.notice(self.tr("speech.on" if self.speech_on else "speech.off"))
        for missing in getattr(speaker, "missing_voices", lambda: [])():
            if missing.lang == self.lang:
                self.notice(self.tr("speech.voice_missing", fallback=missing.fallback or "-"), 5)
        if self.speech_on and self.scene is not None:
            self.scene.focus.speak_focused()

    def invalidate(self) -> None:
        self._dirty = True

    def reload_catalog(self) -> None:
        self.services.reload_catalog()

    def level_index(self) -> CatalogIndex:
        return self.services.level_index()

    # -- scene stack (changes happen between events, never inside a widget's callback) ---------
    def show(self, name: str, **args) -> None:
        """Replace the screen with the one called `name` (see game/ui/scenes/SCREENS)."""
        self._pending.append(lambda: self._do_switch(self.screens(name, self, **args)))

    def open(self, name: str, **args) -> None:
        """Open the screen called `name` over this one; `close` comes back."""
        self._pending.append(lambda: self._do_push(self.screens(name, self, **args)))

    def play(self, level, **args) -> None:
        """The screen that plays a level of this kind."""
        self.last_level = (level.pack_id, level.id)
        self.show(self.level_screen(level.kind), level=level, **args)

    def switch(self, scene) -> None:
        self._pending.append(lambda: self._do_switch(scene))

    def push(self, scene) -> None:
        self._pending.append(lambda: self._do_push(scene))

    def pop(self) -> None:
        self._pending.append(self._do_pop)

    def _do_switch(self, scene) -> None:
        if self.scenes:
            self.scenes.pop().exit()
        self.scenes.append(scene)
        scene.enter()

    def _do_push(self, scene) -> None:
        if self.scenes:
            self.scenes[-1].exit()
        self.scenes.append(scene)
        scene.enter()

    def _do_pop(self) -> None:
        self.scenes.pop().exit()
        if self.scenes:
            self.scenes[-1].enter()

    def _run_pending(self) -> None:
        while self._pending:
            self._pending.pop(0)()
            self._dirty = True

    def set_language(self, lang: str) -> None:
        self.tr.lang = lang
        self.ui.set_locale(lang)
        if self.profile is not None:
            self.save(ProfileBook(self.store).choose, self.profile, lang)
        if self.scene is not None:
            self.scene.rebuild(announce=True)
        self._dirty = True

    # -- the frame ----------------------------------------------------------------------------
    def step(self, events: list[pygame.event.Event], dt: float) -> bool:
        """Runs one frame: input, update, and drawing only if something changed. Returns True if drawn."""
        self.time += dt
        self._run_pending()
        for event in events:
            self._handle(event)
            self._run_pending()
        if self.kiosk is not None:
            self.kiosk.tick(events, dt)
            self._run_pending()
        if self.garbage_waiting:
            # removed widgets and pygame-gui's elements point at each other: free them now, not at
            # Python's rare full collection (peak memory grew by 80+ MB without this; ~10 ms a rebuild)
            gc.collect()
            self.garbage_waiting = False
        if events:
            self._redraw_until = self.time + REDRAW_AFTER_INPUT
            self.verifying = self.verify_backdrops
        self._ui_dt += dt
        if self._dirty or self.time < self._redraw_until or self._ui_dt >= IDLE_UI_UPDATE:
            self.ui.update(self._ui_dt)
            self._ui_dt = 0.0
        was_waiting = self.recorder.waiting
        if self.recorder.retry(self.time) or self.recorder.waiting != was_waiting:
            self._dirty = True
        scene = self.scene
        animating = scene.update(dt) if scene is not None else False
        self._run_pending()
        if not (self._dirty or animating or self.time < self._redraw_until):
            return False
        self.draw()
        self.display.present()
        self.verifying = False
        if not self._frozen:
            # what exists at the first frame (modules, pygame-gui's theme) lives as long as the game: the
            # collections after each rebuild then look only at what came since (2 ms, not 10-35 ms)
            gc.freeze()
            self._frozen = True
            if self._first_frame_file:
                Path(self._first_frame_file).write_text(f"{time.time()!r}\n", encoding="utf-8")
                self.running = False
        return True

    def draw(self) -> None:
        canvas = self.display.canvas
        if self.scene is not None:
            self.scene.paint(canvas)
        self.ui.draw_ui(canvas)
        if self.scene is not None:
            self.scene.draw_overlay(canvas)
        self.storage.draw(canvas, getattr(self.scene, "unsaved_mark", None))
        if self._notice is not None:
            self._draw_notice(canvas)
        if self.kiosk is not None:
            self.kiosk.draw(canvas)
        self._dirty = False
        self.frames_drawn += 1

    def _draw_notice(self, canvas: pygame.Surface) -> None:
        message, until = self._notice
        if self.time >= until:
            self._notice = None
            return
        lines = self.text.block(message, 26, palette.PAPER, 900, bold=True)
        height = sum(line.get_height() for line in lines) + 32
        width = max(line.get_width() for line in lines) + 64
        box = pygame.Rect(0, 0, width, height)
        box.midbottom = (LOGICAL_SIZE[0] // 2, LOGICAL_SIZE[1] - 24)
        pygame.draw.rect(canvas, palette.NIGHT_BLUE, box, border_radius=16)
        pygame.draw.rect(canvas, palette.SUN_GOLD, box, width=4, border_radius=16)
        y = box.y + 16
        for line in lines:
            canvas.blit(line, (box.centerx - line.get_width() // 2, y))
            y += line.get_height()

    def _global_key(self, event: pygame.event.Event) -> bool:
        """Keys that work on every screen: F2 says the last thing again, V turns speech on or off."""
        if event.key == pygame.K_F2:
            self.services.speaker.repeat()
            return True
        if event.key == pygame.K_F3:  # the next language, on any screen, even in the middle of a level
            order = ("kk", "ru", "en")
            self.set_language(order[(order.index(self.lang) + 1) % len(order)])
            return True
        if event.key == pygame.K_F1 and self.scene is not None and self.scene.name != "help":
            self.open("help")
            return True
        focused = self.scene.focus.focused if self.scene is not None else None
        typing = focused is not None and (focused.takes_text or focused.types_into_field)
        if event.key == pygame.K_v and not typing and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            self.toggle_speech()
            return True
        return False

    def _handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            if self.kiosk is None or not self.kiosk.guard_quit():
                self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            self.display.resized(event.size)
            self._dirty = True
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSIZECHANGED):
            self._dirty = True
        if event.type in _FINGER_TO_MOUSE:
            event = self._finger_as_mouse(event)
        elif getattr(event, "touch", False):
            return  # SDL's own mouse copy of a touch: the finger event above already did it
        if hasattr(event, "pos") and event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP,
                                                    pygame.MOUSEMOTION):
            attrs = dict(event.dict)
            attrs["pos"] = self.display.to_canvas(event.pos)
            event = pygame.event.Event(event.type, attrs)
            self.ui.pointer = attrs["pos"]
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.display.toggle_fullscreen()
            self._dirty = True
            return
        scene = self.scene
        if event.type == pygame.KEYDOWN and self._global_key(event):
            self._dirty = True
            return
        if event.type == pygame.KEYDOWN and scene is not None and scene.handle_key(event):
            self._dirty = True
            return
        if self.ui.process_events(event):
            self._dirty = True
        if scene is not None and scene.handle_event(event):
            self._dirty = True

    def _finger_as_mouse(self, event: pygame.event.Event) -> pygame.event.Event:
        """A touch is a left click where the finger is (finger positions are 0..1 of the window)."""
        width, height = self.display.window.get_size()
        pos = (int(event.x * width), int(event.y * height))
        kind = _FINGER_TO_MOUSE[event.type]
        if kind == pygame.MOUSEMOTION:
            return pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(1, 0, 0))
        return pygame.event.Event(kind, pos=pos, button=1)

    def run(self) -> None:
        """The real loop: feeds events and the clock's time step to `step`. The first frame is drawn
        at once; the clock waits only between frames."""
        clock = pygame.time.Clock()
        dt = 0.0
        while self.running:
            self.step(pygame.event.get(), dt)
            dt = clock.tick(FPS) / 1000.0
