"""Power cuts: a child process plays a quiz and is killed with SIGKILL at random moments, 50+ times,
on one data folder. Every answer whose feedback was on the screen is in the database, the database
passes `PRAGMA integrity_check`, and the next process starts, reads the profile and plays on.

The players are forked from a "zygote" that has imported pygame once (tests/crash_player.py), so a
run costs ~0.6 s instead of ~1 s; every tenth run is a completely fresh interpreter. Two data folders
are played and killed side by side, one per core.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

import pytest

from game.core.storage import DB_NAME

pytestmark = pytest.mark.slow

PLAYER = Path(__file__).resolve().parents[1] / "crash_player.py"
RUNS = int(os.environ.get("OLKETANU_CRASH_RUNS", "50"))
SEED = int(os.environ.get("OLKETANU_CRASH_SEED", "7"))
BUDGET = 150.0  # seconds for all runs; a run normally takes well under a second

PACK = "format: 1\nid: crash\ntitle: {kk: Апат, ru: Сбой, en: Crash}\nlevels: [quiz]\n"
QUESTION = """  - id: q{n}
    type: true_false
    prompt: {{kk: "Сұрақ {n}?", ru: "Вопрос {n}?", en: "Question {n}?"}}
    answer: {answer}
    explanation: {{kk: Түсіндірме., ru: Объяснение., en: Explanation.}}
    source: test
"""


def make_levels(folder: Path) -> Path:
    pack = folder / "crash"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
    questions = "".join(QUESTION.format(n=n, answer="true" if n % 3 else "false") for n in range(12))
    (pack / "quiz.yaml").write_text("format: 1\nid: quiz\ntype: quiz\ntitle: {kk: Тест, ru: Тест, en: Test}\n"
                                    "questions:\n" + questions, encoding="utf-8")
    return folder


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def wait_for(path: Path, word: str, pid_alive, timeout: float, count: int = 1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = read_lines(path)
        if sum(line.startswith(word) for line in lines) >= count or any(line.startswith("ERROR") for line in lines):
            return True
        if not pid_alive():
            return False
        time.sleep(0.005)
    return False


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def saved_answers(db: Path) -> set[tuple[str, str, str]]:
    """Opened read-only, as a reader that leaves the WAL for the next game to recover."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = conn.execute("SELECT attempt_id, question_id, attempt_number FROM answers").fetchall()
        assert conn.execute("SELECT count(*) FROM profiles").fetchone()[0] <= 1
    return {(str(a), q, str(n)) for a, q, n in rows}


class Lane:
    """One data folder, killed again and again; two lanes run side by side on the two cores."""

    def __init__(self, folder: Path, levels: Path, runs: int, seed: int) -> None:
        self.folder, self.levels, self.runs = folder, levels, runs
        self.data = folder / "data"
        self.db = self.data / DB_NAME
        self.rnd = random.Random(seed)
        self.shown_total = self.killed_playing = self.killed_early = 0
        self.profiles: set[str] = set()
        self.players: list[int] = []

    def run_all(self, deadline: float) -> None:
        zygote = subprocess.Popen([sys.executable, str(PLAYER), "zygote"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        try:
            for run in range(self.runs):
                assert time.monotonic() < deadline, f"{self.folder.name}: only {run} runs in {BUDGET} s"
                self.run_once(run, zygote)
        finally:
            for pid in self.players:  # only if the test failed half-way: no player is left running
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
            zygote.stdin.close()
            zygote.wait(timeout=10)

    def run_once(self, run: int, zygote: subprocess.Popen) -> None:
        out = self.folder / f"run{run}.txt"
        if run % 10 == 9:  # a completely fresh interpreter
            proc = subprocess.Popen([sys.executable, str(PLAYER), "play", str(self.data), str(self.levels),
                                     str(out)], stdout=subprocess.DEVNULL)
            pid = proc.pid
            is_alive = lambda: proc.poll() is None  # noqa: E731
        else:
            zygote.stdin.write(f"{self.data} {self.levels} {out}\n")
            zygote.stdin.flush()
            pid = next(int(line.split()[1]) for line in zygote.stdout if line.startswith("PID "))
            is_alive = lambda: alive(pid)  # noqa: E731
        self.players.append(pid)

        if self.rnd.random() < 0.2:  # any moment: while starting, migrating, creating the profile...
            time.sleep(self.rnd.uniform(0.0, 0.5))
            self.killed_early += 1
        else:  # while answering
            assert wait_for(out, "PLAYING", is_alive, 30), f"run {run} never played: {read_lines(out)}"
            # after a few answers were shown, however slow the machine: there is always something to lose
            shown = self.rnd.randint(1, 14)
            assert wait_for(out, "SHOWN", is_alive, 60, shown), f"run {run} answered too little: {read_lines(out)}"
            time.sleep(self.rnd.uniform(0.0, 0.3))
            self.killed_playing += 1
        os.kill(pid, signal.SIGKILL)
        give_up = time.monotonic() + 10
        while is_alive() and time.monotonic() < give_up:
            time.sleep(0.002)
        assert not is_alive(), f"run {run}: the player outlived SIGKILL"

        lines = read_lines(out)
        assert not [line for line in lines if line.startswith("ERROR")], f"run {run}: {lines}"
        shown = {tuple(line.split()[1:]) for line in lines if line.startswith("SHOWN")}
        self.profiles |= {line.split()[1] for line in lines if line.startswith("PLAYING")}
        if self.db.exists():
            missing = shown - saved_answers(self.db)
            assert not missing, f"run {run}: answers shown but not saved: {sorted(missing)}"
        else:
            assert not shown
        self.shown_total += len(shown)


def test_sigkill_at_random_moments_never_loses_a_shown_answer(tmp_path):
    levels = make_levels(tmp_path / "levels")
    started = time.monotonic()
    lanes = [Lane(tmp_path / f"lane{i}", levels, (RUNS + 1 - i) // 2, SEED + i) for i in range(2)]
    for lane in lanes:
        lane.folder.mkdir()
    with ThreadPoolExecutor(len(lanes)) as pool:
        for future in [pool.submit(lane.run_all, started + BUDGET) for lane in lanes]:
            future.result()

    # after all that, a new game starts, finds the one profile and plays on
    for lane in lanes:
        out = lane.folder / "after.txt"
        proc = subprocess.Popen([sys.executable, str(PLAYER), "play", str(lane.data), str(levels), str(out)])
        try:
            assert wait_for(out, "SHOWN", lambda: proc.poll() is None, 30), read_lines(out)
        finally:
            proc.kill()
            proc.wait()
        assert not [line for line in read_lines(out) if line.startswith("ERROR")]
        assert len(lane.profiles) == 1
    kills = sum(lane.runs for lane in lanes)
    playing = sum(lane.killed_playing for lane in lanes)
    shown = sum(lane.shown_total for lane in lanes)
    print(f"\ncrash: {kills} SIGKILLs ({playing} while answering, {kills - playing} at any moment) on "
          f"{len(lanes)} data folders, {shown} answers shown and all found, {time.monotonic() - started:.1f} s")
    # the kills while answering come after 1 to 14 shown answers (then up to 0.3 s more): however loaded the
    # machine, there were answers to lose; each lane checked that every one shown was found
    assert kills >= 50 and playing >= kills // 2 and shown >= 200
