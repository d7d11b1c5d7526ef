"""Imported questions -> the text of a quiz level file that a librarian can read and edit.

Every string is double-quoted (so that `yes`, `1:30` or `2024-06-12` stay text), Kazakh and Russian
letters are written as themselves, and comments say where each question came from and what to check.
Nothing a child could read is made up: a question without general feedback has no `explanation`, and no
question has a `source` (the bank does not say where its facts come from); `validate` warns about each,
and about the translations: only the language given is written.
"""
from __future__ import annotations

import re
from decimal import Decimal

import yaml

from .model import ImportedQuestion

_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia", "a", "g", "q", "n", "o", "u",
     "u", "h", "i"]))
_LINE_BREAKS = re.compile(r"[\r\n\x85\u2028\u2029]+")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar on one line, with letters kept and control characters escaped."""
    dumped = yaml.safe_dump(text, default_style='"', allow_unicode=True, width=float("inf"))
    return dumped.rstrip("\n")


def comment(text: str) -> str:
    """Text made safe for a '# ...' comment: one line, only printable characters."""
    return "".join(c for c in _LINE_BREAKS.sub(" ", text) if c.isprintable())


def slug(text: str, limit: int = 30) -> str:
    latin = "".join(_TRANSLIT.get(c, c) for c in text.casefold())
    words = re.findall(r"[a-z0-9]+", latin)
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out}-{word}" if out else word
    return out


def question_ids(questions: list[ImportedQuestion]) -> list[str]:
    """q1, q2, ... with the question's title when it has one: q3-founded."""
    ids, seen = [], set()
    for number, question in enumerate(questions, 1):
        name = slug(question.title)
        base = f"q{number}-{name}" if name else f"q{number}"
        ident, extra = base, 2
        while ident in seen:
            ident, extra = f"{base}-{extra}", extra + 1
        seen.add(ident)
        ids.append(ident)
    return ids


def level_text(level_id: str, title: str, questions: list[ImportedQuestion], lang: str, file_name: str,
               fmt: str) -> str:
    out: list[str] = [
        f"# Imported from {comment(file_name)} ({fmt.upper()}) by: python run_game.py import-questions",
        "# Before children play it:",
        "#   - check every fact in a book, and give each question a 'source:' with that book and its page",
        "#   - give every question that has none an 'explanation:' (why the answer is right)",
        f"#   - add the translations (only '{lang}' is written): "
        "python run_game.py validate lists what is missing",
        f"#   - add '- {level_id}' to the levels of the pack's pack.yaml",
        "format: 1",
        f"id: {quoted(level_id)}",
        'type: "quiz"',
        "title:",
        f"  {lang}: {quoted(title)}",
        "questions:",
    ]
    for ident, question in zip(question_ids(questions), questions):
        out.append("")
        out.append(f"  # {comment(file_name)}, line {question.line}"
                   + (f", title: {comment(question.title)}" if question.title else ""))
        for note in question.comments:
            out.append(f"  # {comment(note)}")
        out += _question(ident, question, lang)
    return "\n".join(out) + "\n"


def _text(key: str, value: str, lang: str, indent: str) -> list[str]:
    return [f"{indent}{key}:", f"{indent}  {lang}: {quoted(value)}"]


def _plain(number: Decimal) -> str:
    """1824, 2.5: how a librarian writes a number (no exponent, no trailing zeros)."""
    text = format(number.normalize(), "f")
    return text if number != number.to_integral() else str(int(number))


def _question(ident: str, q: ImportedQuestion, lang: str) -> list[str]:
    lines = [f"  - id: {quoted(ident)}", f"    type: {quoted(q.kind)}"]
    lines += _text("prompt", q.prompt, lang, "    ")
    if q.kind in ("single", "multiple"):
        lines.append("    options:")
        for option in q.options:
            lines.append(f"      - text: {{{lang}: {quoted(option.text)}}}")
            if option.correct:
                lines.append("        correct: true")
    elif q.kind == "true_false":
        lines.append(f"    answer: {'true' if q.answer else 'false'}")
    elif q.kind == "fill":
        accepted = ", ".join(quoted(a) for a in q.accepted)
        lines.append(f"    answers: {{{lang}: [{accepted}]}}")
    elif q.kind == "number":
        right = q.right_number
        if right.written_as_range:
            lines.append(f"    range: [{_plain(right.low)}, {_plain(right.high)}]")
        else:
            lines.append(f"    answer: {_plain(right.value)}")
            if right.tolerance:
                lines.append(f"    tolerance: {_plain(right.tolerance)}")
    elif q.kind == "match":
        lines.append("    pairs:")
        for left, right in q.pairs:
            lines.append(f"      - left: {{{lang}: {quoted(left)}}}")
            lines.append(f"        right: {{{lang}: {quoted(right)}}}")
    if q.explanation:
        lines += _text("explanation", q.explanation, lang, "    ")
    return lines
