"""Albums to print, from the desk: the leader chooses a child and the child's album (fact cards and
badges) is saved as an A4 PDF on a USB stick when one is in, else in the data folder's reports/."""
from __future__ import annotations

from datetime import date

from ...core.club.album_print import album_sheet, write_album
from ...core.club.destinations import report_folders
from ...core.club.setup import load_setup
from ...core.club.today import nickname_order
from .. import palette, text
from .base import MARGIN, Scene
from .desk_parts import BOTTOM_ROW, Card, backdrop, card_grid


class DeskAlbumScene(Scene):
    name = "desk_album"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0
        self.message = ""

    def heading(self) -> str:
        return self.tr("desk.album_pick_child")

    def build(self) -> None:
        children = sorted(self.app.store.profiles(include_archived=True), key=lambda p: nickname_order(p.nickname))
        cards = [Card(f"child_{c.id}", c.nickname, lambda c=c: self._print(c)) for c in children]
        self.page = card_grid(self, cards, self.page, 130, BOTTOM_ROW - 120, columns=3, card_h=72,
                              on_page=self._page)
        self.button("back", (MARGIN, BOTTOM_ROW, 240, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)

    def _page(self, page: int) -> None:
        self.page = page
        self.refresh("more")

    def _print(self, child) -> None:
        folder = report_folders(self.app.services.data_dir)[0]
        sheet = album_sheet(self.app.store, self.app.catalog, child, self.app.tr,
                            load_setup(self.app.store).library_name, date.today().isoformat())
        try:
            folder.mkdir(parents=True, exist_ok=True)
            pdf = write_album(folder / f"olketanu-album-{child.id}.pdf", sheet)
        except OSError as error:
            self.message = self.tr("desk.report_failed", error=error.strerror or str(error))
        else:
            self.message = self.tr("desk.album_saved", name=pdf.name, folder=str(folder), cards=len(sheet.cards))
        self.app.say(self.message)

    def back(self) -> None:
        self.app.pop()

    def backdrop_key(self) -> tuple:
        return (self.message,)

    def draw(self, surface) -> None:
        backdrop(self, surface, self.heading())
        if self.message:
            tr, width = self.app.text, 1280 - 2 * MARGIN
            size = tr.fitting_size(self.message, text.SMALL + 2, width, 96, bold=True)
            tr.draw(surface, self.message, (MARGIN, BOTTOM_ROW - 108), size, palette.PINE_GREEN, width, bold=True)
