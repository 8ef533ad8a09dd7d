"""Hypothesis: whatever text and numbers go into the store come back out unchanged."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.store import Store, queries
from sitroom.types import Actor, EventReport, Place, Quantity, Span
from store_factory import make_extraction, make_quote, make_report

texts = st.text(max_size=200)
names = st.text(min_size=1, max_size=60)
ints = st.integers(min_value=-(2**63), max_value=2**63 - 1)
counts = st.none() | st.integers(min_value=0, max_value=10**12)


def _stored(report: EventReport, article_text: str = "x") -> EventReport:
    extraction = dataclasses.replace(
        make_extraction("p", text=article_text), reports=(report,), quotes=()
    )
    with Store.open(":memory:") as store:
        assert store.add_extraction(extraction)
        [row] = queries.events(store)
        event = queries.event(store, row.event_id)
        assert queries.article(store, "art_p").text == article_text
        return event.reports[0]


@settings(max_examples=60, deadline=None)
@given(article=texts, evidence=texts, place=names, admin1=st.none() | names, actor=names)
def test_store_roundtrip_text(
    article: str, evidence: str, place: str, admin1: str | None, actor: str
) -> None:
    report = dataclasses.replace(
        make_report("art_p", "rep_p"),
        evidence=(Span(0, len(evidence), evidence),),
        location=Place(place, place, admin1=admin1),
        actor1=Actor(actor, actor),
    )
    stored = _stored(report, article)
    assert stored == dataclasses.replace(report, event_id=stored.event_id)


@settings(max_examples=60, deadline=None)
@given(low=ints, high=st.none() | ints, injured=counts, start=ints, end=ints)
def test_store_roundtrip_integers(
    low: int, high: int | None, injured: int | None, start: int, end: int
) -> None:
    report = dataclasses.replace(
        make_report("art_p", "rep_p"),
        killed=Quantity(low, high, "range", "some", start, end),
        injured=Quantity(injured, injured, "exact", "n"),
    )
    stored = _stored(report)
    assert stored.killed == report.killed
    assert stored.injured == report.injured


@settings(max_examples=40, deadline=None)
@given(speaker=names, verb=st.none() | texts)
def test_store_roundtrip_quotes(speaker: str, verb: str | None) -> None:
    quote = dataclasses.replace(make_quote("art_p", "q_p", speaker=speaker), verb=verb)
    extraction = dataclasses.replace(make_extraction("p"), quotes=(quote,))
    with Store.open(":memory:") as store:
        store.add_extraction(extraction)
        assert queries.quotes(store) == [quote]
