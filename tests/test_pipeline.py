"""The stage order is checked, and one article's failure does not end a batch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from sitroom.engine import Engine
from sitroom.errors import ConfigError
from sitroom.ingest import iter_inputs
from sitroom.pipeline import STAGES, Pipeline, Stage, check_stages


def test_shipped_stage_order_checks() -> None:
    check_stages()
    assert [s.name for s in STAGES][:3] == ["ingest", "clean", "language"]


def test_stage_needing_what_nobody_provides_is_refused() -> None:
    bad = (Stage("extract", frozenset({"docs"}), frozenset({"reports"})),)
    with pytest.raises(ConfigError, match="needs"):
        check_stages(bad)


@pytest.mark.slow
def test_failing_article_is_rejected_and_batch_goes_on(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = "A Russian drone strike on Sumy on Monday injured three people, officials said.\n"
    bad = "BOOM. A Russian missile strike on Kharkiv on Monday killed two people, officials said.\n"
    (tmp_path / "a.txt").write_text(good, "utf-8")
    (tmp_path / "b.txt").write_text(bad, "utf-8")
    real = engine.extractor.extract

    def flaky(article: Any, *args: Any) -> Any:
        if article.text.startswith("BOOM"):
            raise RuntimeError("rule bug")
        return real(article, *args)

    monkeypatch.setattr(engine.extractor, "extract", flaky)
    items = iter_inputs([tmp_path], engine.settings.ingest, published=dt.date(2026, 3, 9))
    outcomes = {Path(o.locator).name: o for o in Pipeline(engine.settings, engine).run(items)}
    assert outcomes["a.txt"].status == "ingested" and outcomes["a.txt"].extraction
    assert outcomes["b.txt"].status == "rejected"
    assert "extraction failed (RuntimeError: rule bug)" in (outcomes["b.txt"].reason or "")


@pytest.mark.slow
def test_n_process_two_gives_the_same_reports(engine: Engine, tmp_path: Path) -> None:
    from dataclasses import replace

    texts = [
        "A Russian drone strike on Sumy on Monday injured three people, officials said.\n",
        "Une frappe de missile russe a tué deux personnes lundi à Kharkiv, selon le maire.\n",
    ]
    for i, text in enumerate(texts):
        (tmp_path / f"{i}.txt").write_text(text, "utf-8")

    def reports(eng: Engine) -> list[dict[str, Any]]:
        items = iter_inputs([tmp_path], eng.settings.ingest, published=dt.date(2026, 3, 9))
        return [
            r.to_dict()
            for o in Pipeline(eng.settings, eng).run(items)
            if o.extraction is not None
            for r in o.extraction.reports
        ]

    settings = replace(engine.settings, annotate=replace(engine.settings.annotate, n_process=2))
    parallel = Engine.load(settings)
    assert reports(parallel) == reports(engine) != []
