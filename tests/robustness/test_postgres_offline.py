"""When the room's server goes away: play goes on, answers wait in this computer's outbox and are
sent, in order and exactly once, when the server is back."""
import pytest

from conftest import schema_on
from game.core.quiz import Phase
from game.core.sessions import QuizSession
from game.core.storage import AnswerRecord


@pytest.fixture
def postgres_url(stoppable_server):
    """These tests stop and start their server: one of their own, not the one other tests share."""
    with schema_on(stoppable_server) as url:
        yield url


@pytest.fixture
def stoppable(stoppable_server):
    yield stoppable_server
    stoppable_server.control("start")  # whatever happened, the next test has its server


def server_store(url):
    from game.core.storage.postgres import PostgresStore
    return PostgresStore(url)


def resilient(url, folder):
    from game.core.storage.resilient import ResilientStore
    return ResilientStore(url, folder, computer="zal-3", retry_s=0.2)


def watched(url, folder):
    """A store, and the list of the notices it asked the game to show."""
    store, told = resilient(url, folder), []
    store.on_offline = lambda: told.append("offline")
    return store, told


def test_the_server_stops_and_restarts_in_the_middle_of_a_quiz(postgres_url, stoppable, quiz_level, tmp_path):
    store, told = watched(postgres_url, tmp_path)
    child = store.create_profile("Айгүл", "fox", "kk")
    session = QuizSession(store, child.id, quiz_level, seed=5)
    asked = []
    for _ in range(3):
        asked.append(session.question.id)
        assert session.answer(session.question.correct_answer()).saved
        session.next()

    stoppable.control("stop")
    while session.phase is not Phase.DONE:
        asked.append(session.question.id)
        feedback = session.answer(session.question.correct_answer())
        assert feedback.saved  # kept on this computer: the child is told it is recorded
        outcome = session.next()
    assert outcome.saved and outcome.stars == 3
    assert told == ["offline"]  # one calm notice, not one per answer
    assert store.best_stars(child.id) == {(quiz_level.pack_id, quiz_level.id): 3}  # the map knows already
    assert store.unsent_answers() == len(asked) - 3
    assert store.computers_with_unsent() == {"zal-3": len(asked) - 3}
    # a second level, started while the server is away, gets a local id
    again = QuizSession(store, child.id, quiz_level, seed=6)
    assert again.attempt_id < 0
    again.answer(again.question.correct_answer())

    stoppable.control("start")
    assert store.send_now()
    assert store.unsent_answers() == 0
    server = server_store(postgres_url)
    assert [a.question_id for a in server.answers(session.attempt_id)] == asked  # every answer once, in order
    assert server.best_stars(child.id) == {(quiz_level.pack_id, quiz_level.id): 3}
    [later] = [a for a in server.child_summaries() if a.profile_id == child.id]
    assert later.attempts == 2
    assert server.computers_with_unsent() == {}
    # the session that began offline goes on with its local id, now mapped to the server's
    again.next()
    again.answer(again.question.correct_answer())
    server_attempts = server._read("SELECT id FROM attempts WHERE id <> %s", (session.attempt_id,))
    [[second]] = server_attempts
    assert len(server.answers(second)) == 2
    assert store.answers(again.attempt_id) == server.answers(second)
    assert told == ["offline"]  # the game's connection, older than the restart, was made again quietly
    server.close()
    store.close()


def test_queued_answers_survive_closing_the_game_and_are_sent_at_the_next_start(postgres_url, stoppable, tmp_path):
    store = resilient(postgres_url, tmp_path)
    child = store.create_profile("Ерлан", "eagle", "kk")
    attempt = store.start_attempt(child.id, "p", "l", "quiz")
    stoppable.control("stop")
    for n in range(20):
        store.record_answer(attempt, AnswerRecord(f"q{n}", n, True, 10))
    store.close()
    stoppable.control("start")
    reopened = resilient(postgres_url, tmp_path)
    assert reopened.send_now()
    server = server_store(postgres_url)
    assert [a.question_id for a in server.answers(attempt)] == [f"q{n}" for n in range(20)]
    server.close()
    reopened.close()


def test_a_write_whose_acknowledgement_was_lost_is_applied_once(postgres_url):
    from game.core.storage.postgres import QueuedWrite
    server = server_store(postgres_url)
    child = server.create_profile("Нұр", "owl", "kk")
    ids: dict[int, int] = {}
    start = QueuedWrite("k-start", "start_attempt", {"profile_id": child.id, "pack_id": "p", "level_id": "l",
                                                      "kind": "quiz", "seed": 0}, local_id=-1)
    answer = QueuedWrite("k-answer", "record_answer", {"attempt_id": -1, "answer": {
        "question_id": "q1", "answer": 1, "correct": True}})
    first = server.apply_writes([start, answer], ids)
    again = server.apply_writes([start, answer], ids)  # sent again: the computer never heard "done"
    assert first == again and ids == {-1: first[0]}
    assert [a.question_id for a in server.answers(ids[-1])] == ["q1"]
    server.close()


def test_without_a_server_the_game_starts_and_plays_from_what_it_kept(postgres_url, stoppable, tmp_path):
    store = resilient(postgres_url, tmp_path)
    child = store.create_profile("Дана", "owl", "kk")
    assert [p.nickname for p in store.profiles()] == ["Дана"]
    store.close()
    stoppable.control("stop")
    offline = resilient(postgres_url, tmp_path)
    assert not offline.online
    assert [p.nickname for p in offline.profiles()] == ["Дана"]  # the last list this computer saw
    attempt = offline.start_attempt(child.id, "p", "l", "quiz")
    offline.record_answer(attempt, AnswerRecord("q1", 0, True, 10))
    offline.finish_attempt(attempt, 1, 1, 3)
    assert offline.best_stars(child.id) == {("p", "l"): 3}
    from game.core.storage import StorageError
    with pytest.raises(StorageError) as refused:
        offline.create_profile("Жаңа", "fox", "kk")  # a nickname must be free in the whole room
    assert refused.value.reason == "offline"
    stoppable.control("start")
    assert offline.send_now()
    assert offline.best_stars(child.id) == {("p", "l"): 3}
    offline.close()


def test_the_child_hears_a_calm_notice_and_plays_on(postgres_url, stoppable, tmp_path):
    from game.core.storage.postgres import PostgresStore
    from game.testing import run_test
    from pilot_steps import create_profile, tab_to
    from test_storage_errors import make_pack
    levels = make_pack(tmp_path)
    with run_test(tmp_path / "data", language="en", level_dirs=[levels], database=postgres_url) as pilot:
        pilot.app.store.retry_s = 0.2
        create_profile(pilot, "Dana", "owl")
        tab_to(pilot, "level_disk_quiz")
        pilot.press("return")
        scene = pilot.scene
        pilot.press("return")  # q0, sent to the server
        pilot.press("return")
        stoppable.control("stop")
        pilot.press("return")  # q1, kept on this computer
        assert scene.runner.phase.value == "feedback" and scene.session.feedback.saved
        assert pilot.app.tr("storage.offline") in pilot.spoken
        pilot.screenshot(tmp_path / "offline.png")
        pilot.press("return")
        pilot.press("return")  # q2
        assert pilot.spoken.count(pilot.app.tr("storage.offline")) == 1
        stoppable.control("start")
        assert pilot.app.store.send_now()
        server = PostgresStore(postgres_url)
        assert [a.question_id for a in server.answers(scene.session.attempt_id)] == ["q0", "q1", "q2"]
        server.close()


def test_a_restart_between_two_answers_goes_unnoticed(postgres_url, stoppable, tmp_path):
    store, told = watched(postgres_url, tmp_path)
    child = store.create_profile("Әлия", "fox", "kk")
    attempt = store.start_attempt(child.id, "p", "l", "quiz")
    store.record_answer(attempt, AnswerRecord("q1", 0, True, 10))
    stoppable.control("stop")
    stoppable.control("start")
    store.record_answer(attempt, AnswerRecord("q2", 1, True, 10))  # on a connection older than the restart
    assert told == [] and store.unsent_answers() == 0
    assert [a.question_id for a in store.answers(attempt)] == ["q1", "q2"]
    store.close()


def test_a_read_that_finds_the_server_gone_plays_on_from_what_it_kept(postgres_url, stoppable, tmp_path):
    store, told = watched(postgres_url, tmp_path)
    child = store.create_profile("Арман", "owl", "kk")
    assert store.best_stars(child.id) == {}
    assert [p.nickname for p in store.profiles()] == ["Арман"]
    stoppable.control("stop")
    assert [p.nickname for p in store.profiles()] == ["Арман"]
    assert told == ["offline"] and not store.online
    stoppable.control("start")
    assert store.send_now()  # nothing to send: the sender finds the server back by itself
    other = server_store(postgres_url)
    other.create_profile("Бекзат", "fox", "kk")  # made on another computer of the room
    other.close()
    assert [p.nickname for p in store.profiles()] == ["Арман", "Бекзат"]
    store.close()


def test_a_new_profile_waits_for_the_server_and_the_child_is_told(postgres_url, stoppable, tmp_path):
    from game.testing import run_test
    from pilot_steps import tab_to
    with run_test(tmp_path / "data", language="en", database=postgres_url) as pilot:
        stoppable.control("stop")
        pilot.press("return")  # play
        tab_to(pilot, "new")
        pilot.press("return")
        pilot.type("Dana")
        tab_to(pilot, "avatar_owl")
        pilot.press("space")
        tab_to(pilot, "done")
        pilot.press("return")
        assert pilot.scene.name == "create_profile"  # nothing half-made; the child can try again later
        assert pilot.app.tr("storage.offline") in pilot.spoken
        pilot.screenshot(tmp_path / "create-offline.png")


def test_the_leaders_desk_needs_the_server_and_the_session_goes_on_from_what_was_kept(postgres_url, stoppable,
                                                                                     tmp_path):
    from game.core.club.desk import ClubDesk
    from game.core.club.today import profile_screen_page, todays_levels
    from game.core.storage import ReportScope, StorageError
    store, told = watched(postgres_url, tmp_path)
    desk = ClubDesk(store)
    child = store.create_profile("Арман", "owl", "kk")
    group = store.create_group("Ертекші")
    store.add_to_group(group.id, child.id)
    session = desk.begin_session(group.id, [("karkaraly", "town-quiz")])
    found = profile_screen_page(store, 0, 11)
    assert found.profiles == [child] and found.session_ids == {child.id}
    stoppable.control("stop")
    assert todays_levels(store, child.id) == (("karkaraly", "town-quiz"),)  # what was read before
    for change in (lambda: desk.new_group("Тілші"), lambda: desk.rename_child(child.id, "Арман Б."),
                   lambda: desk.toggle_archived(child.id), lambda: desk.erase_child(child.id),
                   lambda: desk.finish_session()):
        with pytest.raises(StorageError) as refused:
            change()
        assert refused.value.reason == "offline"
    attempt = store.start_attempt(child.id, "karkaraly", "town-quiz", "quiz")  # the child plays on
    store.record_answer(attempt, AnswerRecord("q1", 1, True, 900))
    assert told == ["offline"] and store.unsent_answers() == 1
    stoppable.control("start")
    assert store.send_now()
    assert store.session_players(session.id) == [child.id]  # the attempt is the session's
    assert desk.finish_session() == [child.id] and store.active_session() is None
    assert store.progress_totals(ReportScope(session_id=session.id), "child")[0].attempts == 1
    store.close()
