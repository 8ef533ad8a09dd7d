"""Date expressions in English and French, resolved against the publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.annotate.dates import find_dates, has_year, in_story, resolve_date_text
from sitroom.types import DateValue

D = dt.date
MON = D(2026, 1, 5)  # a Monday (seed 000)
SUN = D(2025, 10, 26)  # a Sunday (seed 004)
SAT = D(2026, 1, 3)  # a Saturday
JAN1 = D(2026, 1, 1)  # a Thursday, first day of a year

# text, lang, published, tense, expected span, date, precision, end date
CASES = [
    ("early Monday", "en", MON, "auto", "early Monday", D(2026, 1, 5), "day", None),
    ("on Sunday", "en", MON, "past", "on Sunday", D(2026, 1, 4), "day", None),
    ("Tuesday", "en", MON, "future", "Tuesday", D(2026, 1, 6), "day", None),
    ("Monday", "en", MON, "future", "Monday", D(2026, 1, 5), "day", None),
    ("Monday", "en", MON, "past", "Monday", D(2026, 1, 5), "day", None),
    ("last Monday", "en", MON, "auto", "last Monday", D(2025, 12, 29), "day", None),
    ("next Monday", "en", MON, "auto", "next Monday", D(2026, 1, 12), "day", None),
    ("this Monday", "en", MON, "past", "this Monday", D(2026, 1, 5), "day", None),
    ("Sunday", "en", JAN1, "past", "Sunday", D(2025, 12, 28), "day", None),
    ("Friday", "en", JAN1, "future", "Friday", D(2026, 1, 2), "day", None),
    ("late Saturday", "en", SUN, "past", "late Saturday", D(2025, 10, 25), "day", None),
    ("Monday morning", "en", MON, "past", "Monday morning", D(2026, 1, 5), "day", None),
    ("overnight", "en", MON, "auto", "overnight", D(2026, 1, 5), "day", None),
    ("last night", "en", MON, "auto", "last night", D(2026, 1, 5), "day", None),
    ("strikes overnight Saturday into Sunday", "en", MON, "auto",
     "overnight Saturday into Sunday", D(2026, 1, 4), "day", None),
    ("in the night from Saturday to Sunday", "en", MON, "auto",
     "in the night from Saturday to Sunday", D(2026, 1, 4), "day", None),
    ("Sunday night into Monday", "en", MON, "auto", "Sunday night into Monday",
     D(2026, 1, 5), "day", None),
    ("on Friday and Saturday", "en", MON, "past", "on Friday and Saturday",
     D(2026, 1, 2), "range", D(2026, 1, 3)),
    ("from Friday to Sunday", "en", MON, "past", "from Friday to Sunday",
     D(2026, 1, 2), "range", D(2026, 1, 4)),
    ("attacked on January 2 and 3", "en", MON, "past", "on January 2 and 3",
     D(2026, 1, 2), "range", D(2026, 1, 3)),
    ("les 2 et 3 janvier", "fr", MON, "past", "les 2 et 3 janvier",
     D(2026, 1, 2), "range", D(2026, 1, 3)),
    ("over the weekend", "en", MON, "auto", "over the weekend", D(2026, 1, 3), "range",
     D(2026, 1, 4)),
    ("over the weekend", "en", SUN, "auto", "over the weekend", D(2025, 10, 25), "range",
     D(2025, 10, 26)),
    ("over the weekend", "en", SAT, "auto", "over the weekend", D(2026, 1, 3), "range",
     D(2026, 1, 4)),
    ("over the weekend", "en", JAN1, "auto", "over the weekend", D(2025, 12, 27), "range",
     D(2025, 12, 28)),
    ("He will travel this weekend.", "en", MON, "auto", "this weekend", D(2026, 1, 10),
     "range", D(2026, 1, 11)),
    ("yesterday", "en", JAN1, "auto", "yesterday", D(2025, 12, 31), "day", None),
    ("today", "en", MON, "auto", "today", D(2026, 1, 5), "day", None),
    ("tomorrow", "en", JAN1, "auto", "tomorrow", D(2026, 1, 2), "day", None),
    ("the day before yesterday", "en", MON, "auto", "the day before yesterday",
     D(2026, 1, 3), "day", None),
    ("earlier in the day", "en", MON, "auto", "earlier in the day", D(2026, 1, 5), "day", None),
    ("last week", "en", MON, "auto", "last week", D(2025, 12, 29), "week", None),
    ("last week", "en", JAN1, "auto", "last week", D(2025, 12, 22), "week", None),
    ("this week", "en", SUN, "auto", "this week", D(2025, 10, 20), "week", None),
    ("next week", "en", SUN, "auto", "next week", D(2025, 10, 27), "week", None),
    ("last month", "en", JAN1, "auto", "last month", D(2025, 12, 1), "month", None),
    ("next month", "en", MON, "auto", "next month", D(2026, 2, 1), "month", None),
    ("last year", "en", JAN1, "auto", "last year", D(2025, 1, 1), "range", D(2025, 12, 31)),
    ("in August", "en", MON, "past", "in August", D(2025, 8, 1), "month", None),
    ("He will visit in August.", "en", MON, "auto", "in August", D(2026, 8, 1), "month", None),
    ("in January", "en", JAN1, "past", "in January", D(2026, 1, 1), "month", None),
    ("in December", "en", JAN1, "past", "in December", D(2025, 12, 1), "month", None),
    ("in mid-February", "en", MON, "past", "in mid-February", D(2025, 2, 1), "month", None),
    ("January 5", "en", JAN1, "past", "January 5", D(2025, 1, 5), "day", None),
    ("January 5", "en", JAN1, "future", "January 5", D(2026, 1, 5), "day", None),
    ("Jan. 5", "en", MON, "past", "Jan. 5", D(2026, 1, 5), "day", None),
    ("December 30", "en", JAN1, "past", "December 30", D(2025, 12, 30), "day", None),
    ("5 January 2026", "en", None, "auto", "5 January 2026", D(2026, 1, 5), "day", None),
    ("on Feb 24, 2022", "en", MON, "auto", "on Feb 24, 2022", D(2022, 2, 24), "day", None),
    ("2026-01-05", "en", None, "auto", "2026-01-05", D(2026, 1, 5), "day", None),
    ("5/1/2026", "en", None, "auto", "5/1/2026", D(2026, 5, 1), "day", None),
    ("5/1/2026", "fr", None, "auto", "5/1/2026", D(2026, 1, 5), "day", None),
    ("in February 2022", "en", MON, "auto", "in February 2022", D(2022, 2, 1), "month", None),
    ("in 2025", "en", MON, "auto", "in 2025", D(2025, 1, 1), "range", D(2025, 12, 31)),
    ("four years ago", "en", MON, "auto", "four years ago", D(2022, 1, 1), "range",
     D(2022, 12, 31)),
    ("three days ago", "en", JAN1, "auto", "three days ago", D(2025, 12, 29), "day", None),
    ("Le président américain doit rencontrer le président chinois Xi Jinping en Corée "
     "du Sud jeudi.", "fr", SUN, "auto", "jeudi", D(2025, 10, 30), "day", None),
    ("qui a rencontré des responsables américains à Washington vendredi et samedi", "fr",
     SUN, "auto", "vendredi et samedi", D(2025, 10, 24), "range", D(2025, 10, 25)),
    ("Un sommet avec M. Poutine en août n'a pas donné de résultats", "fr", SUN, "auto",
     "en août", D(2025, 8, 1), "month", None),
    ("Il se rendra à Kiev en août.", "fr", SUN, "auto", "en août", D(2026, 8, 1), "month",
     None),
    ("dans la nuit de samedi à dimanche", "fr", MON, "auto",
     "dans la nuit de samedi à dimanche", D(2026, 1, 4), "day", None),
    ("la nuit de samedi à dimanche", "fr", SUN, "auto", "la nuit de samedi à dimanche",
     D(2025, 10, 26), "day", None),
    ("la nuit du 4 au 5 janvier", "fr", MON, "auto", "la nuit du 4 au 5 janvier",
     D(2026, 1, 5), "day", None),
    ("cette nuit", "fr", MON, "auto", "cette nuit", D(2026, 1, 5), "day", None),
    ("dans la nuit", "fr", MON, "auto", "dans la nuit", D(2026, 1, 5), "day", None),
    ("au cours de la nuit", "fr", MON, "auto", "au cours de la nuit", D(2026, 1, 5), "day", None),
    ("pendant la nuit", "fr", MON, "auto", "pendant la nuit", D(2026, 1, 5), "day", None),
    ("hier", "fr", JAN1, "auto", "hier", D(2025, 12, 31), "day", None),
    ("aujourd'hui", "fr", MON, "auto", "aujourd'hui", D(2026, 1, 5), "day", None),
    ("aujourd’hui", "fr", MON, "auto", "aujourd’hui", D(2026, 1, 5), "day", None),
    ("demain", "fr", SUN, "auto", "demain", D(2025, 10, 27), "day", None),
    ("avant-hier", "fr", MON, "auto", "avant-hier", D(2026, 1, 3), "day", None),
    ("plus tôt dans la journée", "fr", MON, "auto", "plus tôt dans la journée",
     D(2026, 1, 5), "day", None),
    ("ce lundi", "fr", MON, "auto", "ce lundi", D(2026, 1, 5), "day", None),
    ("lundi dernier", "fr", MON, "auto", "lundi dernier", D(2025, 12, 29), "day", None),
    ("lundi prochain", "fr", SUN, "auto", "lundi prochain", D(2025, 10, 27), "day", None),
    ("dimanche", "fr", SUN, "past", "dimanche", D(2025, 10, 26), "day", None),
    ("samedi", "fr", SUN, "past", "samedi", D(2025, 10, 25), "day", None),
    ("mardi soir", "fr", MON, "past", "mardi soir", D(2025, 12, 30), "day", None),
    ("ce week-end", "fr", SUN, "auto", "ce week-end", D(2025, 10, 25), "range",
     D(2025, 10, 26)),
    ("le week-end dernier", "fr", MON, "auto", "le week-end dernier", D(2026, 1, 3), "range",
     D(2026, 1, 4)),
    ("la semaine dernière", "fr", SUN, "auto", "la semaine dernière", D(2025, 10, 13),
     "week", None),
    ("cette semaine", "fr", MON, "auto", "cette semaine", D(2026, 1, 5), "week", None),
    ("en début de semaine", "fr", SUN, "auto", "en début de semaine", D(2025, 10, 20),
     "week", None),
    ("le mois dernier", "fr", JAN1, "auto", "le mois dernier", D(2025, 12, 1), "month", None),
    ("en décembre", "fr", JAN1, "past", "en décembre", D(2025, 12, 1), "month", None),
    ("mi-août", "fr", SUN, "past", "mi-août", D(2025, 8, 1), "month", None),
    ("le 5 janvier 2026", "fr", None, "auto", "le 5 janvier 2026", D(2026, 1, 5), "day", None),
    ("5 janvier", "fr", JAN1, "past", "5 janvier", D(2025, 1, 5), "day", None),
    ("1er janvier", "fr", MON, "past", "1er janvier", D(2026, 1, 1), "day", None),
    ("du 4 au 6 janvier", "fr", MON, "past", "du 4 au 6 janvier", D(2026, 1, 4), "range",
     D(2026, 1, 6)),
    ("en février 2022", "fr", MON, "auto", "en février 2022", D(2022, 2, 1), "month", None),
    ("en 2022", "fr", MON, "auto", "en 2022", D(2022, 1, 1), "range", D(2022, 12, 31)),
    ("l'an dernier", "fr", MON, "auto", "l'an dernier", D(2025, 1, 1), "range",
     D(2025, 12, 31)),
    ("il y a deux jours", "fr", MON, "auto", "il y a deux jours", D(2026, 1, 3), "day", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang", "published", "tense", "span", "date", "precision", "end_date"), CASES
)
def test_find_dates(
    text: str,
    lang: str,
    published: dt.date | None,
    tense: Literal["past", "future", "auto"],
    span: str,
    date: dt.date,
    precision: str,
    end_date: dt.date | None,
) -> None:
    found = find_dates(text, lang, published, tense=tense)
    assert len(found) == 1, found
    (value,) = found
    assert value.text == span == text[value.start : value.end]
    assert (value.date, value.precision, value.end_date) == (date, precision, end_date)


# Tense read from the sentence ("auto").
AUTO = [
    ("Another preparatory meeting between chiefs of staff is scheduled for Monday.", "en",
     MON, D(2026, 1, 5)),
    ("European leaders are in Paris Tuesday, seeking a breakthrough.", "en", MON,
     D(2026, 1, 6)),
    ("Macron is hosting the meeting on Tuesday to discuss guarantees.", "en", MON,
     D(2026, 1, 6)),
    ("Trump on Sunday dismissed claims by Moscow.", "en", MON, D(2026, 1, 4)),
    ("Zelensky will meet Trump on Friday.", "en", MON, D(2026, 1, 9)),
    ("Zelensky met Trump on Friday.", "en", MON, D(2026, 1, 2)),
    ("The talks are due to resume on Thursday.", "en", SUN, D(2025, 10, 30)),
    ("Il se rendra à Kiev mardi.", "fr", SUN, D(2025, 10, 28)),
    ("Il s'est rendu à Kiev mardi.", "fr", SUN, D(2025, 10, 21)),
    ("La réunion est prévue mercredi.", "fr", SUN, D(2025, 10, 29)),
    ("Les ministres devraient se réunir vendredi.", "fr", SUN, D(2025, 10, 31)),
    ("Le sommet aura lieu jeudi à Séoul.", "fr", SUN, D(2025, 10, 30)),
    ("The strike on Sunday is the deadliest in months.", "en", D(2026, 1, 7), D(2026, 1, 4)),
    ("Le président doit rencontrer Xi jeudi.", "fr", D(2025, 10, 30), D(2025, 10, 30)),
    ("The new rules, which will apply to exports, were announced since June.", "en", MON,
     D(2025, 6, 1)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "lang", "published", "date"), AUTO)
def test_tense_from_context(text: str, lang: str, published: dt.date, date: dt.date) -> None:
    (value,) = find_dates(text, lang, published)
    assert value.date == date


NOT_DATES = [
    ("Diplomatic efforts have gained pace in recent weeks.", "en"),
    ("in the coming days", "en"),
    ("the Good Friday Agreement", "en"),
    ("The Sunday Times reported", "en"),
    ("He may attend, we said.", "en"),
    ("the march on Kyiv", "en"),
    ("Theresa May said", "en"),
    ("Mondays are quiet", "en"),
    ("Kyiv says is 90% ready", "en"),
    ("M. Trump ces derniers mois", "fr"),
    ("ces dernières semaines", "fr"),
    ("dans les prochains jours", "fr"),
    ("un voyage d'une semaine en Asie", "fr"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_DATES)
def test_not_a_date(text: str, lang: str) -> None:
    assert find_dates(text, lang, MON) == []


UNPUBLISHED = [
    ("hier", "fr", None, "unresolved", None),
    ("on Monday", "en", None, "unresolved", None),
    ("over the weekend", "en", None, "unresolved", None),
    ("5 janvier", "fr", None, "unresolved", None),
    ("in August", "en", None, "unresolved", None),
    ("le 5 janvier 2026", "fr", D(2026, 1, 5), "day", None),
    ("in February 2022", "en", D(2022, 2, 1), "month", None),
    ("in 2025", "en", D(2025, 1, 1), "range", D(2025, 12, 31)),
]


@pytest.mark.parametrize(("text", "lang", "date", "precision", "end_date"), UNPUBLISHED)
def test_without_publication_date(
    text: str, lang: str, date: dt.date | None, precision: str, end_date: dt.date | None
) -> None:
    (value,) = find_dates(text, lang, None)
    assert (value.date, value.precision, value.end_date) == (date, precision, end_date)


def test_several_expressions_with_offsets() -> None:
    text = "Russian strikes early Monday killed two; talks in Paris on Tuesday, after last month."
    found = find_dates(text, "en", MON, tense="past")
    assert [v.text for v in found] == ["early Monday", "on Tuesday", "last month"]
    assert all(text[v.start : v.end] == v.text for v in found)


def test_resolve_date_text() -> None:
    assert resolve_date_text("early Monday", "en", MON) == DateValue(
        D(2026, 1, 5), "day", "early Monday", 0, 12
    )
    assert resolve_date_text("sometime", "en", MON) == DateValue(
        MON, "unresolved", "sometime", 0, 8
    )
    assert resolve_date_text("sometime", "en", None).date is None
    assert resolve_date_text("jeudi", "fr", SUN, tense="future").date == D(2025, 10, 30)
    assert resolve_date_text("jeudi", "fr", dt.datetime(2025, 10, 26, 9)).date == D(2025, 10, 23)


@pytest.mark.seeds
def test_seed_dates(seeds_dir: Path) -> None:
    en = (seeds_dir / "000_f5f08e3f5b41b927.txt").read_text("utf-8")
    got = {(v.text, v.date, v.precision) for v in find_dates(en, "en", MON)}
    assert {("early Monday", D(2026, 1, 5), "day"), ("on Tuesday", D(2026, 1, 6), "day"),
            ("overnight", D(2026, 1, 5), "day"), ("over the weekend", D(2026, 1, 3), "range"),
            ("on Sunday", D(2026, 1, 4), "day"), ("last month", D(2025, 12, 1), "month"),
            ("in February 2022", D(2022, 2, 1), "month"),
            ("earlier in the day", D(2026, 1, 5), "day")} <= got  # fmt: skip
    fr = (seeds_dir / "004_cfd940451f5b2d9f.txt").read_text("utf-8")
    got = {(v.text, v.date, v.precision) for v in find_dates(fr, "fr", SUN)}
    assert {("jeudi", D(2025, 10, 30), "day"), ("en août", D(2025, 8, 1), "month"),
            ("vendredi et samedi", D(2025, 10, 24), "range"),
            ("Cette semaine", D(2025, 10, 20), "week")} <= got  # fmt: skip


# ---------------------------------------------------------------- properties

_DAYS = st.dates(D(2000, 1, 1), D(2040, 12, 31))
_WEEKDAYS = st.sampled_from(
    [(name, i, "en") for i, name in enumerate(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])]
    + [(name, i, "fr") for i, name in enumerate(
        ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])]
)  # fmt: skip


@given(_DAYS, _WEEKDAYS)
def test_past_weekday_is_in_the_week_ending_on_publication(
    published: dt.date, weekday: tuple[str, int, str]
) -> None:
    name, index, lang = weekday
    value = resolve_date_text(name, lang, published, tense="past")
    assert value.date is not None and value.date.weekday() == index
    assert 0 <= (published - value.date).days <= 6


@given(_DAYS, _WEEKDAYS)
def test_future_weekday_is_in_the_week_starting_on_publication(
    published: dt.date, weekday: tuple[str, int, str]
) -> None:
    name, index, lang = weekday
    value = resolve_date_text(name, lang, published, tense="future")
    assert value.date is not None and value.date.weekday() == index
    assert 0 <= (value.date - published).days <= 6


@given(_DAYS, _WEEKDAYS)
def test_last_and_next_weekday_are_strict(
    published: dt.date, weekday: tuple[str, int, str]
) -> None:
    name, index, lang = weekday
    last = f"last {name}" if lang == "en" else f"{name} dernier"
    following = f"next {name}" if lang == "en" else f"{name} prochain"
    before = resolve_date_text(last, lang, published).date
    after = resolve_date_text(following, lang, published).date
    assert before is not None and after is not None
    assert 1 <= (published - before).days <= 7 and before.weekday() == index
    assert 1 <= (after - published).days <= 7 and after.weekday() == index


@given(_DAYS, st.sampled_from([("over the weekend", "en"), ("ce week-end", "fr")]))
def test_weekend_is_the_latest_saturday_and_sunday(
    published: dt.date, phrase: tuple[str, str]
) -> None:
    value = resolve_date_text(*phrase, published, tense="past")
    assert value.date is not None and value.end_date is not None
    assert value.precision == "range"
    assert value.date.weekday() == 5 and value.end_date == value.date + dt.timedelta(days=1)
    assert 0 <= (published - value.date).days <= 6
    if published.weekday() >= 5:
        assert value.date <= published <= value.end_date


_FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


@given(_DAYS, st.integers(1, 12), st.sampled_from(["past", "future"]))
def test_month_is_the_first_of_the_nearest_month(
    published: dt.date, month: int, tense: Literal["past", "future"]
) -> None:
    value = resolve_date_text(f"en {_FR_MONTHS[month - 1]}", "fr", published, tense=tense)
    assert value.date is not None and value.date.day == 1 and value.date.month == month
    delta = (value.date.year * 12 + month) - (published.year * 12 + published.month)
    assert (-11 <= delta <= 0) if tense == "past" else (0 <= delta <= 11)


@given(_DAYS, st.integers(1, 12), st.integers(1, 28))
def test_day_without_year_is_the_latest_on_or_before(
    published: dt.date, month: int, day: int
) -> None:
    phrase = f"le {day} {_FR_MONTHS[month - 1]}"
    value = resolve_date_text(phrase, "fr", published, tense="past")
    assert value.date is not None and (value.date.month, value.date.day) == (month, day)
    assert 0 <= (published - value.date).days < 366


_VOCAB = st.sampled_from(
    [
        "on",
        "early",
        "Monday",
        "lundi",
        "overnight",
        "the",
        "weekend",
        "week-end",
        "last",
        "next",
        "week",
        "month",
        "in",
        "August",
        "en",
        "août",
        "5",
        "January",
        "2026",
        "février",
        "2022",
        ",",
        ".",
        "yesterday",
        "hier",
        "dans",
        "la",
        "nuit",
        "de",
        "samedi",
        "à",
        "dimanche",
        "Friday",
        "and",
        "Saturday",
        "will",
        "said",
        "a",
        "été",
        "24",
        "1er",
        "ago",
        "years",
        "il",
        "y",
        "a",
        "deux",
        "jours",
    ]
)


@settings(max_examples=200)
@given(st.lists(_VOCAB, max_size=25), st.sampled_from(["en", "fr"]), _DAYS)
def test_spans_are_exact_sorted_and_disjoint(
    words: list[str], lang: str, published: dt.date
) -> None:
    text = " ".join(words)
    found = find_dates(text, lang, published)
    for v in found:
        assert text[v.start : v.end] == v.text
        assert v.date is not None or v.precision == "unresolved"
        assert v.end_date is None or (v.date is not None and v.end_date >= v.date)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@given(st.text(max_size=200), st.sampled_from(["en", "fr"]))
def test_any_text_is_safe(text: str, lang: str) -> None:
    for v in find_dates(text, lang, MON):
        assert text[v.start : v.end] == v.text


@pytest.mark.parametrize(
    ("text", "lang", "story", "date"),
    [
        ("on March 7", "en", D(2022, 2, 1), D(2022, 3, 7)),
        ("On 12 February", "en", D(2022, 2, 1), D(2022, 2, 12)),
        ("On February 18", "en", D(2024, 6, 1), D(2025, 2, 18)),  # the next one after June
        ("in mid-November", "en", D(2021, 9, 1), D(2021, 11, 1)),
        ("le 7 mars", "fr", D(2022, 2, 24), D(2022, 3, 7)),
        ("March 7, 2022", "en", D(2014, 2, 1), None),  # its own year
        ("last March", "en", D(2014, 2, 1), None),  # told from today
        ("le 27 juin dernier", "fr", D(2015, 11, 13), None),
        ("lundi 9 avril", "fr", D(2017, 1, 1), None),  # the weekday tells the year
        ("on Tuesday", "en", D(2022, 2, 1), None),  # no day of the calendar
    ],
)
def test_a_day_without_a_year_is_read_in_the_story(
    text: str, lang: str, story: dt.date, date: dt.date | None
) -> None:
    (value,) = find_dates(text, lang, D(2026, 2, 18))
    moved = in_story(value, lang, story)
    assert (moved.date if moved else None) == date


def test_has_year() -> None:
    found = find_dates("in February 2022, then on March 7, then on Tuesday", "en", MON)
    assert [has_year(v) for v in found] == [True, False, False]


@pytest.mark.parametrize(
    ("text", "lang", "first"),
    [
        ("une trêve du 22 février au 2 mars 2020", "fr", D(2020, 2, 22)),
        ("entre le 22 février et le 2 mars 2020", "fr", D(2020, 2, 22)),
        ("from February 22 to March 2, 2020", "en", D(2020, 2, 22)),
        ("from December 28 to January 3, 2021", "en", D(2020, 12, 28)),
        ("on March 3, then on Tuesday, March 2, 2020", "en", D(2021, 3, 3)),  # no range
    ],
)
def test_a_range_takes_the_year_stated_at_its_end(text: str, lang: str, first: dt.date) -> None:
    assert find_dates(text, lang, D(2021, 7, 10))[0].date == first
