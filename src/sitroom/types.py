"""The nouns of the data flow: one frozen record for every hand-off between stages.

    RawDocument --clean--> Article --annotate/extract--> EventReport, Quote, Mention
                                                         EventReport* --merge--> Event

Every field that states a fact about the world carries the text it came from and its
character offsets into ``Article.text`` (the clean text). Records never hold spaCy
objects, so storage, serving and export can use them without importing spaCy.

``to_dict()`` gives the JSON shape of DESIGN.md section 3; ``from_dict()`` reads it back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

DatePrecision = Literal["day", "range", "week", "month", "unresolved"]
PublishedHow = Literal["metadata", "htmldate", "cli", "feed", "unknown"]
PlacePrecision = Literal["town", "admin2", "admin1", "country", "region"]
Qualifier = Literal["exact", "at_least", "at_most", "approx", "range", "vague"]
Modality = Literal["reported", "claimed", "denied", "planned", "cancelled", "historical"]
MentionKind = Literal["place", "actor", "person", "org", "number", "date", "weapon", "quote"]
ActorKind = Literal["state", "force", "org", "person", "group"]

EVENT_TYPES: tuple[str, ...] = (
    "attack",
    "air_raid",
    "interception",
    "battle",
    "territory_change",
    "meeting",
    "sanction",
    "other",
)
ATTACK_SUBTYPES: tuple[str, ...] = (
    "air_drone_strike",
    "shelling_artillery_missile",
    "remote_explosive",
    "ground_attack",
    "other",
)
MODALITIES: tuple[str, ...] = (
    "reported",
    "claimed",
    "denied",
    "planned",
    "cancelled",
    "historical",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the clean text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


# ---------------------------------------------------------------- ingest and clean


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input item before cleaning: a file, a JSON line, a feed entry or stdin.

    Exactly one of ``text`` and ``html`` is set. ``locator`` names the item for
    messages ("feed.xml#3", "batch.jsonl:12", "-" for stdin).
    """

    locator: str
    kind: Literal["text", "html", "jsonl", "feed", "stdin"]
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    published_how: PublishedHow = "unknown"
    source: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """A paragraph taken out of the text by the cleaner, kept for the record.

    ``at`` is the offset in the clean text where the paragraph used to stand;
    ``reason`` names the rule ("lexicon:donation", "repeated:outlet", "html:boilerplate").
    """

    at: int
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"at": self.at, "text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. ``id`` is the hash of the normalised text."""

    id: str
    text: str
    language: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_how: PublishedHow = "unknown"
    paragraphs: tuple[Span, ...] = ()
    removed: tuple[RemovedSpan, ...] = ()
    language_confidence: float = 1.0
    raw_path: str | None = None


# ---------------------------------------------------------------- mentions and values


@dataclass(frozen=True, slots=True)
class Mention:
    """A typed span in an article; ``ref`` is a resolved id where one is known."""

    kind: MentionKind
    start: int
    end: int
    text: str
    label: str | None = None
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count with its bounds: "at least 14" -> 14/None, "14 to 16" -> 14/16."""

    min: int | None
    max: int | None
    qualifier: Qualifier
    text: str
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "min": self.min,
            "max": self.max,
            "qualifier": self.qualifier,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quantity:
        return cls(
            d.get("min"),
            d.get("max"),
            d.get("qualifier", "exact"),
            d.get("text", ""),
            d.get("start", -1),
            d.get("end", -1),
        )


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date expression resolved against the publication date.

    ``date`` is the day (the first day for ranges, weeks and months); ``end`` the last
    day of a range. Unresolved dates fall back to the publication date and say so.
    """

    date: dt.date | None
    precision: DatePrecision
    text: str
    start: int = -1
    end: int = -1
    end_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A place resolved (or not) against the gazetteer."""

    name: str
    text: str
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    precision: PlacePrecision = "town"
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "geonames_id": self.geonames_id,
            "lat": self.lat,
            "lon": self.lon,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "country": self.country,
            "precision": self.precision,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(
            name=d["name"],
            text=d.get("text", ""),
            geonames_id=d.get("geonames_id"),
            lat=d.get("lat"),
            lon=d.get("lon"),
            admin1=d.get("admin1"),
            admin2=d.get("admin2"),
            country=d.get("country"),
            precision=d.get("precision", "town"),
            start=d.get("start", -1),
            end=d.get("end", -1),
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """A state, force, organisation or person, with its canonical name. An actor with no
    ``text`` is inferred, not stated: the article never names it for that event."""

    name: str
    text: str
    wikidata: str | None = None
    kind: ActorKind = "state"
    role: str | None = None
    start: int = -1
    end: int = -1
    country: str | None = None

    @property
    def stated(self) -> bool:
        """Whether the article names this actor (it was not inferred)."""
        return bool(self.text)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "name": self.name,
            "wikidata": self.wikidata,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        if self.role:
            d["role"] = self.role
        if self.country:
            d["country"] = self.country
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            name=d["name"],
            text=d.get("text", ""),
            wikidata=d.get("wikidata"),
            kind=d.get("kind", "state"),
            role=d.get("role"),
            start=d.get("start", -1),
            end=d.get("end", -1),
            country=d.get("country"),
        )


@dataclass(frozen=True, slots=True)
class WeaponCount:
    """Weapons of one kind in one event: launched and/or intercepted."""

    kind: str
    text: str
    launched: int | None = None
    intercepted: int | None = None
    qualifier: Qualifier = "exact"
    intercepted_qualifier: Qualifier | None = None
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "launched": self.launched,
            "intercepted": self.intercepted,
            "qualifier": self.qualifier,
            "intercepted_qualifier": self.intercepted_qualifier,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> WeaponCount:
        return cls(
            kind=d["kind"],
            text=d.get("text", ""),
            launched=d.get("launched"),
            intercepted=d.get("intercepted"),
            qualifier=d.get("qualifier", "exact"),
            intercepted_qualifier=d.get("intercepted_qualifier"),
            start=d.get("start", -1),
            end=d.get("end", -1),
        )


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the report credits for the information ("the Ukrainian air force said")."""

    name: str
    text: str
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        return cls(d["name"], d.get("text", ""), d.get("start", -1), d.get("end", -1))


@dataclass(frozen=True, slots=True)
class Target:
    """What was hit, as a normalised category ("medical facility") plus its text."""

    category: str
    text: str
    start: int = -1
    end: int = -1


# ---------------------------------------------------------------- events and quotes


@dataclass(frozen=True, slots=True)
class EventReport:
    """One event as ONE article tells it (DESIGN.md section 3)."""

    report_id: str
    article_id: str
    type: str
    evidence: tuple[Span, ...]
    event_id: str | None = None
    subtype: str | None = None
    modality: Modality = "reported"
    date: DateValue | None = None
    location: Place | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    participants: tuple[Actor, ...] = ()
    killed: Quantity | None = None
    injured: Quantity | None = None
    children_killed: Quantity | None = None
    children_injured: Quantity | None = None
    weapons: tuple[WeaponCount, ...] = ()
    targets: tuple[Target, ...] = ()
    attributed_to: tuple[Attribution, ...] = ()
    trigger: Span | None = None
    confidence: float = 0.5
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of DESIGN.md section 3 (plus offsets on every field)."""
        d = self.date
        return {
            "report_id": self.report_id,
            "article_id": self.article_id,
            "event_id": self.event_id,
            "type": self.type,
            "subtype": self.subtype,
            "modality": self.modality,
            "date": d.date.isoformat() if d and d.date else None,
            "date_end": d.end_date.isoformat() if d and d.end_date else None,
            "date_precision": d.precision if d else "unresolved",
            "date_text": d.text if d else None,
            "date_span": [d.start, d.end] if d else None,
            "location": self.location.to_dict() if self.location else None,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "participants": [a.to_dict() for a in self.participants],
            "killed": _q(self.killed),
            "injured": _q(self.injured),
            "children_killed": _q(self.children_killed),
            "children_injured": _q(self.children_injured),
            "weapons": [w.to_dict() for w in self.weapons],
            "targets": [t.category for t in self.targets],
            "target_spans": [
                {"category": t.category, "text": t.text, "start": t.start, "end": t.end}
                for t in self.targets
            ],
            "attributed_to": [a.to_dict() for a in self.attributed_to],
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": round(self.confidence, 3),
            "language": self.language,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventReport:
        date = None
        if d.get("date_text") is not None or d.get("date"):
            span = d.get("date_span") or [-1, -1]
            date = DateValue(
                date=dt.date.fromisoformat(d["date"]) if d.get("date") else None,
                precision=d.get("date_precision", "unresolved"),
                text=d.get("date_text") or "",
                start=span[0],
                end=span[1],
                end_date=dt.date.fromisoformat(d["date_end"]) if d.get("date_end") else None,
            )
        targets = tuple(
            Target(t["category"], t.get("text", ""), t.get("start", -1), t.get("end", -1))
            for t in d.get("target_spans") or [{"category": c} for c in d.get("targets", [])]
        )
        return cls(
            report_id=d["report_id"],
            article_id=d["article_id"],
            event_id=d.get("event_id"),
            type=d["type"],
            subtype=d.get("subtype"),
            modality=d.get("modality", "reported"),
            date=date,
            location=Place.from_dict(d["location"]) if d.get("location") else None,
            actor1=Actor.from_dict(d["actor1"]) if d.get("actor1") else None,
            actor2=Actor.from_dict(d["actor2"]) if d.get("actor2") else None,
            participants=tuple(Actor.from_dict(a) for a in d.get("participants", [])),
            killed=_uq(d.get("killed")),
            injured=_uq(d.get("injured")),
            children_killed=_uq(d.get("children_killed")),
            children_injured=_uq(d.get("children_injured")),
            weapons=tuple(WeaponCount.from_dict(w) for w in d.get("weapons", [])),
            targets=targets,
            attributed_to=tuple(Attribution.from_dict(a) for a in d.get("attributed_to", [])),
            trigger=Span.from_dict(d["trigger"]) if d.get("trigger") else None,
            evidence=tuple(Span.from_dict(e) for e in d.get("evidence", [])),
            confidence=float(d.get("confidence", 0.5)),
            language=d.get("language"),
        )


def _q(q: Quantity | None) -> dict[str, Any] | None:
    return q.to_dict() if q else None


def _uq(d: dict[str, Any] | None) -> Quantity | None:
    return Quantity.from_dict(d) if d else None


@dataclass(frozen=True, slots=True)
class Quote:
    """Something a person or organisation said, direct ("...", she said) or reported."""

    quote_id: str
    article_id: str
    text: str
    start: int
    end: int
    speaker: Actor | None
    verb: str | None
    direct: bool
    evidence: Span | None = None
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote_id": self.quote_id,
            "article_id": self.article_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "verb": self.verb,
            "direct": self.direct,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction found in one article."""

    article: Article
    reports: tuple[EventReport, ...] = ()
    quotes: tuple[Quote, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """Reports of one real-world event. Figures stay per report; ``consensus`` sums up."""

    event_id: str
    type: str
    reports: tuple[EventReport, ...]
    consensus: dict[str, Any] = field(default_factory=dict)
