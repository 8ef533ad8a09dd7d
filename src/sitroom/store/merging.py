"""Keeping stored events in step with stored reports, one article at a time.

When an article's reports are stored, the reports they could be one event with are
gathered from the database: those of a compatible type in the same country and oblast
within the days a merge can span, then every report of the events those belong to, and
so on until nothing new comes (at most ``NEIGHBOURHOOD_MAX`` reports). That
neighbourhood is clustered again as a whole (``merge.cluster``). Since clustering only
ever joins reports that such a search links, the result is the one clustering the whole
database would give, whatever order the articles came in.

Reports whose event changes are rewritten; an event id that no longer exists is kept in
``event_aliases`` pointing at the event that took most of its reports, so links to it
still lead somewhere; events are recomputed from all their reports.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from dataclasses import replace
from typing import Any

from sitroom.merge.cluster import SourceInfo, build_event, cluster
from sitroom.merge.similarity import FAMILIES, MAX_SPAN_DAYS, day_span, family
from sitroom.types import EventReport

NEIGHBOURHOOD_MAX = 5000
_CHUNK = 500

_UPSERT_EVENT = (
    "INSERT INTO events (event_id, type, subtype, modality, date, location_name, geonames_id, "
    "admin1, admin2, country, n_reports, n_sources, first_seen, consensus_json) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (event_id) DO UPDATE SET type = excluded.type, subtype = excluded.subtype, "
    "modality = excluded.modality, date = excluded.date, "
    "location_name = excluded.location_name, geonames_id = excluded.geonames_id, "
    "admin1 = excluded.admin1, admin2 = excluded.admin2, country = excluded.country, "
    "n_reports = excluded.n_reports, n_sources = excluded.n_sources, "
    "first_seen = MIN(events.first_seen, excluded.first_seen), "
    "consensus_json = excluded.consensus_json"
)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _report(row: sqlite3.Row | tuple[Any, ...]) -> EventReport:
    return EventReport.from_dict(json.loads(row[0]))


def _candidates(conn: sqlite3.Connection, r: EventReport) -> list[tuple[str, str]]:
    """(report id, event id) of the stored reports ``r`` could be one event with."""
    span = day_span(r)
    if span is None or r.location is None:
        return []
    low = span[0] - dt.timedelta(days=1 + MAX_SPAN_DAYS)
    high = span[1] + dt.timedelta(days=1)
    types = sorted(t for t, f in FAMILIES.items() if f == family(r.type)) or [r.type]
    marks = ", ".join("?" for _ in types)
    rows = conn.execute(
        "SELECT report_id, event_id FROM reports WHERE date BETWEEN ? AND ? "
        f"AND type IN ({marks}) AND country IS ? AND admin1 IS ?",
        [low.isoformat(), high.isoformat(), *types, r.location.country, r.location.admin1],
    )
    return [(str(a), str(b)) for a, b in rows]


def neighbourhood(
    conn: sqlite3.Connection, start: Iterable[EventReport]
) -> dict[str, tuple[EventReport, str]]:
    """Report id -> (report, stored event id) of every report linked to ``start``."""
    found: dict[str, tuple[EventReport, str]] = {}
    frontier = list(start)
    events_seen: set[str] = set()
    while frontier and len(found) < NEIGHBOURHOOD_MAX:
        new_events: set[str] = set()
        for r in frontier:
            for _, event_id in _candidates(conn, r):
                if event_id not in events_seen:
                    new_events.add(event_id)
        for r in frontier:  # a new report's own (provisional) event
            row = conn.execute(
                "SELECT event_id FROM reports WHERE report_id = ?", (r.report_id,)
            ).fetchone()
            if row is not None and str(row[0]) not in events_seen:
                new_events.add(str(row[0]))
        frontier = []
        events_seen |= new_events
        for event_id in sorted(new_events):
            rows = conn.execute(
                "SELECT record_json, event_id FROM reports WHERE event_id = ?", (event_id,)
            )
            for row in rows:
                rep = _report(row)
                if rep.report_id not in found:
                    found[rep.report_id] = (rep, str(row[1]))
                    frontier.append(rep)
    return found


def source_infos(conn: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, SourceInfo]:
    """The outlet, publication date and storing time of each article."""
    ids = sorted(set(article_ids))
    out: dict[str, SourceInfo] = {}
    for k in range(0, len(ids), _CHUNK):
        chunk = ids[k : k + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        rows = conn.execute(
            f"SELECT id, source, published, ingested_at FROM articles WHERE id IN ({marks})",
            chunk,
        )
        for aid, source, published, seen in rows:
            out[str(aid)] = SourceInfo(
                source=source,
                published=dt.date.fromisoformat(published[:10]) if published else None,
                seen=str(seen or ""),
            )
    return out


def merge_around(
    conn: sqlite3.Connection, reports: Sequence[EventReport], now: str, fresh: Set[str]
) -> set[str]:
    """Re-cluster the neighbourhood of ``reports`` (already stored); ``fresh`` are the
    report ids just inserted, whose stored event ids are provisional. Returns the ids
    of the events written."""
    found = neighbourhood(conn, reports)
    return apply_clusters(conn, found, now, fresh)


def apply_clusters(
    conn: sqlite3.Connection,
    found: dict[str, tuple[EventReport, str]],
    now: str,
    fresh: Set[str] = frozenset(),
) -> set[str]:
    """Cluster ``found`` and write the outcome: reports, events, aliases."""
    reports = [r for r, _ in found.values()]
    infos = source_infos(conn, (r.article_id for r in reports))
    assignment = cluster(reports, infos)
    moved: dict[str, Counter[str]] = {}
    for rid, (r, old) in found.items():
        new = assignment[rid]
        if rid not in fresh:
            moved.setdefault(old, Counter())[new] += 1
        if new != old or r.event_id != new:
            conn.execute(
                "UPDATE reports SET event_id = ?, record_json = ? WHERE report_id = ?",
                (new, _dumps(replace(r, event_id=new).to_dict()), rid),
            )
    live = set(assignment.values())
    first_seen: dict[str, str] = {}
    for old, went in sorted(moved.items()):
        row = conn.execute("SELECT first_seen FROM events WHERE event_id = ?", (old,)).fetchone()
        for new in went:
            if row is not None:
                first_seen[new] = min(first_seen.get(new, now), str(row[0]))
        if old in live:
            continue
        target = sorted(went.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        conn.execute("DELETE FROM events WHERE event_id = ?", (old,))
        conn.execute("UPDATE event_aliases SET event_id = ? WHERE event_id = ?", (target, old))
        conn.execute(
            "INSERT INTO event_aliases (old_id, event_id, since) VALUES (?, ?, ?) "
            "ON CONFLICT (old_id) DO UPDATE SET event_id = excluded.event_id, "
            "since = excluded.since",
            (old, target, now),
        )
    for event_id in sorted(live):
        conn.execute("DELETE FROM event_aliases WHERE old_id = ?", (event_id,))
    members: dict[str, list[EventReport]] = {}
    for rid, (r, _) in found.items():
        members.setdefault(assignment[rid], []).append(replace(r, event_id=assignment[rid]))
    for event_id, rs in sorted(members.items()):
        write_event(conn, event_id, rs, infos, first_seen.get(event_id, now))
    return live


def write_event(
    conn: sqlite3.Connection,
    event_id: str,
    reports: Sequence[EventReport],
    infos: dict[str, SourceInfo],
    first_seen: str,
) -> None:
    """Insert or update the ``events`` row of ``event_id`` from all of its reports."""
    event = build_event(event_id, reports, infos)
    c = event.consensus
    loc = c["location"] or {}
    conn.execute(
        _UPSERT_EVENT,
        (
            event_id,
            c["type"],
            c["subtype"],
            c["modality"],
            c["date"],
            loc.get("name"),
            loc.get("geonames_id"),
            loc.get("admin1"),
            loc.get("admin2"),
            loc.get("country"),
            c["n_reports"],
            c["n_sources"],
            first_seen,
            _dumps(c),
        ),
    )


def recluster_all(conn: sqlite3.Connection, now: str) -> int:
    """Cluster every stored report again (after a change of merge rules); returns the
    number of events."""
    found = {
        r.report_id: (r, str(row[1]))
        for row in conn.execute("SELECT record_json, event_id FROM reports")
        for r in (_report(row),)
    }
    return len(apply_clusters(conn, found, now))
