"""Merge cost against the number of reports: synthetic reports, 1,000 to 100,000.

The reports follow a news feed that grows over time: about ``--per-day`` reports a day
over as many days as the size needs, of real-world events on towns spread over 24 oblasts
(each with raions and towns 10+ km apart), each event told by one to four outlets, with
dates worded as a day, a night before or after it, or no date at all, some places given as
the raion or the oblast, casualty figures that differ between sources, and on some days two
events in one town. Two measures:

- ``cluster``: ``merge.cluster`` over all reports at once (what ``sitroom merge`` does);
- ``store``: the articles stored one by one into a fresh SQLite file, each merged with its
  neighbourhood (what ``sitroom ingest`` does), with the time spent merging apart from
  the time spent writing.

A cost that grows as n·log n keeps ``seconds / (n log2 n)`` flat; the table prints it
normalised to the smallest size.

    python bench/merge_scaling.py [--sizes 1000,3000,10000,30000,100000]
        [--store-sizes 1000,3000,10000,30000] [--out bench/out/merge_scaling.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import resource
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from sitroom.merge import cluster
from sitroom.store import Store
from sitroom.store import db as store_db
from sitroom.types import (
    Actor,
    Article,
    DateValue,
    EventReport,
    Extraction,
    Place,
    Quantity,
    Span,
    WeaponCount,
)

HERE = Path(__file__).resolve().parent
START = dt.date(2024, 1, 1)
OUTLETS = [f"Outlet {i}" for i in range(30)]
SUBTYPES = ("air_drone_strike", "shelling_artillery_missile", "other")
WORDING = ("on Monday", "overnight", "late on Monday", "")


def geography(rng: random.Random) -> list[Place]:
    """24 oblasts of 8 raions of 12 towns, on a grid so that towns are 10+ km apart."""
    towns = []
    for o in range(24):
        lat0, lon0 = 45.5 + (o // 6) * 1.6, 23.0 + (o % 6) * 2.6
        for r in range(8):
            for t in range(12):
                lat = lat0 + (r // 4) * 0.7 + (t // 4) * 0.2 + rng.uniform(-0.02, 0.02)
                lon = lon0 + (r % 4) * 0.6 + (t % 4) * 0.15 + rng.uniform(-0.02, 0.02)
                towns.append(
                    Place(
                        f"Town {o}-{r}-{t}",
                        f"Town {o}-{r}-{t}",
                        geonames_id=1_000_000 + o * 1000 + r * 100 + t,
                        lat=lat,
                        lon=lon,
                        admin1=f"Oblast {o}",
                        admin2=f"Raion {o}-{r}",
                        country="UA",
                        precision="town",
                    )
                )
    return towns


def _coarser(town: Place, rng: random.Random) -> Place:
    """The town, or now and then its raion or oblast, as some outlets give it."""
    roll = rng.random()
    if roll < 0.85:
        return town
    if roll < 0.95:
        assert town.admin2 is not None
        name, precision, admin2 = town.admin2, "admin2", town.admin2
    else:
        assert town.admin1 is not None
        name, precision, admin2 = town.admin1, "admin1", None
    return replace(
        town,
        name=name,
        text=name,
        geonames_id=zlib.crc32(name.encode()),
        admin2=admin2,
        precision=precision,  # type: ignore[arg-type]
    )


def _count(n: int, rng: random.Random) -> Quantity:
    told = max(0, n + rng.choice((0, 0, 0, 1, -1, 2)))
    return Quantity(told, told, "exact", str(told))


def synthetic(n: int, per_day: int, seed: int = 7) -> list[Extraction]:
    """About ``n`` reports as articles (one report each), events told by 1–4 outlets."""
    rng = random.Random(seed)
    towns = geography(rng)
    out: list[Extraction] = []
    k = 0
    days = max(1, n // per_day)
    while k < n:
        day = START + dt.timedelta(days=rng.randrange(days))
        town = rng.choice(towns)
        killed, injured = rng.randint(0, 6), rng.randint(0, 20)
        subtype = rng.choice(SUBTYPES)
        kind = "attack" if rng.random() < 0.9 else "interception"
        for outlet in rng.sample(OUTLETS, rng.randint(1, 4)):
            k += 1
            wording = rng.choice(WORDING)
            when = day + dt.timedelta(days=1) if wording == "overnight" else day
            precision = "unresolved" if wording == "" else "day"
            text = f"Report {k} from {outlet}."
            article = Article(
                id=f"art_{k:07d}",
                text=text,
                language="en",
                source=outlet,
                published=when,
                paragraphs=(Span(0, len(text), text),),
            )
            report = EventReport(
                report_id=f"rp_{k:07d}",
                article_id=article.id,
                type=kind,
                subtype=subtype,
                evidence=(Span(0, len(text), text),),
                date=DateValue(when, precision, wording),  # type: ignore[arg-type]
                location=_coarser(town, rng),
                actor1=Actor("Russia", "Russia", wikidata="Q159"),
                killed=_count(killed, rng),
                injured=_count(injured, rng),
                weapons=(WeaponCount("drone", "drones", launched=rng.randint(1, 40)),),
                language="en",
            )
            out.append(Extraction(article=article, reports=(report,), quotes=(), mentions=()))
    return out[:n]


def _reports(extractions: list[Extraction]) -> Iterator[EventReport]:
    for ex in extractions:
        yield from ex.reports


def time_cluster(n: int, per_day: int) -> dict[str, float]:
    reports = list(_reports(synthetic(n, per_day)))
    start = time.perf_counter()
    assignment = cluster(reports)
    seconds = time.perf_counter() - start
    return {"reports": len(reports), "events": len(set(assignment.values())), "seconds": seconds}


def time_store(n: int, per_day: int) -> dict[str, float]:
    extractions = synthetic(n, per_day)
    merging = 0.0
    inner = store_db.merge_around

    def timed(*args: object, **kw: object) -> set[str]:
        nonlocal merging
        t = time.perf_counter()
        try:
            return inner(*args, **kw)  # type: ignore[arg-type]
        finally:
            merging += time.perf_counter() - t

    store_db.merge_around = timed  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "m.db") as store:
            start = time.perf_counter()
            for ex in extractions:
                store.add_extraction(ex)
            seconds = time.perf_counter() - start
            events = store.connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        store_db.merge_around = inner  # type: ignore[assignment]
    return {"reports": n, "events": events, "seconds": seconds, "merge_seconds": merging}


def _table(rows: list[dict[str, float]], key: str) -> None:
    base = rows[0][key] / (rows[0]["reports"] * math.log2(rows[0]["reports"]))
    for r in rows:
        per = r[key] / (r["reports"] * math.log2(r["reports"]))
        extra = ""
        if "merge_seconds" in r:
            extra = (
                f"  merging {r['merge_seconds']:.1f} s ({r['merge_seconds'] / r['seconds']:.0%})"
            )
        print(
            f"  {int(r['reports']):>7d} reports  {int(r['events']):>7d} events  "
            f"{r[key]:8.2f} s  {r[key] / r['reports'] * 1e3:6.3f} ms/report  "
            f"n·log n ratio {per / base:5.2f}{extra}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,3000,10000,30000,100000")
    parser.add_argument("--store-sizes", default="1000,3000,10000,30000")
    parser.add_argument("--per-day", type=int, default=150)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "merge_scaling.json")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",") if x]
    store_sizes = [int(x) for x in args.store_sizes.split(",") if x]
    print(f"cluster() over all reports at once ({args.per_day} reports a day):")
    clustered = []
    for n in sizes:
        clustered.append(time_cluster(n, args.per_day))
    _table(clustered, "seconds")
    print("one article at a time into SQLite, each merged with its neighbourhood:")
    stored = []
    for n in store_sizes:
        stored.append(time_store(n, args.per_day))
    if stored:
        _table(stored, "seconds")
    result = {
        "per_day": args.per_day,
        "cluster": clustered,
        "store": stored,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "python": sys.version.split()[0],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(f"peak memory {result['peak_rss_mb']:.0f} MB; written to {args.out}")


if __name__ == "__main__":
    main()
