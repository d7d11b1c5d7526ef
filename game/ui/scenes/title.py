"""The title screen: play, choose the language, quit."""
from __future__ import annotations

from ...core.text import LANGUAGES
from ...paths import ASSETS
from .. import palette, text
from .base import MARGIN, Scene


class TitleScene(Scene):
    name = "title"

    def heading(self) -> str:
        return f"{self.tr('app.name')}. {self.tr('app.tagline')}"

    def build(self) -> None:
        self.button("play", (80, 380, 400, 96), self.tr("title.play"), self._play, style="@primary",
                    size=text.HEADING - 8)
        for i, lang in enumerate(LANGUAGES):
            name = self.tr(f"language.{lang}")
            style = "@chosen" if lang == self.app.lang else "@button"
            self.button(f"lang_{lang}", (80 + i * 240, 510, 220, 72), name,
                        lambda lang=lang: self.app.set_language(lang), style=style,
                        spoken=self.tr("title.language", name=name))
        self.button("settings", (80, 606, 320, 66), self.tr("title.settings"), self._settings, size=text.SMALL + 4)
        self.button("quit", (1280 - MARGIN - 200, 720 - MARGIN - 72, 200, 72), self.tr("title.quit"),
                    self._quit)

    def _settings(self) -> None:
        from .settings import SettingsScene
        self.app.push(SettingsScene(self.app))

    def _play(self) -> None:
        from .profiles import ProfilesScene
        self.app.switch(ProfilesScene(self.app))

    def _quit(self) -> None:
        self.app.running = False

    def back(self) -> None:
        self._quit()

    def backdrop_key(self) -> tuple:
        return ()

    def draw(self, surface) -> None:
        self.draw_background(surface, ASSETS / "backgrounds" / "title.svg")
        tr = self.app.text
        tr.draw(surface, self.tr("app.name"), (84, 134), text.TITLE, palette.NIGHT_BLUE, bold=True)
        tr.draw(surface, self.tr("app.name"), (80, 130), text.TITLE, palette.PAPER, bold=True)
        tr.draw(surface, self.tr("app.tagline"), (84, 270), 36, palette.PAPER, width=640, bold=True)
