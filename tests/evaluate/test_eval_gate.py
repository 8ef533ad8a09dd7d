"""The real evaluation over ``eval/gold``: every floor in ``eval/floors.json`` holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import REPO, shared_path
from sitroom.evaluate import check_floors, load_gold
from sitroom.evaluate.runner import evaluate

if TYPE_CHECKING:
    from sitroom.config import Settings
    from sitroom.engine import Engine

GOLD = REPO / "eval" / "gold"
FLOORS = REPO / "eval" / "floors.json"


def test_gold_set_is_big_enough_and_split() -> None:
    gold = load_gold([GOLD])
    langs = [g.lang for g in gold]
    assert langs.count("en") >= 20 and langs.count("fr") >= 19
    for lang in ("en", "fr"):
        held = [g for g in gold if g.lang == lang and g.split == "heldout"]
        assert len(held) >= 8, f"{lang}: the held-out half needs articles the rules never saw"


@pytest.mark.slow
def test_every_floor_holds(settings: Settings, engine: Engine) -> None:
    data: Path = shared_path("data")
    shared_path("seeds")
    result = evaluate(load_gold([GOLD]), settings, data, engine)
    floors = json.loads(FLOORS.read_text("utf-8"))
    assert check_floors(result, floors) == []
