"""Reports to take away: the CSV reads back with its Kazakh letters, the HTML is one file with nothing
fetched that Chromium renders without console errors and prints on the expected number of A4 pages."""
import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from game.cli import main
from game.core.catalog import Catalog
from game.core.club.report import build_report
from game.core.storage import AnswerRecord, ReportScope, SqliteStore
from game.paths import LEVELS

KIDS = ("Әлия", "Ғалым", "Құралай", "Ұлжан")


def _club(folder: Path) -> dict:
    store = SqliteStore(folder / "progress.sqlite3")
    try:
        return _club_in(store)
    finally:
        store.close()


def _club_in(store) -> dict:
    """Four children of a group; three play the town quiz in a session, with 'founded' the hardest."""
    ids = {name: store.create_profile(name, "fox", "kk").id for name in KIDS}
    group = store.create_group("Ертекші, сейсенбі")
    for name in KIDS[:3]:
        store.add_to_group(group.id, ids[name])
    session = store.start_session(group.id, [("karkaraly", "town-quiz")])
    plans = {"Әлия": {"founded": 0}, "Ғалым": {"founded": 0, "oldest": False}, "Құралай": {"founded": 2}}
    for name, wrong in plans.items():
        attempt = store.start_attempt(ids[name], "karkaraly", "town-quiz", "quiz")
        for question, right in (("name", 1), ("founded", 1), ("oldest", True)):  # as in town-quiz.yaml
            answer = wrong.get(question, right)
            store.record_answer(attempt, AnswerRecord(question, answer, answer == right, 4000,
                                                      hint_used=name == "Құралай"))
        store.finish_attempt(attempt, 1, 3, 1)
    store.end_session(session.id)
    other = store.start_attempt(ids["Ұлжан"], "karkaraly", "town-quiz", "quiz")  # not in the group
    store.record_answer(other, AnswerRecord("name", 0, False, 3000))
    return {"ids": ids, "group": group, "session": session}


def test_the_report_finds_the_hardest_question_and_who_may_need_help(store):
    club = _club_in(store)
    report = build_report(store, Catalog.load([LEVELS]), ReportScope(session_id=club["session"].id), "kk",
                          ("иә", "жоқ"))
    assert [c.nickname for c in report.children] == ["Әлия", "Ғалым", "Құралай"]
    hardest = report.questions[0]
    assert hardest.question_id == "founded" and hardest.first_try_rate == 0
    assert hardest.wrong_answers == (("1924", 2), ("1724", 1))
    assert report.questions[1].question_id == "oldest" and report.questions[1].wrong_answers == (("жоқ", 1),)
    assert report.levels[0].title == "Қарқаралыны білесің бе?" and report.levels[0].children == 3
    assert {n.nickname: n.reason for n in report.need_help} == {
        "Ғалым": "report.help_low", "Құралай": "report.help_hints"}
    assert {c.nickname: [(n, right) for _, n, right in report.weeks[c.profile_id]] for c in report.children} == {
        "Әлия": [(3, 2)], "Ғалым": [(3, 1)], "Құралай": [(3, 2)]}


def test_csv_opens_with_kazakh_letters_intact(tmp_path):
    club = _club(tmp_path)
    out = tmp_path / "есеп.csv"
    assert main(["--data-dir", str(tmp_path), "report", "--group", "Ертекші, сейсенбі", "--format", "csv",
                 "--out", str(out), "--lang", "kk"]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Балалар"] and rows[1][0] == "Лақап ат"
    children = {row[0]: row for row in rows[2:5]}
    assert set(children) == {"Әлия", "Ғалым", "Құралай"}  # Ұлжан is in no group
    assert children["Ғалым"][4] == "33" and children["Құралай"][6] == "3"
    questions = rows[rows.index(["Сұрақтар"]) + 2:]
    assert questions[0][1] == "Қарқаралы қай жылы құрылды?" and questions[0][4] == "1924 (2), 1724 (1)"
    del club


def test_report_command_says_what_is_wrong(tmp_path, capsys):
    _club(tmp_path)
    assert main(["--data-dir", str(tmp_path), "report", "--group", "Жоқ", "--format", "csv", "--out",
                 str(tmp_path / "x.csv"), "--lang", "en"]) == 1
    assert "There is no group «Жоқ». Groups: 1: Ертекші, сейсенбі" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()
    assert main(["--data-dir", str(tmp_path), "report", "--from", "2000-01-01", "--to", "2000-12-31", "--format",
                 "html", "--out", str(tmp_path / "empty.html"), "--lang", "ru"]) == 0
    assert "Никто не выделяется" not in (tmp_path / "empty.html").read_text(encoding="utf-8")
    assert "В этот раз никто не выделяется." in (tmp_path / "empty.html").read_text(encoding="utf-8")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def test_html_is_one_file_with_nothing_fetched(tmp_path):
    _club(tmp_path)
    out = tmp_path / "report.html"
    assert main(["--data-dir", str(tmp_path), "report", "--format", "html", "--out", str(out), "--lang", "kk"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "<style>" in page and "Қарқаралы қай жылы құрылды?" in page
    assert "report." not in page  # every label found in the catalog
    for fetch in ("src=", "href=", "url(", "@import", "<script", "<link"):
        assert fetch not in page
    table = page[page.index("<h2>Балалар"):]
    assert table.index("Әлия") < table.index("Ғалым") < table.index("Құралай") < table.index("Ұлжан")  # all


@pytest.mark.skipif(CHROMIUM is None or shutil.which("pdfinfo") is None,
                    reason="needs chromium and poppler-utils (.ci/desk-deps)")
def test_html_renders_in_chromium_and_prints_on_four_a4_pages(tmp_path):
    _club(tmp_path)
    out = tmp_path / "report.html"
    assert main(["--data-dir", str(tmp_path), "report", "--session", "1", "--format", "html", "--out", str(out),
                 "--lang", "kk"]) == 0
    profile = tmp_path / "chromium-profile"
    pdf, png = tmp_path / "report.pdf", tmp_path / "report.png"
    run = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
                          f"--print-to-pdf={pdf}", "--no-pdf-header-footer", out.as_uri()],
                         capture_output=True, text=True, timeout=180)
    assert pdf.is_file(), run.stderr
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line or "Failed to load" in line]
    assert not console, console
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    assert pages == 4 and "(A4)" in size  # summary, children, levels, questions
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
                    "--window-size=1000,1400", out.as_uri()], capture_output=True, timeout=180)
    assert png.is_file() and png.stat().st_size > 10_000
