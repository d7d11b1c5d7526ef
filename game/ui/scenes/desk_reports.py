"""Reports to take away, from the desk: whose (everyone, a group, the last session), where (a USB
stick when one is in, else the data folder's reports/), and as a spreadsheet (CSV) or a page to print
(HTML)."""
from __future__ import annotations

from ...core.club.destinations import report_folders
from ...core.club.export import export_to_folder
from ...core.club.setup import load_setup
from .. import palette, text
from .base import MARGIN, Scene
from .desk_parts import BOTTOM_ROW, backdrop, report_scopes

ROW_H = 76


class DeskReportsScene(Scene):
    name = "desk_reports"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.scope_index = 0
        self.folder_index = 0
        self.message = ""

    def heading(self) -> str:
        return self.tr("desk.reports")

    def build(self) -> None:
        self.scopes = report_scopes(self)[:6]
        self.folders = report_folders(self.app.services.data_dir)[:3]
        self.scope_index = min(self.scope_index, len(self.scopes) - 1)
        self.folder_index = min(self.folder_index, len(self.folders) - 1)
        width = (1280 - 2 * MARGIN - 2 * 16) // 3
        for i, (label, _) in enumerate(self.scopes):
            rect = (MARGIN + (i % 3) * (width + 16), 134 + (i // 3) * (ROW_H + 12), width, ROW_H)
            self.button(f"scope_{i}", rect, label, lambda i=i: self._choose_scope(i), size=text.SMALL + 2,
                        style="@chosen" if i == self.scope_index else "@card",
                        spoken=self.tr("desk.spoken_choice", label=label, chosen=self._chosen(i == self.scope_index)))
        for i, folder in enumerate(self.folders):
            label = self._folder_label(folder)
            rect = (MARGIN + i * (width + 16), 344, width, ROW_H)
            self.button(f"folder_{i}", rect, label, lambda i=i: self._choose_folder(i), size=text.SMALL + 2,
                        style="@chosen" if i == self.folder_index else "@card",
                        spoken=self.tr("desk.spoken_folder", path=str(folder),
                                       chosen=self._chosen(i == self.folder_index)))
        self.button("save_html", (MARGIN, 434, 420, 72), self.tr("desk.save_html"), lambda: self._save("html"),
                    style="@primary", size=text.SMALL + 2)
        self.button("save_csv", (MARGIN + 440, 434, 420, 72), self.tr("desk.save_csv"), lambda: self._save("csv"),
                    style="@primary", size=text.SMALL + 2)
        self.button("back", (MARGIN, BOTTOM_ROW, 240, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)

    def _chosen(self, chosen: bool) -> str:
        return self.tr("desk.chosen" if chosen else "desk.not_chosen")

    def _folder_label(self, folder) -> str:
        if folder == self.app.services.data_dir / "reports":
            return self.tr("desk.folder_data")
        return self.tr("desk.folder_drive", name=folder.name or str(folder))

    def _choose_scope(self, i: int) -> None:
        self.scope_index = i
        self.refresh(f"scope_{i}")

    def _choose_folder(self, i: int) -> None:
        self.folder_index = i
        self.refresh(f"folder_{i}")

    def _save(self, fmt: str) -> None:
        scope = self.scopes[self.scope_index][1]
        try:
            path = export_to_folder(self.app.store, self.app.catalog, scope, self.app.tr, fmt,
                                    self.folders[self.folder_index], load_setup(self.app.store).library_name)
        except OSError as error:
            self.message = self.tr("desk.report_failed", error=error.strerror or str(error))
        else:
            folder = self._folder_label(self.folders[self.folder_index])
            self.message = self.tr("desk.report_saved", name=path.name, folder=folder)
            self.app.say(self.tr("desk.report_saved_spoken", path=str(path)))
            return
        self.app.say(self.message)

    def back(self) -> None:
        self.app.pop()

    def backdrop_key(self) -> tuple:
        return (self.message,)

    def draw(self, surface) -> None:
        backdrop(self, surface, self.heading())
        tr, width = self.app.text, 1280 - 2 * MARGIN
        for label, y in ((self.tr("desk.report_whose"), 92), (self.tr("desk.report_where"), 304)):
            tr.draw(surface, label, (MARGIN, y), tr.fitting_size(label, text.SMALL + 2, width, 38, bold=True),
                    palette.NIGHT_BLUE, width, bold=True)
        if self.message:
            tr.draw(surface, self.message, (MARGIN, 516), tr.fitting_size(self.message, text.SMALL + 2, width, 88,
                                                                          bold=True),
                    palette.PINE_GREEN, width, bold=True)
