"""Kazakh in Latin letters (2021): the table covers every letter, every shipped text comes out without a
Cyrillic letter, and the setting changes what is drawn, not what is spoken."""
import dataclasses
import unicodedata

import pytest

from conftest import LEVELS
from game.core.latin import CYRILLIC_TO_LATIN, to_latin
from game.testing import run_test
from texts_shipped import interface_texts, shipped_texts

KAZAKH_CYRILLIC = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
LATIN_2021 = "AÄBDEFGĞHIİJKLMNÑOÖPQRSŞTUŪÜVYZ"
LATIN_2021_SMALL = "aäbdefgğhıijklmnñoöpqrsştuūüvyz"


def test_the_table_has_the_42_letters_and_gives_only_letters_of_the_2021_alphabet():
    assert len(KAZAKH_CYRILLIC) == 42 and set(CYRILLIC_TO_LATIN) == set(KAZAKH_CYRILLIC)
    assert len(LATIN_2021) == 31
    for letter in KAZAKH_CYRILLIC:
        assert set(to_latin(letter)) <= set(LATIN_2021_SMALL), letter
        assert set(to_latin(letter.upper())) <= set(LATIN_2021 + LATIN_2021_SMALL), letter
        assert to_latin(letter.upper())[:1] == to_latin(letter.upper())[:1].upper()


@pytest.mark.parametrize("cyrillic, latin", [
    ("Қарқаралы", "Qarqaraly"), ("бір кісі", "bır kısı"), ("сый", "syi"), ("Іле", "Ile"), ("Ит", "İt"),
    ("Ұлытау", "Ūlytau"), ("шаһар", "şahar"), ("Бұрыңғы өткен заманда", "Būryñğy ötken zamanda"),
    ("ҚАРҚАРАЛЫ", "QARQARALY"), ("ЯҚ", "İAQ"), ("Ясауи", "İasaui"), ("Шайтанкөл!", "Şaitanköl!"),
    ("Aldar 2021 — «Көсе»", "Aldar 2021 — «Köse»"),
])
def test_words_come_out_as_in_the_2021_alphabet(cyrillic, latin):
    assert to_latin(cyrillic) == latin


def test_every_kazakh_text_of_the_game_comes_out_without_a_cyrillic_letter():
    texts = interface_texts("kk") + shipped_texts("kk")
    assert len(texts) > 300
    left = {char for text in texts for char in to_latin(text) if "CYRILLIC" in unicodedata.name(char, "")}
    assert left == set()


def test_the_setting_shows_latin_letters_and_speech_still_reads_cyrillic(tmp_path):
    with run_test(tmp_path, level_dirs=[LEVELS], language="kk") as pilot:
        app = pilot.app
        app.apply_settings(dataclasses.replace(app.settings, kazakh_script="latin"))
        drawn = []
        block = app.text.block
        app.text.block = lambda text, *args, **kwargs: drawn.append(text) or block(text, *args, **kwargs)
        pilot.drawn_texts()
        assert "Oinau" in drawn and "Qazaqşa" in drawn and "Русский" in drawn  # a language keeps its own name
        assert not any(word in drawn for word in ("Ойнау", "Қазақша"))
        pilot.press("tab")
        assert pilot.spoken[-1] == "Тіл: Қазақша"  # what is spoken stays Cyrillic, for the Kazakh voice
        del app.text.block


def test_the_script_and_font_settings_are_kept_and_bad_values_fall_back():
    from game.core.settings import Settings
    kept = Settings.from_dict({"kazakh_script": "latin", "font": "andika"})
    assert (kept.kazakh_script, kept.font) == ("latin", "andika")
    assert Settings.from_dict(kept.to_dict()) == kept
    bad = Settings.from_dict({"kazakh_script": "arabic", "font": 3})
    assert (bad.kazakh_script, bad.font) == ("cyrillic", "noto_sans")
