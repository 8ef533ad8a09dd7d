"""Reports on real places for the merge tests: a strike told by several outlets."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sitroom.types import Actor, DateValue, Place, Quantity, WeaponCount
from store_factory import make_report

# name: (geonames id, lat, lon, admin1, admin2, precision)
PLACES: dict[str, tuple[int, float, float, str | None, str | None, str]] = {
    "Kyiv": (703448, 50.4547, 30.5238, "Kyiv City", None, "town"),
    "Darnytsia Raion": (710276, 50.4133, 30.6931, "Kyiv City", "Darnytsia Raion", "admin2"),
    "Obolon": (8519916, 50.5132, 30.5055, "Kyiv City", "Obolonskyi Raion", "town"),
    "Kyiv Oblast": (703446, 50.2402, 30.2316, "Kyiv Oblast", None, "admin1"),
    "Fastiv": (709248, 50.0780, 29.9196, "Kyiv Oblast", "Fastiv Raion", "town"),
    "Fastiv Raion": (709247, 50.0780, 29.9196, "Kyiv Oblast", "Fastiv Raion", "admin2"),
    "Bila Tserkva": (712165, 49.7989, 30.1153, "Kyiv Oblast", "Bila Tserkva Raion", "town"),
    "Kharkiv": (706483, 49.9818, 36.2548, "Kharkiv Oblast", "Kharkiv Raion", "town"),
    "Ukraine": (690791, 49.0, 32.0, None, None, "country"),
}


def place(name: str) -> Place:
    gid, lat, lon, admin1, admin2, precision = PLACES[name]
    return Place(
        name,
        name,
        geonames_id=gid,
        lat=lat,
        lon=lon,
        admin1=admin1,
        admin2=admin2,
        country="UA",
        precision=precision,  # type: ignore[arg-type]
    )


def day(text: str, when: dt.date, precision: str = "day") -> DateValue:
    return DateValue(when, precision, text)  # type: ignore[arg-type]


def q(low: int | None, high: int | None, qualifier: str = "exact") -> Quantity:
    return Quantity(low, high, qualifier, f"{low}")  # type: ignore[arg-type]


def report(
    article: str,
    rid: str,
    where: str = "Kyiv",
    when: dt.date = dt.date(2026, 1, 5),
    date_text: str = "on Monday",
    **kw: Any,
) -> Any:
    """A report of ``article`` at a real place on a day (Russia as actor 1)."""
    fields: dict[str, Any] = {
        "location": place(where) if where else None,
        "date": day(date_text, when),
        "actor1": Actor("Russia", "Russia", wikidata="Q159"),
        "targets": (),
    }
    fields.update(kw)
    bare = make_report(article, rid, killed=None, injured=None, weapons=False)
    return dataclasses.replace(bare, **fields)


def drones(launched: int, intercepted: int | None = None) -> tuple[WeaponCount, ...]:
    return (WeaponCount("drone", f"{launched} drones", launched=launched, intercepted=intercepted),)
