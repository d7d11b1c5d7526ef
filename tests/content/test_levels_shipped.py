"""Every shipped level loads with no problem at all, not even a warning."""
import pytest

from conftest import LEVELS
from game.core.catalog import find_pack_folders, validate_paths


@pytest.mark.parametrize("pack", find_pack_folders(LEVELS), ids=lambda p: p.name)
def test_pack_is_clean(pack):
    problems, count = validate_paths([pack])
    assert [p.format() for p in problems] == []
    assert count >= 2


def test_karkaraly_quiz_has_ten_sourced_questions_of_both_kinds(quiz_level):
    questions = quiz_level.questions
    assert len(questions) >= 10
    assert all(q.source.strip() for q in questions)
    assert {"single", "true_false"} <= {q.kind for q in questions}
    for q in questions:
        for text in (q.prompt, q.explanation, *[o.item.text for o in getattr(q, "options", ())]):
            assert text.missing() == [], (q.id, text)


def test_karkaraly_story_has_a_choice(story_level):
    assert any(scene.choices for scene in story_level.scenes)
    assert any(scene.is_ending for scene in story_level.scenes)


def test_no_explanation_starts_with_a_verdict_of_its_own(shipped_catalog):
    """The game says "Right!" or "Not quite" before the explanation: "Right! No! ..." reads as a contradiction."""
    import re
    verdict = re.compile(r"^(yes|no|not quite|right|wrong|иә|жоқ|дұрыс|бұрыс|әзірге емес|да|нет|не совсем|верно|"
                         r"неверно|правильно)\b", re.IGNORECASE)
    found = []
    for pack in shipped_catalog.packs:
        for result in pack.levels:
            level = result.level
            for question in level.questions:  # a story's questions too
                for lang, words in question.explanation.by_lang.items():
                    if verdict.match(words):
                        found.append((level.id, question.id, lang, words[:40]))
    assert found == []
