"""The title screen: play, choose the language, quit."""
from __future__ import annotations

from ...core.text import LANGUAGES
from ...paths import ASSETS
from .. import palette, text
from .base import MARGIN, Scene


class TitleScene(Scene):
    name = "title"

    def heading(self) -> str:
        library = self.app.services.library_name
        return f"{self.tr('app.name')}. {self.tr('app.tagline')}" + (f". {library}" if library else "")

    def build(self) -> None:
        self.button("play", (80, 380, 400, 96), self.tr("title.play"), self._play, style="@primary",
                    size=text.HEADING - 8)
        for i, lang in enumerate(LANGUAGES):
            name = self.tr(f"language.{lang}")
            style = "@chosen" if lang == self.app.lang else "@button"
            self.button(f"lang_{lang}", (80 + i * 240, 510, 220, 72), name,
                        lambda lang=lang: self.app.set_language(lang), style=style,
                        spoken=self.tr("title.language", name=name), lang=lang)
        self.button("desk", (80, 606, 400, 66), self.tr("title.desk"), self._desk, size=text.BODY)
        self.button("quit", (1280 - MARGIN - 200, 720 - MARGIN - 72, 200, 72), self.tr("title.quit"),
                    self._quit)

    def _desk(self) -> None:
        """The club leader's desk (groups, sessions, reports, this computer's defaults), behind the PIN."""
        self.app.open("leader_pin", on_success=lambda: self.app.show("desk"))

    def _play(self) -> None:
        self.app.show("profiles")

    def _quit(self) -> None:
        if self.app.kiosk is not None:  # a kiosk is left by the leader only
            self.app.kiosk.leave()
            return
        self.app.running = False

    def back(self) -> None:
        self._quit()

    def backdrop_key(self) -> tuple:
        return ()

    def draw(self, surface) -> None:
        self.draw_background(surface, ASSETS / "backgrounds" / "title.svg")
        tr = self.app.text
        name, tagline = self.tr("app.name"), self.tr("app.tagline")
        library = self.app.services.library_name
        if library:
            tr.draw(surface, library, (84, 60), tr.fitting_size(library, text.BODY, 880, 60, bold=True),
                    palette.PAPER, 880, bold=True)
        size = tr.fitting_size(name, text.TITLE, 1100, 150, bold=True)
        tr.draw(surface, name, (84, 134), size, palette.NIGHT_BLUE, 1100, bold=True)  # its shadow
        bottom = tr.draw(surface, name, (80, 130), size, palette.PAPER, 1100, bold=True).bottom
        room = 366 - bottom  # down to the play button
        tr.draw(surface, tagline, (84, bottom + 4), tr.fitting_size(tagline, text.HEADING - 8, 700, room, bold=True),
                palette.PAPER, 700, bold=True)
