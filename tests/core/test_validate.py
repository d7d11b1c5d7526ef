"""`validate` reports every problem as path:line:col with a hint, and exits 1 on errors."""
import subprocess
import sys

import pytest

from conftest import BROKEN, LEVELS, ROOT
from game.core.catalog import validate_paths
from game.core.yamlsrc import MAX_FILE_BYTES, parse_bytes


def problems_in(name):
    problems, _ = validate_paths([BROKEN / name])
    return [(p.where.line, p.where.col, p.severity.value, p.message) for p in problems]


def test_unclosed_quote_points_where_the_quote_opens():
    assert problems_in("unclosed_quote.yaml") == [(4, 13, "error", "a quote opens here and is never closed")]


@pytest.mark.parametrize("line, message", [
    # PyYAML reads on to the next line's quote and reports line 10; the quote opened on line 9
    ('      kk: "Қарқаралы қай жылы құрылды?', "a quote opens here and is not closed on this line"),
    # no other single quote in the file: PyYAML reaches the end, and says where it opened
    ("      kk: 'Қарқаралы қай жылы құрылды?", "a quote opens here and is never closed"),
])
def test_an_unclosed_quote_in_the_middle_points_where_it_opens(line, message):
    text = MIDDLE_QUOTE.replace("@@", line)
    parsed = parse_bytes(text.encode(), "q.yaml")
    assert [(p.where.line, p.where.col, p.message) for p in parsed.problems] == [(9, 11, message)]


def test_an_apostrophe_inside_a_word_is_not_an_open_quote():
    text = MIDDLE_QUOTE.replace("@@", "      kk: Alibek's horse: a trap").replace('title: {kk: "Сынақ"', 'title: {kk: "Сынақ')
    parsed = parse_bytes(text.encode(), "q.yaml")
    assert [p.where.line for p in parsed.problems] == [4]  # the broken title, not the apostrophe on line 9


MIDDLE_QUOTE = """\
format: 1
id: q
type: quiz
title: {kk: "Сынақ", ru: "Тест", en: "Test"}
questions:
  - id: a
    type: single
    prompt:
@@
      ru: "Когда основан Каркаралинск?"
      en: "When was Karkaraly founded?"
    options: []
"""


def test_tab_is_found_where_it_is():
    assert problems_in("tab_indent.yaml") == [(5, 1, "error", "a tab character is used for indentation")]


def test_all_mistakes_of_a_file_are_reported_at_once():
    found = problems_in("many_mistakes.yaml")
    assert (5, 1, "error", "'title' appears twice in the quiz level") in found
    assert (9, 5, "error", "unknown key 'promt' in a question") in found
    assert (11, 7, "error", "no option is marked as the right answer") in found
    assert (17, 13, "warning", "the question has no en translation") in found
    assert (18, 13, "error", "the answer should be true or false") in found
    assert (25, 36, "error", "an option (en) is read as a yes/no value, not as text: 'yes'") in found
    assert (31, 11, "error", "unknown question type 'multipel'") in found
    assert found == sorted(found, key=lambda p: (p[0], p[1], p[3]))


def test_story_graph_and_assets():
    found = problems_in("bad_story.yaml")
    assert (10, 17, "error", "'../outside.svg' points outside the pack") in found
    assert (12, 18, "error", "'atta' is not one of the characters") in found
    assert (16, 15, "error", "the choice jumps to 'forrest', which is not a scene") in found
    assert (20, 17, "error", "'assets/Lake.SVG' is not found: the file is called 'lake.svg'") in found
    assert (24, 5, "warning", "no choice or 'next' leads to the scene 'island'") in found


def test_python_tags_are_never_constructed():
    assert (4, 8, "error", "unknown tag '!!python/object/apply:os.system'") in problems_in("python_tag.yaml")


def test_not_utf8_names_the_byte():
    assert problems_in("not_utf8.yaml") == [(4, 13, "error", "the file is not UTF-8 text (byte 0xc0 here): it looks like "
                                                               "Cyrillic Windows (cp1251) text")]


def test_files_over_one_mebibyte_are_refused_before_parsing():
    parsed = parse_bytes(b"a: " + b"x" * MAX_FILE_BYTES, "big.yaml")
    assert parsed.root is None
    assert "1 MiB" in parsed.problems[0].message


def run_validate(*paths):
    return subprocess.run([sys.executable, "run_game.py", "validate", "--lang", "en", *map(str, paths)],
                          cwd=ROOT, capture_output=True, text=True)


def test_cli_prints_path_line_col_and_exits_1():
    result = run_validate(BROKEN / "bad_story.yaml", BROKEN / "tab_indent.yaml")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "tests/broken/bad_story.yaml:10:17: error: '../outside.svg' points outside the pack"
    assert lines[1].strip().startswith("hint: ")
    assert "tests/broken/tab_indent.yaml:5:1: error: a tab character is used for indentation" in lines
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("target", [LEVELS, LEVELS / "karkaraly", LEVELS / "karkaraly" / "town-quiz.yaml"],
                         ids=["folder-of-packs", "pack", "level-file"])
def test_cli_accepts_a_clean_file_pack_or_folder(target):
    result = run_validate(target)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("ok: ") and len(result.stdout.splitlines()) == 1


def test_strict_makes_warnings_errors_and_json_is_for_editors(tmp_path):
    import json
    level = tmp_path / "pack" / "warned.yaml"
    level.parent.mkdir()
    level.write_text("format: 1\nid: warned\ntype: quiz\ntitle: {kk: a}\nquestions:\n  - id: q\n    type: true_false\n"
                     "    prompt: {kk: a, ru: a, en: a}\n    answer: true\n    explanation: {kk: a, ru: a, en: a}\n"
                     "    source: s\n", encoding="utf-8")
    assert run_validate(level).returncode == 0
    assert run_validate("--strict", level).returncode == 1
    result = subprocess.run([sys.executable, "run_game.py", "validate", "--lang", "en", "--format", "json", str(level)],
                            cwd=ROOT, capture_output=True, text=True)
    data = json.loads(result.stdout)
    assert result.returncode == 0 and data["warnings"] == 1 and data["errors"] == 0
    assert data["problems"][0]["line"] == 4 and data["problems"][0]["severity"] == "warning"
    assert "ru, en" in data["problems"][0]["message"]


def test_a_text_that_lost_its_opening_quote_is_a_warning(tmp_path):
    folder = tmp_path / "club"
    folder.mkdir()
    (folder / "pack.yaml").write_text("format: 1\nid: club\ntitle: {kk: а, ru: б, en: c}\nlevels: [q]\n",
                                      encoding="utf-8")
    (folder / "q.yaml").write_text(
        'format: 1\nid: q\ntype: quiz\ntitle: {kk: "а", ru: Посёлок у гор Кент.", en: He said "hi"}\n'
        'questions:\n  - {id: a, type: true_false, prompt: {kk: а, ru: б, en: c}, answer: true,\n'
        '     explanation: {kk: а, ru: б, en: c}, source: "a book, p. 3"}\n', encoding="utf-8")
    problems, _ = validate_paths([folder])
    assert [(p.where.line, p.where.col, p.severity.value, p.message) for p in problems] == [
        (4, 22, "warning", "the level title (ru) has a quote mark that is not paired")]  # "hi" is paired
