"""What the children learned, from what storage kept: per child, per level, per question (the hardest
first, with the wrong answers chosen most), who may need help, and each child's weeks.

Each part is read when first asked for, from storage's sums (never answer by answer), so that the
leader's view of a group opens within a frame; the catalog gives titles and question texts (a level no
longer installed is shown by its id)."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from ..storage import ProgressPort, ReportScope, TeamResult
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
class TeamGameReport:
    """A team quiz in the report: its level, when, how far it went, each team (names and colours are keys
    of the fixed lists, shown through the catalog) and the winners (more than one when tied)."""

    title: str
    day: str
    played: int
    questions: int
    finished: bool
    teams: tuple[TeamResult, ...]

    @property
    def winners(self) -> tuple[str, ...]:
        best = max((team.points for team in self.teams), default=0)
        return tuple(team.name for team in self.teams if team.points == best) if best else ()


@dataclass(frozen=True)
class HelpNote:
    nickname: str
    reason: str  # a catalog key
    values: tuple[tuple[str, object], ...] = ()


class Report:
    def __init__(self, store: ProgressPort, catalog, scope: ReportScope, lang: str, yes_no: tuple[str, str]) -> None:
        """`catalog` finds levels (game.core.catalog.Catalog, or None); `yes_no` shows true/false answers."""
        self.store, self.scope, self.lang, self.yes_no = store, scope, lang, yes_no
        self._levels = {} if catalog is None else {(lv.pack_id, lv.level_id): lv.level for lv in catalog.levels()
                                                   if lv.ok}

    @cached_property
    def scope_name(self) -> str:
        """The group's name (of the group, or of the session's group), or "" for everyone."""
        group_id = self.scope.group_id
        if self.scope.session_id is not None:
            session = self.store.session(self.scope.session_id)
            group_id = session.group_id if session is not None else group_id
        return next((g.name for g in self.store.groups() if g.id == group_id), "")

    @cached_property
    def children(self) -> list[ChildReport]:
        totals = {t.key[0]: t for t in self.store.answer_totals(self.scope, "child")}
        rows = []
        for tried in self.store.progress_totals(self.scope, "child"):
            profile_id, nickname = tried.key
            said = totals.get(profile_id)
            rows.append(ChildReport(
                profile_id, nickname, tried.levels, tried.finished, tried.stars, said.first_tries if said else 0,
                said.first_right if said else 0, said.time_ms if said else 0, said.hints if said else 0,
                tried.attempts, tried.last_started))
        return sorted(rows, key=lambda c: nickname_order(c.nickname))

    @cached_property
    def levels(self) -> list[LevelReport]:
        totals = {t.key: t for t in self.store.answer_totals(self.scope, "level")}
        rows = []
        for tried in sorted(self.store.progress_totals(self.scope, "level"), key=lambda t: t.key):
            said = totals.get(tried.key)
            rows.append(LevelReport(tried.key[0], tried.key[1], self._title(tried.key), tried.levels, tried.finished,
                                    tried.stars / tried.finished if tried.finished else 0.0,
                                    said.first_tries if said else 0, said.first_right if said else 0))
        return rows

    @cached_property
    def questions(self) -> list[QuestionReport]:
        """The hardest first: the lowest first-try rate, then the most answered."""
        wrong: dict[tuple[str, str, str], list[tuple[str, int]]] = defaultdict(list)
        for pack, level, question_id, answer, n in self.store.wrong_answers(self.scope):
            question = self._question(pack, level, question_id)
            wrong[(pack, level, question_id)].append((answer_label(question, answer, self.lang, self.yes_no), n))
        rows = []
        for totals in self.store.answer_totals(self.scope, "question"):
            pack, level, question_id = totals.key
            if not totals.first_tries:
                continue
            question = self._question(pack, level, question_id)
            chosen = sorted(wrong[totals.key], key=lambda item: (-item[1], item[0]))[:MOST_WRONG]
            rows.append(QuestionReport(pack, level, self._title((pack, level)), question_id,
                                       question.prompt.get(self.lang) if question is not None else question_id,
                                       totals.first_tries, totals.first_right, tuple(chosen)))
        return sorted(rows, key=lambda q: (q.first_try_rate, -q.first_tries, q.level_title, q.question_id))

    @cached_property
    def team_games(self) -> list[TeamGameReport]:
        return [TeamGameReport(self._title((g.pack_id, g.level_id)), g.started_at[:10], g.played, g.questions,
                               g.finished, g.teams) for g in self.store.team_games(self.scope)]

    @cached_property
    def need_help(self) -> list[HelpNote]:
        return _need_help(self.children)

    @cached_property
    def weeks(self) -> dict[int, list[tuple[str, int, int]]]:
        """Per child, per ISO week ('2026-W49'): first tries and how many were right."""
        counts: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        for totals in self.store.answer_totals(self.scope, "day"):
            profile_id, day = totals.key
            year, week, _ = date.fromisoformat(day).isocalendar()
            cell = counts[profile_id][f"{year}-W{week:02d}"]
            cell[0] += totals.first_tries
            cell[1] += totals.first_right
        return {child: [(week, n, right) for week, (n, right) in sorted(weeks.items()) if n]
                for child, weeks in counts.items()}

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

    def _title(self, key: tuple[str, str]) -> str:
        level = self._levels.get(key)
        return level.title.get(self.lang) if level is not None else key[1]

    def _question(self, pack: str, level_id: str, question_id: str):
        level = self._levels.get((pack, level_id))
        found = next((q for q in getattr(level, "questions", ()) if q.id == question_id), None)
        return found if found is not None else _story_question(level, question_id)


def build_report(store: ProgressPort, catalog, scope: ReportScope, lang: str, yes_no: tuple[str, str]) -> Report:
    return Report(store, catalog, scope, lang, yes_no)


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
