"""Reports to take away: a CSV for spreadsheets and one self-contained HTML file that prints on A4.

CSV: UTF-8 with a BOM (Excel then reads Kazakh letters right), ';' between fields (what Excel expects
under Kazakh and Russian regional settings), whole numbers and percentages only (no decimal commas or
points to misread). HTML: inline CSS and inline SVG bar charts, nothing fetched; each part starts on a
new page when printed."""
from __future__ import annotations

import csv
import io
from datetime import datetime
from html import escape
from pathlib import Path

from .report import ChildReport, Report

BOM = "\ufeff"


def percent(rate: float | None) -> str:
    return "" if rate is None else str(round(rate * 100))


def minutes(time_ms: int) -> int:
    return round(time_ms / 60000)


def report_csv(report: Report, tr) -> str:
    out = io.StringIO()
    rows = csv.writer(out, delimiter=";", lineterminator="\r\n")
    rows.writerow([tr("report.children")])
    rows.writerow([tr(f"report.{c}") for c in ("nickname", "levels_played", "levels_finished", "stars",
                                               "first_try", "minutes", "hints", "attempts", "last_played")])
    for c in report.children:
        rows.writerow([c.nickname, c.levels_played, c.levels_finished, c.stars, percent(c.first_try_rate),
                       minutes(c.time_ms), c.hints, c.attempts, c.last_played[:10]])
    rows.writerow([])
    rows.writerow([tr("report.levels")])
    rows.writerow([tr(f"report.{c}") for c in ("level", "played_by", "finished_by", "average_stars_10",
                                               "first_try")])
    for lv in report.levels:
        rows.writerow([lv.title, lv.children, lv.finished, round(lv.average_stars * 10), percent(lv.first_try_rate)])
    rows.writerow([])
    rows.writerow([tr("report.questions")])
    rows.writerow([tr(f"report.{c}") for c in ("level", "question", "first_tries", "first_try", "wrong_answers")])
    for q in report.questions:
        wrong = ", ".join(f"{answer} ({n})" for answer, n in q.wrong_answers)
        rows.writerow([q.level_title, q.prompt, q.first_tries, percent(q.first_try_rate), wrong])
    if report.team_games:
        rows.writerow([])
        rows.writerow([tr("report.team_games")])
        rows.writerow([tr(f"report.{c}") for c in ("team_day", "level", "team_played", "team_teams", "team_winners")])
    for g in report.team_games:
        rows.writerow([g.day, g.title, g.played, team_line(g, tr), winners_line(g, tr)])
    return BOM + out.getvalue()


def _bars(items: list[tuple[str, float | None, str]], width: int = 640) -> str:
    """A horizontal bar chart in SVG: (label, 0..1 or None, the value as written) a bar."""
    row, label_w = 26, 200
    height = row * len(items) + 8
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for i, (label, rate, value) in enumerate(items):
        y = 4 + i * row
        bar = (width - label_w - 70) * (rate or 0)
        parts.append(f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{escape(label[:28])}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{bar:.1f}" height="{row - 8}" rx="4"/>'
                     f'<text x="{label_w + bar + 6:.1f}" y="{y + 17}">{escape(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


STYLE = """
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1f1d1a; margin: 0; font-size: 11pt; }
h1 { font-size: 20pt; margin: 0 0 4pt; color: #16324f; }
h2 { font-size: 15pt; margin: 0 0 8pt; color: #16324f; border-bottom: 2pt solid #e3b23c; padding-bottom: 3pt; }
section { break-before: page; }
section.first { break-before: auto; }
.scope { color: #555; margin: 0 0 12pt; }
.numbers { display: flex; flex-wrap: wrap; gap: 8pt; margin: 0 0 12pt; }
.number { border: 1.5pt solid #16324f; border-radius: 6pt; padding: 6pt 10pt; min-width: 30mm; }
.number b { display: block; font-size: 17pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.75pt solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #f3ead6; }
td.n { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
.chart { max-width: 170mm; margin: 6pt 0 10pt; }
.chart text { font-size: 12px; fill: #1f1d1a; }
.chart rect { fill: #2b6f8f; }
.help li { margin: 0 0 4pt; }
@media screen { body { max-width: 190mm; margin: 12mm auto; } }
"""


def report_html(report: Report, tr, library: str = "", now: datetime | None = None) -> str:
    now = now or datetime.now()
    title = tr("report.title")
    scope = _scope_text(report, tr)
    numbers = [(tr("report.children_count"), str(len(report.children))),
               (tr("report.attempts"), str(report.attempts)),
               (tr("report.first_try"), f"{percent(report.first_try_rate) or '-'} %"),
               (tr("report.minutes"), str(minutes(report.time_ms))),
               (tr("report.hints"), str(report.hints))]
    body = [f'<section class="first"><h1>{escape(title)}</h1>',
            f'<p class="scope">{escape(scope)}</p>',
            '<div class="numbers">' + "".join(f'<div class="number">{escape(k)}<b>{escape(v)}</b></div>'
                                              for k, v in numbers) + "</div>",
            f"<h2>{escape(tr('report.need_help'))}</h2>"]
    if report.need_help:
        body.append('<ul class="help">' + "".join(
            f"<li><b>{escape(n.nickname)}</b>: {escape(tr(n.reason, **dict(n.values)))}</li>"
            for n in report.need_help) + "</ul>")
    else:
        body.append(f"<p>{escape(tr('report.nobody_needs_help'))}</p>")
    body.append(f"<h2>{escape(tr('report.first_try_by_child'))}</h2>")
    body.append(_bars([(c.nickname, c.first_try_rate, f"{percent(c.first_try_rate) or '-'} %")
                       for c in report.children]))
    body.append("</section>")
    body.append(_children_section(report.children, tr))
    body.append(f"<section><h2>{escape(tr('report.levels'))}</h2>")
    body.append(_bars([(lv.title, lv.first_try_rate, f"{percent(lv.first_try_rate) or '-'} %")
                       for lv in report.levels]))
    body.append(_table([tr(f"report.{c}") for c in ("level", "played_by", "finished_by", "average_stars",
                                                    "first_try")],
                       [[lv.title, lv.children, lv.finished, f"{lv.average_stars:.1f}", percent(lv.first_try_rate)]
                        for lv in report.levels]))
    body.append("</section>")
    body.append(f"<section><h2>{escape(tr('report.hardest'))}</h2>")
    body.append(_table([tr(f"report.{c}") for c in ("question", "level", "first_tries", "first_try",
                                                    "wrong_answers")],
                       [[q.prompt, q.level_title, q.first_tries, percent(q.first_try_rate),
                         ", ".join(f"{a} ({n})" for a, n in q.wrong_answers)] for q in report.questions]))
    body.append("</section>")
    body.append(_team_section(report, tr))
    footer = tr("report.footer", date=now.strftime("%Y-%m-%d %H:%M"), library=library or "-")
    return (f'<!DOCTYPE html>\n<html lang="{escape(tr.lang)}"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
            + "".join(body) + f'<p class="scope">{escape(footer)}</p></body></html>\n')


def _children_section(children: list[ChildReport], tr) -> str:
    head = [tr(f"report.{c}") for c in ("nickname", "levels_finished", "stars", "first_try", "minutes", "hints",
                                        "last_played")]
    rows = [[c.nickname, c.levels_finished, c.stars, percent(c.first_try_rate), minutes(c.time_ms), c.hints,
             c.last_played[:10]] for c in children]
    return f"<section><h2>{escape(tr('report.children'))}</h2>{_table(head, rows)}</section>"


def team_line(game, tr) -> str:
    """A team quiz's teams as "Argali (red): 5, Kent (blue): 3"."""
    return ", ".join(f"{tr(f'team.names.{t.name}')} ({tr(f'team.colours.{t.colour}')}): {t.points}"
                     for t in game.teams)


def winners_line(game, tr) -> str:
    return ", ".join(tr(f"team.names.{name}") for name in game.winners) or "-"


def _team_section(report: Report, tr) -> str:
    """The team quizzes played in the scope: no child is named, only the teams."""
    games = report.team_games
    if not games:
        return ""  # no page of its own for what was not played
    head = [tr(f"report.{c}") for c in ("team_day", "level", "team_played", "team_teams", "team_winners")]
    early = f" ({tr('report.team_ended_early')})"
    rows = [[g.day, g.title, f"{g.played} / {g.questions}" + ("" if g.finished else early), team_line(g, tr),
             winners_line(g, tr)] for g in games]
    return f"<section><h2>{escape(tr('report.team_games'))}</h2>{_table(head, rows)}</section>"


def _table(head: list[str], rows: list[list]) -> str:
    def cell(value) -> str:
        numeric = isinstance(value, int) or (isinstance(value, str) and value.replace(".", "").isdigit())
        return f'<td class="n">{escape(str(value))}</td>' if numeric else f"<td>{escape(str(value))}</td>"
    return ("<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(cell(v) for v in row) + "</tr>" for row in rows) + "</tbody></table>")


def _scope_text(report: Report, tr) -> str:
    scope = report.scope
    parts = [tr("report.scope_group", name=report.scope_name) if report.scope_name else tr("report.scope_all")]
    if scope.session_id is not None:
        parts.append(tr("report.scope_session", id=scope.session_id))
    if scope.since or scope.until:
        parts.append(tr("report.scope_dates", since=scope.since or "…", until=scope.until or "…"))
    return ". ".join(parts)


def write_report(path: Path, report: Report, tr, fmt: str, library: str = "") -> Path:
    """Writes the file whole or not at all (a half-written file on a USB stick would mislead)."""
    content = report_csv(report, tr) if fmt == "csv" else report_html(report, tr, library)
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    partial.write_text(content, encoding="utf-8", newline="")
    partial.replace(path)
    return path


def export_to_folder(store, catalog, scope, tr, fmt: str, folder: Path, library: str = "",
                     today: str | None = None) -> Path:
    """The desk's "save a report": `olketanu-report-<day>[-group-N|-session-N].<fmt>` in `folder`.
    Raises OSError when the folder cannot be written (a stick pulled out, write-protected)."""
    from .report import build_report
    report = build_report(store, catalog, scope, tr.lang, (tr("report.answer_yes"), tr("report.answer_no")))
    name = f"olketanu-report-{today or datetime.now().date().isoformat()}"
    if scope.session_id is not None:
        name += f"-session-{scope.session_id}"
    elif scope.group_id is not None:
        name += f"-group-{scope.group_id}"
    folder.mkdir(parents=True, exist_ok=True)
    return write_report(folder / f"{name}.{fmt}", report, tr, fmt, library)
