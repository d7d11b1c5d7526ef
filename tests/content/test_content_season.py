"""The season «Қарқаралы 200» in the karkaraly pack: enough levels in the order of a journey, questions of
every type for every age band, pools that make replays new, complete translations, and sources a library
can follow (every question explained, every source dated)."""
import dataclasses
import re
from collections import Counter

import pytest

from conftest import LEVELS
from game.core.catalog import Catalog
from game.core.questions import KINDS
from game.core.questions.base import Question
from game.core.text import Text
from game.testing import run_test
from pilot_steps import answer_current, create_profile, open_level
from test_stories import all_paths

SEASON_QUIZZES = ["name-and-founding", "two-centuries", "mountains-and-lakes", "park-life", "people", "old-town",
                  "libraries-listen", "young-historian"]
SEASON_STORIES = ["shaitankol-walk", "kanbak-shal"]
WALKS = {"shaitankol-walk": "karkaraly", "kent-walk": "kent"}
EYES_CLOSED = "libraries-listen"
A_YEAR = re.compile(r"\b(1[5-9]|20)\d\d\b")


@pytest.fixture(scope="module")
def catalog():
    return Catalog.load([LEVELS])


@pytest.fixture(scope="module")
def pack(catalog):
    return next(p.pack for p in catalog.packs if p.pack is not None and p.pack.id == "karkaraly")


@pytest.fixture(scope="module")
def quizzes(catalog):
    return [catalog.find(level_id).level for level_id in SEASON_QUIZZES]


def texts(value):
    """Every Text inside a level, its questions, options, scenes, lines, choices and books."""
    if isinstance(value, Text):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from texts(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from texts(item)


def questions_of(level):
    if level.kind == "quiz":
        return list(level.questions)
    return [line.question for scene in level.scenes for line in scene.lines if line.question is not None]


def test_the_season_is_in_the_pack_in_the_order_of_a_journey(pack):
    season = SEASON_QUIZZES + SEASON_STORIES
    assert len(pack.level_ids) >= 13
    assert set(season) <= set(pack.level_ids)
    positions = [pack.level_ids.index(level_id) for level_id in SEASON_QUIZZES]
    assert positions == sorted(positions), "founding, timeline, nature, people, the old town, books: a journey"
    assert pack.level_ids[0] == "town-quiz"


def test_at_least_180_questions_of_all_nine_types(catalog):
    levels = [entry.level for entry in catalog.levels()]
    kinds = Counter(q.kind for level in levels for q in questions_of(level))
    assert sum(kinds.values()) >= 180, kinds
    assert set(kinds) == set(KINDS), kinds
    assert all(count >= 5 for count in kinds.values()), kinds


def test_the_final_challenge_mixes_every_type_and_closes_the_journey(catalog, pack):
    level = catalog.find("young-historian").level
    assert {q.kind for q in level.questions} == set(KINDS)
    assert pack.level_ids[-1] == "young-historian"


def test_every_age_band_has_questions(catalog, quizzes):
    per_band = Counter()
    for level in quizzes + [catalog.find(s).level for s in SEASON_STORIES]:
        assert level.ages, f"{level.id} gives no age band"
        for band in level.ages:
            per_band[band] += len(questions_of(level))
    assert per_band["6-8"] >= 16 and per_band["9-11"] >= 80 and per_band["12-14"] >= 80, per_band


def test_every_quiz_draws_from_a_pool_at_least_twice_its_length(quizzes):
    for level in quizzes:
        assert level.pool is not None and level.pool >= 6, level.id
        assert len(level.questions) >= 2 * level.pool, (level.id, len(level.questions), level.pool)


@pytest.mark.parametrize("level_id", SEASON_QUIZZES + SEASON_STORIES)
def test_every_text_is_in_kazakh_russian_and_english(catalog, level_id):
    level = catalog.find(level_id).level
    incomplete = [(dict(t.by_lang), t.missing()) for t in texts(level) if t.missing()]
    assert incomplete == []


@pytest.mark.parametrize("level_id", SEASON_QUIZZES + SEASON_STORIES)
def test_every_question_is_explained_and_its_source_is_dated(catalog, level_id):
    level = catalog.find(level_id).level
    found = questions_of(level)
    assert found, level_id
    for question in found:
        assert isinstance(question, Question)
        assert question.explanation.missing() == [], question.id
        assert A_YEAR.search(question.source), (question.id, question.source)
        assert "seen " in question.source, (question.id, "a full citation says when the source was seen")


def test_the_eyes_closed_level_can_be_played_by_ear(catalog):
    level = catalog.find(EYES_CLOSED).level
    for question in level.questions:
        assert question.kind not in {"hotspot", "memory"}, question.id
        assert not question.picture_only and question.image is None, question.id
        for option in getattr(question, "options", ()):
            assert option.item.image is None and option.item.text is not None, question.id
        assert len(getattr(question, "options", ())) <= 4, question.id


def test_the_puppet_play_has_stakes(catalog):
    level = catalog.find("kanbak-shal").level
    assert level.mode == "puppets"
    spoken = [line for scene in level.scenes for line in scene.lines if line.text is not None]
    assert len(spoken) >= 25
    on_stage = {d.target for scene in level.scenes for line in scene.lines for d in line.stage if d.action == "enter"}
    assert on_stage == {c.id for c in level.characters}, "every character comes on stage"
    endings = {runner.scene.id for _, runner in all_paths(level, restore=False)}
    assert endings == {"soup_end", "empty_end"}, "the fish the child keeps decides the ending"


def test_every_story_puts_its_characters_on_stage(catalog):
    """The picture mode shows no one: every story is played on the puppet stage, and everyone who speaks
    walks on."""
    for entry in catalog.levels():
        level = entry.level
        if level.kind != "story":
            continue
        assert level.mode == "puppets", level.id
        on_stage = {d.target for scene in level.scenes for line in scene.lines for d in line.stage
                    if d.action == "enter"}
        assert on_stage == {c.id for c in level.characters}, level.id


@pytest.mark.parametrize("walk", sorted(WALKS))
def test_the_walks_have_stakes(catalog, walk):
    level = catalog.find(walk).level
    spoken = [line for scene in level.scenes for line in scene.lines if line.text is not None]
    assert len(spoken) >= 25
    assert any(line.question is not None for scene in level.scenes for line in scene.lines)
    paths = all_paths(level, restore=False)
    assert len({runner.scene_id for _, runner in paths}) >= 2, "the child's choices change the ending"
    # the gate: a scene whose wrong answers are offered once, explained, and lead back to it
    gates = [scene for scene in level.scenes if any(choice.condition is not None for choice in scene.choices)]
    assert gates, "a question the child must answer to go on"
    for gate in gates:
        onward = {choice.goto for choice in gate.choices if choice.condition is None}
        assert len(onward) == 1, gate.id
        lines_read = [[scene_id for scene_id, _ in runner.history] for _, runner in paths]
        through = [read for read in lines_read if gate.id in read]
        assert through and all(onward <= set(read) for read in through), (gate.id, "no way on but the answer")
        once = sum(1 for line in gate.lines if line.text is not None)
        assert any(read.count(gate.id) > once for read in through), (gate.id, "a wrong answer comes back to it")


def test_the_walks_end_by_what_the_child_did(catalog):
    """Shaitankol: the friend-of-the-park ending only after caring for the park twice; Kent: a find kept in
    a pocket always leads to taking it back."""
    walk = catalog.find("shaitankol-walk").level
    for _, runner in all_paths(walk, restore=False):
        assert (runner.scene_id == "friend_end") == (runner.variables["care"] >= 2)
    kent = catalog.find("kent-walk").level
    for _, runner in all_paths(kent, restore=False):
        if runner.variables["kept"]:
            assert runner.scene_id == "clay_end"
        else:
            assert runner.scene_id == ("notebook_end" if runner.variables["notes"] >= 2 else "return_end")


def test_no_picture_of_the_pack_holds_svg_text():
    """pygame's SVG loader does not draw <text>: a picture must carry no words."""
    for svg in LEVELS.rglob("*.svg"):
        assert "<text" not in svg.read_text(encoding="utf-8"), svg.name


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_eyes_closed_level_by_keyboard_and_ear(tmp_path, lang):
    """A blind reader's play: keys only; every focus change says what is focused, every prompt, option and
    feedback is heard, and the results are read out."""
    with run_test(tmp_path, level_dirs=[LEVELS], language=lang) as pilot:
        create_profile(pilot, "Нұрай", "hare")
        open_level(pilot, f"level_karkaraly_{EYES_CLOSED}")
        heard_focus, plain_press = [], pilot.press

        def press_and_listen(*keys):
            for key in keys:
                scene, before = pilot.scene, pilot.focused
                plain_press(key)
                item = pilot.scene.focus.focused
                if pilot.scene is scene and item is not None and pilot.focused != before:
                    text, said_lang = pilot.speaker.said[-1]
                    assert text == item.spoken() and said_lang == lang, (key, item.id, text)
                    heard_focus.append(text)

        pilot.press = press_and_listen
        asked = 0
        while pilot.scene.name == "quiz":
            question = pilot.scene.runner.current
            recent = " ".join(text for text, _ in pilot.speaker.said[-3:])
            assert question.prompt.get(lang) in recent, question.id
            heard_focus.clear()
            pilot.press(*["tab"] * len(pilot.scene.focus.items))  # go round once, hearing every part
            parts = [o.item.text.get(lang) for o in getattr(question, "options", ())]
            parts += [item.text.get(lang) for item in getattr(question, "items", ())]
            parts += [side.text.get(lang) for pair in getattr(question, "pairs", ()) for side in pair]
            for part in parts:
                assert any(part in said for said in heard_focus), (question.id, part)
            answer_current(pilot)
            recent = " ".join(text for text, _ in pilot.speaker.said[-3:])
            assert question.explanation.get(lang) in recent, question.id
            pilot.press("return")
            asked += 1
        assert pilot.scene.name == "results" and asked == 8  # the pool, all answered right the first time
        assert any(pilot.scene.level.summary.get(lang) in text for text, _ in pilot.speaker.said[-3:])


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_the_final_challenge_played_by_keyboard_to_three_stars(tmp_path, lang):
    """Ten questions drawn from the 24, each answered by keys alone, right the first time: three stars."""
    with run_test(tmp_path, level_dirs=[LEVELS], language=lang) as pilot:
        create_profile(pilot, "Жансая", "owl")
        open_level(pilot, "level_karkaraly_young-historian")
        kinds = []
        while pilot.scene.name == "quiz":
            question = pilot.scene.runner.current
            kinds.append(question.kind)
            answer_current(pilot)
            assert pilot.scene.runner.phase.value == "feedback", question.id
            pilot.press("return")
        assert len(kinds) == 10
        assert pilot.scene.name == "results" and pilot.scene.stars == 3
        assert pilot.scene.correct == pilot.scene.total == 10
