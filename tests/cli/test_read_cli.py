"""The read commands (events, show, quotes, export) on a store filled by hand."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

import sitroom.cli
from sitroom.cli import catalog, read
from sitroom.cli.common import new_app
from sitroom.store import EventFilter, queries
from store_factory import FASTIV, make_extraction, make_store


@pytest.fixture
def app() -> typer.Typer:
    # The read commands on the real root (options, error handling), without the
    # pipeline commands of cli.run, which load spaCy.
    app = new_app()
    read.register(app)
    return app


@pytest.fixture
def db(tmp_path: Path) -> Path:
    markup = "In Kyiv [bold red]boom[/] [/] a strike set a clinic on fire, killing one person."
    make_store(
        tmp_path,
        make_extraction("kyiv"),
        make_extraction("fastiv", **FASTIV, killed=(2, None)),
        make_extraction("markup", text=markup, place="Sumy", admin1="Sumy Oblast"),
    ).close()
    return tmp_path / "sitroom.db"


def invoke(app: typer.Typer, *args: str | Path, columns: int = 200) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": str(columns)})


def _event_id(db: Path, place: str) -> str:
    with make_store(db.parent, name=db.name) as store:
        return queries.events(store, EventFilter(place=place))[0].event_id


def _one_error_line(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


# ---------------------------------------------------------------------- events


def test_events_table_lists_every_event(app: typer.Typer, db: Path) -> None:
    result = invoke(app, "events", "--db", db)
    assert result.exit_code == 0, result.stderr
    for place in ("Kyiv", "Fastiv", "Sumy"):
        assert _event_id(db, place)[:11] in result.stdout
    assert "attack/air_drone_strike" in result.stdout
    assert "drone:165/140" in result.stdout
    assert "2+" in result.stdout  # Fastiv: "at least two" killed


def test_events_table_fits_80_columns_without_cutting_numbers(app: typer.Typer, db: Path) -> None:
    result = invoke(app, "events", "--db", db, columns=80)
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "src" in result.stdout and "drone:165/140" in result.stdout
    for place in ("Kyiv", "Fastiv", "Sumy"):
        assert _event_id(db, place)[:11] in result.stdout


def test_events_jsonl_follows_the_filters(app: typer.Typer, db: Path) -> None:
    result = invoke(app, "events", "--db", db, "--place", "OBLAST", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["location"] for r in rows) == ["Fastiv", "Sumy"]


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Sumy Oblast", ["Sumy"]),
        ("oblast de Soumy", ["Sumy"]),
        ("Fastiv district", ["Fastiv"]),
        ("Kyiv Oblast", ["Fastiv"]),
        ("Ukraine", ["Fastiv", "Kyiv", "Sumy"]),
    ],
)
def test_events_place_names_an_area_in_any_spelling(
    app: typer.Typer, db: Path, place: str, expected: list[str]
) -> None:
    """The gazetteer reads --place: an oblast or raion lists the events of its towns."""
    result = invoke(app, "events", "--db", db, "--place", place, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["location"] for r in rows) == expected


def test_events_csv_reads_back(app: typer.Typer, db: Path) -> None:
    result = invoke(
        app, "events", "--db", db, "--format", "csv", "--since", "2026-01-01", "--limit", "2"
    )
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2 and rows[0]["type"] == "attack"


def test_events_type_filter_with_no_match_says_so(app: typer.Typer, db: Path) -> None:
    result = invoke(app, "events", "--db", db, "--type", "sanction")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no events match" in result.stderr


def test_events_invalid_date_is_a_usage_error(app: typer.Typer, db: Path) -> None:
    result = invoke(app, "events", "--db", db, "--since", "2026-13-01")
    assert result.exit_code == 2
    assert "'2026-13-01' is not a date" in result.stderr
    assert "Traceback" not in result.output


def test_events_since_after_until_is_a_usage_error(app: typer.Typer, db: Path) -> None:
    result = invoke(app, "events", "--db", db, "--since", "2026-02-01", "--until", "2026-01-01")
    assert result.exit_code == 2
    assert "is after --until" in result.stderr


def test_events_invalid_format_is_a_usage_error(app: typer.Typer, db: Path) -> None:
    assert invoke(app, "events", "--db", db, "--format", "xml").exit_code == 2
    assert invoke(app, "events", "--db", db, "--limit", "0").exit_code == 2


def test_events_on_a_missing_database_says_so_and_creates_nothing(
    app: typer.Typer, tmp_path: Path
) -> None:
    missing = tmp_path / "nothing-here.db"
    result = invoke(app, "events", "--db", missing)
    assert result.exit_code == 1
    assert "no database at" in _one_error_line(result)
    assert not missing.exists()


def test_events_database_path_comes_from_config(app: typer.Typer, db: Path, tmp_path: Path) -> None:
    config = tmp_path / "sitroom.toml"
    config.write_text(f'[store]\npath = "{db.as_posix()}"\n', encoding="utf-8")
    result = invoke(app, "--config", config, "events", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3


def test_a_missing_config_file_is_one_error_line(app: typer.Typer, tmp_path: Path) -> None:
    result = invoke(app, "--config", tmp_path / "nope.toml", "events")
    assert result.exit_code == 1
    assert "does not exist" in _one_error_line(result)


# ---------------------------------------------------------------------- show


def test_show_by_prefix_prints_figures_with_their_text_and_the_evidence(
    app: typer.Typer, db: Path
) -> None:
    event_id = _event_id(db, "Kyiv City")
    result = invoke(app, "show", event_id[:10], "--db", db)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert event_id in out
    assert "attack/air_drone_strike" in out and "reported" in out
    assert "“killing one person”" in out and "“early Monday”" in out
    assert "geonames 703448" in out and "Kyiv City" in out
    assert "Ukrainian air force" in out
    assert "In Kyiv, a strike set a clinic on fire early Monday" in out


def test_show_prints_article_text_literally_not_as_markup(app: typer.Typer, db: Path) -> None:
    result = invoke(app, "show", _event_id(db, "Sumy"), "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "[bold red]boom[/] [/]" in result.stdout


def test_show_unknown_id_is_one_error_line(app: typer.Typer, db: Path) -> None:
    result = invoke(app, "show", "xyz", "--db", db)
    assert result.exit_code == 1
    assert "no event with id 'xyz'" in _one_error_line(result)
    assert result.stdout == ""


def test_show_unknown_long_id_is_one_error_line(app: typer.Typer, db: Path) -> None:
    result = invoke(app, "show", "ev_0000000000000000", "--db", db)
    assert result.exit_code == 1
    assert "no event with id 'ev_0000000000000000'" in _one_error_line(result)


# ---------------------------------------------------------------------- quotes


def test_quotes_table_and_speaker_filter(app: typer.Typer, db: Path) -> None:
    result = invoke(app, "quotes", "--db", db, "--speaker", "klitschko")
    assert result.exit_code == 0, result.stderr
    assert "Vitali Klitschko" in result.stdout and "We will rebuild" in result.stdout
    none = invoke(app, "quotes", "--db", db, "--speaker", "nobody")
    assert none.exit_code == 0 and "no quotes match" in none.stderr


def test_quotes_jsonl(app: typer.Typer, db: Path) -> None:
    result = invoke(app, "quotes", "--db", db, "--format", "jsonl", "--limit", "2")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2 and records[0]["speaker"]["name"] == "Vitali Klitschko"


# ---------------------------------------------------------------------- export


def test_export_jsonl_to_stdout(app: typer.Typer, db: Path) -> None:
    result = invoke(app, "export", "--db", db)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["report_id"] for r in records) == ["rep_fastiv_0", "rep_kyiv_0", "rep_markup_0"]


def test_export_csv_to_a_file(app: typer.Typer, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = invoke(app, "export", "--db", db, "--format", "csv", "--out", out, "--place", "kyiv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "wrote 2 report(s)" in result.stderr
    with out.open(encoding="utf-8", newline="") as fp:
        rows = list(csv.DictReader(fp))
    assert sorted(r["location"] for r in rows) == ["Fastiv", "Kyiv"]
    assert not list(tmp_path.glob("*.partial"))


def test_export_to_an_unwritable_place_is_one_error_line(
    app: typer.Typer, db: Path, tmp_path: Path
) -> None:
    result = invoke(app, "export", "--db", db, "--out", tmp_path / "no" / "such" / "dir.csv")
    assert result.exit_code == 1
    assert "cannot write" in _one_error_line(result)


# ---------------------------------------------------------------------- main()


def test_main_turns_errors_into_one_line_and_exit_code_1(
    app: typer.Typer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sitroom.cli, "build_app", lambda: app)
    monkeypatch.setattr("sys.argv", ["sitroom", "show", "xyz", "--db", str(tmp_path / "x.db")])
    with pytest.raises(SystemExit) as exit_info:
        sitroom.cli.main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "no database at" in err[0]


def test_show_puts_each_source_side_by_side_with_the_consensus(tmp_path: Path) -> None:
    other = {"source": "Other Wire", "url": "https://other.example/b"}
    make_store(
        tmp_path,
        make_extraction("a", killed=(1, 1)),
        make_extraction("b", killed=(2, 2), article=other),
        name="two.db",
    ).close()
    db = tmp_path / "two.db"
    app = new_app()
    read.register(app)
    [row] = queries.events(make_store(tmp_path, name="two.db"))
    result = invoke(app, "show", row.event_id, "--db", db)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "2 report(s) from 2 article(s), 2 source(s)" in out
    assert "Example Wire" in out and "Other Wire" in out
    consensus = next(line for line in out.splitlines() if line.lstrip().startswith("consensus"))
    assert "1 (1–2)" in consensus  # the lowest figure, and the range the sources give


def test_merge_command_reclusters_and_says_how_many(tmp_path: Path) -> None:
    make_store(tmp_path, make_extraction("a"), make_extraction("b")).close()
    app = new_app()
    catalog.register(app)
    result = invoke(app, "merge", "--db", tmp_path / "sitroom.db")
    assert result.exit_code == 0, result.stderr
    assert "1 events before, 1 after" in result.stdout


def test_export_geojson_and_parquet(app: typer.Typer, db: Path, tmp_path: Path) -> None:
    result = invoke(app, "export", "--format", "geojson", "--level", "event", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["type"] == "FeatureCollection"
    out = tmp_path / "events.parquet"
    result = invoke(app, "export", "-f", "parquet", "--out", out, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes()[:4] == b"PAR1" and "wrote 3 report(s)" in result.stderr
    missing = invoke(app, "export", "-f", "parquet", "--db", db)
    assert missing.exit_code == 2 and "--out" in missing.stderr
