"""The "Young local historian" certificate: an A4 page (landscape) with the child's nickname, what they
finished (a pack, or a club session), the date and the library's name, in a frame of қошқар мүйіз
(ram's horn) ornaments. One layout in millimetres, drawn twice: a PDF by fpdf2 with Noto Sans embedded
(every Kazakh letter), and a PNG by Pillow with the same font."""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from ...paths import ASSETS

PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm
FONTS = {False: ASSETS / "fonts" / "NotoSans-Regular.ttf", True: ASSETS / "fonts" / "NotoSans-Bold.ttf"}
NIGHT_BLUE, SUN_GOLD, FELT_RED, INK, PAPER = (21, 48, 71), (242, 182, 50), (178, 58, 46), (29, 29, 27), (251, 245, 232)
PNG_DPI = 150


@dataclass(frozen=True)
class Words:
    """One line of text: centred on the page at `y` (mm, its top), at most `width` mm wide."""

    text: str
    y: float
    size: float  # points, made smaller when the text is wider than `width`
    bold: bool
    color: tuple[int, int, int]
    width: float = 237.0


@dataclass(frozen=True)
class Stroke:
    points: tuple[tuple[float, float], ...]
    width: float  # mm
    color: tuple[int, int, int]


@dataclass(frozen=True)
class Certificate:
    nickname: str
    achievement: str  # "for finishing «…»" in the certificate's language
    day: str  # as it is written on it
    library: str


def layout(cert: Certificate, tr) -> tuple[list[Stroke], list[Words]]:
    strokes = [_rectangle(8, 8, PAGE_W - 16, PAGE_H - 16, 1.6, NIGHT_BLUE),
               _rectangle(13, 13, PAGE_W - 26, PAGE_H - 26, 0.8, SUN_GOLD)]
    for x, y, flip_x, flip_y in ((22, 22, 1, 1), (PAGE_W - 22, 22, -1, 1), (22, PAGE_H - 22, 1, -1),
                                 (PAGE_W - 22, PAGE_H - 22, -1, -1)):
        strokes += _horns(x, y, 7.0, FELT_RED, flip_x, flip_y)
    for i in range(7):  # a band of small horns along the top and the bottom
        x = PAGE_W / 2 + (i - 3) * 22
        strokes += _horns(x, 19, 3.2, SUN_GOLD, 1, 1) + _horns(x, PAGE_H - 19, 3.2, SUN_GOLD, 1, -1)
    words = [Words(tr("cert.title"), 34, 34, True, NIGHT_BLUE),
             Words(tr("cert.given_to"), 62, 16, False, INK),
             Words(cert.nickname, 74, 40, True, FELT_RED),
             Words(cert.achievement, 104, 18, False, INK, 220),
             Words(tr("cert.date", day=cert.day), 150, 13, False, INK)]
    if cert.library:
        words.append(Words(cert.library, 139, 15, True, NIGHT_BLUE))
    words.append(Words(tr("cert.leader"), 168, 12, False, INK))
    strokes.append(Stroke(((PAGE_W / 2 - 45, 166), (PAGE_W / 2 + 45, 166)), 0.4, INK))
    return strokes, words


def _rectangle(x: float, y: float, w: float, h: float, width: float, color) -> Stroke:
    return Stroke(((x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)), width, color)


def _horns(cx: float, cy: float, size: float, color, flip_x: int, flip_y: int) -> list[Stroke]:
    """A қошқар мүйіз: a stem and two horns curling outwards, as spirals."""
    def spiral(side: int) -> Stroke:
        points = []
        for step in range(41):
            t = step / 40
            angle = math.pi * (0.5 + 2.2 * t)
            radius = size * (0.75 - 0.55 * t)
            x = cx + side * (size * 0.55 + radius * math.cos(angle) * -1)
            y = cy - size * 0.2 - radius * math.sin(angle)
            points.append((cx + (x - cx) * flip_x, cy + (y - cy) * flip_y))
        return Stroke(tuple(points), size * 0.12, color)
    stem = Stroke(((cx, cy + size * 0.9 * flip_y), (cx, cy - size * 0.2 * flip_y)), size * 0.12, color)
    return [spiral(-1), spiral(1), stem]


def write_pdf(path: Path, cert: Certificate, tr) -> Path:
    from fpdf import FPDF
    strokes, words = layout(cert, tr)
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title(tr("cert.title"))
    pdf.set_creator("Ölketanu")
    pdf.add_font("NotoSans", "", str(FONTS[False]))
    pdf.add_font("NotoSans", "B", str(FONTS[True]))
    pdf.add_page()
    pdf.set_fill_color(*PAPER)
    pdf.rect(0, 0, PAGE_W, PAGE_H, style="F")
    for stroke in strokes:
        pdf.set_draw_color(*stroke.color)
        pdf.set_line_width(stroke.width)
        pdf.polyline(list(stroke.points))
    for w in words:
        size = w.size
        pdf.set_font("NotoSans", "B" if w.bold else "", size)
        while pdf.get_string_width(w.text) > w.width and size > 8:
            size -= 1
            pdf.set_font_size(size)
        pdf.set_text_color(*w.color)
        pdf.set_xy((PAGE_W - w.width) / 2, w.y)
        pdf.cell(w.width, size * 0.3528 * 1.3, w.text, align="C")
    path = Path(path)
    pdf.output(str(path))
    return path


def write_png(path: Path, cert: Certificate, tr, dpi: int = PNG_DPI) -> Path:
    from PIL import Image, ImageDraw, ImageFont
    scale = dpi / 25.4
    image = Image.new("RGB", (round(PAGE_W * scale), round(PAGE_H * scale)), PAPER)
    draw = ImageDraw.Draw(image)
    strokes, words = layout(cert, tr)
    for stroke in strokes:
        draw.line([(x * scale, y * scale) for x, y in stroke.points], fill=stroke.color,
                  width=max(1, round(stroke.width * scale)), joint="curve")
    for w in words:
        size = w.size
        font = ImageFont.truetype(str(FONTS[w.bold]), round(size * dpi / 72))
        while font.getlength(w.text) > w.width * scale and size > 8:
            size -= 1
            font = ImageFont.truetype(str(FONTS[w.bold]), round(size * dpi / 72))
        line_h = size * 0.3528 * 1.3 * scale
        draw.text((PAGE_W / 2 * scale, w.y * scale + line_h / 2), w.text, font=font, fill=w.color, anchor="mm")
    path = Path(path)
    image.save(path)
    return path


@dataclass(frozen=True)
class Refusal:
    """Why no certificate: a catalog key and its values."""

    key: str
    values: tuple[tuple[str, object], ...] = ()


def pack_id_of(pack) -> str:
    return pack.levels[0].pack_id if pack.levels else pack.folder.name


def pack_certificate(store, catalog, profile, pack_id: str, tr, library: str, day: str) -> Certificate | Refusal:
    """For a child who finished every playable level of a pack."""
    pack = next((p for p in catalog.packs if pack_id_of(p) == pack_id), None)
    if pack is None:
        return Refusal("cert.no_pack", (("pack", pack_id), ("packs", ", ".join(pack_id_of(p) for p in catalog.packs))))
    title = pack.pack.title.get(tr.lang) if pack.pack else pack_id
    levels = [lv.level_id for lv in pack.levels if lv.ok]
    best = store.best_stars(profile.id)
    done = sum((pack_id, level) in best for level in levels)
    if not levels or done < len(levels):
        return Refusal("cert.not_finished", (("name", profile.nickname), ("pack", title), ("done", done),
                                             ("total", len(levels))))
    return Certificate(profile.nickname, tr("cert.for_pack", pack=title), day, library)


def session_certificate(store, profile, session_id: int, tr, library: str, day: str) -> Certificate | Refusal:
    """For a child who played in a club session."""
    session = store.session(session_id)
    if session is None or profile.id not in store.session_players(session_id):
        return Refusal("cert.not_in_session", (("name", profile.nickname), ("session", session_id)))
    group = next((g.name for g in store.groups() if g.id == session.group_id), "")
    return Certificate(profile.nickname, tr("cert.for_session", group=group, day=session.started_at[:10]), day,
                       library)


def write_certificate(pdf_path: Path, cert: Certificate, tr) -> tuple[Path, Path]:
    """The PDF and, beside it, the PNG of the same name."""
    pdf_path = Path(pdf_path)
    return write_pdf(pdf_path, cert, tr), write_png(pdf_path.with_suffix(".png"), cert, tr)


def earned(store, catalog, profile, tr, library: str, day: str) -> list[tuple[str, Certificate]]:
    """(what for, the certificate) for every pack the child finished and every session they played in."""
    found = []
    for pack in catalog.packs:
        made = pack_certificate(store, catalog, profile, pack_id_of(pack), tr, library, day)
        if isinstance(made, Certificate):
            found.append((f"pack-{pack_id_of(pack)}", made))
    for session in store.sessions():
        made = session_certificate(store, profile, session.id, tr, library, day)
        if isinstance(made, Certificate):
            found.append((f"session-{session.id}", made))
    return found
