"""The daily situation report: one day's events by oblast, with totals, ranges and sources.

``build_daily(store, day)`` gathers the day from the database (library first; the CLI's
``sitroom report`` only writes what ``to_markdown`` or ``to_html`` give). Figures are the
events' consensus (each source's latest figure, the lowest as the value, ACLED's rule)
with the range the sources give; totals add the values, and their ranges add the ranges.
The HTML is one self-contained file (inline style, inline SVG map and chart, no script,
nothing fetched) in which every text from an article is escaped.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from sitroom.report.export import source_summary
from sitroom.report.svg import Bar, MapPoint, day_bars, event_map
from sitroom.store import EventFilter, Store, queries
from sitroom.types import Quote

NEWS = ("reported", "claimed", "denied")  # news of the day; planned, cancelled, historical apart
MAX_QUOTES = 6
CHART_DAYS = 7


@dataclass(frozen=True, slots=True)
class Figure:
    """A consensus figure: the value and the range the sources give (``high`` is
    ``None`` when a source leaves it open)."""

    value: int
    low: int
    high: int | None

    def text(self) -> str:
        spread = f"{self.low}+" if self.high is None else f"{self.low}–{self.high}"
        return (
            str(self.value) if self.high == self.low == self.value else f"{self.value} ({spread})"
        )

    def __add__(self, other: Figure) -> Figure:
        high = None if self.high is None or other.high is None else self.high + other.high
        return Figure(self.value + other.value, self.low + other.low, high)


NONE = Figure(0, 0, 0)


def _figure(c: dict[str, Any], name: str) -> Figure:
    fig = c.get(name) or {}
    value = fig.get("value")
    if value is None:
        return NONE
    low = fig.get("min")
    return Figure(int(value), int(value if low is None else low), fig.get("max"))


@dataclass(frozen=True, slots=True)
class EventLine:
    """One event of the day as the report shows it."""

    event_id: str
    type: str
    subtype: str | None
    modality: str
    place: str
    killed: Figure
    injured: Figure
    sources: tuple[str, ...]
    per_source: tuple[str, ...]
    weapons: tuple[tuple[str, int | None, int | None], ...]  # kind, launched, intercepted
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None


@dataclass
class OblastBlock:
    """The day's events of one oblast (or of a country, or of no known place)."""

    name: str
    events: list[EventLine] = field(default_factory=list)

    @property
    def killed(self) -> Figure:
        return sum((e.killed for e in self.events), NONE)

    @property
    def injured(self) -> Figure:
        return sum((e.injured for e in self.events), NONE)


@dataclass(frozen=True, slots=True)
class DailyReport:
    """Everything the report shows for one day."""

    day: dt.date
    oblasts: tuple[OblastBlock, ...]
    air_raids: tuple[EventLine, ...]
    other: tuple[EventLine, ...]  # planned, cancelled or historical, and meetings
    quotes: tuple[Quote, ...]
    week: tuple[Bar, ...]

    @property
    def news(self) -> list[EventLine]:
        return [e for b in self.oblasts for e in b.events]

    @property
    def killed(self) -> Figure:
        return sum((b.killed for b in self.oblasts), NONE)

    @property
    def injured(self) -> Figure:
        return sum((b.injured for b in self.oblasts), NONE)

    @property
    def sources(self) -> list[str]:
        every = {s for e in [*self.news, *self.air_raids, *self.other] for s in e.sources}
        return sorted(every)

    def points(self) -> list[MapPoint]:
        return [
            MapPoint(e.lat, e.lon, f"{e.place}: {_what(e)}", e.killed.value)
            for e in [*self.news, *self.air_raids]
            if e.lat is not None and e.lon is not None and e.precision not in ("country", "region")
        ]  # a country-wide raid is no dot at the country's middle


def _line(event_id: str, c: dict[str, Any]) -> EventLine:
    loc = c.get("location") or {}
    sources = c.get("sources") or []
    weapons = tuple(
        (
            str(w["kind"]),
            (w.get("launched") or {}).get("value"),
            (w.get("intercepted") or {}).get("value"),
        )
        for w in c.get("weapons") or []
    )
    return EventLine(
        event_id=event_id,
        type=str(c.get("type")),
        subtype=c.get("subtype"),
        modality=str(c.get("modality")),
        place=str(loc.get("name") or "place unknown"),
        killed=_figure(c, "killed"),
        injured=_figure(c, "injured"),
        sources=tuple(str(s.get("source")) for s in sources),
        per_source=tuple(source_summary(s) for s in sources),
        weapons=weapons,
        lat=loc.get("lat"),
        lon=loc.get("lon"),
        precision=loc.get("precision"),
    )


def build_daily(store: Store, day: dt.date) -> DailyReport:
    """The report of ``day`` from what ``store`` holds."""
    rows = queries.events(store, EventFilter(since=day, until=day, limit=None))
    blocks: dict[str, OblastBlock] = {}
    raids, other = [], []
    articles: set[str] = set()
    for row in rows:
        event = queries.event(store, row.event_id)
        articles |= {r.article_id for r in event.reports}
        line = _line(row.event_id, event.consensus)
        if line.type == "air_raid":
            raids.append(line)
        elif line.modality in NEWS and line.type not in ("meeting", "sanction"):
            name = row.admin1 or row.location or row.country or "place unknown"
            blocks.setdefault(name, OblastBlock(name)).events.append(line)
        else:
            other.append(line)
    ordered = sorted(blocks.values(), key=lambda b: (-b.killed.value, -len(b.events), b.name))
    week_rows = queries.daily_stats(
        store, EventFilter(since=day - dt.timedelta(days=CHART_DAYS - 1), until=day)
    )
    per_day: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0])
    for s in week_rows:
        per_day[s.date][0] += s.killed
        per_day[s.date][1] += s.injured
    week = tuple(
        Bar(d.strftime("%d %b"), *per_day[d])
        for d in (day - dt.timedelta(days=k) for k in range(CHART_DAYS - 1, -1, -1))
    )
    return DailyReport(
        day=day,
        oblasts=tuple(ordered),
        air_raids=tuple(raids),
        other=tuple(other),
        quotes=tuple(_notable(store, sorted(articles))),
        week=week,
    )


def _notable(store: Store, articles: Sequence[str]) -> list[Quote]:
    """Direct quotes of the day's articles, named speakers first, then the longest."""
    found = [q for a in articles for q in queries.quotes(store, article_id=a) if q.direct]

    def rank(q: Quote) -> tuple[int, int, int]:
        known = q.speaker is not None and q.speaker.wikidata is not None
        return (0 if known else 1 if q.speaker else 2, -len(q.text), q.start)

    return sorted(found, key=rank)[:MAX_QUOTES]


def _what(e: EventLine) -> str:
    kind = e.subtype.replace("_", " ") if e.subtype and e.subtype != "other" else e.type
    said = []
    if e.killed.value or e.killed.high:
        said.append(f"killed {e.killed.text()}")
    if e.injured.value or e.injured.high:
        said.append(f"injured {e.injured.text()}")
    for kind_w, launched, intercepted in e.weapons:
        if launched is not None:
            said.append(
                f"{kind_w}s {launched}" + (f", {intercepted} intercepted" if intercepted else "")
            )
    modality = "" if e.modality == "reported" else f" ({e.modality})"
    return f"{kind}{modality}" + (f": {'; '.join(said)}" if said else "")


def _quote_text(q: Quote) -> str:
    who = q.speaker.name if q.speaker else "unnamed speaker"
    return f"“{q.text}” — {who}"


# ---------------------------------------------------------------------- Markdown


def _md(text: str) -> str:
    """Text from articles, made inert in Markdown: no markup, no raw HTML."""
    out = escape(text, quote=False)
    for ch in "\\`*_{}[]()#+!|>~":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def to_markdown(r: DailyReport) -> str:
    """The report as Markdown."""
    lines = [
        f"# Situation report — {r.day.isoformat()}",
        "",
        f"{len(r.news)} event(s) reported in {len(r.oblasts)} area(s); killed "
        f"{r.killed.text()}, injured {r.injured.text()} (consensus: the lowest figure a "
        "source gives, with the range of what the sources say).",
        f"Sources: {_md(', '.join(r.sources)) or 'none'}.",
        "",
    ]
    if r.air_raids:
        lines += ["## Air raids", ""]
        for e in r.air_raids:
            lines.append(f"- {_md(e.place)}: {_md(_what(e))} — {_md(', '.join(e.sources))}")
        lines.append("")
    lines += ["## Events by area", ""]
    for b in r.oblasts:
        lines += [f"### {_md(b.name)} — killed {b.killed.text()}, injured {b.injured.text()}", ""]
        for e in b.events:
            lines.append(f"- **{_md(e.place)}**: {_md(_what(e))} (`{e.event_id}`)")
            lines += [f"  - {_md(s)}" for s in e.per_source]
        lines.append("")
    if r.other:
        lines += ["## Also on the day", ""]
        lines += [f"- {_md(e.place)}: {_md(_what(e))}" for e in r.other]
        lines.append("")
    if r.quotes:
        lines += ["## Quotes", ""]
        lines += [f"> {_md(_quote_text(q))}\n" for q in r.quotes]
    lines += [
        "## The last seven days",
        "",
        "| day | killed | injured |",
        "|---|---:|---:|",
        *(f"| {b.label} | {b.killed} | {b.injured} |" for b in r.week),
        "",
        "Place data from GeoNames (geonames.org), CC BY 4.0.",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------- HTML

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:52em;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
.figure{font-weight:600}.src{color:#555;font-size:.9em}.id{color:#888;font-size:.8em}
blockquote{margin:.6em 0;padding-left:.8em;border-left:3px solid #ccc}
table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left}
svg{max-width:100%;height:auto}
"""


def to_html(r: DailyReport, cells: dict[tuple[int, int], str] | None = None) -> str:
    """The report as one self-contained HTML page (``cells``: the map's ground)."""
    e_ = escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Situation report — {r.day.isoformat()}</title>",
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Situation report — {r.day.isoformat()}</h1>",
        f"<p>{len(r.news)} event(s) reported in {len(r.oblasts)} area(s); killed "
        f'<span class="figure">{e_(r.killed.text())}</span>, injured '
        f'<span class="figure">{e_(r.injured.text())}</span>. Figures are the lowest a source '
        "gives, with the range of what the sources say.</p>",
        f'<p class="src">Sources: {e_(", ".join(r.sources)) or "none"}</p>',
        "<h2>Map</h2>",
        event_map(cells or {}, r.points()),
    ]
    if r.air_raids:
        parts.append("<h2>Air raids</h2><ul>")
        for ev in r.air_raids:
            parts.append(
                f"<li>{e_(ev.place)}: {e_(_what(ev))} "
                f'<span class="src">— {e_(", ".join(ev.sources))}</span></li>'
            )
        parts.append("</ul>")
    parts.append("<h2>Events by area</h2>")
    for b in r.oblasts:
        parts.append(
            f"<h3>{e_(b.name)} — killed {e_(b.killed.text())}, injured {e_(b.injured.text())}</h3>"
            "<ul>"
        )
        for ev in b.events:
            sources = "".join(f'<li class="src">{e_(s)}</li>' for s in ev.per_source)
            parts.append(
                f"<li><b>{e_(ev.place)}</b>: {e_(_what(ev))} "
                f'<span class="id">{e_(ev.event_id)}</span><ul>{sources}</ul></li>'
            )
        parts.append("</ul>")
    if r.other:
        parts.append("<h2>Also on the day</h2><ul>")
        parts += [f"<li>{e_(ev.place)}: {e_(_what(ev))}</li>" for ev in r.other]
        parts.append("</ul>")
    if r.quotes:
        parts.append("<h2>Quotes</h2>")
        parts += [f"<blockquote>{e_(_quote_text(q))}</blockquote>" for q in r.quotes]
    parts += [
        "<h2>The last seven days</h2>",
        day_bars(list(r.week)),
        '<p class="src">Killed (red) and injured (orange) per day, as reported. '
        "Place data from GeoNames (geonames.org), CC BY 4.0.</p>",
        "</body></html>",
    ]
    return "\n".join(parts)
