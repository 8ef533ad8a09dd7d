"""The pipeline commands end to end, through the CLI, on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitroom.cli import app

pytestmark = pytest.mark.slow

STRIKE = (
    "A Russian missile strike on Zaporizhzhia on Tuesday killed one man and injured five "
    "people, the regional governor said.\nThe missile hit an industrial enterprise on the "
    "outskirts of the city, he added.\n"
)
FRAPPE = (
    "Au moins quatre personnes ont été tuées mardi dans une frappe de missile russe sur "
    "Dnipro, a indiqué le gouverneur de la région.\n"
)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "strike.txt").write_text(STRIKE, "utf-8")
    (folder / "sub" / "frappe.txt").write_text(FRAPPE, "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "batch.jsonl").write_text(
        json.dumps(
            {
                "text": STRIKE.replace("Zaporizhzhia", "Kherson"),
                "published": "2026-03-10",
                "source": "Sample Wire",
            }
        )
        + "\n{broken json\n",
        "utf-8",
    )
    return folder


def _ingest(folder: Path, db: Path) -> str:
    result = CliRunner().invoke(
        app, ["ingest", str(folder), "--db", str(db), "--published", "2026-03-10"]
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_ingest_tallies_and_names_each_rejection(inbox: Path, tmp_path: Path) -> None:
    out = _ingest(inbox, tmp_path / "s.db")
    assert "3 ingested, 0 duplicate, 3 rejected" in out
    assert "empty.txt" in out and "empty" in out.lower()
    assert "junk.bin" in out
    assert "batch.jsonl:2" in out


def test_ingesting_the_same_folder_twice_adds_nothing(inbox: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _ingest(inbox, db)
    before = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "jsonl"]).output
    out = _ingest(inbox, db)
    assert "0 ingested, 3 duplicate, 3 rejected" in out
    after = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "jsonl"]).output
    assert before == after and before.strip()


def test_extract_prints_design_records(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STRIKE, "utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--published", "2026-03-10"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    (attack,) = [r for r in records if r["type"] == "attack"]
    assert attack["location"]["name"] == "Zaporizhzhia"
    assert attack["killed"]["min"] == 1 and attack["injured"]["min"] == 5
    assert attack["date"] == "2026-03-10"
    for key in ("report_id", "article_id", "event_id", "evidence", "confidence", "modality"):
        assert key in attack


def test_bad_published_date_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STRIKE, "utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--published", "yesterday"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "--published" in result.output


def test_unsupported_language_is_stored_not_extracted(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_text(
        "Российские войска нанесли удар по городу ночью, сообщили местные власти. "
        "Пострадали несколько человек, их доставили в больницу.\n",
        "utf-8",
    )
    out = _ingest(path, tmp_path / "s.db")
    assert "1 ingested" in out and "not extracted" in out
