"""The level map: every pack with its levels and the child's best stars; broken levels say why.

Each card shows the level's age band and minutes when the level gives them. A level with
`unlock: {after: X}` is locked until the child has finished X (core/unlock.py): its card shows a padlock
and "opens after «X»", and pressing it only says so.

The levels come from the catalogue index (core/level_index.py); only the cards in view (and a row either
side, for the arrow keys) have a button, from a fixed pool that scrolling moves along. Tab goes through
every level in reading order all the same, Home/End and Page Up/Down jump, and filters above the cards
(pack, age band, kind, not finished yet) keep a library's thousand levels findable.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import pygame

from ...core.club.today import todays_levels
from ...core.level_index import LevelEntry
from ...core.map_filter import FILTERS, MapFilter
from ...core.metadata import age_ranges
from ...core.plural import plural
from ...core.unlock import finished_level_ids
from ...paths import ASSETS
from .. import palette, text
from ..focus import DIRECTIONS
from ..icons import draw_child, draw_clock
from ..images import avatar_path
from .base import MARGIN, Scene
from .map_cards import CardSlot, paint_broken, paint_level

CARD_W, CARD_H, GAP = 368, 184, 24
COLUMNS = 3
VIEW_TOP, VIEW_BOTTOM = 130, 720 - MARGIN - 64 - 20  # the cards scroll between the filters and the buttons
CONTENT_W = 3 * CARD_W + 2 * GAP
SECTION = 52  # a pack's title above its cards
REACH = GAP + SECTION + 12  # beyond the view, the cards an arrow key may go to next have a button
FILTER_TOP, FILTER_H = 80, 44
FILTER_WIDTHS = {"pack": 330, "age": 220, "kind": 220, "new": 350}
JUMPS = (pygame.K_HOME, pygame.K_END, pygame.K_PAGEUP, pygame.K_PAGEDOWN)


class LevelMapScene(Scene):
    name = "map"
    scroll = 0  # how far the cards are scrolled up, in pixels
    index = None  # the catalogue index, checked against the files when the map opens
    _keep: str | None = None  # a card to keep focused through a rebuild

    def heading(self) -> str:
        return self.tr("map.heading", name=self.app.profile.nickname)

    def card_layout(self) -> tuple[int, int, int]:
        """Columns, card width and height for the reader's text size: larger text, fewer and taller cards."""
        scale = self.app.text.scale
        columns = COLUMNS if scale <= 1 else 2
        width = (CONTENT_W - (columns - 1) * GAP) // columns
        return columns, width, round(CARD_H * (1 + 0.6 * (scale - 1)))

    # -- building ---------------------------------------------------------------------------
    def build(self) -> None:
        if self.index is None:
            self.index = self.app.level_index()
        self.stars = self.app.store.best_stars(self.app.profile.id)
        kept = self.app.map_filter  # (whose, the filters): another child starts with none
        self.filter = kept[1] if kept and kept[0] == self.app.profile.id else MapFilter()
        self.pack_ids = [pack.pack_id for pack in self.index.packs if pack.levels]
        self._lay_out()
        self.chips = [self._chip(name) for name in FILTERS]
        columns, card_w, card_h = self.card_layout()
        band = VIEW_BOTTOM - VIEW_TOP + 2 * REACH
        count = ((band + card_h) // (card_h + GAP) + 1) * columns + 1  # and one for a focused card scrolled away
        self.slots = [CardSlot(self, n, pygame.Rect(64, VIEW_TOP, card_w, card_h)) for n in range(count)]
        self.after = [
            self.button("back", (MARGIN, 720 - MARGIN - 64, 320, 64), self.tr("map.back"), self.back,
                        size=text.SMALL + 2),
            self.button("settings", (MARGIN + 340, 720 - MARGIN - 64, 280, 64), self.tr("title.settings"),
                        self._settings, size=text.SMALL + 2),
            self.button("album", (MARGIN + 640, 720 - MARGIN - 64, 280, 64), self.tr("map.album"),
                        lambda: self.app.open("album"), size=text.SMALL + 2)]
        self.scroll = min(self.scroll, self._most_scroll())
        keep, self._keep = self.ids.get(self._keep), None
        self._place(keep)

    def _lay_out(self) -> None:
        """Where every card of the chosen levels stands, counted from the top of the list: numbers only."""
        columns, card_w, card_h = self.card_layout()
        self.entries: list[tuple[LevelEntry, str | None, int | None]] = []  # level, what locks it, today's number
        self.tops: list[int] = []
        self.lefts: list[int] = []
        self.titles: list[tuple[str, int]] = []
        y = 0  # the list starts 10 pixels under the top of the view
        for title, levels in self._sections():
            self.titles.append((title, y))
            y += SECTION
            for i, item in enumerate(levels):
                if i and i % columns == 0:
                    y += card_h + GAP
                self.entries.append(item)
                self.tops.append(y)
                self.lefts.append(64 + i % columns * (card_w + GAP))
            y += card_h + GAP + 8
        self.content_height = y + 10
        self.ids = {self._card_id(entry): i for i, (entry, _, _) in enumerate(self.entries)}

    def _sections(self) -> list[tuple[str, list[tuple[LevelEntry, str | None, int | None]]]]:
        """(title, levels) a section, with only the levels the filters let through: today's levels of the
        child's session first, in the leader's order (each shown there only), then every pack."""
        today = todays_levels(self.app.store, self.app.profile.id)
        numbers = {key: n for n, key in enumerate(today, 1)}
        found, packs = {}, []
        for pack in self.index.packs:
            blockers = self._blockers(pack.levels)
            chosen = [(lv, blockers.get(lv.level_id), numbers.get(lv.key)) for lv in pack.levels
                      if self.filter.matches(lv, self.stars.get(lv.key, 0))]
            found.update((item[0].key, item) for item in chosen)
            title = pack.title.get(self.app.lang) if pack.title else pack.folder.name
            packs.append((title, [item for item in chosen if item[0].key not in numbers]))
        first = [found[key] for key in today if key in found]
        return [(title, items) for title, items in [(self.tr("map.today_heading"), first), *packs] if items]

    def _blockers(self, levels: tuple[LevelEntry, ...]) -> dict[str, str]:
        """{locked level id: the title of the level to finish first} for one pack."""
        if not levels:
            return {}
        finished = finished_level_ids(self.stars, levels[0].pack_id)
        titles = {lv.level_id: lv.title.get(self.app.lang) if lv.title else lv.level_id for lv in levels}
        return {lv.level_id: titles.get(lv.unlock.after, lv.unlock.after) for lv in levels
                if lv.ok and lv.unlock is not None and lv.unlock.after not in finished}

    def _chip(self, name: str):
        value = getattr(self.filter, name)
        if name == "pack":
            pack = next((p for p in self.index.packs if p.pack_id == value), None)
            shown = (pack.title.get(self.app.lang) if pack.title else value) if pack else self.tr("map.filter_all")
        elif name == "new":
            shown = self.tr("map.filter_unfinished" if value else "map.filter_every")
        elif name == "kind":
            shown = self.tr(f"map.{value}") if value else self.tr("map.filter_all")
        else:
            shown = value.replace("-", "\u2013") if value else self.tr("map.filter_all")
        label = self.tr(f"map.filter_{name}", value=shown)
        said = ". ".join([label, self.tr("map.filter_spoken", n=len(self.entries))]) + "."
        x = 64 + sum(FILTER_WIDTHS[other] + 16 for other in FILTERS[:FILTERS.index(name)])
        return self.button(f"filter_{name}", (x, FILTER_TOP, FILTER_WIDTHS[name], FILTER_H), label,
                           lambda: self._step_filter(name), spoken=said, size=text.SMALL)

    def _step_filter(self, name: str) -> None:
        self.app.map_filter = (self.app.profile.id, self.filter.stepped(name, self.pack_ids))
        self.scroll = 0
        self.refresh(f"filter_{name}")

    # -- the cards in view ------------------------------------------------------------------
    def _card_id(self, entry: LevelEntry) -> str:
        return f"level_{entry.pack_id}_{entry.level_id}"

    def _entry_at(self, item) -> int | None:
        slot = next((s for s in self.slots if s.focusable is item), None) if item is not None else None
        return slot.entry if slot is not None else None

    def _place(self, keep: int | None = None) -> None:
        """Gives the pool's buttons to the cards in view (a card keeps its button while it stays) and
        puts the focus ring in reading order: filters, the cards, the buttons."""
        focused = self.focus.focused
        if keep is None:
            keep = self._entry_at(focused)
        card_h = self.card_layout()[2]
        shift = VIEW_TOP + 10 - self.scroll
        low = bisect_left(self.tops, VIEW_TOP - REACH - shift - card_h + 1)
        high = bisect_right(self.tops, VIEW_BOTTOM + REACH - shift - 1)
        wanted = set(range(low, min(high, low + len(self.slots) - 1)))
        if keep is not None:
            wanted.add(keep)
        free = []
        for slot in self.slots:
            if slot.entry in wanted:
                wanted.discard(slot.entry)
            else:
                free.append(slot)
        for slot, entry in zip(free, sorted(wanted)):
            self._bind(slot, entry)
        for slot in free[len(wanted):]:
            slot.unbind()
        bound = sorted((s for s in self.slots if s.entry is not None), key=lambda s: s.entry)
        for slot in bound:
            top = self.tops[slot.entry] + shift
            slot.move_to((self.lefts[slot.entry], top), VIEW_TOP <= top and top + card_h <= VIEW_BOTTOM)
            slot.focusable.rect = slot.ui.rect
        self.focus.items = [w.focusable for w in self.chips + bound + self.after]
        self.focus.index = next((i for i, item in enumerate(self.focus.items) if item is focused), None)

    def _bind(self, slot: CardSlot, entry: int) -> None:
        level, blocker, today = self.entries[entry]
        if not level.ok:
            error = level.problems[0].text(self.app.lang) if level.problems else ""  # in the player's language
            said = self.tr("map.spoken_broken", title=level.level_id, error=error)
            slot.bind(entry, self._card_id(level), level.level_id, said, lambda: None,
                      lambda s, r: paint_broken(self, s, r, level, error))
            return
        stars = self.stars.get(level.key, 0)
        title = level.title.get(self.app.lang)
        shown, said = self._details(level)
        parts = [self.tr("map.spoken_level", kind=self.tr(f"map.{level.kind}"), title=title,
                         stars=self.tr("map.stars", n=stars)), *said]
        if today is not None:
            parts.insert(0, self.tr("map.today", n=today))
        if blocker is not None:
            parts.append(self.tr("map.spoken_locked", title=blocker))
        spoken = ". ".join(part.rstrip(".") for part in parts) + "."
        press = (lambda: self._refuse(blocker)) if blocker is not None else (lambda: self._play(level))
        slot.bind(entry, self._card_id(level), title, spoken, press,
                  lambda s, r: paint_level(self, s, r, level, stars, blocker, shown, today))

    def _details(self, level: LevelEntry) -> tuple[list[tuple[object, str]], list[str]]:
        """The age band and minutes of a level: as the card shows them (an icon and a label), and as
        they are spoken."""
        shown, spoken = [], []
        ranges = age_ranges(level.ages)
        if ranges:
            ages = ", ".join(f"{low}\u2013{high}" for low, high in ranges)
            shown.append((draw_child, self.tr("map.ages", ages=ages)))
            spoken.append(", ".join(self.tr("map.ages_spoken", low=low, high=high) for low, high in ranges))
        if level.minutes:
            shown.append((draw_clock, self.tr("map.minutes", n=level.minutes)))
            unit = plural(self.app.lang, level.minutes, self.tr("map.minute_forms"))
            spoken.append(self.tr("map.minutes_spoken", n=level.minutes, unit=unit))
        return shown, spoken

    # -- focus and scrolling ----------------------------------------------------------------
    def first_focus(self) -> str | None:
        """Coming back from a level: that level's card, scrolled into view; else the first card."""
        if not self.entries:
            return None
        entry = self.ids.get("level_{}_{}".format(*self.app.last_level)) if self.app.last_level else None
        self._reveal(entry or 0)
        return self._card_id(self.entries[entry or 0][0])

    def rebuild(self, announce: bool = False) -> None:
        self._keep = self.focus.focused.id if self.focus.focused else None
        super().rebuild(announce)

    def handle_key(self, event) -> bool:
        focused = self.focus.focused
        at = self._entry_at(focused)
        if event.key == pygame.K_TAB and focused is not None:
            self.focus.visible = True
            self._tab(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if at is not None and event.key in JUMPS:
            columns, _, card_h = self.card_layout()
            page = columns * max(1, (VIEW_BOTTOM - VIEW_TOP) // (card_h + GAP))
            target = {pygame.K_HOME: 0, pygame.K_END: len(self.entries) - 1, pygame.K_PAGEUP: max(0, at - page),
                      pygame.K_PAGEDOWN: min(len(self.entries) - 1, at + page)}[event.key]
            self.focus.visible = True
            self._focus_entry(target)
            return True
        if at is not None and event.key in DIRECTIONS:
            self._reveal(at)  # a card the wheel scrolled away: back in view first, then its neighbours
        used = super().handle_key(event)
        if event.key != pygame.K_ESCAPE:  # Esc leaves the map (and forgets the player): nothing to scroll
            self._scroll_to_focus()
        return used

    def _tab(self, step: int) -> None:
        """Tab in reading order: the filters, every chosen level (with a button or not), the buttons."""
        fixed = [w.focusable for w in self.chips + self.after]
        before, count = len(self.chips), len(self.entries)
        at = self._entry_at(self.focus.focused)
        if at is not None:
            position = before + at
        else:
            k = next(i for i, item in enumerate(fixed) if item is self.focus.focused)
            position = k if k < before else k + count
        position = (position + step) % (len(fixed) + count)
        if before <= position < before + count:
            self._focus_entry(position - before)
        else:
            self.focus.focus(fixed[position if position < before else position - count].id)

    def _focus_entry(self, entry: int, speak: bool = True) -> None:
        self._reveal(entry)
        self.focus.focus(self._card_id(self.entries[entry][0]), speak=speak)

    def _reveal(self, entry: int) -> None:
        """Scrolls the card into view (with its pack's title above a first row) and gives it a button."""
        top = self.tops[entry] + VIEW_TOP + 10 - self.scroll
        bottom = top + self.card_layout()[2]
        if top < VIEW_TOP:
            self.scroll = max(0, self.scroll + top - VIEW_TOP - 62)
        elif bottom > VIEW_BOTTOM:
            self.scroll = min(self._most_scroll(), self.scroll + bottom - VIEW_BOTTOM)
        self._place(entry)

    def _scroll_to_focus(self) -> None:
        at = self._entry_at(self.focus.focused)
        if at is not None:
            self._reveal(at)

    def handle_event(self, event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            self._scroll_by(-event.y * (self.card_layout()[2] + GAP))
            return True
        return False

    def _most_scroll(self) -> int:
        return max(0, self.content_height - (VIEW_BOTTOM - VIEW_TOP))

    def _scroll_by(self, pixels: int) -> None:
        scroll = min(self._most_scroll(), max(0, self.scroll + pixels))
        if scroll != self.scroll:
            self.scroll = scroll
            self._place()

    # -- actions ----------------------------------------------------------------------------
    def _settings(self) -> None:
        self.app.open("settings")

    def _refuse(self, blocker: str) -> None:
        """A locked level was pressed: say (and show) which level opens it."""
        self.app.notice(self.tr("map.locked_notice", title=blocker), 4)

    def _play(self, entry: LevelEntry) -> None:
        """The level is read in full now; a file broken since the map was built shows as broken at once."""
        result = self.index.full(entry)
        if result.ok:
            self.app.play(result.level)
            return
        self.index = self.app.level_index()
        self.rebuild()
        self.focus.speak_focused()

    def back(self) -> None:
        self.app.profile = None
        self.app.last_level = None
        self.app.load_settings(rebuild=False)
        self.app.show("profiles")

    # -- drawing ----------------------------------------------------------------------------
    def backdrop_key(self) -> tuple:
        return (self.scroll,)

    def draw(self, surface) -> None:
        self.draw_background(surface, ASSETS / "backgrounds" / "map.svg", palette.PAPER)
        tr = self.app.text
        image = self.app.images.get(avatar_path(self.app.profile.avatar), (56, 56))
        if image is not None:
            surface.blit(image, (64, 16))
        heading = self.heading()
        tr.draw(surface, heading, (136, 20), tr.fitting_size(heading, 36, 1090, 52, bold=True), palette.INK,
                width=1090, bold=True)
        shift = VIEW_TOP + 10 - self.scroll
        for title, y in self.titles:
            if VIEW_TOP - 10 <= y + shift and y + shift + 46 <= VIEW_BOTTOM:
                tr.draw(surface, title, (64, y + shift), tr.fitting_size(title, 32, 1100, 46, bold=True),
                        palette.NIGHT_BLUE, 1100, bold=True)
        self._draw_scrollbar(surface)
        if not self.entries:
            message = self.tr("map.nothing_found" if self.filter.active else "map.no_levels")
            tr.draw(surface, message, (64, 200), text.BODY, palette.INK, 1000)

    def _draw_scrollbar(self, surface) -> None:
        """Where the view is in the list of levels, when they do not all fit (also a sign that there is more)."""
        view = VIEW_BOTTOM - VIEW_TOP
        if self.content_height <= view:
            return
        track = pygame.Rect(1280 - 40, VIEW_TOP, 14, view)
        pygame.draw.rect(surface, palette.PAPER, track, border_radius=7)
        pygame.draw.rect(surface, palette.INK, track, width=2, border_radius=7)
        length = max(40, view * view // self.content_height)
        top = VIEW_TOP + (view - length) * self.scroll // max(1, self.content_height - view)
        pygame.draw.rect(surface, palette.INK, (track.x, top, track.width, length), border_radius=7)
