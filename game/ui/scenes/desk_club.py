"""This club's choices for this computer, at the leader's desk: the library's name (on reports and
certificates), kiosk mode and its idle minutes, and the big screen of a projector (this computer's
setting). Kiosk mode starts or stops at once."""
from __future__ import annotations

import dataclasses

from ...core.club.setup import IDLE_MINUTES, MAX_LIBRARY_NAME, load_setup, save_setup
from ...core.settings import cycle
from .. import palette, text
from ..kiosk import enable_kiosk
from .base import MARGIN
from .desk_parts import BOTTOM_ROW, DeskForm, TextField, backdrop


class DeskClubScene(DeskForm):
    name = "desk_club"

    def heading(self) -> str:
        return self.tr("desk.club")

    def build(self) -> None:
        self.setup = load_setup(self.app.store)
        self.field = TextField(self, "library_name", (MARGIN, 160, 800, 64), self.setup.library_name,
                               MAX_LIBRARY_NAME, lambda value: self.tr("desk.spoken_library", text=value),
                               self._save_name)
        self.button("save_name", (MARGIN + 820, 160, 364, 64), self.tr("desk.save"), self._save_name,
                    size=text.SMALL + 2)
        on_off = self.tr("settings.on" if self.setup.kiosk else "settings.off")
        self.button("kiosk", (MARGIN, 270, 580, 80), self.tr("desk.kiosk", value=on_off), self._kiosk,
                    style="@card", size=text.SMALL + 2)
        self.button("idle", (MARGIN + 604, 270, 580, 80),
                    self.tr("desk.idle_minutes", n=self.setup.kiosk_idle_minutes), self._idle, style="@card",
                    size=text.SMALL + 2)
        self.button("big_screen", (MARGIN, 370, 580, 80),
                    self.tr("desk.big_screen", value=self.tr("settings.on" if self.app.settings.big_screen
                                                             else "settings.off")), self._big_screen, style="@card",
                    size=text.SMALL + 2)
        self.button("back", (MARGIN, BOTTOM_ROW, 240, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)

    def _change(self, **values):
        """The choices with these values, kept; None when the disk refused (the leader is told)."""
        kept = self.app.save(save_setup, self.app.store, dataclasses.replace(self.setup, **values))
        self.setup = kept or self.setup
        return kept

    def _save_name(self) -> None:
        if self._change(library_name=" ".join(self.field.value.split())) is not None:
            self._tell(self.tr("desk.saved"))

    def _kiosk(self) -> None:
        setup = self._change(kiosk=not self.setup.kiosk)
        if setup is not None:
            self.app.kiosk = enable_kiosk(self.app, setup.kiosk_idle_minutes) if setup.kiosk else None
            self.refresh("kiosk")

    def _idle(self) -> None:
        setup = self._change(kiosk_idle_minutes=cycle(IDLE_MINUTES, self.setup.kiosk_idle_minutes))
        if setup is not None:
            if self.app.kiosk is not None:
                enable_kiosk(self.app, setup.kiosk_idle_minutes)
            self.refresh("idle")

    def _big_screen(self) -> None:
        """A projector: this computer's setting (the desk has no child), read by every screen."""
        self.app.apply_settings(dataclasses.replace(self.app.settings, big_screen=not self.app.settings.big_screen))
        self.focus.speak_focused()

    def backdrop_key(self) -> tuple:
        return (self.message,)

    def draw(self, surface) -> None:
        backdrop(self, surface, self.heading())
        tr, label = self.app.text, self.tr("desk.library_name")
        tr.draw(surface, label, (MARGIN, 104), tr.fitting_size(label, text.SMALL + 2, 1180, 40), palette.INK, 1180)
        if self.message:
            tr.draw(surface, self.message, (MARGIN, 470), tr.fitting_size(self.message, text.SMALL + 2, 1180, 40,
                                                                           bold=True), palette.PINE_GREEN, 1180,
                    bold=True)
