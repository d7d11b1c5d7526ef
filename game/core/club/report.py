"""What the children learned, from what storage kept: per child, per level, per question (the hardest
first, with the wrong answers chosen most), who may need help, and each child's weeks.

One pass over the attempts and answers of a scope; the catalog gives titles and question texts (a
level no longer installed is shown by its id)."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from ..storage import AnswerRow, AttemptRow, ProgressPort, ReportScope
from .today import nickname_order

HELP_RATE = 0.5  # first-try accuracy under which a child may need help
HELP_MIN_TRIES = 3  # ...once they have answered at least this many questions
MOST_WRONG = 3  # wrong answers listed per question


@dataclass(frozen=True)
class ChildReport:
    profile_id: int
    nickname: str
    levels_played: int
    levels_finished: int
    stars: int  # the best stars of each level finished in the scope, summed
    first_tries: int
    first_try_right: int
    time_ms: int
    hints: int
    attempts: int
    last_played: str

    @property
    def first_try_rate(self) -> float | None:
        return self.first_try_right / self.first_tries if self.first_tries else None


@dataclass(frozen=True)
class LevelReport:
    pack_id: str
    level_id: str
    title: str
    children: int  # who played it
    finished: int  # who finished it at least once
    average_stars: float  # over those who finished
    first_tries: int
    first_try_right: int

    @property
    def first_try_rate(self) -> float | None:
        return self.first_try_right / self.first_tries if self.first_tries else None


@dataclass(frozen=True)
class QuestionReport:
    pack_id: str
    level_id: str
    level_title: str
    question_id: str
    prompt: str
    first_tries: int
    first_try_right: int
    wrong_answers: tuple[tuple[str, int], ...]  # (the answer as shown, how many chose it), most first

    @property
    def first_try_rate(self) -> float:
        return self.first_try_right / self.first_tries if self.first_tries else 0.0


@dataclass(frozen=True)
class HelpNote:
    nickname: str
    reason: str  # a catalog key
    values: tuple[tuple[str, object], ...] = ()


@dataclass
class Report:
    scope: ReportScope
    scope_name: str  # the group's name, or the session's, or "" for everything
    children: list[ChildReport] = field(default_factory=list)
    levels: list[LevelReport] = field(default_factory=list)
    questions: list[QuestionReport] = field(default_factory=list)  # the hardest first
    need_help: list[HelpNote] = field(default_factory=list)
    weeks: dict[int, list[tuple[str, int, int]]] = field(default_factory=dict)  # child: (week, tries, right)

    @property
    def attempts(self) -> int:
        return sum(c.attempts for c in self.children)

    @property
    def first_try_rate(self) -> float | None:
        tries = sum(c.first_tries for c in self.children)
        return sum(c.first_try_right for c in self.children) / tries if tries else None

    @property
    def time_ms(self) -> int:
        return sum(c.time_ms for c in self.children)

    @property
    def hints(self) -> int:
        return sum(c.hints for c in self.children)


def build_report(store: ProgressPort, catalog, scope: ReportScope, lang: str, yes_no: tuple[str, str]) -> Report:
    """`catalog` finds levels (game.core.catalog.Catalog, or None); `yes_no` shows true/false answers."""
    attempts = store.attempt_rows(scope)
    answers = store.answer_rows(scope)
    levels = _levels(catalog)
    report = Report(scope, _scope_name(store, scope))
    report.children = _children(attempts, answers)
    report.levels = _level_reports(attempts, answers, levels, lang)
    report.questions = _questions(answers, levels, lang, yes_no)
    report.need_help = _need_help(report.children)
    report.weeks = _weeks(attempts, answers)
    return report


def _scope_name(store: ProgressPort, scope: ReportScope) -> str:
    group_id = scope.group_id
    if scope.session_id is not None:
        session = store.session(scope.session_id)
        group_id = session.group_id if session is not None else group_id
    group = next((g for g in store.groups() if g.id == group_id), None)
    return group.name if group is not None else ""


def _levels(catalog) -> dict[tuple[str, str], object]:
    if catalog is None:
        return {}
    return {(lv.pack_id, lv.level_id): lv.level for lv in catalog.levels() if lv.ok}


def _title(levels, key: tuple[str, str], lang: str) -> str:
    level = levels.get(key)
    return level.title.get(lang) if level is not None else key[1]


def _children(attempts: list[AttemptRow], answers: list[AnswerRow]) -> list[ChildReport]:
    by_child: dict[int, list[AttemptRow]] = defaultdict(list)
    for attempt in attempts:
        by_child[attempt.profile_id].append(attempt)
    said: dict[int, list[AnswerRow]] = defaultdict(list)
    for answer in answers:
        said[answer.profile_id].append(answer)
    rows = []
    for profile_id, tries in by_child.items():
        best: dict[tuple[str, str], int] = {}
        for t in tries:
            if t.finished_at is not None:
                key = (t.pack_id, t.level_id)
                best[key] = max(best.get(key, 0), t.stars or 0)
        firsts = [a for a in said[profile_id] if a.attempt_number == 1]
        rows.append(ChildReport(
            profile_id, tries[0].nickname, len({(t.pack_id, t.level_id) for t in tries}), len(best),
            sum(best.values()), len(firsts), sum(a.correct for a in firsts),
            sum(a.time_ms for a in said[profile_id]), sum(a.hint_used for a in said[profile_id]), len(tries),
            max(t.started_at for t in tries)))
    return sorted(rows, key=lambda c: nickname_order(c.nickname))


def _level_reports(attempts, answers, levels, lang: str) -> list[LevelReport]:
    played: dict[tuple[str, str], set[int]] = defaultdict(set)
    best: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for t in attempts:
        key = (t.pack_id, t.level_id)
        played[key].add(t.profile_id)
        if t.finished_at is not None:
            best[key][t.profile_id] = max(best[key].get(t.profile_id, 0), t.stars or 0)
    firsts: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for a in answers:
        if a.attempt_number == 1:
            firsts[(a.pack_id, a.level_id)].append(a.correct)
    rows = []
    for key in sorted(played):
        stars = best[key]
        rows.append(LevelReport(key[0], key[1], _title(levels, key, lang), len(played[key]), len(stars),
                                sum(stars.values()) / len(stars) if stars else 0.0, len(firsts[key]),
                                sum(firsts[key])))
    return rows


def _questions(answers, levels, lang: str, yes_no: tuple[str, str]) -> list[QuestionReport]:
    tries: dict[tuple[str, str, str], list[AnswerRow]] = defaultdict(list)
    for a in answers:
        if a.attempt_number == 1:
            tries[(a.pack_id, a.level_id, a.question_id)].append(a)
    rows = []
    for (pack, level_id, question_id), said in tries.items():
        level = levels.get((pack, level_id))
        question = next((q for q in getattr(level, "questions", ()) if q.id == question_id), None)
        if question is None:  # story questions are found in their scenes
            question = _story_question(level, question_id)
        prompt = question.prompt.get(lang) if question is not None else question_id
        wrong = Counter(answer_label(question, a.answer, lang, yes_no) for a in said if not a.correct)
        rows.append(QuestionReport(pack, level_id, _title(levels, (pack, level_id), lang), question_id, prompt,
                                   len(said), sum(a.correct for a in said), tuple(wrong.most_common(MOST_WRONG))))
    return sorted(rows, key=lambda q: (q.first_try_rate, -q.first_tries, q.level_title, q.question_id))


def _story_question(level, question_id: str):
    for scene in getattr(level, "scenes", ()):
        for line in getattr(scene, "lines", ()):
            question = getattr(line, "question", None)
            if question is not None and question.id == question_id:
                return question
    return None


def answer_label(question, answer: object, lang: str, yes_no: tuple[str, str]) -> str:
    """An answer as the child saw it: the option's text, "yes"/"no", the typed word."""
    options = getattr(question, "options", None)
    if isinstance(answer, bool):
        return yes_no[0] if answer else yes_no[1]
    if options is not None and isinstance(answer, int) and 0 <= answer < len(options):
        return options[answer].item.label(lang)
    if options is not None and isinstance(answer, list) and all(
            isinstance(i, int) and 0 <= i < len(options) for i in answer):
        return " + ".join(options[i].item.label(lang) for i in sorted(answer)) or "-"
    if isinstance(answer, str):
        return answer
    return "-" if answer is None else json.dumps(answer, ensure_ascii=False)


def _need_help(children: list[ChildReport]) -> list[HelpNote]:
    notes = []
    for child in children:
        rate = child.first_try_rate
        if rate is not None and child.first_tries >= HELP_MIN_TRIES and rate < HELP_RATE:
            notes.append(HelpNote(child.nickname, "report.help_low", (("percent", round(rate * 100)),)))
        elif child.first_tries and child.hints * 2 >= child.first_tries:
            notes.append(HelpNote(child.nickname, "report.help_hints", (("hints", child.hints),)))
        elif child.attempts and not child.levels_finished:
            notes.append(HelpNote(child.nickname, "report.help_unfinished", (("attempts", child.attempts),)))
    return notes


def _weeks(attempts, answers) -> dict[int, list[tuple[str, int, int]]]:
    """Per child, per ISO week ('2026-W49'): first tries and how many were right."""
    started = {t.attempt_id: t.started_at for t in attempts}
    counts: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for a in answers:
        if a.attempt_number != 1 or a.attempt_id not in started:
            continue
        year, week, _ = date.fromisoformat(started[a.attempt_id][:10]).isocalendar()
        cell = counts[a.profile_id][f"{year}-W{week:02d}"]
        cell[0] += 1
        cell[1] += int(a.correct)
    return {child: [(week, n, right) for week, (n, right) in sorted(weeks.items())]
            for child, weeks in counts.items()}
