"""The team quiz's drawings that are not its screen: the teams' cards (name, keys, turn or verdict) and the
scoreboard's bars. Not a screen itself: team_quiz imports it."""
from __future__ import annotations

import pygame

from ...core.sessions.team_quiz import TeamPhase
from .. import palette, text
from ..text import fit_line
from ..widgets import panel
from .base import MARGIN

GAP = 12
TEAMS_TOP, TEAM_H = 438, 160  # asking: the name, the keys, the turn; with the answer: the name and the verdict
ANSWERED_TEAMS_TOP, ANSWERED_TEAM_H = 478, 112
BARS_TOP, BAR_H = 220, 64
KEY_LABELS = ("1 2 3 4", "7 8 9 0", "A S D F", "J K L ;")  # the team keys of team_quiz, as shown


def draw_team_cards(scene, surface) -> None:
    """Along the bottom, a card a team: its colour, name, keys and turn; with the answer, its verdict."""
    session, tr = scene.session, scene.app.text
    count, asking = len(session.teams), session.phase is TeamPhase.ASKING
    width = (1280 - 2 * MARGIN - (count - 1) * GAP) // count
    top = TEAMS_TOP if asking else ANSWERED_TEAMS_TOP
    for i, team in enumerate(session.teams):
        card = pygame.Rect(MARGIN + i * (width + GAP), top, width, TEAM_H if asking else ANSWERED_TEAM_H)
        on_turn = asking and session.turn == i
        panel(surface, card, border=palette.INK)
        pygame.draw.rect(surface, palette.TEAM_RGB[team.colour], (card.x + 3, card.y + 3, card.width - 6, 14),
                         border_top_left_radius=16, border_top_right_radius=16)
        if on_turn:
            pygame.draw.rect(surface, palette.SUN_GOLD, card.inflate(10, 10), width=6, border_radius=22)
        inner = pygame.Rect(card.x + 14, card.y + 20, card.width - 28, card.height - 26)
        lines = [(scene.team_name(i), 28, 46, True, palette.INK),
                 (scene.tr("team.keys", keys=KEY_LABELS[i]), text.SMALL + 2, 42, False, palette.INK),
                 (scene.status(i), text.SMALL + 2, 42, True, palette.PINE_GREEN if on_turn else palette.INK)]
        if not asking:
            del lines[1]
        y = inner.y
        for words, size, room, bold, colour in lines:
            fitted = tr.fitting_size(words, size, inner.width, room, bold=bold)
            shown = fit_line(tr, words, fitted, inner.width, bold=bold)
            tr.draw(surface, shown, (inner.x, y), fitted, colour, inner.width, bold=bold)
            y += room


def draw_score_bars(scene, surface) -> None:
    """A bar a team in its colour, grown as far as the scene says (at once with less movement)."""
    session, tr = scene.session, scene.app.text
    best = max(1, max(score.points for score in session.scores))
    label_w, value_w = 360, 120
    track_w = 1280 - 2 * MARGIN - label_w - value_w - 32
    for i, (team, score) in enumerate(zip(session.teams, session.scores)):
        row = pygame.Rect(MARGIN, BARS_TOP + i * (BAR_H + 10), 1280 - 2 * MARGIN, BAR_H)
        panel(surface, row)
        name = scene.team_name(i)
        size = tr.fitting_size(name, 30, label_w - 24, BAR_H - 12, bold=True)
        shown = fit_line(tr, name, size, label_w - 24, bold=True)
        height = tr.measure(shown, size, label_w, bold=True)[1]
        tr.draw(surface, shown, (row.x + 20, row.centery - height // 2), size, palette.INK, label_w - 24,
                bold=True)
        track = pygame.Rect(row.x + label_w, row.y + 12, track_w, BAR_H - 24)
        pygame.draw.rect(surface, palette.PAPER, track, border_radius=8)
        pygame.draw.rect(surface, palette.GRANITE, track, width=2, border_radius=8)
        filled = round(track.width * score.points / best * scene.grown)
        if filled:
            pygame.draw.rect(surface, palette.TEAM_RGB[team.colour], (track.x, track.y, filled, track.height),
                             border_radius=8)
            pygame.draw.rect(surface, palette.INK, (track.x, track.y, filled, track.height), width=2,
                             border_radius=8)
        points = str(score.points)
        tr.draw(surface, points, (track.right + 16, row.centery - height // 2), size, palette.INK, value_w,
                bold=True)
