"""Drawing text with the bundled fonts (Noto Sans, or Andika for beginning readers): word wrapping and a cache of rendered lines."""
from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import pygame

from ..core.latin import to_latin
from ..core.visible import visible_lines

from ..paths import ASSETS
from .surface_cache import SurfaceLRU

FONT_FILES = {
    "noto_sans": {False: ASSETS / "fonts" / "NotoSans-Regular.ttf", True: ASSETS / "fonts" / "NotoSans-Bold.ttf"},
    "andika": {False: ASSETS / "fonts" / "andika" / "Andika-Regular.ttf",
               True: ASSETS / "fonts" / "andika" / "Andika-Bold.ttf"},
}
HAIR = "\u200a"
MAX_FONTS = 24  # each open font holds its own copy of the face: a few MB
# the line box of every family, as parts of the font size: Noto Sans's own ascent and height. Andika's box
# is taller (room for stacked accents): its lines are cut to this box, so a layout fits in every font
BOX_ASCENT, BOX_HEIGHT = 1.07, 1.37
LINE_SPACING = 1.4  # of the font size (Noto Sans's own line height is about 1.36)
WIDE_LINE_SPACING = 1.8
LAYOUT_CACHE = 2000
TEXT_BUDGET = 8 * 2**20  # rendered lines: a few screens' worth

BODY = 28
SMALL = 22
HEADING = 48
TITLE = 96


@dataclass(frozen=True)
class Overflow:
    text: str
    size: float
    width: int
    height: int


class TextRenderer:
    """Renders and caches text. `block` wraps to a width and returns the lines' surfaces."""

    def __init__(self, scale: float = 1.0, cache_bytes: int = TEXT_BUDGET,
                 language: Callable[[], str] = lambda: "kk") -> None:
        self.scale = scale
        self.language = language  # the language of a text drawn without saying its own
        self.kazakh_latin = False  # Kazakh texts shown in Latin letters (core/latin.py)
        self.spacing = LINE_SPACING
        self.letter_spacing = False  # wide spacing: a hair space after every letter
        self.family = "noto_sans"  # a key of FONT_FILES
        self._fonts: dict[tuple[str, int, bool], pygame.font.Font] = {}
        self._fonts_px: dict[int, int] = {}  # each open font's size in pixels
        self._cache: SurfaceLRU[list[pygame.Surface]] = SurfaceLRU(cache_bytes)
        # for the tests' fit check: the latest texts that did not fit their box even at the smallest size
        self.overflows: deque[Overflow] = deque(maxlen=200)
        # layouts are pure functions of the text and the settings: measured once, not every frame
        self._layouts: OrderedDict[tuple, object] = OrderedDict()

    def font(self, size: float, bold: bool = False) -> pygame.font.Font:
        """The font at this size (times the text scale); the few sizes in use are kept, not every one."""
        key = (self.family, round(size * self.scale), bold)
        font = self._fonts.pop(key, None)
        if font is None:
            font = pygame.font.Font(str(FONT_FILES[self.family][bold]), key[1])
            self._fonts_px[id(font)] = key[1]
        self._fonts[key] = font  # most recently used last
        if len(self._fonts) > MAX_FONTS:
            self._fonts_px.pop(id(self._fonts.pop(next(iter(self._fonts)))), None)
        return font

    def line_height(self, size: int, bold: bool = False) -> int:
        return max(self._box(self.font(size, bold))[1], round(size * self.scale * self.spacing))

    def _box(self, font: pygame.font.Font) -> tuple[int, int]:
        """(pixels cut from the top of a rendered line, the line's height) for the family's line box."""
        if self.family == "noto_sans":  # the box is its own
            return 0, font.get_height()
        px = self._fonts_px[id(font)]
        height = min(font.get_height(), round(px * BOX_HEIGHT))
        return max(0, font.get_ascent() - round(px * BOX_ASCENT)), height

    def _render(self, font: pygame.font.Font, line: str, color) -> pygame.Surface:
        try:
            rendered = font.render(line, True, color)
        except pygame.error:  # a line of marks this font draws with no width: nothing to see
            rendered = pygame.Surface((0, font.get_height()), pygame.SRCALPHA)
        top, height = self._box(font)
        if top == 0 and height == rendered.get_height():
            return rendered
        return rendered.subsurface((0, top, rendered.get_width(), min(height, rendered.get_height() - top))).copy()

    def shown(self, text: str, lang: str | None = None) -> str:
        """The text as it is shown: without invisible characters (core/visible.py), and Kazakh in Latin
        letters when that is chosen. Speech and the rest of the game keep the Cyrillic; only drawing
        changes. Every measuring and drawing method starts here."""
        text = visible_lines(text)
        if self.kazakh_latin and (lang or self.language()) == "kk":
            return _latin(text)
        return text

    def _spaced(self, text: str) -> str:
        return HAIR.join(text) if self.letter_spacing else text

    def _layout(self, kind: str, compute, *args):
        key = (kind, *args, self.scale, self.spacing, self.letter_spacing, self.family)
        found = self._layouts.get(key)
        if found is None:
            found = compute(*args)
            self._layouts[key] = found
            if len(self._layouts) > LAYOUT_CACHE:
                self._layouts.popitem(last=False)
        return found

    def wrap(self, text: str, size: int, width: int, bold: bool = False, lang: str | None = None) -> tuple[str, ...]:
        """The text in lines that fit `width` (with letter spacing applied, when it is on)."""
        return self._layout("wrap", self._wrap, self.shown(text, lang), size, width, bold)

    def _wrap(self, text: str, size: int, width: int, bold: bool) -> tuple[str, ...]:
        text = self._spaced(text)
        font = self.font(size, bold)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            current = ""
            for word in self._split_long_words(paragraph.split(" "), font, width):
                trial = f"{current} {word}" if current else word
                if font.size(trial)[0] <= width or not current:
                    current = trial
                else:
                    lines.append(current)
                    current = word
            lines.append(current)
        return tuple(lines)

    @staticmethod
    def _split_long_words(words: list[str], font: pygame.font.Font, width: int) -> list[str]:
        """Words wider than the line are cut into pieces that fit (long nicknames, long Kazakh words)."""
        pieces: list[str] = []
        # a line holds at most `width` letters of a pixel or more: longer words are measured only that far,
        # so that a word of 10,000 letters costs a few measurements a piece, not minutes
        reach = max(2, width + 1)
        for word in words:
            while len(word) > 1 and font.size(word[:reach])[0] > width:
                hyphen = word.rfind("-", 0, min(len(word) - 1, reach))
                if hyphen > 0 and font.size(word[:hyphen + 1])[0] <= width:
                    cut = hyphen + 1
                else:
                    cut = _longest_fitting(font, word[:reach], width)
                pieces.append(word[:cut])
                word = word[cut:]
            pieces.append(word)
        return pieces

    def block(self, text: str, size: int, color, width: int, bold: bool = False,
              lang: str | None = None) -> list[pygame.Surface]:
        text = self.shown(text, lang)
        key = (text, size, tuple(color), width, bold, self.scale, self.spacing, self.letter_spacing, self.family)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        font = self.font(size, bold)
        surfaces = [self._render(font, line, color) for line in self.wrap(text, size, width, bold, lang)]
        return self._cache.put(key, surfaces)

    def draw(self, surface: pygame.Surface, text: str, pos: tuple[int, int], size: int = BODY, color=(0, 0, 0),
             width: int = 10_000, bold: bool = False, align: str = "left", lang: str | None = None) -> pygame.Rect:
        """Draws wrapped text with its top at pos; align is left, center or right of `width`. `lang`: the
        text's language when it is not the game's (a second language, a language's own name)."""
        text = self.shown(text, lang)
        x, y = pos
        step = self.line_height(size, bold)
        drawn = pygame.Rect(x, y, 0, 0)
        for line in self.block(text, size, color, width, bold, lang):
            if align == "center":
                lx = x + (width - line.get_width()) // 2
            elif align == "right":
                lx = x + width - line.get_width()
            else:
                lx = x
            drawn.union_ip(surface.blit(line, (lx, y)))
            y += step
        return drawn

    def draw_partial(self, surface: pygame.Surface, text: str, count: int, pos: tuple[int, int], size: int,
                     color, width: int, bold: bool = False) -> pygame.Rect:
        """The first `count` letters of the text, laid out where the whole text will stand, so that
        words do not jump from line to line as they appear. Returns where the whole text stands."""
        whole = pygame.Rect(pos, self.measure(text, size, width, bold))
        shown = self.shown(text)
        if shown is not text:  # in Latin letters a letter may become two: the same share of the text
            count = count * len(shown) // max(1, len(text))
            text = shown
        x, y = pos
        step = self.line_height(size, bold)
        if self.letter_spacing:
            count *= 2  # every letter is followed by a hair space
        for line in self.wrap(text, size, width, bold):
            if count <= 0:
                break
            part = line[:count]
            count -= len(line) + 1
            if part:
                surface.blit(self._render_line(part, size, color, bold), (x, y))
            y += step
        return whole

    def _render_line(self, line: str, size, color, bold: bool) -> pygame.Surface:
        """One line already laid out by `wrap` (so already spaced), cached like blocks are."""
        key = ("line", line, size, tuple(color), bold, self.scale, self.family)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache.put(key, [self._render(self.font(size, bold), line, color)])
        return cached[0]

    def fitting_size(self, text: str, size: int, width: int, height: int, bold: bool = False,
                     lang: str | None = None) -> float:
        """The largest size up to `size` at which the text fits the box; with large text on, it never
        goes below the normal size, so a box may then be the limit rather than the reader's setting."""
        return self._layout("fit", self._fitting_size, self.shown(text, lang), size, width, height, bold, lang)

    def _fitting_size(self, text: str, size: int, width: int, height: int, bold: bool, lang: str | None) -> float:
        trial = float(size)
        floor = self.smallest(size)
        while trial > floor and self.measure(text, trial, width, bold, lang)[1] > height:
            trial = max(floor, trial * 0.9)
        if self.measure(text, trial, width, bold, lang)[1] > height:
            self.overflows.append(Overflow(text, size, width, height))
        return trial

    def smallest(self, size: float) -> float:
        """How small a box may make text asked for at `size`: with large text on, back to the normal
        size; otherwise to 80 %."""
        return size / self.scale if self.scale > 1 else size * 0.8

    def measure(self, text: str, size: int, width: int, bold: bool = False, lang: str | None = None) -> tuple[int, int]:
        return self._layout("measure", self._measure, self.shown(text, lang), size, width, bold, lang)

    def _measure(self, text: str, size: int, width: int, bold: bool, lang: str | None) -> tuple[int, int]:
        lines = self.wrap(text, size, width, bold, lang)
        font = self.font(size, bold)
        return max(font.size(line)[0] for line in lines), len(lines) * self.line_height(size, bold)


def _longest_fitting(font: pygame.font.Font, word: str, width: int) -> int:
    """How many first letters of `word` (which does not fit) fit `width`: at least one."""
    low, high = 1, len(word) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if font.size(word[:middle])[0] <= width:
            low = middle
        else:
            high = middle - 1
    return low


@lru_cache(maxsize=4096)
def _latin(text: str) -> str:
    return to_latin(text)


def fit_line(tr, message: str, size: int, width: int, bold: bool = False) -> str:
    """The message (as shown) cut with an ellipsis to fit one line of `width` pixels."""
    message = tr.shown(message)
    font = tr.font(size, bold)
    if font.size(message)[0] <= width:
        return message
    while message and font.size(message + "…")[0] > width:
        message = message[:-1]
    return message + "…"
