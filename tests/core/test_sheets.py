"""Quizzes in a spreadsheet: new-pack --spreadsheet's template, import-questions FILE.xlsx|.csv, export-questions."""
import csv
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from conftest import ROOT
from game.cli import main
from game.core.loader import load_level
from game.core.problems import has_errors
from game.core.questions import KINDS

SHEETS = Path(__file__).resolve().parents[1] / "data" / "sheets"
LEVEL_KEYS = ("title", "summary", "age", "minutes", "shuffle", "pool", "time_limit", "questions")


def canonical(value, key=""):
    """A level's data with the spellings that mean the same made the same: an item written as {text: T} is T,
    a fill answer written as one value is a list of one text, a number is a float."""
    if isinstance(value, dict):
        if set(value) == {"text"}:
            return canonical(value["text"])
        if key == "answers":
            return {lang: [str(a) for a in (v if isinstance(v, list) else [v])] for lang, v in value.items()}
        return {k: canonical(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


def level_data(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    return canonical({k: v for k, v in data.items() if k in LEVEL_KEYS})


def quizzes():
    """The shipped quiz levels (the first quiz of a new pack, with every question type, is tested below)."""
    found = []
    for path in sorted((ROOT / "levels").glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("type") == "quiz":
            found.append(path)
    return found


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pack(tmp_path, capsys):
    assert run(capsys, "new-pack", "demo", "--dir", tmp_path, "--spreadsheet", "--lang", "en")[0] == 0
    return tmp_path / "demo"


def test_the_template_has_an_example_of_every_type_and_drop_down_lists(pack):
    book = openpyxl.load_workbook(pack / "questions.xlsx")
    questions = book["Questions"]
    assert [c.value for c in questions[1]][:3] == ["question id", "question type", "question (kk)"]
    types = [row[1].value for row in questions.iter_rows(min_row=2) if row[1].value]
    assert sorted(types) == sorted(KINDS)
    lists = {str(v.sqref): v.formula1 for v in questions.data_validations.dataValidation}
    assert any(ref.startswith("B2:") and formula.strip('"').split(",") == list(KINDS) for ref, formula in lists.items())
    level = book["Level"]
    age_row = next(row[0].row for row in level.iter_rows() if row[0].value == "age")
    ages = [v for v in level.data_validations.dataValidation if str(v.sqref) == f"B{age_row}"]
    assert ages and ages[0].formula1 == '"6-8,9-11,12-14"'
    assert level.cell(age_row, 2).value == "6-8, 9-11"


def test_headers_and_notes_are_in_the_librarians_language(tmp_path, capsys):
    assert run(capsys, "new-pack", "demo", "--dir", tmp_path, "--spreadsheet", "--lang", "kk")[0] == 0
    questions = openpyxl.load_workbook(tmp_path / "demo" / "questions.xlsx")["Questions"]
    assert questions["C1"].value == "сұрақ (kk)" and questions["D1"].value == "сұрақ (ru)"
    assert "Alt+Enter" in questions["F1"].comment.text and "әр жолға" in questions["F1"].comment.text


def test_the_template_imports_as_the_first_quiz(pack, capsys):
    """The template is the export of the pack's first quiz: importing it is the round trip of every type."""
    code, out, err = run(capsys, "import-questions", pack / "questions.xlsx", "--out", pack / "my-quiz.yaml",
                         "--lang", "en")
    assert code == 0, err
    assert "9 question(s), 0 warning(s)" in out
    assert level_data(pack / "my-quiz.yaml") == level_data(pack / "first-quiz.yaml")
    loaded = load_level(pack / "my-quiz.yaml", "demo", pack)
    assert loaded.level is not None and not loaded.problems
    assert sorted(q.kind for q in loaded.level.questions) == sorted(KINDS)


@pytest.mark.parametrize("level", quizzes(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_level_exported_and_imported_again_is_the_same_level(level, tmp_path, capsys):
    copy = tmp_path / "pack"
    shutil.copytree(level.parent, copy)
    code, out, err = run(capsys, "export-questions", copy / level.name, "--out", tmp_path / "sheet.xlsx",
                         "--lang", "ru")
    assert code == 0, err
    code, out, err = run(capsys, "import-questions", tmp_path / "sheet.xlsx", "--out", copy / "again.yaml",
                         "--lang", "en")
    assert code == 0, err
    assert level_data(copy / "again.yaml") == level_data(level)
    assert not has_errors(load_level(copy / "again.yaml", "pack", copy).problems)


MISTAKES = SHEETS / "librarian-mistakes.csv"  # a Russian librarian's quiz saved by Excel as CSV (';'), with mistakes
EXPECTED = [  # (cell, severity, the message in Russian), in the order they are printed
    ("I3", "ошибка", "'4' — не номер строки ответа (от 1 до 3)"),
    ("I4", "ошибка", "'может быть' — ни true, ни false"),
    ("I5", "ошибка", "'около 1824' — не число"),
    ("F6", "ошибка", "строка 2 должна быть парой: 'слева = справа'"),
    ("B7", "ошибка", "неизвестный тип вопроса 'singel'"),
    ("I7", "предупреждение", "вопрос типа 'singel' не использует эту ячейку"),
    ("F8", "ошибка", "в этом вопросе должно быть от 3 до 6 пунктов, а здесь их 2"),
    ("M8", "предупреждение", "у вопроса 'seasons' нет объяснения"),
    ("A9", "ошибка", "у двух вопросов одинаковый id 'founded'"),
    ("C9", "предупреждение", "текст вопроса: нет перевода на языки: en"),
    ("M9", "предупреждение", "у вопроса 'founded' нет объяснения"),
    ("L10", "ошибка", "строка 1 мест — не 'id: x y радиус' и не 'id: x y, x y, x y'"),
]


def test_every_mistake_of_a_librarians_sheet_is_named_by_its_cell_at_once(tmp_path, capsys):
    (tmp_path / "pack").mkdir()
    out = tmp_path / "pack" / "quiz.yaml"
    code, _, err = run(capsys, "import-questions", MISTAKES, "--out", out, "--lang", "ru")
    assert code == 1 and not out.exists()
    said = [line for line in err.splitlines() if "librarian-mistakes!" in line]
    for (cell, severity, text), line in zip(EXPECTED, said):
        assert line.startswith(f"{MISTAKES}:librarian-mistakes!{cell}: {severity}: {text}"), line
    assert len(said) == len(EXPECTED)
    assert "ошибки (8): уровень не записан" in err


@pytest.mark.parametrize("lang, expected", [
    ("kk", "librarian-mistakes!I4: қате: 'может быть' — true да емес, false да емес"),
    ("en", "librarian-mistakes!I4: error: 'может быть' is neither true nor false"),
])
def test_the_problems_are_in_the_librarians_language(lang, expected, tmp_path, capsys):
    code, _, err = run(capsys, "import-questions", MISTAKES, "--out", tmp_path / "quiz.yaml", "--lang", lang)
    assert code == 1 and expected in err


def test_a_corrected_sheet_imports_and_its_level_plays(tmp_path, capsys):
    with open(MISTAKES, encoding="utf-8", newline="") as handle:
        header, first = list(csv.reader(handle, delimiter=";"))[:2]  # the one question without a mistake
    (tmp_path / "pack").mkdir()
    sheet = tmp_path / "good.csv"
    with open(sheet, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, first])
    code, out, err = run(capsys, "import-questions", sheet, "--out", tmp_path / "pack" / "good.yaml", "--lang", "en")
    assert code == 0, err
    level = load_level(tmp_path / "pack" / "good.yaml", "pack", tmp_path / "pack").level
    question = level.questions[0]
    assert question.id == "founded" and [o.correct for o in question.options] == [True, False, False]
    assert question.options[1].item.text.get("ru") == "1924" and question.source == "Қарқаралы тарихы, 12-бет"
    assert level.title.get("ru") == "Good"


def test_a_date_the_spreadsheet_program_made_is_named(pack, tmp_path, capsys):
    import datetime
    book = openpyxl.load_workbook(pack / "questions.xlsx")
    level = book["Level"]
    age_row = next(row[0].row for row in level.iter_rows() if row[0].value == "age")
    level.cell(age_row, 2).value = datetime.date(2026, 9, 11)  # "9-11" typed into a cell formatted as a date
    book["Questions"]["I2"].value = "7"
    book["Questions"]["F7"].value = datetime.datetime(2026, 1, 30, 0, 0)  # "1:30" read as a time of day
    book.save(tmp_path / "dated.xlsx")
    code, _, err = run(capsys, "import-questions", tmp_path / "dated.xlsx", "--out", pack / "q.yaml", "--lang", "en")
    assert code == 1
    assert f"dated.xlsx:Level!B{age_row}: error: the cell was read as a date" in err
    assert "dated.xlsx:Questions!I2: error: '7' is not the number of an answer line (1 to 3)" in err
    assert "dated.xlsx:Questions!F7: error: the cell was read as a date" in err


def test_a_csv_in_a_windows_code_page_and_a_false_xlsx_are_refused_with_a_way_out(tmp_path, capsys):
    cp1251 = tmp_path / "quiz.csv"
    cp1251.write_bytes(MISTAKES.read_text(encoding="utf-8").encode("cp1251", errors="replace"))
    code, _, err = run(capsys, "import-questions", cp1251, "--out", tmp_path / "q.yaml", "--lang", "en")
    assert code == 1 and "code page cp1251" in err and "CSV UTF-8" in err
    fake = tmp_path / "quiz.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    code, _, err = run(capsys, "import-questions", fake, "--out", tmp_path / "q.yaml", "--lang", "en")
    assert code == 1 and "is not an .xlsx spreadsheet" in err and "Traceback" not in err
