"""Ten computers answering at once into one PostgreSQL database: nothing lost, nothing doubled."""
import multiprocessing

import pytest

from game.core.storage import AnswerRecord

PROCESSES = 10
LEVELS = 100  # ten answers each: 1,000 answers a process


def _play(url: str, child_id: int, shared_child_id: int, worker: int) -> None:
    from game.core.storage.postgres import PostgresStore
    store = PostgresStore(url)
    for level in range(LEVELS):
        attempt = store.start_attempt(child_id, "p", f"level-{level}", "quiz")
        for question in range(10):
            store.record_answer(attempt, AnswerRecord(f"q{question}", [worker, level, question], True, 10))
        store.finish_attempt(attempt, 10, 10, (worker + level) % 4)
        # every process also finishes the same child's same level at about the same time: one of them
        # brings 2 stars, the others 1, and the 2 must win whatever the order of the commits
        shared = store.start_attempt(shared_child_id, "p", f"shared-{level}", "quiz")
        store.finish_attempt(shared, 0, 10, 2 if worker == level % PROCESSES else 1)
    store.close()


@pytest.mark.slow
def test_ten_processes_record_a_thousand_answers_each(postgres_url):
    import psycopg
    from game.core.storage.postgres import PostgresStore
    store = PostgresStore(postgres_url)
    children = [store.create_profile(f"бала-{n}", "owl", "kk") for n in range(PROCESSES)]
    shared = store.create_profile("ортақ", "fox", "kk")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_play, args=(postgres_url, child.id, shared.id, n))
               for n, child in enumerate(children)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert [worker.exitcode for worker in workers] == [0] * PROCESSES

    with psycopg.connect(postgres_url) as db:
        answers = [tuple(row) for row in db.execute(
            "SELECT a.answer::json->>0, a.answer::json->>1, a.question_id FROM answers a")]
    assert len(answers) == PROCESSES * LEVELS * 10  # none doubled ...
    assert set(answers) == {(str(w), str(level), f"q{q}") for w in range(PROCESSES) for level in range(LEVELS)
                            for q in range(10)}  # ... none lost
    for n, child in enumerate(children):
        assert store.best_stars(child.id) == {("p", f"level-{level}"): (n + level) % 4 for level in range(LEVELS)}
        [summary] = store.child_summaries([child.id])
        assert (summary.attempts, summary.levels_finished) == (LEVELS, LEVELS)
    assert store.best_stars(shared.id) == {("p", f"shared-{level}"): 2 for level in range(LEVELS)}
    store.close()
