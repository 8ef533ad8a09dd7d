"""Event typing on the CASE 2021 snippets: the scorer, and the measured floors."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, shared_path
from sitroom.evaluate.case import CASE_TO_SITROOM, load_snippets, predicted_type, score_typing
from sitroom.evaluate.runner import evaluate_case

if TYPE_CHECKING:
    from sitroom.config import Settings
    from sitroom.engine import Engine


def test_most_confident_report_types_the_snippet() -> None:
    assert predicted_type([("air_raid", 0.9), ("meeting", 0.5)]) == "attack"
    assert predicted_type([("sanction", 0.7)]) == "diplomacy"
    assert predicted_type([]) == "none"


def test_weighted_f1_weights_classes_by_support() -> None:
    pairs = [("attack", "attack")] * 3 + [("attack", "none"), ("battle", "attack")]
    result = score_typing(pairs)
    assert result.scored == 5 and result.accuracy == pytest.approx(0.6)
    attack_f1 = 2 * 0.75 * 0.75 / 1.5
    assert result.weighted_f1 == pytest.approx(attack_f1 * 4 / 5)


def test_only_labels_in_sitroom_types_are_scored() -> None:
    assert set(CASE_TO_SITROOM.values()) == {"attack", "battle", "territory_change", "diplomacy"}


@pytest.mark.slow
def test_case_typing_floors_hold(settings: Settings, engine: Engine) -> None:
    data = shared_path("data", "case2021-task2-event-snippets").parent
    result = evaluate_case(load_snippets(data), settings, engine)
    floors = json.loads((REPO / "eval" / "case_floors.json").read_text("utf-8"))
    assert result.scored == 396
    assert result.accuracy >= floors["accuracy"]
    assert result.weighted_f1 >= floors["weighted_f1"]
