"""Static pictures for reports, as inline SVG: a map of events and a bar chart of days.

Nothing is fetched: the map's ground is the country drawn from the gazetteer's own places
(``Gazetteer.cells``: a grid of 0.2° cells, each shaded by its oblast), the events are
circles on it sized by their death toll. Every label and tooltip is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

MARGIN = 1.5  # degrees around the country: the frontier regions beyond it stay in
# Light shades the oblasts take in turn, so that neighbours tell apart.
_SHADES = ("#e6e9ee", "#dde2e8", "#d3d9e1", "#e9e6ee", "#e1e8e3")


@dataclass(frozen=True, slots=True)
class MapPoint:
    """An event on the map."""

    lat: float
    lon: float
    label: str
    killed: int = 0
    event_id: str | None = None  # makes the circle a link to the event (``data-event``)


def event_map(
    cells: Mapping[tuple[int, int], str],
    points: Sequence[MapPoint],
    *,
    step: float = 0.2,
    width: int = 640,
) -> str:
    """The country's cells and the events as one ``<svg>`` element. The picture frames
    the country with a margin of ``MARGIN`` degrees (the frontier regions beyond it stay
    in); events farther away are not drawn but counted in a note. Without cells, the
    frame is the events'."""
    if cells:
        lats = [r * step for r, _ in cells]
        lons = [c * step for _, c in cells]
        margin = MARGIN
    else:
        lats, lons, margin = [p.lat for p in points], [p.lon for p in points], step
    if not lats:
        return _empty(width, "no places to draw")
    south, north = min(lats) - margin, max(lats) + step + margin
    west, east = min(lons) - margin, max(lons) + step + margin
    inside = [p for p in points if south <= p.lat <= north and west <= p.lon <= east]
    away = len(points) - len(inside)
    squash = math.cos(math.radians((south + north) / 2))  # equirectangular at mid-latitude
    scale = width / ((east - west) * squash)
    height = max(1, round((north - south) * scale))

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon - west) * squash * scale, (north - lat) * scale

    shade = {name: _SHADES[i % len(_SHADES)] for i, name in enumerate(sorted(set(cells.values())))}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="map of events">',
        f'<rect width="{width}" height="{height}" fill="#f7f9fb"/>',
    ]
    for (row, col, length), name in _runs(cells):
        x, y = xy((row + 1) * step, col * step)
        w = length * step * squash * scale
        h = step * scale
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w + 0.4:.1f}" height="{h + 0.4:.1f}" '
            f'fill="{shade[name]}"/>'
        )
    for p in sorted(inside, key=lambda p: -p.killed):
        x, y = xy(p.lat, p.lon)
        r = 4 + 2.5 * math.sqrt(max(0, p.killed))
        link = f' class="event" data-event="{escape(p.event_id)}"' if p.event_id else ""
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#c0392b" fill-opacity="0.75" '
            f'stroke="#7b241c"{link}><title>{escape(p.label)}</title></circle>'
        )
    if away:
        parts.append(
            f'<text x="6" y="{height - 6}" font-size="12" fill="#555">'
            f"{away} event(s) elsewhere, not on this map</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _runs(cells: Mapping[tuple[int, int], str]) -> list[tuple[tuple[int, int, int], str]]:
    """Cells merged into runs along each row, per oblast: ``((row, col, length), name)``."""
    out: list[tuple[tuple[int, int, int], str]] = []
    for row in sorted({r for r, _ in cells}):
        cols = sorted(c for r, c in cells if r == row)
        start = prev = cols[0]
        for col in [*cols[1:], None]:
            if col is not None and col == prev + 1 and cells[(row, col)] == cells[(row, start)]:
                prev = col
                continue
            out.append(((row, start, prev - start + 1), cells[(row, start)]))
            if col is not None:
                start = prev = col
    return out


@dataclass(frozen=True, slots=True)
class Bar:
    """One day of the chart."""

    label: str
    killed: int
    injured: int


def day_bars(days: Sequence[Bar], *, width: int = 640, height: int = 200) -> str:
    """Killed and injured per day as grouped bars in one ``<svg>`` element."""
    if not days:
        return _empty(width, "no days to chart")
    top = max(1, max(max(d.killed, d.injured) for d in days))
    left, bottom, pad = 36, 28, 8
    inner_w, inner_h = width - left - pad, height - bottom - pad
    slot = inner_w / len(days)
    bar = max(2.0, slot * 0.35)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="killed and injured per day">',
        f'<line x1="{left}" y1="{pad + inner_h}" x2="{width - pad}" y2="{pad + inner_h}" '
        'stroke="#888"/>',
        f'<text x="{left - 4}" y="{pad + 10}" font-size="10" text-anchor="end">{top}</text>',
        f'<text x="{left - 4}" y="{pad + inner_h}" font-size="10" text-anchor="end">0</text>',
    ]
    for i, d in enumerate(days):
        x0 = left + i * slot + (slot - 2 * bar) / 2
        for k, (value, colour) in enumerate(((d.killed, "#c0392b"), (d.injured, "#e67e22"))):
            h = inner_h * value / top
            parts.append(
                f'<rect x="{x0 + k * bar:.1f}" y="{pad + inner_h - h:.1f}" width="{bar:.1f}" '
                f'height="{h:.1f}" fill="{colour}"><title>{escape(d.label)}: '
                f"{'killed' if k == 0 else 'injured'} {value}</title></rect>"
            )
        parts.append(
            f'<text x="{left + i * slot + slot / 2:.1f}" y="{height - 10}" font-size="10" '
            f'text-anchor="middle">{escape(d.label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _empty(width: int, message: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="40">'
        f'<text x="8" y="24" font-size="12">{escape(message)}</text></svg>'
    )
