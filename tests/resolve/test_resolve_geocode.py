"""The geocoder: names as written (EN/FR/UK/RU, admin words, "the capital") to places."""

from __future__ import annotations

import pytest
from resolve_support import session_lookups

from sitroom.resolve import Geocoder, GeoContext
from sitroom.resolve.geocode import bearing
from sitroom.types import Mention

UA = GeoContext(countries=("UA",))


@pytest.fixture(scope="module")
def geo(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return session_lookups(tmp_path_factory).geocoder


@pytest.mark.parametrize(
    ("text", "geonameid", "precision"),
    [
        ("Kyiv", 703448, "town"),
        ("Kiev", 703448, "town"),
        ("Kyïv", 703448, "town"),
        ("Київ", 703448, "town"),
        ("Киев", 703448, "town"),
        ("Fastiv", 709248, "town"),
        ("Fastov", 709248, "town"),
        ("Hrabovske", 807550, "town"),
        ("Grabovskoe", 807550, "town"),
        ("Sumy", 692194, "town"),
        ("Sumy region", 692196, "admin1"),
        ("Sumy Oblast", 692196, "admin1"),
        ("Sumy oblast", 692196, "admin1"),
        ("Sumska Oblast", 692196, "admin1"),
        ("oblast de Soumy", 692196, "admin1"),
        ("région de Soumy", 692196, "admin1"),
        ("la région de Kharkiv", 706482, "admin1"),
        ("Kyiv region", 703446, "admin1"),
        ("Kyiv regional", 703446, "admin1"),
        ("Fastiv district", 709244, "admin2"),
        ("Fastiv raion", 709244, "admin2"),
        ("Donbas", 709718, "region"),
        ("Donbass", 709718, "region"),
        ("Crimea", 703884, "region"),
        ("Crimée", 703884, "region"),
        ("Moscow", 524901, "town"),
        ("Moscou", 524901, "town"),
        ("Paris", 2988507, "town"),
        ("Budapest", 3054643, "town"),
        ("Washington", 4140963, "town"),
        ("Kharkov", 706483, "town"),
        ("Zaporijia", 687700, "town"),
        ("Zaporizhzhia", 687700, "town"),
        ("Zaporozhye", 687700, "town"),
        ("Odessa", 698740, "town"),
        ("Dnipropetrovsk", 709930, "town"),
        ("Nikolaev", 700569, "town"),
        ("Pokrovsk", 704422, "town"),
        ("Kyiv’s", 703448, "town"),
    ],
)
def test_resolve_names(geo: Geocoder, text: str, geonameid: int, precision: str) -> None:
    place = geo.resolve(text)
    assert place is not None, text
    assert (place.geonames_id, place.precision) == (geonameid, precision)
    assert place.text == text


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Corée du Sud", "KR"),
        ("South Korea", "KR"),
        ("Venezuela", "VE"),
        ("U.S.", "US"),
        ("the United States", "US"),
        ("États-Unis", "US"),
        ("Britain", "GB"),
        ("Royaume-Uni", "GB"),
        ("Biélorussie", "BY"),
        ("Israël", "IL"),
        ("RDC", "CD"),
        ("Ukraine", "UA"),
        ("Russie", "RU"),
    ],
)
def test_resolve_countries(geo: Geocoder, text: str, country: str) -> None:
    place = geo.resolve(text)
    assert place is not None and place.precision == "country" and place.country == country
    assert place.lat is not None and place.admin1 is None


def test_kyiv_place_record_matches_the_design_example(geo: Geocoder) -> None:
    place = geo.resolve("Kyiv")
    assert place is not None
    assert (place.name, place.admin1, place.admin2, place.country) == (
        "Kyiv",
        "Kyiv City",
        None,
        "UA",
    )
    assert place.lat == pytest.approx(50.45, abs=0.01)
    assert place.lon == pytest.approx(30.52, abs=0.01)


def test_town_record_carries_its_admin_names(geo: Geocoder) -> None:
    place = geo.resolve("Hrabovske")
    assert place is not None
    assert (place.admin1, place.admin2) == ("Sumy Oblast", "Sumskyi Raion")


@pytest.mark.parametrize(
    ("text", "context", "geonameid"),
    [
        ("the capital", UA, 703448),
        ("la capitale", UA, 703448),
        ("the Ukrainian capital", None, 703448),
        ("la capitale ukrainienne", None, 703448),
        ("the Russian capital", UA, 524901),
        ("la capitale russe", None, 524901),
        ("the capital", GeoContext(countries=("HU",)), 3054643),
    ],
)
def test_the_capital_resolves_through_context(
    geo: Geocoder, text: str, context: GeoContext | None, geonameid: int
) -> None:
    place = geo.resolve(text, context=context)
    assert place is not None and place.geonames_id == geonameid
    assert place.text == text


def test_the_capital_without_a_country_is_unresolved(geo: Geocoder) -> None:
    assert geo.resolve("the capital") is None
    assert geo.resolve("the Narnian capital", context=UA) is None


def test_country_context_picks_among_namesakes(geo: Geocoder) -> None:
    ua = geo.resolve("Bar", context=UA)
    me = geo.resolve("Bar", context=GeoContext(countries=("ME",)))
    assert ua is not None and ua.country == "UA"
    assert me is not None and me.country == "ME"


def test_admin_context_and_qualifiers(geo: Geocoder) -> None:
    sumy = GeoContext(countries=("UA",), admin1=("UA.21",))
    assert geo.resolve("Hrabovske", context=sumy).geonames_id == 807550  # type: ignore[union-attr]
    place = geo.resolve("Fastiv, Kyiv region")
    assert place is not None and place.geonames_id == 709248
    assert place.text == "Fastiv, Kyiv region"


def test_admin_area_without_admin_rows_is_named_after_its_centre(geo: Geocoder) -> None:
    place = geo.resolve("Belgorod region")
    assert place is not None
    assert (place.name, place.precision, place.country, place.geonames_id) == (
        "Belgorod region",
        "admin1",
        "RU",
        None,
    )
    assert place.lat is not None


def test_resolve_mention_keeps_offsets_and_uses_ref(geo: Geocoder) -> None:
    mention = Mention("place", 10, 14, "Kiev", "GPE", "703448")
    place = geo.resolve_mention(mention)
    assert place is not None
    assert (place.geonames_id, place.start, place.end, place.text) == (703448, 10, 14, "Kiev")
    unreffed = geo.resolve_mention(Mention("place", 0, 6, "Moscou"))
    assert unreffed is not None and unreffed.geonames_id == 524901


def test_context_of_places(geo: Geocoder) -> None:
    sumy = geo.resolve("Sumy region")
    kyiv = geo.resolve("Kyiv")
    ctx = geo.context_of([p for p in (sumy, kyiv) if p is not None])
    assert ctx.countries == ("UA",)
    assert ctx.admin1 == ("UA.21",)
    assert ctx.country == "UA"
    assert ctx.merge(GeoContext(countries=("RU",))).countries == ("UA", "RU")


@pytest.mark.parametrize("text", ["", "   ", "Narnia", "the", "xyzzy region"])
def test_unknown_names_are_unresolved(geo: Geocoder, text: str) -> None:
    assert geo.resolve(text) is None


def test_capital_and_country_helpers(geo: Geocoder) -> None:
    assert geo.capital("FR").geonames_id == 2988507  # type: ignore[union-attr]
    assert geo.country("VE").precision == "country"  # type: ignore[union-attr]
    assert geo.capital("ZZ") is None and geo.country("ZZ") is None


def test_bearing_points_the_compass_way() -> None:
    kyiv = (50.45, 30.52)
    assert bearing(kyiv, (51.45, 30.52)) == pytest.approx(0.0, abs=0.5)  # due north
    assert bearing(kyiv, (50.45, 32.0)) == pytest.approx(90.0, abs=1.0)  # east
    assert bearing(kyiv, (49.45, 29.0)) == pytest.approx(224.0, abs=3.0)  # southwest
