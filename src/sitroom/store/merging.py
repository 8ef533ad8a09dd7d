"""Keeping stored events in step with stored reports, one article at a time.

When an article's reports are stored, the reports they could be one event with are
gathered from the database: among those of the same type family, country and oblast
within the days a merge can span, the ones ``similarity.match`` does not rule out; then
theirs in turn, and the other reports of their events, until nothing new comes (at most
``NEIGHBOURHOOD_MAX`` reports). That neighbourhood is clustered again as a whole
(``merge.cluster``). Since clustering only ever joins reports that such links connect,
the result is the one clustering the whole database would give, whatever order the
articles came in.

Reports whose event changes are rewritten; an event id that no longer exists is kept in
``event_aliases`` pointing at the event that took most of its reports, so links to it
still lead somewhere; events are recomputed from all their reports.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence, Set
from dataclasses import replace
from typing import Any

from sitroom.merge.cluster import SourceInfo, build_event, cluster, event_id_for
from sitroom.merge.similarity import (
    DISTRICT_KM,
    FAMILIES,
    MAX_SPAN_DAYS,
    Traits,
    day_span,
    family,
    level,
    match_traits,
    traits,
)
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


class ReportCache:
    """Stored reports already decoded, with their ``Traits``, by report id: a store keeps
    one so that the reports around a busy place and day are read from JSON once, not once
    per article that lands there. Bounded; the least recently used go first. A report's
    event id is always read from its row, never from here."""

    def __init__(self, size: int = 20_000) -> None:
        self.size = size
        self._items: OrderedDict[str, tuple[EventReport, Traits]] = OrderedDict()

    def get(self, report_id: str, record_json: str) -> tuple[EventReport, Traits]:
        item = self._items.get(report_id)
        if item is not None:
            self._items.move_to_end(report_id)
            return item
        report = EventReport.from_dict(json.loads(record_json))
        item = (report, traits(report))
        self._items[report_id] = item
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return item


def _candidates(
    conn: sqlite3.Connection, r: EventReport, cache: ReportCache
) -> list[tuple[EventReport, Traits, str]]:
    """(report, traits, event id) of the stored reports in ``r``'s block: the same type
    family, country and oblast, starting within the days a match can span."""
    span = day_span(r)
    if span is None or r.location is None:
        return []
    low = span[0] - dt.timedelta(days=1 + MAX_SPAN_DAYS)
    high = span[1] + dt.timedelta(days=1)
    types = sorted(t for t, f in FAMILIES.items() if f == family(r.type)) or [r.type]
    marks = ", ".join("?" for _ in types)
    sql = (
        "SELECT report_id, record_json, event_id FROM reports WHERE country IS ? "
        "AND admin1 IS ? "
        f"AND date BETWEEN ? AND ? AND type IN ({marks})"
    )
    args: list[Any] = [r.location.country, r.location.admin1, low.isoformat(), high.isoformat()]
    args += types
    loc = r.location
    if level(loc) == 3 and loc.lat is not None and loc.lon is not None:
        # a town meets the same place, any coarser place (a raion, an oblast), or a town
        # near enough: the same test ``place_relation`` makes, so the search is symmetric
        lat, lon, reach = loc.lat, loc.lon, DISTRICT_KM / 111.0
        wide = reach / max(0.1, math.cos(math.radians(lat)))
        sql += (
            " AND (geonames_id IS ? OR json_extract(record_json, '$.location.precision') <> 'town'"
            " OR (lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?))"
        )
        args += [loc.geonames_id, lat - reach, lat + reach, lon - wide, lon + wide]
    out = []
    for rid, record, event_id in conn.execute(sql, args):
        report, features = cache.get(str(rid), record)
        out.append((report, features, str(event_id)))
    return out


def neighbourhood(
    conn: sqlite3.Connection, start: Iterable[EventReport], cache: ReportCache | None = None
) -> dict[str, tuple[EventReport, str]]:
    """Report id -> (report, stored event id) of every report ``start`` is linked to:
    the stored reports each could be one event with (``similarity.match``), theirs in
    turn, and the other reports of their events."""
    cache = cache or ReportCache()
    found: dict[str, tuple[EventReport, str]] = {}
    frontier = list(start)
    for r in frontier:
        row = conn.execute("SELECT event_id FROM reports WHERE report_id = ?", (r.report_id,))
        stored = row.fetchone()
        found[r.report_id] = (r, str(stored[0]) if stored else event_id_for(r.report_id))
    events_seen: set[str] = set()
    while frontier and len(found) < NEIGHBOURHOOD_MAX:
        linked_events: set[str] = set()
        next_frontier: list[EventReport] = []
        for r in frontier:
            mine = traits(r)
            for other, features, event_id in _candidates(conn, r, cache):
                if other.report_id in found or match_traits(mine, features) is None:
                    continue
                found[other.report_id] = (other, event_id)
                next_frontier.append(other)
                linked_events.add(event_id)
        for event_id in sorted(linked_events - events_seen):
            events_seen.add(event_id)
            for rid, record, stored_event in conn.execute(
                "SELECT report_id, record_json, event_id FROM reports WHERE event_id = ?",
                (event_id,),
            ):
                if str(rid) not in found:
                    mate, _ = cache.get(str(rid), record)
                    found[mate.report_id] = (mate, str(stored_event))
                    next_frontier.append(mate)
        frontier = next_frontier
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
    conn: sqlite3.Connection,
    reports: Sequence[EventReport],
    now: str,
    fresh: Set[str],
    cache: ReportCache | None = None,
) -> set[str]:
    """Re-cluster the neighbourhood of ``reports`` (already stored); ``fresh`` are the
    report ids just inserted, whose stored event ids are provisional. Returns the ids
    of the events written."""
    found = neighbourhood(conn, reports, cache)
    return apply_clusters(conn, found, now, fresh)


def apply_clusters(
    conn: sqlite3.Connection,
    found: dict[str, tuple[EventReport, str]],
    now: str,
    fresh: Set[str] = frozenset(),
    rewrite_all: bool = False,
) -> set[str]:
    """Cluster ``found`` and write the outcome: reports, events, aliases. An event that
    keeps its id and its reports is left as it is (its consensus cannot have changed),
    unless ``rewrite_all``."""
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
    before: dict[str, set[str]] = {}
    for rid, (r, old) in found.items():
        members.setdefault(assignment[rid], []).append(replace(r, event_id=assignment[rid]))
        if rid not in fresh:
            before.setdefault(old, set()).add(rid)
    for event_id, rs in sorted(members.items()):
        if not rewrite_all and before.get(event_id) == {r.report_id for r in rs}:
            continue
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
    return len(apply_clusters(conn, found, now, rewrite_all=True))
