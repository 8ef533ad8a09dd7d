"""Places and actors together: reconcile, scan_all, and the Lookups object the engine uses."""

from __future__ import annotations

import pickle

import pytest
from resolve_support import session_lookups

import sitroom.resolve as resolve
from conftest import shared_path
from sitroom.resolve import Lookups, reconcile
from sitroom.types import Mention


@pytest.fixture(scope="module")
def lookups(tmp_path_factory: pytest.TempPathFactory) -> Lookups:
    return session_lookups(tmp_path_factory)


def _m(kind: str, start: int, end: int, text: str = "") -> Mention:
    return Mention(kind, start, end, text or "x" * (end - start))  # type: ignore[arg-type]


def test_person_wins_over_an_overlapping_place() -> None:
    place = _m("place", 0, 8, "Vladimir")
    person = _m("person", 0, 14, "Vladimir Putin")
    assert reconcile([place], [person]) == [person]
    short_person = _m("person", 10, 18, "Dmitriev")
    long_place = _m("place", 10, 25, "Dmitriev region")
    assert reconcile([long_place], [short_person]) == [short_person]


def test_place_wins_over_a_state_of_the_same_span_and_longer_wins() -> None:
    place = _m("place", 0, 6, "Russia")
    state = _m("actor", 0, 6, "Russia")
    assert reconcile([place], [state]) == [place]
    country = _m("place", 0, 7, "Ukraine")
    force = _m("actor", 0, 19, "Ukraine's air force")
    assert reconcile([country], [force]) == [force]


def test_reconcile_is_sorted_and_disjoint() -> None:
    out = reconcile(
        [_m("place", 20, 24), _m("place", 0, 4)], [_m("actor", 10, 15), _m("person", 22, 30)]
    )
    assert [(m.start, m.end) for m in out] == [(0, 4), (10, 15), (22, 30)]


@pytest.mark.seeds
def test_scan_all_on_the_seeds(lookups: Lookups) -> None:
    for name in ("000_f5f08e3f5b41b927.txt", "004_cfd940451f5b2d9f.txt"):
        text = shared_path("seeds", name).read_text(encoding="utf-8")
        mentions = lookups.scan(text)
        for a, b in zip(mentions, mentions[1:], strict=False):
            assert a.end <= b.start
        by_text = {m.text: m for m in mentions}
        if "Vladimir Putin" in by_text:
            assert by_text["Vladimir Putin"].kind == "person"
        assert "Volodymyr" not in by_text and "Vladimir" not in by_text
        places = {m.text for m in mentions if m.kind == "place"}
        assert not places & {"Putin", "Poutine", "Dmitriev", "Trump"}


def test_engine_protocol(lookups: Lookups) -> None:
    kyiv = lookups.place("Kiev", "UA")
    assert kyiv is not None and kyiv.geonames_id == 703448 and kyiv.text == "Kiev"
    assert lookups.capital("UA").geonames_id == 703448  # type: ignore[union-attr]
    assert lookups.country("UA").precision == "country"  # type: ignore[union-attr]
    assert lookups.actors.resolve("Poutine").wikidata == "Q7747"  # type: ignore[union-attr]
    kinds = {m.kind for m in lookups.scan("Vladimir Putin visited Kyiv and NATO said no.")}
    assert kinds == {"person", "place", "actor"}
    assert [m.text for m in lookups.scan_places("Kyiv")] == ["Kyiv"]


def test_lookups_survive_pickling(lookups: Lookups) -> None:
    lookups.scan("Kyiv")
    copy = pickle.loads(pickle.dumps(lookups))
    assert [m.ref for m in copy.scan("Moscou et Kiev")] == ["524901", "703448"]


def test_public_surface_is_exported() -> None:
    for name in resolve.__all__:
        assert hasattr(resolve, name), name
