"""Event reports of one article: sentence drafts, then article-level clean-up.

1. Each sentence with triggers gives one draft per (type, trigger) with its arguments:
   date, place, actors, figures, weapons, targets, attribution, modality.
2. Drafts of one event told over several sentences are coalesced: a draft with no place
   of its own joins the latest compatible draft of its type a few sentences back; drafts
   with the same place, type, modality and date are one, unless a battle or a territory
   change claimed by one side meets one reported of the other (an attack and a claimed
   counterattack at one village). Their figures are the updated toll where a sentence
   says it grew, else the larger stated one of each kind.
3. Article-level totals ("strikes across Ukraine killed two people") are dropped when
   finer reports of the same day and country carry the figures, and drafts with nothing
   but a trigger word are dropped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from sitroom.extract.figures import Casualties
from sitroom.extract.where import PlaceCandidate, front_line_places, listed_with, struck_places
from sitroom.types import (
    Actor,
    Attribution,
    DateValue,
    EventReport,
    Mention,
    Modality,
    Place,
    Span,
    Target,
    WeaponCount,
)

COALESCE_WINDOW = 3
_FINE = frozenset({"town", "admin2"})
_CASUALTY_TYPES = frozenset({"attack", "battle", "air_raid", "interception"})


@dataclass(frozen=True)
class Draft:
    """A report in the making, before ids and clean-up."""

    unit: int
    type: str
    subtype: str | None
    modality: Modality
    trigger: Span
    evidence: tuple[Span, ...]
    date: DateValue | None
    own_date: bool
    place: Place | None
    actor1: Actor | None
    actor2: Actor | None
    participants: tuple[Actor, ...]
    figures: Casualties
    weapons: tuple[WeaponCount, ...]
    targets: tuple[Target, ...]
    attributed_to: tuple[Attribution, ...]
    strong: bool
    listed: bool = False  # one more place of a list the sentence names (``each_place``)
    ground: bool = False  # a territory change names what was taken ("seized a village")
    anaphoric: bool = False  # named as one told before: "cette attaque", "this strike"
    # GeoNames ids of the towns the sentence names, placed on this draft or not
    towns: frozenset[int] = frozenset()
    recalled: bool = False  # undated, told while the text recalls a time long past
    framing: bool = False  # told to time another: "au lendemain de son déplacement à Moscou"

    def timed_apart(self, other: Draft) -> bool:
        """Whether ``self`` and ``other`` are the event a sentence tells and the one it is
        timed by ("au lendemain de son déplacement à Moscou, il a rencontré…")."""
        return self.unit == other.unit and self.framing != other.framing

    def has_substance(self) -> bool:
        """True if the draft says more than a trigger word."""
        if self.type == "meeting" and self.subtype == "visit":
            return self.place is not None  # "est arrivé jeudi": an arrival, not a visit
        if self.type == "meeting":
            return bool(self.place or self.own_date or len(self.participants) >= 2)
        if self.type == "sanction":
            return True
        if self.type == "other" and self.actor1 is not None:
            return True  # "Russian authorities detained two managers": who acted on whom
        if (
            self.type in ("battle", "attack")
            and not self.strong
            and self.place is not None
            and self.place.precision == "country"
        ):
            # "we are fighting for Ukraine's independence": a war, not a battle; a strong
            # word ("airstrike", "clashes") names an event even so (CASE snippets)
            return bool(
                self.figures.any()
                or self.weapons
                or self.own_date
                or self.modality in ("denied", "claimed", "historical")
            )
        return bool(
            self.place
            or self.figures.any()
            or self.weapons
            or (self.own_date and self.strong)
            or (self.ground and self.strong)
            or self.modality in ("denied", "claimed")
        )


def coalesce(drafts: Sequence[Draft]) -> list[Draft]:
    """Join the drafts that tell one event (step 2 of the module docstring)."""
    out: list[Draft] = []
    for draft in drafts:
        target = _join_target(out, draft)
        if target is None:
            out.append(draft)
        else:
            out[target] = _merge(out[target], draft)
    return out


def _join_target(done: Sequence[Draft], draft: Draft) -> int | None:
    if draft.anaphoric:
        return _referent(done, draft)
    for i in range(len(done) - 1, -1, -1):
        prev = done[i]
        if prev.type != draft.type and not _toll_of_fight(prev, draft):
            continue
        if not _modalities_agree(prev, draft):
            continue
        if not _dates_agree(prev, draft) or _opposed(prev, draft):
            continue
        if prev.timed_apart(draft):
            continue
        if (
            draft.place is None
            and draft.unit - prev.unit <= COALESCE_WINDOW
            and not _elsewhere(prev, draft)
        ):
            return i
        if draft.place is None and prev.place is not None and prev.place.geonames_id in draft.towns:
            return i  # its sentence names the town of an event told before
        if (
            draft.place is not None
            and prev.place is not None
            and _same_place(prev.place, draft.place)
        ):
            return i
        if draft.place is not None and prev.place is None and draft.unit - prev.unit <= 1:
            return i
    return None


def _elsewhere(prev: Draft, draft: Draft) -> bool:
    """Whether an unplaced draft's sentence names towns, none of them the town of
    ``prev``: "a strike on a building in the town of Selydove … taking the death toll to
    three" is no more of the Kherson shelling told just before, however far the parser
    hung the town from the strike."""
    if not draft.towns or prev.place is None or prev.place.geonames_id is None:
        return False
    return prev.place.geonames_id not in draft.towns


def _toll_of_fight(prev: Draft, draft: Draft) -> bool:
    """Whether ``draft`` is only a toll ("Quatorze combattants ont été tués samedi": a
    casualty word, no attack named) told after the fight ``prev``: the fight's dead."""
    return (
        prev.type == "battle"
        and draft.type == "attack"
        and not draft.strong
        and draft.subtype in (None, "other")
        and draft.figures.any()
    )


# Kinds of violence one demonstrative may point back across: "une attaque contre un
# convoi" (an armed clash) is then "cet attentat".
_VIOLENCE = frozenset({"attack", "battle", "air_raid"})


def _referent(done: Sequence[Draft], draft: Draft) -> int | None:
    """The event "cette attaque", "this strike" points back to: the latest draft of its
    type (or of violence, for violence) told a few sentences before; the place or date
    its own sentence adds are that event's, not a new one's."""
    for i in range(len(done) - 1, -1, -1):
        prev = done[i]
        if draft.unit - prev.unit > ANAPHORA_WINDOW:
            return None
        same = prev.type == draft.type or {prev.type, draft.type} <= _VIOLENCE
        if same and prev.modality in (draft.modality, "reported", "claimed"):
            return i
    return None


ANAPHORA_WINDOW = 4


def _modalities_agree(a: Draft, b: Draft) -> bool:
    """Same modality, or, for territory, a report and the claim it comes from ("Moscow
    claimed the capture of the city" then "the fall of Mariupol")."""
    if a.modality == b.modality:
        return True
    if {a.modality, b.modality} != {"reported", "claimed"}:
        return False
    if a.type == "territory_change":
        return True
    # the same strike, reported in one sentence and blamed in another
    return a.place is not None and b.place is not None and _same_place(a.place, b.place)


_OPPOSABLE = frozenset({"battle", "territory_change"})


def _opposed(a: Draft, b: Draft) -> bool:
    """Whether two drafts, one reported and one claimed, name opposite sides as the
    actor: "Russian forces attacked near Toretske" and "milbloggers claimed that Ukrainian
    forces counterattacked near Toretske" are two fights. Two reports of one modality
    stay joinable (a fight told from each side), and strikes are left out: the side a
    strike sentence names is often its victim."""
    if a.type not in _OPPOSABLE or a.actor1 is None or b.actor1 is None:
        return False
    if a.modality == b.modality:
        return False
    sides = {a.actor1.country, b.actor1.country}
    return None not in sides and len(sides) == 2


def _dates_agree(a: Draft, b: Draft) -> bool:
    if not (a.own_date and b.own_date) or a.date is None or b.date is None:
        return True
    return a.date.date == b.date.date


def _same_place(a: Place, b: Place) -> bool:
    if a.geonames_id is not None and b.geonames_id is not None:
        return a.geonames_id == b.geonames_id
    return a.name.lower() == b.name.lower()


def _merge(a: Draft, b: Draft) -> Draft:
    date, own = (a.date, a.own_date) if a.own_date or not b.own_date else (b.date, b.own_date)
    subtype = a.subtype if a.subtype not in (None, "other") else b.subtype
    modality = a.modality
    if {a.modality, b.modality} == {"reported", "claimed"}:
        modality = "claimed" if a.type == "territory_change" else "reported"
    return replace(
        a,
        subtype=subtype,
        modality=modality,
        evidence=_unique(a.evidence + b.evidence),
        date=date,
        own_date=own,
        place=a.place or b.place,
        actor1=a.actor1 or b.actor1,
        actor2=a.actor2 or b.actor2,
        participants=_unique_actors(a.participants + b.participants),
        figures=_figures(a, b),
        weapons=a.weapons or b.weapons,
        targets=_unique_targets(a.targets + b.targets),
        attributed_to=a.attributed_to or b.attributed_to,
        strong=a.strong or b.strong,
    )


def _figures(a: Draft, b: Draft) -> Casualties:
    """The figures of two drafts of one event: an updated toll wins; the dead of one who
    were among the wounded of the other add to its dead; else the larger of each."""
    if _updates(b):
        return b.figures.fill(a.figures)
    fa, fb = a.figures, b.figures
    if fa.killed is not None and fb.killed is not None and fa.of_wounded != fb.of_wounded:
        first, later = (fb, fa) if fa.of_wounded else (fa, fb)
        return first.and_died_of_wounds(later)
    return fa.most(fb)


# A toll that replaces an earlier one: "the death toll rose to 31", "le bilan s'est
# alourdi à 12", "the number of victims increased to four", "taking the toll to three".
_UPDATE = re.compile(
    r"\b(?:rose|risen|rises|increased|climbed|grew|jumped)\s+to\b|\bnow\s+stands\s+at\b"
    r"|\b(?:taking|took|takes|bringing|brought|brings)\s+the\s+(?:death\s+)?toll\s+to\b"
    r"|\b(?:alourdi|grimpé|passé|augmenté)\s+à\b|\bs['’]élève\s+désormais\b",
    re.IGNORECASE,
)


def _updates(d: Draft) -> bool:
    """Whether a draft's figures update those told before (an updated toll wins)."""
    return d.figures.any() and any(_UPDATE.search(e.text) for e in d.evidence)


def drop_totals(drafts: Sequence[Draft]) -> list[Draft]:
    """Step 3: drop article-level totals and drafts without substance.

    A coarse attack report (a country, an oblast, no place) on the day of finer ones is an
    article-level total when the finer ones state figures of their own; when they do not
    ("The massacre of Kramatorsk" / "the station of this Donbas city was hit on Friday…
    52 people died"), it is the same event told in coarser words and fills them in. So is
    an oblast's battle on the day of battles at its villages: "Russian forces continued
    offensive operations in northern Kharkiv Oblast but did not advance" sums up the
    village lines after it. Fighting on a river or in a named land (a ``region``) stays
    its own. A tally of the whole war ("the war, which has killed more than a million";
    "depuis le début de l'invasion") is never an event.
    """
    out = [d for d in drafts if d.has_substance() and not war_tally(d)]
    for d in list(out):
        if d.type not in ("attack", "battle"):
            continue
        fine = _finer_report(d, out)
        if fine is None:
            continue
        i = out.index(fine)
        if not (fine.figures.any() or fine.weapons):
            out[i] = _merge(fine, replace(d, place=None))
        out.remove(d)
    return out


# What makes a figure a tally of a war rather than of one event: it runs "since" the war
# began, "so far", over years; or the war itself is what kills.
_WAR_TALLY = re.compile(
    r"\bsince\s+(?:the\s+(?:start|beginning|outbreak)|the\s+(?:full-scale\s+)?invasion"
    r"|the\s+war|moscow|russia|(?:february\s+)?20\d\d|(?:it|the\s+war)\s+began)"
    r"|\b(?:so\s+far\s+in\s+the\s+war|to\s+date|in\s+total|over\s+the\s+(?:past|last)"
    r"\s+(?:\w+\s+)?years|(?:two|three|four|five|\d+)\s+years\s+(?:of|later|into))\b"
    r"|\b(?:the|this)\s+(?:war|conflict|invasion)(?:\s*,\s*which)?\s+(?:has|have|had)\s+"
    r"(?:\w+\s+){0,3}(?:killed|claimed|left|devastated)"
    r"|\bsince\s+(?:the\s+)?(?:launch|start)\s+of\s+(?:the\s+)?operation"
    r"|\bsince\s+(?:last\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"(?:\s+20\d\d)?\b|\ba\s+total\s+of\b"
    r"|\bdepuis\s+(?:le\s+d[ée]but|l['’]invasion|le\s+24\s+f[ée]vrier|f[ée]vrier\s+20\d\d"
    r"|20\d\d|l['’]op[ée]ration|le\s+lancement|le\s+d[ée]clenchement)"
    r"|\bdepuis\s+(?:(?:plus\s+de\s+)?\w+\s+)?(?:ans|années|décennies)\b"
    r"|\bau\s+total\b|\bla\s+guerre\s+(?:a|qui\s+a)\s+(?:\w+\s+){0,2}(?:fait|tué)",
    re.IGNORECASE,
)
_TALLY_SIZE = 1000


def war_tally(d: Draft) -> bool:
    """Whether an attack or battle draft is a war's running tally, not an event: no place
    finer than an oblast, and figures of a thousand or more, or figures with words that
    run them over the war."""
    if d.type not in ("attack", "battle") or (d.place and d.place.precision in _FINE):
        return False
    sizes = [q.min or q.max or 0 for q in (d.figures.killed, d.figures.injured) if q]
    if not sizes:
        return False  # a tally counts something: "after four years of war" alone is not one
    sentence = " ".join(e.text for e in d.evidence)
    return any(n >= _TALLY_SIZE for n in sizes) or bool(_WAR_TALLY.search(sentence))


def _finer_report(d: Draft, drafts: Sequence[Draft]) -> Draft | None:
    if d.place is not None and d.place.precision in _FINE:
        return None
    if d.type == "battle" and d.place is not None and d.place.precision == "region":
        return None  # fighting on a river or in a named land is told for itself
    country = d.place.country if d.place else None
    for other in drafts:
        if other is d or other.type != d.type or other.place is None:
            continue
        if other.place.precision not in _FINE or other.modality != d.modality:
            continue
        same_country = country is None or other.place.country == country
        same_day = d.date is None or other.date is None or d.date.date == other.date.date
        if other.place.country is None and (other.figures.any() or _stated_same_day(d, other)):
            # a town the gazetteer does not list, with a toll of its own or on the day the
            # coarse report states: the coarse report ("six personnes tuées … au Burkina
            # Faso", "six humanitaires tués dimanche au Niger") tells it again
            same_country = True
        if same_country and same_day and _within(other.place, d.place):
            return other
    return None


def _stated_same_day(a: Draft, b: Draft) -> bool:
    """Whether ``a`` states a day of its own and ``b`` is dated that day."""
    return (
        a.own_date
        and b.date is not None
        and a.date is not None
        and a.date.precision == "day"
        and a.date.date == b.date.date
    )


def _within(fine: Place, coarse: Place | None) -> bool:
    """Whether ``fine`` lies in ``coarse`` as far as their admin names tell (a town of
    Donetsk Oblast is not in Kherson Oblast); a country or no place holds everything."""
    if coarse is None or coarse.precision not in ("admin1", "admin2"):
        return True
    if coarse.precision == "admin2" and coarse.admin2 and fine.admin2:
        return fine.admin2 == coarse.admin2
    return not (coarse.admin1 and fine.admin1) or fine.admin1 == coarse.admin1


def finish(
    drafts: Sequence[Draft],
    article_id: str,
    published: dt.date | None,
    lang: str,
    fallback_place: Place | None,
) -> list[EventReport]:
    """Turn clean drafts into ``EventReport`` records with stable ids."""
    reports = []
    for d in drafts:
        date = d.date
        if date is None or date.date is None:
            date = DateValue(published, "unresolved", "") if published else None
        place = d.place
        if place is None and d.type == "air_raid":
            place = fallback_place
        reports.append(
            EventReport(
                report_id=_report_id(article_id, d),
                article_id=article_id,
                type=d.type,
                subtype=d.subtype if d.type in ("attack", "sanction", "other") else None,
                modality=d.modality,
                evidence=d.evidence,
                date=date,
                location=place,
                actor1=d.actor1,
                actor2=d.actor2,
                participants=d.participants,
                killed=d.figures.killed if d.type in _CASUALTY_TYPES else None,
                injured=d.figures.injured if d.type in _CASUALTY_TYPES else None,
                children_killed=d.figures.children_killed,
                children_injured=d.figures.children_injured,
                weapons=d.weapons,
                targets=d.targets,
                attributed_to=d.attributed_to,
                trigger=d.trigger,
                confidence=_confidence(d),
                language=lang,
            )
        )
    return reports


def _confidence(d: Draft) -> float:
    score = 0.4 + (0.1 if d.strong else 0.0)
    score += 0.15 if d.place else 0.0
    score += 0.1 if d.own_date else 0.0
    score += 0.1 if (d.figures.any() or d.weapons) else 0.0
    score += 0.05 if d.attributed_to else 0.0
    score += 0.05 if (d.actor1 or d.participants) else 0.0
    return min(score, 0.95)


def _report_id(article_id: str, d: Draft) -> str:
    key = f"{article_id}:{d.type}:{d.trigger.start}"
    if d.listed and d.place is not None:
        key += f":{d.place.start}"  # the places of a list share their trigger
    return "rp_" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _unique(spans: Sequence[Span]) -> tuple[Span, ...]:
    seen: dict[tuple[int, int], Span] = {}
    for s in spans:
        seen.setdefault((s.start, s.end), s)
    return tuple(sorted(seen.values(), key=lambda s: s.start))


def _unique_actors(actors: Sequence[Actor]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for a in actors:
        seen.setdefault(a.wikidata or a.name.lower(), a)
    return tuple(seen.values())


def _unique_targets(targets: Sequence[Target]) -> tuple[Target, ...]:
    seen: dict[str, Target] = {}
    for t in targets:
        seen.setdefault(t.category, t)
    return tuple(seen.values())


def headline_towns(
    drafts: list[Draft],
    mentions: Sequence[Mention],
    paragraphs: Sequence[Span],
    resolve: Callable[[str], Place | None],
) -> list[Draft]:
    """A headline that places its event only in a country ("Frappe mortelle … du centre de
    l'Ukraine") takes the town its lede names, when the lede names one town of that
    country and tells no event of its own ("La ville de Krementchouk … a été endeuillée")."""
    if len(paragraphs) < 2:
        return drafts
    head, lede = paragraphs[0], paragraphs[1]
    if any(d.evidence and lede.start <= d.evidence[0].start < lede.end for d in drafts):
        return drafts
    towns: dict[int, tuple[Mention, Place]] = {}
    for m in mentions:
        if m.kind == "place" and m.label == "town" and lede.start <= m.start < lede.end:
            place = resolve(m.text)
            if place is not None and place.geonames_id is not None:
                towns.setdefault(place.geonames_id, (m, place))
    out = []
    for d in drafts:
        in_head = bool(d.evidence) and head.start <= d.evidence[0].start < head.end
        country = (
            d.place.country if d.place is not None and d.place.precision == "country" else None
        )
        same = [(m, p) for m, p in towns.values() if country is not None and p.country == country]
        if in_head and len(same) == 1:
            m, town = same[0]
            d = replace(d, place=replace(town, text=m.text, start=m.start, end=m.end))
        out.append(d)
    return out


def each_place(
    draft: Draft,
    candidates: Sequence[PlaceCandidate],
    text: str,
    locatives: frozenset[str] = frozenset(),
) -> list[Draft]:
    """One draft per place of a list ("strikes on Kirovohradska, Kyivska and Vinnytska
    oblasts" are three attacks, "talks in Geneva and Abu Dhabi" two meetings). Figures and
    weapons stay with the place the event was read at: the sentence does not say how they
    are shared. A battle of a front-line sentence is fought at each of its towns and
    villages that are not reference points ("attacked northeast of Borova near
    Kruhlyakivka; north of Borova toward Novoplatonivka"), and an advance made at each
    ("advanced into Holubivka and near Orikhovo-Vasylivka (all northeast of
    Kostyantynivka)")."""
    if draft.place is None:
        return [draft]
    others = listed_with(draft.place, candidates, text)
    more: list[Place] = []
    if draft.type in ("battle", "territory_change"):
        more = front_line_places(draft.place, candidates)
    elif draft.type == "attack":
        more = struck_places(draft.place, candidates, locatives)
    seen = {p.start for p in others}
    others += [p for p in more if p.start not in seen]
    others.sort(key=lambda p: p.start)
    return [
        draft,
        *(replace(draft, place=p, figures=Casualties(), weapons=(), listed=True) for p in others),
    ]
