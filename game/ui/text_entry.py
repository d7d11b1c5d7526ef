"""pygame-gui's one-line text box, given only characters a font can show.

pygame-gui measures the text it holds and raises "Text has zero width" when that text is only
invisible characters (a zero-width space, a joiner, a BOM, a right-to-left override), so typed,
pasted and set texts pass the game's one guard (core/visible.py) before they reach it.
"""
from __future__ import annotations

import pygame
from pygame_gui.core.utility import clipboard_paste
from pygame_gui.elements import UITextEntryLine

from ..core.visible import visible


class TextEntry(UITextEntryLine):
    def set_text(self, text: str | None) -> None:
        super().set_text(None if text is None else visible(text))

    def process_event(self, event: pygame.event.Event) -> bool:
        if self.is_enabled and self.is_focused:
            if _pastes(event):
                # a paste is typed letter by letter: cleaned, and cut at the length limit
                pasted = visible(clipboard_paste() or "")
                return super().process_event(pygame.event.Event(pygame.TEXTINPUT, text=pasted)) or True
            if event.type == pygame.TEXTINPUT:
                event = pygame.event.Event(pygame.TEXTINPUT, text=visible(event.text))
        return super().process_event(event)


def _pastes(event: pygame.event.Event) -> bool:
    """Ctrl+V (Cmd+V), as pygame-gui takes it: from the key, or from a "v" typed with Ctrl held."""
    if event.type == pygame.KEYDOWN:
        mods = event.mod
        return event.key == pygame.K_v and bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META)) \
            and not mods & pygame.KMOD_ALT
    if event.type == pygame.TEXTINPUT:
        return event.text == "v" and bool(pygame.key.get_mods() & (pygame.KMOD_CTRL | pygame.KMOD_META))
    return False
