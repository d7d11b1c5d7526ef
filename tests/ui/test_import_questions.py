"""`import-questions`: Moodle GIFT and Aiken banks -> quiz level files that the game's own loader accepts."""
import os
import re
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from game.authoring.question_import import model, parse_bank
from game.authoring.question_import.level_writer import level_text
from game.authoring.question_import.model import Choice, ImportedQuestion
from game.cli import main
from game.core.loader import load_level
from game.core.problems import has_errors
from game.core.questions import FillBlank, Matching, MultipleChoice, NumberQuestion, SingleChoice, TrueFalse

BANKS = Path(__file__).resolve().parents[1] / "data" / "question_banks"


def line_of(path: Path, needle: str) -> int:
    """The line number of the only line of `path` that contains `needle`."""
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8-sig").split("\n"), 1) if needle in line]
    assert len(found) == 1, (needle, found)
    return found[0]


class Imported:
    def __init__(self, rc, out, err, path, level_result, bank):
        self.rc, self.out, self.err, self.path, self.result, self.bank = rc, out, err, path, level_result, bank

    @property
    def questions(self):
        return self.result.level.questions

    def question(self, fragment: str, lang: str = "kk"):
        found = [q for q in self.questions if fragment in q.prompt.get(lang)]
        assert len(found) == 1, [q.prompt.get(lang) for q in self.questions]
        return found[0]

    def report(self, kind: str) -> list[str]:
        """The report lines of one kind, with the bank's folder taken off the file name."""
        return [line.replace(f"{self.bank.parent}{os.sep}", "") for line in self.out.splitlines()
                if f": {kind}: " in line]


def run_import(capsys, tmp_path, bank: Path, fmt: str, lang: str = "kk", *extra: str, out_name="bank.yaml"):
    out = tmp_path / "pack" / out_name
    rc = main(["import-questions", str(bank), "--format", fmt, "--out", str(out), "--written-in", lang, *extra])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    result = None
    if rc == 0:  # a level was written: it must load in the game without errors
        result = load_level(out, "pack", out.parent)
        errors = [p.format() for p in result.problems if p.is_error]
        assert not has_errors(result.problems), errors
        assert result.level is not None and result.level.kind == "quiz"
    return Imported(rc, captured.out, captured.err, out, result, bank)


def gift(capsys, tmp_path, text: str, lang: str = "kk") -> Imported:
    bank = tmp_path / "bank.gift"
    bank.write_text(text, encoding="utf-8")
    return run_import(capsys, tmp_path, bank, "gift", lang)


def aiken(capsys, tmp_path, text: str, lang: str = "kk") -> Imported:
    bank = tmp_path / "bank.txt"
    bank.write_text(text, encoding="utf-8")
    return run_import(capsys, tmp_path, bank, "aiken", lang)


def option_texts(question, lang="kk"):
    return [o.item.text.get(lang) for o in question.options]


def right_texts(question, lang="kk"):
    return [o.item.text.get(lang) for o in question.options if o.correct]


# -- GIFT: each question kind ---------------------------------------------------------------------------

def test_gift_single_choice_marks_the_equals_option_right_and_keeps_general_feedback(capsys, tmp_path):
    done = gift(capsys, tmp_path, "::Округ::Қарқаралы округі қай жылы құрылды?{\n=1824 #Дұрыс!\n~1924 #Жоқ.\n~1724\n"
                                  "####1824 жылы Қарқаралы округі құрылды.\n}\n")
    assert done.rc == 0
    q = done.question("округі")
    assert isinstance(q, SingleChoice)
    assert option_texts(q) == ["1824", "1924", "1724"] and right_texts(q) == ["1824"]
    assert q.check(0).correct and not q.check(1).correct
    assert q.explanation.get("kk") == "1824 жылы Қарқаралы округі құрылды."
    assert "kk" in q.explanation.by_lang and "ru" not in q.explanation.by_lang
    assert q.source == ""  # the bank does not say where the fact comes from: validate warns
    text = done.path.read_text(encoding="utf-8")
    assert "# bank.gift, line 1, title: Округ\n" in text and "    source:" not in text
    assert '# feedback for "1824": Дұрыс!' in text and '# feedback for "1924": Жоқ.' in text
    assert "1 question imported, 0 skipped" in done.out


def test_gift_weights_without_an_equals_make_a_multiple_choice_with_the_positive_options_right(capsys, tmp_path):
    done = gift(capsys, tmp_path, "Паркте қандай ағаштар өседі?{~%50%Қарағай ~%50%Қайың ~%-100%Пальма}")
    q = done.question("ағаштар")
    assert isinstance(q, MultipleChoice)
    assert right_texts(q) == ["Қарағай", "Қайың"]
    assert q.check([0, 1]).correct and not q.check([0]).correct and not q.check([0, 1, 2]).correct
    assert done.report("note") == [
        "bank.gift:1: note: a multiple-answer question (no '=' answer): the options with a weight above 0 are right, "
        "'Қарағай' (50%), 'Қайың' (50%); the game gives no part marks, so the child must choose every one of them "
        "and no other"]


def test_gift_weights_beside_an_equals_are_part_marks_of_a_single_choice(capsys, tmp_path):
    """Moodle keeps such a question single-answer: only '=' is fully right, the ~%N% answers give part marks."""
    done = gift(capsys, tmp_path, "Жәрмеңкені кім құрды?{~%50%бір көпес ~%25%Омбы көпесі =Варнава Ботов ~%-50%Абай}")
    q = done.question("Жәрмеңке")
    assert isinstance(q, SingleChoice)
    assert option_texts(q) == ["бір көпес", "Омбы көпесі", "Варнава Ботов", "Абай"]
    assert right_texts(q) == ["Варнава Ботов"] and q.check(2).correct and not q.check(0).correct
    assert done.report("note") == [
        "bank.gift:1: note: the game gives no part marks: 'бір көпес' (50%), 'Омбы көпесі' (25%) give part marks "
        "in Moodle and are wrong options here; only 'Варнава Ботов' is right"]
    assert '# Moodle gave "бір көпес" 50% of the marks: here it is a wrong option' in done.path.read_text("utf-8")


def test_gift_several_equals_stay_a_single_choice_with_the_first_right_answer(capsys, tmp_path):
    done = gift(capsys, tmp_path, "Қай жануар Қызыл кітапта?{=арқар =қара дегелек ~пингвин ~кенгуру}")
    q = done.question("жануар")
    assert isinstance(q, SingleChoice) and option_texts(q) == ["арқар", "пингвин", "кенгуру"]
    assert right_texts(q) == ["арқар"]
    assert done.report("note") == [
        "bank.gift:1: note: 'қара дегелек' is right too: Moodle accepts any one of its full-mark answers; a single-choice "
        "question of the game has one right option, 'арқар', so 'қара дегелек' was left out"]


def test_gift_one_positive_weight_without_an_equals_is_a_single_choice(capsys, tmp_path):
    done = gift(capsys, tmp_path, "Парк қай жылы ашылды?{~%100%1998 ~1884 ~2010}")
    q = done.question("Парк")
    assert isinstance(q, SingleChoice) and right_texts(q) == ["1998"]
    assert "only '1998' has a weight above 0: it is a single-choice question here" in done.report("note")[0]


@pytest.mark.parametrize("mark, expected", [("T", True), ("TRUE", True), ("F", False), ("FALSE", False),
                                            ("true", True), ("f", False)])
def test_gift_true_false(capsys, tmp_path, mark, expected):
    done = gift(capsys, tmp_path, f"Қарқаралы — облыстың ең көне қаласы.{{{mark}}}")
    q = done.question("көне")
    assert isinstance(q, TrueFalse) and q.answer is expected
    assert q.check(expected).correct and not q.check(not expected).correct


def test_gift_true_false_feedback_is_kept_as_comments(capsys, tmp_path):
    done = gift(capsys, tmp_path, "Парк 2010 жылы құрылды.{F#Жоқ, 1998 жылы.#Дұрыс.####Парк 1998 жылы құрылды.}")
    q = done.question("Парк")
    assert q.answer is False and q.explanation.get("kk") == "Парк 1998 жылы құрылды."
    text = done.path.read_text(encoding="utf-8")
    assert "# feedback when the answer is wrong: Жоқ, 1998 жылы." in text
    assert "# feedback when the answer is right: Дұрыс." in text


def test_gift_short_answer_becomes_fill_with_every_accepted_spelling(capsys, tmp_path):
    done = gift(capsys, tmp_path, "Қала атауы қандай бас киіммен байланысты?{=қарқара =qarqara =%50%қалпақ =қар*}")
    q = done.question("бас киім")
    assert isinstance(q, FillBlank)
    assert dict(q.answers) == {"kk": ("қарқара", "qarqara")}
    assert q.prompt.get("kk") == "Қала атауы қандай бас киіммен байланысты? ___"
    assert q.check("Қарқара").correct and q.check("QARQARA").correct and not q.check("қалпақ").correct
    notes = "\n".join(done.report("note"))
    assert "'қалпақ' gives 50% of the marks in Moodle: left out" in notes and "'қар*' uses the * wildcard" in notes
    # the generated file writes the answers the way docs/levels.md shows: answers: {kk: [...]}
    assert 'answers: {kk: ["қарқара", "qarqara"]}' in done.path.read_text(encoding="utf-8")
    assert not [p for p in done.result.problems if "blank" in p.message]


def test_gift_missing_word_fill_puts_the_blank_where_the_braces_were(capsys, tmp_path):
    done = gift(capsys, tmp_path, "Қарқаралы тауларының ең биік нүктесі — {=Комсомол =Komsomol} шыңы.")
    q = done.question("биік")
    assert q.prompt.get("kk") == "Қарқаралы тауларының ең биік нүктесі — ___ шыңы."
    assert dict(q.answers)["kk"] == ("Комсомол", "Komsomol")


def test_gift_missing_word_choice_is_a_single_choice_with_a_blank(capsys, tmp_path):
    done = gift(capsys, tmp_path, "Қоянды жәрмеңкесі {~1905 =1848 ~1998} жылы құрылды.")
    q = done.question("жәрмеңке")
    assert isinstance(q, SingleChoice) and right_texts(q) == ["1848"]
    assert q.prompt.get("kk") == "Қоянды жәрмеңкесі ___ жылы құрылды."


def test_gift_matching_keeps_the_pairs_and_notes_an_extra_answer(capsys, tmp_path):
    done = gift(capsys, tmp_path, "::Адамдар::Адамды ісімен сәйкестендір.{\n=Тоқтар Әубәкіров -> ғарышкер\n"
                                  "=Мәди Бәпиұлы -> ақын, әнші\n=Нұркен Әбдіров -> ұшқыш\n= -> дәрігер\n}")
    q = done.question("сәйкестендір")
    assert isinstance(q, Matching)
    assert [(a.text.get("kk"), b.text.get("kk")) for a, b in q.pairs] == [
        ("Тоқтар Әубәкіров", "ғарышкер"), ("Мәди Бәпиұлы", "ақын, әнші"), ("Нұркен Әбдіров", "ұшқыш")]
    assert q.check([0, 1, 2]).correct and not q.check([1, 0, 2]).correct
    assert any("'дәрігер'" in line for line in done.report("note"))
    assert done.result.level.questions[0].id == "q1-adamdar"


def test_gift_title_comments_escapes_and_multiline_text(capsys, tmp_path):
    text = ("// a comment before the question\n"
            "::Көл\\: атауы::Шайтанкөл \\{Шайтанколь\\} орысша\n"
            "// a comment inside the question\n"
            "«Чёртово озеро» \\= \\~ \\#1 деп те аталады.\\nИә ма?{\n"
            "  TRUE\n"
            "}\n")
    done = gift(capsys, tmp_path, text)
    q = done.questions[0]
    assert q.prompt.get("kk") == ("Шайтанкөл {Шайтанколь} орысша «Чёртово озеро» = ~ #1 деп те аталады.\nИә ма?")
    assert q.answer is True and q.id == "q1-kol-atauy"
    assert "title: Көл: атауы" in done.path.read_text(encoding="utf-8")
    assert "# bank.gift, line 2, title" in done.path.read_text("utf-8")  # the line the question starts on


def test_gift_html_and_markdown_are_made_plain_with_a_note(capsys, tmp_path):
    text = ("::П::[html]<p>Кому в <b>1905</b> году отправили<br>петицию&nbsp;?</p><img src='a.png'>{\n"
            "=<i>Николаю</i> II ~Екатерине II ####<p>Царю Николаю&nbsp;II.</p>}\n\n"
            "::М::[markdown]Мечеть названа в честь **Кунанбая**, см. [статью](http://x.kz).{T}\n")
    done = gift(capsys, tmp_path, text, lang="ru")
    first, second = done.questions
    assert first.prompt.get("ru") == "Кому в 1905 году отправили\nпетицию?"
    assert right_texts(first, "ru") == ["Николаю II"] and first.explanation.get("ru") == "Царю Николаю II."
    assert second.prompt.get("ru") == "Мечеть названа в честь Кунанбая, см. статью."
    notes = "\n".join(done.report("note"))
    assert "bank.gift:1: note: [html] formatting was removed" in notes and "the picture a.png was left out" in notes
    assert "bank.gift:4: note: [markdown] formatting was removed" in notes


def test_gift_category_lines_are_ignored_with_a_note(capsys, tmp_path):
    done = gift(capsys, tmp_path, "$CATEGORY: $course$/Қарқаралы\n\nҚарқаралы — көне қала.{T}\n")
    assert len(done.questions) == 1
    assert done.report("note") == ["bank.gift:1: note: the Moodle category '$course$/Қарқаралы' is not used: "
                                   "a level file is one quiz"]


def test_gift_without_general_feedback_has_no_explanation_and_a_warning(capsys, tmp_path):
    done = gift(capsys, tmp_path, "Қарқаралы — көне қала.{T}\n\nҚарқаралы — жаңа қала.{F####Ол көне қала.}", lang="ru")
    first, second = done.questions
    assert first.explanation.by_lang == {} and first.source == ""
    assert second.explanation.get("ru") == "Ол көне қала."
    assert done.report("warning") == ["bank.gift:1: warning: it has no general feedback (####): no explanation "
                                      "was written; add one before children play"]


# -- GIFT: what cannot be converted is listed with its line ---------------------------------------------

def test_gift_unsupported_items_are_listed_with_their_lines(capsys, tmp_path):
    text = ("Биіктігі неше метр?{#1403:10}\n"            # 1 numeric
            "\n"
            "Қарқаралы туралы жаз.{}\n"                    # 3 essay
            "\n"
            "// comment\n"
            "Келесі сұрақтар табиғат туралы.\n"           # 6 description
            "\n"
            "Шайтанкөл {T} көл.\n"                          # 8 true/false with text after
            "\n"
            "Бір {=a} екі {=b}\n"                           # 10 two answer blocks
            "\n"
            "Жеті нұсқа {=1 ~2 ~3 ~4 ~5 ~6 ~7}\n"           # 12 too many options
            "\n"
            "Дұрысы жоқ {~1 ~2}\n"                          # 14 no right option
            "\n"
            "Жартылай {=%50%a =b*}\n"                       # 16 nothing the game can check
            "\n"
            "Жақша жабылмаған {=1824 ~1924\n"               # 18 no closing brace
            "\n"
            "Қарқаралы — көне қала.{T}\n")                  # 20 fine
    done = gift(capsys, tmp_path, text)
    assert done.rc == 0 and [q.kind for q in done.questions] == ["number", "true_false"]
    skipped = done.report("skipped")
    lines = [int(line.split(":")[1]) for line in skipped]
    assert lines == [3, 6, 8, 10, 12, 14, 16, 18]
    reasons = dict(zip(lines, skipped))
    assert "essay" in reasons[3] and "description" in reasons[6]
    assert "text after its { }" in reasons[8] and "more than one { }" in reasons[10]
    assert "7 option(s)" in reasons[12] and "no option is marked" in reasons[14]
    assert "no answer is left" in reasons[16] and "no closing '}'" in reasons[18]
    assert all(line.startswith("bank.gift:") for line in skipped)
    assert done.out.strip().splitlines()[-3] == "2 questions imported, 8 skipped"


def test_gift_sample_banks_import_and_report_the_right_lines(capsys, tmp_path):
    bank = BANKS / "karkaraly-kk.gift"
    done = run_import(capsys, tmp_path, bank, "gift", "kk")
    assert done.rc == 0 and len(done.questions) == 9
    kinds = [type(q).__name__ for q in done.questions]
    assert kinds == ["SingleChoice", "MultipleChoice", "TrueFalse", "TrueFalse", "FillBlank", "Matching",
                     "NumberQuestion", "SingleChoice", "FillBlank"]
    height = done.question("неше метр")
    assert (height.low, height.high, height.value) == (1393, 1413, 1403)
    skipped = done.report("skipped")
    assert [line.split(": skipped")[0] for line in skipped] == [
        f"{bank.name}:{line_of(bank, '::Эссе::')}", f"{bank.name}:{line_of(bank, 'Келесі сұрақтар')}"]
    assert "9 questions imported, 2 skipped" in done.out
    assert right_texts(done.question("округі")) == ["1824"]

    bank = BANKS / "karkaraly-ru.gift"
    done = run_import(capsys, tmp_path, bank, "gift", "ru", "--force")
    assert done.rc == 0 and len(done.questions) == 7
    assert done.question("петицию", "ru").prompt.get("ru") == "Кому в 1905 году отправили\nКаркаралинскую петицию?"
    assert [int(line.split(":")[1]) for line in done.report("skipped")] == [
        line_of(bank, "Следующие вопросы"), line_of(bank, "::Парк::")]
    lake = done.question("Шайтанколь", "ru")
    assert lake.prompt.get("ru") == ("Верно ли: Шайтанколь {Шайтанкөл} называют также «Чёртово озеро» = "
                                     "~озеро шайтана~ #Шайтанколь?")


# -- Aiken ------------------------------------------------------------------------------------------------

def test_aiken_latin_letters_with_parenthesis_and_dot(capsys, tmp_path):
    done = aiken(capsys, tmp_path, "In which year was the okrug formed?\nA) 1724\nB) 1824\nC) 1924\nANSWER: B\n\n"
                                   "Which sheep lives in the park?\nA. Zebra\nB. Argali\nANSWER: B\n", lang="en")
    first, second = done.questions
    assert isinstance(first, SingleChoice) and right_texts(first, "en") == ["1824"]
    assert option_texts(second, "en") == ["Zebra", "Argali"] and right_texts(second, "en") == ["Argali"]
    assert first.explanation.by_lang == {} and first.source == ""
    assert len(done.report("warning")) == 2 and "2 questions imported, 0 skipped" in done.out


def test_aiken_cyrillic_letters_with_otvet_lines(capsys, tmp_path):
    bank = BANKS / "karkaraly-ru.txt"
    done = run_import(capsys, tmp_path, bank, "aiken", "ru")
    assert done.rc == 0 and len(done.questions) == 3
    assert right_texts(done.question("основан Каркаралинск", "ru"), "ru") == ["1824"]          # ОТВЕТ: Б
    assert right_texts(done.question("птица", "ru"), "ru") == ["Чёрный аист"]                  # Ответ: в
    assert right_texts(done.question("ярмарка", "ru"), "ru") == ["1848"]                       # ответ: А (А. 1848)


def test_aiken_kazakh_letters_with_zhauaby_lines_and_malformed_items(capsys, tmp_path):
    bank = BANKS / "karkaraly-kk.txt"
    done = run_import(capsys, tmp_path, bank, "aiken", "kk")
    assert done.rc == 0 and len(done.questions) == 3
    assert right_texts(done.question("округі")) == ["1824"]                                    # ЖАУАБЫ: Ә
    assert right_texts(done.question("Әубәкіров")) == ["Ғарышкер"]                             # Жауабы: Б
    fair = done.question("Қоянды")                                                            # two lines of text
    assert fair.prompt.get("kk") == "Қоянды жәрмеңкесі қай жылы құрылды?" and right_texts(fair) == ["1848"]
    assert f"{bank}:{line_of(bank, 'ЖАУАБЫ: A')}: note: the answer letter A is written in another alphabet" \
        in done.out  # a Latin A for the Cyrillic А: the same letter, the same place
    skipped = done.report("skipped")
    assert [int(line.split(":")[1]) for line in skipped] == [line_of(bank, "ЖАУАБЫ: Г"), line_of(bank, "ЖАУАБЫ: А")]
    assert "the answer Г is not one of the option letters (А, Ә)" in skipped[0]
    assert "has no question before it" in skipped[1]


def test_aiken_sample_with_latin_letters_and_several_right_letters(capsys, tmp_path):
    bank = BANKS / "karkaraly-en.txt"
    done = run_import(capsys, tmp_path, bank, "aiken", "en")
    assert done.rc == 0 and len(done.questions) == 3
    trees = done.question("trees", "en")
    assert isinstance(trees, MultipleChoice) and right_texts(trees, "en") == ["Pine", "Birch"]
    assert right_texts(done.question("sheep", "en"), "en") == ["Argali"]
    assert [int(line.split(":")[1]) for line in done.report("skipped")] == [
        line_of(bank, "first Kazakh cosmonaut"), line_of(bank, "ANSWER: D")]


def test_aiken_malformed_items_are_listed_with_their_lines(capsys, tmp_path):
    text = ("Question without options\n"      # 1
            "ANSWER: A\n"                      # 2
            "\n"
            "Two options with one letter\n"    # 4
            "A) x\n"
            "A) y\n"
            "ANSWER: A\n"
            "\n"
            "Answer is not a letter\n"         # 9
            "A) 1824\n"
            "B) 1924\n"
            "ANSWER: 1824\n"                   # 12
            "\n"
            "Latin B, Cyrillic options\n"      # 14
            "А) 1824\n"
            "Б) 1924\n"
            "В) 1724\n"
            "ANSWER: B\n"                      # 18
            "\n"
            "Seven options\n"                  # 20
            "A) 1\nB) 2\nC) 3\nD) 4\nE) 5\nF) 6\nG) 7\n"
            "ANSWER: A\n"
            "\n"
            "A good one\n"                     # 30
            "A) yes\n"
            "B) no\n"
            "ANSWER: A\n")
    done = aiken(capsys, tmp_path, text, lang="en")
    assert done.rc == 0 and len(done.questions) == 1
    skipped = done.report("skipped")
    assert [int(line.split(":")[1]) for line in skipped] == [1, 4, 12, 18, 20]
    assert "no options" in skipped[0] and "two options have the letter A" in skipped[1]
    assert "not '1824'" in skipped[2] and "not one of the option letters (А, Б, В)" in skipped[3]
    assert "7 option(s)" in skipped[4]


def test_aiken_question_at_the_end_without_an_answer_line(capsys, tmp_path):
    done = aiken(capsys, tmp_path, "Q one?\nA) a\nB) b\nANSWER: A\n\nQ two?\nA) a\nB) b\n", lang="en")
    assert done.rc == 0 and len(done.questions) == 1
    assert done.report("skipped") == ["bank.txt:6: skipped: the question has no answer line (ANSWER: / ЖАУАБЫ: / "
                                      "ОТВЕТ: and a letter) at the end of the file"]


# -- files ------------------------------------------------------------------------------------------------

def test_a_cp1251_file_is_refused_with_a_hint(capsys, tmp_path):
    bank = tmp_path / "bank.txt"
    bank.write_bytes("В каком году основан Каркаралинск?\nА) 1824\nБ) 1924\nОТВЕТ: А\n".encode("cp1251"))
    done = run_import(capsys, tmp_path, bank, "aiken", "ru")
    assert done.rc == 1 and not done.path.exists()
    assert "the file is not UTF-8 text (line 1" in done.err and "cp1251" in done.err and "iconv" in done.err


def test_a_kazakh_windows_file_is_named_as_such(capsys, tmp_path):
    bank = tmp_path / "bank.txt"
    bank.write_bytes("Қарқаралы қай жылы құрылды?\nА) 1824\nӘ) 1924\nЖАУАБЫ: А\n".encode("kz1048"))
    done = run_import(capsys, tmp_path, bank, "aiken")
    assert done.rc == 1 and "KZ-1048" in done.err


def test_a_utf16_file_and_a_binary_file_are_refused(capsys, tmp_path):
    bank = tmp_path / "bank.txt"
    bank.write_bytes("Q?\nA) a\nB) b\nANSWER: A\n".encode("utf-16"))
    done = run_import(capsys, tmp_path, bank, "aiken")
    assert done.rc == 1 and "UTF-16" in done.err
    bank.write_bytes(b"PK\x03\x04\x00\x00binary")
    done = run_import(capsys, tmp_path, bank, "aiken")
    assert done.rc == 1 and "not a text file" in done.err


def test_utf8_with_bom_is_read_and_lines_still_count_from_one(capsys, tmp_path):
    bank = tmp_path / "bank.gift"
    bank.write_bytes("\ufeffҚарқаралы — көне қала.{T}\n\nҚала туралы жаз.{}\n".encode("utf-8"))
    done = run_import(capsys, tmp_path, bank, "gift")
    assert done.rc == 0 and done.questions[0].prompt.get("kk") == "Қарқаралы — көне қала."
    assert done.report("skipped")[0].startswith("bank.gift:3: skipped: an essay question")


@pytest.mark.parametrize("fmt", ["gift", "aiken"])
def test_an_empty_file_exits_1_cleanly(capsys, tmp_path, fmt):
    bank = tmp_path / "empty.txt"
    bank.write_bytes(b"")
    done = run_import(capsys, tmp_path, bank, fmt)
    assert done.rc == 1 and not done.path.exists()
    assert "0 questions imported, 0 skipped" in done.out and "no level was written" in done.err


def test_a_file_with_only_unsupported_items_exits_1(capsys, tmp_path):
    done = gift(capsys, tmp_path, "Биіктігі?{#}\n\nЖаз.{}\n")
    assert done.rc == 1 and not done.path.exists()
    assert len(done.report("skipped")) == 2 and "0 questions imported, 2 skipped" in done.out


def test_a_file_over_1_mib_is_refused(capsys, tmp_path):
    bank = tmp_path / "big.gift"
    bank.write_bytes(b"Q{T}\n\n" * 200_000)
    done = run_import(capsys, tmp_path, bank, "gift")
    assert done.rc == 1 and "at most 1 MiB" in done.err and not done.path.exists()


def test_a_missing_file_is_refused(capsys, tmp_path):
    done = run_import(capsys, tmp_path, tmp_path / "nope.gift", "gift")
    assert done.rc == 1 and "cannot read" in done.err


def test_an_existing_level_is_not_overwritten_without_force(capsys, tmp_path):
    bank = BANKS / "karkaraly-ru.txt"
    out = tmp_path / "pack" / "bank.yaml"
    out.parent.mkdir()
    out.write_text("mine", encoding="utf-8")
    done = run_import(capsys, tmp_path, bank, "aiken", "ru")
    assert done.rc == 1 and "already exists" in done.err and "--force" in done.err
    assert out.read_text(encoding="utf-8") == "mine"
    done = run_import(capsys, tmp_path, bank, "aiken", "ru", "--force")
    assert done.rc == 0 and len(done.questions) == 3


@pytest.mark.parametrize("name, message", [("History.yaml", "cannot be a level id"),
                                           ("тарих.yaml", "cannot be a level id"),
                                           ("history.yml", "must end in .yaml")])
def test_the_out_name_must_make_a_level_id(capsys, tmp_path, name, message):
    done = run_import(capsys, tmp_path, BANKS / "karkaraly-ru.txt", "aiken", "ru", out_name=name)
    assert done.rc == 1 and message in done.err and not done.path.exists()


# -- the written level ------------------------------------------------------------------------------------

def test_the_level_file_is_readable_quoted_and_commented(capsys, tmp_path):
    done = run_import(capsys, tmp_path, BANKS / "karkaraly-kk.txt", "aiken", "kk", "--title", "Қарқаралы тарихы")
    text = done.path.read_text(encoding="utf-8")
    assert text.startswith("# Imported from karkaraly-kk.txt (AIKEN)")
    assert "Қарқаралы" in text and "\\u" not in text  # Kazakh letters as themselves
    assert 'id: "bank"' in text and "format: 1" in text and '  kk: "Қарқаралы тарихы"' in text
    assert "# karkaraly-kk.txt, line 1\n" in text
    level = done.result.level
    assert level.id == "bank" and level.title.get("kk") == "Қарқаралы тарихы"
    assert [q.id for q in level.questions] == ["q1", "q2", "q3"]
    assert all(q.prompt.missing() == ["ru", "en"] for q in level.questions)  # only kk is written...
    missing = [p for p in done.result.problems if "translation" in p.message]
    assert missing and not has_errors(done.result.problems)  # ...so validate warns about the translations


def test_tricky_texts_survive_the_round_trip_through_the_loader(tmp_path):
    tricky = ["yes", "no", "on", "1:30", "2024-06-12", "null", "~", "#1", "- a", "a: b", "'", '"', "\\", "@x",
              "%50", "{x}", "[x]", "*x", "&x", "!x", "|", ">", "0123", "1e3", "Ә ғ қ ң ө ұ ү һ і", "x\ty", "é"]
    questions = [ImportedQuestion(n, "single", text, title=text, options=[Choice(text, True), Choice("b", False)],
                                  explanation=text) for n, text in enumerate(tricky, 1)]
    questions.append(ImportedQuestion(99, "fill", "a ___", accepted=tricky[:5]))
    questions.append(ImportedQuestion(100, "match", "m", pairs=[("yes", "no"), ("1:30", "~")]))
    path = tmp_path / "tricky.yaml"
    path.write_text(level_text("tricky", "yes", questions, "ru", "a\nb.gift", "gift"), encoding="utf-8")
    result = load_level(path, "p", tmp_path)
    assert not has_errors(result.problems), [p.format() for p in result.problems if p.is_error]
    loaded = result.level.questions
    for question, text in zip(loaded, tricky):
        assert question.prompt.get("ru") == text
        assert question.options[0].item.text.get("ru") == text
        assert question.explanation.get("ru") == text
    assert dict(loaded[-2].answers)["ru"] == tuple(tricky[:5])
    assert result.level.title.get("ru") == "yes"


def test_parse_bank_is_pure_data():
    result = parse_bank("Q?{=a ~b}\n\nR?{}", "gift")
    assert [q.kind for q in result.questions] == ["single"] and [m.line for m in result.skipped] == [3]
    result = parse_bank("Q?\nA) a\nB) b\nANSWER: B", "aiken")
    assert [o.correct for o in result.questions[0].options] == [False, True]


def test_the_package_imports_without_pygame():
    code = ("import sys; sys.modules['pygame'] = None; sys.modules['pygame_gui'] = None\n"
            "import game.authoring.question_import.command, game.authoring.question_import.gift, "
            "game.authoring.question_import.aiken\n"
            "assert 'pygame' not in [k for k, v in sys.modules.items() if v is not None]")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_real_command_line(tmp_path):
    out = tmp_path / "karkaraly-pack" / "imported-quiz.yaml"
    result = subprocess.run(
        [sys.executable, "run_game.py", "import-questions", str(BANKS / "karkaraly-kk.gift"), "--format", "gift",
         "--out", str(out)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
        env={"PATH": "", "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0, result.stderr
    assert "9 questions imported, 2 skipped" in result.stdout and "Traceback" not in result.stderr
    assert out.exists()
    check = subprocess.run([sys.executable, "run_game.py", "validate", str(out)], cwd=ROOT, capture_output=True,
                           text=True, encoding="utf-8", env={"PATH": "", "PYTHONIOENCODING": "utf-8"})
    assert check.returncode == 0, check.stdout + check.stderr
    again = subprocess.run(
        [sys.executable, "run_game.py", "import-questions", str(BANKS / "karkaraly-kk.gift"), "--format", "gift",
         "--out", str(out)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
        env={"PATH": "", "PYTHONIOENCODING": "utf-8"})
    assert again.returncode == 1 and "already exists" in again.stderr and "Traceback" not in again.stderr


_PIECES = st.sampled_from(list("{}=~#:\\-> %TF\nab1Қә<>/[]*АБ)A.Ә") + [
    "\n\n", "ANSWER: ", "ОТВЕТ: ", "Жауабы: ", "::", "####", "[html]", "[markdown]", "<br>", "<p>", "&amp;",
    "\u2028", "\x85", "\x07", "\t", "yes", "1:30", "$CATEGORY:", "->", "%50%", "%-100%", "//", "A) ", "Ә) ", "B. "])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=50).map("".join), st.sampled_from(["gift", "aiken"]))
def test_any_bank_text_gives_a_loadable_level_or_reasons_with_real_line_numbers(text, fmt):
    result = parse_bank(text, fmt)
    last_line = text.count("\n") + 1
    assert all(1 <= m.line <= last_line for m in result.skipped + result.notes)
    if result.questions:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "fuzz.yaml"
            path.write_text(level_text("fuzz", "t", result.questions, "kk", "f.gift", fmt), encoding="utf-8")
            loaded = load_level(path, "p", Path(folder))
            assert not has_errors(loaded.problems), [p.format() for p in loaded.problems if p.is_error]
            assert len(loaded.level.questions) == len(result.questions)


# -- every construct of Moodle's GIFT format, in one bank of our own ------------------------------------------

EVERY = BANKS / "every-construct.gift"


def shown(question, lang="en"):
    """What a child meets in one imported question: its type, texts and right answers."""
    kind = question.kind
    if isinstance(question, (SingleChoice, MultipleChoice)):
        body = [(o.item.text.get(lang), o.correct) for o in question.options]
    elif isinstance(question, TrueFalse):
        body = question.answer
    elif isinstance(question, FillBlank):
        body = dict(question.answers)[lang]
    elif isinstance(question, NumberQuestion):
        body = (question.low, question.high, question.from_range)
    else:
        body = [(a.text.get(lang), b.text.get(lang)) for a, b in question.pairs]
    return kind, question.prompt.get(lang), body, question.explanation.by_lang.get(lang)


def test_every_construct_of_a_gift_bank_has_the_outcome_it_has_in_moodle_where_the_game_can(capsys, tmp_path):
    done = run_import(capsys, tmp_path, EVERY, "gift", "en")
    assert done.rc == 0
    assert {q.id: shown(q) for q in done.questions} == {
        "q1-okrug": ("single", "In which year was the Karkaraly okrug formed?",
                     [("1824", True), ("1924", False), ("1724", False)],
                     "The Karkaraly external okrug was formed in 1824."),
        # an '=' answer keeps it single-answer; the 50% option is a wrong option (Moodle: part marks)
        "q2-fair-founder": ("single", "Who founded the Koyandy fair in 1848?",
                            [("a merchant from Omsk", False), ("Varnava Botov", True), ("Kunanbai", False),
                             ("Abai", False)], None),
        # no '=' answer: Moodle's multiple-answer question, the options weighted above 0 are right
        "q3-red-book": ("multiple", "Which animals of the national park are in the Red Book?",
                        [("the argali", True), ("the black stork", True), ("the penguin", False),
                         ("the kangaroo", False)], "The argali and the black stork are protected."),
        "q4-park-year": ("single", "In which year did Karkaraly National Park open?",
                         [("1998", True), ("1884", False), ("2010", False)], None),
        "q5-peaks": ("single", "Name a peak of the Karkaraly mountains.",
                     [("Komsomol peak", True), ("Khan Tengri", False), ("Everest", False)], None),
        "q6-oldest": ("true_false", "Karkaraly is the oldest town of Karaganda region.", True, None),
        "q7": ("true_false", "Karkaraly is on the shore of the Caspian Sea.", False, None),
        "q8-fortress": ("true_false", "In 1827 the fortress became a Cossack stanitsa.", True,
                        "The fortress of 1824 became a stanitsa in 1827."),
        "q9-tsar": ("true_false", "The 1905 petition was sent to Tsar Alexander I.", False,
                    "It was sent to Tsar Nicholas II on 22 July 1905."),
        "q10-headdress": ("fill", "The town's name is linked to which headdress? ___", ("qarqara", "қарқара"), None),
        "q11-mountain": ("fill", "Komsomol peak is part of which mountain? ___", ("Zhirensakal",), None),
        "q12-fair-year": ("single", "The Koyandy fair was founded in ___ by Varnava Botov.",
                          [("1905", False), ("1848", True), ("1998", False)], None),
        "q13-peak": ("fill", "The highest point of the Karkaraly mountains is ___ peak.", ("Komsomol", "Комсомол"),
                     None),
        "q14-petition-month": ("fill", "The Karkaraly petition was drawn up in June ___.", ("1905",), None),
        "q15-people": ("match", "Match each person with what they did.",
                       [("Tokhtar Aubakirov", "the first Kazakh cosmonaut"), ("Madi Bapiuly", "a singer and composer"),
                        ("Nurken Abdirov", "a pilot")], "All three were born in the Karkaraly area."),
        "q16-height": ("number", "How high is Komsomol peak, in metres?", (1403, 1403, False), None),
        "q17-kent": ("number", "How high are the Kent mountains, in metres?", (1459, 1479, False), None),
        "q18-distance": ("number", "About how many kilometres is Karkaraly from Karaganda?", (200, 240, True), None),
        # Moodle's 50% for 1822 is no part mark here: one right number
        "q19-okrug-again": ("number", "In which year was the Karkaraly okrug formed?", (1824, 1824, False), None),
        "q20-town-height": ("number", "Karkaraly stands about ___ metres above the sea.", (800, 830, False), None),
        "q21-lake-shaitankol": ("true_false", "Shaitankol {Шайтанкөл} is \"Devil's lake\" = ~Чёртово озеро~, "
                                              "lake #1 of the park: true?\nAnswer T or F.", True, None),
        "q22-signs": ("single", "Which of these is written with a backslash \\ before it?",
                      [("{1824}", True), ("1824", False), ("18\\24", False)], None),
        "q23-moodle-format": ("true_false", "Karkaraly is the administrative centre of Karkaraly district.", True,
                              None),
        "q24-plain-format": ("true_false", "The forest reserve is older than the park: 1884 < 1998.", True, None),
        "q25-markers-everywhere": ("single", "Who led the building of the Karkaraly mosque?",
                                   [("Kunanbai", True), ("Abai", False), ("Alikhan Bokeikhanov", False),
                                    ("Madi Bapiuly", False)], "The mosque was built under Kunanbai's leadership."),
        "q26-pairs-with-markers": ("match", "Match the lake with its name.",
                                   [("Shaitankol", "Devil's lake"), ("Bassein", 'a "pool"'), ("Әулиекөл", "holy lake")],
                                   None),
        "q27-petition": ("single", "To whom was the Karkaraly petition sent on 22 July 1905?\n"
                                   "• It was drawn up at the Koyandy fair.\n• 42 people signed it first.\n"
                                   "Listen: the petition read aloud.",
                         [("Tsar Nicholas II", True), ("Tsar Alexander I", False), ("Kunanbai", False)],
                         "It went to Tsar Nicholas II from Karkaraly.\nAlikhan Bokeikhanov was among its authors."),
        "q28-mosque": ("single", "Who led the building of the mosque (the picture shows it) in 1850–1851?",
                       [("Kunanbai", True), ("Abai", False)], None),
        "q29-argali": ("true_false", "The argali (a wild mountain sheep) lives in the Karkaraly mountains. "
                                     "Hear it on this recording or read the park's page.", True, None),
        # as Moodle exports a short answer: =%100% is right, =%0% is a wrong answer with feedback
        "q30-okrug-as-exported": ("fill", "In which year was the Karkaraly okrug formed? ___", ("1824",),
                                  "The okrug was formed in 1824."),
    }
    assert all(q.source == "" for q in done.questions)

    def at(needle):
        return f"{EVERY.name}:{line_of(EVERY, needle)}"

    essay = "an essay question ({} with no answers): the game cannot check a written answer"
    description = ("a description (text with no answers in { }): a quiz has only questions; put such a text in a "
                   "story level, or in the summary")
    assert done.report("skipped") == [
        f"{at('::Essay::')}: skipped: {essay}",
        f"{at('::Essay with feedback::')}: skipped: {essay}",
        f"{at('The next questions')}: skipped: {description}",
        f"{at('::Intro::')}: skipped: {description}",
    ]
    assert "30 questions imported, 4 skipped" in done.out

    notes = done.report("note")
    per_answer = "note: the game shows no feedback per answer: it is kept as a comment in the level file, to use " \
                 "in the explanation"
    assert notes == [
        f"{at('$CATEGORY')}: note: the Moodle category '$course$/top/Karkaraly' is not used: a level file is one quiz",
        f"{at('::Okrug::')}: {per_answer}",
        f"{at('::Fair founder::')}: note: the game gives no part marks: 'a merchant from Omsk' (50%) gives part "
        "marks in Moodle and is a wrong option here; only 'Varnava Botov' is right",
        f"{at('::Fair founder::')}: {per_answer}",
        f"{at('::Red Book::')}: note: a multiple-answer question (no '=' answer): the options with a weight above 0 "
        "are right, 'the argali' (50%), 'the black stork' (50%); the game gives no part marks, so the child must "
        "choose every one of them and no other",
        f"{at('::Park year::')}: note: no '=' answer, so Moodle shows boxes to tick, but only '1998' has a weight "
        "above 0: it is a single-choice question here",
        f"{at('::Peaks::')}: note: 'Shankoz' is right too: Moodle accepts any one of its full-mark answers; a single-choice "
        "question of the game has one right option, 'Komsomol peak', so 'Shankoz' was left out",
        f"{at('::Fortress::')}: {per_answer}",
        f"{at('::Tsar::')}: {per_answer}",
        f"{at('::Headdress::')}: note: the answer 'a hat' gives 50% of the marks in Moodle: left out, the game "
        "accepts only fully right answers",
        f"{at('::Headdress::')}: note: the answer 'qarqa*' uses the * wildcard, which the game does not know: left "
        "out; write every spelling you accept",
        f"{at('::Headdress::')}: {per_answer}",
        f"{at('::People::')}: note: the extra answer 'a doctor' (with no question) was left out: our matching "
        "questions have no extra answers",
        f"{at('::Okrug again::')}: note: 1822 for 50% is left out: the game gives no part marks, and a number "
        "question has one right number or range, here 1824",
        f"{at('::Okrug again::')}: {per_answer}",
        f"{at('::Signs::')}: {per_answer}",
        f"{at('::Plain format::')}: {per_answer}",
        f"{at('::Markers everywhere::')}: note: [markdown] formatting was removed: the texts are plain now",
        f"{at('::Markers everywhere::')}: note: [html] formatting was removed: the texts are plain now",
        f"{at('::Markers everywhere::')}: {per_answer}",
        f"{at('::Pairs with markers::')}: note: [markdown] formatting was removed: the texts are plain now",
        f"{at('::Pairs with markers::')}: note: [html] formatting was removed: the texts are plain now",
        f"{at('::Petition::')}: note: [html] formatting was removed: the texts are plain now",
        f"{at('::Petition::')}: note: the sound or video petition.mp3 was left out (its words 'the petition read "
        "aloud' stay in the text): the game cannot play one inside a question",
        f"{at('::Petition::')}: {per_answer}",
        f"{at('::Mosque::')}: note: HTML formatting was removed: the texts are plain now",
        f"{at('::Mosque::')}: note: the picture mosque.jpg was left out (its words '(the picture shows it)' stay in "
        "the text): put it in the pack's assets and give the question 'image:'",
        f"{at('::Argali::')}: note: [markdown] formatting was removed: the texts are plain now",
        f"{at('::Argali::')}: note: the picture argali.png was left out (its words 'a wild mountain sheep' stay in "
        "the text): put it in the pack's assets and give the question 'image:'",
        f"{at('::Argali::')}: note: the sound or video argali.ogg was left out (its words 'this recording' stay in "
        "the text): the game cannot play one inside a question",
        f"{at('::Argali::')}: {per_answer}",
        f"{at('::Okrug (as exported)::')}: note: [html] formatting was removed: the texts are plain now",
        f"{at('::Okrug (as exported)::')}: note: the answer '1924' gives 0% of the marks in Moodle: left out, the "
        "game accepts only fully right answers",
    ]
    without_explanation = [q for q in done.questions if not q.explanation.by_lang]
    assert len(done.report("warning")) == len(without_explanation) == 22  # the five number questions have no general feedback either

    text = done.path.read_text(encoding="utf-8")
    for kept in ('# feedback for "1924": That is a hundred years too late.',
                 '# Moodle gave "a merchant from Omsk" 50% of the marks: here it is a wrong option',
                 "# feedback when the answer is wrong: No: it went to Nicholas II.",
                 "# feedback when the answer is right: Right, it was Nicholas II.",
                 '# feedback for "Kunanbai": Yes, Kunanbai & the people of 16 volosts.',
                 '# feedback for "Abai": Abai is his son.',
                 "# feedback when the answer is wrong: Look again at the years.",
                 "# feedback when the answer is wrong: No, it does live there.",
                 "# feedback when the answer is right: Yes: it is in the Red Book.",
                 f"# {EVERY.name}, line {line_of(EVERY, '::Lake')}, title: Lake: Shaitankol"):
        assert kept in text, kept


def child_texts(level, lang="en"):
    for q in level.questions:
        yield q.prompt.get(lang)
        yield q.explanation.get(lang)
        for option in getattr(q, "options", ()):
            yield option.item.text.get(lang)
        for left, right in getattr(q, "pairs", ()):
            yield left.text.get(lang)
            yield right.text.get(lang)
        for _, accepted in getattr(q, "answers", ()):
            yield from accepted


def test_nothing_a_child_reads_is_markup_or_a_placeholder(capsys, tmp_path):
    done = run_import(capsys, tmp_path, EVERY, "gift", "en")
    texts = list(child_texts(done.result.level))
    assert len(texts) > 90
    for text in texts:
        assert not re.search(r"\[(html|moodle|plain|markdown)\]|<[a-z/]|&[a-z#]+;|\*\*|!\[|\]\(|TODO", text), text
        assert not re.search(r" [,.;:!?)]|\( |  |^ | $", text, re.MULTILINE), repr(text)
    written = done.path.read_text(encoding="utf-8")
    assert "TODO" not in written and "check this fact" not in written and "    source:" not in written


def test_numeric_questions_are_read_whole():
    """Every number of a numeric question, as Moodle reads it; the level gets the one with full marks."""
    result = parse_bank(EVERY.read_text(encoding="utf-8"), "gift")
    numbers = {q.title: q for q in result.questions if q.kind == "number"}
    assert {title: [(n.value, n.tolerance, n.weight, n.low, n.high, n.feedback) for n in q.numbers]
            for title, q in numbers.items()} == {
        "Height": [(1403, 0, 100, 1403, 1403, "")],
        "Kent": [(1469, 10, 100, 1459, 1479, "")],
        "Distance": [(220, 20, 100, 200, 240, "")],
        "Okrug again": [(1824, 0, 100, 1824, 1824, "Right!"),
                        (1822, 0, 50, 1822, 1822, "1822 is the year of the Charter; the okrug came two years later.")],
        "Town height": [(815, 15, 100, 800, 830, "")],
    }
    assert numbers["Height"].prompt == "How high is Komsomol peak, in metres?"
    assert numbers["Town height"].prompt == "Karkaraly stands about ___ metres above the sea."
    assert "feedback for any other number: Look at the fort's first year." in numbers["Okrug again"].comments
    assert all(isinstance(n.value, Decimal) for q in numbers.values() for n in q.numbers)


@pytest.mark.parametrize("body, reason", [
    ("{#}", "a numeric question with no number in its { }"),
    ("{#abc}", "'abc' is not a number the game can read"),
    ("{#5..1}", "'5..1' is not a number the game can read"),
    ("{#1403:-5}", "'1403:-5' is not a number the game can read"),
    ("{#nan}", "'nan' is not a number the game can read"),
    ("{#=%50%1403}", "no number gives full marks"),
])
def test_a_numeric_question_the_game_could_not_read_says_why(body, reason):
    result = parse_bank(f"Биіктігі қанша?{body}", "gift")
    assert not result.questions and result.skipped[0].text.startswith(reason)


def test_a_numeric_answer_may_use_a_decimal_comma_and_a_negative_range():
    result = parse_bank("A?{#3,5:0,5}\n\nB?{#-40..-30}", "gift")
    assert not result.skipped
    assert [(n.low, n.high) for q in result.questions for n in q.numbers] == [(3, 4), (-40, -30)]
    level = level_text("numbers", "Сандар", result.questions, "kk", "bank.gift", "gift")
    assert "answer: 3.5\n    tolerance: 0.5" in level and "range: [-40, -30]" in level


def test_a_child_playing_an_imported_quiz_meets_no_placeholder(capsys, tmp_path):
    """The feedback of a question without explanation or source shows the verdict and the right answer only."""
    from game.testing import run_test
    from pilot_steps import create_profile

    levels = tmp_path / "levels"
    done = gift(capsys, tmp_path, "::Парк::Қарқаралы ұлттық паркі қай жылы ашылды?{=1998 ~1884 ~2010}")
    (levels / "imported").mkdir(parents=True)
    (levels / "imported" / "pack.yaml").write_text(
        "format: 1\nid: imported\ntitle: {kk: Импорт, ru: Импорт, en: Imported}\nlevels: [bank]\n", encoding="utf-8")
    (levels / "imported" / "bank.yaml").write_bytes(done.path.read_bytes())
    with run_test(tmp_path / "data", level_dirs=[levels], language="kk") as pilot:
        create_profile(pilot, "Әсел", "fox")
        pilot.press("return")
        assert pilot.scene.name == "quiz"
        question = pilot.scene.runner.current
        wrong = 1 if pilot.scene.runner.order(question).index(question.correct_answer()) == 0 else 0
        pilot.press(*["down"] * wrong, "return")
        assert pilot.scene.runner.phase.value == "feedback"
        shown = pilot.drawn_text()
        assert "1998" in shown and "TODO" not in shown and "Дереккөз" not in shown and "bank.gift" not in shown
        assert "TODO" not in pilot.spoken[-2] and pilot.spoken[-2].rstrip().endswith("1998")


def test_gift_a_full_weight_beside_an_equals_is_a_second_right_answer_not_a_part_mark(capsys, tmp_path):
    done = gift(capsys, tmp_path, "Округ қай жылы құрылды?{=1824 ~%100%1824 жылы ~1924}")
    q = done.question("Округ")
    assert isinstance(q, SingleChoice) and option_texts(q) == ["1824", "1924"] and right_texts(q) == ["1824"]
    assert done.report("note") == [
        "bank.gift:1: note: '1824 жылы' is right too: Moodle accepts any one of its full-mark answers; a "
        "single-choice question of the game has one right option, '1824', so '1824 жылы' was left out"]
