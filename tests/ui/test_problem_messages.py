"""The validator's messages in kk, ru and en: every message is a translatable Msg, every Msg has both
translations with the same placeholders, and `validate --lang` prints them at the same line:col."""
import json
import os
import pickle
import subprocess
import sys

import pytest
import yaml

from conftest import BROKEN, ROOT
from game.authoring.messages import catalog_mistakes, find_messages, message_listing, source_mistakes
from game.core.catalog import validate_paths
from game.core.problems import (CATALOG_DIR, Msg, Problem, Severity, Where, message_language, placeholders,
                                problem_catalog)

BROKEN_FILES = sorted(BROKEN.glob("*.yaml"))


def run(*args, lang_env=None):
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    if lang_env:
        env["LANG"] = lang_env
    return subprocess.run([sys.executable, "run_game.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          env=env)


# -- (a) the source and the catalogs ----------------------------------------------------------------

def test_every_message_of_the_game_is_a_msg_with_a_literal_template():
    """No problem, hint or refusal is built from a plain or f-string, and every Msg gets exactly the values
    its template names (file:line in the failure)."""
    assert source_mistakes() == []


def test_the_source_has_the_messages_we_expect():
    messages = find_messages()
    assert len(messages) > 250
    assert "unknown key '{key}' in {what}" in messages and "the story never ends" in messages
    assert all(m.places for m in messages.values())


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_message_has_a_translation_with_the_same_placeholders(lang):
    missing = [m for m in catalog_mistakes(find_messages(), lang) if "is no longer a message" not in m]
    assert missing == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_catalogs_have_no_stale_entries(lang):
    """Fails (rather than warns): a reworded English template must take its translations along."""
    stale = [m for m in catalog_mistakes(find_messages(), lang) if "is no longer a message" in m]
    assert stale == []


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_catalog_files_are_plain_mappings_of_non_empty_text(lang):
    data = yaml.safe_load((CATALOG_DIR / f"problems.{lang}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in data.items())
    assert len(problem_catalog(lang)) == len(data)
    cyrillic = sum(any("а" <= c.lower() <= "я" or c in "әғқңөұүһі" for c in v) for v in data.values())
    assert cyrillic > 0.8 * len(data), "the translations should be in Kazakh or Russian"


# -- Msg and Problem ---------------------------------------------------------------------------------

def test_a_msg_is_its_english_text_and_translates_nested_phrases():
    message = Msg("unknown key '{key}' in {what}", key="promt", what=Msg("a question"))
    assert message == "unknown key 'promt' in a question" and isinstance(message, str)
    assert message.text("en") == "unknown key 'promt' in a question"
    assert message.text("kk") == "сұрақ: белгісіз кілт 'promt'"
    assert message.text("ru") == "вопрос: неизвестный ключ 'promt'"
    assert pickle.loads(pickle.dumps(message)).text("ru") == message.text("ru")


def test_an_unknown_template_or_language_shows_the_english():
    message = Msg("not in any catalog {x}", x=1)
    assert message.text("kk") == "not in any catalog 1"
    assert Msg("the story never ends").text("de") == "the story never ends"


def test_a_broken_translation_falls_back_to_the_english(monkeypatch):
    monkeypatch.setitem(problem_catalog("kk"), "the file is empty", "{nothing} бос")
    assert Msg("the file is empty").text("kk") == "the file is empty"


def test_placeholders_are_names_only():
    assert placeholders("{what} is {value!r}, {{not this}}") == {"what", "value"}


def test_problem_format_translates_severity_and_hint_words():
    problem = Problem(Where("a.yaml", 3, 5), Severity.WARNING, Msg("the file is empty"),
                      Msg("start from an example in docs/levels.md"))
    assert problem.format() == ("a.yaml:3:5: warning: the file is empty\n"
                                "    hint: start from an example in docs/levels.md")
    assert problem.format("kk") == ("a.yaml:3:5: ескерту: файл бос\n"
                                    "    кеңес: docs/levels.md ішіндегі мысалдан бастаңыз")
    assert problem.format("ru").startswith("a.yaml:3:5: предупреждение: файл пустой\n    подсказка: ")
    error = Problem(Where("a.yaml", 1, 1), Severity.ERROR, Msg("the story never ends"))
    assert error.format("ru") == "a.yaml:1:1: ошибка: история никогда не заканчивается"


@pytest.mark.parametrize("env, expected", [
    ({"LANG": "kk_KZ.UTF-8"}, "kk"), ({"LANG": "ru_RU.UTF-8"}, "ru"), ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"), ({"LANG": "C.UTF-8"}, "en"), ({"LC_ALL": "ru_KZ.UTF-8", "LANG": "kk_KZ"}, "ru"),
    ({"LANGUAGE": "kk:ru"}, "kk"),
])
def test_the_default_language_is_the_computers_when_it_is_kazakh_or_russian(monkeypatch, env, expected):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert message_language() == expected
    assert message_language("en") == "en"


# -- (b) validate --lang: the same places, translated ------------------------------------------------

def problem_lines(output):
    return [line for line in output.splitlines() if not line.startswith("    ") and line.count(":") >= 3]


def test_broken_files_are_reported_at_the_same_places_in_every_language():
    english = run("validate", "--lang", "en", *BROKEN_FILES)
    assert english.returncode == 1
    places = [line.split(": ", 1)[0] for line in problem_lines(english.stdout)]
    assert len(places) >= 15
    problems, _ = validate_paths(BROKEN_FILES)
    for lang, error, hint in (("kk", "қате", "кеңес"), ("ru", "ошибка", "подсказка")):
        result = run("validate", "--lang", lang, *BROKEN_FILES)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        lines = problem_lines(result.stdout)
        assert [line.split(": ", 1)[0] for line in lines] == places
        assert result.stdout.strip() == "\n".join(p.format(lang) for p in problems)
        assert f": {error}: " in result.stdout and f"    {hint}: " in result.stdout
        translated = sum(line != english_line for line, english_line in zip(lines, problem_lines(english.stdout)))
        assert translated == len(lines), "every message of the broken files has a translation"
        assert "error(s)" not in result.stderr


@pytest.mark.parametrize("lang, expected", [
    ("en", "tests/broken/bad_story.yaml:12:18: error: 'atta' is not one of the characters"),
    ("kk", "tests/broken/bad_story.yaml:12:18: қате: 'atta' кейіпкерлердің арасында жоқ"),
    ("ru", "tests/broken/bad_story.yaml:12:18: ошибка: 'atta' нет среди персонажей"),
])
def test_a_story_mistake_in_each_language(lang, expected):
    assert expected in run("validate", "--lang", lang, BROKEN / "bad_story.yaml").stdout.splitlines()


def test_without_lang_validate_follows_the_computers_language():
    assert ": ошибка: " in run("validate", BROKEN / "tab_indent.yaml", lang_env="ru_RU.UTF-8").stdout
    assert ": қате: " in run("validate", BROKEN / "tab_indent.yaml", lang_env="kk_KZ.UTF-8").stdout
    assert ": error: " in run("validate", BROKEN / "tab_indent.yaml", lang_env="C.UTF-8").stdout
    assert ": error: " in run("validate", "--lang", "en", BROKEN / "tab_indent.yaml", lang_env="ru_RU.UTF-8").stdout


def test_json_keeps_english_severities_and_gives_the_template():
    result = run("validate", "--format", "json", "--lang", "kk", BROKEN / "many_mistakes.yaml")
    data = json.loads(result.stdout)
    assert data["lang"] == "kk" and {p["severity"] for p in data["problems"]} == {"error", "warning"}
    typo = next(p for p in data["problems"] if p.get("message_template") == "unknown key '{key}' in {what}")
    assert typo["message"] == "сұрақ: белгісіз кілт 'promt'" and typo["hint"] == "'prompt' деп жазғыңыз келген шығар?"
    assert typo["message_params"] == {"key": "promt", "what": "a question"}
    assert typo["hint_template"] == "did you mean '{name}'?" and (typo["line"], typo["column"]) == (9, 5)


def test_list_messages_prints_every_template_with_its_translations():
    result = run("validate", "--list-messages")
    assert result.returncode == 0
    count = len(find_messages())
    assert result.stdout.rstrip().endswith(f"{count} messages")
    assert "en: the story never ends\nkk: әңгіме ешқашан аяқталмайды\nru: история никогда не заканчивается" \
        in result.stdout
    only_kk = run("validate", "--list-messages", "--lang", "kk").stdout
    assert "kk: әңгіме ешқашан аяқталмайды" in only_kk and "ru: " not in only_kk
    listed = json.loads(run("validate", "--list-messages", "--format", "json").stdout)
    assert len(listed) == count and all(entry["kk"] and entry["ru"] for entry in listed)
    assert message_listing(("en",)).count("\nen: ") == count


# -- the other authoring commands and the game -----------------------------------------------------

def test_authoring_commands_refuse_in_the_chosen_language(tmp_path):
    result = run("new-pack", "Bad Name", "--dir", tmp_path, "--lang", "kk")
    assert result.returncode == 1
    assert "new-pack: 'Bad Name' жинақтың id-і бола алмайды" in result.stderr
    result = run("export-pack", tmp_path / "nowhere", "--lang", "ru")
    assert result.returncode == 1 and "export-pack: " in result.stderr and "не папка набора" in result.stderr


def test_import_pack_shows_the_packs_problems_in_the_chosen_language(tmp_path):
    import zipfile
    archive = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("club/pack.yaml", "format: 1\nid: club\ntitle: {kk: a, ru: a, en: a}\nlevels: [lost]\n")
    result = subprocess.run([sys.executable, "run_game.py", "--data-dir", str(tmp_path / "data"), "import-pack",
                             str(archive), "--lang", "ru"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "ошибка: в наборе нет файла lost.yaml" in result.stderr
    assert "import-pack: в наборе есть ошибки (1), поэтому ничего не установлено" in result.stderr
    assert "    подсказка: " in result.stderr


def test_the_map_says_why_a_level_is_broken_in_the_players_language(tmp_path):
    from game.testing import run_test
    from pilot_steps import create_profile, tab_to
    pack = tmp_path / "levels" / "mixed"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text("format: 1\nid: mixed\ntitle: {kk: А, ru: А, en: A}\nlevels: [broken]\n",
                                    encoding="utf-8")
    (pack / "broken.yaml").write_text("format: 1\nid: broken\ntype: quiz\ntitle: {kk: 'x\n", encoding="utf-8")
    with run_test(tmp_path / "data", level_dirs=[tmp_path / "levels"], language="kk") as pilot:
        create_profile(pilot, "Test", "hare")
        tab_to(pilot, "level_mixed_broken")
        assert "тырнақша осы жерде ашылады, бірақ жабылмайды" in pilot.spoken[-1]
        pilot.app.set_language("ru")
        tab_to(pilot, "level_mixed_broken")
        pilot.press("tab")
        tab_to(pilot, "level_mixed_broken")
        assert "здесь открывается кавычка, но нигде не закрывается" in pilot.spoken[-1]
