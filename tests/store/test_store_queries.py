"""Read queries: event lists and their filters, one event, id prefixes, articles, quotes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom.errors import NotFound, StoreError
from sitroom.merge import event_id_for
from sitroom.store import EventFilter, Store, queries
from sitroom.types import EventReport, Extraction, Place
from store_factory import (
    FASTIV,
    TEXT,
    make_article,
    make_extraction,
    make_quote,
    make_report,
    make_store,
)


def _with_reports(key: str, *reports: EventReport) -> Extraction:
    return dataclasses.replace(make_extraction(key), reports=reports)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """Four events: Kyiv on 5 Jan, Fastiv on 3 Jan, Sumy shelling on 20 Jan, a dateless one."""
    with make_store(
        tmp_path,
        make_extraction("kyiv"),
        make_extraction("fastiv", **FASTIV, date=dt.date(2026, 1, 3)),
        make_extraction(
            "sumy",
            place="Sumy",
            admin1="Сумська область",
            date=dt.date(2026, 1, 20),
            subtype="shelling_artillery_missile",
            killed=None,
        ),
        make_extraction("undated", type="meeting", subtype=None, date=None, place=None),
    ) as s:
        yield s


def _places(rows: list[queries.EventRow]) -> list[str | None]:
    return [r.location for r in rows]


# ---------------------------------------------------------------------- events()


def test_events_lists_newest_first_and_undated_last(store: Store) -> None:
    assert _places(queries.events(store)) == ["Sumy", "Kyiv", "Fastiv", None]


def test_events_row_carries_consensus_figures_and_weapons(store: Store) -> None:
    kyiv = queries.events(store, EventFilter(place="Kyiv City"))[0]
    assert (kyiv.killed_min, kyiv.killed_max, kyiv.injured_min, kyiv.injured_max) == (1, 1, 3, 3)
    assert kyiv.weapons == "drone:165/140;missile:9/"
    assert kyiv.n_reports == 1 and kyiv.country == "UA" and kyiv.geonames_id == 703448
    assert kyiv.date == dt.date(2026, 1, 5)
    assert kyiv.to_dict()["date"] == "2026-01-05"


def test_events_since_is_inclusive(store: Store) -> None:
    rows = queries.events(store, EventFilter(since=dt.date(2026, 1, 5)))
    assert _places(rows) == ["Sumy", "Kyiv"]


def test_events_until_is_inclusive(store: Store) -> None:
    rows = queries.events(store, EventFilter(until=dt.date(2026, 1, 5)))
    assert _places(rows) == ["Kyiv", "Fastiv"]


def test_events_since_and_until_together(store: Store) -> None:
    flt = EventFilter(since=dt.date(2026, 1, 4), until=dt.date(2026, 1, 6))
    assert _places(queries.events(store, flt)) == ["Kyiv"]


def test_events_type_matches_the_type(store: Store) -> None:
    assert _places(queries.events(store, EventFilter(type="meeting"))) == [None]
    assert len(queries.events(store, EventFilter(type="attack"))) == 3


def test_events_type_matches_the_subtype(store: Store) -> None:
    rows = queries.events(store, EventFilter(type="shelling_artillery_missile"))
    assert _places(rows) == ["Sumy"]


def test_events_place_matches_location_ignoring_case(store: Store) -> None:
    assert _places(queries.events(store, EventFilter(place="fASTIV"))) == ["Fastiv"]


def test_events_place_matches_part_of_admin1(store: Store) -> None:
    assert _places(queries.events(store, EventFilter(place="kyiv"))) == ["Kyiv", "Fastiv"]


def test_events_place_folds_non_latin_case(store: Store) -> None:
    assert _places(queries.events(store, EventFilter(place="СУМСЬКА"))) == ["Sumy"]


def _area(name: str, precision: str, **kw: str) -> Place:
    return Place(name, name, precision=precision, country="UA", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        (_area("Fastiv Raion", "admin2", admin1="Kyiv Oblast", admin2="Fastiv Raion"), ["Fastiv"]),
        (_area("Bucha Raion", "admin2", admin1="Kyiv Oblast", admin2="Buchanskyi Raion"), []),
        (_area("Kyiv Oblast", "admin1", admin1="Kyiv Oblast"), ["Fastiv"]),
        (_area("Ukraine", "country"), ["Sumy", "Kyiv", "Fastiv"]),
        (Place("Kyiv", "Kyiv", geonames_id=703448), ["Sumy", "Kyiv"]),
    ],
)
def test_events_inside_an_area(store: Store, area: Place, expected: list[str]) -> None:
    """An oblast or raion finds the events of its towns; a town finds its own."""
    assert _places(queries.events(store, EventFilter(area=area))) == expected
    assert _places(queries.events(store, EventFilter(place="nowhere", area=area))) == expected


def test_events_limit_and_offset_page_through(store: Store) -> None:
    first = queries.events(store, EventFilter(limit=2))
    second = queries.events(store, EventFilter(limit=2, offset=2))
    assert _places(first) + _places(second) == ["Sumy", "Kyiv", "Fastiv", None]
    assert queries.events(store, EventFilter(limit=None, offset=3)) == second[1:]


def test_events_filters_combine(store: Store) -> None:
    flt = EventFilter(since=dt.date(2026, 1, 1), type="air_drone_strike", place="oblast")
    assert _places(queries.events(store, flt)) == ["Fastiv"]


@pytest.mark.parametrize(
    "hostile", ["x'; DROP TABLE reports; --", "%", "_", "' OR '1'='1", '"); DELETE FROM events;']
)
def test_events_hostile_filter_values_match_nothing_and_change_nothing(
    store: Store, hostile: str
) -> None:
    before = queries.counts(store)
    assert queries.events(store, EventFilter(place=hostile)) == []
    assert queries.events(store, EventFilter(type=hostile)) == []
    assert queries.counts(store) == before


def test_event_filter_refuses_negative_limit_or_offset() -> None:
    with pytest.raises(ValueError):
        EventFilter(limit=-1)
    with pytest.raises(ValueError):
        EventFilter(offset=-5)


# ---------------------------------------------------------------------- one event


def test_event_rebuilds_the_reports_as_stored(tmp_path: Path) -> None:
    extraction = make_extraction("a", n_reports=2)
    with make_store(tmp_path, extraction) as store:
        for report in extraction.reports:
            ev_id = queries.resolve_event_id(store, _event_of(store, report.report_id))
            event = queries.event(store, ev_id)
            assert event.type == "attack"
            assert [r.report_id for r in event.reports] == [report.report_id]
            expected = EventReport.from_dict({**report.to_dict(), "event_id": ev_id})
            assert event.reports[0] == expected


def _event_of(store: Store, report_id: str) -> str:
    row = store.connection.execute(
        "SELECT event_id FROM reports WHERE report_id = ?", (report_id,)
    ).fetchone()
    return str(row[0])


def test_event_unknown_id_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="no event with id 'ev_nope'"):
        queries.event(store, "ev_nope")


def test_event_consensus_spans_the_figures_of_all_its_sources(tmp_path: Path) -> None:
    a = make_report("art_a", "r1", killed=(1, 1), injured=(3, 3))
    b = make_report("art_b", "r2", killed=(2, 2), injured=(5, None))
    other = {"source": "Other Wire"}
    with make_store(
        tmp_path,
        _with_reports("a", a),
        dataclasses.replace(_with_reports("b", b), article=make_article("b", **other)),
    ) as store:
        [row] = queries.events(store)
        event = queries.event(store, row.event_id)
        assert [r.report_id for r in event.reports] == ["r1", "r2"]
        c = event.consensus
        assert c["killed"] == {"value": 1, "min": 1, "max": 2, "sources": 2, "reports": 2}
        assert c["injured"] == {"value": 3, "min": 3, "max": None, "sources": 2, "reports": 2}
        assert (c["n_reports"], c["n_sources"]) == (2, 2)
        assert [s["source"] for s in c["sources"]] == ["Example Wire", "Other Wire"]
        assert (row.killed_min, row.killed_max, row.n_reports) == (1, 2, 2)


def test_event_detail_resolves_a_prefix_and_loads_the_articles(store: Store) -> None:
    full = queries.events(store, EventFilter(place="Sumy"))[0].event_id
    detail = queries.event_detail(store, full[:9])
    assert detail.event.event_id == full
    assert list(detail.articles) == ["art_sumy"]
    assert detail.articles["art_sumy"].text == TEXT


# ---------------------------------------------------------------------- id prefixes


def test_resolve_event_id_accepts_full_id_prefix_and_prefix_without_ev(store: Store) -> None:
    full = queries.events(store, EventFilter(place="Fastiv"))[0].event_id
    assert queries.resolve_event_id(store, full) == full
    assert queries.resolve_event_id(store, full[:9]) == full
    assert queries.resolve_event_id(store, full[3:12]) == full


def test_resolve_event_id_refuses_short_prefixes(store: Store) -> None:
    full = queries.events(store)[0].event_id
    with pytest.raises(NotFound, match="at least 6"):
        queries.resolve_event_id(store, full[:8])


def test_resolve_event_id_unknown_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="no event with id 'ev_ffffffffff'"):
        queries.resolve_event_id(store, "ev_ffffffffff")


def _two_ids_sharing_a_prefix(n: int) -> tuple[str, str]:
    """Two report ids whose event ids share their first ``n`` hex digits."""
    seen: dict[str, str] = {}
    for i in range(100_000):
        rid = f"r{i}"
        head = event_id_for(rid)[3 : 3 + n]
        if head in seen:
            return seen[head], rid
        seen[head] = rid
    raise AssertionError("no shared prefix found")


def test_resolve_event_id_ambiguous_prefix_says_so(tmp_path: Path) -> None:
    first, second = _two_ids_sharing_a_prefix(6)
    one = make_report("art_a", first)
    two = make_report("art_a", second)
    prefix = event_id_for(first)[3:9]
    with make_store(tmp_path, _with_reports("a", one, two)) as store:
        with pytest.raises(StoreError, match="ambiguous"):
            queries.resolve_event_id(store, prefix)
        full = event_id_for(second)
        assert queries.resolve_event_id(store, full[3:]) == full


# ---------------------------------------------------------------------- reports()


def test_reports_come_oldest_first_and_follow_the_filter(store: Store) -> None:
    ids = [r.report_id for r in queries.reports(store)]
    assert ids == ["rep_fastiv_0", "rep_kyiv_0", "rep_sumy_0", "rep_undated_0"]
    kyiv = list(queries.reports(store, EventFilter(place="kyiv city")))
    assert [r.report_id for r in kyiv] == ["rep_kyiv_0"]


# ---------------------------------------------------------------------- articles, quotes


def test_article_round_trips(tmp_path: Path) -> None:
    extraction = make_extraction("a")
    with make_store(tmp_path, extraction) as store:
        assert queries.article(store, "art_a") == extraction.article
        assert queries.mentions(store, "art_a") == list(extraction.mentions)
        assert queries.article_sources(store) == {"art_a": "Example Wire"}


def test_article_unknown_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="no article"):
        queries.article(store, "art_missing")


def test_quotes_round_trip(tmp_path: Path) -> None:
    extraction = make_extraction("a")
    with make_store(tmp_path, extraction) as store:
        assert queries.quotes(store) == list(extraction.quotes)


def test_quotes_filter_by_speaker_ignoring_case_and_by_article(tmp_path: Path) -> None:
    other = dataclasses.replace(
        make_extraction("b"), quotes=(make_quote("art_b", "q_b", speaker="Keir Starmer"),)
    )
    with make_store(tmp_path, make_extraction("a"), other) as store:
        assert [q.quote_id for q in queries.quotes(store, speaker="STARMER")] == ["q_b"]
        assert [q.quote_id for q in queries.quotes(store, article_id="art_a")] == ["q_a_0"]
        assert len(queries.quotes(store, limit=1)) == 1
        assert queries.quotes(store, speaker="x'; DROP TABLE quotes; --") == []
        assert queries.counts(store)["quotes"] == 2


def test_counts_and_tally_of_an_empty_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        assert set(queries.counts(store).values()) == {0}
        assert queries.ingest_tally(store) == {"ingested": 0, "duplicate": 0, "rejected": 0}


# ---------------------------------------------------------------------- more filters


def _found(store: Store, **kw: object) -> list[str | None]:
    return sorted(
        (r.location or "-" for r in queries.events(store, EventFilter(**kw))),  # type: ignore[arg-type]
    )


def test_filter_by_consensus_figures(store: Store) -> None:
    assert _found(store, min_killed=1) == ["-", "Fastiv", "Kyiv"]  # Sumy states none
    assert _found(store, min_killed=2) == []
    assert _found(store, min_injured=3) == ["-", "Fastiv", "Kyiv", "Sumy"]


def test_filter_by_modality_actor_source_language_and_text(store: Store) -> None:
    assert _found(store, modality="reported") == ["-", "Fastiv", "Kyiv", "Sumy"]
    assert _found(store, modality="planned") == []
    assert _found(store, actor="russ") == ["-", "Fastiv", "Kyiv", "Sumy"]
    assert _found(store, actor="Q159") == ["-", "Fastiv", "Kyiv", "Sumy"]
    assert _found(store, actor="Belarus") == []
    assert _found(store, source="example wire") == ["-", "Fastiv", "Kyiv", "Sumy"]
    assert _found(store, source="Other") == []
    assert _found(store, language="en") == ["-", "Fastiv", "Kyiv", "Sumy"]
    assert _found(store, language="fr") == []
    assert _found(store, text="CLINIC ON FIRE") == ["-", "Fastiv", "Kyiv", "Sumy"]
    assert _found(store, text="no such words") == []


def test_filter_values_are_data_never_sql(store: Store) -> None:
    for hostile in ("' OR 1=1 --", "%", "_", '"); DROP TABLE events; --'):
        for field in ("place", "actor", "source", "text", "modality", "type"):
            assert _found(store, **{field: hostile}) == [], (field, hostile)
    assert len(queries.events(store)) == 4  # nothing dropped


def test_filters_refuse_bad_values() -> None:
    with pytest.raises(ValueError, match="min_killed must be 0 or more"):
        EventFilter(min_killed=-1)
    with pytest.raises(ValueError, match="longer than 200"):
        EventFilter(text="x" * 201)


def test_daily_stats_add_up_each_day_and_oblast(store: Store) -> None:
    stats = {(s.date.isoformat(), s.admin1): s for s in queries.daily_stats(store)}
    assert list(stats) == [
        ("2026-01-03", "Kyiv Oblast"),
        ("2026-01-05", "Kyiv City"),
        ("2026-01-20", "Сумська область"),
    ]  # the undated meeting has no day
    kyiv = stats[("2026-01-05", "Kyiv City")]
    assert (kyiv.events, kyiv.killed, kyiv.injured) == (1, 1, 3)
    assert (kyiv.launched, kyiv.intercepted) == (174, 140)  # 165 drones + 9 missiles
    assert stats[("2026-01-20", "Сумська область")].killed == 0
    only = queries.daily_stats(store, EventFilter(since=dt.date(2026, 1, 4)))
    assert [s.date.isoformat() for s in only] == ["2026-01-05", "2026-01-20"]
    assert only[0].to_dict()["date"] == "2026-01-05"


def test_consensus_of_some_events_or_all(store: Store) -> None:
    every = queries.consensus_by_event(store)
    some = [r.event_id for r in queries.events(store, EventFilter(place="Fastiv"))]
    assert queries.consensus_by_event(store, some) == {some[0]: every[some[0]]}
    assert queries.consensus_by_event(store, []) == {}
    assert len(every) == 4
