"""Helpers for the rule tests: run the real engine on a short text we wrote."""

from __future__ import annotations

import datetime as dt

from sitroom.clean import article_id
from sitroom.engine import Engine
from sitroom.types import Article, EventReport, Extraction, Span


def run(engine: Engine, text: str, published: dt.date, lang: str) -> Extraction:
    paragraphs = []
    pos = 0
    for line in text.split("\n"):
        paragraphs.append(Span(pos, pos + len(line), line))
        pos += len(line) + 1
    article = Article(
        id=article_id(text),
        text=text,
        language=lang,
        published=published,
        paragraphs=tuple(paragraphs),
    )
    return engine.extract_one(article)


def of_type(ex: Extraction, type_: str) -> list[EventReport]:
    """The reports of one type, in text order."""
    return [r for r in ex.reports if r.type == type_]


def placed(ex: Extraction, type_: str) -> list[str]:
    """The place names of the reports of one type that have a place, sorted."""
    return sorted(r.location.name for r in of_type(ex, type_) if r.location)


def only(ex: Extraction, type_: str) -> EventReport:
    found = of_type(ex, type_)
    assert len(found) == 1, [(r.type, r.location, r.modality) for r in ex.reports]
    return found[0]


def speakers(ex: Extraction, direct: bool = False) -> list[str | None]:
    """The speaker of each quote (direct quotes only with ``direct``), in text order."""
    return [q.speaker.name if q.speaker else None for q in ex.quotes if q.direct or not direct]


def fig(q: object) -> tuple[object, object, object] | None:
    if q is None:
        return None
    return (q.min, q.max, q.qualifier)
