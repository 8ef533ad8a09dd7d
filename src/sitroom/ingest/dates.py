"""Publication dates from item metadata: ISO 8601, RFC 822 and common written forms.

A date that cannot be read is not an error: ``parse_date`` returns ``None`` and the
item's publication date stays unknown (the input is still ingested).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time

# Dates outside this window are treated as unreadable (typos, epoch zero, far future).
MIN_YEAR = 1900
MAX_YEAR = 2100

_MONTHS: dict[str, int] = {
    # English, full and abbreviated
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2,
    "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "déc": 12,
}  # fmt: skip

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_DOTTED_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")  # always day first
_NUMERIC_DMY = re.compile(r"^(\d{1,2})[/\-](\d{1,2})[/\-](\d{4})$")
# "5 January 2026", "lundi 5 janvier 2026", "1er mars 2026", "Mon 5 Jan. 2026"
_DAY_MONTH_YEAR = re.compile(
    r"^(?:[^\W\d]+\.?,?\s+)?(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d]+)\.?,?\s+(\d{4})\b"
)
# "January 5, 2026", "Monday, January 5th 2026", "Jan. 5 2026"
_MONTH_DAY_YEAR = re.compile(
    r"^(?:[^\W\d]+\.?,?\s+)?([^\W\d]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"
)
_MAX_DATE_TEXT = 100


def parse_date(value: object) -> dt.date | None:
    """Read a publication date from a metadata value; ``None`` when it cannot be read.

    Accepts ``date``/``datetime`` objects, ``time.struct_time`` (as feedparser gives),
    and strings: ISO 8601 ("2026-01-05", "2026-01-05T07:30:00+02:00"), RFC 822
    ("Mon, 05 Jan 2026 07:30:00 GMT"), "2026/01/05", "05.01.2026" (dots: day first),
    "5 January 2026", "January 5, 2026", "lundi 5 janvier 2026". Slashed day/month
    orders that are ambiguous ("01/02/2026") are refused rather than guessed.
    """
    if isinstance(value, dt.datetime):
        return _checked(value.date())
    if isinstance(value, dt.date):
        return _checked(value)
    if isinstance(value, time.struct_time):
        return _make(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > _MAX_DATE_TEXT:
        return None
    return _parse_text(text)


def _parse_text(text: str) -> dt.date | None:
    if m := _ISO.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _YMD.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _DOTTED_DMY.match(text):
        return _make(int(m[3]), int(m[2]), int(m[1]))
    if m := _NUMERIC_DMY.match(text):
        return _numeric_day_month(int(m[1]), int(m[2]), int(m[3]))
    if (m := _DAY_MONTH_YEAR.match(text)) and m[2].casefold() in _MONTHS:
        return _make(int(m[3]), _MONTHS[m[2].casefold()], int(m[1]))
    if (m := _MONTH_DAY_YEAR.match(text)) and m[1].casefold() in _MONTHS:
        return _make(int(m[3]), _MONTHS[m[1].casefold()], int(m[2]))
    return _rfc822(text)


def _rfc822(text: str) -> dt.date | None:
    if "," not in text and not re.search(r"\d{1,2}:\d{2}", text):
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return _checked(parsed.date())


def _numeric_day_month(first: int, second: int, year: int) -> dt.date | None:
    """Day first for "13/01/2026", month first for "01/13/2026"; "01/02/2026" is refused."""
    if first > 12 >= second:
        return _make(year, second, first)
    if second > 12 >= first:
        return _make(year, first, second)
    if first == second:
        return _make(year, first, second)
    return None


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return _checked(dt.date(year, month, day))
    except ValueError:
        return None


def _checked(day: dt.date) -> dt.date | None:
    return day if MIN_YEAR <= day.year <= MAX_YEAR else None


# A day in a URL's path, as news sites file their articles: "/2026/feb/20/",
# "/2026/02/20/", "/2026-02-20-". htmldate's own URL pattern reads numeric months only,
# and the Guardian files under "/2026/feb/20/".
_URL_DAY = re.compile(
    r"/(\d{4})/(\d{1,2}|[a-z]{3,9})/(\d{1,2})(?:/|$)|/(\d{4})-(\d{2})-(\d{2})(?:[/\-_.]|$)",
    re.IGNORECASE,
)


def url_date(url: str | None) -> dt.date | None:
    """The day a news URL files its article under, or ``None``."""
    if not url:
        return None
    m = _URL_DAY.search(url.split("?", 1)[0])
    if m is None:
        return None
    year, month, day = m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)
    number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
    return _make(int(year), number, int(day)) if number else None


def published_day(stated: dt.date | None, url: str | None) -> dt.date | None:
    """The publication day of an item: the one its metadata states, unless its URL files
    it under another day (a crawler may take a date out of the text: a 2026 article
    about 2022 stated as "2022-02-07" under "/2026/feb/20/"); the URL's day when the
    metadata states none."""
    filed = url_date(url)
    if filed is None:
        return stated
    if stated is None or abs((stated - filed).days) > URL_DAY_SLACK:
        return filed
    return stated


URL_DAY_SLACK = 1  # days a stated date may lie from the URL's (time zones, late filing)
