"""What the question views share: the area they own, item painting, and the Check button."""
from __future__ import annotations

from typing import Any, Protocol

import pygame

from ...core.questions import Item, Question
from .. import palette, text

AREA = pygame.Rect(48, 300, 1184, 340)


class QuestionHost(Protocol):
    """The screen a question is asked on (a quiz, or a question inside a story)."""

    app: Any
    level: Any
    focus: Any
    accepting_answers: bool

    def tr(self, key: str, **values: object) -> str: ...
    def submit(self, value: object) -> None: ...
    def button(self, *args: Any, **kwargs: Any) -> Any: ...


class QuestionView:
    """Builds widgets into its host screen's focus ring; calls host.submit(answer) when answered."""

    kind = ""              # the question type it shows: its core class's `kind`
    instructions_key = ""  # a catalog key read out after the question, e.g. "select all that apply"
    autofocus = True       # focus the first part when the question appears

    def __init__(self, scene: QuestionHost, question: Question, order: list[int]) -> None:
        self.scene = scene
        self.app = scene.app
        self.tr = scene.tr
        self.question = question
        self.order = order

    # -- to override --------------------------------------------------------------------------
    def build(self) -> None:
        raise NotImplementedError

    def draw(self, surface: pygame.Surface) -> None:
        """Drawn under the widgets' labels."""

    def handle_key(self, event: pygame.event.Event) -> bool:
        """Keys the view uses itself, before the focus ring moves."""
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> bool:
        return False

    def state_key(self) -> tuple:
        """What the view draws that changes without a rebuild (for the screen's kept backdrop)."""
        return ()

    def answer_text(self) -> str:
        """The right answer in words, for the feedback and the speech."""
        return ""

    def feedback_box(self, box: pygame.Rect) -> pygame.Rect:
        """Where the feedback panel goes; a view that stays visible under its feedback narrows it."""
        return box

    def draw_answered(self, surface: pygame.Surface, answer: object) -> None:
        """Drawn under the feedback panel, after the answer (the map marks where the child pointed)."""

    # -- helpers ------------------------------------------------------------------------------
    def label(self, item: Item) -> str:
        return item.label(self.app.lang)

    def image_path(self, item_image: str | None):
        if not item_image:
            return None
        return self.scene.level.path.parent / item_image

    def shared_size(self, labels: list[tuple[str, int, int]], size: float) -> float:
        """One text size for a group of options, (label, width, height of its room): the size the one
        that needs the most room fits at, so that no option looks different from the others."""
        tr = self.app.text
        return min((tr.fitting_size(label, size, width, height, bold=True) for label, width, height in labels),
                   default=size)

    @staticmethod
    def item_room(rect: pygame.Rect, item: Item | None, painted: bool) -> tuple[int, int]:
        """The room for an option's text: a plain button's label box, or where paint_item puts it."""
        if not painted:
            return rect.width - 24, rect.height - 8
        picture = rect.height - 16 + 12 if item is not None and item.image else 0
        return rect.width - 32 - picture, rect.height - 12

    def paint_item(self, surface: pygame.Surface, rect: pygame.Rect, item: Item, show_text: bool = True,
                   color=None, size: int = text.BODY, prefix: str = "") -> None:
        """An item inside a button: its picture on the left (or alone), its text beside it."""
        x = rect.x + 16
        if item.image:
            side = min(rect.height - 16, 160 if not show_text or not item.text else rect.height - 16)
            image = self.app.images.get(self.image_path(item.image), (side, side))
            if image is not None:
                if not show_text or item.text is None:
                    surface.blit(image, image.get_rect(center=rect.center))
                    return
                surface.blit(image, (x, rect.centery - side // 2))
                x += side + 12
        color = color or palette.INK
        label = prefix + self.label(item)
        width = rect.right - 16 - x
        size = self.app.text.fitting_size(label, size, width, rect.height - 12, bold=True)
        _, height = self.app.text.measure(label, size, width, bold=True)
        self.app.text.draw(surface, label, (x, rect.centery - height // 2), size, color, width, bold=True,
                           align="center" if not item.image else "left")

    def check_button(self, on_press, enabled: bool = True) -> None:
        self.scene.button("check", (AREA.right - 300, AREA.bottom + 4, 300, 64), self.tr("quiz.check"), on_press,
                          style="@primary", enabled=enabled)


def draw_badge(surface: pygame.Surface, app, center: tuple[int, int], label: str, color=None,
               radius: int = 20) -> None:
    """A round numbered badge: pairs and positions are told by numbers, not by colour alone."""
    tr = app.text
    pygame.draw.circle(surface, color or palette.NIGHT_BLUE, center, radius)
    pygame.draw.circle(surface, palette.PAPER, center, radius, width=3)
    size = tr.fitting_size(label, text.SMALL, 2 * radius, 2 * radius, bold=True)
    height = tr.measure(label, size, 2 * radius, bold=True)[1]
    tr.draw(surface, label, (center[0] - radius, center[1] - height // 2), size, palette.PAPER, 2 * radius,
            bold=True, align="center")
