"""Publication dates from metadata: readable forms parse, the rest is unknown."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from sitroom.ingest import parse_date

JAN5 = dt.date(2026, 1, 5)


@pytest.mark.parametrize(
    "value",
    [
        "2026-01-05",
        "2026-01-05T23:30:00-05:00",
        "2026-01-05 08:00",
        "Mon, 05 Jan 2026 07:30:00 GMT",
        "Mon, 5 Jan 2026 07:30:00 +0100",
        "2026/01/05",
        "05.01.2026",
        "5 January 2026",
        "January 5, 2026",
        "Monday, January 5th 2026",
        "Jan. 5, 2026",
        "lundi 5 janvier 2026",
        "5 janv. 2026",
        dt.date(2026, 1, 5),
        dt.datetime(2026, 1, 5, 12, 0),
        time.struct_time((2026, 1, 5, 7, 30, 0, 0, 5, 0)),
    ],
)
def test_readable_dates_parse(value: object) -> None:
    assert parse_date(value) == JAN5


def test_day_first_and_month_first_are_told_apart_when_unambiguous() -> None:
    assert parse_date("13/01/2026") == dt.date(2026, 1, 13)
    assert parse_date("01/13/2026") == dt.date(2026, 1, 13)


@pytest.mark.parametrize(
    "value",
    ["", "soon", "01/02/2026", "2026-13-01", "0001-01-01", "31 février 2026", 20260105, None],
)
def test_unreadable_or_ambiguous_dates_are_none(value: object) -> None:
    assert parse_date(value) is None
