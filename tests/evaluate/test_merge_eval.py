"""Scoring the merge stage: B-cubed, the gold cluster files, and the CI gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from conftest import REPO, shared_path
from sitroom.evaluate.gold import GoldError
from sitroom.evaluate.merging import (
    MergeScore,
    bcubed,
    evaluate_merge,
    load_scenarios,
    merge_floor_failures,
    parse_scenario,
    raised_merge_floors,
)

if TYPE_CHECKING:
    from sitroom.config import Settings
    from sitroom.engine import Engine

GOLD = REPO / "eval" / "merge"
FLOORS = REPO / "eval" / "merge_floors.json"


def test_bcubed_perfect_split_and_lumped() -> None:
    gold = {1: "A", 2: "A", 3: "B"}
    assert bcubed(gold, {1: "x", 2: "x", 3: "y"}) == (1.0, 1.0)
    p, r = bcubed(gold, {1: "x", 2: "y", 3: "z"})  # everything apart
    assert p == 1.0 and r == pytest.approx((0.5 + 0.5 + 1) / 3)
    p, r = bcubed(gold, {1: "x", 2: "x", 3: "x"})  # everything together
    assert r == 1.0 and p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def _scenario(**over: Any) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": "s",
        "documents": [
            {
                "doc": "a",
                "lang": "en",
                "published": "2026-01-05",
                "text_file": "a.txt",
                "sha256": "0",
            },
            {
                "doc": "b",
                "lang": "fr",
                "published": "2026-01-05",
                "text_file": "b.txt",
                "sha256": "0",
            },
        ],
        "events": [
            {
                "event": "A",
                "type": "attack",
                "date": "2026-01-05",
                "place": "Kyiv",
                "geonames_id": 703448,
                "docs": ["a", "b"],
            },
            {
                "event": "B",
                "type": "attack",
                "date": "2026-01-04",
                "place": "Kyiv",
                "geonames_id": 703448,
                "docs": ["b"],
                "near_miss_of": "A",
            },
        ],
    }
    d.update(over)
    return d


def test_a_scenario_parses() -> None:
    s = parse_scenario(_scenario())
    assert s.split == "dev" and [e.near_miss_of for e in s.events] == [None, "A"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"split": "test"}, "split"),
        (
            {
                "events": [
                    {
                        "event": "A",
                        "type": "attack",
                        "date": "2026-01-05",
                        "place": "Kyiv",
                        "docs": ["zz"],
                    }
                ]
            },
            "unknown documents",
        ),
        (
            {
                "events": [
                    {
                        "event": "A",
                        "type": "attack",
                        "date": "2026-01-05",
                        "place": "Kyiv",
                        "docs": ["a"],
                        "near_miss_of": "Q",
                    }
                ]
            },
            "unknown event",
        ),
    ],
)
def test_a_bad_scenario_says_what_is_wrong(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_scenario(_scenario(**change))


def test_a_bad_file_is_one_gold_error(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text(json.dumps(_scenario(split="nope")), "utf-8")
    with pytest.raises(GoldError, match="x.json: not a valid cluster gold file"):
        load_scenarios([tmp_path])


def _score(p: float, r: float, merged: tuple[str, ...] = (), ordered: bool = True) -> MergeScore:
    return MergeScore(1, 2, 2, p, r, p, r, 1, merged, ordered)


def test_floors_near_misses_and_order_fail_the_gate() -> None:
    floors = {"all/merge_precision": 0.95, "all/merge_recall": 0.9}
    assert merge_floor_failures({"all": _score(0.96, 0.91)}, floors) == []
    assert merge_floor_failures({"all": _score(0.96, 0.85)}, floors) == [
        "all/merge_recall: 0.850 is below its floor 0.90"
    ]
    assert merge_floor_failures({"all": _score(1, 1, ("s: B merged with A",))}, {}) == [
        "near miss merged: s: B merged with A"
    ]
    assert merge_floor_failures({"all": _score(1, 1, ordered=False)}, {})


def test_floors_only_go_up() -> None:
    raised = raised_merge_floors({"all": _score(0.9, 0.5)}, {"all/merge_precision": 0.95})
    assert raised["all/merge_precision"] == 0.95 and raised["all/merge_recall"] == 0.48


def test_the_cluster_gold_set_is_big_enough_and_split() -> None:
    scenarios = load_scenarios([GOLD])
    items = sum(len(e.docs) for s in scenarios for e in s.events)
    near = sum(e.near_miss_of is not None for s in scenarios for e in s.events)
    assert len(scenarios) >= 14 and items >= 70 and near >= 8
    assert {s.split for s in scenarios} == {"dev", "heldout"}
    langs = {d.lang for s in scenarios for d in s.documents}
    assert langs == {"en", "fr"}


@pytest.mark.slow
def test_every_merge_floor_holds(settings: Settings, engine: Engine) -> None:
    data = shared_path("data")
    scores = evaluate_merge(load_scenarios([GOLD]), settings, data, engine)
    floors = json.loads(FLOORS.read_text("utf-8"))
    assert merge_floor_failures(scores, floors) == []
    assert scores["all"].order_independent and not scores["all"].near_misses_merged
