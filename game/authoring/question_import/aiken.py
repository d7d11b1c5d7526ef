"""Moodle's Aiken format -> imported questions.

    Қарқаралы округі қай жылы құрылды?
    А) 1824
    Б) 1924
    ЖАУАБЫ: А

A question line (or several), then options: any single letter - Latin, Russian or Kazakh - followed by
')' or '.', then the answer line `ANSWER:` (or `ЖАУАБЫ:`, `ЖАУАП:`, `ОТВЕТ:`, in any case) with the
letter of the right option. Several letters (`ANSWER: A, C`) make a multiple-choice question.
"""
from __future__ import annotations

import re

from .markup import tidy
from .model import BankResult, Choice, ImportedQuestion

_OPTION = re.compile(r"^\s*([^\W\d_])(?:\)|\.(?=\s))\s*(.*)$")
_ANSWER = re.compile(r"^\s*(answer|correct answer|жауабы|жауап|дұрыс жауап|ответ|правильный ответ)\s*[:：]\s*(.*)$",
                     re.IGNORECASE)
# A Latin and a Cyrillic letter that look the same and stand at the same place in both alphabets.
_SAME_LETTER = {"a": "а", "а": "a"}


class _Pending:
    def __init__(self, line: int, text: str) -> None:
        self.line = line
        self.text = [text]
        self.options: list[tuple[str, str, int]] = []  # (letter, text, line)


def parse_aiken(text: str) -> BankResult:
    result = BankResult()
    pending: _Pending | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.match(line)
        if answer:
            if pending is None:
                result.skip(number, f"the answer line '{line}' has no question before it")
            else:
                _finish(pending, answer.group(2), number, result)
            pending = None
        elif pending is None:
            pending = _Pending(number, line)
        elif option:
            pending.options.append((option.group(1), option.group(2), number))
        elif pending.options:
            result.skip(pending.line, "the question has no answer line (ANSWER: / ЖАУАБЫ: / ОТВЕТ: and a "
                                      "letter) after its options")
            pending = _Pending(number, line)
        else:
            pending.text.append(line)  # a question written over several lines
    if pending is not None:
        result.skip(pending.line, "the question has no answer line (ANSWER: / ЖАУАБЫ: / ОТВЕТ: and a letter) "
                                  "at the end of the file")
    return result


def _finish(pending: _Pending, answer: str, answer_line: int, result: BankResult) -> None:
    if not pending.options:
        return result.skip(pending.line, "the question has no options (lines such as 'A) ...' or 'А) ...')")
    letters = [letter.casefold() for letter, _, _ in pending.options]
    for letter in set(letters):
        if letters.count(letter) > 1:
            shown = next(l for l, _, _ in pending.options if l.casefold() == letter)
            return result.skip(pending.line, f"two options have the letter {shown}")
    chosen = [token.rstrip(").") for token in re.split(r"[\s,;]+", answer.strip()) if token]
    if not chosen or any(len(token) != 1 or not token.isalpha() for token in chosen):
        return result.skip(answer_line, f"the answer line should give the letter of the right option, "
                                        f"not '{answer.strip()}'")
    right: set[int] = set()
    for token in chosen:
        key = token.casefold()
        if key not in letters and _SAME_LETTER.get(key) in letters:
            key = _SAME_LETTER[key]
            result.note(answer_line, f"the answer letter {token} is written in another alphabet than the options; "
                                     f"it was read as the option {pending.options[letters.index(key)][0]}")
        if key not in letters:
            shown = ", ".join(letter for letter, _, _ in pending.options)
            return result.skip(answer_line, f"the answer {token} is not one of the option letters ({shown}); "
                                            "Latin and Cyrillic letters that look alike are different letters")
        right.add(letters.index(key))
    question = ImportedQuestion(
        pending.line, "multiple" if len(right) > 1 else "single", tidy(" ".join(pending.text)),
        options=[Choice(tidy(text), i in right) for i, (_, text, _) in enumerate(pending.options)])
    result.add(question)
