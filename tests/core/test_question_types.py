"""Checking and scoring of every question type, edge cases included."""
import pytest

from conftest import ROOT
from game.core.catalog import Catalog
from game.core.questions import MemoryGame, normalize


@pytest.fixture(scope="module")
def questions():
    level = Catalog.load([ROOT / "tests" / "packs"]).find("all-types").level
    return {q.id: q for q in level.questions}


def test_single(questions):
    q = questions["single"]
    assert q.check(0).correct and not q.check(1).correct
    assert not q.check(True).correct and not q.check(7).correct and not q.check(None).correct


def test_multiple_needs_exactly_the_right_options(questions):
    q = questions["multiple"]
    assert q.check([0, 2]).correct and q.check([2, 0]).correct
    nothing, everything, partly = q.check([]), q.check([0, 1, 2]), q.check([0])
    assert not nothing.correct and nothing.right_parts == 1  # only 'B not chosen' is right
    assert not everything.correct and everything.right_parts == 2
    assert not partly.correct and partly.right_parts == 2 and partly.total_parts == 3
    assert not q.check([0, 9]).correct and not q.check("0,2").correct


def test_true_false(questions):
    q = questions["tf"]
    assert q.check(False).correct and not q.check(True).correct and not q.check(0).correct


def test_order_counts_the_places_that_are_right(questions):
    q = questions["order"]
    assert q.check([0, 1, 2, 3]).correct
    partly = q.check([0, 2, 1, 3])
    assert not partly.correct and (partly.right_parts, partly.total_parts) == (2, 4)
    assert not q.check([3, 2, 1, 0]).correct and q.check([3, 2, 1, 0]).right_parts == 0
    assert not q.check([0, 0, 1, 2]).correct  # not a permutation
    assert not q.check([0, 1, 2]).correct


def test_match(questions):
    q = questions["match"]
    assert q.check([0, 1, 2]).correct
    partly = q.check([0, 2, 1])
    assert not partly.correct and partly.right_parts == 1
    assert not q.check([-1, -1, -1]).correct and not q.check([0, 1]).correct


def test_hotspot_points_and_regions(questions):
    q = questions["hotspot"]
    assert q.check([100, 100]).correct and q.check([139, 100]).correct
    assert not q.check([141, 100]).correct      # a click just outside the circle
    assert not q.check([300, 100]).correct      # inside the wrong region (the polygon)
    assert q.region_at(300, 100).id == "forest" and q.region_at(249, 100) is None
    assert q.check("lake").correct and not q.check("forest").correct and not q.check("nowhere").correct
    assert not q.check([True, 5]).correct


def test_fill_ignores_case_spaces_and_end_punctuation_and_accepts_alternatives(questions):
    q = questions["fill"]
    for typed in ("Комсомол", "  комсомол ", "КОМСОМОЛ.", "Komsomol", "комсомольский", "«Комсомол»"):
        assert q.check(typed).correct, typed
    for typed in ("", "   ", "Комсомо", "Жиренсақал", None):
        assert not q.check(typed).correct, typed
    assert normalize("Қарқара  Ағаш!") == "қарқара ағаш"
    assert q.accepted("ru") == ("Комсомольский", "Комсомол")


def test_memory_game_turns_pairs_and_counts_misses(questions):
    q = questions["memory"]
    game = MemoryGame(q, seed=1)
    assert MemoryGame(q, seed=1).cards == game.cards  # the seed fixes the layout
    positions = {card: i for i, card in enumerate(game.cards)}
    wrong = [positions[(0, 0)], positions[(1, 0)]]
    assert game.turn(wrong[0]) == "first" and game.turn(wrong[1]) == "miss"
    assert game.turn(positions[(0, 0)]) == "first"  # the missed pair turned back
    assert game.turn(positions[(0, 0)]) == "ignored"  # already face up
    assert game.turn(positions[(0, 1)]) == "match"
    game.turn(positions[(1, 0)])
    assert game.turn(positions[(1, 1)]) == "match" and game.finished and game.misses == 1
    assert q.check(game.misses).correct and q.check(2).correct and not q.check(3).correct
    assert not q.check(-1).correct and not q.check(True).correct


def test_number_within_its_tolerance_however_it_is_typed(questions):
    q = questions["number"]  # 1824 ± 1
    assert q.correct_answer() == "1824"
    for right in ("1824", "1823", " 1 825 ", "1824,0", "1824.5", 1824, 1825.0):
        assert q.check(right).correct, right
    for wrong in ("1822", "1826", "", "abc", "18-24", "1,8,2,4", None, True, float("nan"), [1824]):
        assert not q.check(wrong).correct, wrong


def test_number_range_and_signs(tmp_path):
    from game.core.questions import read_number
    assert read_number("−3,5") == -3.5 and read_number("-3") == -3 and read_number("1\u00a0565") == 1565
    assert read_number("3−") is None and read_number("−") is None and read_number(",") is None
    level = tmp_path / "p" / "n.yaml"
    level.parent.mkdir()
    (level.parent / "pack.yaml").write_text("format: 1\nid: p\ntitle: {kk: П, ru: П, en: P}\nlevels: [n]\n",
                                           encoding="utf-8")
    level.write_text("""format: 1
id: n
type: quiz
title: {kk: С, ru: Ч, en: N}
questions:
  - id: high
    type: number
    prompt: {kk: Биіктігі?, ru: Высота?, en: How high?}
    range: [1400, 1300]
    unit: {kk: м, ru: м, en: m}
    explanation: {kk: Т, ru: О, en: E}
    source: test
""", encoding="utf-8")
    q = Catalog.load([tmp_path]).find("n").level.questions[0]
    assert q.from_range and (q.low, q.high) == (1300, 1400) and q.unit.get("en") == "m"
    assert q.check("1300").correct and q.check("1400").correct and not q.check("1401").correct
    assert q.check(q.correct_answer()).correct


@pytest.mark.parametrize("body, message", [
    ("answer: 1824\n    range: [1, 2]", "both 'range' and 'answer'"),
    ("range: [1, 2, 3]", "the range should be two numbers"),
    ("unit: {kk: м, ru: м, en: m}", "missing 'answer'"),
    ("answer: 1824\n    tolerance: -1", "the tolerance cannot be below zero"),
    ("answer: one", "answer should be a number"),
])
def test_number_mistakes_are_named(tmp_path, body, message):
    from game.core.catalog import validate_paths
    pack = tmp_path / "p"
    pack.mkdir()
    (pack / "pack.yaml").write_text("format: 1\nid: p\ntitle: {kk: П, ru: П, en: P}\nlevels: [n]\n", encoding="utf-8")
    (pack / "n.yaml").write_text(f"""format: 1
id: n
type: quiz
title: {{kk: С, ru: Ч, en: N}}
questions:
  - id: q
    type: number
    prompt: {{kk: С?, ru: В?, en: Q?}}
    {body}
    explanation: {{kk: Т, ru: О, en: E}}
    source: test
""", encoding="utf-8")
    problems, _ = validate_paths([pack / "n.yaml"])
    assert any(message in p.message.text("en") for p in problems), [p.message.text("en") for p in problems]
