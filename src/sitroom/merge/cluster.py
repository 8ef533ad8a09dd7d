"""Group event reports into events, and sum up each event without hiding any source.

``cluster(reports)`` decides which reports tell one real-world event. It is a function of
the set of reports alone, never of the order they arrived in:

1. reports are compared only within a block (type family, country, oblast, day ± 1);
2. every strong pair (``similarity.Match.strong``: the same or a near place, a
   compatible date, no evidence against) joins its two groups, best pairs first, unless
   the join would put two reports of one article in one event (an article that tells two
   strikes tells two events);
3. a group on a coarser place (a raion, then an oblast) joins the single finer group it
   holds on the same day ("Fastiv" and "the Kyiv region"), and stays alone when it holds
   several: "the Kyiv region" on a night when Fastiv and Bila Tserkva were both hit could
   be either.

The event id comes from the group's senior report, the one from the earliest-published
article (ties: article id, report id): ``"ev_" + sha256("event:" + report_id)[:16]``. So
re-ingesting changes nothing, an unrelated article changes no id, and an article that
joins an event keeps the event's id unless it was published earlier than every report
already there (the store then keeps the old id as an alias).

Consensus keys (``Event.consensus``, also stored as ``events.consensus_json``):

``type``, ``subtype``, ``modality``, ``date``, ``date_precision``, ``location``
    taken from the headline report: the most confident one, ties broken by report id.
``killed``, ``injured``, ``children_killed``, ``children_injured``
    ``{"value", "min", "max", "sources", "reports"}`` over each source's latest figure:
    ``value`` follows ACLED's conservative rule, the lowest figure any source gives (a
    vague one, "dozens", only when no source gives a number); ``min`` and ``max`` the
    range (``max`` is ``None`` when a source leaves it open, "at least 14"); ``sources``
    counts the sources that state it and ``reports`` every report that did, superseded
    ones included. ``None`` when nobody states it.
``weapons``
    one entry per weapon kind: ``{"kind", "launched", "intercepted"}``, each a
    ``{"value", "min", "max"}`` over the sources' latest stated counts, or ``None``.
``sources``
    one entry per source (the outlet; an article of unknown outlet is a source of its
    own), each with its reports in publication order, their figures and evidence, and
    ``latest`` marking the one that counts: a toll that rose during the day is kept as it
    rose.
``n_reports``, ``n_sources``, ``articles``
    how many reports and sources, and the ids of the articles they come from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sitroom.merge.similarity import day_span, family, level, match_traits, traits
from sitroom.types import Event, EventReport, Quantity

FIGURES: tuple[str, ...] = ("killed", "injured", "children_killed", "children_injured")
_NEVER = dt.date.max


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What merging needs to know of a report's article: its outlet, when it was
    published, and when it was stored (orders two versions published the same day)."""

    source: str | None = None
    published: dt.date | None = None
    seen: str = ""


def event_id_for(report_id: str) -> str:
    """The event id of a group whose senior report is ``report_id``."""
    digest = hashlib.sha256(f"event:{report_id}".encode()).hexdigest()
    return f"ev_{digest[:16]}"


class _Groups:
    """Union-find over report indices that refuses to put one article twice in a group."""

    def __init__(self, reports: Sequence[EventReport]) -> None:
        self.parent = list(range(len(reports)))
        self.articles = [{r.article_id} for r in reports]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        if self.articles[a] & self.articles[b]:
            return False
        a, b = min(a, b), max(a, b)  # the root is the lower index: deterministic
        self.parent[b] = a
        self.articles[a] |= self.articles[b]
        return True


def _blocks(reports: Sequence[EventReport]) -> Iterator[tuple[int, int]]:
    """Index pairs that share a block: family, country, oblast, and a day ± 1."""
    by_day: dict[tuple[str, str | None, str | None, dt.date], list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        span = day_span(r)
        if span is None or r.location is None:
            continue
        loc = r.location
        day = span[0]
        while day <= span[1]:
            by_day[(family(r.type), loc.country, loc.admin1, day)].append(i)
            day += dt.timedelta(days=1)
    seen: set[tuple[int, int]] = set()
    for (fam, country, admin1, day), members in sorted(by_day.items(), key=_block_key):
        next_day = by_day.get((fam, country, admin1, day + dt.timedelta(days=1)), [])
        ordered = sorted({*members, *next_day})
        for x, i in enumerate(ordered):
            for j in ordered[x + 1 :]:
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j


def _block_key(
    item: tuple[tuple[str, str | None, str | None, dt.date], list[int]],
) -> tuple[str, str, str, dt.date]:
    fam, country, admin1, day = item[0]
    return (fam, country or "", admin1 or "", day)


def cluster(
    reports: Sequence[EventReport], articles: Mapping[str, SourceInfo] | None = None
) -> dict[str, str]:
    """Report id -> event id for every report; see the module docstring."""
    articles = articles or {}
    ordered = sorted(reports, key=lambda r: r.report_id)
    groups = _Groups(ordered)
    strong: list[tuple[float, str, str, int, int]] = []
    nested: list[tuple[int, int]] = []
    features = [traits(r) for r in ordered]
    for i, j in _blocks(ordered):
        m = match_traits(features[i], features[j])
        if m is None:
            continue
        if m.strong:
            strong.append((-m.score, ordered[i].report_id, ordered[j].report_id, i, j))
        elif m.relation == "nested":
            nested.append((i, j))
    for _, _, _, i, j in sorted(strong):
        groups.join(i, j)
    for coarse_level in (2, 1):  # raions join a town first, then oblasts join what is left
        _attach(ordered, groups, nested, coarse_level)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        members[groups.find(i)].append(i)
    out: dict[str, str] = {}
    for idx in members.values():
        senior = min((ordered[i] for i in idx), key=lambda r: _seniority(r, articles))
        event_id = event_id_for(senior.report_id)
        for i in idx:
            out[ordered[i].report_id] = event_id
    return out


def _finest(ordered: Sequence[EventReport], groups: _Groups) -> dict[int, int]:
    finest: dict[int, int] = {}
    for i, r in enumerate(ordered):
        root = groups.find(i)
        lvl = level(r.location) if r.location else 0
        finest[root] = max(finest.get(root, 0), lvl)
    return finest


def _attach(
    ordered: Sequence[EventReport],
    groups: _Groups,
    nested: Sequence[tuple[int, int]],
    coarse_level: int,
) -> None:
    """Join each group whose finest place is at ``coarse_level`` to the one finer group
    its places hold, when there is exactly one."""
    finest = _finest(ordered, groups)
    targets: dict[int, set[int]] = defaultdict(set)
    for i, j in nested:
        ri, rj = groups.find(i), groups.find(j)
        if ri == rj:
            continue
        for coarse, fine in ((ri, rj), (rj, ri)):
            if finest[coarse] == coarse_level and finest[fine] > coarse_level:
                targets[coarse].add(fine)
    for coarse in sorted(targets):
        if len(targets[coarse]) == 1:
            groups.join(coarse, next(iter(targets[coarse])))


def _seniority(report: EventReport, articles: Mapping[str, SourceInfo]) -> tuple[Any, ...]:
    info = articles.get(report.article_id)
    published = info.published if info and info.published else _NEVER
    return (published, report.article_id, report.report_id)


# ---------------------------------------------------------------------- events


def headline(reports: Sequence[EventReport]) -> EventReport:
    """The report whose type, date and place stand for the event."""
    if not reports:
        raise ValueError("an event needs at least one report")
    return sorted(reports, key=lambda r: (-r.confidence, r.report_id))[0]


def build_event(
    event_id: str,
    reports: Sequence[EventReport],
    articles: Mapping[str, SourceInfo] | None = None,
) -> Event:
    """An ``Event`` from its reports (sorted by report id) with their consensus."""
    ordered = tuple(sorted(reports, key=lambda r: r.report_id))
    summary = consensus(ordered, articles)
    return Event(event_id=event_id, type=summary["type"], reports=ordered, consensus=summary)


def by_source(
    reports: Sequence[EventReport], articles: Mapping[str, SourceInfo] | None = None
) -> dict[str, list[EventReport]]:
    """Each source's reports, oldest first; an article of unknown outlet is its own."""
    articles = articles or {}
    out: dict[str, list[EventReport]] = defaultdict(list)
    for r in reports:
        info = articles.get(r.article_id)
        out[info.source if info and info.source else f"article {r.article_id}"].append(r)

    def when(r: EventReport) -> tuple[Any, ...]:
        info = articles.get(r.article_id) or SourceInfo()
        return (info.published or _NEVER, info.seen, r.article_id, r.report_id)

    return {name: sorted(rs, key=when) for name, rs in sorted(out.items())}


def consensus(
    reports: Sequence[EventReport], articles: Mapping[str, SourceInfo] | None = None
) -> dict[str, Any]:
    """Sum up the reports of one event; see the module docstring for the keys."""
    articles = articles or {}
    top = headline(reports)
    loc = top.location
    sources = by_source(reports, articles)
    latest = [rs[-1] for rs in sources.values()]
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
        out[name] = figure_consensus(
            (getattr(r, name) for r in latest), every=[getattr(r, name) for r in reports]
        )
    out["weapons"] = weapons_consensus(latest)
    out["sources"] = [_source_entry(name, rs, articles) for name, rs in sources.items()]
    out["n_reports"] = len(reports)
    out["n_sources"] = len(sources)
    out["articles"] = sorted({r.article_id for r in reports})
    return out


def _source_entry(
    name: str, reports: Sequence[EventReport], articles: Mapping[str, SourceInfo]
) -> dict[str, Any]:
    rows = []
    for k, r in enumerate(reports):
        info = articles.get(r.article_id) or SourceInfo()
        row: dict[str, Any] = {
            "report_id": r.report_id,
            "article_id": r.article_id,
            "published": info.published.isoformat() if info.published else None,
            "latest": k == len(reports) - 1,
            "language": r.language,
        }
        for figure in FIGURES:
            q = getattr(r, figure)
            row[figure] = q.to_dict() if q is not None else None
        row["weapons"] = [w.to_dict() for w in r.weapons]
        rows.append(row)
    return {"source": name, "reports": rows}


def _stated(quantities: Iterable[Quantity | None]) -> list[Quantity]:
    return [q for q in quantities if q is not None and (q.min is not None or q.max is not None)]


def figure_consensus(
    quantities: Iterable[Quantity | None], every: Sequence[Quantity | None] | None = None
) -> dict[str, Any] | None:
    """``{"value", "min", "max", "sources", "reports"}`` over the stated quantities
    (one per source); ``every`` are all the reports' quantities, superseded ones too."""
    stated = _stated(quantities)
    if not stated:
        return None
    precise = [q for q in stated if q.qualifier != "vague"] or stated
    lows = [q.min if q.min is not None else q.max for q in precise]
    mins = [q.min for q in stated if q.min is not None]
    open_ended = any(q.max is None for q in stated)
    highs = [q.max if q.max is not None else q.min for q in stated]
    known = [h for h in highs if h is not None]
    return {
        "value": min(v for v in lows if v is not None),
        "min": min(mins) if mins else None,
        "max": None if open_ended or not known else max(known),
        "sources": len(stated),
        "reports": len(_stated(every)) if every is not None else len(stated),
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
    return {"value": min(values), "min": min(values), "max": max(values)} if values else None
