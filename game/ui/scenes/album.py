"""The child's album, opened from the map: a fact card (a picture, one sentence, its source) for every
level finished, two to a page (one with larger text), and the badges of the packs, earned or still to earn. Every card and
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
MIN_PICTURE_H = 60
SIDE_PICTURE_W = 300  # one card a page: the picture at the left
SOURCE_LINES = {2: 4, 1: 3}  # by cards a page: the room of a source, in lines of its size (larger text shrinks)
BADGES_PER_PAGE = 3
BADGE_GAP = 16


class AlbumScene(Scene):
    name = "album"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0
        self.album = album(app.store, app.catalog, app.profile.id)
        self.per_page = PER_PAGE if app.text.scale <= 1.0 else 1  # larger text: one card a page

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.album.cards) // self.per_page), -(-len(self.album.badges) // BADGES_PER_PAGE))

    def heading(self) -> str:
        cards, earned = len(self.album.cards), len(self.album.earned)
        if not cards:
            return self.tr("album.empty", name=self.app.profile.nickname)
        return self.tr("album.heading", name=self.app.profile.nickname, cards=cards, badges=earned)

    def build(self) -> None:
        lang = self.app.lang
        width = (1280 - 2 * MARGIN - (self.per_page - 1) * GAP) // self.per_page
        shown = self.album.cards[self.page * self.per_page:(self.page + 1) * self.per_page]
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
        """The words from the bottom up: the source (in three or four lines), the sentence, the title. Two cards a
        page have their picture on top, in the room the words leave; one card a page (larger text) has it
        at the left."""
        tr, lang = self.app.text, self.app.lang
        inner = rect.inflate(-28, -24)
        if self.per_page == 1:
            picture_box = pygame.Rect(inner.x, inner.y, SIDE_PICTURE_W, inner.height)
            column = pygame.Rect(picture_box.right + 20, inner.y, inner.width - SIDE_PICTURE_W - 20, inner.height)
        else:
            picture_box, column = None, inner
        source = self.tr("quiz.source", source=card.card.source)
        source_size = tr.fitting_size(source, text.SMALL, column.width, tr.line_height(text.SMALL) * SOURCE_LINES[self.per_page])
        source_h = tr.measure(source, source_size, column.width)[1]
        title, words = card.level_title.get(lang), card.card.text.get(lang)
        title_size = tr.fitting_size(title, text.SMALL + 2, column.width,
                                     tr.line_height(text.SMALL + 2, bold=True) * 2, bold=True)
        title_h = tr.measure(title, title_size, column.width, bold=True)[1]
        if picture_box is None:
            words_h = tr.measure(words, text.SMALL + 2, column.width)[1]
            height = max(MIN_PICTURE_H, min(PICTURE_H, inner.height - source_h - title_h - words_h - 18))
            picture_box = pygame.Rect(inner.x, inner.y, inner.width, height)
            column = pygame.Rect(inner.x, picture_box.bottom + 8, inner.width, inner.bottom - picture_box.bottom - 8)
        picture = self.app.images.get(card.folder / card.card.picture, picture_box.size)
        if picture is not None:
            surface.blit(picture, picture.get_rect(center=picture_box.center))
        y = tr.draw(surface, title, column.topleft, title_size, palette.NIGHT_BLUE, column.width, bold=True).bottom + 4
        size = tr.fitting_size(words, text.SMALL + 2, column.width, column.bottom - source_h - 6 - y)
        tr.draw(surface, words, (column.x, y), size, palette.INK, column.width)
        tr.draw(surface, source, (column.x, column.bottom - source_h), source_size, palette.MUTED_INK, column.width)

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
