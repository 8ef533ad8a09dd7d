"""Where an event happened: the place mention of a sentence that the event belongs to.

Candidates are the sentence's place entities (written by the gazetteer component before
NER, or found by NER) plus "the capital" / "la capitale". A place that names a speaker
or an office ("the Kyiv regional governor", "le maire de Kiev") or that acts as a party
("Kyiv says") is not where anything happened. Among the rest the finest place closest to
the trigger in the parse wins; a locative preposition in front of it counts in its favour.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitroom.extract.units import PLACE_LABELS, Unit, path_length
from sitroom.resolve.geocode import places_km
from sitroom.types import Place, PlacePrecision

# Nouns of offices and bodies: a place that modifies one of them names an office holder.
OFFICE_WORDS = frozenset(
    [
        "governor",
        "governors",
        "mayor",
        "administration",
        "president",
        "minister",
        "ministry",
        "official",
        "officials",
        "authorities",
        "authority",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "army",
        "forces",
        "force",
        "police",
        "prosecutor",
        "prosecutors",
        "council",
        "government",
        "leader",
        "leaders",
        "envoy",
        "ambassador",
        "chief",
        "head",
        "gouverneur",
        "maire",
        "administration",
        "président",
        "ministre",
        "ministère",
        "responsable",
        "responsables",
        "autorités",
        "porte-parole",
        "armée",
        "forces",
        "police",
        "parquet",
        "gouvernement",
        "dirigeant",
        "envoyé",
        "ambassadeur",
        "chef",
    ]
)
# Penalty (in dependency arcs) for coarse places: a town two arcs further still wins.
_RANK = {"town": 0.0, "admin2": 0.5, "admin1": 1.0, "region": 1.5, "country": 2.0}
LOCATIVES_BEFORE = frozenset(
    [
        "in",
        "at",
        "near",
        "à",
        "en",
        "dans",
        "près",
        "au",
        "aux",
        "outside",
        "around",
        "over",
        "towards",
        "toward",
        "vers",
    ]
)


# Admin words after a name, or after a list of names ("Sumy and Kharkiv regions").
_AREA_PLURALS = {
    "oblasts": "oblast",
    "regions": "region",
    "provinces": "province",
    "districts": "district",
    "raions": "raion",
}
_AREA_AFTER = {"oblast": "oblast", "region": "region", "regional": "regional", **_AREA_PLURALS}
_LIST_GLUE = frozenset({",", "and", "et", "&"})
# A governor right after a place name governs its oblast: "Kharkiv governor Oleh
# Syniehubov", "Kharkiv's governor", "shelling in Kharkiv, its governor said".
_GOVERNED = (("governor",), ("'s", "governor"), ("’s", "governor"), (",", "its", "governor"))


def _governed(doc: Doc, i: int) -> bool:
    """Whether the words from token ``i`` name the governor of what precedes them."""
    return any(
        i + len(words) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words))
        for words in _GOVERNED
    )


@dataclass(frozen=True)
class PlaceCandidate:
    """A place mention of the sentence with its resolution (``None`` if unresolved)."""

    tokens: SpacySpan
    place: Place | None


class Resolve(Protocol):
    """A place name to a place; ``ref`` is the GeoNames id a scanner gave the mention."""

    def __call__(self, text: str, ref: str = "") -> Place | None: ...


Attach = Literal["any", "locative_or_modifier", "locative"]


def place_candidates(
    unit: Unit,
    resolve: Resolve,
    capital: Place | None,
    exclude: Sequence[SpacySpan],
    triggers: Sequence[SpacySpan] = (),
    last_town: Place | None = None,
) -> list[PlaceCandidate]:
    """Resolved place mentions of the sentence that can be an event's location.

    "The capital" is the capital of the article's country; "the city", "cette cité" is
    the last town the article named before this sentence (``last_town``).
    """
    trigger_tokens = {i for t in triggers for i in range(t.start, t.end)}
    out = []
    for whole in unit.sent.ents:
        if whole.label_ not in PLACE_LABELS:
            continue
        ent, place = _read(whole, resolve)
        if _inside(ent, exclude) or _is_office(ent):
            continue
        if _AFFILIATION.match(unit.sent.doc.text, ent.end_char):
            continue  # "the Moscow-controlled city of Melitopol" happened in Melitopol
        if _FORCES_OF.match(unit.sent.doc.text, ent.end_char):
            continue  # "Kiev forces' shelling of a checkpoint": whose forces, not where
        if _is_party(ent) or _is_agent(ent, trigger_tokens) or _is_topic(ent):
            continue
        if _is_destination(ent):
            continue  # "évacués vers l'hôpital de Gao": where the wounded went
        if _names_a_sector(ent):
            continue  # "in the Borova direction": a stretch of front, not where it was
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ in _VESSELS:
            continue  # "the cruiser Moskva was hit": a ship's name, not Moscow
        place = place or _unlisted(ent)
        out.append(PlaceCandidate(ent, _placed(place, unit, ent)))
    out = _in_named_areas(out, resolve, unit)
    for key, place in (("capital", capital), ("anaphora", last_town)):
        if place is None:
            continue
        for cue in unit.get(key):
            if _inside(cue, exclude) or _followed_by_name(cue):
                continue
            if key == "capital" and _of_a_region(cue):
                continue
            span = unit.span_of(cue)
            out.append(
                PlaceCandidate(cue, replace(place, text=span.text, start=span.start, end=span.end))
            )
    return out


def place_mentions(unit: Unit, resolve: Resolve) -> list[PlaceCandidate]:
    """Every place mention of the sentence, resolved, whatever part it plays in it
    (where something happened, an office, a party): what the article names."""
    out = [
        PlaceCandidate(ent, _placed(place, unit, ent))
        for ent, place in (
            _read(whole, resolve) for whole in unit.sent.ents if whole.label_ in PLACE_LABELS
        )
    ]
    return _in_named_areas(out, resolve, unit)


def name_of(ent: SpacySpan) -> str:
    """The name to look up for a place entity: with the admin word that follows it or
    the list it ends ("Donetsk, Luhansk and Kherson oblasts" are three oblasts, "the Kyiv
    regional governor" governs the oblast), else as written."""
    doc = ent.doc
    if _governed(doc, ent.end):
        return f"{ent.text} regional"  # "Kharkiv governor", "Kharkiv, its governor"
    i = ent.end
    while i < len(doc) and (doc[i].ent_type_ in PLACE_LABELS or doc[i].lower_ in _LIST_GLUE):
        i += 1
    word = doc[i].lower_ if i < len(doc) else ""
    if i == ent.end and word in _AREA_AFTER:
        return f"{ent.text} {_AREA_AFTER[word]}"
    if word in _AREA_PLURALS and doc[i - 1].ent_type_ in PLACE_LABELS:
        return f"{ent.text} {_AREA_PLURALS[word]}"
    return ent.text


def _read(whole: SpacySpan, resolve: Resolve) -> tuple[SpacySpan, Place | None]:
    """An entity and the place it names: as the table names it whole ("la région de
    Wonsan"), else by the name inside it ("la province d'Abyane")."""
    place = _resolve_ent(whole, resolve)
    if place is not None:
        return whole, place
    ent = _name_part(whole)
    return ent, (_resolve_ent(ent, resolve) if ent is not whole else None)


def _resolve_ent(ent: SpacySpan, resolve: Resolve) -> Place | None:
    """The place an entity names, read with its admin word when that names an area
    ("Kherson oblasts"), else as written ("the Donbas region" is the region itself). A
    name the model alone found must be capitalised somewhere."""
    if not ent.kb_id_ and not any(t.text[:1].isupper() for t in ent):
        return None  # the model's "the east bank" is no town called East Bank
    name = name_of(ent)
    place = resolve(name) if name != ent.text else None
    place = place if place is not None else resolve(ent.text, ent.kb_id_)
    if place is not None and _acronym_of_a_name(ent, place.name):
        return None  # "SIM cards": no town called Sim
    return place


def _acronym_of_a_name(ent: SpacySpan, name: str) -> bool:
    """Whether an all-capital word that modifies a noun ("SIM cards") was read as a place
    written otherwise ("Sim"): an acronym, not the place. A place listed in capitals
    ("UK", "USA") is written so, and a caption in capitals ("KHERSON, UKRAINE") is
    followed by no noun."""
    text, doc = ent.text, ent.doc
    if not (len(text) > 1 and text.isupper() and name.upper() == text and name != text):
        return False
    return ent.end < len(doc) and doc[ent.end].is_lower and doc[ent.end].is_alpha


# A settlement or an area the text says is one, just before its name: "la localité de
# Kouré", "the village of Krynky", "le district de Seyagird".
_TOWN_NOUNS = ("localité", "village", "ville", "commune", "bourgade", "town", "city")
# A building of a settlement named after it: "la grande mosquée de Salmossi".
_BUILDING_NOUNS = ("mosquée", "église", "marché", "école", "hôpital", "mairie", "gare",
                   "camp", "base", "réserve", "parc", "mosque", "church", "market", "school",
                   "hospital", "park", "reserve")  # fmt: skip
_AREA_NOUNS = ("région", "zone", "district", "province", "area", "region")
# The noun may take one lower-case word or "de" + one before the name: "la base aérienne
# de Belbek", "le camp de réfugiés de Mbera", "la réserve de girafes de Kouré".
_SETTLEMENT_BEFORE = re.compile(
    rf"\b(?:(?P<town>{'|'.join(_TOWN_NOUNS + _BUILDING_NOUNS)})|(?P<area>{'|'.join(_AREA_NOUNS)}))"
    r"(?:\s+(?:(?:de|d['’])\s*)?(?-i:[^\W\d_A-ZÀ-Ý][^\W\d_]*))?\s+(?:de|d['’]|of)\s*$",
    re.IGNORECASE,
)
_UNLISTED_MAX_WORDS = 3
_PLACE_KIND_NOUNS = frozenset(_TOWN_NOUNS + _AREA_NOUNS)


def _name_part(ent: SpacySpan) -> SpacySpan:
    """The name inside an entity the model took with its noun ("province d'Abyane",
    "village of Krynky"): the noun says what the place is, the name which one."""
    if len(ent) < 3 or ent[0].lower_ not in _PLACE_KIND_NOUNS:
        return ent
    if ent[1].lower_ not in ("de", "d'", "d’", "of") or not ent[2].text[:1].isupper():
        return ent
    return SpacySpan(ent.doc, ent.start + 2, ent.end, label=ent.label_, kb_id=ent.kb_id_)


def _unlisted(ent: SpacySpan) -> Place | None:
    """A place the gazetteer does not list, kept by its name when the text says what it
    is ("la localité de Kouré", "the village of Novoselivka", "la mosquée de Salmossi"):
    an event there is placed, with no id and no coordinates, rather than at a town named
    near it."""
    if len(ent) > _UNLISTED_MAX_WORDS or not ent.text[:1].isupper():
        return None
    before = ent.doc.text[max(0, ent.start_char - 30) : ent.start_char]
    m = _SETTLEMENT_BEFORE.search(before)
    if m is None:
        if _at_a_town(ent):
            return Place(name=ent.text, text=ent.text, precision="town")
        return None
    precision: PlacePrecision = "town" if m.group("town") else "admin2"
    return Place(name=ent.text, text=ent.text, precision=precision)


def _at_a_town(ent: SpacySpan) -> bool:
    """French "à" before a bare name places at a town ("tués le 10 décembre à Inates"):
    countries and regions take "en", "au", "aux". Not where a unit is stationed or a person
    lives ("un régiment basé à Mourmelon-le-Grand", "né à")."""
    doc = ent.doc
    if len(ent) != 1 or ent.label_ != "LOC" or ent.start < 1 or doc[ent.start - 1].lower_ != "à":
        return False
    if ent.start < 2:
        return True
    before = doc[ent.start - 2]
    if before.lower_.startswith("situé"):  # a church "située à Dablo" was hit there
        nouns = doc[max(before.i - 6, 0) : before.i]
        return not any(t.lemma_.lower() in _UNIT_NOUNS for t in nouns)
    return before.lemma_.lower() not in _HOME_WORDS


_UNIT_NOUNS = frozenset({"régiment", "bataillon", "brigade", "division", "escadron", "unité"})
# Words that say where a unit is stationed or a person lives, not where it happened.
_HOME_WORDS = frozenset(
    {"baser", "basé", "stationner", "stationné", "cantonner", "cantonné",
     "domicilier", "domicilié", "installer", "installé", "né", "naître", "résider", "vivre",
     "habiter"}
)  # fmt: skip


def _placed(place: Place | None, unit: Unit, ent: SpacySpan) -> Place | None:
    """``place`` as written at ``ent`` (article offsets)."""
    if place is None:
        return None
    span = unit.span_of(ent)
    return replace(place, text=span.text, start=span.start, end=span.end)


_REGION_WORDS = frozenset(
    {"regional", "provincial", "régionale", "régional", "provinciale", "départementale",
     "administrative", "oblast", "region", "région", "province", "district"}
)  # fmt: skip


def _of_a_region(cue: SpacySpan) -> bool:
    """ "the regional capital", "la capitale régionale", "capitale de la région": a
    region's capital is not the country's."""
    doc = cue.doc
    near = [
        t.lower_
        for t in doc[max(0, cue.start - 1) : cue.end + 3]
        if t.i not in range(cue.start, cue.end)
    ]
    return any(w in _REGION_WORDS for w in near)


_NAMED_PLACE_NOUNS = frozenset(
    {"town", "city", "village", "settlement", "region", "oblast", "district", "province",
     "vicinity", "outskirts", "area", "areas", "direction", "directions", "sector",
     "ville", "localité", "région", "commune", "bourg", "abords", "environs", "périphérie",
     "secteur"}
)  # fmt: skip


def trigger_distance(trigger: SpacySpan, cand: PlaceCandidate) -> int:
    """Dependency edges from the trigger to the place, "the town of", "the vicinity of"
    not counted: "a strike on a building in the town of Selydove" is as near as "in
    Selydove"."""
    root = cand.tokens.root
    of = root.head
    if of.lower_ in ("of", "de", "d'", "d’") and of.head.lower_ in _NAMED_PLACE_NOUNS:
        return min(path_length(trigger.root, root), path_length(trigger.root, of.head))
    return path_length(trigger.root, root)


# Words after a town's name that make it the name of a stretch of front: "the Borova
# direction", "the Dobropillya tactical area", "the Pokrovsk axis".
_SECTOR_AFTER = frozenset({"direction", "directions", "axis", "sector", "tactical"})


# Nouns a ship's name follows ("the cruiser Moskva", "le navire Admiral Makarov").
_VESSELS = frozenset(
    {"cruiser", "ship", "warship", "flagship", "frigate", "corvette", "vessel", "tanker",
     "submarine", "croiseur", "navire", "frégate", "pétrolier", "sous-marin"}
)  # fmt: skip


def _names_a_sector(ent: SpacySpan) -> bool:
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].lower_ in _SECTOR_AFTER


def _followed_by_name(cue: SpacySpan) -> bool:
    """ "the city of Kharkiv", "la ville de Kherson": the name itself follows."""
    doc = cue.doc
    nxt = doc[cue.end : cue.end + 2]
    return any(t.ent_type_ in PLACE_LABELS for t in nxt)


def _in_named_areas(
    candidates: list[PlaceCandidate], resolve: Resolve, unit: Unit
) -> list[PlaceCandidate]:
    """Re-read town names against the oblast the sentence names: "Stepove near Orikhiv
    in the Zaporizhzhia region" is the Stepove of Zaporizhzhia Oblast. A town already in
    one of the oblasts named stays, and a re-reading outside them is no better ("in Kursk
    and Sumy oblasts … near Yablunivka" keeps the Yablunivka of Sumy Oblast)."""
    areas = [c for c in candidates if c.place is not None and c.place.precision == "admin1"]
    if not areas:
        return candidates
    named = {a.place.name for a in areas if a.place is not None}
    out = []
    for cand in candidates:
        place = cand.place
        if place is not None and place.precision == "town" and place.admin1 not in named:
            area = areas[0]
            better = resolve(f"{cand.tokens.text}, {area.tokens.text}")
            if better is not None and better.precision == "town" and better.admin1 in named:
                place = _placed(better, unit, cand.tokens)
            elif _in_another_country(cand.tokens, place, areas):
                # "Plekhovo, Kursk Oblast": the text says which oblast, and the town the
                # gazetteer knows by that name lies in another country; keep the name
                name = cand.tokens.text
                place = _placed(Place(name=name, text=name, precision="town"), unit, cand.tokens)
        out.append(PlaceCandidate(cand.tokens, place))
    return out


def _in_another_country(town: SpacySpan, place: Place, areas: Sequence[PlaceCandidate]) -> bool:
    """Whether the oblast written after the town's name and a comma ("Plekhovo, Kursk
    Oblast") lies in another country than the town the gazetteer read. (Admin names of
    one country may be written otherwise in the gazetteer: no finer test than that.)"""
    doc = town.doc
    if town.end >= len(doc) or doc[town.end].text != ",":
        return False
    after = [a.place for a in areas if a.tokens.start == town.end + 1 and a.place is not None]
    other = after[0].country if after else None
    return other is not None and place.country is not None and other != place.country


# Nouns a place name may qualify as their name rather than say where something else
# happened: "the Geneva talks", "the Munich Security Conference", "les accords de Minsk".
_TALKS = frozenset(
    {"talks", "summit", "negotiations", "conference", "meeting", "agreements", "accords",
     "pourparlers", "négociations", "sommet", "conférence", "réunion", "format"}
)  # fmt: skip


def _names_talks(tokens: SpacySpan, triggers: Sequence[SpacySpan]) -> bool:
    """Whether a place names talks other than the event's own ("a strike on the day of
    the Geneva talks" was not in Geneva; "the Geneva talks" themselves were)."""
    head = tokens.root.head
    if tokens.root.dep_ not in ("compound", "amod", "nmod", "poss") or head.i in range(
        tokens.start, tokens.end
    ):
        return False
    if head.lower_ not in _TALKS:
        return False
    return not any(t.start <= head.i < t.end for t in triggers)


def choose_place(
    triggers: Sequence[SpacySpan],
    candidates: Sequence[PlaceCandidate],
    locatives: frozenset[str],
    *,
    attach: Attach = "any",
    sentence: Sequence[PlaceCandidate] = (),
) -> Place | None:
    """The place the event of ``triggers`` happened at, or ``None``.

    Score: dependency arcs to the nearest trigger, plus a penalty for coarse places,
    minus one for a locative preposition in front. With ``attached_only`` (meetings) a
    place counts only behind a locative or as a modifier of the trigger ("the Paris
    meeting"); with ``attach="locative"`` (sanctions) only behind a locative. A region
    chosen gives way to a town near its middle that the ``sentence`` names anywhere
    ("killed while performing battle mission in Donbas near Shumy village").
    """
    scored = []
    for cand in candidates:
        if cand.place is None:
            continue
        at = _settlement_noun(cand.tokens) or cand.tokens
        locative = _locative_before(at, locatives)
        path = min(path_length(t.root, at.root) for t in triggers)
        if attach == "locative" and not locative:
            continue
        if attach == "locative_or_modifier" and not (locative or _modifies(cand.tokens, triggers)):
            continue
        if _names_talks(cand.tokens, triggers):
            continue
        score = path + _RANK.get(cand.place.precision, 2.5) - (1.0 if locative else 0.0)
        if is_reference_point(cand.tokens):
            score += _REFERENCE_PENALTY  # "northeast of Kharkiv near Vovchansk": Vovchansk
        scored.append((score, cand.tokens.start, cand.place))
    if not scored:
        return None
    scored.sort(key=lambda s: s[:2])
    best = scored[0][2]
    finer = _finer_inside(best, [p for _, _, p in scored])
    if finer is None and best.precision == "region":
        finer = _finer_inside(best, [c.place for c in sentence if c.place is not None])
    return finer or best


# What joins the names of a list of places: "Kyiv, Odesa and Lviv", "in Kharkiv as well
# as in Sumy", "à Kherson et à Mykolaïv", "les régions de Kharkiv et de Soumy", "Vinnytsia
# et surtout Kiev".
_PLACE_LIST_GLUE = re.compile(
    r"^(?:\s*,\s*|\s*,?\s+(?:and|et|or|ou|as\s+well\s+as|along\s+with|ainsi\s+qu['’]?)\s*)"
    r"(?:(?:especially|particularly|notably|surtout|notamment|en\s+particulier)\s+)?"
    r"(?:(?:in|on|at|of|à|a|en|dans|sur|de|du)\s+)?(?:(?:the|la|le|les|l['’])\s*)?$",
    re.IGNORECASE,
)


def listed_with(place: Place, candidates: Sequence[PlaceCandidate], text: str) -> list[Place]:
    """The other places of the list ``place`` is named in ("attacks on Kirovohradska,
    Kyivska and Vinnytska oblasts"), in text order; countries never ("Russia and
    Ukraine" are parties more often than places)."""
    if place.precision == "country" or place.start < 0:
        return []
    named = sorted(
        (c.place for c in candidates if c.place is not None and c.place.start >= 0),
        key=lambda p: p.start,
    )
    at = next((i for i, p in enumerate(named) if p.start == place.start), None)
    if at is None:
        return []
    first = last = at
    while first > 0 and _glued(named[first - 1], named[first], text):
        first -= 1
    while last + 1 < len(named) and _glued(named[last], named[last + 1], text):
        last += 1
    if last - first == 1 and text[named[first].end : named[last].start].strip() == ",":
        return []  # "Miami, Florida": two names and a comma say where the first is
    return [
        p
        for p in named[first : last + 1]
        if p.start != place.start and p.precision != "country" and p.name != place.name
    ]


def _glued(a: Place, b: Place, text: str) -> bool:
    """Whether ``b`` follows ``a`` in a list; "Fastiv, Kyiv region" or "Kopanky, dans la
    région de Kharkiv" (a comma, then a larger area) says where ``a`` is instead."""
    between = text[a.end : b.start] if a.end <= b.start else None
    if between is None or not _PLACE_LIST_GLUE.match(between):
        return False
    conjunction = between.strip() not in ("", ",") and not _PREPOSITION_ONLY.match(between)
    larger = _SIZE.get(b.precision, 0) > _SIZE.get(a.precision, 0)
    return conjunction or not larger


_PREPOSITION_ONLY = re.compile(
    r"^\s*,\s*(?:(?:in|à|en|dans)\s+)?(?:(?:the|la|le|les|l['’])\s*)?$", re.IGNORECASE
)
_SIZE = {"town": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}


def _finer_inside(area: Place, places: Sequence[Place]) -> Place | None:
    """A town of the sentence that lies inside the chosen oblast or country: "a drone
    attack on the town of Shostka in the Sumy region" happened in Shostka; one near the
    middle of a named region without borders in the gazetteer too ("in Donbas near Shumy
    village")."""
    if area.precision == "town":
        return None
    for place in places:
        if place.precision != "town":
            continue
        if area.precision == "country" and place.country == area.country:
            return place
        if area.precision in ("admin1", "admin2") and area.name in (place.admin1, place.admin2):
            return place
        far = places_km(area, place) if area.precision == "region" else None
        if far is not None and far <= REGION_REACH_KM:
            return place
    return None


def lies_in(place: Place, area: Place) -> bool:
    """Whether the town ``place`` lies inside the coarser ``area`` (as ``choose_place``
    reads it)."""
    return _finer_inside(area, [place]) is place


# How far from the middle of a region (Donbas, Crimea) a town may lie and be inside it.
REGION_REACH_KM = 150.0


_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "north-east", "north-west", "south-east", "south-west", "nord", "sud", "est", "ouest",
     "nord-est", "nord-ouest", "sud-est", "sud-ouest"}
)  # fmt: skip
_REFERENCE_PENALTY = 3.0
_THE = frozenset({"the", "la", "le", "l'", "l’"})


def is_reference_point(tokens: SpacySpan) -> bool:
    """Whether a place is named only to locate another: "northeast of Kharkiv City near
    Vovchansk", "(east of Orikhiv)", "au nord de Bakhmout", "à 60 km au sud-est de la
    capitale Niamey"."""
    doc, i = tokens.doc, tokens.start
    if i >= 2 and doc[i - 1].lower_ in ("capital", "capitale") and doc[i - 2].lower_ in _THE:
        i -= 2  # "south-east of the capital Niamey" is "south-east of Niamey"
    if i < 2 or doc[i - 1].lower_ not in ("of", "de", "du", "d'", "d’"):
        return False
    word = doc[i - 2].lower_
    if word not in _DIRECTIONS:
        return False
    return doc[i - 1].lower_ == "of" or (i >= 3 and doc[i - 3].lower_ in ("au", "l'", "l’"))


def front_line_places(draft_place: Place, candidates: Sequence[PlaceCandidate]) -> list[Place]:
    """The other towns and villages of a front-line sentence that places them from a town
    ("attacked northeast of Borova near Kruhlyakivka and Bohuslavka; north of Borova
    toward Novoplatonivka"): each is where fighting was reported; the reference towns
    are not."""
    references = [is_reference_point(c.tokens) for c in candidates]
    if not any(references):
        return []
    return [
        c.place
        for c, reference in zip(candidates, references, strict=True)
        if c.place is not None
        and not reference
        and c.place.precision == "town"
        and c.place.start >= 0
        and c.place.start != draft_place.start
    ]


def struck_places(
    draft_place: Place, candidates: Sequence[PlaceCandidate], locatives: frozenset[str]
) -> list[Place]:
    """The other towns of a strike sentence that lists its targets each with its town
    ("struck a depot in occupied Polohy; a fuel warehouse in occupied Donetsk City; and a
    workshop near occupied Nova Karakuba"): each town behind a locative was struck, when
    the event's own town stands behind one too."""
    own = next(
        (c for c in candidates if c.place is not None and c.place.start == draft_place.start),
        None,
    )
    if own is None or draft_place.precision != "town" or not _struck_at(own.tokens, locatives):
        return []
    return [
        c.place
        for c in candidates
        if c.place is not None
        and c.place.precision == "town"
        and c.place.start >= 0
        and c.place.start != draft_place.start
        and _struck_at(c.tokens, locatives)
        and not is_reference_point(c.tokens)
    ]


def _struck_at(tokens: SpacySpan, locatives: frozenset[str]) -> bool:
    """A locative right before the name, "occupied" allowed between ("in occupied
    Polohy"); not one that says where a town is ("Selydove, a town in Donetsk")."""
    i = _word_before(tokens, ("the", "occupied"))
    doc = tokens.doc
    return (
        i >= 0 and doc[i].lower_ in locatives and (i == 0 or doc[i - 1].lower_ not in _TOWN_NOUNS)
    )


def _word_before(tokens: SpacySpan, skipped: Sequence[str]) -> int:
    """The index of the word before a name, past the ``skipped`` words (-1: none)."""
    doc = tokens.doc
    i = tokens.start - 1
    while i >= 0 and doc[i].lower_ in skipped:
        i -= 1
    return i


def _settlement_noun(tokens: SpacySpan) -> SpacySpan | None:
    """The noun that says what a place is when the name hangs on it ("dans la localité
    de Tinzawatène", "in the village of Krynky"): the phrase is placed where the noun is."""
    doc = tokens.doc
    if tokens.start < 2 or doc[tokens.start - 1].lower_ not in ("de", "d'", "d’", "of"):
        return None
    noun = doc[tokens.start - 2]
    if tokens.root.head.i != noun.i or noun.lower_ not in (*_TOWN_NOUNS, *_AREA_NOUNS):
        return None
    return doc[noun.i : noun.i + 1]


def _locative_before(tokens: SpacySpan, locatives: frozenset[str]) -> bool:
    i = _word_before(tokens, ("the", "la", "le", "l'", "les"))
    return i >= 0 and tokens.doc[i].lower_ in locatives


def _modifies(tokens: SpacySpan, triggers: Sequence[SpacySpan]) -> bool:
    head = tokens.root.head
    return any(t.start <= head.i < t.end for t in triggers) and tokens.root.dep_ in (
        "compound",
        "nmod",
        "amod",
        "poss",
        "npadvmod",
    )


def _inside(span: SpacySpan, spans: Sequence[SpacySpan]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


# A capital's or state's name before its armed forces: "Kiev forces", "Kyiv's troops".
_FORCES_OF = re.compile(
    r"(?:['’]s)?\s+(?:forces|troops|army|military|regime)\b(?!\s+(?:base|hospital|academy))",
    re.IGNORECASE,
)
# A place glued to one of these describes who holds or backs something: "Moscow-controlled",
# "Russian-occupied", "Kyiv-held", "The Hague-based": not a place where events happen.
_AFFILIATION = re.compile(
    r"-(?:controlled|held|occupied|backed|based|installed|appointed|led|allied|friendly"
    r"|aligned|run)\b",
    re.IGNORECASE,
)


def _is_office(ent: SpacySpan) -> bool:
    """True for "Kyiv regional governor", "le maire de Kiev", "Ukraine's Prime Minister"."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ in LOCATIVES_BEFORE:
        return False
    head = ent.root.head
    if head.lower_ in ("of", "de", "d'") and head.head.i != head.i:
        head = head.head
    return head.lower_ in OFFICE_WORDS or head.lemma_.lower() in OFFICE_WORDS


def _is_agent(ent: SpacySpan, trigger_tokens: set[int]) -> bool:
    """True for the doer of an event noun: "the United States' attack", "claims by
    Moscow", "attaque menée par Moscou"."""
    root = ent.root
    if root.dep_ in ("poss", "nmod:poss") and root.head.i in trigger_tokens:
        return True
    doc = ent.doc
    before = [t.lower_ for t in doc[max(ent.start - 3, 0) : ent.start]]
    if before and before[-1] in ("by", "par"):
        return True
    # "a strike attributed to Russia", "une frappe attribuée à la Russie"
    return any(w.startswith(("attribu", "imput", "blamed")) for w in before)


_TOPIC_NOUNS = frozenset(
    {"war", "conflict", "peace", "crisis", "invasion", "ceasefire", "settlement",
     "guerre", "conflit", "paix", "crise", "cessez-le-feu", "règlement"}
)  # fmt: skip


def _is_topic(ent: SpacySpan) -> bool:
    """True for the place a war or a peace is about: "the Summit on Peace in Ukraine",
    "depuis le début de la guerre en Ukraine" name no venue."""
    doc = ent.doc
    before = doc[max(ent.start - 2, 0) : ent.start]
    words = {before[0].lemma_.lower(), before[0].lower_} if len(before) == 2 else set()
    if words & _TOPIC_NOUNS and before[1].lower_ in ("in", "en", "au", "over", "on"):
        return True  # the words, whatever the parse made of them
    root = ent.root
    head = root.head
    if head.lower_ in ("in", "en", "au", "over", "on") and head.head.i != head.i:
        head = head.head
    return head.i != root.i and head.lemma_.lower() in _TOPIC_NOUNS


def _is_party(ent: SpacySpan) -> bool:
    """True when the place acts or is acted on as a party: the active subject of a verb
    ("Kyiv says", "Russia launched"), the object of a verb that tells, moves or blames
    ("urged Kyiv"), the subject of one that compels ("Moscou a été contrainte de"). A
    passive subject ("Kharkiv was hit") is still a place."""
    root = ent.root
    if root.dep_ in ("obj", "dobj") and root.head.lemma_.lower() in _ADDRESSED:
        return True  # "le massacre avait choqué la France", "urged Kyiv": whom, not where
    head = root.head
    # the participle may come out as a noun ("contrainte") or keep its agreement
    if root.dep_.startswith("nsubj") and (
        head.lemma_.lower() in _COMPELLED or head.lower_.rstrip("es") in _COMPELLED
    ):
        return True  # "Moscou a été contrainte d'abandonner": who was made to act
    return root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX")


# Verbs that carry people somewhere: to a hospital ("taken to a hospital in Kramatorsk"),
# and for the first ones anywhere ("evacuated to Dnipro"). A delegation that "flew to
# Kyiv" met there: travel names a venue.
_EVACUATE = frozenset(
    {"évacuer", "hospitaliser", "rapatrier", "evacuate", "hospitalise", "hospitalize",
     "airlift"}
)  # fmt: skip
_CARRY = _EVACUATE | frozenset(
    {"transporter", "transférer", "emmener", "acheminer", "conduire", "take", "transport",
     "transfer", "rush", "carry", "bring"}
)  # fmt: skip
_TOWARDS = frozenset({"vers", "to", "towards", "toward", "into"})
_CARE_NOUNS = frozenset({"hôpital", "hospital", "clinique", "clinic", "morgue"})


def _cares(token: Token) -> bool:
    return token.lemma_.lower() in _CARE_NOUNS or token.lower_ in _CARE_NOUNS


def _is_destination(ent: SpacySpan) -> bool:
    """True for where the wounded or evacuated were taken, not where it happened:
    "évacués vers l'hôpital militaire de Gao", "taken to a hospital in Kramatorsk",
    "evacuated to Dnipro". A hospital struck ("a strike hit the hospital in Kherson")
    keeps its town."""
    doc, sent = ent.doc, ent.sent
    i = ent.start - 1
    care = any(map(_cares, ent))  # "l'hôpital de Gao" taken whole
    # step back over the care place the name belongs to: "l'hôpital militaire de"
    for j in range(ent.start - 1, max(ent.start - 6, sent.start) - 1, -1):
        if _cares(doc[j]):
            i, care = j - 1, True
            break
    while i >= sent.start and doc[i].pos_ == "DET":
        i -= 1
    if i < sent.start:
        return False
    word = doc[i].lower_
    if not (word in _TOWARDS or care and word in ("à", "au", "in")):
        return False
    verbs = _CARRY if care else _EVACUATE
    return any(t.lemma_.lower() in verbs for t in doc[sent.start : i])


# Verbs whose passive subject is made to act, not a place: "Moscou a été contrainte de".
_COMPELLED = frozenset(
    {"contraindre", "forcer", "obliger", "pousser", "force", "compel", "oblige", "push",
     "pressure", "pressurise", "pressurize", "contraint", "forcé", "obligé", "poussé"}
)  # fmt: skip

# Verbs whose object is a party told, moved or blamed, not a place things happen at.
_ADDRESSED = frozenset(
    {"choquer", "condamner", "accuser", "exhorter", "appeler", "avertir", "menacer",
     "soutenir", "remercier", "critiquer", "shock", "condemn", "accuse", "urge", "warn",
     "threaten", "support", "thank", "criticise", "criticize", "blame", "call"}
)  # fmt: skip
