"""The end of a level: stars (shape and number, not colour alone), the score, what was learned, and the
books to read next (`read_more`), all of it spoken too."""
from __future__ import annotations

import pygame

from ...core.model import Level
from ...core.sessions import Outcome
from ...core.text import Text
from ...paths import ASSETS
from .. import palette, text
from ..icons import draw_book
from ..widgets import draw_stars, panel
from .base import Scene

PANEL = pygame.Rect(190, 40, 900, 640)
SIZES = (text.BODY, 26, 24, 22, 20, 18)  # what was learned and the books shrink together to fit


class ResultsScene(Scene):
    name = "results"
    unsaved_mark = (PANEL.x + 24, 718)  # under the panel: the stars are not kept yet

    def __init__(self, app, level: Level, outcome: Outcome) -> None:
        super().__init__(app)
        self.level, self.stars, self.correct, self.total = level, outcome.stars, outcome.correct, outcome.total
        self.saved = outcome.saved
        self.ending: Text | None = outcome.ending.ending if outcome.ending is not None else None

    def _score_line(self) -> str:
        if self.level.kind == "quiz":
            return self.tr("results.score", correct=self.correct, total=self.total)
        if self.ending is not None:
            return self.tr("results.ending", name=self.ending.get(self.app.lang))
        return self.tr("results.story_done")

    def praise(self) -> str:
        """Praise in steps with the stars: a child with one star is encouraged, not told "well done"."""
        return self.tr(f"results.praise_{max(0, min(3, self.stars))}")

    def heading(self) -> str:
        parts = [self.praise(), self.tr("results.stars", n=self.stars), self._score_line()]
        if not self.saved and self.app.unsaved_words():
            parts.append(self.app.unsaved_words())
        if self.level.summary is not None:
            parts += [self.tr("results.learned"), self.level.summary.get(self.app.lang)]
        books = self.book_lines()
        if books:
            parts.append(self.tr("results.read_more"))
            parts += [", ".join(part for part in book if part) for book in books]
        return ". ".join(p.rstrip(".") for p in parts) + "."

    def book_lines(self) -> list[tuple[str, str]]:
        """Each book of `read_more`: "title — author", and its call number and library (or "")."""
        lang = self.app.lang
        lines = []
        for book in self.level.read_more:
            main = self.tr("results.book", title=book.title.get(lang), author=book.author.get(lang))
            extra = []
            if book.call_number:
                extra.append(self.tr("results.call_number", call=book.call_number))
            if book.library is not None:
                extra.append(self.tr("results.library", library=book.library.get(lang)))
            lines.append((main, " · ".join(extra)))
        return lines

    def build(self) -> None:
        self.button("map", (PANEL.x + 48, PANEL.bottom - 112, 440, 80), self.tr("results.map"), self._to_map,
                    style="@primary", size=30)
        self.button("again", (PANEL.right - 48 - 340, PANEL.bottom - 112, 340, 80), self.tr("results.again"),
                    self._again)

    def _to_map(self) -> None:
        self.app.show("map")

    def _again(self) -> None:
        self.app.play(self.level)

    def back(self) -> None:
        self._to_map()

    def backdrop_key(self) -> tuple:
        return ()

    def draw(self, surface) -> None:
        self.draw_background(surface, ASSETS / "backgrounds" / "title.svg")
        panel(surface, PANEL)
        tr = self.app.text
        width = PANEL.width - 96
        x = PANEL.x + 48
        books = self.book_lines()
        praise = self.praise()  # one line, so the stars and the score keep their places
        size = tr.fitting_size(praise, text.HEADING, width, tr.line_height(text.HEADING, True), bold=True)
        top = tr.draw(surface, praise, (x, PANEL.y + 24), size, palette.INK, width, bold=True, align="center").bottom
        if books:  # closer together, to leave room for the books
            draw_stars(surface, (PANEL.centerx, top + 36), self.stars, 32)
            y = tr.draw(surface, self.tr("results.stars", n=self.stars), (x, top + 74), text.SMALL, palette.INK,
                        width, bold=True, align="center").bottom + 4
            y = tr.draw(surface, self._score_line(), (x, y), text.SMALL, palette.INK, width,
                        align="center").bottom + 12
        else:
            draw_stars(surface, (PANEL.centerx, top + 56), self.stars, 44)
            y = tr.draw(surface, self.tr("results.stars", n=self.stars), (x, top + 110), text.BODY, palette.INK,
                        width, bold=True, align="center").bottom + 6
            y = tr.draw(surface, self._score_line(), (x, y), text.BODY, palette.INK, width,
                        align="center").bottom + 20
        clip = surface.get_clip()
        surface.set_clip(pygame.Rect(PANEL.x, y, PANEL.width, PANEL.bottom - 120 - y))
        self._draw_learned(surface, x, y, width, PANEL.bottom - 124 - y, books)
        surface.set_clip(clip)

    def _blocks(self, size: int, books: list[tuple[str, str]]) -> list[tuple[str, str, int, tuple, bool, int]]:
        """What goes under the score, at one text size: (part, text, size, colour, bold, space above), where
        the part is "learned" or "books" (the books stand beside a book icon)."""
        heading = size + 2
        blocks = []
        if self.level.summary is not None:
            blocks.append(("learned", self.tr("results.learned"), heading, palette.NIGHT_BLUE, True, 0))
            blocks.append(("learned", self.level.summary.get(self.app.lang), size, palette.INK, False, 2))
        if books:
            blocks.append(("books", self.tr("results.read_more"), heading, palette.NIGHT_BLUE, True,
                           10 if blocks else 0))
            for main, extra in books:
                blocks.append(("books", main, size, palette.INK, False, 2))
                if extra:
                    blocks.append(("books", extra, size - 4, palette.MUTED_INK, False, 0))
        return blocks

    def _draw_learned(self, surface, x: int, y: int, width: int, height: int,
                      books: list[tuple[str, str]]) -> None:
        """What was learned and the books, at the largest size that fits above the buttons."""
        tr = self.app.text
        inset = 36  # the books stand beside a book icon
        for size in SIZES:
            blocks = self._blocks(size, books)
            needed = sum(gap + tr.measure(words, s, width - (inset if part == "books" else 0), bold)[1]
                         for part, words, s, _, bold, gap in blocks)
            if needed <= height:
                break
        icon_drawn = False
        bottom = y + height

        def tall(i: int) -> int:
            part, words, s, _, bold, gap = blocks[i]
            return gap + tr.measure(words, s, width - (inset if part == "books" else 0), bold)[1]

        for i, (part, words, s, color, bold, gap) in enumerate(blocks):
            # no room even at the smallest size: what does not fit whole is left out, not cut, and a
            # heading goes only with its first line
            with_next = tall(i) + (tall(i + 1) if bold and i + 1 < len(blocks) else 0)
            if y + with_next > bottom:
                break
            y += gap
            left = x + inset if part == "books" else x
            if part == "books" and not icon_drawn:
                draw_book(surface, (x, y + 4), 28, palette.NIGHT_BLUE)
                icon_drawn = True
            y = tr.draw(surface, words, (left, y), s, color, width - (left - x), bold=bold).bottom
