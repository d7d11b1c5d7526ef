import re

import pytest

from game.core.i18n import Translator, catalog
from game.core.text import LANGUAGES, Text

PLACEHOLDER = re.compile(r"{(\w+)(?::\w+)?}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_is_in_every_catalog_with_the_same_placeholders(lang):
    reference = catalog("en")
    assert sorted(catalog(lang)) == sorted(reference)
    for key, text in catalog(lang).items():
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(reference[key])), key
        assert text.strip(), key


def test_translator_formats_and_falls_back():
    tr = Translator("ru")
    assert tr("quiz.progress", n=2, total=10) == "Вопрос 2 из 10"
    tr.lang = "kk"
    assert tr("quiz.progress", n=2, total=10) == "10 сұрақтың 2-сі"  # екісі, not "2-і"
    assert [tr("quiz.progress", n=n, total=12) for n in (1, 6, 9, 10, 12)] == [
        "12 сұрақтың 1-і", "12 сұрақтың 6-сы", "12 сұрақтың 9-ы", "12 сұрақтың 10-ы", "12 сұрақтың 12-сі"]
    assert tr("no.such.key") == "no.such.key"
    with pytest.raises(ValueError):
        tr.lang = "de"


def test_level_text_falls_back_kk_ru_en():
    assert Text({"ru": "Привет", "en": "Hello"}).get("kk") == "Привет"
    assert Text({"en": "Hello"}).get("ru") == "Hello"
    assert Text({"kk": "Сәлем", "en": "Hello"}).get("ru") == "Сәлем"
    assert Text({"kk": "Сәлем"}).missing() == ["ru", "en"]


def test_pygame_gui_has_every_one_of_its_strings_in_kazakh():
    import json
    from pathlib import Path

    import pygame_gui

    english = json.loads((Path(pygame_gui.__file__).parent / "data" / "translations" / "pygame-gui.en.json")
                         .read_text(encoding="utf-8"))["en"]
    ours = json.loads((Path(__file__).resolve().parents[2] / "assets" / "translations" / "pygame-gui.kk.json")
                      .read_text(encoding="utf-8"))["kk"]
    assert set(ours) == set(english) and all(v.strip() for v in ours.values())


def test_pygame_gui_speaks_kazakh_in_the_game(tmp_path):
    from game.testing import run_test
    with run_test(tmp_path, language="kk"):
        import pygame_gui.core.utility as utility
        assert utility.translate("pygame-gui.Cancel") == "Бас тарту"


def test_kazakh_possessive_endings_follow_the_last_spoken_number_word():
    from game.core.plural import kk_possessive
    assert [kk_possessive(n) for n in (0, 2, 3, 7, 20, 30, 50, 70, 90, 100, 1000, 21)] == [
        "0-і", "2-сі", "3-і", "7-сі", "20-сы", "30-ы", "50-і", "70-і", "90-ы", "100-і", "1000-ы", "21-і"]


def test_a_parsed_catalog_is_kept_and_an_edited_one_parsed_again(tmp_path, monkeypatch):
    import yaml

    from game.core import i18n
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    (tmp_path / "locale").mkdir()
    source = tmp_path / "locale" / "kk.yaml"
    source.write_text("title:\n  play: Ойна\n", encoding="utf-8")
    i18n.keep_parsed_in(tmp_path / "cache")
    try:
        i18n.catalog.cache_clear()
        assert i18n.catalog("kk") == {"title.play": "Ойна"}
        assert len(list((tmp_path / "cache").glob("locale-kk-*.json"))) == 1
        parse = yaml.load
        monkeypatch.setattr(yaml, "load", lambda *a, **k: pytest.fail("a kept catalog was parsed again"))
        i18n.catalog.cache_clear()
        assert i18n.catalog("kk") == {"title.play": "Ойна"}
        monkeypatch.setattr(yaml, "load", parse)
        source.write_text("title:\n  play: Ойнау\n", encoding="utf-8")
        i18n.catalog.cache_clear()
        assert i18n.catalog("kk") == {"title.play": "Ойнау"}
    finally:
        i18n.keep_parsed_in(None)
        i18n.catalog.cache_clear()
