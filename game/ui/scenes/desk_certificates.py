"""Certificates from the desk: choose a child, then one of the certificates they earned (a pack
finished, a session played); its PDF and PNG go to a USB stick when one is in, else to the data
folder's reports/."""
from __future__ import annotations

from datetime import date

from ...core.club.certificate import earned, write_certificate
from ...core.club.destinations import report_folders
from ...core.club.setup import load_setup
from ...core.club.today import nickname_order
from .. import palette, text
from .base import MARGIN, Scene
from .desk_parts import BOTTOM_ROW, Card, backdrop, card_grid


class DeskCertificatesScene(Scene):
    name = "desk_certificates"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.child = None
        self.page = 0
        self.message = ""

    def heading(self) -> str:
        if self.child is None:
            return self.tr("desk.cert_pick_child")
        return self.tr("desk.cert_pick", name=self.child.nickname)

    def build(self) -> None:
        if self.child is None:
            children = sorted(self.app.store.profiles(include_archived=True), key=lambda p: nickname_order(p.nickname))
            cards = [Card(f"child_{c.id}", c.nickname, lambda c=c: self._choose(c)) for c in children]
        else:
            self.earned = earned(self.app.store, self.app.catalog, self.child, self.app.tr,
                                 load_setup(self.app.store).library_name, date.today().isoformat())
            cards = [Card(f"cert_{key}", cert.achievement, lambda k=key, c=cert: self._write(k, c))
                     for key, cert in self.earned]
        self.empty = not cards
        self.page = card_grid(self, cards, self.page, 130, BOTTOM_ROW - 120, columns=2, card_h=84,
                              on_page=self._page)
        self.button("back", (MARGIN, BOTTOM_ROW, 240, 64), self.tr("desk.back"), self.back, size=text.SMALL + 2)

    def _page(self, page: int) -> None:
        self.page = page
        self.refresh("more")

    def _choose(self, child) -> None:
        self.child, self.page, self.message = child, 0, ""
        self.rebuild(announce=True)
        if self.empty:
            self.app.say(self.tr("desk.cert_none", name=child.nickname))

    def _write(self, key: str, cert) -> None:
        folder = report_folders(self.app.services.data_dir)[0]
        name = f"olketanu-certificate-{self.child.id}-{key}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            pdf, png = write_certificate(folder / name, cert, self.app.tr)
        except OSError as error:
            self.message = self.tr("desk.report_failed", error=error.strerror or str(error))
            self.app.say(self.message)
            return
        self.message = self.tr("desk.cert_saved", name=pdf.name, folder=str(folder))
        self.app.say(self.message)

    def back(self) -> None:
        if self.child is not None:
            self.child, self.page, self.message = None, 0, ""
            self.rebuild(announce=True)
            return
        self.app.pop()

    def backdrop_key(self) -> tuple:
        return (self.child, self.message, self.empty)

    def draw(self, surface) -> None:
        backdrop(self, surface, self.heading())
        tr, width = self.app.text, 1280 - 2 * MARGIN
        message = self.message or (self.tr("desk.cert_none", name=self.child.nickname)
                                   if self.child is not None and self.empty else "")
        if message:
            tr.draw(surface, message, (MARGIN, BOTTOM_ROW - 108), tr.fitting_size(message, text.SMALL + 2, width, 96,
                                                                                 bold=True),
                    palette.PINE_GREEN, width, bold=True)
