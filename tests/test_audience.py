"""Audience mode in the core: the room's hands decide a tale's choices and answer its questions; nothing is
kept for any child, and the group's session keeps the tale and its ending."""
from game.core.sessions import AudienceSession, Tally
from game.core.sessions.audience_session import tally


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
