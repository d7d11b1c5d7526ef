"""The «Young local historian» certificate: an A4 PDF with Noto Sans embedded (the Kazakh letters are
real text in it) and a PNG of the same page; only for a pack finished or a session played."""
import re
import shutil
import subprocess

import pytest

from conftest import LEVELS
from game.cli import main
from game.core.catalog import Catalog
from game.core.storage import SqliteStore

PACK_LEVELS = list(next(p for p in Catalog.load([LEVELS]).packs if p.pack.id == "karkaraly").pack.level_ids)
POPPLER = shutil.which("pdftoppm") and shutil.which("pdftotext")


def _child(tmp_path, finished=PACK_LEVELS):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    child = store.create_profile("Әлия-Ұлжан", "fox", "kk")
    for level in finished:
        attempt = store.start_attempt(child.id, "karkaraly", level, "quiz")
        store.finish_attempt(attempt, 1, 1, 2)
    store.save_club_setup({"library_name": "Қарқаралы аудандық кітапханасы"})
    store.close()
    return child


@pytest.mark.skipif(not POPPLER, reason="needs poppler-utils (.ci/desk-deps)")
def test_a_pack_certificate_has_the_kazakh_text_in_it(tmp_path):
    _child(tmp_path)
    out = tmp_path / "сертификат.pdf"
    assert main(["--data-dir", str(tmp_path), "certificate", "--child", "ӘЛИЯ-ҰЛЖАН", "--pack", "karkaraly",
                 "--date", "2026-12-03", "--out", str(out), "--lang", "kk"]) == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for words in ("Жас өлкетанушы", "Әлия-Ұлжан", "«Қарқаралы» жинағының барлық деңгейін өткені үшін",
                  "Қарқаралы аудандық кітапханасы", "2026-12-03"):
        assert words in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages: +1$", info, re.M) and "(A4)" in info
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert fonts.count("NotoSans") == 2 and " yes yes yes " in fonts  # embedded, subset, Unicode
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-singlefile", str(out), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page.png").stat().st_size > 5_000
    png = out.with_suffix(".png")
    from PIL import Image
    with Image.open(png) as image:
        assert image.size == (1754, 1240)  # A4 landscape at 150 dpi
        assert len(image.resize((64, 45)).getcolors(4096)) > 20  # a frame, ornaments and text, not a blank page


def test_no_certificate_for_a_pack_not_finished(tmp_path, capsys):
    _child(tmp_path, finished=PACK_LEVELS[:2])
    out = tmp_path / "c.pdf"
    assert main(["--data-dir", str(tmp_path), "certificate", "--child", "Әлия-Ұлжан", "--pack", "karkaraly",
                 "--out", str(out), "--lang", "en"]) == 1
    assert f"has not finished every level of «Karkaraly» yet (2 of {len(PACK_LEVELS)})" in capsys.readouterr().err
    assert not out.exists()
    assert main(["--data-dir", str(tmp_path), "certificate", "--child", "Нұр", "--pack", "karkaraly",
                 "--out", str(out), "--lang", "en"]) == 1
    assert "There is no child called «Нұр»." in capsys.readouterr().err


def test_a_session_certificate(tmp_path):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    child = store.create_profile("Дана", "owl", "kk")
    group = store.create_group("Ертекші")
    store.add_to_group(group.id, child.id)
    session = store.start_session(group.id, [("karkaraly", "town-quiz")])
    store.start_attempt(child.id, "karkaraly", "town-quiz", "quiz")
    store.end_session(session.id)
    store.close()
    out = tmp_path / "c.pdf"
    assert main(["--data-dir", str(tmp_path), "certificate", "--child", "Дана", "--session", str(session.id),
                 "--out", str(out), "--lang", "ru"]) == 0
    assert out.is_file() and out.with_suffix(".png").is_file()
    if POPPLER:
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert "Юный краевед" in text and "за участие в кружке «Ертекші»" in text
