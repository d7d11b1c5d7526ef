"""library.toml: the library's settings for every computer using the data folder. A wrong entry is
reported as `file:line: message` in kk/ru/en and the game starts with that setting's default."""
from __future__ import annotations

from pathlib import Path

import pytest

from game.core.i18n import Translator
from game.core.library_settings import FILE_NAME, LibrarySettings, load_library_settings
from game.core.storage import DB_NAME

GOOD = """\
# Ölketanu: settings for this library
library_name = "Қарқаралы аудандық кітапханасы"
language = "ru"
script = "cyrillic"
kiosk_idle_minutes = 10
database = "progress"

[accessibility]
text_size = 150
high_contrast = true
speech_on = false
second_language = "kk"
"""


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_the_defaults(tmp_path):
    assert load_library_settings(tmp_path) == (LibrarySettings(), [])


def test_every_setting_is_read(tmp_path):
    write(tmp_path, GOOD)
    settings, problems = load_library_settings(tmp_path)
    assert problems == []
    assert settings.library_name == "Қарқаралы аудандық кітапханасы"
    assert (settings.language, settings.script, settings.kiosk_idle_minutes) == ("ru", "cyrillic", 10)
    assert settings.progress_folder(tmp_path) == tmp_path / "progress"
    assert settings.accessibility == {"text_scale": 1.5, "high_contrast": True, "speech_on": False,
                                      "second_language": "kk"}
    assert LibrarySettings().progress_folder(tmp_path) == tmp_path  # database = "sqlite"


def test_each_wrong_entry_is_told_at_its_line_and_keeps_its_default(tmp_path):
    path = write(tmp_path, GOOD.replace('language = "ru"', 'language = "de"')
                 .replace("kiosk_idle_minutes = 10", "kiosk_idle_minutes = -5\ncolour = \"red\"")
                 .replace("text_size = 150", "text_size = 120").replace("high_contrast = true", "high_contrast = 1"))
    settings, problems = load_library_settings(tmp_path)
    en = [problem.format(Translator("en")) for problem in problems]
    assert en == [
        f"{path}:3: 'language' must be one of kk, ru, en, not \"de\"; the default is used",
        f"{path}:5: 'kiosk_idle_minutes' must be a whole number from 0 to 240, not -5; the default is used",
        f"{path}:6: unknown setting 'colour' (known: library_name, language, script, kiosk_idle_minutes, "
        f"database, accessibility); it is ignored",
        f"{path}:10: 'text_size' must be one of 100, 150, 200, not 120; the default is used",
        f"{path}:11: 'high_contrast' must be true or false, not 1; the default is used",
    ]
    assert (settings.language, settings.kiosk_idle_minutes) == ("kk", 0)
    assert settings.library_name == "Қарқаралы аудандық кітапханасы"  # the right entries still count
    assert settings.accessibility == {"speech_on": False, "second_language": "kk"}
    assert problems[0].format(Translator("kk")).startswith(f"{path}:3: 'language' мына мәндердің бірі")
    assert problems[0].format(Translator("ru")).startswith(f"{path}:3: 'language' должно быть одним из")


@pytest.mark.parametrize("text, line", [
    ('language = "ru"\nlibrary_name = "unclosed\n', 2),
    ('language = "ru"\n[accessibility\n', 2),
    ('language = "ru"\nlanguage = "kk"\n', 2),
])
def test_a_file_toml_cannot_read_is_told_with_its_line_and_all_defaults_are_used(tmp_path, text, line):
    path = write(tmp_path, text)
    settings, [problem] = load_library_settings(tmp_path)
    assert settings == LibrarySettings()
    told = problem.format(Translator("en"))
    assert told.startswith(f"{path}:{line}: this is not a valid TOML file: ") and "(at line" not in told


def test_a_file_that_is_not_utf8(tmp_path):
    (tmp_path / FILE_NAME).write_bytes('language = "ru"\nlibrary_name = "Библиотека"\n'.encode("cp1251"))
    settings, [problem] = load_library_settings(tmp_path)
    assert settings == LibrarySettings() and problem.line == 2 and problem.message == "not_utf8"


def test_the_game_starts_with_the_librarys_language_and_accessibility(tmp_path):
    from game.testing import run_test
    from game.ui.boot import create_app
    import pygame
    write(tmp_path, GOOD)
    app = create_app(tmp_path)
    try:
        assert app.lang == "ru"
        assert app.settings.text_scale == 1.5 and app.settings.high_contrast
        assert (tmp_path / "progress" / DB_NAME).is_file() and not (tmp_path / DB_NAME).exists()
    finally:
        app.services.store.close()
        pygame.quit()
    with run_test(tmp_path, language="en") as pilot:  # the leader's own choice on this computer stays
        assert "Қарқаралы аудандық кітапханасы" in pilot.drawn_text().splitlines()
        assert pilot.spoken[0].endswith(". Қарқаралы аудандық кітапханасы")
        pilot.app.apply_settings(pilot.app.settings.__class__(text_scale=2.0))
    with run_test(tmp_path, language="en") as pilot:
        assert pilot.app.settings.text_scale == 2.0


def test_a_wrong_entry_is_told_at_start_and_the_game_plays(tmp_path, capsys):
    from game.testing import run_test
    path = write(tmp_path, 'language = "ru"\nkiosk_idle_minutes = "ten"\n')
    with run_test(tmp_path, language="en") as pilot:
        told = f"{path}:2: 'kiosk_idle_minutes' must be a whole number from 0 to 240, not \"ten\"; the default is used"
        assert pilot.app.tr("library.notice", first=told) in pilot.spoken
        pilot.press("return")
        assert pilot.scene.name == "profiles"
    assert told in capsys.readouterr().err


def test_the_commands_use_the_librarys_progress_folder(tmp_path, capsys):
    from game.cli import main
    from game.core.leader import make_pin
    from game.core.storage import SqliteStore
    write(tmp_path, "database = 'club/progress'\n")
    store = SqliteStore.in_folder(tmp_path / "club" / "progress")
    store.create_profile("Айгүл", "fox", "kk")
    store.save_leader_pin(make_pin("1234"))
    store.close()
    out = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(tmp_path), "backup", "--out", str(out), "--lang", "en"]) == 0
    copy = SqliteStore(out)
    assert [p.nickname for p in copy.profiles()] == ["Айгүл"]
    copy.close()
    assert main(["--data-dir", str(tmp_path), "leader-pin", "--reset", "--lang", "en"]) == 0
    reopened = SqliteStore.in_folder(tmp_path / "club" / "progress")
    assert reopened.leader_pin() is None
    reopened.close()
    assert not (tmp_path / DB_NAME).exists()


def test_the_file_in_the_readme_is_read_without_a_mistake(tmp_path):
    import re
    from conftest import ROOT
    [example] = re.findall(r"```toml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    write(tmp_path, example)
    settings, problems = load_library_settings(tmp_path)
    assert problems == []
    assert settings.progress_folder(tmp_path) == tmp_path and settings.accessibility["text_scale"] == 1.0
    for key in ("library_name", "language", "script", "kiosk_idle_minutes", "database", "[accessibility]",
                "speech_on", "text_size", "high_contrast", "wide_spacing", "reduced_motion", "second_language"):
        assert key in example
