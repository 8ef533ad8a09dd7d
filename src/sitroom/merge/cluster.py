"""Group event reports into events: stable ids and a consensus over their figures.

This is the first, honest step of the merge stage (DESIGN.md section 4): every report is
its own event. Reports of the same strike told by two outlets are NOT merged yet; that
needs the similarity scoring (type family, date window, place distance, actors) that a
later step adds in ``merge/similarity.py``. What is already fixed here is the contract
the rest of the system relies on:

* an event id is derived from data, never from a counter, so re-ingesting an article or
  rebuilding the database gives the same ids: ``"ev_" + sha256("event:" + report_id)[:16]``;
* a report that already carries an ``event_id`` (set by a smarter merger) keeps it;
* ``consensus(reports)`` sums up an event's reports without hiding any of them: each
  report keeps its own figures in ``Event.reports``.

Consensus keys (``Event.consensus``, also stored as ``events.consensus_json``):

``type``, ``subtype``, ``modality``, ``date``, ``date_precision``, ``location``
    taken from the headline report: the most confident one, ties broken by report id.
``killed``, ``injured``, ``children_killed``, ``children_injured``
    ``{"min", "max", "reports"}``: ``min`` is the lowest figure any report gives,
    ``max`` the highest upper bound, or ``None`` when a report leaves the upper bound
    open ("at least 14"); ``reports`` counts the reports that state the figure.
    ``None`` when no report states it.
``weapons``
    one entry per weapon kind: ``{"kind", "launched", "intercepted"}``, each a
    ``{"min", "max"}`` over the reports' stated counts, or ``None``.
``n_reports``, ``articles``
    how many reports, and the ids of the articles they come from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from sitroom.types import Event, EventReport, Quantity

FIGURES: tuple[str, ...] = ("killed", "injured", "children_killed", "children_injured")


def event_id_for(report_id: str) -> str:
    """The event id a report gets when it is an event of its own."""
    digest = hashlib.sha256(f"event:{report_id}".encode()).hexdigest()
    return f"ev_{digest[:16]}"


def assign_event_ids(reports: Sequence[EventReport]) -> tuple[EventReport, ...]:
    """Give every report without one an event id; one event per report for now.

    Deterministic and stable: the id depends on the report id only. Cross-article
    merging (the same event told by several outlets) is a later step.
    """
    return tuple(
        r if r.event_id else replace(r, event_id=event_id_for(r.report_id)) for r in reports
    )


def headline(reports: Sequence[EventReport]) -> EventReport:
    """The report whose type, date and place stand for the event."""
    if not reports:
        raise ValueError("an event needs at least one report")
    return sorted(reports, key=lambda r: (-r.confidence, r.report_id))[0]


def build_event(event_id: str, reports: Sequence[EventReport]) -> Event:
    """An ``Event`` from its reports (sorted by report id) with their consensus."""
    ordered = tuple(sorted(reports, key=lambda r: r.report_id))
    summary = consensus(ordered)
    return Event(event_id=event_id, type=summary["type"], reports=ordered, consensus=summary)


def consensus(reports: Sequence[EventReport]) -> dict[str, Any]:
    """Sum up the reports of one event; see the module docstring for the keys."""
    top = headline(reports)
    loc = top.location
    out: dict[str, Any] = {
        "type": top.type,
        "subtype": top.subtype,
        "modality": top.modality,
        "date": top.date.date.isoformat() if top.date and top.date.date else None,
        "date_precision": top.date.precision if top.date else "unresolved",
        "location": None
        if loc is None
        else {
            "name": loc.name,
            "geonames_id": loc.geonames_id,
            "admin1": loc.admin1,
            "admin2": loc.admin2,
            "country": loc.country,
            "lat": loc.lat,
            "lon": loc.lon,
            "precision": loc.precision,
        },
    }
    for name in FIGURES:
        out[name] = figure_consensus(getattr(r, name) for r in reports)
    out["weapons"] = weapons_consensus(reports)
    out["n_reports"] = len(reports)
    out["articles"] = sorted({r.article_id for r in reports})
    return out


def figure_consensus(quantities: Iterable[Quantity | None]) -> dict[str, Any] | None:
    """``{"min", "max", "reports"}`` over the quantities that state a number."""
    stated = [q for q in quantities if q is not None and (q.min is not None or q.max is not None)]
    if not stated:
        return None
    mins = [q.min for q in stated if q.min is not None]
    open_ended = any(q.max is None for q in stated)
    highs = [q.max if q.max is not None else q.min for q in stated]
    known = [h for h in highs if h is not None]
    return {
        "min": min(mins) if mins else None,
        "max": None if open_ended or not known else max(known),
        "reports": len(stated),
    }


def weapons_consensus(reports: Sequence[EventReport]) -> list[dict[str, Any]]:
    """One entry per weapon kind, in order of first appearance."""
    launched: dict[str, list[int]] = {}
    intercepted: dict[str, list[int]] = {}
    for report in reports:
        for w in report.weapons:
            launched.setdefault(w.kind, [])
            intercepted.setdefault(w.kind, [])
            if w.launched is not None:
                launched[w.kind].append(w.launched)
            if w.intercepted is not None:
                intercepted[w.kind].append(w.intercepted)
    return [
        {"kind": kind, "launched": _span(launched[kind]), "intercepted": _span(intercepted[kind])}
        for kind in launched
    ]


def _span(values: list[int]) -> dict[str, int] | None:
    return {"min": min(values), "max": max(values)} if values else None
