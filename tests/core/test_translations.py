"""Translators: export-texts writes every text a child reads with its context; import-texts writes the
translations back into the YAML files, changing nothing but the translated values."""
import shutil
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT
from game.authoring.question_import.level_writer import quoted
from game.cli import main
from game.core.loader import load_level

KENT = ROOT / "levels" / "kent"
PROMPT_RU = "Какова высота самой высокой точки гор Кент?"   # questions/height/prompt: a block mapping
OPTION_RU = "1469 метров"                                    # questions/height/options/1/text: a flow mapping


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pack(tmp_path):
    copy = tmp_path / "kent"
    shutil.copytree(KENT, copy)
    return copy


def export(capsys, pack, tmp_path, lang="ru"):
    sheet = tmp_path / f"kent-{lang}.xlsx"
    code, out, err = run(capsys, "export-texts", pack, "--lang", lang, "--out", sheet)
    assert code == 0, err
    return sheet


def rows_by_place(sheet):
    book = openpyxl.load_workbook(sheet)
    return book, {(row[0].value, row[2].value): row for row in book["Texts"].iter_rows(min_row=2)}


def test_every_text_a_child_reads_is_listed_with_its_context(pack, tmp_path, capsys):
    _, rows = rows_by_place(export(capsys, pack, tmp_path))
    line = rows[("kent-quiz.yaml", "questions/height/prompt")]
    assert [c.value for c in line] == ["kent-quiz.yaml", 17, "questions/height/prompt", None,
                                       "Кент тауының ең биік нүктесі қанша метр?", PROMPT_RU]
    said = next(row for (file, place), row in rows.items()
                if file == "kent-walk.yaml" and "/lines/" in place and row[3].value)  # a line with its speaker
    lines = (pack / "kent-walk.yaml").read_text(encoding="utf-8").split("\n")
    speaker = said[3].value.split(" (")[0]
    assert said[3].value.endswith(")") and f"  {speaker}:" in "\n".join(lines)  # id (name), a character of the file
    assert lines[said[1].value - 1].strip() == f"kk: {quoted(said[4].value)}"
    assert ("kent-walk.yaml", f"characters/{speaker}/name") in rows and ("pack.yaml", "title") in rows
    assert all(place[0] in ("pack.yaml", "kent-quiz.yaml", "kent-walk.yaml") for place in rows)
    files = {place[0] for place in rows}
    # every `kk: "..."`; a fill question's accepted answers (`kk: [...]`) are spellings, not texts to translate
    texts = sum(text.count('kk: "') for text in (p.read_text(encoding="utf-8") for p in pack.glob("*.yaml")))
    assert len(rows) == texts and files == {"pack.yaml", "kent-quiz.yaml", "kent-walk.yaml"}


def test_translations_come_back_changing_only_their_own_values(pack, tmp_path, capsys):
    before = {p.name: p.read_bytes() for p in pack.glob("*.yaml")}
    sheet = export(capsys, pack, tmp_path)
    book, rows = rows_by_place(sheet)
    new_prompt, new_line = "Какой высоты гора Кент?", 'Наш Карагайлы — посёлок "горняков": 1469 м'
    rows[("kent-quiz.yaml", "questions/height/prompt")][5].value = new_prompt
    rows[("kent-quiz.yaml", "questions/height/options/1/text")][5].value = "1469 м"
    rows[("kent-walk.yaml", "scenes/karagaily/lines/2/text")][5].value = new_line
    book.save(sheet)
    code, out, err = run(capsys, "import-texts", sheet, "--lang", "en")
    assert code == 0, err
    assert "wrote 3 translation(s) into 2 file(s); 0 not written" in out
    quiz = before["kent-quiz.yaml"].decode("utf-8")
    assert quiz.count(quoted(PROMPT_RU)) == 1 and quiz.count(quoted(OPTION_RU)) == 1
    expected = quiz.replace(quoted(PROMPT_RU), quoted(new_prompt)).replace(quoted(OPTION_RU), quoted("1469 м"))
    assert (pack / "kent-quiz.yaml").read_bytes() == expected.encode("utf-8")
    walk = before["kent-walk.yaml"].decode("utf-8")
    old_line = "Наш Карагайлы — посёлок горняков у подножия гор Кент."
    assert (pack / "kent-walk.yaml").read_bytes() == walk.replace(quoted(old_line), quoted(new_line)).encode("utf-8")
    assert (pack / "pack.yaml").read_bytes() == before["pack.yaml"]
    level = load_level(pack / "kent-quiz.yaml", "kent", pack).level
    assert level.questions[0].prompt.get("ru") == new_prompt


@pytest.mark.parametrize("windows", [False, True], ids=["lf", "crlf-bom"])
def test_a_missing_translation_is_added_beside_the_others_in_the_files_own_layout(pack, tmp_path, capsys, windows):
    text = (pack / "kent-quiz.yaml").read_text(encoding="utf-8")
    without = text.replace(f"      ru: {quoted(PROMPT_RU)}\n", "").replace(f", ru: {quoted(OPTION_RU)}", "")
    assert len(without) < len(text) - len(PROMPT_RU) - len(OPTION_RU)
    if windows:  # Notepad's way: CRLF line ends and a byte-order mark
        text, without = (t.replace("\n", "\r\n") for t in (text, without))
    prefix = b"\xef\xbb\xbf" if windows else b""
    original = prefix + text.encode("utf-8")
    (pack / "kent-quiz.yaml").write_bytes(prefix + without.encode("utf-8"))
    sheet = export(capsys, pack, tmp_path)
    book, rows = rows_by_place(sheet)
    assert rows[("kent-quiz.yaml", "questions/height/prompt")][5].value is None
    rows[("kent-quiz.yaml", "questions/height/prompt")][5].value = PROMPT_RU
    rows[("kent-quiz.yaml", "questions/height/options/1/text")][5].value = OPTION_RU
    book.save(sheet)
    assert run(capsys, "import-texts", sheet)[0] == 0
    assert (pack / "kent-quiz.yaml").read_bytes() == original


def test_texts_whose_kazakh_original_changed_since_the_export_are_reported_not_written(pack, tmp_path, capsys):
    sheet = export(capsys, pack, tmp_path, "en")
    book, rows = rows_by_place(sheet)
    rows[("kent-quiz.yaml", "questions/height/prompt")][5].value = "How tall is Kent?"
    rows[("kent-quiz.yaml", "questions/height/hint")][5].value = "About one and a half kilometres."
    book.save(sheet)
    quiz = pack / "kent-quiz.yaml"
    old_kk = "Кент тауының ең биік нүктесі қанша метр?"
    quiz.write_bytes(quiz.read_bytes().replace(old_kk.encode(), "Кент тауы қаншалықты биік?".encode()))
    code, out, err = run(capsys, "import-texts", sheet, "--lang", "en")
    assert code == 0, err
    assert (f"{quiz}:17:11: warning: the Kazakh text at questions/height/prompt changed since the export: the "
            "translation was not written") in out
    assert "now it is: Кент тауы қаншалықты биік?" in out
    assert "wrote 1 translation(s) into 1 file(s); 1 not written" in out
    text = quiz.read_text(encoding="utf-8")
    assert "How tall is Kent?" not in text and 'en: "About one and a half kilometres."' in text


def test_a_sheet_not_made_by_export_texts_is_refused(tmp_path, capsys):
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    code, _, err = run(capsys, "import-texts", other, "--lang", "ru")
    assert code == 1 and "не создан командой export-texts" in err


def test_block_texts_keep_their_kazakh_original_and_their_line_ends(pack, tmp_path, capsys):
    quiz = pack / "kent-quiz.yaml"
    text = quiz.read_text(encoding="utf-8")
    start, end = text.index("summary:\n"), text.index("age:")
    block = 'summary:\n  kk: |\n    Кент тауы.\n    Екінші жол.\n  ru: >\n    Горы\n    Кент.\n  en: "Kent."\n'
    quiz.write_text(text[:start] + block + text[end:], encoding="utf-8")
    sheet = export(capsys, pack, tmp_path)
    book, rows = rows_by_place(sheet)
    assert rows[("kent-quiz.yaml", "summary")][4].value == "Кент тауы.\nЕкінші жол.\n"
    rows[("kent-quiz.yaml", "summary")][5].value = "Горы Кент.\nВторая строка."
    book.save(sheet)
    code, out, err = run(capsys, "import-texts", sheet, "--lang", "en")
    assert code == 0 and "wrote 1 translation(s) into 1 file(s); 0 not written" in out, out + err
    new_block = block.replace('>\n    Горы\n    Кент.\n', '"Горы Кент.\\nВторая строка."\n')
    assert quiz.read_text(encoding="utf-8") == text[:start] + new_block + text[end:]
