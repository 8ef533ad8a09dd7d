"""The REST API over a database filled by hand: filters, paging, errors, the ingest token."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitroom.store import Store, queries
from sitroom.types import Place
from sitroom.web import create_app
from store_factory import FASTIV, make_extraction, make_store

MARKUP = 'In Kyiv <script>alert("x")</script> a strike set a clinic on fire, killing one person.'


def _no_area(_place: str) -> Place | None:
    return None


@pytest.fixture
def db(tmp_path: Path) -> Path:
    make_store(
        tmp_path,
        make_extraction("kyiv"),
        make_extraction("kyiv_fr", article={"source": "Agence B", "language": "fr"}, killed=(3, 3)),
        make_extraction("fastiv", **FASTIV, date=dt.date(2026, 1, 3), killed=(2, 2)),
        make_extraction(
            "sumy",
            place="Sumy",
            admin1="Sumy Oblast",
            date=dt.date(2026, 1, 20),
            killed=None,
            text=MARKUP,
        ),
        make_extraction(
            "talks",
            type="meeting",
            subtype=None,
            place=None,
            killed=None,
            injured=None,
            weapons=False,
            modality="planned",
        ),
    ).close()
    return tmp_path / "sitroom.db"


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, area_of=_no_area))


def _get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _places(client: TestClient, **params: Any) -> list[str]:
    return sorted(r["location"] or "-" for r in _get(client, "/api/events", **params)["items"])


def test_events_every_filter(client: TestClient) -> None:
    assert _places(client) == ["-", "Fastiv", "Kyiv", "Sumy"]
    assert _places(client, since="2026-01-04") == ["-", "Kyiv", "Sumy"]
    assert _places(client, until="2026-01-04") == ["Fastiv"]
    assert _places(client, type="meeting") == ["-"]
    assert _places(client, type="air_drone_strike") == ["Fastiv", "Kyiv", "Sumy"]
    assert _places(client, place="kyiv") == ["Fastiv", "Kyiv"]  # Kyiv City, Kyiv Oblast
    assert _places(client, actor="Russia") == ["-", "Fastiv", "Kyiv", "Sumy"]
    assert _places(client, actor="Q212") == []
    assert _places(client, min_killed=2) == ["Fastiv"]
    assert _places(client, min_injured=3) == ["Fastiv", "Kyiv", "Sumy"]
    assert _places(client, modality="planned") == ["-"]
    assert _places(client, source="agence b") == ["Kyiv"]
    assert _places(client, language="fr") == ["Kyiv"]
    assert _places(client, q="<script>") == ["Sumy"]


def test_the_two_sources_of_one_strike_are_one_event(client: TestClient) -> None:
    [kyiv] = [r for r in _get(client, "/api/events")["items"] if r["location"] == "Kyiv"]
    assert kyiv["n_sources"] == 2 and kyiv["killed_min"] == 1 and kyiv["killed_max"] == 3
    event = _get(client, f"/api/events/{kyiv['event_id']}")
    assert [s["source"] for s in event["consensus"]["sources"]] == ["Agence B", "Example Wire"]
    assert event["consensus"]["killed"]["value"] == 1
    assert len(event["reports"]) == 2 and set(event["articles"]) == {"art_kyiv", "art_kyiv_fr"}
    assert all(r["evidence"] for r in event["reports"])


def test_paging(client: TestClient) -> None:
    first = _get(client, "/api/events", limit=3)
    assert len(first["items"]) == 3 and first["next_offset"] == 3
    rest = _get(client, "/api/events", limit=3, offset=3)
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    ids = [r["event_id"] for r in first["items"] + rest["items"]]
    assert len(set(ids)) == 4


@pytest.mark.parametrize(
    ("url", "params", "status", "code"),
    [
        ("/api/events", {"limit": 0}, 422, "E422"),
        ("/api/events", {"limit": 501}, 422, "E422"),
        ("/api/events", {"offset": -1}, 422, "E422"),
        ("/api/events", {"min_killed": -3}, 422, "E422"),
        ("/api/events", {"since": "yesterday"}, 422, "E422"),
        ("/api/events", {"since": "2026-02-01", "until": "2026-01-01"}, 422, "E422"),
        ("/api/events", {"q": "x" * 201}, 422, "E422"),
        ("/api/events/ev_0000000000000000", {}, 404, "E601"),
        ("/api/events/" + "x" * 65, {}, 422, "E422"),
        ("/api/articles/nope", {}, 404, "E601"),
        ("/api/no/such/route", {}, 404, "E404"),
    ],
)
def test_one_error_shape(
    client: TestClient, url: str, params: dict[str, Any], status: int, code: str
) -> None:
    response = client.get(url, params=params)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code and body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_a_malicious_filter_value_is_only_data(client: TestClient, db: Path) -> None:
    for hostile in ("' OR 1=1 --", '"); DROP TABLE events; --', "%", "\x00"):
        for name in ("place", "actor", "source", "q", "type", "modality", "language"):
            assert _places(client, **{name: hostile}) == [], (name, hostile)
    with Store.open(db, create=False) as store:
        assert len(queries.events(store)) == 4


def test_article_text_and_spans_are_returned_as_data(client: TestClient) -> None:
    article = _get(client, "/api/articles/art_sumy")
    assert article["text"] == MARKUP  # JSON carries the text; pages escape it
    [span] = article["spans"]
    assert MARKUP[span["start"] : span["end"]]


def test_quotes_places_and_daily_stats(client: TestClient) -> None:
    quotes = _get(client, "/api/quotes", speaker="klitschko")["items"]
    assert len(quotes) == 5 and {q["speaker"]["name"] for q in quotes} == {"Vitali Klitschko"}
    assert _get(client, "/api/quotes", speaker="Zelensky")["items"] == []
    page = _get(client, "/api/quotes", limit=2, offset=4)["items"]
    assert len(page) == 1
    places = {p["name"]: p for p in _get(client, "/api/places")["items"]}
    assert places["Kyiv"]["events"] == 1 and places["Kyiv"]["reports"] == 2
    days = {d["date"]: d for d in _get(client, "/api/stats/daily")["items"]}
    assert list(days) == ["2026-01-03", "2026-01-05", "2026-01-20"]
    assert days["2026-01-05"]["killed"] == 1 and days["2026-01-05"]["launched"] == 174


def test_openapi_schema_lists_the_routes(client: TestClient) -> None:
    schema = _get(client, "/api/openapi.json")
    assert {"/api/events", "/api/events/{event_id}", "/api/stats/daily", "/api/ingest"} <= set(
        schema["paths"]
    )


def test_ingest_is_off_without_a_token(client: TestClient) -> None:
    response = client.post("/api/ingest", json={"text": "Drones hit Kyiv."})
    assert response.status_code == 403 and response.json()["error"]["code"] == "E403"


def test_ingest_needs_the_right_token(db: Path) -> None:
    client = TestClient(create_app(db, area_of=_no_area, token="s3cret"))
    for header in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret!"}):
        response = client.post("/api/ingest", json={"text": "x"}, headers=header)
        assert response.status_code == 401, header
    too_big = client.post(
        "/api/ingest", json={"text": ""}, headers={"Authorization": "Bearer s3cret"}
    )
    assert too_big.status_code == 422


def test_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "none.db", area_of=_no_area))
    response = client.get("/api/events")
    assert (
        response.status_code == 503
        and "ingest articles first" in response.json()["error"]["message"]
    )
    assert not (tmp_path / "none.db").exists()


@pytest.mark.slow
def test_ingest_with_the_token_stores_and_merges(db: Path, settings: Any, engine: Any) -> None:
    client = TestClient(create_app(db, settings, area_of=_no_area, token="s3cret"))
    text = (
        "Russian drones struck Kharkiv early Monday, killing two people and wounding five, "
        "the regional governor said."
    )
    response = client.post(
        "/api/ingest",
        json={"text": text, "published": "2026-03-09", "source": "Test Wire"},
        headers={"Authorization": "Bearer s3cret"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["ingested"] == 1 and response.json()["reports"] >= 1
    assert "Kharkiv" in _places(client)
    again = client.post(
        "/api/ingest",
        json={"text": text, "published": "2026-03-09"},
        headers={"Authorization": "Bearer s3cret"},
    )
    assert again.json()["duplicate"] == 1


def test_a_place_filter_names_an_area_and_finds_the_towns_in_it(db: Path) -> None:
    client = TestClient(create_app(db))  # the real gazetteer reads the place
    assert _places(client, place="Kyiv Oblast") == ["Fastiv"]  # not Kyiv City
    assert _places(client, place="oblast de Soumy") == ["Sumy"]
