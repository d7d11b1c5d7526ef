"""The question's prompt panel and the feedback panel, shared by quizzes and stories."""
from __future__ import annotations

import pygame

from ...core.questions import Question
from .. import palette, text
from ..text import Overflow, fit_line
from ..widgets import panel


def draw_prompt(scene, surface: pygame.Surface, question: Question, rect: pygame.Rect, note: str = "",
                hint: str = "") -> None:
    """The question, its picture on the right, a note above it (e.g. "let's try again"), a hint below."""
    tr = scene.app.text
    panel(surface, rect)
    inner = rect.inflate(-48, -28)
    if question.image:
        side = inner.height
        image = scene.app.images.get(scene.level.path.parent / question.image, (side, side))
        if image is not None:
            surface.blit(image, (inner.right - side, inner.y))
        inner.width -= side + 16
    if note:
        tr.draw(surface, note, (inner.x, inner.y - 4), text.SMALL, palette.FELT_RED, inner.width, bold=True)
        inner.y += 30
    prompt = question.prompt.get(scene.app.lang)
    room = inner.height - (tr.line_height(text.SMALL, True) + 6 if hint else 0)
    second = scene.app.settings.second_language
    below = question.prompt.get(second) if second and second != scene.app.lang else ""
    below_h = tr.measure(below, text.SMALL, inner.width, lang=second)[1] if below else 0
    if below and tr.measure(prompt, tr.smallest(30), inner.width, bold=True)[1] > room - below_h:
        below = ""  # the second language gives way when the question itself would not fit with it
    size = tr.fitting_size(prompt, 30, inner.width, room - (below_h if below else 0), bold=True)
    bottom = tr.draw(surface, prompt, inner.topleft, size, palette.INK, inner.width, bold=True).bottom
    if below:
        bottom = tr.draw(surface, below, (inner.x, bottom), text.SMALL, palette.MUTED_INK, inner.width,
                         lang=second).bottom
    if hint:
        tr.draw(surface, hint, (inner.x, bottom + 6), text.SMALL, palette.PINE_GREEN, inner.width, bold=True)


def feedback_words(scene, question: Question, correct: bool, right_parts: int, total_parts: int,
                   answer_text: str) -> list[str]:
    """What the feedback says, in order: the verdict, how much was right, the right answer, why."""
    tr = scene.tr
    words = [tr("quiz.right" if correct else "quiz.not_yet")]
    if not correct:
        if total_parts > 1 and right_parts:
            words.append(tr("quiz.parts_right", right=right_parts, total=total_parts))
        words.append(tr("quiz.right_answer", answer=answer_text))
    words.append(question.explanation.get(scene.app.lang) if question.explanation else "")
    return words


def draw_feedback(scene, surface: pygame.Surface, box: pygame.Rect, question: Question, correct: bool,
                  right_parts: int, total_parts: int, answer_text: str) -> None:
    """Right or not yet, shown by an icon and a word (never colour alone), then what to learn."""
    tr = scene.app.text
    words = feedback_words(scene, question, correct, right_parts, total_parts, answer_text)
    source = _source(scene, question)
    size, head = float(text.SMALL + 2), 38.0
    panel(surface, box)
    icon = (box.x + 60, box.y + 60)
    if correct:
        pygame.draw.circle(surface, palette.PINE_GREEN, icon, 38)
        pygame.draw.lines(surface, palette.PAPER, False,
                          [(icon[0] - 19, icon[1]), (icon[0] - 5, icon[1] + 15), (icon[0] + 21, icon[1] - 15)], 9)
    else:
        pygame.draw.circle(surface, palette.OCHRE, icon, 38)
        pygame.draw.circle(surface, palette.INK, icon, 38, width=3)
        tr.draw(surface, "?", (icon[0] - 40, icon[1] - 30), 44 / tr.scale, palette.INK, 80, bold=True, align="center")
    x = box.x + 120
    width = box.right - x - 28
    # long explanations shrink, to three quarters of the normal size at most; with large text on, never
    # below the normal size. The heading gives way only after them. What still does not fit is recorded
    # for the tests' fit check
    floor = text.SMALL * 0.75 if tr.scale <= 1 else (text.SMALL + 2) / tr.scale
    head_floor = 38 * 0.75 if tr.scale <= 1 else 38 / tr.scale
    if source and _height(tr, words, source, width, floor, head_floor) > box.height - 30:
        source = fit_line(tr, source, _source_size(tr, floor), width)  # a narrow panel: on one line, never smaller
    while _height(tr, words, source, width, size, head) > box.height - 30 and size > floor:
        size = max(floor, size * 0.9)
    while _height(tr, words, source, width, size, head) > box.height - 30 and head > head_floor:
        head = max(head_floor, head * 0.9)
    if _height(tr, words, source, width, size, head) > box.height - 30:
        tr.overflows.append(Overflow(" ".join(words), size, width, box.height - 30))
    y = tr.draw(surface, words[0], (x, box.y + 22), head, palette.INK, width, bold=True).bottom + 2
    for middle in words[1:-1]:
        y = tr.draw(surface, middle, (x, y), size, palette.INK, width, bold=True).bottom + 2
    y = tr.draw(surface, words[-1], (x, y + 2), size, palette.INK, width).bottom
    tr.draw(surface, source, (x, y + 6), _source_size(tr, size), palette.MUTED_INK, width)


def feedback_room(scene, view, feedback, box: pygame.Rect, top: int | None = None) -> tuple[pygame.Rect, bool]:
    """Where the feedback panel goes, and whether what the view keeps in sight stays: `box` (as the view
    narrows it); with large text, when the words do not fit there at the reader's size, up to `top`
    (over the question, already read) beside the view, and then over it: reading what to learn comes first."""
    narrowed = view.feedback_box(box)
    rooms = [narrowed] if top is None else [narrowed, pygame.Rect(narrowed.x, top, narrowed.width, narrowed.bottom - top)]
    words = feedback_words(scene, feedback.question, feedback.correct, feedback.right_parts, feedback.total_parts,
                           view.answer_text())
    source, tr = _source(scene, feedback.question), scene.app.text
    for room in rooms:
        if _height(tr, words, source, room.width - 148, text.SMALL + 2, 38) <= room.height - 30:
            return room, True
    if top is None or narrowed == box:
        return rooms[-1], True
    return pygame.Rect(box.x, top, box.width, box.bottom - top), False


def draw_answered(scene, surface: pygame.Surface, view, feedback, box: pygame.Rect, top: int | None = None) -> None:
    """The same feedback for a question wherever it is asked: what the view keeps in sight, then the panel
    (see feedback_room)."""
    room, view_stays = feedback_room(scene, view, feedback, box, top)
    if view_stays:
        view.draw_answered(surface, feedback.answer)
    draw_feedback(scene, surface, room, feedback.question, feedback.correct,
                  feedback.right_parts, feedback.total_parts, view.answer_text())


def answered_words(scene, view, feedback) -> str:
    """The feedback, spoken; an answer not kept yet says so (never that it was recorded)."""
    words = feedback_words(scene, feedback.question, feedback.correct, feedback.right_parts, feedback.total_parts,
                           view.answer_text())
    waiting = "" if feedback.saved else scene.app.unsaved_words()
    return " ".join(words + [waiting] if waiting else words)


def _height(tr, words: list[str], source: str, width: int, size: float, head: float) -> int:
    height = tr.measure(words[0], head, width, bold=True)[1] + 24
    height += sum(tr.measure(w, size, width, bold=True)[1] + 2 for w in words[1:-1])
    height += tr.measure(words[-1], size, width)[1] + (tr.measure(source, _source_size(tr, size), width)[1] if source else 0) + 8
    return height


def _source(scene, question: Question) -> str:
    return scene.tr("quiz.source", source=question.source) if (
        question.source and scene.app.settings.show_sources) else ""


def _source_size(tr, size: float) -> float:
    """Where a fact comes from: never larger than the explanation, never below the smallest text (22 px)."""
    return max(min(size, text.SMALL), text.SMALL / tr.scale)
