"""One registry of question types (game/core/questions TYPES): every type answers wrongly along its own
route, and no module outside a type's own files lists type names."""
import ast
from pathlib import Path

import pytest

from conftest import ROOT
from game.core.questions import KINDS, TYPES
from game.testing import run_test
from pilot_steps import answer_current, create_profile, open_level

PACKS = ROOT / "tests" / "packs"
# The GIFT and Aiken importer names the few types a question bank can become: a new type need not touch it.
# The spreadsheet columns of each type are still written in game/authoring/sheets (a debt: they belong in
# each type's module); test_the_spreadsheets_know_every_type makes a new type fail there, not pass silently.
NOT_CHECKED = ("game/authoring/question_import/", "game/authoring/sheets/")


def test_the_spreadsheets_know_every_type():
    from game.authoring.sheets import reading
    assert set(reading._KIND_READERS) == set(reading._USES) == set(KINDS)


@pytest.mark.parametrize("way", ["keyboard", "mouse", "touch"])
def test_every_type_answered_wrongly_by_its_route_is_not_yet_right(tmp_path, way):
    with run_test(tmp_path, level_dirs=[PACKS], language="en") as pilot:
        create_profile(pilot, "Tester", "owl")
        open_level(pilot, "level_types_all-types")
        seen = []
        while pilot.scene.name == "quiz" and pilot.scene.runner.current.kind not in seen:
            runner = pilot.scene.runner
            seen.append(runner.current.kind)
            answer_current(pilot, mouse=way == "mouse", touch=way == "touch", right=False)
            assert runner.phase.value == "feedback", runner.current.kind
            assert not runner.last_answer.correct, (runner.current.kind, runner.last_answer)
            assert not pilot.spoken[-2].startswith("Right!"), runner.current.kind
            pilot.press("return")
        assert sorted(seen) == sorted(KINDS)


def test_each_type_wrong_answer_value_is_wrong_and_its_right_answer_right():
    from game.core.loader import load_level
    level = load_level(PACKS / "types" / "all-types.yaml", "types", PACKS / "types").level
    by_kind = {question.kind: question for question in level.questions}
    assert set(by_kind) == set(KINDS)
    for kind in TYPES:
        question = by_kind[kind.name]
        assert question.check(question.correct_answer()).correct, kind.name
        assert not question.check(kind.wrong_answer(question)).correct, kind.name


def _listed_type_names(tree: ast.AST) -> list[int]:
    """Lines where a tuple, list, set or dict literal (or a chain of comparisons) names two types or more.
    An assert may name types: it states what a given level holds, not which types there are."""
    names = set(KINDS)
    asserted = {id(inner) for node in ast.walk(tree) if isinstance(node, ast.Assert) for inner in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if id(node) in asserted:
            continue
        parts = (node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set))
                 else node.keys if isinstance(node, ast.Dict)
                 else [node.left, *node.comparators] if isinstance(node, ast.Compare) else None)
        if parts is None:
            continue
        named = {p.value for p in parts if isinstance(p, ast.Constant) and p.value in names}
        if len(named) >= 2:
            found.append(node.lineno)
    return found


def _own_files() -> set[Path]:
    """A type's own modules: where its core class and its view class are written."""
    import game.ui.questions as views
    return ({Path(__import__(kind.parse.__module__, fromlist=["_"]).__file__) for kind in TYPES}
            | {Path(__import__(view.__module__, fromlist=["_"]).__file__) for view in views.VIEWS.values()})


def test_no_module_lists_question_types_outside_the_registry():
    own = _own_files()
    places = []
    for path in sorted([*(ROOT / "game").rglob("*.py"), *(ROOT / "tests").rglob("*.py")]):
        relative = path.relative_to(ROOT).as_posix()
        if path in own or relative.startswith(NOT_CHECKED):
            continue
        places += [f"{relative}:{line}" for line in _listed_type_names(ast.parse(path.read_text("utf-8")))]
    assert places == [], "list the question types through game.core.questions.TYPES: " + ", ".join(places)


def test_the_check_finds_a_list_of_types():
    assert _listed_type_names(ast.parse('KINDS = ("single", "number")\nif kind in {"fill": 1, "memory": 2}: pass'
                                        '\nok = kind == "order"')) == [1, 2]
