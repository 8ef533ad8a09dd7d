"""One object for everything the resolve stage loads: ``Lookups``.

It bundles the gazetteer, the geocoder, the place scanner and the actor table, and
offers what the pipeline needs of them (``scan``, ``place``, ``capital``, ``country``,
``actors``). ``reconcile`` merges place and actor mentions into one non-overlapping
list; ``scan_places`` and ``scan_all`` use a default ``Lookups`` loaded once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sitroom.resolve.actors import ActorTable
from sitroom.resolve.gazetteer import Gazetteer
from sitroom.resolve.geocode import Geocoder, GeoContext
from sitroom.resolve.scan import PlaceScanner
from sitroom.types import Mention, Place

# Among overlapping mentions of the same length: a person, then a place, then an actor.
_PRIORITY = {"person": 0, "place": 1}


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def reconcile(places: Sequence[Mention], actors: Sequence[Mention]) -> list[Mention]:
    """Place and actor mentions merged, sorted and without overlaps.

    A person always wins over a place it overlaps ("Vladimir Putin" over the town of
    Vladimir, "Dmitriev" over the town of Dmitriyev). Otherwise the longer mention wins
    ("Ukraine's air force" over "Ukraine"), and at equal length a place wins over a
    state or organisation ("Russia", "Moscow").
    """
    people = [m for m in actors if m.kind == "person"]
    kept_places = [p for p in places if not any(_overlap(p, q) for q in people)]
    pool = sorted(
        [*kept_places, *actors],
        key=lambda m: (m.start - m.end, _PRIORITY.get(m.kind, 2), m.start),
    )
    taken: list[Mention] = []
    for m in pool:
        if not any(_overlap(m, t) for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: (m.start, m.end))


@dataclass
class Lookups:
    """Gazetteer, geocoder, place scanner and actor table, loaded once and shared."""

    gazetteer: Gazetteer
    geocoder: Geocoder
    places: PlaceScanner
    actors: ActorTable

    @classmethod
    def load(cls, gazetteer: Path | str | None = None, actors: Path | str | None = None) -> Lookups:
        """Open the gazetteer (building it on first use) and the actor table."""
        gaz = Gazetteer.open(gazetteer)
        geocoder = Geocoder(gaz)
        return cls(gaz, geocoder, PlaceScanner(geocoder), ActorTable.load(actors))

    def scan_places(self, text: str) -> list[Mention]:
        """Place mentions of ``text``."""
        return self.places.scan(text)

    def scan(self, text: str) -> list[Mention]:
        """Place, person and actor mentions of ``text``, reconciled (see ``reconcile``)."""
        return reconcile(self.places.scan(text), self.actors.scan(text))

    def place(self, text: str, country: str | None = None) -> Place | None:
        """The place ``text`` names, preferring places in ``country`` (ISO code)."""
        context = GeoContext(countries=(country,)) if country else None
        return self.geocoder.resolve(text, context=context)

    def place_of(self, geonameid: int, text: str) -> Place | None:
        """The gazetteer place ``geonameid`` as written ``text`` (a scanned mention's ref)."""
        return self.geocoder.place_of(geonameid, text)

    def population(self, geonameid: int) -> int:
        """How many people live at gazetteer place ``geonameid`` (0 when unknown)."""
        record = self.gazetteer.get(geonameid)
        return record.population if record is not None else 0

    def area(self, text: str) -> Place | None:
        """The country, oblast or raion ``text`` names ("Sumy Oblast", "oblast de Soumy",
        "Bucha Raion"), or ``None`` when it names a town or nothing known."""
        place = self.geocoder.resolve(text)
        return place if place and place.precision in ("country", "admin1", "admin2") else None

    def capital(self, country: str) -> Place | None:
        """The capital of ``country`` (ISO code)."""
        return self.geocoder.capital(country)

    def country(self, code: str) -> Place | None:
        """The country with ISO code ``code``."""
        return self.geocoder.country(code)


@cache
def default_lookups() -> Lookups:
    """The ``Lookups`` of the default gazetteer and actor table (loaded once)."""
    return Lookups.load()


def scan_places(text: str) -> list[Mention]:
    """Place mentions of ``text`` with the default gazetteer."""
    return default_lookups().scan_places(text)


def scan_all(text: str) -> list[Mention]:
    """Place, person and actor mentions of ``text``, sorted and non-overlapping."""
    return default_lookups().scan(text)


def area_of(text: str) -> Place | None:
    """The country, oblast or raion ``text`` names with the default gazetteer, if any
    (what a place filter reads as an area: "Sumy Oblast", "oblast de Soumy")."""
    return default_lookups().area(text)
