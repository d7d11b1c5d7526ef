"""Making a new profile: a nickname (no real name) and a picture."""
from __future__ import annotations

import pygame
from pygame_gui.core import ObjectID

from ...core.avatars import AVATARS
from ...core.profiles import MAX_NICKNAME, ProfileBook
from ...paths import ASSETS
from .. import palette, text
from ..images import avatar_path
from ..focus import Focusable
from ..text_entry import TextEntry
from .base import MARGIN, Scene

TILE, TILE_GAP = 112, 24


class CreateProfileScene(Scene):
    name = "create_profile"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.avatar = AVATARS[0]
        self.nickname = ""
        self.error = ""
        self._cursor_shown = False

    def heading(self) -> str:
        return self.tr("create.heading")

    def build(self) -> None:
        self.entry = TextEntry(
            pygame.Rect(64, 190, 600, 68), manager=self.app.ui,
            object_id=ObjectID(object_id="#nickname", class_id="@entry"))
        self.entry.set_text_length_limit(MAX_NICKNAME)
        self.entry.set_text(self.nickname)
        self.ui_elements.append(self.entry)
        self.focus.add(Focusable("nickname", self.entry.rect, self._spoken_entry, self._done, takes_text=True,
                                 on_focus=self._entry_focus))
        for i, avatar in enumerate(AVATARS):
            col, row = i % 6, i // 6
            rect = pygame.Rect(64 + col * (TILE + TILE_GAP), 336 + row * (TILE + TILE_GAP), TILE, TILE)
            name = self.tr(f"avatar.{avatar}")
            self.button(f"avatar_{avatar}", rect, name, lambda a=avatar: self._pick(a),
                        style="@chosen" if avatar == self.avatar else "@card",
                        spoken=self.tr("create.spoken_avatar", name=name),
                        paint=lambda s, r, a=avatar: self._paint_avatar(s, r, a))
        self.button("done", (1280 - MARGIN - 300, 720 - MARGIN - 88, 300, 88), self.tr("create.done"),
                    self._done, style="@primary", size=36)
        self.button("back", (MARGIN, 720 - MARGIN - 72, 200, 72), self.tr("create.back"), self.back)

    def _entry_focus(self, gained: bool) -> None:
        self.app.ui.set_focus_set(self.entry if gained else None)

    def _spoken_entry(self) -> str:
        return self.tr("create.spoken_entry", text=self.entry.get_text())

    def _pick(self, avatar: str) -> None:
        self.nickname = self.entry.get_text()
        self.avatar = avatar
        self.rebuild()
        self.focus.speak_focused()

    def _done(self) -> None:
        self.nickname = self.entry.get_text()
        created = self.app.save(ProfileBook(self.app.store).create, self.nickname, self.avatar, self.app.lang,
                                self.app.settings.to_dict())  # the computer's settings become the child's
        if created is None:
            return  # not saved: stay here, the notice says why
        if created.problem is not None:
            self._show_error(self.tr(created.problem))
            return
        self.app.profile = created.profile
        self.app.show("map")

    def _show_error(self, message: str) -> None:
        self.error = message
        self.app.say(message)
        self.focus.focus("nickname", speak=False)

    def back(self) -> None:
        self.app.show("profiles")

    def update(self, dt: float) -> bool:
        """Redraw only when the text cursor blinks on or off."""
        shown = bool(getattr(self.entry, "cursor_on", False)) and self.entry.is_focused
        changed, self._cursor_shown = shown != self._cursor_shown, shown
        return changed

    def handle_event(self, event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and self.entry.rect.collidepoint(event.pos):
            self.focus.visible = False
            self.focus.focus("nickname")
            return True
        if event.type == pygame.TEXTINPUT and self.error:
            self.error = ""
            return True
        return False

    def backdrop_key(self) -> tuple:
        return (self.error,)

    def draw(self, surface) -> None:
        self.draw_background(surface, ASSETS / "backgrounds" / "map.svg", palette.PAPER)
        tr = self.app.text
        tr.draw(surface, self.tr("create.heading"), (64, 40), text.HEADING, palette.INK, bold=True)
        tr.draw(surface, self.tr("create.nickname"), (64, 140), text.BODY, palette.INK, bold=True)
        tr.draw(surface, self.tr("create.avatar"), (64, 284), text.BODY, palette.INK, bold=True)
        if self.error:
            pygame.draw.circle(surface, palette.FELT_RED, (700, 224), 18)
            tr.draw(surface, "!", (693, 204), text.BODY, palette.PAPER, bold=True)
            tr.draw(surface, self.error, (730, 204), text.BODY, palette.INK, 500, bold=True)

    def _paint_avatar(self, surface, rect, avatar) -> None:
        image = self.app.images.get(avatar_path(avatar), (rect.width - 24, rect.height - 24))
        if image is not None:
            surface.blit(image, (rect.x + 12, rect.y + 12))
        if avatar == self.avatar:
            badge = (rect.right - 14, rect.y + 14)
            pygame.draw.circle(surface, palette.PINE_GREEN, badge, 18)
            pygame.draw.circle(surface, palette.PAPER, badge, 18, width=3)
            pygame.draw.lines(surface, palette.PAPER, False,
                              [(badge[0] - 9, badge[1]), (badge[0] - 2, badge[1] + 7), (badge[0] + 9, badge[1] - 7)], 4)

