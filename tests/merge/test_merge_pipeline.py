"""The whole pipeline: one strike told in English and in French becomes one event."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from sitroom.api import IngestRequest, ingest, sample_files
from sitroom.pipeline import Pipeline
from sitroom.store import Store, queries

if TYPE_CHECKING:
    from sitroom.config import Settings
    from sitroom.engine import Engine

pytestmark = pytest.mark.slow


def _kharkiv(
    db: Path, order: list[str], settings: Settings, engine: Engine
) -> tuple[queries.EventRow, dict[str, Any]]:
    samples = {s.path.name: s for s in sample_files()}
    pipeline = Pipeline(settings, engine)
    for name in order:
        s = samples[name]
        ingest(IngestRequest([s.path], db, s.published, s.source), settings, pipeline=pipeline)
    with Store.open(db, create=False) as store:
        rows = [r for r in queries.events(store) if r.location == "Kharkiv"]
        assert len(rows) == 1, rows
        return rows[0], queries.event(store, rows[0].event_id).consensus


def test_the_kharkiv_strike_in_english_and_french_is_one_event_in_any_order(
    settings: Settings, engine: Engine, tmp_path: Path
) -> None:
    order = ["en_kharkiv_strike.txt", "fr_kharkiv_frappe.txt"]
    row, c = _kharkiv(tmp_path / "a.db", order, settings, engine)
    again, c2 = _kharkiv(tmp_path / "b.db", order[::-1], settings, engine)
    assert row.event_id == again.event_id and c == c2
    assert (row.type, row.n_sources) == ("attack", 2)
    assert [s["source"] for s in c["sources"]] == ["Sample Wire", "Sample Wire FR"]
    languages = {r["language"] for s in c["sources"] for r in s["reports"]}
    assert languages == {"en", "fr"}
    # the English wire says 3 killed and 17 injured, the French one 4 and 19
    assert c["killed"] == {"value": 3, "min": 3, "max": 4, "sources": 2, "reports": 2}
    assert (c["injured"]["value"], c["injured"]["max"]) == (17, 19)
