"""Who is playing? Pick a profile or make a new one. With many children (a club of 40): the children of
the session that is on come first, the cards come in pages, and a strip of first letters finds a nickname."""
from __future__ import annotations

import pygame

from ...paths import ASSETS
from ...core.club.today import profile_screen_page
from ...core.profiles import ProfileBook
from .. import palette, text
from ..images import avatar_path
from .base import MARGIN, Scene

CARD_W, CARD_H, GAP = 272, 108, 16
COLUMNS, ROWS = 4, 3
CARDS_TOP, STRIP_TOP, STRIP_H = 212, 112, 92  # the letter strip: one row of keys, or two of half the height
LETTER_W, LETTER_GAP = 50, 6


class ProfilesScene(Scene):
    name = "profiles"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0
        self.letter: str | None = None  # the letter strip's choice: only nicknames starting with it

    def heading(self) -> str:
        return self.tr("profiles.heading")

    def first_focus(self) -> str | None:
        """The child who played last (profiles come most recent first), else "new player"."""
        return next((item.id for item in self.focus.items if item.id.startswith("profile_")), None)

    def build(self) -> None:
        per_page = COLUMNS * ROWS - 1
        found = profile_screen_page(self.app.store, self.page, per_page, self.letter)
        if self.page >= found.pages:  # fewer children since (one was archived at the desk)
            self.page = found.pages - 1
            found = profile_screen_page(self.app.store, self.page, per_page, self.letter)
        self.pages = found.pages
        if found.everyone > per_page:
            self._letter_strip(found.letters)
        shown = found.profiles
        cells = [("new", None)] + [(f"profile_{p.id}", p) for p in shown]
        for i, (widget_id, profile) in enumerate(cells):
            col, row = i % COLUMNS, i // COLUMNS
            rect = pygame.Rect(64 + col * (CARD_W + GAP), CARDS_TOP + row * (CARD_H + GAP), CARD_W, CARD_H)
            if profile is None:
                self.button(widget_id, rect, self.tr("profiles.new"), self._new, style="@primary",
                            paint=self._paint_new)
            else:
                self.button(widget_id, rect, profile.nickname, lambda p=profile: self._choose(p),
                            style="@card", spoken=self.tr("profiles.spoken_profile", name=profile.nickname),
                            paint=lambda s, r, p=profile: self._paint_profile(s, r, p))
        self.button("back", (MARGIN, 720 - MARGIN - 72, 220, 72), self.tr("profiles.back"), self.back)
        if self.pages > 1:
            self.button("more", (1280 - MARGIN - 220, 720 - MARGIN - 72, 220, 72),
                        f"{self.page + 1} / {self.pages}  ›", self._next_page,
                        spoken=self.tr("profiles.spoken_more", page=self.page + 1, pages=self.pages))

    def _letter_strip(self, found: list[str]) -> None:
        """"All", then one key a first letter: Tab or the arrows reach them, Enter shows those children."""
        per_row = (1280 - 2 * 64 - 140) // (LETTER_W + LETTER_GAP)
        rows = 1 if len(found) <= per_row else 2
        height = STRIP_H if rows == 1 else (STRIP_H - LETTER_GAP) // 2
        self.button("letter_all", (64, STRIP_TOP, 134, STRIP_H), self.tr("profiles.all"), lambda: self._pick(None),
                    style="@chosen" if self.letter is None else "@button", size=text.SMALL)
        for i, letter in enumerate(found):
            col, row = i % per_row, i // per_row
            rect = (64 + 140 + col * (LETTER_W + LETTER_GAP), STRIP_TOP + row * (height + LETTER_GAP), LETTER_W, height)
            self.button(f"letter_{letter}", rect, letter,
                        lambda l=letter: self._pick(l), style="@chosen" if letter == self.letter else "@button",
                        size=text.SMALL + 2, spoken=self.tr("profiles.spoken_letter", letter=letter))

    def _pick(self, letter: str | None) -> None:
        self.letter, self.page = letter, 0
        self.refresh(f"letter_{letter or 'all'}")

    def _next_page(self) -> None:
        self.page = (self.page + 1) % self.pages
        self.refresh("more")

    def _new(self) -> None:
        self.app.show("create_profile")

    def _choose(self, profile) -> None:
        self.app.profile = profile
        self.app.save(ProfileBook(self.app.store).choose, profile, self.app.lang)
        self.app.load_settings(rebuild=False)
        self.app.show("map")

    def back(self) -> None:
        self.app.show("title")

    def backdrop_key(self) -> tuple:
        return ()

    def draw(self, surface) -> None:
        self.draw_background(surface, ASSETS / "backgrounds" / "map.svg", palette.PAPER)
        heading, tr = self.tr("profiles.heading"), self.app.text
        tr.draw(surface, heading, (64, 36), tr.fitting_size(heading, text.HEADING, 1152, STRIP_TOP - 44, bold=True),
                palette.INK, 1152, bold=True)

    def _paint_profile(self, surface, rect, profile) -> None:
        image = self.app.images.get(avatar_path(profile.avatar), (88, 88))
        if image is not None:
            surface.blit(image, (rect.x + 16, rect.centery - 44))
        inner_w, tr = rect.width - 128, self.app.text
        size = tr.fitting_size(profile.nickname, text.SMALL + 2, inner_w, rect.height - 12, bold=True)
        _, height = tr.measure(profile.nickname, size, inner_w, bold=True)
        tr.draw(surface, profile.nickname, (rect.x + 116, rect.centery - height // 2), size, palette.INK, inner_w,
                bold=True)

    def _paint_new(self, surface, rect) -> None:
        cx, cy = rect.x + 56, rect.centery
        pygame.draw.circle(surface, palette.INK, (cx, cy), 30, width=4)
        pygame.draw.line(surface, palette.INK, (cx - 14, cy), (cx + 14, cy), 6)
        pygame.draw.line(surface, palette.INK, (cx, cy - 14), (cx, cy + 14), 6)
        label = self.tr("profiles.new")
        w, tr = rect.width - 112, self.app.text
        size = tr.fitting_size(label, text.BODY, w, rect.height - 12, bold=True)
        _, h = tr.measure(label, size, w, bold=True)
        tr.draw(surface, label, (rect.x + 100, rect.centery - h // 2), size, palette.INK, w, bold=True)
