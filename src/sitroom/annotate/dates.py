"""Date expressions of English and French news text, resolved against the publication
date.

Public API
----------
``find_dates(text, lang, published, *, tense="auto")``  every date expression, with
offsets (``DateValue.text == text[start:end]``).
``resolve_date_text(expr, lang, published, *, tense="auto")``  one expression.
``in_story(value, lang, story)``  a day or month without a year, read in a story told
from an earlier date on.

No dateparser: its ``search_dates`` is slow and reads "we" as Wednesday, and it resolves
"Monday" a week early (DESIGN section 8). One regular expression per language finds the
expressions; the resolution below is plain calendar arithmetic.

Choices
-------
* Direction. A phrase's own word wins ("last Monday", "lundi dernier", "next week",
  "le mois prochain"). Otherwise ``tense`` decides; with ``"auto"`` the tense cue nearest
  to the expression in its sentence decides (EN future: will, 'll, is scheduled/due/set
  to, plans to, upcoming, and the present "is/are (...ing)" when it comes before the
  expression: "leaders are in Paris Tuesday" but not "the strike on Sunday is the
  deadliest"; FR future: doit/devrait + infinitive, prévu, aura lieu, va/vont, future
  and conditional endings "rencontrera", "rencontrerait"). Past cues: was/were/had/said,
  "-ed" forms, common irregular pasts; FR auxiliaries a/ont/avait and lower-case
  participles in -é. No cue: past. "since"/"depuis" always look back.
* Weekdays. Past: the most recent such day on or before the publication day, so
  "early Monday" published on a Monday is that Monday. Future: the next such day on or
  after the publication day: in wire copy the day of publication is named by its weekday
  ("a meeting is scheduled for Monday", written on a Monday, is that day), and a week
  ahead is written "next Monday". "last X": strictly before; "next X": strictly after.
  "ce lundi" / "this Monday" follow the tense. Never a week early.
* "overnight", "last night", "tonight", "cette nuit", "dans la nuit", "earlier in the
  day", "plus tôt dans la journée": the publication day. "the night from Saturday to
  Sunday", "overnight Saturday into Sunday", "la nuit de samedi à dimanche": the later
  day (the Sunday). "dans la nuit de samedi" alone: the Saturday.
* Weekday pairs ("vendredi et samedi", "Friday to Sunday"): a ``range``.
* Weekend ("over the weekend", "ce week-end", "le week-end dernier"): the Saturday to
  Sunday ``range`` of the most recent weekend (the current one when published on a
  Saturday or Sunday); in the future tense the coming one; "next weekend" strictly ahead.
* "this/last/next week", "cette semaine", "en début de semaine": precision ``week``,
  ``date`` the Monday. "this/last/next month", "en août", "in early August",
  "mi-août": precision ``month``, ``date`` the 1st (never the day of the base date).
  A month alone is the most recent one (the current month included) in the past tense,
  the next one (the current included) in the future.
* Absolute dates without a year ("January 5", "1er janvier"): the nearest such day on or
  before the publication date (past) or on or after it (future). With a year they need
  no publication date. "5/1/2026": day first in French, month first in English unless
  the first number is above 12. The first day of a range whose year is stated at its
  end takes that year ("du 22 février au 2 mars 2020").
* Years ("in 2025", "en 2022", "last year", "l'an dernier"): not a usable day, so a
  ``range`` from 1 January to 31 December (no new precision added to the record).
* "N days/weeks/months/years ago", "il y a N jours": day, week, month or year range.
* Not dates: "recent weeks", "ces derniers mois", "in the coming days", "Good Friday".
* Without a publication date, relative expressions come back with ``date=None`` and
  precision ``unresolved``; absolute ones with a year still resolve.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal

from sitroom.annotate import dates_lexicon as lx
from sitroom.annotate.numbers_regex import trie
from sitroom.types import DatePrecision, DateValue

Tense = Literal["past", "future", "auto"]
_Direction = Literal["past", "future", "last", "next"]
_Resolved = tuple[dt.date | None, DatePrecision, dt.date | None]

_PATTERNS = MappingProxyType(
    {
        "en": re.compile(rf"(?<![\w-])(?:{lx.EN_DATES})(?!\w)", re.IGNORECASE),
        "fr": re.compile(rf"(?<![\w-])(?:{lx.FR_DATES})(?!\w)", re.IGNORECASE),
    }
)
_WEEKDAY = MappingProxyType({k: re.compile(v, re.IGNORECASE) for k, v in lx.WEEKDAY_WORD.items()})
_MONTH = MappingProxyType({k: re.compile(v, re.IGNORECASE) for k, v in lx.MONTH_WORD.items()})
_CUES = MappingProxyType({k: re.compile(v, re.IGNORECASE) for k, v in lx.CUES.items()})
_SENTENCE_END = re.compile(lx.SENTENCE_END)
_ANCHORS = MappingProxyType(
    {
        k: re.compile(
            rf"(?<![0-9])(?:19|20)[0-9]{{2}}(?![0-9])|(?<!\w){trie(list(v))}(?!\w)",
            re.IGNORECASE,
        )
        for k, v in lx.ANCHORS.items()
    }
)
_WORD_START = re.compile(r"(?<![\w-])\w")
_NOT_A_WEEKDAY = re.compile(lx.NOT_A_WEEKDAY, re.IGNORECASE)
_NOT_A_WEEKDAY_AFTER = re.compile(lx.NOT_A_WEEKDAY_AFTER, re.IGNORECASE)
_NUMBER = re.compile(r"\b([0-9]{1,4})(?:er|e|ème|st|nd|rd|th)?\b")
_LAST = re.compile(r"\b(?:last|dernier|dernière|passé|passée|previous)\b")
_NEXT = re.compile(r"\b(?:next|coming|prochain|prochaine)\b")
_SINCE_WORDS = r"(?:since|depuis)\b"
_SINCE = re.compile(rf"^{_SINCE_WORDS}")
_SINCE_NEAR = re.compile(rf"\b{_SINCE_WORDS}", re.IGNORECASE)
SINCE_REACH = 12  # characters before a date where its "since" may stand
_SPACES = re.compile(r"\s+")
_ONE_DAY = dt.timedelta(days=1)
# Kinds whose reading depends on the direction (past or future).
_DIRECTED = frozenset({"night", "wrange", "abs", "absrange", "nightabs", "month", "weekend",
                       "weekday"})  # fmt: skip
_WEEKDAY_KINDS = frozenset({"night", "wrange", "weekday"})
_MONTH_KINDS = frozenset({"abs", "absrange", "monthyear", "month"})


@dataclass
class _Context:
    """Tense cues of one text, computed on first use (per call, never shared)."""

    text: str
    lang: str
    cues: list[tuple[int, int, str]] | None = None
    ends: list[int] = field(default_factory=list)

    def tense_at(self, start: int, end: int) -> Literal["past", "future"]:
        if self.cues is None:
            found = _CUES[self.lang].finditer(self.text)
            self.cues = [(m.start(), m.end(), m.lastgroup or "past") for m in found]
            self.ends = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        lo = max((e for e in self.ends if e <= start), default=0)
        hi = min((e for e in self.ends if e >= end), default=len(self.text))
        best: tuple[int, str] | None = None
        for s, e, kind in self.cues:
            if s < lo or e > hi or (s >= start and e <= end) or (kind == "weak" and s >= end):
                continue
            distance = start - e if e <= start else s - end
            if best is None or distance < best[0]:
                best = (distance, kind)
        return "future" if best is not None and best[1] != "past" else "past"


def find_dates(
    text: str, lang: str, published: dt.date | None, *, tense: Tense = "auto"
) -> list[DateValue]:
    """Every date expression of ``text`` resolved against ``published``."""
    lang = "fr" if lang.lower().startswith("fr") else "en"
    if isinstance(published, dt.datetime):
        published = published.date()
    ctx = _Context(text, lang)
    out = []
    for m in _matches(text, lang):
        value = _resolve(m, lang, published, tense, ctx)
        if value is not None:
            out.append(value)
    return [_year_from_end(v, out[i + 1], text) if i + 1 < len(out) else v
            for i, v in enumerate(out)]  # fmt: skip


# What joins the two ends of a range of days: "du 22 février au 2 mars 2020",
# "from February 22 to March 2, 2020".
_RANGE_JOIN = re.compile(r"\s*(?:au|à|jusqu'au|to|through|until|and|et|-|–)\s*(?:le\s+)?$", re.I)


def _year_from_end(value: DateValue, after: DateValue, text: str) -> DateValue:
    """The first day of a range that states its year only at its end takes that year
    (the year before when the range runs into January): "du 22 février au 2 mars 2020" starts
    on 22 February 2020, "from December 28 to January 3, 2021" on 28 December 2020."""
    if (
        value.precision != "day"
        or after.precision != "day"
        or value.date is None
        or after.date is None
        or has_year(value)
        or not has_year(after)
        or not _RANGE_JOIN.match(text, value.end, after.start)
    ):
        return value
    wraps = value.date.month > after.date.month  # December to January
    try:
        start = value.date.replace(year=after.date.year - wraps)
    except ValueError:  # 29 February
        return value
    return replace(value, date=start) if start <= after.date else value


def in_story(value: DateValue, lang: str, story: dt.date) -> DateValue | None:
    """``value`` read in a story the text tells from ``story`` on, or ``None`` when its
    expression is no day or month named without a year.

    A retrospective tells its days in order after one dated start: "The first talks
    took place in February 2022. … three rounds of talks in Belarus, ending on March 7"
    is 7 March 2022, "On 12 February" after "in early February 2022" is 12 February 2022.
    The day or month comes back as the first one on or after ``story``.
    """
    lang = "fr" if lang.lower().startswith("fr") else "en"
    m = _PATTERNS[lang].fullmatch(value.text)
    if m is None or m.lastgroup not in ("abs", "month"):
        return None
    low = _SPACES.sub(" ", value.text.lower().replace("’", "'"))
    if has_year(value) or _LAST.search(low) or _NEXT.search(low):
        return None  # its own year, or "last March": told from today, not the story
    if _WEEKDAY[lang].search(low):
        return None  # "lundi 9 avril": the weekday already tells the year
    start = story.replace(day=1) if m.lastgroup == "month" else story
    resolved = _HANDLERS[m.lastgroup](low, lang, start, "future")
    if resolved is None or resolved[0] is None:
        return None
    return replace(value, date=resolved[0], precision=resolved[1], end_date=resolved[2])


def runs_from(text: str, value: DateValue) -> bool:
    """Whether ``value`` (its offsets in ``text``) is a date a time runs from to now:
    "since October 2019", "depuis fin octobre 2019"."""
    return _SINCE_NEAR.search(text, max(0, value.start - SINCE_REACH), value.end) is not None


def has_year(value: DateValue) -> bool:
    """Whether a date expression states its year ("March 7, 2022", "en février 2022")."""
    return _numbers(value.text.lower())[1] is not None


def _matches(text: str, lang: str) -> list[re.Match[str]]:
    """The leftmost, non-overlapping expressions, as ``finditer`` would give them, but
    the full pattern is tried only at word starts within reach before an anchor word
    (a weekday, a month, a digit, "yesterday", "semaine"...): a few tries a paragraph
    instead of one per character."""
    pattern = _PATTERNS[lang]
    out: list[re.Match[str]] = []
    pos = 0
    for anchor in _ANCHORS[lang].finditer(text):
        if anchor.start() < pos:
            continue
        lo = max(pos, anchor.start() - lx.ANCHOR_REACH)
        for start in _WORD_START.finditer(text, lo, anchor.start() + 1):
            m = pattern.match(text, start.start())
            if m is not None and m.end() > anchor.start():
                out.append(m)
                pos = m.end()
                break
    return out


def resolve_date_text(
    expr: str, lang: str, published: dt.date | None, *, tense: Tense = "auto"
) -> DateValue:
    """The longest date expression in ``expr``; an expression that is not one comes back
    ``unresolved`` with the publication date (or ``None``) as its fallback."""
    found = find_dates(expr, lang, published, tense=tense)
    if found:
        return max(found, key=lambda d: d.end - d.start)
    if isinstance(published, dt.datetime):
        published = published.date()
    return DateValue(published, "unresolved", expr, 0, len(expr))


def _resolve(
    m: re.Match[str], lang: str, base: dt.date | None, tense: Tense, ctx: _Context
) -> DateValue | None:
    kind = m.lastgroup or ""
    start, end = m.span()
    low = _SPACES.sub(" ", m.group().lower().replace("’", "'"))
    if not _plausible(m, kind, lang):
        return None
    direction: _Direction = "past"
    if kind in _DIRECTED:
        direction = _direction(low, tense, ctx, start, end)
    resolved = _HANDLERS[kind](low, lang, base, direction)
    if resolved is None:
        return None
    date, precision, end_date = resolved
    return DateValue(date, precision, m.group(), start, end, end_date)


def _plausible(m: re.Match[str], kind: str, lang: str) -> bool:
    """English month names are capitalised ("may", "march" are verbs); named days are
    not dates ("Good Friday", "The Sunday Times")."""
    if lang == "en" and kind in _MONTH_KINDS:
        month = _MONTH["en"].search(m.group())
        if month is None or not month.group()[0].isupper():
            return False
    if lang == "en" and kind in _WEEKDAY_KINDS:
        text, start = m.string, m.start()
        if _NOT_A_WEEKDAY.search(text, max(0, start - 12), start):
            return False
        if _NOT_A_WEEKDAY_AFTER.match(text, m.end()):
            return False
    return True


def _direction(low: str, tense: Tense, ctx: _Context, start: int, end: int) -> _Direction:
    if _LAST.search(low):
        return "last"
    if _NEXT.search(low):
        return "next"
    if _SINCE.match(low):
        return "past"
    if tense == "auto":
        return ctx.tense_at(start, end)
    return tense


# ---------------------------------------------------------------- calendar arithmetic


def _weekday_date(base: dt.date, weekday: int, direction: _Direction) -> dt.date:
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7
    if direction == "past":
        return base - dt.timedelta(days=back)
    if direction == "last":
        return base - dt.timedelta(days=back or 7)
    if direction == "future":
        return base + dt.timedelta(days=ahead)
    return base + dt.timedelta(days=ahead or 7)


def _month_year(base: dt.date, month: int, direction: _Direction) -> int:
    if direction == "past":
        return base.year if month <= base.month else base.year - 1
    if direction == "last":
        return base.year if month < base.month else base.year - 1
    if direction == "future":
        return base.year if month >= base.month else base.year + 1
    return base.year if month > base.month else base.year + 1


def _day_in_year(base: dt.date, month: int, day: int, direction: _Direction) -> dt.date | None:
    """The nearest valid ``day``/``month`` on or before (past) or on or after (future)
    ``base``; 29 February looks back or ahead up to eight years."""
    step = -1 if direction in ("past", "last") else 1
    for i in range(9):
        try:
            candidate = dt.date(base.year + step * i, month, day)
        except ValueError:
            continue
        if (candidate <= base) if step < 0 else (candidate >= base):
            return candidate
    return None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def year_range(year: int) -> _Resolved:
    """A whole year as a date range: its first day, "range", its last day."""
    return dt.date(year, 1, 1), "range", dt.date(year, 12, 31)


# ---------------------------------------------------------------- one handler per kind


def _weekdays(low: str, lang: str) -> list[int]:
    names = lx.WEEKDAYS_FR if lang == "fr" else lx.WEEKDAYS_EN
    return [names[w] for w in _WEEKDAY[lang].findall(low)]


def _month_of(low: str, lang: str) -> int | None:
    m = _MONTH[lang].search(low)
    if m is None:
        return None
    return (lx.MONTHS_FR if lang == "fr" else lx.MONTHS_EN)[m.group()]


def _numbers(low: str) -> tuple[list[int], int | None]:
    """Day numbers (1-31) and the year (four digits) of an expression."""
    days, year = [], None
    for n in _NUMBER.findall(low):
        if len(n) == 4:
            year = int(n)
        else:
            days.append(int(n))
    return days, year


def _on_weekday(low: str, lang: str, base: dt.date | None, direction: _Direction) -> _Resolved:
    if base is None:
        return None, "unresolved", None
    return _weekday_date(base, _weekdays(low, lang)[-1], direction), "day", None


def _weekday_range(low: str, lang: str, base: dt.date | None, direction: _Direction) -> _Resolved:
    if base is None:
        return None, "unresolved", None
    first, last = _weekdays(low, lang)[:2]
    span = dt.timedelta(days=(last - first) % 7)
    if direction in ("past", "last"):
        end = _weekday_date(base, last, direction)
        start = end - span
    else:
        start = _weekday_date(base, first, direction)
        end = start + span
    return (start, "range", end) if end != start else (start, "day", None)


def _absolute(low: str, lang: str, base: dt.date | None, direction: _Direction) -> _Resolved | None:
    month = _month_of(low, lang)
    days, year = _numbers(low)
    if month is None or not days:
        return None
    return _day_month(days[-1] if low.startswith(("la nuit", "dans la")) else days[0],
                      month, year, base, direction)  # fmt: skip


def _day_month(
    day: int, month: int, year: int | None, base: dt.date | None, direction: _Direction
) -> _Resolved | None:
    if year is not None:
        try:
            return dt.date(year, month, day), "day", None
        except ValueError:
            return None
    if base is None:
        return None, "unresolved", None
    found = _day_in_year(base, month, day, direction)
    return (found, "day", None) if found else None


def _absolute_range(
    low: str, lang: str, base: dt.date | None, direction: _Direction
) -> _Resolved | None:
    month = _month_of(low, lang)
    days, year = _numbers(low)
    if month is None or len(days) < 2 or days[1] <= days[0]:
        return None
    first = _day_month(days[0], month, year, base, direction)
    if first is None or first[0] is None:
        return first
    try:
        return first[0], "range", first[0].replace(day=days[1])
    except ValueError:
        return None


def _iso(low: str, lang: str, base: dt.date | None, direction: _Direction) -> _Resolved | None:
    if "-" in low:
        try:
            return dt.date.fromisoformat(low), "day", None
        except ValueError:
            return None
    a, b, year = (int(x) for x in low.split("/"))
    day, month = (b, a) if lang == "en" and a <= 12 else (a, b)
    try:
        return dt.date(year, month, day), "day", None
    except ValueError:
        return None


def _month_and_year(
    low: str, lang: str, base: dt.date | None, direction: _Direction
) -> _Resolved | None:
    month = _month_of(low, lang)
    _, year = _numbers(low)
    if month is None or year is None:
        return None
    return dt.date(year, month, 1), "month", None


def _month_only(
    low: str, lang: str, base: dt.date | None, direction: _Direction
) -> _Resolved | None:
    month = _month_of(low, lang)
    if month is None:
        return None
    if base is None:
        return None, "unresolved", None
    return dt.date(_month_year(base, month, direction), month, 1), "month", None


def _year(low: str, lang: str, base: dt.date | None, direction: _Direction) -> _Resolved | None:
    _, year = _numbers(low)
    return year_range(year) if year is not None else None


def _ago(low: str, lang: str, base: dt.date | None, direction: _Direction) -> _Resolved | None:
    words = low.split()
    count_word, unit = (words[3], words[4]) if lang == "fr" else (words[0], words[1])
    n = int(count_word) if count_word.isdigit() else lx.NUMBER_WORDS.get(count_word)
    if n is None:
        return None
    if base is None:
        return None, "unresolved", None
    if unit.startswith(("day", "jour")):
        return base - dt.timedelta(days=n), "day", None
    if unit.startswith(("week", "semaine")):
        return _monday(base - dt.timedelta(weeks=n)), "week", None
    if unit.startswith(("month", "mois")):
        return _add_months(base, -n), "month", None
    return year_range(base.year - n)


def _weekend(low: str, lang: str, base: dt.date | None, direction: _Direction) -> _Resolved:
    if base is None:
        return None, "unresolved", None
    wd = base.weekday()
    if direction == "next":
        saturday = base + dt.timedelta(days=(5 - wd) % 7 or 7)
    elif direction == "future" and wd < 5:
        saturday = base + dt.timedelta(days=5 - wd)
    else:
        saturday = base - dt.timedelta(days=(wd - 5) % 7)
    return saturday, "range", saturday + _ONE_DAY


def _period(low: str, lang: str, base: dt.date | None, direction: _Direction) -> _Resolved:
    if base is None:
        return None, "unresolved", None
    shift = -1 if _LAST.search(low) else 1 if _NEXT.search(low) else 0
    if "week" in low or "semaine" in low:
        return _monday(base) + dt.timedelta(weeks=shift), "week", None
    if "month" in low or "mois" in low:
        return _add_months(base, shift), "month", None
    return year_range(base.year + shift)


def _relative(low: str, lang: str, base: dt.date | None, direction: _Direction) -> _Resolved:
    if base is None:
        return None, "unresolved", None
    offset = next((v for k, v in lx.REL_DAYS.items() if low.startswith(k)), 0)
    return base + dt.timedelta(days=offset), "day", None


_Handler = Callable[[str, str, dt.date | None, _Direction], _Resolved | None]
_HANDLERS: MappingProxyType[str, _Handler] = MappingProxyType(
    {
        "nightabs": _absolute,
        "night": _on_weekday,
        "wrange": _weekday_range,
        "absrange": _absolute_range,
        "abs": _absolute,
        "iso": _iso,
        "monthyear": _month_and_year,
        "month": _month_only,
        "year": _year,
        "ago": _ago,
        "weekend": _weekend,
        "period": _period,
        "weekday": _on_weekday,
        "rel": _relative,
    }
)
