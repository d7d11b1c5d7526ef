"""Audience mode in the core: the room's hands decide a tale's choices and answer its questions; nothing is
kept for any child, and the group's session keeps the tale and its ending."""
import pytest
from pilot_steps import misfits, tab_to

from game.core.leader import make_pin
from game.core.sessions import AudienceSession, Tally
from game.core.sessions.audience_session import tally
from game.core.storage import SqliteStore
from game.paths import LEVELS
from game.testing import run_test


def test_the_majority_wins_and_a_tie_or_no_hands_decide_nothing():
    assert tally([3, 7, 2]) == Tally(1)
    assert tally([5, 2, 5]) == Tally(None, (0, 2))
    assert tally([0, 0]) == Tally(None)


def _play(session, votes_at_choice, tie_break=None):
    """Plays to the end: the counted hands at every choice, the room's right answer at every question."""
    outcome = None
    ties = 0
    while outcome is None:
        if session.option_count and session.runner.choices:
            for option, votes in enumerate(votes_at_choice(session.option_count)):
                session.count(option, votes)
            outcome = session.decide()
            if isinstance(outcome, Tally):
                ties += 1
                assert session.runner.choices  # nothing chosen until the leader breaks the tie
                outcome = session.pick(tie_break(outcome.tied))
        elif session.option_count:
            question = session.story.question
            right = question.correct_answer()
            right = (0 if right else 1) if question.kind == "true_false" else right
            session.count(right, 12)
            session.count((right + 1) % session.option_count, 3)
            assert session.decide() is None and session.feedback.correct and not session.feedback.saved
            outcome = session.advance()
        elif session.shows_answer:
            session.show_answer()
            outcome = session.advance()
        else:
            outcome = session.advance()
    return outcome, ties


def test_the_room_plays_a_tale_to_both_endings_with_ties_and_nothing_is_kept_for_a_child(store, shipped_catalog):
    level = shipped_catalog.find("aldar-coat").level
    child = store.create_profile("Бота", "owl", "kk")
    group = store.create_group("Ертекші")
    store.add_to_group(group.id, child.id)
    on = store.start_session(group.id, [(level.pack_id, level.id)])
    # the first option wins every vote: the classic ending
    first, ties = _play(AudienceSession(store, level, on.id), lambda n: [9] + [2] * (n - 1))
    assert first.ending.id == "classic_end" and first.saved and ties == 0
    # every vote a tie between the first two, broken by the leader for the second: the kind ending
    second, ties = _play(AudienceSession(store, level, on.id), lambda n: [4, 4] + [1] * (n - 2),
                         tie_break=lambda tied: tied[1])
    assert second.ending.id == "kind_end" and ties >= 1
    assert [(t.level_id, t.ending, t.group_id) for t in store.group_tales(on.id)] == [
        ("aldar-coat", "kind_end", group.id), ("aldar-coat", "classic_end", group.id)]
    assert store.best_stars(child.id) == {} and store.session_players(on.id) == []
    assert store.load_position(child.id, level.pack_id, level.id) is None


def test_a_tie_is_broken_only_among_the_tied_and_hands_up_takes_the_typed_number(store, shipped_catalog):
    level = shipped_catalog.find("aldar-coat").level
    session = AudienceSession(store, level)
    while not session.runner.choices:
        if session.option_count:
            session.pick(0)
        elif session.shows_answer:
            session.show_answer()
        session.advance()
    count = session.option_count
    assert count >= 2
    session.count(0, 3)
    session.count(1, 3)
    assert session.decide() == Tally(None, (0, 1))
    if count > 2:
        assert session.pick(2) == Tally(None, (0, 1)) and session.runner.choices  # not among the tied
    scene = session.runner.scene_id
    session.pick(1)
    assert session.runner.scene_id != scene and session.tied == ()
    while not session.runner.choices and not session.runner.finished:
        session.pick(0) if session.option_count else session.advance()
    session.hands_up(5)
    assert not session.tick(4.0) and session.tick(2.0) and session.timer == 0
    scene = session.runner.scene_id
    session.pick(0)  # the number the room shouted for
    assert session.runner.scene_id != scene or session.runner.finished


# -- the screen, driven by the leader's keyboard ---------------------------------------------------

PIN = "2580"


def _room(tmp_path):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.save_leader_pin(make_pin(PIN))
    child = store.create_profile("Айгүл", "fox", "kk")
    group = store.create_group("Ертекші")
    store.add_to_group(group.id, child.id)
    session = store.start_session(group.id, [("karkaraly", "aldar-coat")])
    store.close()
    return child.id, group.id, session.id


def _open_tale(pilot):
    tab_to(pilot, "desk")
    pilot.press("return")
    pilot.press(*PIN, "return")
    assert pilot.scene.name == "desk"
    tab_to(pilot, "audience")
    pilot.press("return")
    assert pilot.scene.name == "desk_audience"
    tab_to(pilot, "tale_karkaraly_aldar-coat")
    pilot.press("return")
    assert pilot.scene.name == "audience"


def _to_the_next_ballot(pilot):
    """Continue through the lines (and a question's feedback) to the next vote, or to the end."""
    for _ in range(200):
        ids = pilot.widget_ids()
        if "option_0" in ids or "done" in ids:
            return
        if "show_answer" in ids:
            tab_to(pilot, "show_answer")
        else:
            tab_to(pilot, "continue")
        pilot.press("return")
    raise AssertionError("the tale never came to a vote")


def _vote(pilot, counts):
    """The leader types the hands counted for each option, then counts them."""
    for option, votes in enumerate(counts):
        tab_to(pilot, f"option_{option}")
        pilot.press(*str(votes))
    tab_to(pilot, "count")
    pilot.press("return")


def _play_to_the_end(pilot, at_choice, at_tie=None):
    ties = 0
    for _ in range(20):
        _to_the_next_ballot(pilot)
        if "done" in pilot.widget_ids():
            return ties
        count = sum(i.startswith("option_") for i in pilot.widget_ids())
        scene = pilot.scene
        if scene.session.runner.choices:
            _vote(pilot, at_choice(count))
            if scene.session.tied:
                ties += 1
                assert pilot.spoken[-1].endswith("тең түсті: жетекші біреуін таңдайды.")
                pilot.press(str(at_tie(scene.session.tied) + 1))
        else:  # an in-story question: the room answers it right by a clear majority
            question = scene.session.story.question
            right = question.correct_answer()
            right = (0 if right else 1) if question.kind == "true_false" else right
            _vote(pilot, [9 if i == right else 2 for i in range(count)])
            assert scene.session.feedback.correct and pilot.spoken[-2].startswith("Дұрыс!")
    raise AssertionError("the tale did not end")


def test_the_room_plays_aldar_to_both_endings_with_a_tie_from_the_desk(tmp_path):
    child, group, session = _room(tmp_path)
    with run_test(tmp_path, language="kk", level_dirs=[LEVELS]) as pilot:
        _open_tale(pilot)
        ties = _play_to_the_end(pilot, lambda n: [7] + [1] * (n - 1))
        assert ties == 0 and pilot.scene.outcome.ending.id == "classic_end"
        assert "Ақыл жеңді" in pilot.drawn_text()
        pilot.press("return")  # "Back to the desk" is focused
        assert pilot.scene.name == "desk"
        tab_to(pilot, "audience")
        pilot.press("return")
        tab_to(pilot, "tale_karkaraly_aldar-coat")
        pilot.press("return")
        ties = _play_to_the_end(pilot, lambda n: [5, 5] + [0] * (n - 2), at_tie=lambda tied: tied[1])
        assert ties >= 1 and pilot.scene.outcome.ending.id == "kind_end"
    store = SqliteStore(tmp_path / "progress.sqlite3")
    try:
        assert [(t.ending, t.group_id) for t in store.group_tales(session)] == [("kind_end", group),
                                                                               ("classic_end", group)]
        assert store.best_stars(child) == {} and store.session_players(session) == []
    finally:
        store.close()


def test_hands_up_counts_down_and_the_typed_number_wins(tmp_path):
    _room(tmp_path)
    with run_test(tmp_path, language="en", level_dirs=[LEVELS]) as pilot:
        _open_tale(pilot)
        _to_the_next_ballot(pilot)
        session = pilot.scene.session
        question = session.story.question
        assert question.id == "holey-coat" and session.option_count == 3
        pilot.press("1")  # nothing focused: a number is no vote yet
        assert session.votes == [0, 0, 0] and session.feedback is None
        tab_to(pilot, "hands_up")
        pilot.press("return")
        assert pilot.spoken[-1] == "Hands up! 10 seconds" and session.timer > 0
        pilot.press("9")  # not a number on screen, and the countdown still runs: nothing happens
        assert session.feedback is None
        pilot.advance(11 * 60)
        assert session.timer == 0 and pilot.spoken[-1] == "Time! Type the number that won."
        pilot.press(str(question.correct_answer() + 1))
        assert session.feedback is not None and session.feedback.correct
        assert pilot.spoken[-2].startswith("Right!")


@pytest.mark.parametrize("scale, lang", [(1.0, "en"), (2.0, "kk"), (2.0, "ru")])
def test_the_audience_screens_fit_at_every_text_size_on_a_projector(tmp_path, scale, lang):
    _room(tmp_path)
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.save_settings(None, {"text_scale": scale})
    store.close()
    problems = []
    with run_test(tmp_path, language=lang, level_dirs=[LEVELS], window_size=(1024, 768)) as pilot:
        _open_tale(pilot)
        pilot.press("escape")
        assert pilot.scene.name == "desk"
        tab_to(pilot, "audience")
        pilot.press("return")
        problems += misfits(pilot, "desk_audience")
        tab_to(pilot, "tale_karkaraly_aldar-coat")
        pilot.press("return")
        for step in range(60):
            ids = pilot.widget_ids()
            problems += misfits(pilot, f"step {step}")
            if "done" in ids:
                break
            if "option_0" in ids:
                _vote(pilot, [3, 3] + [0] * (pilot.scene.session.option_count - 2))
                problems += misfits(pilot, f"step {step}: a tie" if pilot.scene.session.tied else "")
                pilot.press("1")
            else:
                tab_to(pilot, "show_answer" if "show_answer" in ids else "continue")
                pilot.press("return")
        assert "done" in pilot.widget_ids()
    assert not problems, "\n".join(problems)
