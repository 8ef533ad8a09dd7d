"""A leading article is stripped as a whole word, never the first letters of a name."""

from __future__ import annotations

import pytest

from sitroom.resolve.lookups import Lookups


@pytest.fixture(scope="module")
def lookups() -> Lookups:
    return Lookups.load()


@pytest.mark.parametrize(
    ("text", "geonames_id"),
    [
        ("Aleppo", 170063),
        ("Avdiivka", 713122),
        ("Enerhodar", 709276),
        ("Andriivka", 713481),
        ("l'Ukraine", 690791),
        ("à Kiev", 703448),
        ("the Donbas", 709718),
    ],
)
def test_names_that_begin_like_articles_resolve(
    lookups: Lookups, text: str, geonames_id: int
) -> None:
    place = lookups.place(text, "UA")
    assert place is not None and place.geonames_id == geonames_id


@pytest.mark.parametrize(("text", "geonames_id"), [("DPR", 709716), ("LPR", 702657)])
def test_separatist_republics_locate_in_their_oblast(
    lookups: Lookups, text: str, geonames_id: int
) -> None:
    place = lookups.place(text, "UA")
    assert place is not None and place.geonames_id == geonames_id
    assert place.precision == "admin1"
