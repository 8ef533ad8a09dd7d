"""Whether two event reports tell the same real-world event, and how sure that is.

Three things must hold for two reports to be the same event (``compatible``):

* **type family**: an attack and an interception can be one event (a drone shot down over
  a town whose debris hit a house); an attack and a meeting cannot. ``FAMILIES`` lists them;
* **date**: the hours each report's date may mean overlap (``window``): a day is its 24
  hours, "overnight", "early Monday" and "dans la nuit de dimanche à lundi" the night
  before it, "late on Monday" and "lundi soir" the evening and night after it, a plain
  "night" both; a report with no date of its own (it fell back to the publication date)
  may be that day or the day before; short ranges count as their days. So "late on
  Monday" meets "overnight" on Tuesday, and "early Monday" does not. Weeks and months
  are too vague to merge on;
* **place**: ``place_relation`` is ``same`` (one GeoNames id), ``near`` (two towns within
  ``NEAR_KM``; a district of a city whose record has no raion, within ``DISTRICT_KM`` of
  it, in the same oblast) or ``nested`` (a town and its raion or oblast, a raion and its
  oblast). Countries only meet countries: "strikes across Ukraine" is not every town's
  event. A report without a place is never merged.

Everything else is evidence that moves ``score`` up or down from ``BASE``: the same exact
day and the same GeoNames id; the same subtype, targets, actor 1 and figures; against it,
different subtypes, other targets, other attackers (compared through their resolved ids,
so "Russia" and "la Russie" agree), and casualty figures far apart. Sources disagree on
figures all the time, so figures weigh little. Two reports on the same or a near place
whose score reaches ``STRONG`` are the same event; a nested pair is only a candidate,
which ``cluster`` attaches when it is not ambiguous.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from sitroom.resolve.geocode import places_km
from sitroom.types import EventReport, Place, Quantity

FAMILIES: dict[str, str] = {
    "attack": "strike",
    "interception": "strike",
    "air_raid": "air_raid",
    "battle": "battle",
    "territory_change": "territory",
    "meeting": "meeting",
    "sanction": "sanction",
    "other": "other",
}
NEAR_KM = 8.0
DISTRICT_KM = 25.0
BASE = 0.5
STRONG = 0.65
# A night or an evening lets the event carry the date of the day next to it: a night
# before the date ("overnight", "early Monday", "dans la nuit de dimanche à lundi") the day
# before; an evening or a night after it ("late on Monday", "Monday night", "lundi
# soir") the day after; any other night either.
_BEFORE = re.compile(
    r"\b(?:overnight|last night|early|nuit de \w+ (?:à|au)|nuit dernière|cette nuit"
    r"|petit matin|night of \w+ (?:to|into))\b",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"\b(?:late|evening|soir|soirée|tard|\w+day night|night of \w+day)\b", re.IGNORECASE
)
_NIGHT = re.compile(r"\b(?:night|nuit|nocturne)\b", re.IGNORECASE)
_LEVEL = {"country": 0, "region": 0, "admin1": 1, "admin2": 2, "town": 3}

PlaceRelation = Literal["same", "near", "nested", "apart", "unknown"]


def family(type_: str) -> str:
    """The family a type merges within (an unknown type only with itself)."""
    return FAMILIES.get(type_, type_)


def level(place: Place) -> int:
    """How fine a place is: 0 country or region, 1 oblast, 2 raion, 3 town."""
    return _LEVEL.get(place.precision, 3)


def _same_place(a: Place, b: Place) -> bool:
    if a.geonames_id is not None or b.geonames_id is not None:
        return a.geonames_id == b.geonames_id
    return a.name.casefold() == b.name.casefold() and a.country == b.country


def _contains(area: Place, inner: Place) -> bool:
    """Whether the raion or oblast ``area`` holds ``inner`` (a finer place)."""
    if area.country != inner.country or area.country is None:
        return False
    if area.precision == "admin1":
        return inner.admin1 is not None and inner.admin1 == (area.admin1 or area.name)
    if area.precision == "admin2":
        return (
            inner.admin2 is not None
            and inner.admin2 == (area.admin2 or area.name)
            and inner.admin1 == area.admin1
        )
    return False


def place_relation(a: Place | None, b: Place | None) -> PlaceRelation:
    """How two report places relate; see the module docstring."""
    if a is None or b is None:
        return "unknown"
    if _same_place(a, b):
        return "same"
    la, lb = level(a), level(b)
    if la == 0 or lb == 0:
        return "apart"  # a country meets only itself
    distance = places_km(a, b)
    if la == lb == 3:
        return "near" if distance is not None and distance <= NEAR_KM else "apart"
    coarse, fine = (a, b) if la < lb else (b, a)
    if level(coarse) == level(fine):
        return "apart"  # two raions, two oblasts
    if _contains(coarse, fine):
        return "nested"
    if (  # a district of a city whose own record names no raion (Kyiv and Darnytsia)
        coarse.precision == "admin2"
        and fine.precision == "town"
        and fine.admin2 is None
        and fine.admin1 == coarse.admin1
        and distance is not None
        and distance <= DISTRICT_KM
    ):
        return "near"
    return "apart"


MAX_SPAN_DAYS = 3  # a longer range is as vague as a week


def day_span(report: EventReport) -> tuple[dt.date, dt.date] | None:
    """The first and last day a report's date covers; ``None`` when it has no day, or
    only a week, a month or a range longer than ``MAX_SPAN_DAYS``."""
    d = report.date
    if d is None or d.date is None or d.precision in ("week", "month"):
        return None
    end = d.end_date or d.date
    return None if (end - d.date).days > MAX_SPAN_DAYS else (d.date, end)


def window(report: EventReport) -> tuple[int, int] | None:
    """The hours a report's event may have taken place in, as ``[start, end)`` hours
    from day one of the calendar; ``None`` without a day to compare.

    A day is its 24 hours; a night before the date ("overnight", "early Monday") runs
    from 18:00 the day before to noon; an evening or a night after it ("late on Monday")
    from noon to 06:00 the day after; a night said loosely covers both; a report with no
    date of its own (the publication date, or the day it was told, stands in) may be
    about that day or the day before."""
    span = day_span(report)
    if span is None or report.date is None:
        return None
    day, last = span[0].toordinal() * 24, span[1].toordinal() * 24
    text = report.date.text or ""
    if report.date.precision == "unresolved":
        return day - 24, last + 24
    before, after = bool(_BEFORE.search(text)), bool(_AFTER.search(text))
    if not (before or after) and _NIGHT.search(text):
        before = after = True
    if before and after:
        return day - 6, last + 30
    if before:
        return day - 6, last + 12
    if after:
        return day + 12, last + 30
    return day, last + 24


@dataclass(frozen=True, slots=True)
class Traits:
    """What matching reads of a report, worked out once per report."""

    report_id: str
    article_id: str
    family: str
    place: Place | None
    window: tuple[int, int] | None
    first_day: dt.date | None
    stand_in_date: bool  # a stand-in (publication or telling day) for a date the text lacks
    subtype: str | None
    targets: frozenset[str]
    actor: str | None
    killed: tuple[int, int | None] | None
    injured: tuple[int, int | None] | None
    launched: frozenset[tuple[str, int]]


def _count(q: Quantity | None) -> tuple[int, int | None] | None:
    return None if q is None or q.min is None else (q.min, q.max)


def traits(report: EventReport) -> Traits:
    """The ``Traits`` of a report."""
    span = day_span(report)
    # an inferred attacker (no words of the text name it) tells two reports apart no more
    # than a missing one does
    actor = report.actor1 if report.actor1 is not None and report.actor1.stated else None
    return Traits(
        report_id=report.report_id,
        article_id=report.article_id,
        family=family(report.type),
        place=report.location,
        window=window(report),
        first_day=span[0] if span else None,
        stand_in_date=report.date is not None and report.date.precision == "unresolved",
        subtype=report.subtype,
        targets=frozenset(t.category for t in report.targets),
        actor=None if actor is None else actor.country or actor.wikidata or actor.name.casefold(),
        killed=_count(report.killed),
        injured=_count(report.injured),
        launched=frozenset((w.kind, w.launched) for w in report.weapons if w.launched is not None),
    )


def _overlap(wa: tuple[int, int] | None, wb: tuple[int, int] | None) -> bool:
    return wa is not None and wb is not None and wa[0] < wb[1] and wb[0] < wa[1]


def _date_weight(a: Traits, b: Traits) -> float:
    """The same day, both dated by the text: 0.2; a night between, or the same day where
    a date only stands in for one the text lacks: 0.1; else nothing."""
    same_day = a.first_day is not None and a.first_day == b.first_day
    if a.stand_in_date or b.stand_in_date:
        return 0.1 if same_day else 0.0
    return 0.2 if same_day else 0.1


def _compatible(a: Traits, b: Traits) -> PlaceRelation | None:
    if a.article_id == b.article_id or a.family != b.family:
        return None
    relation = place_relation(a.place, b.place)
    if relation in ("apart", "unknown") or not _overlap(a.window, b.window):
        return None
    if relation == "near" and a.family == "territory":
        return None  # a village taken is not the village next to it
    return relation


def _figures_agree(qa: tuple[int, int | None] | None, qb: tuple[int, int | None] | None) -> float:
    if qa is None or qb is None:
        return 0.0
    if qa == qb:
        return 0.1
    low, high = sorted((qa[0], qb[0]))
    if high - low > 3 and high > 2 * low:
        return -0.1
    return 0.0


@dataclass(frozen=True, slots=True)
class Match:
    """A pair of reports that may be one event: the place relation and the score."""

    relation: PlaceRelation
    score: float

    @property
    def strong(self) -> bool:
        """The same event, without asking anything more."""
        return self.relation in ("same", "near") and self.score >= STRONG


def _victim_named(a: Traits, b: Traits) -> bool:
    """Whether either report names as actor 1 the country the strike happened in: most
    often the side that was hit, read as the one that hit, so it says little."""
    place = a.place or b.place
    country = place.country if place is not None else None
    return country is not None and country in (a.actor, b.actor)


def match(a: EventReport, b: EventReport) -> Match | None:
    """How much two reports look like one event (``None`` when they cannot be)."""
    return match_traits(traits(a), traits(b))


def match_traits(a: Traits, b: Traits) -> Match | None:
    """``match`` on the reports' ``Traits`` (work them out once when comparing many)."""
    relation = _compatible(a, b)
    if relation is None:
        return None
    score = BASE + _date_weight(a, b)
    score += 0.1 if relation == "same" else 0.0
    if a.subtype and b.subtype and "other" not in (a.subtype, b.subtype):
        score += 0.1 if a.subtype == b.subtype else -0.2
    if a.targets and b.targets:
        score += 0.1 if a.targets & b.targets else -0.1
    if a.actor is not None and b.actor is not None:
        if a.actor == b.actor:
            score += 0.1
        elif not (a.family == "strike" and _victim_named(a, b)):
            score -= 0.2
    score += _figures_agree(a.killed, b.killed) + _figures_agree(a.injured, b.injured)
    if a.launched & b.launched:
        score += 0.1
    score += _salvos_differ(a.launched, b.launched)
    return Match(relation, round(score, 3))


def _salvos_differ(a: frozenset[tuple[str, int]], b: frozenset[tuple[str, int]]) -> float:
    """-0.2 when both reports count the same kind of weapon launched and the counts are
    far apart (112 drones against 52): two salvos, not one told twice."""
    counts = dict(a)
    for kind, n in b:
        if kind in counts and _figures_agree((counts[kind], None), (n, None)) < 0:
            return -0.2
    return 0.0
