"""Moodle's GIFT format -> imported questions.

Questions are separated by empty lines; `//` lines are comments; `$CATEGORY:` lines name a Moodle
category. A question is `::title:: [format] text {answers} more text`, where the answers are
`=right ~wrong` (single or multiple choice, `~%50%` weights), `T`/`F` (true/false), `=a =b` (short
answer), `=left -> right` (matching), `#...` (numeric) or nothing (essay). `#` after an answer is its
feedback, `####` the general feedback. `\\~ \\= \\# \\{ \\} \\:` are the characters themselves, `\\n` a line break.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .markup import BREAK, looks_like_html, strip_html, strip_markdown, tidy
from .model import BankResult, Choice, ImportedQuestion

# Escaped characters are swapped for private-use stand-ins while the structure is parsed.
_ESCAPES = {"\\": "\ue000", "~": "\ue001", "=": "\ue002", "#": "\ue003", "{": "\ue004", "}": "\ue005",
            ":": "\ue006", "n": BREAK}
_RESTORE = str.maketrans({v: k for k, v in _ESCAPES.items() if k != "n"})
_PRIVATE = re.compile(r"[\ue000-\ue0ff]")
_FORMAT = re.compile(r"\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
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
    weight: float | None   # the %50% weight, if any
    text: str
    feedback: str


def _split_answers(body: str) -> tuple[str, list[_Answer]]:
    parts = re.split(r"([=~])", body)
    answers = []
    for marker, chunk in zip(parts[1::2], parts[2::2]):
        weight = None
        found = _WEIGHT.match(chunk)
        if found:
            weight = float(found.group(1).replace(",", "."))
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
        self.made_plain = False
        self.lost: list[str] = []

    # -- texts ------------------------------------------------------------------------------
    def clean(self, raw: str) -> str:
        text = raw.translate(_RESTORE)
        if self.format == "html" or (self.format == "moodle" and looks_like_html(text)):
            text, lost = strip_html(text)
            self.made_plain = True
            self.lost += [note for note in lost if note not in self.lost]
        elif self.format == "markdown":
            text, lost = strip_markdown(text)
            self.made_plain = True
            self.lost += [note for note in lost if note not in self.lost]
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
        body, _, general = body.partition("####")
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
        else:
            head, answers = _split_answers(body)
            if head.strip():
                return self.skip("text inside { } before the first answer: each answer starts with = or ~")
            filled = {"single": self.choice, "fill": self.fill, "match": self.match}[kind](question, answers)
            if not filled:
                return
        question.prompt = self.prompt(before, after, blank=gap or kind == "fill")
        if self.made_plain:
            self.result.note(self.line, f"[{self.format}] formatting was removed: the texts are plain now"
                             if self.format in ("html", "markdown") else
                             "HTML formatting was removed: the texts are plain now")
        for lost in self.lost:
            self.result.note(self.line, lost)
        if any(q.startswith("feedback") for q in question.comments):
            self.result.note(self.line, "the game shows no feedback per answer: it is kept as a comment "
                                        "in the level file, to use in the explanation")
        self.result.add(question)

    def kind(self, body: str) -> str | None:
        if not body:
            self.skip("an essay question ({} with no answers): the game cannot check a written answer")
            return None
        if body.startswith("#"):
            self.skip("a numeric question ({#...}): our quizzes have no number answers; "
                      "make it a choice or fill-in question")
            return None
        if body.split("#", 1)[0].strip().upper() in _TRUE + _FALSE:
            return "true_false"
        if body.startswith("=") and "->" in body:
            return "match"
        if "~" in body:
            return "single"  # single or multiple: decided by the number of right options
        if body.startswith("="):
            return "fill"
        self.skip("the answers in { } should start with = (right) or ~ (wrong), or be T or F")
        return None

    def prompt(self, before: str, after: str, blank: bool) -> str:
        first, rest = self.clean(before), self.clean(after)
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
        for answer in answers:
            correct = answer.weight > 0 if answer.weight is not None else answer.marker == "="
            question.options.append(Choice(self.clean(answer.text), correct, self.clean(answer.feedback)))
            if question.options[-1].feedback:
                question.comments.append(f"feedback for \"{question.options[-1].text}\": "
                                         f"{question.options[-1].feedback}")
        right = [o for o in question.options if o.correct]
        if len(right) > 1:
            question.kind = "multiple"
            if any(a.marker == "=" for a in answers):
                self.result.note(self.line, f"{len(right)} answers are right: Moodle accepts any one of them, "
                                            "the game asks the child to choose all of them (type: multiple)")
        if any(a.weight is not None and a.weight not in (0, 100) for a in answers):
            self.result.note(self.line, "the game gives no part marks (%..%): every option with a weight above "
                                        "0 counts as right, the others as wrong")
        return True

    def fill(self, question: ImportedQuestion, answers: list[_Answer]) -> bool:
        for answer in answers:
            text = self.clean(answer.text)
            if answer.weight is not None and answer.weight < 100:
                self.result.note(self.line, f"the answer '{text}' gives part marks ({answer.weight:g}%) in "
                                            "Moodle: left out, the game accepts only right answers")
                continue
            if "*" in text:
                self.result.note(self.line, f"the answer '{text}' uses the * wildcard, which the game does "
                                            "not know: left out; write every spelling you accept")
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
                self.result.note(self.line, f"the extra answer '{right}' (with no question) was left out: "
                                            "our matching questions have no extra answers")
                continue
            question.pairs.append((left, right))
        return True
