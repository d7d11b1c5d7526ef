"""Moodle's GIFT format -> imported questions, read the way Moodle's own importer reads it.

Questions are separated by empty lines; `//` lines are comments; `$CATEGORY:` lines name a Moodle
category. A question is `::title:: [format] text {answers} more text`, where the answers are
`=right ~wrong` (choice: single-answer when there is an `=`, the `~%50%` answers then give part marks;
multiple-answer when there is none, the answers with a weight above 0 being right), `T`/`F` (true/false),
`=a =b` (short answer), `=left -> right` (matching), `#...` (numeric) or nothing (essay). `#` after an
answer is its feedback, `####` the general feedback. Any text (question, answer, feedback) may start with
its own [html], [moodle], [plain] or [markdown]; without one it has the question's format.
`\\~ \\= \\# \\{ \\} \\:` are the characters themselves, `\\n` a line break.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .markup import BREAK, looks_like_html, strip_html, strip_markdown, tidy
from .model import BankResult, Choice, ImportedQuestion, NumberAnswer

# Escaped characters are swapped for private-use stand-ins while the structure is parsed.
_ESCAPES = {"\\": "\ue000", "~": "\ue001", "=": "\ue002", "#": "\ue003", "{": "\ue004", "}": "\ue005",
            ":": "\ue006", "n": BREAK}
_RESTORE = str.maketrans({v: k for k, v in _ESCAPES.items() if k != "n"})
_PRIVATE = re.compile(r"[\ue000-\ue0ff]")
_FORMAT = re.compile(r"\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"\s*%\s*(-?\d+(?:[.,]\d+)?)\s*%")
_TRUE, _FALSE = ("T", "TRUE"), ("F", "FALSE")
_BLANK = "___"
_CLOSING = tuple(".,;:!?)»\"'…")


def parse_gift(text: str) -> BankResult:
    result = BankResult()
    text = _PRIVATE.sub("", text)
    for block in _blocks(text.split("\n")):
        line, first = block[0]
        if first.strip().upper().startswith("$CATEGORY:"):
            name = first.strip()[len("$CATEGORY:"):].strip()
            result.note(line, f"the Moodle category '{name}' is not used: a level file is one quiz")
            block = block[1:]
            if not block:
                continue
            line = block[0][0]
        _Question(_protect("\n".join(text for _, text in block)), line, result).parse()
    return result


def _blocks(lines: list[str]):
    """Runs of non-empty lines, each line with its number; comment lines left out."""
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            if current:
                yield current
            current = []
        elif not line.lstrip().startswith("//"):
            current.append((number, line))
    if current:
        yield current


def _protect(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPES:
            out.append(_ESCAPES[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


@dataclass
class _Answer:
    marker: str            # "=" or "~"
    weight: Decimal | None  # the %50% weight, if any
    text: str
    feedback: str


def _split_answers(body: str) -> tuple[str, list[_Answer]]:
    parts = re.split(r"([=~])", body)
    answers = []
    for marker, chunk in zip(parts[1::2], parts[2::2]):
        weight = None
        found = _WEIGHT.match(chunk)
        if found:
            weight = Decimal(found.group(1).replace(",", "."))
            chunk = chunk[found.end():]
        text, _, feedback = chunk.partition("#")
        answers.append(_Answer(marker, weight, text, feedback))
    return parts[0], answers


class _Question:
    def __init__(self, text: str, line: int, result: BankResult) -> None:
        self.text = text.strip()
        self.line = line
        self.result = result
        self.format = "moodle"
        self.notes: list[str] = []  # reported only when the question is imported

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    # -- texts ------------------------------------------------------------------------------
    def clean(self, raw: str, own_format: bool = True) -> str:
        """A text as a child reads it: its [format] marker taken off, HTML or Markdown made plain."""
        text, fmt = raw, self.format
        marker = _FORMAT.match(text) if own_format else None
        if marker:
            text, fmt = text[marker.end():], marker.group(1).lower()
        text = text.translate(_RESTORE)
        lost: list[str] = []
        if fmt == "html" or (fmt == "moodle" and looks_like_html(text)):
            text, lost = strip_html(text)
            self.note("HTML formatting was removed: the texts are plain now" if fmt == "moodle" else
                      "[html] formatting was removed: the texts are plain now")
        elif fmt == "markdown":
            text, lost = strip_markdown(text)
            self.note("[markdown] formatting was removed: the texts are plain now")
        for note in lost:
            self.note(note)
        return tidy(text)

    def skip(self, reason: str) -> None:
        self.result.skip(self.line, reason)

    # -- structure --------------------------------------------------------------------------
    def parse(self) -> None:
        text, title = self.text, ""
        if text.startswith("::"):
            end = text.find("::", 2)
            if end < 0:
                return self.skip("the title is not closed: write it as ::title:: (a ':' in it as \\:)")
            title = tidy(text[2:end].translate(_RESTORE))
            text = text[end + 2:].lstrip()
        marker = _FORMAT.match(text)
        if marker:
            self.format = marker.group(1).lower()
            text = text[marker.end():]
        start = text.find("{")
        if start < 0:
            if "}" in text:
                return self.skip("a '}' without its '{' (write \\} for a brace in the text)")
            return self.skip("a description (text with no answers in { }): a quiz has only questions; "
                             "put such a text in a story level, or in the summary")
        end = text.find("}", start)
        if end < 0:
            return self.skip("the answers have no closing '}' (an empty line cannot be inside { })")
        before, body, after = text[:start], text[start + 1:end], text[end + 1:]
        if "{" in after or "}" in after:
            return self.skip("more than one { } in one question: is the empty line between two questions "
                             "missing? (write \\{ \\} for braces in the text)")
        general = ""
        if "####" in body:  # Moodle takes the last #### as the start of the general feedback
            body, _, general = body.rpartition("####")
        kind = self.kind(body.strip())
        if kind is None:
            return
        question = ImportedQuestion(self.line, kind, "", title=title, explanation=self.clean(general))
        gap = bool(after.strip())
        if gap and kind in ("true_false", "match"):
            what = "true/false" if kind == "true_false" else "matching"
            return self.skip(f"a {what} question with text after its {{ }}: our format cannot show the "
                             f"answer in the middle of the text; write the whole text before {{ }}")
        if kind == "true_false":
            self.true_false(question, body)
        elif kind == "number":
            if not self.number(question, body.strip()[1:]):
                return
        else:
            head, answers = _split_answers(body)
            if head.strip():
                return self.skip("text inside { } before the first answer: each answer starts with = or ~")
            filled = {"single": self.choice, "fill": self.fill, "match": self.match}[kind](question, answers)
            if not filled:
                return
        question.prompt = self.prompt(before, after, blank=gap or kind == "fill")
        if any(q.startswith("feedback") for q in question.comments):
            self.note("the game shows no feedback per answer: it is kept as a comment in the level file, "
                      "to use in the explanation")
        if self.result.add(question):
            for note in self.notes:
                self.result.note(self.line, note)

    def kind(self, body: str) -> str | None:
        """The kind, tested in the order Moodle tests it."""
        if not body:
            self.skip("an essay question ({} with no answers): the game cannot check a written answer")
            return None
        if body.startswith("#"):
            return "number"
        if "~" in body:
            return "single"  # single or multiple: decided by the answers' marks
        if body.startswith("=") and "->" in body:
            return "match"
        if body.split("#", 1)[0].strip().upper() in _TRUE + _FALSE:
            return "true_false"
        if body.startswith("="):
            return "fill"
        self.skip("the answers in { } should start with = (right) or ~ (wrong), or be T or F")
        return None

    def prompt(self, before: str, after: str, blank: bool) -> str:
        first, rest = self.clean(before, own_format=False), self.clean(after, own_format=False)
        if not blank or _BLANK in first + rest:
            return " ".join(part for part in (first, rest) if part)
        text = f"{first} {_BLANK}" if first else _BLANK
        if rest:
            text += rest if rest.startswith(_CLOSING) else " " + rest
        return text

    # -- the kinds --------------------------------------------------------------------------
    def true_false(self, question: ImportedQuestion, body: str) -> None:
        value, *feedback = body.split("#")
        question.answer = value.strip().upper() in _TRUE
        for label, text in zip(("feedback when the answer is wrong", "feedback when the answer is right"),
                               feedback):
            if self.clean(text):
                question.comments.append(f"{label}: {self.clean(text)}")

    def choice(self, question: ImportedQuestion, answers: list[_Answer]) -> bool:
        single = any(a.marker == "=" for a in answers)  # Moodle: an '=' answer makes it single-answer
        right: list[str] = []           # Moodle's full-mark options
        part_marks: list[str] = []      # options that give part marks in Moodle and are wrong here
        weighted: list[str] = []        # multiple-answer: the options with a weight above 0
        for answer in answers:
            text, feedback = self.clean(answer.text), self.clean(answer.feedback)
            weight = answer.weight or Decimal(0)
            full = answer.marker == "=" or (single and weight >= 100)
            if full and right and single:
                self.note(f"'{text}' is right too: Moodle accepts any one of its full-mark answers; a single-choice "
                          f"question of the game has one right option, '{right[0]}', so '{text}' was left out")
                continue
            correct = full or (not single and weight > 0)
            if correct:
                right.append(text)
                if not single:
                    weighted.append(f"'{text}' ({weight}%)")
            elif weight > 0:
                part_marks.append(f"'{text}' ({weight}%)")
                question.comments.append(f"Moodle gave \"{text}\" {weight}% of the marks: here it is a wrong option")
            question.options.append(Choice(text, correct, feedback))
            if feedback:
                question.comments.append(f"feedback for \"{text}\": {feedback}")
        if part_marks:
            one = len(part_marks) == 1
            self.note(f"the game gives no part marks: {', '.join(part_marks)} {'gives' if one else 'give'} part marks "
                      f"in Moodle and {'is a wrong option' if one else 'are wrong options'} here; only '{right[0]}' "
                      "is right")
        if len(weighted) > 1:
            question.kind = "multiple"
            self.note(f"a multiple-answer question (no '=' answer): the options with a weight above 0 are right, "
                      f"{', '.join(weighted)}; the game gives no part marks, so the child must choose every one of "
                      "them and no other")
        elif weighted:
            self.note(f"no '=' answer, so Moodle shows boxes to tick, but only '{right[0]}' has a weight above 0: "
                      "it is a single-choice question here")
        return True

    def fill(self, question: ImportedQuestion, answers: list[_Answer]) -> bool:
        for answer in answers:
            text = self.clean(answer.text)
            if answer.weight is not None and answer.weight < 100:
                self.note(f"the answer '{text}' gives {answer.weight}% of the marks in Moodle: left out, the game "
                          "accepts only fully right answers")
                continue
            if "*" in text:
                self.note(f"the answer '{text}' uses the * wildcard, which the game does not know: left out; "
                          "write every spelling you accept")
                continue
            if text and text not in question.accepted:
                question.accepted.append(text)
            if self.clean(answer.feedback):
                question.comments.append(f"feedback for \"{text}\": {self.clean(answer.feedback)}")
        if not question.accepted and answers:
            self.skip("no answer is left that the game can check (only part-mark or * wildcard answers)")
            return False
        return True

    def match(self, question: ImportedQuestion, answers: list[_Answer]) -> bool:
        for answer in answers:
            left, arrow, right = answer.text.partition("->")
            if answer.marker != "=" or not arrow:
                self.skip("in a matching question every pair is written '=left -> right'")
                return False
            left, right = self.clean(left), self.clean(right)
            if not left:
                self.note(f"the extra answer '{right}' (with no question) was left out: our matching questions "
                          "have no extra answers")
                continue
            question.pairs.append((left, right))
        return True

    def number(self, question: ImportedQuestion, body: str) -> bool:
        """`{#1824}`, `{#1403:5}` (give or take 5), `{#1..5}`, `{#=1822:0 =%50%1824:2 ~#any other}`."""
        answers, _, other = body.partition("~")  # Moodle: after a '~' comes the feedback for any other number
        chunks = answers.split("=")
        if not chunks[0].strip():
            chunks = chunks[1:]
        if not chunks:
            self.skip("a numeric question with no number in its { }")
            return False
        for chunk in chunks:
            weight = Decimal(100)
            found = _WEIGHT.match(chunk)
            if found:
                weight, chunk = Decimal(found.group(1).replace(",", ".")), chunk[found.end():]
            written, _, feedback = chunk.partition("#")
            number = _number(self.clean(written), weight)
            if number is None:
                self.skip(f"'{self.clean(written)}' is not a number the game can read: write 1824, "
                          "or 1403:10 (give or take 10), or 1..5 (from 1 to 5)")
                return False
            number.feedback = self.clean(feedback)
            question.numbers.append(number)
            if number.feedback:
                question.comments.append(f"feedback for {number}: {number.feedback}")
        other_feedback = self.clean(other.partition("#")[2])
        if other_feedback:
            question.comments.append(f"feedback for any other number: {other_feedback}")
        right = next((n for n in question.numbers if n.weight == 100), None)
        for number in question.numbers:
            if right is not None and number is not right:
                self.note(f"{number} is left out: the game gives no part marks, and a number question has one "
                          f"right number or range, here {right}")
        return True


def _number(written: str, weight: Decimal) -> NumberAnswer | None:
    low, dots, high = written.partition("..")
    try:
        if dots and low.strip():
            low_value, high_value = _decimal(low), _decimal(high)
            if low_value > high_value:
                return None
            middle = (low_value + high_value) / 2
            return NumberAnswer(middle, high_value - middle, weight, written_as_range=True)
        value, colon, tolerance = written.partition(":")
        margin = _decimal(tolerance) if colon else Decimal(0)
        return NumberAnswer(_decimal(value), margin, weight) if margin >= 0 else None
    except (InvalidOperation, ValueError):
        return None


def _decimal(written: str) -> Decimal:
    value = Decimal(written.strip().replace(",", "."))
    if not value.is_finite():
        raise ValueError(written)
    return value
