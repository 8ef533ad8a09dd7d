"""Scoring the merge stage against gold clusters: B-cubed, near misses, order.

A cluster gold file (``eval/merge/*.json``) is one scenario: a few documents (real
articles referenced by path and sha256, or short texts written for the set) and the
real-world events they tell, each with the documents that report it::

    {"id": "kyiv-night", "split": "dev", "description": "…",
     "documents": [{"doc": "a", "lang": "en", "published": "2026-03-10",
                    "source": {"root": "data", "path": "…"}, "sha256": "…"},
                   {"doc": "b", "lang": "fr", "published": "2026-03-10", "outlet": "…",
                    "text_file": "texts/kyiv-night-b.txt", "sha256": "…"}],
     "events": [{"event": "A", "type": "attack", "date": "2026-03-10", "place": "Kyiv",
                 "geonames_id": 703448, "docs": ["a", "b"]},
                {"event": "B", "type": "attack", "date": "2026-03-09", "place": "Kyiv",
                 "geonames_id": 703448, "docs": ["c"], "near_miss_of": "A"}]}

Each scenario is ingested into a fresh database. An *item* is one document's report of
one gold event: the report of that article that matches the event (type family, the
date within a day, the place the same, near or nested), one report per event. Items
are scored with B-cubed (Bagga and Baldwin 1998): for each item, precision is the share
of its predicted event that is in its gold event, recall the share of its gold event in
its predicted event; both are averaged over items. ``bcubed_*`` counts every item, an
item whose report was not found being an event of its own (extraction's misses cost
recall there); ``merge_*`` counts the items whose report was found, which is what
merging itself decides. A near miss is merged when an item of an event
shares a predicted event with an item of the event it is a near miss of. Every scenario
is also ingested in the reverse order: ``order_independent`` says whether every report
got the same event both times.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sitroom.config import Settings
from sitroom.engine import Engine
from sitroom.evaluate.gold import GoldArticle, GoldError, Split, load_json_files, parse_source
from sitroom.evaluate.runner import gold_inputs
from sitroom.evaluate.score import floors_failed, raise_floors_to
from sitroom.merge.similarity import family, place_relation
from sitroom.pipeline import Pipeline
from sitroom.resolve.geocode import to_place
from sitroom.resolve.lookups import Lookups
from sitroom.store import Store
from sitroom.types import EventReport, Extraction, Place, RawDocument

_RANK = {"same": 0, "near": 1, "nested": 2}


@dataclass(frozen=True, slots=True)
class ClusterDoc:
    """One document of a scenario: a real text (``source``) or one of ours (``text_file``)."""

    doc: str
    lang: str
    published: dt.date
    sha256: str
    source: dict[str, Any] | None = None
    text_file: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class ClusterEvent:
    """A real-world event of a scenario and the documents that report it."""

    event: str
    type: str
    date: dt.date
    place: str
    geonames_id: int | None
    docs: tuple[str, ...]
    near_miss_of: str | None = None


@dataclass(frozen=True, slots=True)
class Scenario:
    """One cluster gold file."""

    id: str
    split: Split
    documents: tuple[ClusterDoc, ...]
    events: tuple[ClusterEvent, ...]
    file: str = ""
    description: str = ""


def parse_scenario(d: Mapping[str, Any], file: str = "") -> Scenario:
    """A scenario from the JSON object of one cluster gold file."""
    split = d.get("split", "dev")
    if split not in ("dev", "heldout"):
        raise ValueError(f"split must be dev or heldout, not {split!r}")
    docs = tuple(
        ClusterDoc(
            doc=str(x["doc"]),
            lang=str(x["lang"]),
            published=dt.date.fromisoformat(str(x["published"])[:10]),
            sha256=str(x["sha256"]),
            source=dict(x["source"]) if x.get("source") else None,
            text_file=x.get("text_file"),
            outlet=x.get("outlet"),
        )
        for x in d["documents"]
    )
    names = {x.doc for x in docs}
    if len(names) != len(docs):
        raise ValueError("two documents share a doc id")
    for x in docs:
        if (x.source is None) == (x.text_file is None):
            raise ValueError(f"document {x.doc}: give exactly one of source and text_file")
    events = tuple(
        ClusterEvent(
            event=str(e["event"]),
            type=str(e["type"]),
            date=dt.date.fromisoformat(str(e["date"])),
            place=str(e["place"]),
            geonames_id=None if e.get("geonames_id") is None else int(e["geonames_id"]),
            docs=tuple(str(x) for x in e["docs"]),
            near_miss_of=e.get("near_miss_of"),
        )
        for e in d["events"]
    )
    labels = {e.event for e in events}
    for e in events:
        if not set(e.docs) <= names:
            raise ValueError(f"event {e.event} lists unknown documents {set(e.docs) - names}")
        if e.near_miss_of is not None and e.near_miss_of not in labels:
            raise ValueError(f"event {e.event} is a near miss of unknown event {e.near_miss_of}")
    return Scenario(
        id=str(d["id"]),
        split=split,
        documents=docs,
        events=events,
        file=file,
        description=str(d.get("description", "")),
    )


def load_scenarios(paths: Iterable[str | Path]) -> list[Scenario]:
    """Every scenario in ``paths`` (files, or folders searched for ``*.json``)."""
    return load_json_files(paths, parse_scenario, "cluster gold file")


def _inputs(s: Scenario, doc: ClusterDoc, data_dir: Path, settings: Settings) -> RawDocument:
    if doc.text_file is not None:
        path = Path(s.file).parent / doc.text_file
        if not path.is_file():
            raise GoldError(f"{s.id}: {doc.text_file} is missing")
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != doc.sha256:
            raise GoldError(f"{s.id}: {doc.text_file} has changed since it was annotated")
        raw = RawDocument(
            f"{s.id}:{doc.doc}",
            "text",
            text=data.decode("utf-8"),
            published=doc.published,
            published_how="cli",
            path=str(path),
        )
    elif doc.source is not None:
        article = GoldArticle(
            id=f"{s.id}:{doc.doc}",
            lang=doc.lang,
            split=s.split,
            published=doc.published,
            source=parse_source(doc.source),
            sha256=doc.sha256,
            events=(),
            quotes=(),
            file=s.file,
        )
        found = gold_inputs(article, data_dir, settings)
        if len(found) != 1:
            raise GoldError(f"{s.id}: document {doc.doc} holds {len(found)} articles, not one")
        raw = replace(found[0], locator=f"{s.id}:{doc.doc}")
    else:
        raise GoldError(f"{s.id}: document {doc.doc} has neither source nor text_file")
    return replace(raw, source=doc.outlet or raw.source or f"{s.id}:{doc.doc}")


def _gold_place(e: ClusterEvent, lookups: Lookups) -> Place | None:
    record = None if e.geonames_id is None else lookups.gazetteer.get(e.geonames_id)
    return None if record is None else to_place(record, e.place)


def _item_reports(
    s: Scenario, reports: Mapping[str, Sequence[EventReport]], places: Mapping[str, Place | None]
) -> dict[tuple[str, str], str]:
    """(doc, event) -> the report id that tells it, for the items found."""
    out: dict[tuple[str, str], str] = {}
    for doc in s.documents:
        candidates = []
        for e in s.events:
            if doc.doc not in e.docs:
                continue
            for r in reports.get(doc.doc, ()):
                rank = _rank(e, r, places.get(e.event))
                if rank is not None:
                    candidates.append((rank, e.event, r.report_id))
        used_e: set[str] = set()
        used_r: set[str] = set()
        for _, event, rid in sorted(candidates):
            if event not in used_e and rid not in used_r:
                used_e.add(event)
                used_r.add(rid)
                out[(doc.doc, event)] = rid
    return out


def _rank(e: ClusterEvent, r: EventReport, where: Place | None) -> tuple[int, int, int] | None:
    if family(e.type) != family(r.type):
        return None
    if r.date is None or r.date.date is None:
        gap = 1
    else:
        gap = abs((r.date.date - e.date).days)
        if gap > 1:
            return None
    if where is None:  # a place GeoNames has no record of: compare the names
        same = r.location is not None and r.location.name.casefold() == e.place.casefold()
        relation = "same" if same else "apart"
    else:
        relation = place_relation(where, r.location)
    if relation not in _RANK:
        return None
    return (_RANK[relation], gap, 0 if e.type == r.type else 1)


def bcubed(gold: Mapping[Any, str], predicted: Mapping[Any, str]) -> tuple[float, float]:
    """B-cubed (precision, recall) of ``predicted`` labels against ``gold`` labels over
    the same items."""
    if not gold:
        return 1.0, 1.0
    gold_size = Counter(gold.values())
    pred_size = Counter(predicted.values())
    both = Counter((gold[i], predicted[i]) for i in gold)
    precision = sum(both[(gold[i], predicted[i])] / pred_size[predicted[i]] for i in gold)
    recall = sum(both[(gold[i], predicted[i])] / gold_size[gold[i]] for i in gold)
    return precision / len(gold), recall / len(gold)


@dataclass
class ScenarioResult:
    """What one scenario gave: items with gold and predicted labels, and checks."""

    id: str
    split: str
    gold: dict[tuple[str, str], str]
    predicted: dict[tuple[str, str], str]
    found: int
    near_misses: int
    found_items: frozenset[tuple[str, str]] = frozenset()
    near_misses_merged: list[str] = field(default_factory=list)
    order_independent: bool = True


def _ingest(
    path: Path, extractions: Sequence[tuple[str, Extraction]]
) -> tuple[dict[str, str], dict[str, list[EventReport]]]:
    with Store.open(path) as store:
        for _, ex in extractions:
            store.add_extraction(ex)
        rows = store.connection.execute("SELECT report_id, event_id FROM reports").fetchall()
    assignment = {str(a): str(b) for a, b in rows}
    reports: dict[str, list[EventReport]] = {}
    for doc, ex in extractions:
        reports[doc] = list(ex.reports)
    return assignment, reports


def run_scenario(
    s: Scenario, pipeline: Pipeline, data_dir: Path, lookups: Lookups
) -> ScenarioResult:
    """Ingest the scenario's documents (in order, then reversed) and score the merge."""
    raws = {doc.doc: _inputs(s, doc, data_dir, pipeline.settings) for doc in s.documents}
    by_locator = {raw.locator: doc for doc, raw in raws.items()}
    extractions: list[tuple[str, Extraction]] = []
    for outcome in pipeline.run(list(raws.values())):
        if outcome.extraction is None:
            raise GoldError(f"{s.id}: {outcome.locator} not extracted ({outcome.reason})")
        extractions.append((by_locator[outcome.locator], outcome.extraction))
    with tempfile.TemporaryDirectory(prefix="sitroom-merge-eval-") as tmp:
        forward, reports = _ingest(Path(tmp) / "forward.db", extractions)
        backward, _ = _ingest(Path(tmp) / "backward.db", extractions[::-1])
    places = {e.event: _gold_place(e, lookups) for e in s.events}
    found = _item_reports(s, reports, places)
    gold = {(d, e.event): e.event for e in s.events for d in e.docs}
    predicted = {
        item: forward[found[item]] if item in found else f"missed:{item[0]}:{item[1]}"
        for item in gold
    }
    merged = []
    pairs = 0
    for e in s.events:
        if e.near_miss_of is None:
            continue
        pairs += 1
        mine = {predicted[(d, e.event)] for d in e.docs}
        other = next(x for x in s.events if x.event == e.near_miss_of)
        theirs = {predicted[(d, other.event)] for d in other.docs}
        if mine & theirs:
            merged.append(f"{s.id}: {e.event} merged with {other.event}")
    return ScenarioResult(
        id=s.id,
        split=s.split,
        gold={(f"{s.id}:{d}", ev): f"{s.id}:{lab}" for (d, ev), lab in gold.items()},
        predicted={(f"{s.id}:{d}", ev): f"{s.id}:{lab}" for (d, ev), lab in predicted.items()},
        found=len(found),
        found_items=frozenset((f"{s.id}:{d}", ev) for d, ev in found),
        near_misses=pairs,
        near_misses_merged=merged,
        order_independent=forward == backward,
    )


@dataclass(frozen=True, slots=True)
class MergeScore:
    """B-cubed and the checks over a set of scenarios."""

    scenarios: int
    items: int
    found: int
    precision: float
    recall: float
    found_precision: float
    found_recall: float
    near_misses: int
    near_misses_merged: tuple[str, ...]
    order_independent: bool

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def found_f1(self) -> float:
        return _f1(self.found_precision, self.found_recall)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenarios": self.scenarios,
            "items": self.items,
            "found": self.found,
            "bcubed_precision": round(self.precision, 4),
            "bcubed_recall": round(self.recall, 4),
            "bcubed_f1": round(self.f1, 4),
            "merge_precision": round(self.found_precision, 4),
            "merge_recall": round(self.found_recall, 4),
            "merge_f1": round(self.found_f1, 4),
            "near_misses": self.near_misses,
            "near_misses_merged": list(self.near_misses_merged),
            "order_independent": self.order_independent,
        }


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def aggregate(results: Sequence[ScenarioResult]) -> MergeScore:
    """B-cubed over every item (a missed report is an event of its own) and over the
    items whose report was found (what merging alone did)."""
    gold: dict[Any, str] = {}
    predicted: dict[Any, str] = {}
    found: set[Any] = set()
    for r in results:
        gold.update(r.gold)
        predicted.update(r.predicted)
        found |= r.found_items
    precision, recall = bcubed(gold, predicted)
    found_p, found_r = bcubed(
        {i: g for i, g in gold.items() if i in found},
        {i: p for i, p in predicted.items() if i in found},
    )
    return MergeScore(
        scenarios=len(results),
        items=len(gold),
        found=sum(r.found for r in results),
        precision=precision,
        recall=recall,
        found_precision=found_p,
        found_recall=found_r,
        near_misses=sum(r.near_misses for r in results),
        near_misses_merged=tuple(m for r in results for m in r.near_misses_merged),
        order_independent=all(r.order_independent for r in results),
    )


def evaluate_merge(
    scenarios: Sequence[Scenario],
    settings: Settings,
    data_dir: Path,
    engine: Engine | None = None,
) -> dict[str, MergeScore]:
    """Scores per split (``dev``, ``heldout``) and over ``all``."""
    pipeline = Pipeline(settings, engine)
    lookups = pipeline.engine.lookups
    results = [run_scenario(s, pipeline, data_dir, lookups) for s in scenarios]
    out = {"all": aggregate(results)}
    for split in ("dev", "heldout"):
        part = [r for r in results if r.split == split]
        if part:
            out[split] = aggregate(part)
    return out


MERGE_METRICS = (
    "bcubed_precision",
    "bcubed_recall",
    "bcubed_f1",
    "merge_precision",
    "merge_recall",
    "merge_f1",
)
MERGE_FLOOR_MARGIN = 0.02


def merge_metrics(scores: Mapping[str, MergeScore]) -> dict[str, float | None]:
    """``split/metric`` -> value, for floors."""
    out: dict[str, float | None] = {}
    for split, score in scores.items():
        d = score.to_dict()
        out.update({f"{split}/{m}": float(d[m]) for m in MERGE_METRICS})
    return out


def merge_floor_failures(
    scores: Mapping[str, MergeScore], floors: Mapping[str, float]
) -> list[str]:
    """Metrics below their floor (``score.floors_failed``; floors of a split that was not
    scored are not checked), plus merged near misses and order dependence, which no floor
    allows."""
    scored = {k: v for k, v in floors.items() if k.partition("/")[0] in scores}
    out = floors_failed(merge_metrics(scores), scored)
    every = scores.get("all")
    if every is not None:
        out += [f"near miss merged: {m}" for m in every.near_misses_merged]
        if not every.order_independent:
            out.append("the events depend on the order the articles came in")
    return out


def raised_merge_floors(
    scores: Mapping[str, MergeScore],
    current: Mapping[str, float],
    margin: float = MERGE_FLOOR_MARGIN,
) -> dict[str, float]:
    """Floors raised to what was measured less ``margin``; never lowered."""
    return raise_floors_to(merge_metrics(scores), current, margin)
