"""What the database holds, counted: places and actors with their events.

Read-only queries shared by the CLI (`sitroom places`, `sitroom actors`) and, later,
the API and dashboard.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from sitroom.store.db import Store


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """A resolved place and how many event reports and events are located there."""

    name: str
    geonames_id: int | None
    admin1: str | None
    country: str | None
    reports: int
    events: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ActorCount:
    """An actor (canonical name, Wikidata id when known) and the reports naming it."""

    name: str
    wikidata: str | None
    kind: str | None
    as_actor1: int
    as_participant: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def places(store: Store, limit: int = 100) -> list[PlaceCount]:
    """Places by number of events located there, most first."""
    sql = (
        "SELECT location_name, geonames_id, admin1, country, COUNT(*) AS n, "
        "COUNT(DISTINCT event_id) AS e FROM reports WHERE location_name IS NOT NULL "
        "GROUP BY location_name, geonames_id, admin1, country "
        "ORDER BY e DESC, n DESC, location_name LIMIT ?"
    )
    rows = store.connection.execute(sql, (limit,)).fetchall()
    return [PlaceCount(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]


def actors(store: Store, limit: int = 100) -> list[ActorCount]:
    """Actors by number of reports naming them (as actor 1 or participant), most first."""
    first: Counter[tuple[str, str | None, str | None]] = Counter()
    part: Counter[tuple[str, str | None, str | None]] = Counter()
    for (record,) in store.connection.execute("SELECT record_json FROM reports"):
        data = json.loads(record)
        if data.get("actor1"):
            first[_key(data["actor1"])] += 1
        for actor in data.get("participants") or []:
            part[_key(actor)] += 1
    keys = sorted(set(first) | set(part), key=lambda k: (-(first[k] + part[k]), k[0]))
    return [ActorCount(k[0], k[1], k[2], first[k], part[k]) for k in keys[:limit]]


def _key(actor: dict[str, Any]) -> tuple[str, str | None, str | None]:
    return (str(actor.get("name")), actor.get("wikidata"), actor.get("kind"))
