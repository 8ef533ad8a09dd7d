"""Sitroom's main jobs as library functions; the CLI is a thin shell over these.

- ``ingest``: files, folders, feeds or stdin into a store, with a tally of outcomes;
- ``ingest_documents``: documents already read (the REST API's ingest) into a store;
- ``extract``: one input to event reports and quotes, no database;
- ``demo``: the bundled samples (and the seed articles, when given) into a store.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TextIO

from sitroom.config import Settings
from sitroom.errors import RejectedInput
from sitroom.ingest import iter_inputs
from sitroom.pipeline import Outcome, Pipeline, Tally
from sitroom.store import Store
from sitroom.types import Extraction, RawDocument

log = logging.getLogger(__name__)

Progress = Callable[[Outcome], None]


@dataclass(frozen=True)
class IngestRequest:
    """What to ingest and how: inputs, defaults for missing metadata, where to store."""

    paths: Sequence[str | Path]
    db: str | Path
    published: dt.date | None = None
    source: str | None = None


def ingest(
    request: IngestRequest,
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    progress: Progress | None = None,
    pipeline: Pipeline | None = None,
) -> Tally:
    """Ingest every input of ``request`` into the store; each ends as one outcome.

    Each article is stored in its own transaction as soon as it is extracted, so a crash
    or kill keeps everything stored before it, and the next run skips it as a duplicate.
    """
    pipeline = pipeline or Pipeline(settings)
    with Store.open(request.db) as store:
        items = iter_inputs(
            request.paths,
            settings.ingest,
            published=request.published,
            source=request.source,
            stdin=stdin,
        )
        return _store_all(store, pipeline, items, progress)


def ingest_documents(
    documents: Iterable[RawDocument],
    db: str | Path,
    settings: Settings,
    *,
    pipeline: Pipeline | None = None,
) -> Tally:
    """Ingest documents already read (an article posted to the REST API, say)."""
    pipeline = pipeline or Pipeline(settings)
    with Store.open(db) as store:
        return _store_all(store, pipeline, documents, None)


def _store_all(
    store: Store,
    pipeline: Pipeline,
    items: Iterable[RawDocument | RejectedInput],
    progress: Progress | None,
) -> Tally:
    """Run ``items`` through ``pipeline`` and store each article in its own transaction."""
    tally = Tally()
    for outcome in pipeline.run(items, seen=store.has_article):
        if outcome.status == "ingested" and outcome.extraction is not None:
            if not store.add_extraction(outcome.extraction):
                outcome = Outcome(outcome.locator, "duplicate", "already stored", outcome.article)
        elif outcome.status == "ingested" and outcome.article is not None:
            store.add_extraction(Extraction(article=outcome.article))
        store.log_input(
            outcome.locator,
            outcome.status,
            outcome.reason,
            outcome.article.id if outcome.article else None,
        )
        tally.add(outcome)
        if progress is not None:
            progress(outcome)
    return tally


def extract(
    paths: Sequence[str | Path],
    settings: Settings,
    *,
    published: dt.date | None = None,
    stdin: TextIO | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Outcome]:
    """Outcomes of ``paths`` with their extractions, without any database."""
    pipeline = pipeline or Pipeline(settings)
    items = iter_inputs(paths, settings.ingest, published=published, stdin=stdin)
    yield from pipeline.run(items)


@dataclass(frozen=True)
class SampleFile:
    """A bundled sample article and the metadata the demo gives it."""

    path: Path
    published: dt.date | None
    source: str | None


def sample_files() -> list[SampleFile]:
    """The sample articles shipped with the package, with their publication dates."""
    folder = Path(str(resources.files("sitroom").joinpath("samples")))
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    out = []
    for name, meta in manifest.items():
        published = dt.date.fromisoformat(meta["published"]) if "published" in meta else None
        out.append(SampleFile(folder / name, published, meta.get("source")))
    return out


# Publication dates of the two seed articles (they carry none of their own).
SEED_DATES = {
    "000_f5f08e3f5b41b927.txt": dt.date(2026, 1, 5),
    "004_cfd940451f5b2d9f.txt": dt.date(2025, 10, 26),
}


def seed_files(seeds_dir: Path) -> list[SampleFile]:
    """The seed articles in ``seeds_dir`` with their known publication dates."""
    return [SampleFile(p, SEED_DATES.get(p.name), "seed") for p in sorted(seeds_dir.glob("*.txt"))]


def demo(
    settings: Settings,
    db: str | Path,
    extra: Iterable[SampleFile] = (),
    progress: Progress | None = None,
) -> Tally:
    """Ingest the bundled samples (and ``extra`` files) into ``db``."""
    pipeline = Pipeline(settings)
    total = Tally()
    for sample in [*sample_files(), *extra]:
        request = IngestRequest([sample.path], db, sample.published, sample.source)
        total.merge(ingest(request, settings, progress=progress, pipeline=pipeline))
    return total
