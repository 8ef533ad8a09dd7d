"""Resolve stage: places against an offline GeoNames gazetteer, actors against a
curated alias table.

- ``Gazetteer`` / ``build_gazetteer``: the indexed SQLite gazetteer (built on first use);
- ``Geocoder`` / ``GeoContext``: a place name as written -> a ``Place``;
- ``PlaceScanner`` / ``scan_places``: place mentions of a text, without NLP;
- ``ActorTable`` / ``person_actor``: actors and people -> ``Actor``;
- ``reconcile`` / ``scan_all``: place and actor mentions together, non-overlapping;
- ``Lookups``: all of the above, loaded once.
"""

from sitroom.resolve.actors import ActorEntry, ActorTable, person_actor
from sitroom.resolve.gazetteer import (
    GAZETTEER_VERSION,
    Candidate,
    Gazetteer,
    GeoRecord,
    build_gazetteer,
    default_path,
)
from sitroom.resolve.geocode import Geocoder, GeoContext
from sitroom.resolve.lookups import Lookups, reconcile, scan_all, scan_places
from sitroom.resolve.scan import PlaceScanner
from sitroom.resolve.text import norm

__all__ = [
    "GAZETTEER_VERSION",
    "ActorEntry",
    "ActorTable",
    "Candidate",
    "Gazetteer",
    "GeoContext",
    "GeoRecord",
    "Geocoder",
    "Lookups",
    "PlaceScanner",
    "build_gazetteer",
    "default_path",
    "norm",
    "person_actor",
    "reconcile",
    "scan_all",
    "scan_places",
]
