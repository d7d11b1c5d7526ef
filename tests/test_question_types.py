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
