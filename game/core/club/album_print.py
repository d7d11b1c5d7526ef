"""A child's album on A4 paper (portrait), printed from the leader's desk: the child's fact cards, eight to
a page, each with its picture, the level's title, the sentence and its source, and the badges earned
under them. The same route as the certificates: a PDF by fpdf2 with Noto Sans embedded (every Kazakh
letter); the pack's SVG pictures are drawn by fpdf2 itself."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..album import album
from .certificate import FONTS, INK, NIGHT_BLUE, PAPER, SUN_GOLD

PAGE_W, PAGE_H = 210.0, 297.0  # A4 portrait, mm
MARGIN = 12.0
COLUMNS, ROWS = 2, 4
CARD_GAP = 5.0
TOP = 38.0        # under the heading
BADGE_ROW = 30.0  # the badges' row at the foot of the last page
PICTURE = 30.0
GREY = (110, 110, 110)


@dataclass(frozen=True)
class PrintedCard:
    title: str
    words: str
    source: str  # "Source: …" in the album's language
    picture: Path


@dataclass(frozen=True)
class AlbumSheet:
    heading: str
    byline: str  # the library and the day
    cards: tuple[PrintedCard, ...]
    badges: tuple[tuple[str, Path], ...]  # (title, picture) of the badges earned
    empty: str   # said on the page when there is no card yet


def album_sheet(store, catalog, profile, tr, library: str, day: str) -> AlbumSheet:
    found = album(store, catalog, profile.id)
    cards = tuple(PrintedCard(c.level_title.get(tr.lang), c.card.text.get(tr.lang),
                              tr("quiz.source", source=c.card.source), c.folder / c.card.picture)
                  for c in found.cards)
    badges = tuple((b.badge.title.get(tr.lang), b.folder / b.badge.picture) for b in found.earned)
    byline = " · ".join(part for part in (library, day) if part)
    return AlbumSheet(tr("album.print_heading", name=profile.nickname), byline, cards, badges,
                      tr("album.empty", name=profile.nickname))


def write_album(path: Path, sheet: AlbumSheet) -> Path:
    from fpdf import FPDF
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(sheet.heading)
    pdf.set_creator("Ölketanu")
    pdf.add_font("NotoSans", "", str(FONTS[False]))
    pdf.add_font("NotoSans", "B", str(FONTS[True]))
    per_page = COLUMNS * ROWS
    pages = [sheet.cards[i:i + per_page] for i in range(0, len(sheet.cards), per_page)] or [()]
    width = (PAGE_W - 2 * MARGIN - (COLUMNS - 1) * CARD_GAP) / COLUMNS
    height = (PAGE_H - TOP - MARGIN - BADGE_ROW - (ROWS - 1) * CARD_GAP) / ROWS
    for cards in pages:
        _page(pdf, sheet)
        for i, card in enumerate(cards):
            x = MARGIN + (i % COLUMNS) * (width + CARD_GAP)
            y = TOP + (i // COLUMNS) * (height + CARD_GAP)
            _card(pdf, card, x, y, width, height)
        if not cards:
            pdf.set_font("NotoSans", "", 14)
            pdf.set_xy(MARGIN, TOP + 10)
            pdf.multi_cell(PAGE_W - 2 * MARGIN, 7, sheet.empty, align="C")
    _badges(pdf, sheet.badges)
    path = Path(path)
    pdf.output(str(path))
    return path


def _page(pdf, sheet: AlbumSheet) -> None:
    pdf.add_page()
    pdf.set_fill_color(*PAPER)
    pdf.rect(0, 0, PAGE_W, PAGE_H, style="F")
    pdf.set_draw_color(*NIGHT_BLUE)
    pdf.set_line_width(1.2)
    pdf.rect(6, 6, PAGE_W - 12, PAGE_H - 12)
    pdf.set_text_color(*NIGHT_BLUE)
    _fitted(pdf, sheet.heading, 24, True, PAGE_W - 2 * MARGIN)
    pdf.set_xy(MARGIN, 12)
    pdf.cell(PAGE_W - 2 * MARGIN, 12, sheet.heading, align="C")
    if sheet.byline:
        pdf.set_text_color(*INK)
        pdf.set_font("NotoSans", "", 11)
        pdf.set_xy(MARGIN, 25)
        pdf.cell(PAGE_W - 2 * MARGIN, 6, sheet.byline, align="C")


def _card(pdf, card: PrintedCard, x: float, y: float, w: float, h: float) -> None:
    pdf.set_draw_color(*SUN_GOLD)
    pdf.set_line_width(0.8)
    pdf.rect(x, y, w, h, round_corners=True, corner_radius=3)
    with pdf.rect_clip(x + 3, y + 3, PICTURE, PICTURE):  # an SVG may draw past its own frame
        try:
            pdf.image(str(card.picture), x=x + 3, y=y + 3, w=PICTURE, h=PICTURE, keep_aspect_ratio=True)
        except (OSError, ValueError, RuntimeError):
            pass  # a picture that cannot be drawn leaves its place blank; the words still print
    text_x, text_w = x + PICTURE + 6, w - PICTURE - 9
    pdf.set_text_color(*NIGHT_BLUE)
    pdf.set_font("NotoSans", "B", 10)
    pdf.set_xy(text_x, y + 3)
    pdf.multi_cell(text_w, 4.6, card.title, max_line_height=4.6, align="L")
    pdf.set_text_color(*INK)
    size = 10.0
    pdf.set_font("NotoSans", "", size)
    while size > 7 and len(pdf.multi_cell(text_w, size * 0.45, card.words, dry_run=True, output="LINES",
                                                align="L")) * \
            size * 0.45 > h - (pdf.get_y() - y) - 12:
        size -= 0.5
        pdf.set_font_size(size)
    pdf.set_x(text_x)
    pdf.multi_cell(text_w, size * 0.45, card.words, align="L")
    pdf.set_text_color(*GREY)
    pdf.set_font("NotoSans", "", 6.5)
    pdf.set_xy(x + 3, y + h - 9)
    pdf.multi_cell(w - 6, 3, card.source, max_line_height=3, align="L")


def _badges(pdf, badges: tuple[tuple[str, Path], ...]) -> None:
    if not badges:
        return
    y = PAGE_H - MARGIN - BADGE_ROW + 4
    step = (PAGE_W - 2 * MARGIN) / max(len(badges), 4)
    for i, (title, picture) in enumerate(badges):
        x = MARGIN + i * step
        try:
            pdf.image(str(picture), x=x + (step - 14) / 2, y=y, w=14, h=14, keep_aspect_ratio=True)
        except (OSError, ValueError, RuntimeError):
            pass
        pdf.set_text_color(*INK)
        pdf.set_font("NotoSans", "B", 7)
        pdf.set_xy(x, y + 15)
        pdf.multi_cell(step, 3, title, align="C", max_line_height=3)


def _fitted(pdf, words: str, size: float, bold: bool, width: float) -> None:
    pdf.set_font("NotoSans", "B" if bold else "", size)
    while pdf.get_string_width(words) > width and size > 8:
        size -= 1
        pdf.set_font_size(size)
