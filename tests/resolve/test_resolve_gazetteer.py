"""The gazetteer: build, versioning, cache location, and the ids the pipeline relies on."""

from __future__ import annotations

import pickle
import shutil
import sqlite3
from importlib import resources
from pathlib import Path

import pytest
from resolve_support import session_gazetteer_path, session_lookups

from sitroom.errors import GeocodeError
from sitroom.resolve import GAZETTEER_VERSION, Gazetteer, build_gazetteer, default_path
from sitroom.resolve.gazetteer import DATA_FILES, data_fingerprint


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return session_lookups(tmp_path_factory).gazetteer


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_build_writes_the_documented_tables_and_index(gaz: Gazetteer) -> None:
    tables = {r[0] for r in _rows(gaz.path, "SELECT name FROM sqlite_master")}
    assert {"places", "names", "countries", "meta", "names_norm"} <= tables
    assert gaz.version == GAZETTEER_VERSION
    assert gaz.meta["fingerprint"] == data_fingerprint()
    assert "GeoNames" in gaz.meta["attribution"]
    (places,) = _rows(gaz.path, "SELECT count(*) FROM places")[0]
    assert isinstance(places, int) and places > 70_000


def test_build_is_idempotent(gaz: Gazetteer, tmp_path: Path) -> None:
    again = build_gazetteer(tmp_path / "again.sqlite")
    for sql in (
        "SELECT * FROM meta ORDER BY key",
        "SELECT count(*), sum(geonameid), sum(scannable) FROM places",
        "SELECT count(*), sum(geonameid), sum(curated) FROM names",
    ):
        assert _rows(again, sql) == _rows(gaz.path, sql)
    assert not list(tmp_path.glob("*.tmp"))


def test_open_reuses_a_current_file_and_rebuilds_a_stale_one(
    gaz: Gazetteer, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(gaz.path, copy)
    mtime = copy.stat().st_mtime_ns
    assert Gazetteer.open(copy).version == GAZETTEER_VERSION
    assert copy.stat().st_mtime_ns == mtime
    con = sqlite3.connect(copy)
    con.execute("UPDATE meta SET value='0' WHERE key='version'")
    con.commit()
    con.close()
    assert Gazetteer.open(copy).version == GAZETTEER_VERSION  # rebuilt


def test_open_refuses_a_file_that_is_not_a_gazetteer(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all")
    with pytest.raises(GeocodeError, match="not a Sitroom gazetteer"):
        Gazetteer.open(junk)


def test_default_path_is_versioned_under_the_cache_dir(
    gaz: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITROOM_CACHE_DIR", str(tmp_path))
    path = default_path()
    assert path.parent == tmp_path
    assert path.name.startswith(f"gazetteer-v{GAZETTEER_VERSION}-")
    shutil.copy(gaz.path, path)
    stale = tmp_path / "gazetteer-v1-000000000000.sqlite"
    stale.write_bytes(b"an older build")
    assert Gazetteer.open().path == path
    assert not stale.exists()


def test_world_towns_resolve_but_small_ones_are_not_scanned(gaz: Gazetteer) -> None:
    """Towns of 500 people or more anywhere (GeoNames cities500); the scanner looks only
    for the larger ones, and a larger town's other names are for resolving only."""
    (menaka,) = [c.record for c in gaz.lookup("Ménaka") if c.record.country == "ML"]
    assert 1_000 < menaka.population < 15_000
    scannable = {g for _, g, _, _ in gaz.scan_names()}
    assert menaka.geonameid not in scannable
    timbuktu = {c.record.geonameid for c in gaz.lookup("Tombouctou")}
    assert timbuktu & {c.record.geonameid for c in gaz.lookup("Timbuktu")}
    assert ("tombouctou", next(iter(timbuktu))) not in {(k, g) for k, g, _, _ in gaz.scan_names()}


def test_unwritable_cache_dir_is_a_geocode_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(GeocodeError, match="SITROOM_CACHE_DIR"):
        build_gazetteer(blocker / "sub" / "g.sqlite")


def test_gazetteer_pickles_without_its_connection(gaz: Gazetteer) -> None:
    gaz.get(703448)
    copy = pickle.loads(pickle.dumps(gaz))
    assert copy.get(709248) == gaz.get(709248)


def test_shipped_data_is_compact_and_complete() -> None:
    folder = resources.files("sitroom.resolve").joinpath("data")
    total = sum(len(folder.joinpath(name).read_bytes()) for name in DATA_FILES)
    assert total < 5_000_000
    assert folder.joinpath("ATTRIBUTION.md").read_text("utf-8").count("CC BY 4.0") >= 1


@pytest.mark.parametrize(
    ("geonameid", "name", "code", "country", "admin1"),
    [
        (703448, "Kyiv", "PPLC", "UA", "Kyiv City"),
        (709248, "Fastiv", "PPLA2", "UA", "Kyiv Oblast"),
        (807550, "Hrabovske", "PPL", "UA", "Sumy Oblast"),
        (692196, "Sumy Oblast", "ADM1", "UA", "Sumy Oblast"),
        (709718, "Donbas", "RGN", "UA", None),
        (687700, "Zaporizhzhia", "PPLA", "UA", "Zaporizhzhia Oblast"),
        (524901, "Moscow", "PPLC", "RU", None),
        (2988507, "Paris", "PPLC", "FR", None),
        (3054643, "Budapest", "PPLC", "HU", None),
        (4140963, "Washington", "PPLC", "US", None),
    ],
)
def test_places_the_pipeline_relies_on(
    gaz: Gazetteer, geonameid: int, name: str, code: str, country: str, admin1: str | None
) -> None:
    record = gaz.get(geonameid)
    assert record is not None
    assert (record.name, record.feature_code, record.country) == (name, code, country)
    assert record.admin1_name == admin1


def test_hrabovske_is_the_small_sumy_village(gaz: Gazetteer) -> None:
    record = gaz.get(807550)
    assert record is not None and record.population < 100
    assert record.admin2_name == "Sumskyi Raion"


def test_capitals_countries_and_admin_areas(gaz: Gazetteer) -> None:
    assert gaz.capital("UA").geonameid == 703448  # type: ignore[union-attr]
    assert gaz.capital("us").geonameid == 4140963  # type: ignore[union-attr]
    korea = gaz.country("KR")
    assert korea is not None and korea.name == "South Korea" and korea.feature_code == "PCLI"
    assert gaz.admin("UA", "21").geonameid == 692196  # type: ignore[union-attr]
    assert gaz.admin("UA", "13", "3214").name == "Fastiv Raion"  # type: ignore[union-attr]
    assert gaz.demonym("ukrainienne") == "UA" and gaz.demonym("Russian") == "RU"


def test_every_ukrainian_admin1_has_a_conventional_english_name(gaz: Gazetteer) -> None:
    rows = _rows(
        gaz.path, "SELECT admin1_code, name FROM places WHERE country='UA' AND feature_code='ADM1'"
    )
    assert len(rows) == 27
    assert all(str(name).endswith(("Oblast", "City", "Crimea", "Sevastopol")) for _, name in rows)
    (missing,) = _rows(
        gaz.path,
        "SELECT count(*) FROM places WHERE country='UA' "
        "AND feature_class='P' AND admin1_name IS NULL "
        "AND admin1_code NOT IN ('', '00')",
    )[0]
    assert missing == 0


def test_curated_aliases_point_at_their_places(gaz: Gazetteer) -> None:
    text = (
        resources.files("sitroom.resolve").joinpath("data", "place_aliases.tsv").read_text("utf-8")
    )
    for line in text.splitlines()[1:]:
        if line.startswith(("#", "geonameid")):
            continue
        gid, kind, name = line.split("\t")
        ids = {c.record.geonameid for c in gaz.lookup(name)}
        assert int(gid) in ids, (name, gid)


def test_session_gazetteer_lives_in_the_session_temp_dir(
    tmp_path_factory: pytest.TempPathFactory, gaz: Gazetteer
) -> None:
    assert gaz.path == session_gazetteer_path(tmp_path_factory)


@pytest.mark.parametrize(
    ("written", "geonameid"),
    [
        ("Tchougouïv", 710374),
        ("Chostka", 693942),
        ("Jytomyr", 686967),
        ("Guirské", 708272),
        ("Pervomaisky", 809777),  # a Russian ending, where the Ukrainian name is -skyi
        ("Svyatopetrivka", 9114028),  # "ya" inside a word, the national "ia"
        ("Olenokostyantynivka", 698658),
    ],
)
def test_other_romanisations_find_the_place_as_the_gazetteer_spells_it(
    gaz: Gazetteer, written: str, geonameid: int
) -> None:
    assert geonameid in [c.record.geonameid for c in gaz.lookup(written)]


def test_a_name_the_gazetteer_knows_is_never_respelled(gaz: Gazetteer) -> None:
    assert [c.record.name for c in gaz.lookup("Chornobyl")][:1] == ["Chornobyl"]
    assert gaz.lookup("Tchoutchou") == ()


def test_a_respelling_finds_only_places_named_from_cyrillic(gaz: Gazetteer) -> None:
    assert "JP" in {c.record.country for c in gaz.lookup("Kure")}
    assert "JP" not in {c.record.country for c in gaz.lookup("Kouré")}  # a town of Niger


def test_a_spelling_of_a_places_own_name_counts_as_its_own_name(gaz: Gazetteer) -> None:
    # GeoNames writes the village on the Dnipro "Krynky" and lists "Krynki" among its
    # other names; a "y" for an "i" is the same name, not a name it once had.
    own = {c.record.geonameid: c.primary for c in gaz.lookup("Krynki")}
    assert own[703861] is True
    # an old name stays an old name: Zlatopil was Pervomaiskyi until 2024
    assert {c.record.geonameid: c.primary for c in gaz.lookup("Pervomaiskyi")}[697576] is False


def test_names_spelled_alike_are_found_only_on_request(gaz: Gazetteer) -> None:
    # "y", "j" and "i" romanise the same Ukrainian letters: "Maly Shcherbaky" is GeoNames'
    # "Mali Shcherbaky", "Oktjabrs'ke" its "Oktyabrs'ke"
    assert 11011094 in {c.record.geonameid for c in gaz.spelled_alike("maly shcherbaky")}
    assert gaz.lookup("Maly Shcherbaky") == ()  # a plain look-up stays exact
    # only places of the Cyrillic-script countries are spelled alike
    assert {c.record.country for c in gaz.spelled_alike("jordan")} <= {"UA", "RU", "BY", "MD", "KZ"}


def test_the_states_of_the_united_states_are_areas_and_keep_their_rivals(gaz: Gazetteer) -> None:
    alaska = gaz.get(5879092)
    assert alaska is not None and (alaska.feature_code, alaska.country) == ("ADM1", "US")
    assert alaska.lat is not None and 55 < alaska.lat < 72  # a town of Alaska
    # "Georgia" the country and "Georgia" the state are both candidates
    assert {614540, 4197000} <= {c.record.geonameid for c in gaz.lookup("Georgia")}
