"""Hand-built records for the store, export and read-CLI tests (no spaCy, no network).

``make_extraction(key, ...)`` gives one article with its reports, quotes and mentions;
``make_store(tmp_path, *extractions)`` opens a fresh database and adds them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sitroom.store import Store
from sitroom.types import (
    Actor,
    Article,
    Attribution,
    DateValue,
    EventReport,
    Extraction,
    Mention,
    Place,
    Qualifier,
    Quantity,
    Quote,
    RemovedSpan,
    Span,
    Target,
    WeaponCount,
)

TEXT = (
    "Russia launched 165 drones and at least nine missiles overnight, the Ukrainian air "
    "force said. In Kyiv, a strike set a clinic on fire early Monday, killing one person "
    'and wounding three others. "We will rebuild," the mayor said.'
)


def span_of(text: str, part: str) -> Span:
    """The span of the first ``part`` in ``text``."""
    start = text.index(part)
    return Span(start, start + len(part), part)


def make_article(key: str = "a", text: str = TEXT, **kw: Any) -> Article:
    fields: dict[str, Any] = {
        "id": f"art_{key}",
        "text": text,
        "language": "en",
        "title": f"Strike on Kyiv ({key})",
        "source": "Example Wire",
        "url": f"https://news.example/{key}",
        "published": dt.date(2026, 1, 5),
        "published_how": "metadata",
        "paragraphs": (Span(0, len(text), text),),
        "removed": (RemovedSpan(len(text), "Donate now", "lexicon:donation"),),
        "language_confidence": 0.99,
        "raw_path": f"inputs/{key}.txt",
    }
    fields.update(kw)
    return Article(**fields)


def make_report(
    article_id: str,
    report_id: str,
    *,
    text: str = TEXT,
    type: str = "attack",
    subtype: str | None = "air_drone_strike",
    date: dt.date | None = dt.date(2026, 1, 5),
    place: str | None = "Kyiv",
    admin1: str | None = "Kyiv City",
    admin2: str | None = None,
    geonames_id: int = 703448,
    killed: tuple[int | None, int | None] | None = (1, 1),
    injured: tuple[int | None, int | None] | None = (3, 3),
    weapons: bool = True,
    **kw: Any,
) -> EventReport:
    """A report whose spans point into ``text`` where ``text`` has the phrases."""
    fields: dict[str, Any] = {
        "report_id": report_id,
        "article_id": article_id,
        "type": type,
        "subtype": subtype,
        "evidence": (_between(text, "In Kyiv", "others."),),
        "date": None if date is None else DateValue(date, "day", *_at(text, "early Monday")),
        "location": None
        if place is None
        else Place(
            place,
            **_kw(text, "Kyiv"),
            geonames_id=geonames_id,
            lat=50.45,
            lon=30.52,
            admin1=admin1,
            admin2=admin2,
            country="UA",
        ),
        "actor1": Actor("Russia", **_kw(text, "Russia"), wikidata="Q159"),
        "killed": None if killed is None else _q(text, "killing one person", killed),
        "injured": None if injured is None else _q(text, "wounding three", injured),
        "weapons": (
            WeaponCount("drone", **_kw(text, "165 drones"), launched=165, intercepted=140),
            WeaponCount(
                "missile", **_kw(text, "at least nine missiles"), launched=9, qualifier="at_least"
            ),
        )
        if weapons
        else (),
        "targets": (Target("medical facility", *_at(text, "a clinic")),),
        "attributed_to": (
            Attribution("Ukrainian air force", *_at(text, "the Ukrainian air force said")),
        ),
        "confidence": 0.875,
        "language": "en",
    }
    fields.update(kw)
    return EventReport(**fields)


def _at(text: str, part: str) -> tuple[str, int, int]:
    """``(text, start, end)`` of ``part``, or ``(part, -1, -1)`` when absent."""
    if part not in text:
        return part, -1, -1
    s = span_of(text, part)
    return s.text, s.start, s.end


def _kw(text: str, part: str) -> dict[str, Any]:
    said, start, end = _at(text, part)
    return {"text": said, "start": start, "end": end}


def _between(text: str, first: str, last: str) -> Span:
    if first in text and last in text:
        start, end = text.index(first), text.index(last) + len(last)
        return Span(start, end, text[start:end])
    return Span(0, len(text), text)


def _q(text: str, part: str, bounds: tuple[int | None, int | None]) -> Quantity:
    low, high = bounds
    qualifier: Qualifier = "exact" if low == high else ("at_least" if high is None else "range")
    said, start, end = _at(text, part)
    return Quantity(low, high, qualifier, said, start, end)


def make_quote(
    article_id: str, quote_id: str, text: str = TEXT, speaker: str = "Vitali Klitschko"
) -> Quote:
    s = span_of(text, "We will rebuild,") if "We will rebuild," in text else Span(0, 1, text[:1])
    return Quote(
        quote_id=quote_id,
        article_id=article_id,
        text=s.text,
        start=s.start,
        end=s.end,
        speaker=Actor(speaker, "the mayor", "Q312556", role="mayor of Kyiv"),
        verb="said",
        direct=True,
        evidence=s,
        language="en",
    )


# A report at Fastiv (Kyiv Oblast, Fastiv Raion), for filters by place and area.
FASTIV: dict[str, Any] = {
    "place": "Fastiv",
    "admin1": "Kyiv Oblast",
    "admin2": "Fastiv Raion",
    "geonames_id": 709248,
}


def make_extraction(
    key: str = "a",
    *,
    n_reports: int = 1,
    n_quotes: int = 1,
    text: str = TEXT,
    article: dict[str, Any] | None = None,
    **report_kw: Any,
) -> Extraction:
    """One article ``art_<key>`` with reports ``rep_<key>_<i>`` and quotes ``q_<key>_<i>``."""
    art = make_article(key, text, **(article or {}))
    reports = tuple(
        make_report(art.id, f"rep_{key}_{i}", text=text, **report_kw) for i in range(n_reports)
    )
    quotes = tuple(make_quote(art.id, f"q_{key}_{i}", text) for i in range(n_quotes))
    mentions = (Mention("place", 0, min(6, len(text)), text[:6], "GPE", "geonames:703448"),)
    return Extraction(article=art, reports=reports, quotes=quotes, mentions=mentions)


def make_store(tmp_path: Path, *extractions: Extraction, name: str = "sitroom.db") -> Store:
    """A fresh database under ``tmp_path`` holding ``extractions``."""
    store = Store.open(tmp_path / name)
    for extraction in extractions:
        store.add_extraction(extraction)
    return store
