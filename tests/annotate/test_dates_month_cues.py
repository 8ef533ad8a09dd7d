"""French month phrases with a position in the month ("au début de novembre")."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.annotate.dates import find_dates

CHRISTMAS = dt.date(2022, 12, 25)


@pytest.mark.parametrize(
    ("phrase", "month"),
    [("au début de novembre", 11), ("à la fin d'octobre", 10), ("en début de mars", 3)],
)
def test_position_in_month_resolves_to_the_month(phrase: str, month: int) -> None:
    (found,) = find_dates(f"Les troupes ont repris la ville {phrase}.", "fr", CHRISTMAS)
    assert found.text == phrase
    assert found.precision == "month"
    assert found.date is not None and found.date.month == month
