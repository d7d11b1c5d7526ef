"""Fill in the blank: a typed answer, compared ignoring case, extra spaces and end punctuation."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import yaml

from ..problems import Msg
from ..text import LANGUAGES
from .base import Check, ParseContext, Question
from .kind import LANGUAGE_NAMES, QuestionType, Type, Use, ref

BLANK = "___"


def normalize(answer: str) -> str:
    text = unicodedata.normalize("NFC", answer).casefold().replace("ё", "е")
    text = " ".join(text.split())
    return text.strip(" .,!?;:«»\"'")


@dataclass(frozen=True, kw_only=True)
class FillBlank(Question):
    """Accepted answers per language; an answer in any language's list is right."""

    answers: tuple[tuple[str, tuple[str, ...]], ...]  # (language, accepted answers)

    kind = "fill"

    def accepted(self, lang: str) -> tuple[str, ...]:
        by_lang = dict(self.answers)
        for code in (lang, *LANGUAGES):
            if by_lang.get(code):
                return by_lang[code]
        return ()

    def check(self, answer: object) -> Check:
        if not isinstance(answer, str) or not answer.strip():
            return Check(False, 0, 1)
        ok = normalize(answer) in {normalize(a) for _, accepted in self.answers for a in accepted}
        return Check(ok, int(ok), 1)

    def correct_answer(self) -> str:
        return self.accepted("kk")[0]


def parse_fill(ctx: ParseContext, keys: dict, node: yaml.Node, common: dict) -> FillBlank | None:
    r = ctx.reader
    if "answers" not in keys:
        r.error(node, Msg("a fill-in question is missing 'answers'"),
                Msg("add {example} with every spelling you accept", example="answers: {kk: [..], ru: [..], en: [..]}"))
        return None
    by_lang = r.mapping(keys["answers"], "answers", optional=LANGUAGES)
    if by_lang is None:
        return None
    answers = []
    for lang, list_node in by_lang.items():
        if isinstance(list_node, yaml.ScalarNode):
            value = r.string(list_node, Msg("the {lang} answer", lang=lang))
            values = [value] if value is not None else []
        else:
            values = [v for v in (r.string(n, Msg("an {lang} answer", lang=lang))
                                  for n in (r.sequence(list_node, "answers") or []))
                      if v is not None]
        if values:
            answers.append((lang, tuple(values)))
    missing = [lang for lang in LANGUAGES if lang not in by_lang]
    if missing and answers:
        r.warn(keys["answers"], Msg("the answers have no {languages} list", languages=", ".join(missing)),
               Msg("players of that language may type the answer in their language"))
    prompt = common["prompt"]
    if prompt is not None and not any(BLANK in prompt.get(lang) for lang in LANGUAGES):
        r.warn(node, Msg("the question has no blank '{blank}'", blank=BLANK),
               Msg("mark where the answer goes with {blank}", blank=BLANK))
    if not answers:
        r.error(keys["answers"], Msg("no accepted answer is given"),
                Msg("list the right answer: {example}", example="answers: {kk: [...], ...}"))
        return None
    return FillBlank(answers=tuple(answers), **common)


def _typo(question: FillBlank, lang: str) -> str:
    """The accepted answer with its last letter left out (or one too many): a near miss."""
    answer = question.accepted(lang)[0]
    accepted = {normalize(a) for _, spellings in question.answers for a in spellings}
    return answer[:-1] if len(answer) > 1 and normalize(answer[:-1]) not in accepted else answer + "ы"


def _typed(text: str):
    yield Use("answer", key="")  # into the field: Tab to it, or click it
    yield Type(text)
    yield Use("check")


TYPE = QuestionType(
    "fill", parse_fill,
    {"answers": {
        "type": "object",
        "description": "Every spelling you accept, per language: {kk: [..], ru: [..], en: [..]}. Case, extra "
                       "spaces and end punctuation are ignored; an answer in any language counts.",
        "properties": {lang: {"type": ["array", "string", "integer"], "minimum": 1,
                              "items": ref("plainText"), "minItems": 1,
                              "description": f"The answers accepted in {LANGUAGE_NAMES.get(lang, lang)}."}
                       for lang in LANGUAGES},
        "additionalProperties": False,
        "minProperties": 1,
    }},
    snippet={"answers": {"kk": [""], "ru": [""], "en": [""]}},
    right=lambda question, view, mode: _typed(question.accepted(view.app.lang)[0]),
    wrong=lambda question, view, mode: _typed(_typo(question, view.app.lang)),
    wrong_answer=lambda question: _typo(question, "kk"), required=("answers",))
