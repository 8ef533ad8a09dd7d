"""From a place name as written to one gazetteer place: ``Geocoder.resolve``.

Ranking of the places a name may refer to (``Geocoder.rank``), highest first:

1. hand-curated names that mean one place before any other ("Odessa" -> Odesa, UA);
2. countries before anything else of the same name ("Luxembourg", "Mexico");
3. a place's own name before a name it once had or has in another language, except
   for capitals ("Oleksandrivka" is a village before it is an old name of Donetsk, but
   "Pékin" is Beijing before Pekin, Illinois);
4. the country context of the article (+3 for its main country, +1.5 for the others)
   and the admin1 areas named in it (+4);
5. a town within 30 km of a place named close by in the text (+8): "Lyman, Stavky and
   Yampil" is the Stavky next to Lyman, "fighting near Slavyansk: Andriivka" the
   Andriivka next to Sloviansk, whatever their own names or sizes;
6. the kind of place: capital > regional capital > district centre > village, and a
   bare name means the town rather than the admin area named after it ("Sumy");
7. population (log scale).

Admin words pick the area instead of the town: "Sumy region", "Sumy Oblast", "région de
Soumy", "oblast de Soumy", "Kyiv regional" -> the ADM1; "Fastiv district", "Fastiv raion"
-> the ADM2. "the capital", "la capitale", "the Ukrainian capital" -> the capital of the
context country (or of the country the adjective names).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sitroom.resolve.gazetteer import Candidate, Gazetteer, GeoRecord
from sitroom.resolve.text import norm
from sitroom.types import Mention, Place, PlacePrecision

FEATURE_BONUS = {
    "PPLC": 3.0,
    "PPLA": 2.0,
    "PPLA2": 1.0,
    "PPLA3": 0.5,
    "PPLX": -1.0,
    "PPLH": -2.0,
    "PPLQ": -1.5,
    "ADM1": -3.0,
    "ADM2": -3.5,
    "ADM3": -4.0,
    "RGN": 1.0,
    "AIRP": -2.0,
    "PS": -1.0,
    "STM": -3.0,  # a river only where the text says so (the place scanner's river cues)
}
COUNTRY_BONUS = 10.0
PREFERRED_BONUS = 20.0
CONTEXT_COUNTRY_BONUS = 3.0
CONTEXT_ADMIN1_BONUS = 4.0
NAME_BONUS = 6.0
NEAR_BONUS = 8.0
NEAR_KM = 30.0

Point = tuple[float, float]


def km_between(a: Point, b: Point) -> float:
    """Great-circle distance in km between two (lat, lon) points (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def places_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places, when both have coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return km_between((a.lat, a.lon), (b.lat, b.lon))


def bearing(a: Point, b: Point) -> float:
    """Initial compass bearing in degrees (0 = north, 90 = east) from ``a`` to ``b``."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    y = math.sin(lon2 - lon1) * math.cos(lat2)
    x = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    return math.degrees(math.atan2(y, x)) % 360.0


def point_of(record: GeoRecord) -> Point | None:
    """Where a gazetteer place lies, if its record has coordinates."""
    return None if record.lat is None or record.lon is None else (record.lat, record.lon)


# Admin words after the name ("Sumy region") and before it ("région de Soumy").
ADMIN1_WORDS = (
    "region",
    "regional",
    "oblast",
    "obl",
    "province",
    "governorate",
    "krai",
    "kray",
    "région",
    "régional",
    "régionale",
    "gouvernorat",
)
ADMIN2_WORDS = ("district", "raion", "rayon", "county", "municipality", "arrondissement")
_WORDS = "|".join(ADMIN1_WORDS + ADMIN2_WORDS)
ADMIN_AFTER = re.compile(rf"\s+(?P<word>{_WORDS})\b", re.IGNORECASE)
ADMIN_BEFORE = re.compile(
    rf"\b(?P<word>{_WORDS})\s+(?:of\s+(?:the\s+)?|de\s+(?:la\s+|l['’]\s*)?|du\s+|d['’]\s*)$",
    re.IGNORECASE,
)
_CAPITAL = re.compile(
    r"^(?:the\s+)?(?:(?P<adj>[\w\- ]+?)\s+)?capital(?:\s+city)?$"
    r"|^(?:la\s+)?capitale(?:\s+(?P<adj2>[\w\- ]+))?$",
    re.IGNORECASE,
)
# A leading article or preposition, as a whole word: "the capital", "l'Ukraine", "à Kiev";
# never the first letters of a name ("Aleppo", "Lattakia", "Enerhodar").
_LEADING = re.compile(r"^(?:(?:the|la|le|les|in|à|a|en|au|aux)\s+|l['’]\s*)(?=\S)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What an article has said so far about where it is: countries and admin1 areas.

    ``countries`` are ISO codes ("UA"), most important first; ``admin1`` are
    ``"COUNTRY.CODE"`` keys ("UA.21" for Sumy Oblast).
    """

    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()

    @property
    def country(self) -> str | None:
        """The main country of the context, if any."""
        return self.countries[0] if self.countries else None

    def with_country(self, code: str) -> GeoContext:
        if code in self.countries:
            return self
        return replace(self, countries=(*self.countries, code))

    def with_admin1(self, key: str) -> GeoContext:
        if key in self.admin1:
            return self
        return replace(self, admin1=(*self.admin1, key))

    def merge(self, other: GeoContext) -> GeoContext:
        out = self
        for c in other.countries:
            out = out.with_country(c)
        for a in other.admin1:
            out = out.with_admin1(a)
        return out


def precision_of(record: GeoRecord) -> PlacePrecision:
    """The ``Place.precision`` of a gazetteer place."""
    code = record.feature_code
    if code.startswith("PCL"):
        return "country"
    if code == "ADM1":
        return "admin1"
    if code in ("ADM2", "ADM3"):
        return "admin2"
    if record.feature_class in ("P", "S"):
        return "town"
    return "region"


def to_place(record: GeoRecord, text: str, start: int = -1, end: int = -1) -> Place:
    """The ``Place`` record of a gazetteer place, as written ``text`` at ``start:end``."""
    precision = precision_of(record)
    country_level = precision in ("country", "region") and record.admin1_code in ("", "00")
    admin1 = None if country_level else record.admin1_name
    admin2 = record.name if record.feature_code == "ADM2" else record.admin2_name
    return Place(
        name=record.name,
        text=text,
        geonames_id=record.geonameid,
        lat=record.lat,
        lon=record.lon,
        admin1=admin1,
        admin2=None if precision == "admin1" else admin2,
        country=record.country,
        precision=precision,
        start=start,
        end=end,
    )


def admin_level(word: str) -> int:
    """1 for a region word ("oblast", "région"), 2 for a district word ("raion")."""
    return 1 if word.lower() in ADMIN1_WORDS else 2


class Geocoder:
    """Names to places, through a ``Gazetteer``."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    # ------------------------------------------------------------ ranking

    def score(
        self, cand: Candidate, context: GeoContext | None = None, near: Sequence[Point] = ()
    ) -> float:
        """How likely ``cand`` is the place meant (see the module docstring); ``near`` are
        the points of places named close by in the text."""
        r = cand.record
        s = math.log10(r.population + 1) + FEATURE_BONUS.get(r.feature_code, 0.0)
        if r.feature_code.startswith("PCL"):
            s += COUNTRY_BONUS
        if cand.curated == 2:
            s += PREFERRED_BONUS
        if cand.primary or cand.curated > 0 or r.feature_code in ("PPLC", "PCLI"):
            s += NAME_BONUS
        if context is not None:
            if r.country in context.countries:
                first = r.country == context.countries[0]
                s += CONTEXT_COUNTRY_BONUS if first else CONTEXT_COUNTRY_BONUS / 2
            if r.admin1_key in context.admin1:
                s += CONTEXT_ADMIN1_BONUS
        where = point_of(r) if near else None
        if where is not None and any(km_between(where, p) <= NEAR_KM for p in near):
            s += NEAR_BONUS
        return s

    def rank(
        self,
        candidates: Iterable[Candidate],
        context: GeoContext | None = None,
        near: Sequence[Point] = (),
    ) -> list[Candidate]:
        """``candidates`` best first (ties broken by GeoNames id, for stable results)."""
        return sorted(candidates, key=lambda c: (-self.score(c, context, near), c.record.geonameid))

    def best(
        self,
        candidates: Sequence[Candidate],
        context: GeoContext | None = None,
        near: Sequence[Point] = (),
    ) -> GeoRecord | None:
        ranked = self.rank(candidates, context, near)
        return ranked[0].record if ranked else None

    # ------------------------------------------------------------ admin areas

    def admin_area(
        self, stem: str, level: int, context: GeoContext | None = None
    ) -> GeoRecord | None:
        """The ADM1 (``level`` 1) or ADM2 (2) area named after ``stem`` ("Sumy")."""
        cands = self.rank(self.gazetteer.candidates(norm(stem)), context)
        wanted = "ADM1" if level == 1 else "ADM2"
        for cand in cands:
            r = cand.record
            if r.feature_code == wanted:
                return r
            area = self._area_of_centre(r, level)
            if area is not None:
                return area
        if level == 2:
            for suffix in (" raion", " district"):
                ranked = self.rank(self.gazetteer.candidates(norm(stem) + suffix), context)
                if ranked and ranked[0].record.feature_code == "ADM2":
                    return ranked[0].record
        return None

    def _area_of_centre(self, r: GeoRecord, level: int) -> GeoRecord | None:
        """The area whose administrative centre is the town ``r``."""
        if level == 1 and r.feature_code in ("PPLC", "PPLA"):
            admin1 = "13" if (r.country, r.admin1_code) == ("UA", "12") else r.admin1_code
            return self.gazetteer.admin(r.country, admin1)
        if level == 2 and r.feature_code in ("PPLA2", "PPLA") and r.admin2_code:
            return self.gazetteer.admin(r.country, r.admin1_code, r.admin2_code)
        return None

    def _admin_place(
        self, stem: str, word: str, text: str, context: GeoContext | None
    ) -> Place | None:
        level = admin_level(word)
        area = self.admin_area(stem, level, context)
        if area is not None:
            return to_place(area, text)
        town = self.best(self.gazetteer.candidates(norm(stem)), context)
        if town is None or town.feature_class != "P" or town.country == "UA":
            return None
        # No admin rows for this country: the area is named after its centre.
        name = f"{town.name} {'region' if level == 1 else 'district'}"
        return Place(
            name=name,
            text=text,
            geonames_id=None,
            lat=town.lat,
            lon=town.lon,
            admin1=name if level == 1 else None,
            admin2=name if level == 2 else None,
            country=town.country,
            precision="admin1" if level == 1 else "admin2",
        )

    # ------------------------------------------------------------ resolution

    def capital(self, country: str, text: str = "") -> Place | None:
        """The capital of the country ``country`` (ISO code) as a ``Place``."""
        record = self.gazetteer.capital(country)
        return to_place(record, text or record.name) if record else None

    def country(self, code: str, text: str = "") -> Place | None:
        """The country with ISO code ``code`` as a ``Place``."""
        record = self.gazetteer.country(code)
        return to_place(record, text or record.name) if record else None

    def resolve(self, text: str, *, context: GeoContext | None = None) -> Place | None:
        """The place ``text`` names ("Kiev", "Sumy region", "Fastiv, Kyiv region", "the
        capital"), or ``None``. ``Place.text`` is ``text``; offsets are left at -1."""
        clean = _clean(text)
        if not clean:
            return None
        capital = _CAPITAL.match(clean)
        if capital:
            return self._capital_phrase(
                capital.group("adj") or capital.group("adj2"), text, context
            )
        main, *qualifiers = [p.strip() for p in clean.split(",") if p.strip()] or [""]
        for q in qualifiers:
            place = self._resolve_name(q, q, context)
            context = (context or GeoContext()).merge(self.context_of([place] if place else []))
        return self._resolve_name(main, text, context)

    def place_of(self, geonameid: int, text: str) -> Place | None:
        """The gazetteer place ``geonameid`` as written ``text``, if the gazetteer has it."""
        record = self.gazetteer.get(geonameid)
        return to_place(record, text) if record else None

    def resolve_mention(self, mention: Mention, context: GeoContext | None = None) -> Place | None:
        """The place of a scanned mention (its ``ref`` if it has one), with its offsets."""
        place = None
        if mention.ref and mention.ref.isdigit():
            place = self.place_of(int(mention.ref), mention.text)
        if place is None:
            place = self.resolve(mention.text, context=context)
        return replace(place, start=mention.start, end=mention.end) if place else None

    def context_of(self, places: Iterable[Place], base: GeoContext | None = None) -> GeoContext:
        """A context from places already resolved: their countries and admin1 areas."""
        ctx = base or GeoContext()
        for place in places:
            if place.country:
                ctx = ctx.with_country(place.country)
            record = self.gazetteer.get(place.geonames_id) if place.geonames_id else None
            if record is not None and record.feature_code in ("ADM1", "ADM2"):
                ctx = ctx.with_admin1(record.admin1_key)
        return ctx

    def _capital_phrase(
        self, adjective: str | None, text: str, context: GeoContext | None
    ) -> Place | None:
        country = self.gazetteer.demonym(adjective) if adjective else None
        if adjective and country is None:
            return None
        country = country or (context.country if context else None)
        return self.capital(country, text) if country else None

    def _resolve_name(self, name: str, text: str, context: GeoContext | None) -> Place | None:
        after = ADMIN_AFTER.search(name)
        if after and after.end() == len(name) and after.start() > 0:
            place = self._admin_place(name[: after.start()], after.group("word"), text, context)
            if place is not None:
                return place
        before = re.match(
            rf"^(?P<word>{_WORDS})\s+(?:of\s+(?:the\s+)?|de\s+(?:la\s+)?|d['’]\s*"
            r"|du\s+)(?P<stem>.+)$",
            name,
            re.IGNORECASE,
        )
        if before:
            place = self._admin_place(before.group("stem"), before.group("word"), text, context)
            if place is not None:
                return place
        record = self.best(self.gazetteer.lookup(name), context)
        return to_place(record, text) if record else None


def _clean(text: str) -> str:
    """``text`` without surrounding quotes, a leading article or a possessive."""
    out = text.strip().strip("\"“”«»'’ \u00a0").strip()
    out = _LEADING.sub("", out, count=1).strip()
    return _POSSESSIVE.sub("", out).strip()
