"""Who is playing? Pick a profile or make a new one."""
from __future__ import annotations

import pygame

from ...paths import ASSETS
from ...core.profiles import ProfileBook
from .. import palette, text
from ..images import avatar_path
from .base import MARGIN, Scene

CARD_W, CARD_H, GAP = 272, 120, 24
COLUMNS, ROWS = 4, 3


class ProfilesScene(Scene):
    name = "profiles"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0

    def heading(self) -> str:
        return self.tr("profiles.heading")

    def first_focus(self) -> str | None:
        """The child who played last (profiles come most recent first), else "new player"."""
        return next((item.id for item in self.focus.items if item.id.startswith("profile_")), None)

    def build(self) -> None:
        profiles = self.app.store.profiles()
        per_page = COLUMNS * ROWS - 1
        pages = max(1, -(-len(profiles) // per_page))
        self.page = min(self.page, pages - 1)
        shown = profiles[self.page * per_page:(self.page + 1) * per_page]
        cells = [("new", None)] + [(f"profile_{p.id}", p) for p in shown]
        for i, (widget_id, profile) in enumerate(cells):
            col, row = i % COLUMNS, i // COLUMNS
            rect = pygame.Rect(64 + col * (CARD_W + GAP), 150 + row * (CARD_H + GAP), CARD_W, CARD_H)
            if profile is None:
                self.button(widget_id, rect, self.tr("profiles.new"), self._new, style="@primary",
                            paint=self._paint_new)
            else:
                self.button(widget_id, rect, profile.nickname, lambda p=profile: self._choose(p),
                            style="@card", spoken=self.tr("profiles.spoken_profile", name=profile.nickname),
                            paint=lambda s, r, p=profile: self._paint_profile(s, r, p))
        self.button("back", (MARGIN, 720 - MARGIN - 72, 220, 72), self.tr("profiles.back"), self.back)
        if pages > 1:
            self.button("more", (1280 - MARGIN - 220, 720 - MARGIN - 72, 220, 72),
                        f"{self.page + 1} / {pages}  ›", self._next_page)

    def _next_page(self) -> None:
        pages_total = max(1, -(-len(self.app.store.profiles()) // (COLUMNS * ROWS - 1)))
        self.page = (self.page + 1) % pages_total
        self.rebuild()

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
        self.app.text.draw(surface, self.tr("profiles.heading"), (64, 50), text.HEADING, palette.INK, bold=True)

    def _paint_profile(self, surface, rect, profile) -> None:
        image = self.app.images.get(avatar_path(profile.avatar), (88, 88))
        if image is not None:
            surface.blit(image, (rect.x + 16, rect.centery - 44))
        inner_w = rect.width - 128
        _, height = self.app.text.measure(profile.nickname, text.SMALL + 2, inner_w, bold=True)
        self.app.text.draw(surface, profile.nickname, (rect.x + 116, rect.centery - height // 2), text.SMALL + 2,
                           palette.INK, inner_w, bold=True)

    def _paint_new(self, surface, rect) -> None:
        cx, cy = rect.x + 56, rect.centery
        pygame.draw.circle(surface, palette.INK, (cx, cy), 30, width=4)
        pygame.draw.line(surface, palette.INK, (cx - 14, cy), (cx + 14, cy), 6)
        pygame.draw.line(surface, palette.INK, (cx, cy - 14), (cx, cy + 14), 6)
        label = self.tr("profiles.new")
        w = rect.width - 112
        _, h = self.app.text.measure(label, text.BODY, w, bold=True)
        self.app.text.draw(surface, label, (rect.x + 100, rect.centery - h // 2), text.BODY, palette.INK, w,
                           bold=True)
