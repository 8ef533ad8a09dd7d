"""Exports: JSONL (the report records as they are) and CSV with ACLED-compatible columns.

CSV columns, ACLED's first (same names and meaning where ACLED has one):

``event_id, event_date, event_type, sub_event_type, actor1, actor2, admin1, admin2,
location, latitude, longitude, geo_precision, time_precision, fatalities, notes, source``

then Sitroom's own: ``modality, type, subtype, injured_min, injured_max, killed_max,
children_killed, children_injured, weapons, evidence, report_id, article_id``.

One row per report (per source), as ACLED keeps one row per event and source. Mapping:

==================================  ==================================================
Sitroom type / subtype              ACLED event_type / sub_event_type
==================================  ==================================================
attack / air_drone_strike           Explosions/Remote violence / Air/drone strike
air_raid                            Explosions/Remote violence / Air/drone strike
attack / shelling_artillery_missile Explosions/Remote violence /
                                    Shelling/artillery/missile attack
attack / remote_explosive           Explosions/Remote violence /
                                    Remote explosive/landmine/IED
attack / ground_attack or other     Explosions/Remote violence / (empty)
interception                        Strategic developments / Disrupted weapons use
battle                              Battles / Armed clash
territory_change                    Battles / (empty: by force or not is not known)
meeting, sanction                   Strategic developments / Other
other                               (empty) / (empty)
==================================  ==================================================

``geo_precision``: 1 town, 2 admin2, 3 admin1/country/region. ``time_precision``: 1 day,
2 range or week, 3 month or unresolved. ``fatalities`` is the lowest stated figure
(``killed.min``), 0 when none is stated, as ACLED codes it. ``weapons`` is compact:
``drone:165/140;missile:9/`` (kind:launched/intercepted). ``evidence`` joins the
evidence sentences with `` | ``. ``notes`` names the targets and whom the report credits.

Cells are safe to open in a spreadsheet: a text cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is prefixed with ``'`` so that it is never run as
a formula. Numbers are written as numbers.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import fields
from typing import Any, Literal, Protocol, TextIO

from sitroom.store.db import Store
from sitroom.store.queries import EventFilter, EventRow, article_sources, reports, weapons_text
from sitroom.types import EventReport, Quantity, Quote

ExportFormat = Literal["jsonl", "csv"]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "fatalities",
    "notes",
    "source",
)
SITROOM_COLUMNS: tuple[str, ...] = (
    "modality",
    "type",
    "subtype",
    "injured_min",
    "injured_max",
    "killed_max",
    "children_killed",
    "children_injured",
    "weapons",
    "evidence",
    "report_id",
    "article_id",
)
CSV_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + SITROOM_COLUMNS

_EXPLOSIONS = "Explosions/Remote violence"
_STRATEGIC = "Strategic developments"
_ACLED_SUBTYPES: dict[tuple[str, str | None], tuple[str, str]] = {
    ("attack", "air_drone_strike"): (_EXPLOSIONS, "Air/drone strike"),
    ("attack", "shelling_artillery_missile"): (_EXPLOSIONS, "Shelling/artillery/missile attack"),
    ("attack", "remote_explosive"): (_EXPLOSIONS, "Remote explosive/landmine/IED"),
}
_ACLED_TYPES: dict[str, tuple[str, str]] = {
    "attack": (_EXPLOSIONS, ""),
    "air_raid": (_EXPLOSIONS, "Air/drone strike"),
    "interception": (_STRATEGIC, "Disrupted weapons use"),
    "battle": ("Battles", "Armed clash"),
    "territory_change": ("Battles", ""),
    "meeting": (_STRATEGIC, "Other"),
    "sanction": (_STRATEGIC, "Other"),
}
_GEO_PRECISION: dict[str, int] = {"town": 1, "admin2": 2, "admin1": 3, "country": 3, "region": 3}
_TIME_PRECISION: dict[str, int] = {"day": 1, "range": 2, "week": 2, "month": 3, "unresolved": 3}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float


def acled_type(type_: str, subtype: str | None) -> tuple[str, str]:
    """ACLED ``(event_type, sub_event_type)`` for a Sitroom type; empty where none fits."""
    return _ACLED_SUBTYPES.get((type_, subtype)) or _ACLED_TYPES.get(type_, ("", ""))


def safe_cell(value: object) -> Cell:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_row(report: EventReport, source: str | None = None) -> dict[str, Cell]:
    """One CSV row (``CSV_COLUMNS``) for a report; ``source`` is its article's outlet."""
    event_type, sub_event_type = acled_type(report.type, report.subtype)
    loc, date = report.location, report.date
    row: dict[str, Any] = {
        "event_id": report.event_id,
        "event_date": date.date.isoformat() if date and date.date else None,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": report.actor1.name if report.actor1 else None,
        "actor2": report.actor2.name if report.actor2 else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "location": loc.name if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": _GEO_PRECISION.get(loc.precision) if loc else None,
        "time_precision": _TIME_PRECISION.get(date.precision if date else "unresolved"),
        "fatalities": _low(report.killed) or 0,
        "notes": _notes(report),
        "source": source,
        "modality": report.modality,
        "type": report.type,
        "subtype": report.subtype,
        "injured_min": _low(report.injured),
        "injured_max": report.injured.max if report.injured else None,
        "killed_max": report.killed.max if report.killed else None,
        "children_killed": _low(report.children_killed),
        "children_injured": _low(report.children_injured),
        "weapons": weapons_text(report.weapons),
        "evidence": " | ".join(e.text for e in report.evidence),
        "report_id": report.report_id,
        "article_id": report.article_id,
    }
    return {key: safe_cell(value) for key, value in row.items()}


def write_csv(
    rows: Iterable[EventReport], fp: TextIO, sources: Mapping[str, str | None] | None = None
) -> int:
    """Write a header and one row per report; return the number of rows.

    ``sources`` maps article ids to outlet names for the ``source`` column. Open files
    with ``newline=""``, as the ``csv`` module asks.
    """
    sources = sources or {}
    writer = csv.DictWriter(fp, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    n = 0
    for report in rows:
        writer.writerow(csv_row(report, sources.get(report.article_id)))
        n += 1
    return n


class _Record(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def _write_records(records: Iterable[_Record], fp: TextIO) -> int:
    """One JSON object per line (``to_dict``); return the count."""
    n = 0
    for record in records:
        fp.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_jsonl(reports: Iterable[EventReport], fp: TextIO) -> int:
    """Write one JSON record per line (``EventReport.to_dict``); return the count."""
    return _write_records(reports, fp)


def write_quotes_jsonl(quotes: Iterable[Quote], fp: TextIO) -> int:
    """Write one JSON record per quote (``Quote.to_dict``); return the count."""
    return _write_records(quotes, fp)


def write_event_rows(rows: Iterable[EventRow], fp: TextIO, fmt: ExportFormat) -> int:
    """Write event table rows as JSONL or CSV (columns: ``EventRow`` fields)."""
    if fmt == "jsonl":
        return _write_records(rows, fp)
    n = 0
    writer = csv.DictWriter(fp, fieldnames=[f.name for f in fields(EventRow)])
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.to_dict().items()})
        n += 1
    return n


def export_store(
    store: Store, fp: TextIO, fmt: ExportFormat, flt: EventFilter | None = None
) -> int:
    """Export the stored reports (all, or those matching ``flt``); return the count."""
    chosen = reports(store, flt)
    if fmt == "jsonl":
        return write_jsonl(chosen, fp)
    if fmt == "csv":
        return write_csv(chosen, fp, article_sources(store))
    raise ValueError(f"unknown export format {fmt!r}; use 'jsonl' or 'csv'")


def _low(q: Quantity | None) -> int | None:
    return q.min if q else None


def _notes(report: EventReport) -> str:
    parts: list[str] = []
    if report.targets:
        parts.append("targets: " + ", ".join(t.category for t in report.targets))
    if report.attributed_to:
        parts.append("according to: " + ", ".join(a.name for a in report.attributed_to))
    return "; ".join(parts)
