"""What a new librarian met with `validate` (issue 13, items 1-5 and 12): every message names the real
mistake, at its own line and column, with a hint."""
import subprocess
import sys

import pytest

from conftest import LEVELS, ROOT
from game.core.catalog import validate_paths
from game.core.problems import has_errors
from game.core.yamlsrc import MAX_FILE_BYTES, parse_bytes

QUESTION = """\
  - id: {id}
    type: true_false
    prompt: {{kk: Қарқаралы ескі ме?, ru: Каркаралинск старый?, en: Is Karkaraly old?}}
    answer: true
    explanation: {{kk: "Иә, 1824 жылы.", ru: "Да, с 1824 года.", en: "Yes, since 1824."}}
    source: "A book, p. 3"
"""


def level(body: str, head: str = "format: 1\nid: lib\ntype: quiz\ntitle: {kk: Сынақ, ru: Тест, en: Test}\n") -> str:
    return head + body


def found(tmp_path, text: str, name: str = "lib.yaml"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    problems, _ = validate_paths([path])
    return [(p.where.line, p.where.col, p.severity.value, str(p.message), str(p.hint)) for p in problems]


def messages(tmp_path, text, name="lib.yaml"):
    return [(line, col, message) for line, col, _, message, _ in found(tmp_path, text, name)]


# -- 1. a missing or misspelt level type does not hide the other mistakes ---------------------------------

@pytest.mark.parametrize("type_line, type_message", [
    ("", (1, 1, "the level type is missing or unknown")),
    ("type: quizz\n", (3, 7, "unknown level type 'quizz'")),
])
def test_without_its_type_a_quiz_is_still_read_whole(tmp_path, type_line, type_message):
    text = ("format: 1\nid: lib\n" + type_line + "title: {kk: a, ru: a, en: a}\nshufle: true\nquestions:\n"
            "  - id: q1\n    type: true_false\n    prompt: !weird {kk: a, ru: a, en: a}\n    answer: true\n"
            "    explanaton: {kk: a, ru: a, en: a}\n    source: x\n")
    shift = 1 if type_line else 0
    assert messages(tmp_path, text) == [
        type_message,
        (4 + shift, 1, "unknown key 'shufle' in the quiz level"),
        (6 + shift, 5, "the question 'q1' has no explanation"),
        (8 + shift, 13, "unknown tag '!weird'"),
        (10 + shift, 5, "unknown key 'explanaton' in a question"),
    ]


def test_without_a_type_or_anything_to_tell_it_tags_aliases_and_bad_keys_are_reported(tmp_path):
    text = ("format: 1\nid: lib\ntitle: {kk: a, ru: a, en: a}\ncolour: red\nrun: !!python/object:os.system x\n"
            "a: &a [x, x]\nb: [*a, *a, *a]\n")
    found_here = messages(tmp_path, text)
    assert found_here[0] == (1, 1, "the level type is missing or unknown")
    assert (4, 1, "unknown key 'colour' in the level") in found_here
    assert (5, 6, "unknown tag '!!python/object:os.system'") in found_here
    aliases = [p for p in found_here if p[2].startswith("anchors and aliases")]
    assert [p[0] for p in aliases] == [6, 6, 6]  # each of the three references, at the anchor it names


def test_an_alias_bomb_without_a_type_is_refused_quickly(tmp_path):
    lines = ["format: 1", "id: lib", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    found_here = messages(tmp_path, "\n".join(lines) + "\n")
    assert found_here[0][2] == "the level type is missing or unknown"
    assert sum(p[2].startswith("anchors and aliases") for p in found_here) == 9 * 9


# -- 2. an invisible character in the indentation is named where it is ------------------------------------

@pytest.mark.parametrize("char, name", [("\u00a0", "a non-breaking space (U+00A0)"),
                                        ("\u200b", "a zero-width space (U+200B)")])
def test_an_invisible_character_in_the_indentation_is_named_at_its_place(tmp_path, char, name):
    text = level("questions:\n  - id: q1\n    type: true_false\n    prompt:\n      kk: a\n" + char
                 + "     ru: b\n      en: c\n    answer: true\n    explanation: {kk: a, ru: a, en: a}\n    source: x\n")
    assert found(tmp_path, text) == [(10, 1, "error", f"an invisible character, {name}, is in the indentation: "
                                                      "YAML does not read it as a space",
                                      "delete it and indent with ordinary spaces (it comes with text copied from "
                                      "Word or a web page)")]


def test_an_invisible_character_before_a_key_that_yaml_reads_is_named_too(tmp_path):
    text = level("shuffle: true\n\u00a0 pool: 1\nquestions:\n" + QUESTION.format(id="q1"))
    assert messages(tmp_path, text) == [
        (6, 1, "an invisible character, a non-breaking space (U+00A0), is in the indentation: YAML does not read it "
               "as a space")]


# -- 3. a file saved in another encoding says which, and how to save it as UTF-8 ---------------------------

def test_a_utf16_file_is_called_utf16(tmp_path):
    text = level("questions:\n" + QUESTION.format(id="q1"))
    for raw in (text.encode("utf-16"), text.encode("utf-16-le")):  # Notepad's "Unicode", with and without a BOM
        assert found(tmp_path, raw) == [(1, 1, "error", 'the file is UTF-16 text ("Unicode" in Notepad), not UTF-8',
                                         "save the file as UTF-8 (in Notepad: Save as... > Encoding: UTF-8)")]


@pytest.mark.parametrize("codec, title, name", [("cp1251", "Тест", "Cyrillic Windows (cp1251)"),
                                                ("kz1048", "Сынақ", "Kazakh Windows (KZ-1048)")])
def test_a_windows_code_page_is_named(tmp_path, codec, title, name):
    text = f"format: 1\nid: lib\ntype: quiz\ntitle: {{kk: {title}, ru: Тест}}\nquestions: []\n"
    (line, col, _, message, hint), = found(tmp_path, text.encode(codec))
    assert (line, col) == (4, 13)
    assert message.startswith("the file is not UTF-8 text (byte 0x") and message.endswith(f"looks like {name} text")
    assert hint.endswith(f"convert it with: iconv -f {codec} -t utf-8 OLD.yaml > NEW.yaml")


def test_bytes_that_are_no_known_code_page_get_the_plain_utf8_message(tmp_path):
    (_, _, _, message, _), = found(tmp_path, level("questions: []\n").encode() + b"# \x98\n")
    assert message == "the file is not UTF-8 text (byte 0x98 here)"


# -- 4. aliases written by mistake, and deep nesting, get the friendly messages ------------------------------

@pytest.mark.parametrize("value, mark", [("*important* question", "*"), ("*important question", "*"),
                                         ("&sure* thing", "&")])
def test_a_text_starting_with_a_star_or_ampersand_is_explained(tmp_path, value, mark):
    text = level(f"summary:\n  kk: a\n  en: {value}\n  ru: b\nquestions:\n" + QUESTION.format(id="q1"))
    line, column, _, message, hint = found(tmp_path, text)[0]
    assert (line, column) == (7, 7)
    assert message == f"a text starts with '{mark}', which YAML reads as a reference (an anchor or alias)"
    assert hint == 'put the whole text in quotes: "..."'


@pytest.mark.parametrize("text", ["[" * 10_000 + "]" * 10_000,
                                  "a:\n" + "".join(" " * i + "- \n" for i in range(1, 1200))])
def test_deep_nesting_is_reported_in_plain_words(text):
    problems = parse_bytes(text.encode(), "deep.yaml").problems
    assert [(p.message, p.hint) for p in problems] == [
        ("the file is nested too deeply", "level files need only a few levels of indentation")]


# -- 5. a .txt name, a missing dash, a file just over the size limit -----------------------------------------

def test_a_level_saved_with_txt_at_the_end_is_named(tmp_path):
    pack = tmp_path / "lib"
    pack.mkdir()
    (pack / "pack.yaml").write_text("format: 1\nid: lib\ntitle: {kk: a, ru: a, en: a}\nlevels: [gogol-quiz, "
                                    "gogol-seminar]\n", encoding="utf-8")
    for name, level_id in (("gogol-quiz.yaml.txt", "gogol-quiz"), ("gogol-seminar.yaml", "gogol-seminar")):
        (pack / name).write_text(level("questions:\n" + QUESTION.format(id="q1")).replace("id: lib", f"id: {level_id}"),
                                 encoding="utf-8")
    problems, _ = validate_paths([pack])
    assert [(p.where.line, str(p.message), str(p.hint)) for p in problems] == [
        (4, "there is no file gogol-quiz.yaml in the pack", "the file is called 'gogol-quiz.yaml.txt': its name ends "
                                                            "in .txt (Notepad adds it); rename it to gogol-quiz.yaml")]


def test_a_missing_dash_before_a_question_is_one_error_that_names_the_dash(tmp_path):
    second = QUESTION.format(id="q2").replace("  - id:", "    id:")
    text = level("questions:\n" + QUESTION.format(id="q1") + second + QUESTION.format(id="q3"))
    assert found(tmp_path, text) == [(12, 5, "error", "'id' appears twice in a question: if a new item starts here, "
                                                      "its '- ' is missing",
                                      "start the new item with '- ', just below the '- ' of the item above")]


def test_a_key_written_twice_outside_a_list_is_still_called_a_duplicate(tmp_path):
    text = level("shuffle: true\nshuffle: false\nquestions:\n" + QUESTION.format(id="q1"))
    assert messages(tmp_path, text) == [(6, 1, "'shuffle' appears twice in the quiz level")]


def test_a_file_just_over_the_limit_gives_its_size_in_bytes(tmp_path):
    text = level("questions:\n" + QUESTION.format(id="q1"))
    text += "#" * (MAX_FILE_BYTES + 2 - len(text.encode()) - 1) + "\n"
    assert len(text.encode()) == 1_048_578
    assert messages(tmp_path, text) == [
        (1, 1, "the file is 1048578 bytes; a level file may be at most 1048576 bytes (1 MiB)")]


# -- 12. a question without an explanation or a source is a warning; --strict fails on it ---------------------

def test_a_question_without_explanation_or_source_is_warned_about_and_plays(tmp_path):
    bare = "  - id: bare\n    type: true_false\n    prompt: {kk: a, ru: a, en: a}\n    answer: true\n"
    text = level("questions:\n" + QUESTION.format(id="q1") + bare)
    assert found(tmp_path, text) == [
        (12, 5, "warning", "the question 'bare' has no explanation",
         "add 'explanation:': after every answer the child reads why it is so"),
        (12, 5, "warning", "the question 'bare' has no source",
         "add 'source:': where the fact comes from (a book and its page, a museum, a web site)"),
    ]
    from game.core.loader import load_level
    quiz = load_level(tmp_path / "lib.yaml", "p", tmp_path).level
    assert [(q.id, bool(q.explanation.by_lang), q.source) for q in quiz.questions] == [
        ("q1", True, "A book, p. 3"), ("bare", False, "")]


def run_validate(*args):
    return subprocess.run([sys.executable, "run_game.py", "validate", "--lang", "en", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True)


def test_strict_fails_on_a_question_without_a_source_and_the_shipped_levels_pass_it(tmp_path):
    path = tmp_path / "lib.yaml"
    path.write_text(level("questions:\n" + QUESTION.format(id="q1").replace('    source: "A book, p. 3"\n', "")),
                    encoding="utf-8")
    assert run_validate(path).returncode == 0
    strict = run_validate("--strict", path)
    assert strict.returncode == 1 and "has no source" in strict.stdout
    assert run_validate("--strict", LEVELS).returncode == 0
    assert not has_errors(validate_paths([LEVELS])[0])
