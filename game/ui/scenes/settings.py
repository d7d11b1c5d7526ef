"""Settings: speech, text size, contrast, spacing, motion, a second language, reading speed, sources.
Opened from the title screen they are this computer's defaults; from the map, the child's own."""
from __future__ import annotations

import dataclasses

from ...core.settings import FONTS, KAZAKH_SCRIPTS, SPEECH_SPEEDS, SPEECH_VOLUMES, TEXT_SCALES, TEXT_SPEEDS, cycle
from ...core.text import LANGUAGES
from ...paths import ASSETS
from .. import palette, text
from .base import MARGIN, Scene

ROW_W, ROW_H, ROW_GAP = 560, 64, 12
ROWS_TOP = 130
BACK_PLACE = 12  # the 13th place (row 7, left) is under the back button


class SettingsScene(Scene):
    name = "settings"

    def heading(self) -> str:
        return self.tr("settings.heading_child" if self.app.profile else "settings.heading_computer")

    def _rows(self) -> list[tuple[str, str, object]]:
        """(id, label, what pressing it does)."""
        s = self.app.settings
        on_off = lambda flag: self.tr("settings.on" if flag else "settings.off")
        second = self.tr(f"language.{s.second_language}") if s.second_language else self.tr("settings.none")
        speed_name = {20: "slow", 45: "normal", 90: "fast", 0: "instant"}.get(s.text_speed, "normal")
        voice_name = {120: "slow", 160: "normal", 210: "fast"}.get(s.speech_speed, "normal")
        return [
            ("speech_on", self.tr("settings.speech", value=on_off(s.speech_on)), lambda: self._flip("speech_on")),
            ("speech_speed", self.tr("settings.speech_speed", value=self.tr(f"settings.{voice_name}")),
             lambda: self._set("speech_speed", cycle(SPEECH_SPEEDS, s.speech_speed))),
            ("speech_volume", self.tr("settings.speech_volume", value=int(s.speech_volume * 100)),
             lambda: self._set("speech_volume", cycle(SPEECH_VOLUMES, s.speech_volume))),
            ("text_scale", self.tr("settings.text_scale", value=int(s.text_scale * 100)),
             lambda: self._set("text_scale", cycle(TEXT_SCALES, s.text_scale))),
            ("high_contrast", self.tr("settings.high_contrast", value=on_off(s.high_contrast)),
             lambda: self._flip("high_contrast")),
            ("wide_spacing", self.tr("settings.wide_spacing", value=on_off(s.wide_spacing)),
             lambda: self._flip("wide_spacing")),
            ("reduced_motion", self.tr("settings.reduced_motion", value=on_off(s.reduced_motion)),
             lambda: self._flip("reduced_motion")),
            ("second_language", self.tr("settings.second_language", value=second),
             lambda: self._set("second_language", self._next_second_language())),
            ("text_speed", self.tr("settings.text_speed", value=self.tr(f"settings.{speed_name}")),
             lambda: self._set("text_speed", cycle(TEXT_SPEEDS, s.text_speed))),
            ("auto_advance", self.tr("settings.auto_advance", value=on_off(s.auto_advance)),
             lambda: self._flip("auto_advance")),
            ("font", self.tr("settings.font", value=self.tr(f"settings.font_{s.font}")),
             lambda: self._set("font", cycle(FONTS, s.font))),
            ("kazakh_script", self.tr("settings.kazakh_script", value=self.tr(f"settings.script_{s.kazakh_script}")),
             lambda: self._set("kazakh_script", cycle(KAZAKH_SCRIPTS, s.kazakh_script))),
            ("show_sources", self.tr("settings.show_sources", value=on_off(s.show_sources)),
             lambda: self._flip("show_sources")),
        ]

    def _next_second_language(self) -> str | None:
        """The next choice, never the language already shown (it would only repeat every line)."""
        offered = (None,) + tuple(lang for lang in LANGUAGES if lang != self.app.lang)
        return cycle(offered, self.app.settings.second_language)

    def build(self) -> None:
        for i, (row_id, label, action) in enumerate(self._rows()):
            place = i if i < BACK_PLACE else i + 1  # the last row's left place is the back button's
            col, row = place % 2, place // 2
            rect = (MARGIN + col * (ROW_W + 24), ROWS_TOP + row * (ROW_H + ROW_GAP), ROW_W, ROW_H)
            self.button(row_id, rect, label, action, style="@card", size=text.SMALL + 2)
        self.button("back", (MARGIN, 720 - MARGIN - 72, 240, 72), self.tr("settings.back"), self.back,
                    style="@primary")

    def _flip(self, name: str) -> None:
        self._set(name, not getattr(self.app.settings, name))

    def _set(self, name: str, value) -> None:
        self.app.apply_settings(dataclasses.replace(self.app.settings, **{name: value}))
        self.focus.speak_focused()

    def back(self) -> None:
        self.app.pop()

    def backdrop_key(self) -> tuple:
        return ()

    def draw(self, surface) -> None:
        self.draw_background(surface, ASSETS / "backgrounds" / "map.svg", palette.PAPER)
        tr, heading = self.app.text, self.heading()
        room = ROWS_TOP - 8  # above the first row of buttons, descenders included
        size = tr.fitting_size(heading, 40, 1180, room, bold=True)
        height = tr.measure(heading, size, 1180, bold=True)[1]
        tr.draw(surface, heading, (MARGIN, max(4, (ROWS_TOP - height) // 2)), size, palette.INK, 1180, bold=True)
