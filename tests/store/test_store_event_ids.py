"""The event rows the store derives: ids from merge.cluster and the consensus figures.

(These test ``sitroom.merge.cluster`` through its use by the store; they move to
``tests/merge/`` when the merge stage grows its own tests.)
"""

from __future__ import annotations

import hashlib

from sitroom.merge.cluster import (
    assign_event_ids,
    build_event,
    consensus,
    event_id_for,
    figure_consensus,
)
from sitroom.types import Quantity
from store_factory import make_report


def test_event_id_is_ev_plus_16_hex_of_the_report_id_hash() -> None:
    expected = "ev_" + hashlib.sha256(b"event:rep_1").hexdigest()[:16]
    assert event_id_for("rep_1") == expected


def test_assign_event_ids_gives_one_event_per_report_deterministically() -> None:
    reports = [make_report("art_a", f"rep_{i}") for i in range(3)]
    first = assign_event_ids(reports)
    assert first == assign_event_ids(reports)
    assert len({r.event_id for r in first}) == 3
    assert [r.report_id for r in first] == ["rep_0", "rep_1", "rep_2"]


def test_assign_event_ids_keeps_ids_already_set() -> None:
    report = make_report("art_a", "rep_0", event_id="ev_given")
    assert assign_event_ids([report])[0].event_id == "ev_given"


def test_figure_consensus_rules() -> None:
    def q(low: int | None, high: int | None) -> Quantity:
        return Quantity(low, high, "exact", "")

    assert figure_consensus([None, None]) is None
    assert figure_consensus([q(2, 2)]) == {"min": 2, "max": 2, "reports": 1}
    assert figure_consensus([q(14, 16), q(15, 15)]) == {"min": 14, "max": 16, "reports": 2}
    assert figure_consensus([q(2, 2), q(3, None)]) == {"min": 2, "max": None, "reports": 2}
    assert figure_consensus([q(None, 5)]) == {"min": None, "max": 5, "reports": 1}


def test_consensus_takes_the_headline_from_the_most_confident_report() -> None:
    low = make_report("art_a", "r1", confidence=0.2, subtype="remote_explosive")
    high = make_report("art_b", "r2", confidence=0.9, place="Fastiv")
    c = consensus([low, high])
    assert c["subtype"] == "air_drone_strike"
    assert c["location"]["name"] == "Fastiv"
    assert c["articles"] == ["art_a", "art_b"]
    weapons = {w["kind"]: w for w in c["weapons"]}
    assert weapons["drone"]["launched"] == {"min": 165, "max": 165}
    assert weapons["missile"]["intercepted"] is None


def test_build_event_orders_reports_by_id() -> None:
    reports = [make_report("art_a", "r2"), make_report("art_a", "r1")]
    event = build_event("ev_x", reports)
    assert [r.report_id for r in event.reports] == ["r1", "r2"]
    assert event.type == "attack" and event.consensus["n_reports"] == 2
