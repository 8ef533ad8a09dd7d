"""Grouping reports into events: order-independent, stable ids, every source's figures."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import random

from merge_support import drones, q, report

from sitroom.merge import SourceInfo, build_event, cluster, consensus, event_id_for
from sitroom.merge.cluster import figure_consensus
from sitroom.types import Quantity

MON = dt.date(2026, 1, 5)
TUE = dt.date(2026, 1, 6)


def _partition(assignment: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for rid, eid in assignment.items():
        groups.setdefault(eid, set()).add(rid)
    return {frozenset(g) for g in groups.values()}


def test_event_id_is_ev_plus_16_hex_of_the_senior_report_hash() -> None:
    expected = "ev_" + hashlib.sha256(b"event:rep_1").hexdigest()[:16]
    assert event_id_for("rep_1") == expected


def test_one_strike_told_by_three_outlets_is_one_event() -> None:
    reports = [report("a", "r1"), report("b", "r2"), report("c", "r3", where="Obolon")]
    assert _partition(cluster(reports)) == {frozenset({"r1", "r2", "r3"})}


def test_near_misses_stay_apart() -> None:
    reports = [
        report("a", "r1"),
        report("b", "r2", when=TUE, date_text="on Tuesday"),  # the same city another day
        report("c", "r3", where="Kharkiv"),  # the same day another city
        report("d", "r4", type="meeting"),  # the same day and city, a meeting
    ]
    assert len(set(cluster(reports).values())) == 4


def test_a_coarse_place_joins_the_one_event_it_holds() -> None:
    town = report("a", "r1", where="Fastiv")
    oblast = report("b", "r2", where="Kyiv Oblast")
    raion = report("c", "r3", where="Fastiv Raion")
    assert _partition(cluster([town, oblast, raion])) == {frozenset({"r1", "r2", "r3"})}


def test_a_coarse_place_holding_two_events_joins_neither() -> None:
    fastiv = report("a", "r1", where="Fastiv")
    bila = report("b", "r2", where="Bila Tserkva")
    oblast = report("c", "r3", where="Kyiv Oblast")
    assert len(set(cluster([fastiv, bila, oblast]).values())) == 3


def test_two_reports_of_one_article_never_share_an_event() -> None:
    # b's single report matches both of a's; it joins one, a's two stay apart
    reports = [report("a", "r1"), report("a", "r2"), report("b", "r3")]
    parts = _partition(cluster(reports))
    assert len(parts) == 2
    assert all(not {"r1", "r2"} <= p for p in parts)


def test_clustering_ignores_the_order_of_reports() -> None:
    reports = [
        report("a", "r1", where="Fastiv"),
        report("b", "r2", where="Kyiv Oblast"),
        report("c", "r3", where="Fastiv", date_text="overnight", when=TUE),
        report("d", "r4", where="Bila Tserkva"),
        report("e", "r5"),
        report("f", "r6", where="Obolon"),
        report("g", "r7", where="Kharkiv"),
    ]
    expected = cluster(reports)
    for order in itertools.islice(itertools.permutations(reports), 0, 5040, 97):
        assert cluster(list(order)) == expected
    rng = random.Random(7)
    for _ in range(20):
        shuffled = reports[:]
        rng.shuffle(shuffled)
        assert cluster(shuffled) == expected


def test_the_id_comes_from_the_earliest_published_report() -> None:
    early, late = report("late", "r1"), report("early", "r2")
    infos = {
        "early": SourceInfo("Wire A", dt.date(2026, 1, 5)),
        "late": SourceInfo("Wire B", dt.date(2026, 1, 6)),
    }
    assert set(cluster([early, late], infos).values()) == {event_id_for("r2")}


def test_an_unrelated_report_changes_no_id() -> None:
    reports = [report("a", "r1"), report("b", "r2")]
    before = cluster(reports)
    after = cluster([*reports, report("c", "r3", where="Kharkiv")])
    assert {k: after[k] for k in before} == before


def _q(low: int | None, high: int | None, qualifier: str = "exact") -> Quantity:
    return q(low, high, qualifier)


def test_figure_consensus_is_the_lowest_well_sourced_figure_with_the_range() -> None:
    assert figure_consensus([None, None]) is None
    assert figure_consensus([_q(2, 2)]) == {
        "value": 2,
        "min": 2,
        "max": 2,
        "sources": 1,
        "reports": 1,
    }
    both = figure_consensus([_q(14, 16), _q(15, 15)])
    assert both == {"value": 14, "min": 14, "max": 16, "sources": 2, "reports": 2}
    open_ended = figure_consensus([_q(2, 2), _q(3, None)])
    assert open_ended is not None and (open_ended["value"], open_ended["max"]) == (2, None)
    # "dozens" (12, vague) is not well sourced next to a number
    vague = figure_consensus([_q(12, None, "vague"), _q(20, 20)])
    assert vague is not None and (vague["value"], vague["min"]) == (20, 12)


def test_each_source_keeps_its_figures_and_a_rising_toll_in_order() -> None:
    morning = report("a1", "r1", killed=q(3, 3))
    evening = report("a2", "r2", killed=q(7, 7))
    other = report("b", "r3", killed=q(5, 5), weapons=drones(40, 35))
    infos = {
        "a1": SourceInfo("Wire A", dt.date(2026, 1, 5), "2026-01-05T08:00:00+00:00"),
        "a2": SourceInfo("Wire A", dt.date(2026, 1, 5), "2026-01-05T17:00:00+00:00"),
        "b": SourceInfo("Wire B", dt.date(2026, 1, 5), "2026-01-05T09:00:00+00:00"),
    }
    c = consensus([morning, evening, other], infos)
    wire_a, wire_b = c["sources"]
    assert wire_a["source"] == "Wire A"
    assert [(r["report_id"], r["latest"]) for r in wire_a["reports"]] == [
        ("r1", False),
        ("r2", True),
    ]
    assert wire_a["reports"][1]["killed"]["min"] == 7
    assert wire_b["reports"][0]["weapons"][0]["launched"] == 40
    # the consensus reads each source's latest figure: 7 (Wire A) and 5 (Wire B)
    assert c["killed"] == {"value": 5, "min": 5, "max": 7, "sources": 2, "reports": 3}
    assert (c["n_reports"], c["n_sources"]) == (3, 2)
    assert c["weapons"][0]["launched"] == {"value": 40, "min": 40, "max": 40}


def test_an_article_of_unknown_outlet_is_a_source_of_its_own() -> None:
    c = consensus([report("a", "r1"), report("b", "r2")])
    assert [s["source"] for s in c["sources"]] == ["article a", "article b"]


def test_build_event_orders_reports_by_id() -> None:
    event = build_event("ev_x", [report("b", "r2"), report("a", "r1")])
    assert [r.report_id for r in event.reports] == ["r1", "r2"]
    assert event.type == "attack" and event.consensus["n_reports"] == 2
