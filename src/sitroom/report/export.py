"""Exports: JSONL (the report records as they are), CSV with ACLED-compatible columns, and
GeoJSON (a point per event or report, the CSV columns as properties).

CSV columns, ACLED's first (same names and meaning where ACLED has one):

``event_id, event_date, event_type, sub_event_type, actor1, actor2, admin1, admin2,
location, latitude, longitude, geo_precision, time_precision, fatalities, notes, source``

then Sitroom's own: ``modality, type, subtype, injured_min, injured_max, killed_max,
children_killed, children_injured, weapons, evidence, report_id, article_id``, and the
event the report belongs to: ``event_fatalities`` and ``event_injured`` (the consensus:
the lowest figure the event's sources give, each source's latest), ``event_sources`` (how
many sources tell the event) and ``latest`` (1 when this is its source's latest report
of the event; an earlier one was superseded by the same outlet).

One row per report (per source), as ACLED keeps one row per event and source. With
``level="event"`` one row per event instead: the headline report's type, date and place,
``fatalities`` the consensus figure, and ``per_source`` each source's latest figures
(``Wire A: killed 4, injured 12+ | Agence B: killed 3``); its JSONL is the event's whole
consensus, every source's reports and figures included. Mapping:

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
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO

from sitroom.store.db import Store
from sitroom.store.queries import (
    EventFilter,
    EventRow,
    article_sources,
    consensus_by_event,
    events,
    reports,
    weapons_text,
)
from sitroom.types import EventReport, Quantity, Quote

ExportFormat = Literal["jsonl", "csv", "geojson"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson")
ExportLevel = Literal["report", "event"]

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
    "event_fatalities",
    "event_injured",
    "event_sources",
    "latest",
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


def csv_row(
    report: EventReport, source: str | None = None, event: Mapping[str, Any] | None = None
) -> dict[str, Cell]:
    """One CSV row (``CSV_COLUMNS``) for a report; ``source`` is its article's outlet and
    ``event`` the consensus of its event. Cells are spreadsheet-safe (``safe_cell``)."""
    return {key: safe_cell(value) for key, value in report_values(report, source, event).items()}


def report_values(
    report: EventReport, source: str | None = None, event: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The ``CSV_COLUMNS`` of a report as plain values (``None`` where nothing is known)."""
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
        "event_fatalities": _value(event, "killed"),
        "event_injured": _value(event, "injured"),
        "event_sources": event.get("n_sources") if event else None,
        "latest": _is_latest(report.report_id, event),
    }
    return row


def _value(event: Mapping[str, Any] | None, figure: str) -> int | None:
    fig = (event or {}).get(figure)
    return fig.get("value") if isinstance(fig, dict) else None


def _is_latest(report_id: str, event: Mapping[str, Any] | None) -> bool | None:
    for source in (event or {}).get("sources", []):
        for row in source.get("reports", []):
            if row.get("report_id") == report_id:
                return bool(row.get("latest"))
    return None


EVENT_COLUMNS: tuple[str, ...] = (
    *ACLED_COLUMNS,
    "modality",
    "type",
    "subtype",
    "fatalities_max",
    "injured",
    "injured_max",
    "children_killed",
    "children_injured",
    "weapons",
    "n_sources",
    "n_reports",
    "per_source",
)


def event_csv_row(event_id: str, c: Mapping[str, Any]) -> dict[str, Cell]:
    """One CSV row (``EVENT_COLUMNS``) for an event from its consensus; cells are
    spreadsheet-safe (``safe_cell``)."""
    return {key: safe_cell(value) for key, value in event_values(event_id, c).items()}


def event_values(event_id: str, c: Mapping[str, Any]) -> dict[str, Any]:
    """The ``EVENT_COLUMNS`` of an event as plain values, from its consensus."""
    event_type, sub_event_type = acled_type(str(c.get("type")), c.get("subtype"))
    loc = c.get("location") or {}
    killed, injured = c.get("killed") or {}, c.get("injured") or {}
    sources = c.get("sources") or []
    row: dict[str, Any] = {
        "event_id": event_id,
        "event_date": c.get("date"),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": None,
        "actor2": None,
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "location": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": _GEO_PRECISION.get(loc.get("precision", "")),
        "time_precision": _TIME_PRECISION.get(c.get("date_precision") or "unresolved"),
        "fatalities": killed.get("value") or 0,
        "notes": "",
        "source": "; ".join(str(s.get("source")) for s in sources),
        "modality": c.get("modality"),
        "type": c.get("type"),
        "subtype": c.get("subtype"),
        "fatalities_max": killed.get("max"),
        "injured": injured.get("value"),
        "injured_max": injured.get("max"),
        "children_killed": (c.get("children_killed") or {}).get("value"),
        "children_injured": (c.get("children_injured") or {}).get("value"),
        "weapons": _event_weapons(c.get("weapons") or []),
        "n_sources": c.get("n_sources"),
        "n_reports": c.get("n_reports"),
        "per_source": " | ".join(source_summary(s) for s in sources),
    }
    return row


def _event_weapons(weapons: Iterable[Mapping[str, Any]]) -> str:
    def low(x: Mapping[str, Any] | None) -> str:
        return "" if not x else str(x.get("value", x.get("min")))

    return ";".join(
        f"{w['kind']}:{low(w.get('launched'))}/{low(w.get('intercepted'))}" for w in weapons
    )


def source_summary(source: Mapping[str, Any]) -> str:
    """``Wire A: killed 4, injured 12+, drone 112/94`` from a source's latest report
    (weapons as launched/intercepted)."""
    latest = next((r for r in source.get("reports", []) if r.get("latest")), None) or {}
    said = []
    for figure in ("killed", "injured"):
        q = latest.get(figure)
        if q and q.get("min") is not None:
            low, high = q["min"], q.get("max")
            said.append(
                f"{figure} {low}{'+' if high is None else '' if high == low else f'-{high}'}"
            )
    for w in latest.get("weapons") or []:
        launched, intercepted = w.get("launched"), w.get("intercepted")
        if launched is not None or intercepted is not None:
            said.append(f"{w.get('kind')} {_num_or_blank(launched)}/{_num_or_blank(intercepted)}")
    return f"{source.get('source')}: {', '.join(said) or 'no figures'}"


def _num_or_blank(value: object) -> str:
    return "" if value is None else str(value)


def write_csv(
    rows: Iterable[EventReport],
    fp: TextIO,
    sources: Mapping[str, str | None] | None = None,
    events: Mapping[str, Mapping[str, Any]] | None = None,
) -> int:
    """Write a header and one row per report; return the number of rows.

    ``sources`` maps article ids to outlet names for the ``source`` column, ``events``
    event ids to their consensus. Open files with ``newline=""``, as the ``csv`` module
    asks.
    """
    sources = sources or {}
    events = events or {}
    writer = csv.DictWriter(fp, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    n = 0
    for report in rows:
        event = events.get(report.event_id or "")
        writer.writerow(csv_row(report, sources.get(report.article_id), event))
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
    store: Store,
    fp: TextIO,
    fmt: ExportFormat,
    flt: EventFilter | None = None,
    level: ExportLevel = "report",
) -> int:
    """Export the stored reports, or events with ``level="event"`` (all, or those
    matching ``flt``); return the count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "geojson":
        return write_geojson(store, fp, flt, level)
    if level == "event":
        return _export_events(store, fp, fmt, flt)
    chosen = reports(store, flt)
    if fmt == "jsonl":
        return write_jsonl(chosen, fp)
    return write_csv(chosen, fp, article_sources(store), consensus_by_event(store))


def write_geojson(
    store: Store, fp: TextIO, flt: EventFilter | None = None, level: ExportLevel = "event"
) -> int:
    """A GeoJSON FeatureCollection: one Point per event (its consensus place) or per
    report, with the CSV columns of that level as properties (``event_values`` or
    ``report_values``: plain values, not spreadsheet cells); events and reports with no
    coordinates are left out. Returns the number of features."""
    features = []
    if level == "event":
        flt = flt or EventFilter(limit=None)
        consensus = consensus_by_event(store)
        for row in events(store, flt):
            features.append(_feature(event_values(row.event_id, consensus[row.event_id])))
    else:
        sources, consensus = article_sources(store), consensus_by_event(store)
        for report in reports(store, flt):
            event = consensus.get(report.event_id or "")
            values = report_values(report, sources.get(report.article_id), event)
            features.append(_feature(values))
    kept = [f for f in features if f is not None]
    json.dump({"type": "FeatureCollection", "features": kept}, fp, ensure_ascii=False)
    fp.write("\n")
    return len(kept)


# Parquet column types (the rest are strings).
_INTS = frozenset(
    {
        "fatalities", "fatalities_max", "injured", "injured_max", "injured_min", "killed_max",
        "children_killed", "children_injured", "geo_precision", "time_precision",
        "event_fatalities", "event_injured", "event_sources", "n_sources", "n_reports",
    }
)  # fmt: skip
_FLOATS = frozenset({"latitude", "longitude"})
_BOOLS = frozenset({"latest"})


def export_parquet(
    store: Store, path: str | Path, flt: EventFilter | None = None, level: ExportLevel = "report"
) -> int:
    """Write the reports (or events) as one Parquet file, the CSV columns of that level
    as typed columns (integers, floats, a boolean, strings); returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if level == "event":
        consensus = consensus_by_event(store)
        rows = [
            event_values(r.event_id, consensus[r.event_id])
            for r in events(store, flt or EventFilter(limit=None))
        ]
        columns: tuple[str, ...] = EVENT_COLUMNS
    else:
        sources, consensus = article_sources(store), consensus_by_event(store)
        rows = [
            report_values(r, sources.get(r.article_id), consensus.get(r.event_id or ""))
            for r in reports(store, flt)
        ]
        columns = CSV_COLUMNS

    def kind(name: str) -> Any:
        if name in _INTS:
            return pa.int64()
        if name in _FLOATS:
            return pa.float64()
        return pa.bool_() if name in _BOOLS else pa.string()

    schema = pa.schema([(name, kind(name)) for name in columns])
    table = pa.Table.from_pylist(
        [{c: _typed(row.get(c), kind(c) == pa.string()) for c in columns} for row in rows],
        schema=schema,
    )
    pq.write_table(table, str(path))
    return len(rows)


def _typed(value: Any, as_text: bool) -> Any:
    if value is None or not as_text:
        return value
    return str(value)


def _feature(props: Mapping[str, Any]) -> dict[str, Any] | None:
    lat, lon = props.get("latitude"), props.get("longitude")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": dict(props),
    }


def _export_events(store: Store, fp: TextIO, fmt: ExportFormat, flt: EventFilter | None) -> int:
    flt = flt or EventFilter(limit=None)
    wanted = [row.event_id for row in events(store, flt)]
    consensus = consensus_by_event(store, wanted)
    if fmt == "jsonl":
        for event_id in wanted:
            record = {"event_id": event_id, **consensus[event_id]}
            fp.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(wanted)
    writer = csv.DictWriter(fp, fieldnames=EVENT_COLUMNS)
    writer.writeheader()
    for event_id in wanted:
        writer.writerow(event_csv_row(event_id, consensus[event_id]))
    return len(wanted)


def _low(q: Quantity | None) -> int | None:
    return q.min if q else None


def _notes(report: EventReport) -> str:
    parts: list[str] = []
    if report.targets:
        parts.append("targets: " + ", ".join(t.category for t in report.targets))
    if report.attributed_to:
        parts.append("according to: " + ", ".join(a.name for a in report.attributed_to))
    return "; ".join(parts)
