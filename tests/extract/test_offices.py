"""Offices named instead of their holders (pure functions, the shipped actor table)."""

from __future__ import annotations

import pytest

from sitroom.extract.offices import holder, office_of, titled
from sitroom.resolve import ActorTable
from sitroom.types import Actor


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return ActorTable.load()


@pytest.mark.parametrize(
    ("phrase", "office"),
    [
        ("le président ukrainien", ("President", "UA")),
        ("the French president", ("President", "FR")),
        ("le chef de la diplomatie russe", ("Foreign Minister", "RU")),
        ("the Russian foreign minister", ("Foreign Minister", "RU")),
        ("la chancelière allemande", ("Chancellor", "DE")),
        ("le président", ("President", None)),
        ("le numéro un chinois", ("President", "CN")),
        ("le ministre russe des affaires étrangères", ("Foreign Minister", "RU")),
        ("le ministre ukrainien de la Défense", ("Defence Minister", "UA")),
        ("le premier ministre britannique", ("Prime Minister", "GB")),
        ("le chef du gouvernement", ("Prime Minister", None)),
        ("l'ancien président américain", None),  # a former holder is not the holder
        ("le vice-président américain", None),
        ("le président de la Commission européenne", None),
        ("un responsable militaire", None),
    ],
)
def test_office_of(table: ActorTable, phrase: str, office: tuple[str, str | None] | None) -> None:
    assert office_of(phrase, table.resolve) == office


def test_the_holder_is_a_person_named_with_that_role(table: ActorTable) -> None:
    zelensky, putin, macron = (table.resolve(n) for n in ("Zelensky", "Putin", "Macron"))
    assert zelensky and putin and macron
    seen: list[Actor] = [zelensky, putin, macron]
    assert holder(("President", "UA"), seen) == zelensky
    assert holder(("President", "FR"), seen) == macron
    assert holder(("President", None), seen) == macron  # the last president named
    assert holder(("Prime Minister", "UA"), seen) is None  # nobody named holds it


def test_titled_reads_each_name_after_an_office_with_the_state_its_words_name(
    table: ActorTable,
) -> None:
    text = (
        "German defence minister Karl Obermann met defence minister Oleh Marchuk. "
        "« C'est terrible », a dit le président Warsame. L'ancien président Dupont a rappelé…"
    )
    assert titled(text, table.resolve) == [
        (("Defence Minister", "DE"), "Karl Obermann"),
        (("Defence Minister", None), "Oleh Marchuk"),
        (("President", None), "Warsame"),
    ]
