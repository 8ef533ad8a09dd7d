"""Merging in the store: the same strike from several outlets, in any order, is one event."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from pathlib import Path
from typing import Any

from merge_support import drones, q, report

from sitroom.merge import event_id_for
from sitroom.store import Store, queries
from sitroom.types import Extraction
from store_factory import make_article

MON = dt.date(2026, 1, 5)
TUE = dt.date(2026, 1, 6)


def _article(
    key: str, source: str, published: dt.date, *reports: Any, lang: str = "en"
) -> Extraction:
    art = make_article(key, source=source, published=published, language=lang)
    return Extraction(article=art, reports=tuple(reports), quotes=(), mentions=())


def _sources() -> list[Extraction]:
    """One Kyiv strike told by three outlets (one in French, one twice as the toll rose),
    plus a strike on Kharkiv the same day and one on Kyiv the day after."""
    return [
        _article(
            "wire1", "Wire A", MON, report("art_wire1", "a1", killed=q(2, 2), injured=q(9, 9))
        ),
        _article(
            "wire2",
            "Wire A",
            TUE,
            report("art_wire2", "a2", killed=q(4, 4), injured=q(12, None)),
            report("art_wire2", "a3", where="Kharkiv"),
        ),
        _article(
            "fr",
            "Agence B",
            MON,
            report(
                "art_fr",
                "b1",
                where="Darnytsia Raion",
                killed=q(3, 3),
                weapons=drones(60, 51),
                language="fr",
                date_text="dans la nuit de dimanche à lundi",
            ),
            lang="fr",
        ),
        _article(
            "next",
            "Wire C",
            TUE,
            report("art_next", "c1", when=TUE, date_text="on Tuesday", killed=q(1, 1)),
        ),
    ]


def _state(store: Store) -> tuple[Any, ...]:
    rows = queries.events(store)
    details = {r.event_id: queries.event(store, r.event_id).consensus for r in rows}
    reports = store.connection.execute(
        "SELECT report_id, event_id FROM reports ORDER BY report_id"
    ).fetchall()
    return (
        [tuple(r) for r in reports],
        {eid: {k: v for k, v in c.items() if k != "sources"} for eid, c in details.items()},
        {eid: [s["source"] for s in c["sources"]] for eid, c in details.items()},
    )


def _ingest(path: Path, extractions: list[Extraction]) -> tuple[Any, ...]:
    with Store.open(path) as store:
        for ex in extractions:
            store.add_extraction(ex)
        return _state(store)


def test_the_same_event_in_every_order_gives_the_same_events(tmp_path: Path) -> None:
    sources = _sources()
    states = [
        _ingest(tmp_path / f"s{n}.db", list(order))
        for n, order in enumerate(itertools.permutations(sources))
    ]
    assert all(s == states[0] for s in states[1:])
    reports, consensus, by_source = states[0]
    kyiv = dict(reports)["a1"]
    assert dict(reports)["b1"] == kyiv == dict(reports)["a2"]  # EN, FR and the update
    assert len({e for _, e in reports}) == 3  # + Kharkiv and the next day's strike
    c = consensus[kyiv]
    assert by_source[kyiv] == ["Agence B", "Wire A"]
    assert (c["n_reports"], c["n_sources"]) == (3, 2)
    # Wire A's latest toll (4) and Agence B's (3): the lowest is the consensus
    assert c["killed"] == {"value": 3, "min": 3, "max": 4, "sources": 2, "reports": 3}
    assert c["injured"] == {"value": 12, "min": 12, "max": None, "sources": 1, "reports": 2}
    # named by a report of the earliest-published articles (Monday: art_fr, art_wire1),
    # the first by article id
    assert kyiv == event_id_for("b1")


def test_every_source_figures_and_the_rising_toll_are_kept(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        for ex in _sources():
            store.add_extraction(ex)
        event = queries.event(store, event_id_for("b1")).consensus
    wire_a = next(s for s in event["sources"] if s["source"] == "Wire A")
    assert [(r["report_id"], r["killed"]["min"], r["latest"]) for r in wire_a["reports"]] == [
        ("a1", 2, False),
        ("a2", 4, True),
    ]
    agence = next(s for s in event["sources"] if s["source"] == "Agence B")
    assert agence["reports"][0]["language"] == "fr"
    assert agence["reports"][0]["weapons"][0]["intercepted"] == 51


def test_reingesting_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    first = _ingest(path, _sources())
    with Store.open(path) as store:
        assert not any(store.add_extraction(ex) for ex in _sources())
        assert _state(store) == first


def test_an_earlier_article_renames_the_event_and_the_old_id_still_leads_there(
    tmp_path: Path,
) -> None:
    late = _article("late", "Wire A", TUE, report("art_late", "r_late"))
    early = _article("early", "Wire B", MON, report("art_early", "r_early"))
    with Store.open(tmp_path / "s.db") as store:
        store.add_extraction(late)
        old = event_id_for("r_late")
        [row] = queries.events(store)
        assert row.event_id == old
        first_seen = store.connection.execute("SELECT first_seen FROM events").fetchone()[0]
        store.add_extraction(early)
        [row] = queries.events(store)
        assert row.event_id == event_id_for("r_early") and row.n_sources == 2
        assert queries.resolve_event_id(store, old) == row.event_id
        kept = store.connection.execute("SELECT first_seen FROM events").fetchone()[0]
        assert kept == first_seen


def test_an_unrelated_article_changes_no_event(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        for ex in _sources():
            store.add_extraction(ex)
        before = _state(store)
        far = _article("far", "Wire D", MON, report("art_far", "x1", where="Bila Tserkva"))
        store.add_extraction(far)
        reports, consensus, _ = _state(store)
    assert set(before[0]) <= set(reports)
    assert {k: consensus[k] for k in before[1]} == before[1]


def test_recluster_gives_what_ingesting_gave(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    first = _ingest(path, _sources())
    with Store.open(path) as store:
        # as an older database would hold them: one event per report
        for rid, _ in first[0]:
            store.connection.execute(
                "UPDATE reports SET event_id = ? WHERE report_id = ?", (event_id_for(rid), rid)
            )
        assert store.recluster() == 3
        assert _state(store) == first


def test_a_report_without_place_or_date_is_an_event_of_its_own(tmp_path: Path) -> None:
    bare = report("art_x", "x1", where=None)
    undated = dataclasses.replace(report("art_y", "y1"), date=None)
    with Store.open(tmp_path / "s.db") as store:
        for ex in _sources():
            store.add_extraction(ex)
        store.add_extraction(_article("x", "Wire X", MON, bare))
        store.add_extraction(_article("y", "Wire Y", MON, undated))
        ids = dict(store.connection.execute("SELECT report_id, event_id FROM reports").fetchall())
    assert ids["x1"] == event_id_for("x1") and ids["y1"] == event_id_for("y1")


def test_the_store_gives_what_clustering_everything_at_once_gives_in_any_order(
    tmp_path: Path,
) -> None:
    """Many reports on nearby and nested places over a few days, with nights and missing
    dates: stored one article at a time in three orders, the events are always the ones
    ``cluster`` makes of the whole set."""
    import random

    from merge_support import PLACES

    from sitroom.merge import cluster
    from sitroom.store.merging import source_infos

    rng = random.Random(5)
    wordings = ["on Monday", "overnight", "late on Monday", "early Monday", ""]
    extractions = []
    for k in range(60):
        where = rng.choice([p for p in PLACES if p != "Ukraine"])
        when = MON + dt.timedelta(days=rng.randint(0, 3))
        r = report(
            f"art_{k}",
            f"r{k:03d}",
            where=where,
            when=when,
            date_text=rng.choice(wordings),
            killed=q(rng.randint(0, 4), None),
            subtype=rng.choice(["air_drone_strike", "shelling_artillery_missile", None]),
        )
        if r.date.text == "":
            r = dataclasses.replace(r, date=dataclasses.replace(r.date, precision="unresolved"))
        published = when + dt.timedelta(days=rng.randint(0, 1))
        extractions.append(_article(str(k), rng.choice(["A", "B", "C"]), published, r))
    results = []
    for seed in (1, 2, 3):
        order = extractions[:]
        random.Random(seed).shuffle(order)
        with Store.open(tmp_path / f"s{seed}.db") as store:
            for ex in order:
                store.add_extraction(ex)
            stored = dict(
                store.connection.execute("SELECT report_id, event_id FROM reports").fetchall()
            )
            infos = source_infos(store.connection, [ex.article.id for ex in extractions])
        results.append(stored)
    everything = cluster([r for ex in extractions for r in ex.reports], infos)
    assert results[0] == results[1] == results[2] == everything
    assert len(set(everything.values())) < len(everything)  # some did merge
