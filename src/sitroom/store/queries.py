"""Named read queries: the only SQL that the CLI, the API, the dashboard and exports see.

Every value that comes from a user is bound as a parameter (``?``); the SQL text is put
together only from constant fragments written in this module. Stored records come back
as the records of ``sitroom.types`` (rebuilt from their JSON), or as ``EventRow`` for
tables of events.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, cast

from sitroom.errors import NotFound, StoreError
from sitroom.store.db import FOLD, INPUT_STATUSES, Store, fold
from sitroom.types import (
    Actor,
    Article,
    Event,
    EventReport,
    Mention,
    MentionKind,
    Place,
    PublishedHow,
    Quote,
    RemovedSpan,
    Span,
    WeaponCount,
)

#: Characters of an event id (after ``ev_``) that ``resolve_event_id`` needs at least.
MIN_PREFIX = 6
#: The longest text a filter takes (a place, an actor, words to find).
MAX_TEXT_QUERY = 200
TABLES: tuple[str, ...] = ("articles", "mentions", "reports", "events", "quotes", "ingest_log")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events (or reports) to list.

    ``since``/``until`` are inclusive and compare with the event date. ``type`` matches
    the type or the subtype exactly ("attack", "air_drone_strike"). ``place`` matches
    any part of the place name or of its admin1, ignoring case ("kyiv" finds "Kyiv City").
    ``area`` (a resolved country, oblast or raion) matches every event inside it, by
    its admin names and country code: "Sumy Oblast" finds Shostka.
    ``modality`` matches exactly. ``actor`` matches part of a report's actor 1 name (any
    case) or its Wikidata id. ``min_killed``/``min_injured`` compare with the event's
    consensus figure (a report's own lowest figure, for reports). ``source`` and
    ``language`` match an article the event is told in (the outlet, any case; the
    language code); ``text`` finds the words in the text of one of its articles (any
    case, at most ``MAX_TEXT_QUERY`` characters). ``limit=None`` lists everything.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = None
    place: str | None = None
    area: Place | None = None
    limit: int | None = 100
    offset: int = 0
    modality: str | None = None
    actor: str | None = None
    min_killed: int | None = None
    min_injured: int | None = None
    source: str | None = None
    language: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise ValueError(f"limit must be 0 or more, got {self.limit}")
        if self.offset < 0:
            raise ValueError(f"offset must be 0 or more, got {self.offset}")
        for name in ("min_killed", "min_injured"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must be 0 or more, got {value}")
        for name in ("type", "place", "modality", "actor", "source", "language", "text"):
            value = getattr(self, name)
            if value is not None and len(value) > MAX_TEXT_QUERY:
                raise ValueError(f"{name} is longer than {MAX_TEXT_QUERY} characters")


@dataclass(frozen=True, slots=True)
class EventRow:
    """One line of an event table; figures are the event's consensus."""

    event_id: str
    type: str
    subtype: str | None
    modality: str
    date: dt.date | None
    location: str | None
    admin1: str | None
    country: str | None
    geonames_id: int | None
    killed_min: int | None
    killed_max: int | None
    injured_min: int | None
    injured_max: int | None
    n_reports: int
    weapons: str
    n_sources: int = 1

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        return d


@dataclass(frozen=True, slots=True)
class EventDetail:
    """An event with the articles its reports come from (by article id)."""

    event: Event
    articles: dict[str, Article] = field(default_factory=dict)


# ---------------------------------------------------------------------- events


def events(store: Store, flt: EventFilter | None = None) -> list[EventRow]:
    """Events matching ``flt``, newest first (events without a date last)."""
    flt = flt or EventFilter()
    where, params = _where(flt, place=("location_name", "admin1"), killed=_EVENT_FIGURES)
    sql = (
        "SELECT event_id, type, subtype, modality, date, location_name, admin1, country, "
        f"geonames_id, n_reports, n_sources, consensus_json FROM events{where} "
        "ORDER BY date IS NULL, date DESC, event_id LIMIT ? OFFSET ?"
    )
    rows = _fetch(store, sql, [*params, _limit(flt), flt.offset])
    return [_event_row(row) for row in rows]


@dataclass(frozen=True, slots=True)
class DailyStat:
    """What the events of one day and one oblast add up to (each event's consensus)."""

    date: dt.date
    admin1: str | None
    country: str | None
    events: int
    killed: int
    injured: int
    launched: int
    intercepted: int

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat()
        return d


def daily_stats(store: Store, flt: EventFilter | None = None) -> list[DailyStat]:
    """Per day and oblast: events, killed, injured, weapons launched and intercepted,
    summed over the consensus of the dated events reported as news of the day (not
    planned, cancelled, denied, claimed or historical ones); oldest day first."""
    flt = replace(flt or EventFilter(), limit=None, offset=0, modality="reported")
    where, params = _where(flt, place=("location_name", "admin1"), killed=_EVENT_FIGURES)
    where += " AND date IS NOT NULL" if where else " WHERE date IS NOT NULL"
    sql = f"SELECT date, admin1, country, consensus_json FROM events{where}"
    totals: dict[tuple[str, str | None, str | None], list[int]] = {}
    for row in _fetch(store, sql, params):
        c = json.loads(row["consensus_json"])
        t = totals.setdefault((row["date"], row["admin1"], row["country"]), [0, 0, 0, 0, 0])
        t[0] += 1
        t[1] += _figure(c.get("killed"))
        t[2] += _figure(c.get("injured"))
        for w in c.get("weapons") or []:
            t[3] += _figure(w.get("launched"))
            t[4] += _figure(w.get("intercepted"))
    return [
        DailyStat(dt.date.fromisoformat(day), admin1, country, *t)
        for (day, admin1, country), t in sorted(
            totals.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2] or "")
        )
    ]


def _figure(fig: dict[str, Any] | None) -> int:
    if not fig:
        return 0
    value = fig.get("value", fig.get("min"))
    return int(value) if isinstance(value, int) else 0


def event(store: Store, event_id: str) -> Event:
    """The event with exactly this id, its reports rebuilt; ``NotFound`` if there is none."""
    rows = _fetch(store, "SELECT type, consensus_json FROM events WHERE event_id = ?", [event_id])
    if not rows:
        raise NotFound(f"no event with id {event_id!r}")
    reports = _fetch(
        store, "SELECT record_json FROM reports WHERE event_id = ? ORDER BY report_id", [event_id]
    )
    return Event(
        event_id=event_id,
        type=rows[0]["type"],
        reports=tuple(EventReport.from_dict(json.loads(r["record_json"])) for r in reports),
        consensus=json.loads(rows[0]["consensus_json"]),
    )


def event_detail(store: Store, ident: str) -> EventDetail:
    """The event named by a full id or a unique prefix, with its articles."""
    ev = event(store, resolve_event_id(store, ident))
    ids = sorted({r.article_id for r in ev.reports})
    return EventDetail(event=ev, articles={aid: article(store, aid) for aid in ids})


def resolve_event_id(store: Store, prefix: str) -> str:
    """The one event id that is ``prefix`` or starts with it.

    ``ev_`` may be left out. A prefix needs at least ``MIN_PREFIX`` characters after
    ``ev_``. The full id of an event that a merge retired leads to the event that took
    its reports. Raises ``NotFound`` when nothing matches and ``StoreError`` when several
    do.
    """
    given = prefix.strip()
    if _fetch(store, "SELECT 1 FROM events WHERE event_id = ?", [given]):
        return given
    full = given if given.startswith("ev_") else f"ev_{given}"
    alias = _fetch(store, "SELECT event_id FROM event_aliases WHERE old_id = ?", [full])
    if alias:
        return str(alias[0]["event_id"])
    if len(full) - len("ev_") < MIN_PREFIX:
        raise NotFound(
            f"no event with id {prefix!r} (give the full id, or at least {MIN_PREFIX} "
            "characters of it after 'ev_')"
        )
    rows = _fetch(
        store,
        "SELECT event_id FROM events WHERE event_id >= ? AND event_id < ? "
        "AND substr(event_id, 1, ?) = ? ORDER BY event_id LIMIT 4",
        [full, full + "\U0010ffff", len(full), full],
    )
    if not rows:
        raise NotFound(f"no event with id {prefix!r}")
    if len(rows) > 1:
        some = ", ".join(r[0] for r in rows[:3]) + (", ..." if len(rows) > 3 else "")
        raise StoreError(f"event id {prefix!r} is ambiguous ({some}); give more characters")
    return str(rows[0][0])


# ---------------------------------------------------------------------- reports


def reports(store: Store, flt: EventFilter | None = None) -> Iterator[EventReport]:
    """Stored reports matching ``flt`` (all of them by default), oldest first."""
    flt = flt or EventFilter(limit=None)
    where, params = _where(flt, place=("location_name", "admin1"))
    sql = (
        f"SELECT record_json FROM reports{where} "
        "ORDER BY date IS NULL, date, report_id LIMIT ? OFFSET ?"
    )
    try:
        cursor = store.connection.execute(sql, (*params, _limit(flt), flt.offset))
        for row in cursor:
            yield EventReport.from_dict(json.loads(row["record_json"]))
    except sqlite3.Error as exc:
        raise StoreError(f"could not read reports: {exc}") from exc


def reports_of_article(store: Store, article_id: str) -> list[EventReport]:
    """The reports one article tells, in text order."""
    rows = _fetch(
        store,
        "SELECT record_json FROM reports WHERE article_id = ? ORDER BY report_id",
        [article_id],
    )
    found = [EventReport.from_dict(json.loads(r["record_json"])) for r in rows]
    return sorted(found, key=lambda r: (r.evidence[0].start if r.evidence else -1, r.report_id))


def weapons_text(weapons: Iterable[WeaponCount]) -> str:
    """Compact weapon counts, ``kind:launched/intercepted`` joined by ``;``.

    >>> weapons_text([WeaponCount("drone", "", 165, 140), WeaponCount("missile", "", 9)])
    'drone:165/140;missile:9/'
    """
    return ";".join(f"{w.kind}:{_num(w.launched)}/{_num(w.intercepted)}" for w in weapons)


# ---------------------------------------------------------------------- articles, quotes


def article(store: Store, article_id: str) -> Article:
    """The stored article; ``NotFound`` if there is none."""
    rows = _fetch(store, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        raise NotFound(f"no article with id {article_id!r}")
    row = rows[0]
    return Article(
        id=row["id"],
        text=row["text"],
        language=row["language"],
        title=row["title"],
        source=row["source"],
        url=row["url"],
        published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
        published_how=cast(PublishedHow, row["published_how"]),
        paragraphs=tuple(Span.from_dict(p) for p in json.loads(row["paragraphs_json"])),
        removed=tuple(
            RemovedSpan(int(r["at"]), str(r["text"]), str(r["reason"]))
            for r in json.loads(row["removed_json"])
        ),
        language_confidence=float(row["language_confidence"]),
        raw_path=row["raw_path"],
    )


def consensus_by_event(
    store: Store, event_ids: Iterable[str] | None = None
) -> dict[str, dict[str, Any]]:
    """The consensus (``merge.cluster``) of every stored event, or of ``event_ids``, by
    event id."""
    if event_ids is None:
        rows = _fetch(store, "SELECT event_id, consensus_json FROM events", [])
        return {row["event_id"]: json.loads(row["consensus_json"]) for row in rows}
    ids = sorted(set(event_ids))
    out: dict[str, dict[str, Any]] = {}
    for k in range(0, len(ids), 500):
        chunk = ids[k : k + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT event_id, consensus_json FROM events WHERE event_id IN ({marks})"
        for row in _fetch(store, sql, chunk):
            out[row["event_id"]] = json.loads(row["consensus_json"])
    return out


def article_sources(store: Store) -> dict[str, str | None]:
    """The source (outlet) of every stored article, by article id."""
    rows = _fetch(store, "SELECT id, source FROM articles", [])
    return {row["id"]: row["source"] for row in rows}


def mentions(store: Store, article_id: str) -> list[Mention]:
    """The mentions of one article, in text order."""
    rows = _fetch(
        store,
        'SELECT kind, start, "end", text, label, ref FROM mentions WHERE article_id = ? '
        'ORDER BY start, "end", id',
        [article_id],
    )
    return [
        Mention(cast(MentionKind, r["kind"]), r["start"], r["end"], r["text"], r["label"], r["ref"])
        for r in rows
    ]


def quotes(
    store: Store,
    article_id: str | None = None,
    speaker: str | None = None,
    limit: int | None = 100,
    offset: int = 0,
) -> list[Quote]:
    """Stored quotes, by article and position; ``speaker`` matches part of the name."""
    clauses: list[str] = []
    params: list[Any] = []
    if article_id is not None:
        clauses.append("article_id = ?")
        params.append(article_id)
    if speaker:
        clauses.append(f"instr({FOLD}(speaker_name), ?) > 0")
        params.append(fold(speaker))
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = (
        f"SELECT record_json FROM quotes{where} ORDER BY article_id, start, quote_id "
        "LIMIT ? OFFSET ?"
    )
    rows = _fetch(store, sql, [*params, -1 if limit is None else limit, offset])
    return [quote_from_dict(json.loads(r["record_json"])) for r in rows]


def quote_from_dict(d: dict[str, Any]) -> Quote:
    """Read back ``Quote.to_dict()``."""
    return Quote(
        quote_id=d["quote_id"],
        article_id=d["article_id"],
        text=d["text"],
        start=int(d["start"]),
        end=int(d["end"]),
        speaker=Actor.from_dict(d["speaker"]) if d.get("speaker") else None,
        verb=d.get("verb"),
        direct=bool(d.get("direct")),
        evidence=Span.from_dict(d["evidence"]) if d.get("evidence") else None,
        language=d.get("language"),
    )


# ---------------------------------------------------------------------- tallies


def counts(store: Store) -> dict[str, int]:
    """How many rows each table holds."""
    return {t: int(_fetch(store, f"SELECT COUNT(*) FROM {t}", [])[0][0]) for t in TABLES}


def ingest_tally(store: Store) -> dict[str, int]:
    """How many inputs were ingested, found duplicate and rejected."""
    tally = dict.fromkeys(INPUT_STATUSES, 0)
    for row in _fetch(store, "SELECT status, COUNT(*) FROM ingest_log GROUP BY status", []):
        tally[row[0]] = int(row[1])
    return tally


# ---------------------------------------------------------------------- helpers


def _fetch(store: Store, sql: str, params: Sequence[Any]) -> list[sqlite3.Row]:
    try:
        return store.connection.execute(sql, tuple(params)).fetchall()
    except sqlite3.Error as exc:
        raise StoreError(f"could not read the database: {exc}") from exc


_EVENT_FIGURES = (
    "json_extract(consensus_json, '$.killed.value')",
    "json_extract(consensus_json, '$.injured.value')",
)
_REPORT_FIGURES = ("killed_min", "injured_min")
# Events told in an article matching a condition on ``a`` (articles) or ``r`` (reports).
_TOLD_IN = (
    "event_id IN (SELECT r.event_id FROM reports r JOIN articles a ON a.id = r.article_id WHERE {})"
)


def _where(
    flt: EventFilter, *, place: tuple[str, str], killed: tuple[str, str] = _REPORT_FIGURES
) -> tuple[str, list[Any]]:
    """`` WHERE …`` for a filter (constant column names, values as parameters);
    ``killed`` names the killed and injured figures of the table read."""
    clauses: list[str] = []
    params: list[Any] = []
    if flt.since is not None:
        clauses.append("date >= ?")
        params.append(flt.since.isoformat())
    if flt.until is not None:
        clauses.append("date <= ?")
        params.append(flt.until.isoformat())
    if flt.type:
        clauses.append("(type = ? OR subtype = ?)")
        params += [flt.type, flt.type]
    if flt.area is not None:
        clause, values = _inside(flt.area)
        clauses.append(clause)
        params += values
    elif flt.place:
        name, admin1 = place
        clauses.append(f"(instr({FOLD}({name}), ?) > 0 OR instr({FOLD}({admin1}), ?) > 0)")
        params += [fold(flt.place), fold(flt.place)]
    if flt.modality:
        clauses.append("modality = ?")
        params.append(flt.modality)
    for column, minimum in zip(killed, (flt.min_killed, flt.min_injured), strict=True):
        if minimum is not None:
            clauses.append(f"{column} >= ?")
            params.append(minimum)
    if flt.actor:
        clauses.append(
            _TOLD_IN.format(
                f"instr({FOLD}(json_extract(r.record_json, '$.actor1.name')), ?) > 0 "
                "OR json_extract(r.record_json, '$.actor1.wikidata') = ?"
            )
        )
        params += [fold(flt.actor), flt.actor]
    if flt.source:
        clauses.append(_TOLD_IN.format(f"{FOLD}(a.source) = ?"))
        params.append(fold(flt.source))
    if flt.language:
        clauses.append(_TOLD_IN.format("a.language = ?"))
        params.append(flt.language)
    if flt.text:
        clauses.append(_TOLD_IN.format(f"instr({FOLD}(a.text), ?) > 0"))
        params.append(fold(flt.text))
    return (f" WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _inside(area: Place) -> tuple[str, list[Any]]:
    """The clause for events inside ``area`` (or at it, for a town or a region)."""
    if area.precision == "country":
        return "country = ?", [area.country]
    if area.precision == "admin1":
        return "(admin1 = ? AND country = ?)", [area.admin1 or area.name, area.country]
    if area.precision == "admin2":
        return "(admin2 = ? AND admin1 IS ?)", [area.admin2 or area.name, area.admin1]
    return "geonames_id = ?", [area.geonames_id]


def _limit(flt: EventFilter) -> int:
    return -1 if flt.limit is None else flt.limit


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


def _event_row(row: sqlite3.Row) -> EventRow:
    c: dict[str, Any] = json.loads(row["consensus_json"])
    killed = c.get("killed") or {}
    injured = c.get("injured") or {}
    weapons = [
        WeaponCount(
            kind=w["kind"],
            text="",
            launched=(w.get("launched") or {}).get("min"),
            intercepted=(w.get("intercepted") or {}).get("min"),
        )
        for w in c.get("weapons", [])
    ]
    return EventRow(
        event_id=row["event_id"],
        type=row["type"],
        subtype=row["subtype"],
        modality=row["modality"],
        date=dt.date.fromisoformat(row["date"]) if row["date"] else None,
        location=row["location_name"],
        admin1=row["admin1"],
        country=row["country"],
        geonames_id=row["geonames_id"],
        killed_min=killed.get("min"),
        killed_max=killed.get("max"),
        injured_min=injured.get("min"),
        injured_max=injured.get("max"),
        n_reports=int(row["n_reports"]),
        weapons=weapons_text(weapons),
        n_sources=int(row["n_sources"]),
    )
