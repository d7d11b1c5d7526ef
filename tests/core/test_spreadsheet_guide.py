"""The guide's chapters 'Quizzes in a spreadsheet' and 'Translating a pack', followed as written in each
language: its commands run one after the other, with a librarian and a translator at work in between."""
import re
import shlex

import openpyxl
import pytest
import yaml

from test_authoring_docs import read, run_command, section

CHAPTERS = {"en": ("## Quizzes in a spreadsheet", "## Translating a pack"),
            "kk": ("## Кестедегі викторина", "## Жинақты аудару"),
            "ru": ("## Викторина в таблице", "## Перевод набора")}
FENCE = re.compile(r"```(sh|text)\n(.*?)```", re.S)


def blocks(lang: str) -> list[tuple[str, str]]:
    text = "".join(section(read(lang), heading) for heading in CHAPTERS[lang])
    return [(kind, "\n".join(line.strip() for line in body.strip().splitlines())) for kind, body in FENCE.findall(text)]


def test_the_chapters_give_the_same_commands_in_every_language():
    def commands(lang):
        return [re.sub(r" --lang (kk|ru|en)\b", "", body) for kind, body in blocks(lang) if kind == "sh"]
    assert commands("en") == commands("kk") == commands("ru")
    assert [shlex.split(c)[2] for c in commands("en")] == ["new-pack", "import-questions", "export-texts",
                                                          "import-texts"]


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_the_chapters_work_as_written(tmp_path, lang):
    (tmp_path / "levels").mkdir()
    # messages in the guide's language (export-texts' --lang is the language it exports: its messages follow the
    # computer's, English here)
    commands = [body + ("" if body.split()[2] in ("new-pack", "export-texts") else f" --lang {lang}")
                for kind, body in blocks(lang) if kind == "sh"]
    shown_error = next(body for kind, body in blocks(lang) if kind == "text")
    new_pack, import_questions, export_texts, import_texts = commands

    code, output = run_command(new_pack + f" --lang {lang}", tmp_path)
    assert code == 0, output
    sheet = tmp_path / "levels" / "my-library" / "questions.xlsx"
    book = openpyxl.load_workbook(sheet)
    questions = book["Questions"]
    assert questions["B4"].value == "true_false"
    questions["I4"].value = re.search(r"Questions!I4: \S+: '([^']+)'", shown_error).group(1)  # the guide's mistake
    book.save(sheet)
    code, output = run_command(import_questions, tmp_path)
    assert code == 1 and [line.strip() for line in output.strip().splitlines()] == shown_error.splitlines()

    questions["I4"].value = "true"
    questions["C2"].value = "Күн қайсы суретте?"  # the librarian's own question
    book.save(sheet)
    code, output = run_command(import_questions, tmp_path)
    assert code == 0, output
    level = tmp_path / "levels" / "my-library" / "my-quiz.yaml"
    assert yaml.safe_load(level.read_text(encoding="utf-8"))["questions"][0]["prompt"]["kk"] == "Күн қайсы суретте?"
    pack = tmp_path / "levels" / "my-library" / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("levels:\n", "levels:\n  - my-quiz\n", 1),
                    encoding="utf-8")

    code, output = run_command(export_texts, tmp_path)
    assert code == 0, output
    texts = openpyxl.load_workbook(tmp_path / "my-library-ru.xlsx")
    row = next(r for r in texts["Texts"].iter_rows(min_row=2)
               if r[0].value == "my-quiz.yaml" and r[2].value == "questions/sun/prompt")
    assert row[4].value == "Күн қайсы суретте?"
    row[5].value = "На какой картинке солнышко?"  # the translator's work
    texts.save(tmp_path / "my-library-ru.xlsx")
    code, output = run_command(import_texts, tmp_path)
    assert code == 0, output
    assert yaml.safe_load(level.read_text(encoding="utf-8"))["questions"][0]["prompt"]["ru"] == \
        "На какой картинке солнышко?"
    code, output = run_command("python run_game.py validate levels/my-library", tmp_path)
    assert code == 0, output
