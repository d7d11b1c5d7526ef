"""The bundled fonts have a glyph for every letter the game shows: Kazakh and Russian in Cyrillic, Kazakh
in Latin letters (2021), English; checked in the fonts' own character maps with fontTools."""
import pytest
from fontTools.ttLib import TTFont

from game.core.latin import to_latin
from game.ui.questions.fill import KAZAKH_LETTERS
from game.ui.text import FONT_FILES
from texts_shipped import interface_texts, shipped_texts


def letters_used() -> set[str]:
    texts = [KAZAKH_LETTERS, KAZAKH_LETTERS.lower()]
    for lang in ("kk", "ru", "en"):
        texts += interface_texts(lang) + shipped_texts(lang)
    texts += [to_latin(text) for text in interface_texts("kk") + shipped_texts("kk")]
    return {char for text in texts for char in text if char.isalpha()}


@pytest.mark.parametrize("family, bold", [(f, b) for f in FONT_FILES for b in (False, True)])
def test_every_letter_the_game_shows_is_in_the_font(family, bold):
    font = TTFont(FONT_FILES[family][bold])
    mapped = font.getBestCmap()
    used = letters_used()
    assert len(used) > 100 and {"ә", "Ұ", "ж", "Ş", "ı"} <= used
    missing = sorted(char for char in used if ord(char) not in mapped)
    assert missing == []


def test_andika_ships_with_its_licence():
    folder = FONT_FILES["andika"][False].parent
    assert "SIL OPEN FONT LICENSE Version 1.1" in (folder / "OFL.txt").read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.glob("*.ttf")) == ["Andika-Bold.ttf", "Andika-Regular.ttf"]
