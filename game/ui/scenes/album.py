"""The child's album, opened from the map: a fact card (a picture, one sentence, its source) for every
level finished, two to a page, and the badges of the packs, earned or still to earn. Every card and
badge is in the focus ring and reads itself aloud. The album is read from storage (game/core/album.py);
this screen only draws it."""
from __future__ import annotations

import pygame

from ...core.album import album
from ...paths import ASSETS
from .. import palette, text
from .base import MARGIN, Scene

PER_PAGE = 2
GAP = 24
CARD_TOP, CARD_H = 88, 400
BADGE_TOP, BADGE_H = CARD_TOP + CARD_H + 14, 92
PICTURE_H = 150
BADGES_PER_PAGE = 3
BADGE_GAP = 16


class AlbumScene(Scene):
    name = "album"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0
        self.album = album(app.store, app.catalog, app.profile.id)

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.album.cards) // PER_PAGE), -(-len(self.album.badges) // BADGES_PER_PAGE))

    def heading(self) -> str:
        cards, earned = len(self.album.cards), len(self.album.earned)
        if not cards:
            return self.tr("album.empty", name=self.app.profile.nickname)
        return self.tr("album.heading", name=self.app.profile.nickname, cards=cards, badges=earned)

    def build(self) -> None:
        lang = self.app.lang
        width = (1280 - 2 * MARGIN - (PER_PAGE - 1) * GAP) // PER_PAGE
        shown = self.album.cards[self.page * PER_PAGE:(self.page + 1) * PER_PAGE]
        for i, card in enumerate(shown):
            rect = (MARGIN + i * (width + GAP), CARD_TOP, width, CARD_H)
            title, words = card.level_title.get(lang), card.card.text.get(lang)
            source = self.tr("quiz.source", source=card.card.source)
            self.button(f"card_{card.pack_id}_{card.level_id}", rect, title, lambda: None,
                        spoken=f"{title}. {words} {source}", style="@card",
                        paint=lambda surface, r, c=card: self._paint_card(surface, r, c))
        badge_w = (1280 - 2 * MARGIN - (BADGES_PER_PAGE - 1) * BADGE_GAP) // BADGES_PER_PAGE
        badges = self.album.badges[self.page * BADGES_PER_PAGE:(self.page + 1) * BADGES_PER_PAGE]
        for i, badge in enumerate(badges):
            rect = (MARGIN + i * (badge_w + BADGE_GAP), BADGE_TOP, badge_w, BADGE_H)
            title = badge.badge.title.get(lang)
            spoken = self.tr("album.badge_earned" if badge.earned else "album.badge_waiting", title=title)
            self.button(f"badge_{badge.pack_id}_{badge.badge.id}", rect, title, lambda: None, spoken=spoken,
                        style="@chosen" if badge.earned else "@card",
                        paint=lambda surface, r, b=badge: self._paint_badge(surface, r, b))
        y = 720 - MARGIN - 64
        self.button("back", (MARGIN, y, 320, 64), self.tr("album.back"), self.back, size=text.SMALL + 2)
        if self.pages > 1:
            label = self.tr("desk.page", page=self.page + 1, pages=self.pages)
            self.button("more", (MARGIN + 340, y, 320, 64), f"{label}  ›", self._next_page,
                        spoken=self.tr("desk.more_spoken", page=self.page + 1, pages=self.pages),
                        size=text.SMALL + 2)

    def _next_page(self) -> None:
        self.page = (self.page + 1) % self.pages
        self.refresh("more")

    def back(self) -> None:
        self.app.pop()

    # -- drawing --------------------------------------------------------------------------------
    def _paint_card(self, surface, rect: pygame.Rect, card) -> None:
        tr, lang = self.app.text, self.app.lang
        inner = rect.inflate(-28, -24)
        picture = self.app.images.get(card.folder / card.card.picture, (inner.width, PICTURE_H))
        if picture is not None:
            surface.blit(picture, picture.get_rect(midtop=(rect.centerx, inner.y)))
        y = inner.y + PICTURE_H + 8
        title = card.level_title.get(lang)
        size = tr.fitting_size(title, text.SMALL + 2, inner.width, tr.line_height(text.SMALL + 2, bold=True) * 2,
                               bold=True)
        y = tr.draw(surface, title, (inner.x, y), size, palette.NIGHT_BLUE, inner.width, bold=True).bottom + 4
        source = self.tr("quiz.source", source=card.card.source)
        source_size = tr.fitting_size(source, text.SMALL, inner.width, tr.line_height(text.SMALL) * 3)
        source_h = tr.measure(source, source_size, inner.width)[1]
        words = card.card.text.get(lang)
        size = tr.fitting_size(words, text.SMALL + 2, inner.width, inner.bottom - source_h - 6 - y)
        tr.draw(surface, words, (inner.x, y), size, palette.INK, inner.width)
        tr.draw(surface, source, (inner.x, inner.bottom - source_h), source_size, palette.MUTED_INK, inner.width)

    def _paint_badge(self, surface, rect: pygame.Rect, badge) -> None:
        tr = self.app.text
        side = rect.height - 16
        picture = self.app.images.get(badge.folder / badge.badge.picture, (side, side))
        if picture is not None:
            if not badge.earned:
                picture = picture.copy()
                picture.set_alpha(90)
            surface.blit(picture, (rect.x + 10, rect.y + 8))
        title = badge.badge.title.get(self.app.lang)
        width = rect.width - side - 32
        size = tr.fitting_size(title, text.SMALL, width, rect.height - 12, bold=True)
        _, height = tr.measure(title, size, width, bold=True)
        tr.draw(surface, title, (rect.x + side + 22, rect.centery - height // 2), size,
                palette.INK if badge.earned else palette.MUTED_INK, width, bold=True)

    def backdrop_key(self) -> tuple:
        return (self.page,)

    def draw(self, surface) -> None:
        self.draw_background(surface, ASSETS / "backgrounds" / "map.svg", palette.PAPER)
        tr = self.app.text
        heading = self.heading()
        size = tr.fitting_size(heading, 36, 1280 - 2 * MARGIN, 56, bold=True)
        tr.draw(surface, heading, (MARGIN, 20), size, palette.INK, 1280 - 2 * MARGIN, bold=True)
