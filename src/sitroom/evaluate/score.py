"""Scoring: predicted event reports and quotes against gold, per article.

Matching (per article, greedy by best pair first). A predicted report and a gold event
may match when

1. their types are the same, or, as a fallback ranked below every same-type pair, both
   are in the strike family (``attack``, ``air_raid``, ``interception``);
2. their places agree: the same GeoNames id, or the same name (any case, accents and
   hyphens ignored), or one is null;
3. their dates are at most one day apart, or the predicted date is a range of up to three
   days that holds the gold day, or a month that holds it (or one is null; an
   ``unresolved`` predicted date, a stand-in for a date the text lacks, counts as null).

Among candidates, a same-type pair beats a fallback, then an exact place beats a null one,
then an exact date beats a near one. Unmatched predictions are false positives, unmatched
gold events false negatives.

Field accuracy is computed over matched pairs where the gold event or the prediction
states the field (both null is not counted): type, modality, date (same day; an
``unresolved`` date is the day it falls back to, publication or telling, or null against
a gold event with no date; a range of up to three days is right when it holds the gold
day; a month or a year states no day, and a month is right against its own first day),
place,
killed, injured, children (killed and injured together), weapons launched, weapons
intercepted (per kind), actor1 (same name, any case; or a state and its own armed forces,
as the actor table knows them: gold "Ukraine" and a predicted "Armed Forces of Ukraine"
are one side; or two names the table reads as one actor, "GNA" and "Government of
National Accord", as for speakers). A metric with nothing to count is ``None``.

Quotes: a predicted quote matches a gold quote when its text starts with the gold prefix
(any case, spacing and quote marks ignored); speaker accuracy is over matched quotes, and
a person the article does not name ("one US official", "une source sécuritaire") counts
as no speaker on either side (see ``_named``). A
gold file that annotates direct quotes only (``indirect_quotes`` false, the default) is
scored against the predicted direct quotes only.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sitroom.evaluate.gold import GoldArticle, GoldCount, GoldEvent, GoldQuote
from sitroom.resolve.actors import ActorTable
from sitroom.resolve.text import norm
from sitroom.types import EventReport, Quantity, Quote

STRIKE_FAMILY = frozenset({"attack", "air_raid", "interception"})
FIELDS: tuple[str, ...] = (
    "type",
    "modality",
    "date",
    "place",
    "killed",
    "injured",
    "children",
    "weapons_launched",
    "weapons_intercepted",
    "actor1",
)
# Resolution of the gold files' place and actor names (see ``evaluate.mentions``).
MENTION_METRICS: tuple[str, ...] = ("place_id", "place_25km", "actor_id")
ALL = "all"


# ---------------------------------------------------------------------- counters


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        n = self.tp + self.fp
        return self.tp / n if n else None

    @property
    def recall(self) -> float | None:
        n = self.tp + self.fn
        return self.tp / n if n else None

    @property
    def f1(self) -> float | None:
        n = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / n if n else None


@dataclass(frozen=True, slots=True)
class Tally:
    """Correct out of total."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.correct + other.correct, self.total + other.total)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """The counts of one article; groups are sums of these."""

    article_id: str
    lang: str
    split: str
    events: Counts
    fields: tuple[tuple[str, Tally], ...]
    quotes: Counts
    speaker: Tally
    mentions: tuple[tuple[str, Tally], ...] = ()

    def __add__(self, other: ArticleScore) -> ArticleScore:
        return ArticleScore(
            self.article_id,
            self.lang,
            self.split,
            self.events + other.events,
            _sum_tallies(self.fields, other.fields, FIELDS),
            self.quotes + other.quotes,
            self.speaker + other.speaker,
            _sum_tallies(self.mentions, other.mentions, MENTION_METRICS),
        )


def _sum_tallies(
    a: tuple[tuple[str, Tally], ...], b: tuple[tuple[str, Tally], ...], names: Sequence[str]
) -> tuple[tuple[str, Tally], ...]:
    mine, theirs = dict(a), dict(b)
    return tuple((n, mine.get(n, Tally()) + theirs.get(n, Tally())) for n in names)


# ---------------------------------------------------------------------- matching


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip().casefold()


def _gold_place(g: GoldEvent) -> tuple[int | None, str]:
    return g.geonames_id, norm(g.place or "")


def _pred_place(p: EventReport) -> tuple[int | None, str]:
    """A place name folded as the gazetteer folds names: "Al Bāb" is "Al-Bab"."""
    loc = p.location
    return (loc.geonames_id, norm(loc.name)) if loc else (None, "")


def place_agreement(g: GoldEvent, p: EventReport) -> int | None:
    """2 for the same place, 1 when one side is null, None when they differ."""
    (gid, gname), (pid, pname) = _gold_place(g), _pred_place(p)
    if not gname and gid is None or not pname and pid is None:
        return 1
    if (gid is not None and gid == pid) or (gname and gname == pname):
        return 2
    return None


def _pred_date(p: EventReport) -> dt.date | None:
    """The predicted day; an unresolved date (a stand-in) is None, and
    so are a month and a year ("in March", "in 2014"): they state no day."""
    d = p.date
    if d is None or d.precision in ("unresolved", "month"):
        return None
    if d.precision == "range" and d.date and d.end_date and (d.end_date - d.date).days > 31:
        return None
    return d.date


def _stated_date(g: GoldEvent, p: EventReport) -> dt.date | None:
    """The day a report gives an event: an unresolved date is the publication date the
    record falls back to, except against a gold event with no date either (both say
    the text gives none); a short range ("on February 25 and 26", "over the weekend")
    gives the gold day when it holds it."""
    if p.date is not None and p.date.precision == "unresolved" and g.date is not None:
        return p.date.date
    if g.date is not None and _holds(p, g.date):
        return g.date
    return _pred_date(p)


def _holds(p: EventReport, day: dt.date) -> bool:
    """Whether the report's date is a short range that holds ``day``, or the month of
    which ``day`` is the first (annotators wrote a month as null or as its first day)."""
    month = _month_of(p)
    if month is not None:
        return day.day == 1 and (day.year, day.month) == month
    d = p.date
    if d is None or d.precision != "range" or d.date is None or d.end_date is None:
        return False
    return (d.end_date - d.date).days <= MAX_RANGE_DAYS and d.date <= day <= d.end_date


def _month_of(p: EventReport) -> tuple[int, int] | None:
    """(year, month) of a report dated by a month only ("in March")."""
    d = p.date
    if d is None or d.precision != "month" or d.date is None:
        return None
    return d.date.year, d.date.month


# The longest date range that states a day (a year's range states no day).
MAX_RANGE_DAYS = 2


def date_agreement(g: GoldEvent, p: EventReport) -> int | None:
    """2 for the same day, 1 within a day or when one is null, None otherwise."""
    month = _month_of(p)
    if g.date is not None and month is not None:
        same_month = (g.date.year, g.date.month) == month
        return (2 if _holds(p, g.date) else 1) if same_month else None
    pd = _pred_date(p)
    if g.date is None or pd is None:
        return 1
    if _holds(p, g.date):
        return 2
    gap = abs((g.date - pd).days)
    return 2 if gap == 0 else 1 if gap <= 1 else None


def pair_rank(g: GoldEvent, p: EventReport) -> tuple[int, int, int] | None:
    """How well ``p`` matches ``g`` (higher is better), or None when it may not."""
    if g.type == p.type:
        same = 1
    elif g.type in STRIKE_FAMILY and p.type in STRIKE_FAMILY:
        same = 0
    else:
        return None
    place, date = place_agreement(g, p), date_agreement(g, p)
    if place is None or date is None:
        return None
    return same, place, date


def match_events(gold: Sequence[GoldEvent], pred: Sequence[EventReport]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: ``(gold index, predicted index)`` pairs."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            rank = pair_rank(g, p)
            if rank is not None:
                candidates.append((rank, -gi, -pi))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _rank, ngi, npi in candidates:
        gi, pi = -ngi, -npi
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


# ---------------------------------------------------------------------- field checks

Value = Any
FieldGetter = Callable[[GoldEvent, EventReport], tuple[Value, Value]]


def _count(q: GoldCount | Quantity | None) -> tuple[int | None, int | None] | None:
    return None if q is None else (q.min, q.max)


def _weapons(g: GoldEvent, p: EventReport, attr: str) -> tuple[Value, Value]:
    gold = {w.kind: getattr(w, attr) for w in g.weapons if getattr(w, attr) is not None}
    pred = {w.kind: getattr(w, attr) for w in p.weapons if getattr(w, attr) is not None}
    return gold or None, pred or None


def _children(g: GoldEvent, p: EventReport) -> tuple[Value, Value]:
    gold = (_count(g.children_killed), _count(g.children_injured))
    pred = (_count(p.children_killed), _count(p.children_injured))
    return (None if gold == (None, None) else gold), (None if pred == (None, None) else pred)


def _place(g: GoldEvent, p: EventReport) -> tuple[Value, Value]:
    gold = None if g.place is None and g.geonames_id is None else _gold_place(g)
    pred = None if p.location is None else _pred_place(p)
    if gold is not None and pred is not None and place_agreement(g, p) == 2:
        return gold, gold
    return gold, pred


GETTERS: Mapping[str, FieldGetter] = {
    "type": lambda g, p: (g.type, p.type),
    "modality": lambda g, p: (g.modality, p.modality),
    "date": lambda g, p: (g.date, _stated_date(g, p)),
    "place": _place,
    "killed": lambda g, p: (_count(g.killed), _count(p.killed)),
    "injured": lambda g, p: (_count(g.injured), _count(p.injured)),
    "children": _children,
    "weapons_launched": lambda g, p: _weapons(g, p, "launched"),
    "weapons_intercepted": lambda g, p: _weapons(g, p, "intercepted"),
    "actor1": lambda g, p: _actor1(g, p),
}


def _actor1(g: GoldEvent, p: EventReport) -> tuple[Value, Value]:
    gold = _norm(g.actor1) or None
    pred = _norm(p.actor1.name) if p.actor1 else None
    if gold is None or p.actor1 is None or gold == pred:
        return gold, pred
    if _one_side(g.actor1, p) or _same_table_actor(g.actor1 or "", p.actor1.name):
        return gold, gold  # "GNA" and "Government of National Accord", as for speakers
    return gold, pred


def _one_side(gold_name: str | None, p: EventReport) -> bool:
    """A state and a force of that state (through the actor table's countries)."""
    pred = p.actor1
    gold = ActorTable.load().resolve(gold_name or "")
    if gold is None or pred is None or gold.country is None or gold.country != pred.country:
        return False
    return {gold.kind, pred.kind} == {"state", "force"}


def field_tallies(pairs: Iterable[tuple[GoldEvent, EventReport]]) -> dict[str, Tally]:
    """Per field, correct out of the matched pairs where either side states it."""
    out = dict.fromkeys(FIELDS, Tally())
    for g, p in pairs:
        for name in FIELDS:
            gv, pv = GETTERS[name](g, p)
            if gv is None and pv is None:
                continue
            out[name] = out[name] + Tally(int(gv == pv), 1)
    return out


# ---------------------------------------------------------------------- quotes


def _quote_norm(s: str) -> str:
    return _norm(re.sub(r"[\"“”«»„‟'‘’]", " ", s))


def quote_matches(gold: GoldQuote, pred: Quote) -> bool:
    return _quote_norm(pred.text).startswith(_quote_norm(gold.prefix))


def same_speaker(gold: str | None, pred: str | None) -> bool:
    """Same name (any case, accents folded: Erdogan, Erdoğan); or one name is the other's
    last word(s) (Trump, Donald Trump); or, for bodies, every word of the shorter name is
    in the longer one (Kyiv military administration, Kyiv City Military Administration);
    or two spellings of one actor of the table (Zelenskyy, Volodymyr Zelensky; the
    Kremlin, Russia)."""
    g, p = norm(_named(gold)), norm(_named(pred))
    if not g or not p:
        return g == p
    if g == p or g.endswith(" " + p) or p.endswith(" " + g):
        return True
    short, long = sorted((set(g.split()), set(p.split())), key=len)
    if len(short) >= 2 and short <= long:
        return True
    return _same_table_actor(gold or "", pred or "")


# Words for a person or people the article does not name ("one US official", "une source
# sécuritaire", "a resident"). Bodies ("the ministry", "l'état-major") are not in it.
_UNNAMED_HEADS = frozenset(
    [
        "official",
        "officials",
        "source",
        "sources",
        "officer",
        "officers",
        "general",
        "insider",
        "diplomat",
        "diplomats",
        "resident",
        "residents",
        "witness",
        "witnesses",
        "man",
        "woman",
        "responsable",
        "responsables",
        "officier",
        "officiers",
        "diplomate",
        "diplomates",
        "habitant",
        "habitants",
        "temoin",
        "temoins",
        "internaute",
        "homme",
        "femme",
        "cadre",
    ]
)
_NAME_PAIR = re.compile(r"\b[A-Z][a-z]+[ -][A-Z][a-z]+")


def _named(speaker: str | None) -> str:
    """The speaker as scored: a person or people the article does not name count as no
    speaker, on both sides. Gold files wrote such speakers either way (null, or "source
    sécuritaire"), and nobody can check who is behind either. A descriptor is unnamed
    when the last word, or one of the first three, of what comes before its first
    preposition or comma is one of ``_UNNAMED_HEADS`` ("one senior US official", "source
    locale de sécurité") and it holds no name of two capitalised words or one the
    actor table knows as a person ("defence minister Rustem Umerov", "le ministre Lavrov").
    """
    if not speaker:
        return ""
    chunk = re.split(r",|\b(?:at|from|of|for|in|with|de|d'|d’|du|des|à|au|aux|pour)\b", speaker)[0]
    words = [w for w in norm(chunk).split() if w]
    if not words or not (_UNNAMED_HEADS & {words[-1], *words[:3]}):
        return speaker
    if _NAME_PAIR.search(speaker):
        return speaker
    actor = ActorTable.load().resolve(speaker)
    return speaker if actor is not None and actor.kind == "person" else ""


def _same_table_actor(a: str, b: str) -> bool:
    table = ActorTable.load()
    first, second = table.resolve(a), table.resolve(b)
    return first is not None and second is not None and first.name == second.name


def score_quotes(gold: Sequence[GoldQuote], pred: Sequence[Quote]) -> tuple[Counts, Tally]:
    used: set[int] = set()
    tp, speaker = 0, Tally()
    for g in gold:
        for pi, p in enumerate(pred):
            if pi not in used and quote_matches(g, p):
                used.add(pi)
                tp += 1
                name = p.speaker.name if p.speaker else None
                speaker = speaker + Tally(int(same_speaker(g.speaker, name)), 1)
                break
    return Counts(tp, len(pred) - tp, len(gold) - tp), speaker


# ---------------------------------------------------------------------- articles


def score_article(
    gold: GoldArticle,
    reports: Sequence[EventReport],
    quotes: Sequence[Quote],
    mentions: Mapping[str, Tally] | None = None,
) -> ArticleScore:
    """The counts of one article's predictions against its gold; ``mentions`` are the
    article's place and actor resolution tallies (``evaluate.mentions``), if scored."""
    pairs = match_events(gold.events, reports)
    tp = len(pairs)
    events = Counts(tp, len(reports) - tp, len(gold.events) - tp)
    tallies = field_tallies((gold.events[gi], reports[pi]) for gi, pi in pairs)
    scored = [q for q in quotes if q.direct or gold.indirect_quotes]
    qcounts, speaker = score_quotes(gold.quotes, scored)
    return ArticleScore(
        gold.id,
        gold.lang,
        gold.split,
        events,
        tuple(tallies.items()),
        qcounts,
        speaker,
        tuple((mentions or {}).items()),
    )


# ---------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class GroupScore:
    """Summed counts of the articles of one language and split (``all`` for any)."""

    lang: str
    split: str
    articles: int
    total: ArticleScore

    @property
    def key(self) -> str:
        return f"{self.lang}/{self.split}"

    def metrics(self) -> dict[str, float | None]:
        """Metric name to value; ``None`` when there was nothing to count."""
        t = self.total
        out: dict[str, float | None] = {
            "event_precision": t.events.precision,
            "event_recall": t.events.recall,
            "event_f1": t.events.f1,
        }
        for name, tally in t.fields:
            out[f"{name}_acc"] = tally.accuracy
        out["quote_f1"] = t.quotes.f1
        out["speaker_acc"] = t.speaker.accuracy
        for name, tally in t.mentions:
            out[f"{name}_acc"] = tally.accuracy
        return out

    def to_dict(self) -> dict[str, Any]:
        t = self.total
        return {
            "lang": self.lang,
            "split": self.split,
            "articles": self.articles,
            "events": {"tp": t.events.tp, "fp": t.events.fp, "fn": t.events.fn},
            "quotes": {"tp": t.quotes.tp, "fp": t.quotes.fp, "fn": t.quotes.fn},
            "fields": {
                n: {"correct": v.correct, "total": v.total} for n, v in (*t.fields, *t.mentions)
            },
            "metrics": {k: _round(v) for k, v in self.metrics().items()},
        }


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 4)


@dataclass(frozen=True, slots=True)
class EvalResult:
    """Scores per language and split, plus the per-article counts they sum."""

    groups: tuple[GroupScore, ...]
    articles: tuple[ArticleScore, ...]

    def group(self, lang: str = ALL, split: str = ALL) -> GroupScore | None:
        return next((g for g in self.groups if g.lang == lang and g.split == split), None)

    def metrics(self) -> dict[str, float | None]:
        """Flat metric names, ``lang/split/metric``: ``en/dev/event_f1``."""
        return {f"{g.key}/{k}": v for g in self.groups for k, v in g.metrics().items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "groups": {g.key: g.to_dict() for g in self.groups},
            "articles": [
                {
                    "id": a.article_id,
                    "lang": a.lang,
                    "split": a.split,
                    "events": {"tp": a.events.tp, "fp": a.events.fp, "fn": a.events.fn},
                    "quotes": {"tp": a.quotes.tp, "fp": a.quotes.fp, "fn": a.quotes.fn},
                }
                for a in self.articles
            ],
        }


def _empty(lang: str, split: str) -> ArticleScore:
    return ArticleScore(
        "",
        lang,
        split,
        Counts(),
        tuple((f, Tally()) for f in FIELDS),
        Counts(),
        Tally(),
        tuple((m, Tally()) for m in MENTION_METRICS),
    )


def aggregate(scores: Sequence[ArticleScore]) -> EvalResult:
    """Groups for every language x split, each language over all splits, and everything."""
    langs = sorted({s.lang for s in scores})
    splits = sorted({s.split for s in scores})
    keys = [(lang, split) for lang in langs for split in [*splits, ALL]]
    keys.extend((ALL, split) for split in [*splits, ALL])
    groups = []
    for lang, split in keys:
        members = [s for s in scores if lang in (ALL, s.lang) and split in (ALL, s.split)]
        total = _empty(lang, split)
        for s in members:
            total = total + s
        groups.append(GroupScore(lang, split, len(members), total))
    return EvalResult(tuple(groups), tuple(scores))


FLOOR_MARGIN = 0.05


def raise_floors_to(
    measured: Mapping[str, float | None],
    floors: Mapping[str, float],
    margin: float = FLOOR_MARGIN,
) -> dict[str, float]:
    """Floors raised to each measured value less ``margin`` (rounded down to 0.01), never
    lowered: a floor only goes down by editing the file, in a commit that says why."""
    out = dict(floors)
    for name, value in measured.items():
        if value is None:
            continue
        proposed = max(math.floor((value - margin) * 100) / 100, 0.0)
        out[name] = max(out.get(name, 0.0), proposed)
    return dict(sorted(out.items()))


def floors_failed(measured: Mapping[str, float | None], floors: Mapping[str, float]) -> list[str]:
    """One line per metric below its floor (or not measured at all)."""
    failures = []
    for name, floor in sorted(floors.items()):
        value = measured.get(name)
        if value is None:
            failures.append(f"{name}: not measured (floor {floor:.2f})")
        elif value < floor:
            failures.append(f"{name}: {value:.3f} is below its floor {floor:.2f}")
    return failures


def raised_floors(result: EvalResult, floors: Mapping[str, float]) -> dict[str, float]:
    """``raise_floors_to`` over the metrics of an extraction evaluation."""
    return raise_floors_to(result.metrics(), floors)


def check_floors(result: EvalResult, floors: Mapping[str, float]) -> list[str]:
    """``floors_failed`` over the metrics of an extraction evaluation."""
    return floors_failed(result.metrics(), floors)
