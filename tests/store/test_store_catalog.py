"""Places and actors the database holds, counted."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sitroom.cli import app
from sitroom.store import catalog
from store_factory import make_extraction, make_store


def test_places_count_events_per_place(tmp_path: Path) -> None:
    store = make_store(tmp_path, make_extraction("a", n_reports=2), make_extraction("b"))
    with store:
        (kyiv,) = catalog.places(store)
    assert (kyiv.name, kyiv.geonames_id, kyiv.admin1) == ("Kyiv", 703448, "Kyiv City")
    # b tells the strike a tells first; a's second report is another event of its own
    assert kyiv.reports == 3 and kyiv.events == 2


def test_reports_without_place_are_not_listed(tmp_path: Path) -> None:
    store = make_store(tmp_path, make_extraction("a", place=None))
    with store:
        assert catalog.places(store) == []


def test_actors_count_actor1_by_canonical_name(tmp_path: Path) -> None:
    store = make_store(tmp_path, make_extraction("a", n_reports=2))
    with store:
        (russia,) = catalog.actors(store)
    assert (russia.name, russia.wikidata, russia.as_actor1) == ("Russia", "Q159", 2)


def test_places_and_actors_commands(tmp_path: Path) -> None:
    make_store(tmp_path, make_extraction("a")).close()
    db = str(tmp_path / "sitroom.db")
    places = CliRunner().invoke(app, ["places", "--db", db, "--format", "jsonl"])
    assert places.exit_code == 0 and '"name": "Kyiv"' in places.stdout
    actors = CliRunner().invoke(app, ["actors", "--db", db])
    assert actors.exit_code == 0 and "Russia" in actors.stdout
