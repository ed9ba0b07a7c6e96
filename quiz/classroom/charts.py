"""Charts drawn on the server as SVG, each with its text alternative (title, desc and a table).

The site's Content-Security-Policy has no 'unsafe-inline' for styles, so the SVG carries no
style attribute and no <style> element: colours and sizes are SVG presentation attributes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask_babel import gettext as _
from markupsafe import Markup, escape

from quiz.classroom.analysis import TOO_EASY, TOO_HARD, Bin
from quiz.i18n import ngettext

BAR = "#0b4fa3"
FLAGGED = "#a32020"
AXIS = "#4a5563"
GUIDE = "#b7791f"
INK = "#1b1f24"

WIDTH = 640
LEFT = 56
RIGHT = 16
TOP = 16
BOTTOM = 48
HEIGHT = 260
PLOT_H = HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str
    flagged: bool = False


def _svg(chart_id: str, title: str, desc: str, height: int, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="system-ui, sans-serif" font-size="13" fill="{INK}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def _table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(
        f'<tr><th scope="row">{escape(row[0])}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    return (
        f"<details><summary>{escape(_('%(caption)s: the data as a table', caption=caption))}"
        "</summary>"
        f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></details>"
    )


def _figure(chart_id: str, svg: str, table: str) -> Markup:
    return Markup(f'<figure class="chart" id="{chart_id}">{svg}{table}</figure>')


def column_chart(
    chart_id: str, title: str, desc: str, bars: Sequence[Bar], top: float, headers: Sequence[str]
) -> Markup:
    """Draw vertical bars from 0 to `top`, labelled below, with a table of the same numbers."""
    height, plot_h = HEIGHT, PLOT_H
    plot_w = WIDTH - LEFT - RIGHT
    top = top or 1
    step = plot_w / max(len(bars), 1)
    body = [
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
        + f'stroke="{AXIS}"/>',
        f'<text x="{LEFT - 8}" y="{TOP + 4}" text-anchor="end">{_number(top)}</text>',
        f'<text x="{LEFT - 8}" y="{TOP + plot_h}" text-anchor="end">0</text>',
    ]
    for n, bar in enumerate(bars):
        h = plot_h * min(bar.value, top) / top
        x = LEFT + n * step + step * 0.1
        body.append(
            f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{step * 0.8:.1f}" '
            f'height="{h:.1f}" fill="{FLAGGED if bar.flagged else BAR}"/>'
        )
        body.append(
            f'<text x="{x + step * 0.4:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle" '
            f'font-size="11">{escape(bar.label)}</text>'
        )
    svg = _svg(chart_id, title, desc, height, body)
    return _figure(chart_id, svg, _table(title, headers, [(b.label, b.text) for b in bars]))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def score_distribution(bins: Sequence[Bin], chart_id: str = "scores") -> Markup:
    """Draw how many finished rounds fall in each band of right answers."""
    total = sum(b.count for b in bins)
    bars = [Bar(b.label, b.count, str(b.count)) for b in bins]
    desc = (
        ngettext(
            "%(num)s finished round by share of right answers.",
            "%(num)s finished rounds by share of right answers.",
            total,
        )
        + " "
        + "; ".join(f"{b.label}: {b.count}" for b in bins if b.count)
        if total
        else _("No finished rounds yet.")
    )
    return column_chart(
        chart_id,
        _("Score distribution"),
        desc,
        bars,
        max((b.count for b in bins), default=0),
        (_("Right answers"), _("Rounds")),
    )


def facility_chart(
    items: Sequence[tuple[str, float | None, bool]], chart_id: str = "facility"
) -> Markup:
    """Draw each question's facility (share right) from 0 to 1, flagged questions in red."""
    bars = [
        Bar(label, value or 0.0, _("no answers") if value is None else f"{value:.2f}", flagged)
        for label, value, flagged in items
    ]
    flagged = [b.label for b in bars if b.flagged]
    desc = (
        ngettext(
            "Facility of %(num)s question, from 0 (nobody right) to 1 (everybody right); "
            "below %(low)s or above %(high)s looks broken.",
            "Facility of %(num)s questions, from 0 (nobody right) to 1 (everybody right); "
            "below %(low)s or above %(high)s looks broken.",
            len(bars),
            low=TOO_HARD,
            high=TOO_EASY,
        )
        + " "
        + (_("Flagged: %(labels)s.", labels=", ".join(flagged)) if flagged else _("None flagged."))
    )
    chart = column_chart(
        chart_id, _("Facility per question"), desc, bars, 1.0, (_("Question"), _("Facility"))
    )
    # Guide lines at the flag limits, drawn over the bars.
    guides = "".join(
        f'<line x1="{LEFT}" y1="{TOP + PLOT_H * (1 - limit):.1f}" x2="{WIDTH - RIGHT}" '
        f'y2="{TOP + PLOT_H * (1 - limit):.1f}" stroke="{GUIDE}" stroke-dasharray="6 4"/>'
        for limit in (TOO_HARD, TOO_EASY)
    )
    return Markup(str(chart).replace("</svg>", guides + "</svg>", 1))
