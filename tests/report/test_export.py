"""Exports: JSONL and ACLED-style CSV, read back with json and csv."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from sitroom.report import export
from sitroom.report.export import CSV_COLUMNS, acled_type, csv_row, safe_cell
from sitroom.store import EventFilter, queries
from sitroom.types import Actor, DateValue, EventReport, Place
from store_factory import make_extraction, make_quote, make_report, make_store


def _csv(
    reports: list[EventReport], sources: dict[str, str | None] | None = None
) -> list[dict[str, str]]:
    buf = io.StringIO(newline="")
    assert export.write_csv(reports, buf, sources) == len(reports)
    buf.seek(0)
    reader = csv.DictReader(buf)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    return list(reader)


def test_write_jsonl_reads_back_as_the_records() -> None:
    reports = [make_report("art_a", "r1"), make_report("art_a", "r2", killed=None)]
    buf = io.StringIO()
    assert export.write_jsonl(reports, buf) == 2
    lines = buf.getvalue().splitlines()
    assert [EventReport.from_dict(json.loads(line)) for line in lines] == reports


def test_write_jsonl_keeps_non_ascii_text_readable() -> None:
    report = dataclasses.replace(make_report("art_a", "r1"), location=Place("Київ", "Києві"))
    buf = io.StringIO()
    export.write_jsonl([report], buf)
    assert "Київ" in buf.getvalue()


def test_write_csv_row_has_acled_and_sitroom_columns() -> None:
    report = make_report("art_a", "r1", event_id="ev_1")
    [row] = _csv([report], {"art_a": "Example Wire"})
    assert row["event_id"] == "ev_1"
    assert row["event_date"] == "2026-01-05"
    assert (row["event_type"], row["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert (row["actor1"], row["actor2"]) == ("Russia", "")
    assert (row["location"], row["admin1"]) == ("Kyiv", "Kyiv City")
    assert (float(row["latitude"]), float(row["longitude"])) == (50.45, 30.52)
    assert (row["geo_precision"], row["time_precision"]) == ("1", "1")
    assert row["fatalities"] == "1" and row["killed_max"] == "1"
    assert (row["injured_min"], row["injured_max"]) == ("3", "3")
    assert row["weapons"] == "drone:165/140;missile:9/"
    assert row["evidence"] == report.evidence[0].text
    assert row["notes"] == "targets: medical facility; according to: Ukrainian air force"
    assert row["source"] == "Example Wire"
    assert (row["report_id"], row["article_id"], row["modality"]) == ("r1", "art_a", "reported")


def test_write_csv_fatalities_is_zero_when_no_figure_is_stated() -> None:
    [row] = _csv([make_report("art_a", "r1", killed=None)])
    assert row["fatalities"] == "0"
    assert row["killed_max"] == ""


def test_write_csv_joins_evidence_sentences() -> None:
    report = make_report("art_a", "r1")
    two = dataclasses.replace(report, evidence=report.evidence * 2)
    [row] = _csv([two])
    assert row["evidence"] == f"{report.evidence[0].text} | {report.evidence[0].text}"


@pytest.mark.parametrize(
    ("precision", "geo"),
    [("town", "1"), ("admin2", "2"), ("admin1", "3"), ("country", "3"), ("region", "3")],
)
def test_write_csv_geo_precision(precision: str, geo: str) -> None:
    report = dataclasses.replace(
        make_report("art_a", "r1"),
        location=Place("X", "X", precision=precision),  # type: ignore[arg-type]
    )
    assert _csv([report])[0]["geo_precision"] == geo


@pytest.mark.parametrize(
    ("precision", "time"),
    [("day", "1"), ("range", "2"), ("week", "2"), ("month", "3"), ("unresolved", "3")],
)
def test_write_csv_time_precision(precision: str, time: str) -> None:
    report = dataclasses.replace(
        make_report("art_a", "r1"),
        date=DateValue(dt.date(2026, 1, 5), precision, "then"),  # type: ignore[arg-type]
    )
    assert _csv([report])[0]["time_precision"] == time


@pytest.mark.parametrize(
    ("type_", "subtype", "expected"),
    [
        ("attack", "air_drone_strike", ("Explosions/Remote violence", "Air/drone strike")),
        (
            "attack",
            "shelling_artillery_missile",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "attack",
            "remote_explosive",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        ("attack", "ground_attack", ("Explosions/Remote violence", "")),
        ("air_raid", None, ("Explosions/Remote violence", "Air/drone strike")),
        ("interception", None, ("Strategic developments", "Disrupted weapons use")),
        ("battle", None, ("Battles", "Armed clash")),
        ("territory_change", None, ("Battles", "")),
        ("meeting", None, ("Strategic developments", "Other")),
        ("sanction", None, ("Strategic developments", "Other")),
        ("other", None, ("", "")),
    ],
)
def test_acled_type_mapping(type_: str, subtype: str | None, expected: tuple[str, str]) -> None:
    assert acled_type(type_, subtype) == expected


@pytest.mark.parametrize("formula", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])
def test_csv_cells_that_look_like_formulas_are_quoted(formula: str) -> None:
    assert safe_cell(formula) == "'" + formula


def test_csv_numbers_stay_numbers_even_when_negative() -> None:
    assert safe_cell(-73.5) == -73.5
    assert safe_cell(-3) == -3
    assert safe_cell(None) == ""


def test_write_csv_is_safe_to_open_in_a_spreadsheet() -> None:
    report = dataclasses.replace(
        make_report("art_a", "r1"),
        actor1=Actor('=HYPERLINK("http://evil.example","click")', "x"),
        location=Place("@SUM(1+1)", "x", lat=-33.9, lon=-70.6),
    )
    [row] = _csv([report], {"art_a": "-cmd|' /C calc'!A0"})
    assert row["actor1"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["location"] == "'@SUM(1+1)"
    assert row["source"] == "'-cmd|' /C calc'!A0"
    assert (row["latitude"], row["longitude"]) == ("-33.9", "-70.6")
    dangerous = [v for v in row.values() if v[:1] in ("=", "+", "@")]
    assert dangerous == []


def test_csv_row_has_every_column() -> None:
    assert set(csv_row(make_report("art_a", "r1"))) == set(CSV_COLUMNS)


def test_write_event_rows_csv_and_jsonl(tmp_path: Path) -> None:
    later = make_extraction("b", date=dt.date(2026, 1, 8))  # another strike: two events
    with make_store(tmp_path, make_extraction("a"), later) as store:
        rows = queries.events(store)
    buf = io.StringIO(newline="")
    assert export.write_event_rows(rows, buf, "csv") == 2
    buf.seek(0)
    back = list(csv.DictReader(buf))
    assert [r["event_id"] for r in back] == [r.event_id for r in rows]
    assert back[0]["weapons"] == "drone:165/140;missile:9/"
    buf = io.StringIO()
    export.write_event_rows(rows, buf, "jsonl")
    assert [json.loads(line) for line in buf.getvalue().splitlines()] == [r.to_dict() for r in rows]


def test_write_event_rows_csv_writes_a_header_when_empty() -> None:
    buf = io.StringIO()
    assert export.write_event_rows([], buf, "csv") == 0
    assert buf.getvalue().startswith("event_id,type,subtype")


def test_write_quotes_jsonl() -> None:
    quote = make_quote("art_a", "q1")
    buf = io.StringIO()
    assert export.write_quotes_jsonl([quote], buf) == 1
    assert json.loads(buf.getvalue()) == quote.to_dict()


def test_export_store_filters_and_names_sources(tmp_path: Path) -> None:
    with make_store(
        tmp_path,
        make_extraction("a"),
        make_extraction("b", place="Fastiv", article={"source": "Other Outlet"}),
    ) as store:
        buf = io.StringIO(newline="")
        assert export.export_store(store, buf, "csv", EventFilter(place="fastiv")) == 1
        buf.seek(0)
        [row] = list(csv.DictReader(buf))
        assert (row["location"], row["source"]) == ("Fastiv", "Other Outlet")
        buf = io.StringIO()
        assert export.export_store(store, buf, "jsonl") == 2
        ids = [json.loads(line)["report_id"] for line in buf.getvalue().splitlines()]
        assert sorted(ids) == ["rep_a_0", "rep_b_0"]


def test_export_store_refuses_an_unknown_format(tmp_path: Path) -> None:
    with make_store(tmp_path) as store, pytest.raises(ValueError, match="unknown export format"):
        export.export_store(store, io.StringIO(), "xml")  # type: ignore[arg-type]


def _two_sources_and_an_update(tmp_path: Path) -> Path:
    """One Kyiv strike: Wire A says 1 killed then 4, Wire B says 3."""
    make_store(
        tmp_path,
        make_extraction("a1", killed=(1, 1)),
        make_extraction("a2", killed=(4, 4), article={"published": dt.date(2026, 1, 6)}),
        make_extraction("b", killed=(3, 3), article={"source": "Wire B"}),
        make_extraction("far", place="Sumy", admin1="Sumy Oblast", geonames_id=692194),
    ).close()
    return tmp_path / "sitroom.db"


def test_report_rows_carry_their_event_consensus_and_what_was_superseded(tmp_path: Path) -> None:
    db = _two_sources_and_an_update(tmp_path)
    buf = io.StringIO(newline="")
    with make_store(tmp_path, name=db.name) as store:
        assert export.export_store(store, buf, "csv") == 4
    rows = {r["article_id"]: r for r in csv.DictReader(io.StringIO(buf.getvalue()))}
    kyiv = [rows["art_a1"], rows["art_a2"], rows["art_b"]]
    assert len({r["event_id"] for r in kyiv}) == 1
    assert [r["fatalities"] for r in kyiv] == ["1", "4", "3"]  # each source's own
    assert {r["event_fatalities"] for r in kyiv} == {"3"}  # the latest: 4 and 3, lowest 3
    assert {r["event_sources"] for r in kyiv} == {"2"}
    assert [r["latest"] for r in kyiv] == ["0", "1", "1"]
    assert rows["art_far"]["event_sources"] == "1"


def test_event_level_export_one_row_per_event_with_every_source(tmp_path: Path) -> None:
    db = _two_sources_and_an_update(tmp_path)
    with make_store(tmp_path, name=db.name) as store:
        buf = io.StringIO(newline="")
        assert export.export_store(store, buf, "csv", level="event") == 2
        lines = io.StringIO()
        assert export.export_store(store, lines, "jsonl", level="event") == 2
    rows = {r["location"]: r for r in csv.DictReader(io.StringIO(buf.getvalue()))}
    assert list(rows["Kyiv"]) == list(export.EVENT_COLUMNS)
    kyiv = rows["Kyiv"]
    assert (kyiv["fatalities"], kyiv["fatalities_max"], kyiv["n_sources"]) == ("3", "4", "2")
    salvo = "drone 165/140, missile 9/"
    assert kyiv["per_source"] == (
        f"Example Wire: killed 4, injured 3, {salvo} | Wire B: killed 3, injured 3, {salvo}"
    )
    assert kyiv["event_type"] == "Explosions/Remote violence"
    records = {
        json.loads(line)["location"]["name"]: json.loads(line)
        for line in lines.getvalue().splitlines()
    }
    sources = records["Kyiv"]["sources"]
    assert [s["source"] for s in sources] == ["Example Wire", "Wire B"]
    assert [r["killed"]["min"] for r in sources[0]["reports"]] == [1, 4]


def test_geojson_one_point_per_located_event_or_report(tmp_path: Path) -> None:
    db = _two_sources_and_an_update(tmp_path)
    with make_store(tmp_path, name=db.name) as store:
        buf = io.StringIO()
        assert export.export_store(store, buf, "geojson", level="event") == 2
        per_report = io.StringIO()
        assert export.export_store(store, per_report, "geojson", level="report") == 4
    collection = json.loads(buf.getvalue())
    assert collection["type"] == "FeatureCollection"
    by_place = {f["properties"]["location"]: f for f in collection["features"]}
    kyiv = by_place["Kyiv"]
    assert kyiv["geometry"] == {"type": "Point", "coordinates": [30.52, 50.45]}
    assert set(kyiv["properties"]) == set(export.EVENT_COLUMNS)
    assert kyiv["properties"]["fatalities"] == 3 and kyiv["properties"]["n_sources"] == 2
    features = json.loads(per_report.getvalue())["features"]
    assert {f["properties"]["article_id"] for f in features} == {
        "art_a1",
        "art_a2",
        "art_b",
        "art_far",
    }


def test_geojson_leaves_out_what_has_no_coordinates(tmp_path: Path) -> None:
    with make_store(tmp_path, make_extraction("x", place=None)) as store:
        buf = io.StringIO()
        assert export.export_store(store, buf, "geojson", level="event") == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_exports_round_trip_into_pandas_with_the_documented_columns(tmp_path: Path) -> None:
    import pandas as pd  # a dev dependency

    db = _two_sources_and_an_update(tmp_path)
    with make_store(tmp_path, name=db.name) as store:
        csv_reports = tmp_path / "r.csv"
        with csv_reports.open("w", newline="", encoding="utf-8") as fp:
            export.export_store(store, fp, "csv")
        csv_events = tmp_path / "e.csv"
        with csv_events.open("w", newline="", encoding="utf-8") as fp:
            export.export_store(store, fp, "csv", level="event")
        jsonl = tmp_path / "r.jsonl"
        with jsonl.open("w", encoding="utf-8") as fp:
            export.export_store(store, fp, "jsonl")
        assert export.export_parquet(store, tmp_path / "r.parquet") == 4
        assert export.export_parquet(store, tmp_path / "e.parquet", level="event") == 2
    reports_csv = pd.read_csv(csv_reports)
    assert list(reports_csv.columns) == list(CSV_COLUMNS) and len(reports_csv) == 4
    events_csv = pd.read_csv(csv_events)
    assert list(events_csv.columns) == list(export.EVENT_COLUMNS)
    assert sorted(events_csv["fatalities"]) == [1, 3]
    records = pd.read_json(jsonl, lines=True)
    assert {"report_id", "event_id", "killed", "location", "evidence"} <= set(records.columns)
    parquet = pd.read_parquet(tmp_path / "r.parquet")
    assert list(parquet.columns) == list(CSV_COLUMNS)
    assert parquet["latitude"].dtype.kind == "f" and parquet["fatalities"].dtype.kind == "i"
    assert sorted(parquet["fatalities"]) == [1, 1, 3, 4]
    events_pq = pd.read_parquet(tmp_path / "e.parquet")
    kyiv = events_pq[events_pq["location"] == "Kyiv"].iloc[0]
    assert (kyiv["fatalities"], kyiv["n_sources"]) == (3, 2)
