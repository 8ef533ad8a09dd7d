"""The place scanner: what it finds, what it must not, admin words, cues, the seeds."""

from __future__ import annotations

import time

import pytest
from resolve_support import session_lookups

from conftest import shared_path
from sitroom.resolve import PlaceScanner
from sitroom.types import Mention

SEED_EN = "000_f5f08e3f5b41b927.txt"
SEED_FR = "004_cfd940451f5b2d9f.txt"


@pytest.fixture(scope="module")
def scanner(tmp_path_factory: pytest.TempPathFactory) -> PlaceScanner:
    return session_lookups(tmp_path_factory).places


def found(scanner: PlaceScanner, text: str) -> list[tuple[str, str | None]]:
    mentions = scanner.scan(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text and m.kind == "place"
    return [(m.text, m.ref) for m in mentions]


def test_automaton_is_lazy_and_cached(tmp_path_factory: pytest.TempPathFactory) -> None:
    fresh = PlaceScanner(session_lookups(tmp_path_factory).geocoder)
    assert fresh.build_seconds is None
    fresh.scan("Kyiv")
    first = fresh.automaton
    assert fresh.build_seconds is not None and fresh.build_seconds < 20
    fresh.scan("Kharkiv")
    assert fresh.automaton is first


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strikes hit Kyiv overnight.", [("Kyiv", "703448")]),
        ("une attaque sur la capitale, Kiev, lundi", [("Kiev", "703448")]),
        ("Київ і Москва", [("Київ", "703448"), ("Москва", "524901")]),
        ("leaders met in Paris and Budapest", [("Paris", "2988507"), ("Budapest", "3054643")]),
        ("à Zaporijia et à Kharkov", [("Zaporijia", "687700"), ("Kharkov", "706483")]),
        ("in Washington on Friday", [("Washington", "4140963")]),
        ("en Corée du Sud jeudi", [("Corée du Sud", "1835841")]),
        ("the attack on Venezuela", [("Venezuela", "3625428")]),
        ("US troops", [("US", "6252001")]),
        ("the eastern Donbas region", [("Donbas", "709718")]),
        ("the PRC and the DPRK", [("PRC", "1814991"), ("DPRK", "1873107")]),
    ],
)
def test_finds_places(scanner: PlaceScanner, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(scanner, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin said",
        "Russian President Vladimir Putin's residences",
        "Police said the fire was out.",
        "Bar none.",
        "Most of them left.",
        "Mine was destroyed.",
        "Pour les habitants, c'est fini.",
        "Mark Rutte spoke.",
        "let us go to kyiv",  # lower case
        "The Moscow Times reported",
        "Hillary Clinton said",
        "said Preston Smith.",
        "à Nancy-II",
        "Hrabovske was seized",  # a village of 52 people needs a cue word
    ],
)
def test_does_not_fire_on_words_and_names(scanner: PlaceScanner, text: str) -> None:
    assert found(scanner, text) == []


@pytest.mark.parametrize(
    ("text", "name", "ref"),
    [
        ("Russia said it had seized the village of Hrabovske", "Hrabovske", "807550"),
        ("fighting near Hrabovske on Monday", "Hrabovske", "807550"),
        ("la prise du village de Hrabovske", "Hrabovske", "807550"),
        ("près de Hrabovske", "Hrabovske", "807550"),
        ("in the neighboring city of Fastiv", "Fastiv", "709248"),
        ("the town of Bar", "Bar", None),
    ],
)
def test_cue_words_unlock_small_and_stoplisted_places(
    scanner: PlaceScanner, text: str, name: str, ref: str | None
) -> None:
    mentions = [m for m in found(scanner, text) if m[0] != "Russia"]
    assert [m[0] for m in mentions] == [name]
    if ref is not None:
        assert mentions[0][1] == ref


def test_minor_foreign_towns_are_found_on_their_own(scanner: PlaceScanner) -> None:
    assert [m[0] for m in found(scanner, "They met in Preston.")] == ["Preston"]
    assert [m[0] for m in found(scanner, "à Nancy, hier")] == ["Nancy"]


@pytest.mark.parametrize(
    ("text", "span", "ref"),
    [
        ("in Ukraine's northeastern Sumy region", "Sumy region", "692196"),
        ("in the Sumy Oblast", "Sumy Oblast", "692196"),
        ("in Sumy oblast", "Sumy oblast", "692196"),
        ("dans l'oblast de Soumy", "oblast de Soumy", "692196"),
        ("dans la région de Soumy", "région de Soumy", "692196"),
        ("the Kyiv regional governor said", "Kyiv regional", "703446"),
        ("la région de Kiev", "région de Kiev", "703446"),
        ("in the Fastiv district", "Fastiv district", "709244"),
        ("Fastiv raion", "Fastiv raion", "709244"),
        ("the Moscow region", "Moscow region", None),
        ("in the Volyn region", "Volyn region", "689064"),
        ("in the eastern Donbas region", "Donbas", "709718"),
    ],
)
def test_admin_words_make_admin_mentions(
    scanner: PlaceScanner, text: str, span: str, ref: str | None
) -> None:
    mentions = [m for m in found(scanner, text) if m[0] != "Ukraine"]
    assert mentions == [(span, ref)]


def test_labels(scanner: PlaceScanner) -> None:
    labels = {m.text: m.label for m in scanner.scan("Kyiv, Donbas and the Kakhovka Reservoir")}
    assert labels == {"Kyiv": "GPE", "Donbas": "LOC", "Kakhovka Reservoir": "LOC"}


def test_article_context_prefers_its_country(scanner: PlaceScanner) -> None:
    ua = scanner.scan("Shelling hit Kyiv, Kharkiv and the town of Bar in Ukraine.")
    bar = [m for m in ua if m.text == "Bar"]
    assert bar and bar[0].ref == "712861"


def _seed(name: str) -> str:
    text: str = shared_path("seeds", name).read_text(encoding="utf-8")
    return text


@pytest.mark.seeds
def test_english_seed(scanner: PlaceScanner) -> None:
    text = _seed(SEED_EN)
    refs = {(m.text, m.ref) for m in scanner.scan(text)}
    for expected in [
        ("Fastiv", "709248"),
        ("Hrabovske", "807550"),
        ("Sumy region", "692196"),
        ("Kyiv", "703448"),
        ("Kyiv regional", "703446"),
        ("Donbas", "709718"),
        ("Paris", "2988507"),
        ("Moscow", "524901"),
        ("Venezuela", "3625428"),
        ("Ukraine", "690791"),
        ("Britain", "2635167"),
    ]:
        assert expected in refs
    texts = {m.text for m in scanner.scan(text)}
    assert not texts & {"Putin", "Vladimir", "Trump", "Moscow Times", "Air Force One"}


@pytest.mark.seeds
def test_french_seed(scanner: PlaceScanner) -> None:
    text = _seed(SEED_FR)
    refs = {(m.text, m.ref) for m in scanner.scan(text)}
    for expected in [
        ("Kiev", "703448"),
        ("Moscou", "524901"),
        ("Budapest", "3054643"),
        ("Corée du Sud", "1835841"),
        ("Washington", "4140963"),
        ("Chine", "1814991"),
        ("États-Unis", "6252001"),
        ("Russie", "2017370"),
    ]:
        assert expected in refs
    assert "Vladimir" not in {m.text for m in scanner.scan(text)}


@pytest.mark.seeds
def test_scan_speed_per_article(scanner: PlaceScanner) -> None:
    text = _seed(SEED_EN)
    scanner.scan(text)
    started = time.perf_counter()
    for _ in range(10):
        scanner.scan(text)
    assert (time.perf_counter() - started) / 10 < 0.05


def test_mentions_are_sorted_and_disjoint(scanner: PlaceScanner) -> None:
    text = "From Kyiv to Kyiv Oblast, Kyiv region and Ivano-Frankivsk, via Bila Tserkva."
    mentions: list[Mention] = scanner.scan(text)
    assert [m.text for m in mentions] == [
        "Kyiv",
        "Kyiv Oblast",
        "Kyiv region",
        "Ivano-Frankivsk",
        "Bila Tserkva",
    ]
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.end <= b.start


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("the village of Novoselivka in Kharkiv region", "Novoselivka", "Kharkiv Oblast"),
        ("the village of Andriivka, in the Donetsk region", "Andriivka", "Donetsk Oblast"),
    ],
)
def test_admin_areas_named_in_the_text_pick_among_namesakes(
    scanner: PlaceScanner, text: str, name: str, admin1: str
) -> None:
    village = next(m for m in scanner.scan(text) if m.text == name)
    record = scanner.gazetteer.get(int(village.ref or 0))
    assert record is not None and record.admin1_name == admin1


def test_agreements_named_after_cities_are_not_places(scanner: PlaceScanner) -> None:
    assert found(scanner, "the Minsk agreements and the Budapest Memorandum") == []


@pytest.mark.parametrize(
    ("text", "name", "ref"),
    [
        # The Stavky next to Lyman (Donetsk Oblast, 803 people), not the larger one in
        # Zhytomyr Oblast the name means alone.
        ("Russian forces are pushing toward Lyman, Stavky, and Yampil.", "Stavky", "809786"),
        ("Les forces russes avancent vers Lyman, Stavky et Yampil.", "Stavky", "809786"),
        # Andriivka is the old name of Sukhanivka, 5 km from Sloviansk.
        ("Two soldiers died in fighting near Slavyansk: Kiev;Andriivka", "Andriivka", "713440"),
    ],
)
def test_a_village_is_the_one_next_to_the_towns_named_with_it(
    scanner: PlaceScanner, text: str, name: str, ref: str
) -> None:
    assert (name, ref) in found(scanner, text)


def test_proximity_leaves_towns_and_lone_villages_alone(scanner: PlaceScanner) -> None:
    alone = dict(found(scanner, "Shelling hit Stavky overnight."))
    assert alone["Stavky"] == "707645"
    # Far from the sentence that names Lyman, Stavky is read alone again.
    filler = " The weather was cold and the roads were icy." * 5
    far = dict(found(scanner, f"Troops held Lyman.{filler} Shelling hit Stavky overnight."))
    assert far["Stavky"] == "707645"
    # A town keeps its own name next to villages: Izium is not a village near Kharkiv.
    towns = dict(found(scanner, "Strikes hit Kharkiv, Izium and Balakliia."))
    assert towns["Izium"] == dict(found(scanner, "Strikes hit Izium."))["Izium"]


def test_oblasts_by_their_own_adjectival_names(scanner: PlaceScanner) -> None:
    text = "Buildings were damaged in Kirovohradska, Kyivska, and Vinnytska oblasts."
    assert found(scanner, text) == [
        ("Kirovohradska", "705811"),
        ("Kyivska", "703446"),
        ("Vinnytska", "689559"),
    ]
    assert found(scanner, "Odeska oblast") == [("Odeska oblast", "698738")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A village too small to be scanned for is a place when listed with towns.
        (
            "attacks in the vicinity of Avdiivka, Tonenke and Pervomaiske",
            [("Avdiivka", "713122"), ("Tonenke", "691412"), ("Pervomaiske", "697562")],
        ),
        # A comma before the last "and" still lists; a listed name of two words is
        # read whole rather than as two places.
        (
            "northeast of Kharkiv City near Vovchansk, Lyman, and Hrafske",
            [
                ("Kharkiv", "706483"),
                ("Vovchansk", "689304"),
                ("Lyman", "687068"),  # the one by Vovchansk, not the larger one southeast
                ("Hrafske", "6724362"),
            ],
        ),
        (
            "attacks near Slovyansk, Riznykivka, and Kryva Luka",
            [("Slovyansk", "693468"), ("Riznykivka", "695611"), ("Kryva Luka", "704046")],
        ),
        # A listed village written with "ya" where the gazetteer writes "ia".
        (
            "attacks northwest of Hulyaipole near Svyatopetrivka, Verkhnya Tersa, and Hirke",
            [
                ("Hulyaipole", "707898"),
                ("Svyatopetrivka", "9114028"),
                ("Verkhnya Tersa", "689829"),
                ("Hirke", "708412"),
            ],
        ),
        # Names listed after a plural admin word are areas of that level.
        (
            "des frappes dans les régions de Kharkiv et de Soumy",
            [("régions de Kharkiv", "706482"), ("Soumy", "692196")],
        ),
        (
            "strikes in the regions of Kharkiv, Sumy and Poltava",
            [("regions of Kharkiv", "706482"), ("Sumy", "692196"), ("Poltava", "696634")],
        ),
        # ... and so are names listed before one, past an area the data lacks ("Kursk").
        (
            "fighting in the Donetsk, Luhansk and Kherson regions",
            [("Donetsk", "709716"), ("Luhansk", "702657"), ("Kherson", "706442")],
        ),
        ("strikes on Sumy and Kursk oblasts", [("Sumy", "692196"), ("Kursk", "538560")]),
        # A district centre's "region" is its raion; "Obl" is short for oblast.
        (
            "Russia hit Nikopol region 11 times",
            [("Russia", "2017370"), ("Nikopol region", "700049")],
        ),
        ("Donetsk Obl.", [("Donetsk Obl", "709716")]),
        ("signé à Ryad", [("Ryad", "108410")]),
    ],
)
def test_lists_and_admin_words(
    scanner: PlaceScanner, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(scanner, text) == expected


def test_a_list_never_turns_other_words_into_places(scanner: PlaceScanner) -> None:
    assert found(scanner, "Kyiv and Moscow and Kharkiv, Reuters said") == [
        ("Kyiv", "703448"),
        ("Moscow", "524901"),
        ("Kharkiv", "706483"),
    ]


DNIEPER, DNIPRO_CITY, OSKIL = "565896", "709930", "514365"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a foothold on the east bank of the Dnipro River.", [("Dnipro River", DNIEPER)]),
        ("troops dug in on the Dnipro’s left bank.", [("Dnipro", DNIEPER)]),
        ("Kyiv's Dnipro east bank gain", [("Kyiv", "703448"), ("Dnipro", DNIEPER)]),
        ("they crossed the Dnipro at night.", [("Dnipro", DNIEPER)]),
        ("fighting along the Oskil river.", [("Oskil river", OSKIL)]),
        ("la rive gauche du Dniepr", [("Dniepr", DNIEPER)]),
        ("le fleuve Dniepr", [("Dniepr", DNIEPER)]),
        ("les habitants de la rive droite du (fleuve) Dnipro", [("Dnipro", DNIEPER)]),
        ("A missile hit Dnipro overnight.", [("Dnipro", DNIPRO_CITY)]),
        ("the Dnipro region", [("Dnipro region", "709929")]),
        ("the front runs along the Dnipro.", [("Dnipro", DNIEPER)]),
        ("the Dnipro islands", [("Dnipro", DNIEPER)]),
        ("the Dnipro-based brigade", [("Dnipro", DNIPRO_CITY)]),
        ("the Dnipro City Council", [("Dnipro", DNIPRO_CITY)]),
    ],
)
def test_a_name_is_a_river_where_the_text_says_so(
    scanner: PlaceScanner, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(scanner, text) == expected


def test_a_river_word_never_makes_a_river_of_a_town_without_one(scanner: PlaceScanner) -> None:
    # GeoNames has a stream called Kharkiv, but it is not one of the rivers kept
    assert found(scanner, "the Kharkiv River") == [("Kharkiv", "706483")]
    assert found(scanner, "Moscow river port") == [("Moscow", "524901")]


def test_a_place_followed_by_its_oblast_is_the_one_in_that_oblast(scanner: PlaceScanner) -> None:
    # a 0-people village the scanner would not find on its own, and a name borne by
    # villages of many oblasts
    assert found(scanner, "shelling at Prychepylivka, Luhansk Obl on Sunday")[0] == (
        "Prychepylivka",
        "811587",
    )
    text, ref = found(scanner, "a strike on Vodiane, Zaporizhzhia region")[0]
    assert text == "Vodiane" and ref == "689321"


def test_donbas_makes_its_two_oblasts_the_context(scanner: PlaceScanner) -> None:
    gazetteer = scanner.gazetteer
    text, ref = found(scanner, "a medic was hurt near Vodiane in Donbas")[0]
    record = gazetteer.get(int(ref or 0))
    assert text == "Vodiane" and record is not None
    assert record.admin1_name in ("Donetsk Oblast", "Luhansk Oblast")


def test_a_ukrainian_village_after_in_or_at_is_a_place(scanner: PlaceScanner) -> None:
    assert found(scanner, "Bloggers noted heavy fighting in Krynky this week.") == [
        ("Krynky", "703861")
    ]
    assert found(scanner, "Les combats continuent à Krynky.") == [("Krynky", "703861")]
    text = "They hold the western part of Krynky and the outskirts of Krynky."
    assert found(scanner, text) == [("Krynky", "703861"), ("Krynky", "703861")]
    assert found(scanner, "Krynky said nothing.") == []  # no preposition, no village


def test_front_line_directions_find_villages_and_place_them_from_their_town(
    scanner: PlaceScanner,
) -> None:
    # "toward X" and "north of X" find villages however small
    assert found(scanner, "Russian forces attacked toward Hirke.") == [("Hirke", "708412")]
    assert found(scanner, "Russian forces advanced north of Kleban-Byk.") == [
        ("Kleban-Byk", "705687")
    ]
    # the town in brackets after a village says which namesake it is
    assert found(scanner, "Russian forces advanced north of Zahirne (east of Orikhiv).") == [
        ("Zahirne", "697310"),
        ("Orikhiv", "698428"),
    ]
    # a bracket after a list places every name of it
    listed = "Forces counterattacked near Tykhe and Ternove (both southeast of Oleksandrivka)."
    assert found(scanner, listed)[:2] == [("Tykhe", "9114253"), ("Ternove", "699342")]
    # and villages placed from a town say which namesake the town is: the Oleksandrivka
    # of the Dnipropetrovsk front, not the largest one
    text = (
        "Russian forces attacked east of Oleksandrivka toward Tykhe and southeast of "
        "Oleksandrivka near Ternove and Kalynivske."
    )
    assert found(scanner, text) == [
        ("Oleksandrivka", "9189092"),
        ("Tykhe", "9114253"),
        ("Oleksandrivka", "9189092"),
        ("Ternove", "699342"),
        ("Kalynivske", "707164"),
    ]
    assert found(scanner, "Les forces russes ont avancé au nord de Bakhmout.") == [
        ("Bakhmout", "713174")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Des tirs ont visé la centrale nucléaire de Zaporijjia.",
            [("centrale nucléaire de Zaporijjia", "11839420")],  # the table's own name
        ),
        ("L'armée a pris la centrale de Tchernobyl.", [("Tchernobyl", "7289548")]),
        ("Shelling near the Zaporizhzhia NPP.", [("Zaporizhzhia NPP", "11839420")]),
        ("Shelling hit Zaporizhzhia overnight.", [("Zaporizhzhia", "687700")]),  # the city
    ],
)
def test_a_power_plant_named_after_its_town_is_the_plant(
    scanner: PlaceScanner, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(scanner, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La Russie a pris la plus grande centrale nucléaire d'Europe.",
            [("Russie", "2017370"), ("plus grande centrale nucléaire d'Europe", "11839420")],
        ),
        (
            "Shelling hit Europe’s largest nuclear power plant.",
            [("Europe’s largest nuclear power plant", "11839420")],
        ),
        ("Le plus grand pays d'Europe.", []),  # no description the table holds
    ],
)
def test_a_hand_written_description_names_its_place(
    scanner: PlaceScanner, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(scanner, text) == expected


def test_a_lower_case_name_that_is_no_description_is_not_found(scanner: PlaceScanner) -> None:
    assert found(scanner, "the largest city in the world") == []


def test_a_village_placed_from_a_town_is_its_namesake_nearest_that_town(
    scanner: PlaceScanner,
) -> None:
    text = "A milblogger claimed that Russian forces advanced near Pokrovka (southeast of Sumy)."
    assert found(scanner, text)[0] == ("Pokrovka", "696729")  # 43 km from Sumy
    text = "Russian forces attacked southeast of Oleksandrivka near Ternove and toward Vyshneve."
    assert found(scanner, text)[-1] == ("Vyshneve", "689983")  # not the larger one near Kyiv


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La circulation a repris sur le pont de Crimée.", [("pont de Crimée", "11876420")]),
        ("Le pont de Kertch a été frappé.", [("pont de Kertch", "11876420")]),
        ("Traffic resumed on the Crimean Bridge.", [("Crimean Bridge", "11876420")]),
        ("Un pont de la ville a été frappé.", []),  # a bridge, not a place the text names
    ],
)
def test_the_crimean_bridge_is_a_place_in_french_lower_case_too(
    scanner: PlaceScanner, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(scanner, text) == expected


def test_a_city_in_a_title_case_headline_is_a_place(scanner: PlaceScanner) -> None:
    headline = "US Warned Ukraine Over Novorossiysk Oil Hub Strike, Ambassador Says"
    assert ("Novorossiysk", "518255") in found(scanner, headline)
    # in a sentence, capitalised words around a name still make it part of a longer name
    assert found(scanner, "Officials met at the Novorossiysk Oil Hub on Monday.") == []
    # and a headline does not make a small town of every name
    assert found(scanner, "George Marshall Warns Voters About Rising Prices") == []


def test_a_small_town_listed_with_a_foreign_town_is_found_in_its_country(
    scanner: PlaceScanner,
) -> None:
    text = "Floods hit three towns – Juiz de Fora, Matias Barbosa and Ubá – in Minas Gerais."
    assert ("Matias Barbosa", "3457479") in found(scanner, text)
    # a city found by itself keeps its own country
    assert ("Lima", "3936456") in found(scanner, "Talks moved from Juiz de Fora to Lima.")
    assert ("Lima", "3936456") in found(scanner, "Rains hit Juiz de Fora and Lima.")


def test_a_village_is_looked_for_in_the_oblast_the_text_names(scanner: PlaceScanner) -> None:
    # The Pysarivka large enough to scan for lies near Odesa; the one of the Sumy front
    # is a hamlet, found because the sentence names Sumy Oblast (and with it, Marine).
    text = (
        "Russian forces attacked in the Sumy Oblast, targeting the Pysarivka and Marine directions."
    )
    assert found(scanner, text) == [
        ("Sumy Oblast", "692196"),
        ("Pysarivka", "697166"),
        ("Marine", "8420695"),
    ]
    # a raion's seat stays itself: Novopavlivka of Dnipropetrovsk Oblast, not the hamlet
    # of that name in Zaporizhzhia Oblast
    text = "Russian forces attacked in Zaporizhia Oblast and in the Novopavlivka direction."
    assert found(scanner, text)[-1] == ("Novopavlivka", "699373")


def test_a_namesake_spelled_otherwise_is_found_near_the_town(scanner: PlaceScanner) -> None:
    # GeoNames writes the village southeast of Borova "Novyi Myr" and the one east of
    # Slovyansk "Sviato-Pokrovske"; the exact spellings name villages hundreds of km away.
    text = "Russian forces attacked southeast of Borova near Olhivka, Ridkodub and Novyi Mir."
    assert found(scanner, text)[-1] == ("Novyi Mir", "809860")
    text = (
        "Ukrainian forces struck Russian forces northwest of Svyato-Pokrovske (east of Slovyansk)."
    )
    assert found(scanner, text)[0] == ("Svyato-Pokrovske", "705819")
    # after a cue word, a name GeoNames spells otherwise is found ("Mali Shcherbaky"),
    # never by its first word alone ("Velykyi" is no village Velyke)
    text = (
        "Russian forces attacked west of Orikhiv near Stepnohirsk, Stepove and "
        "Maly Shcherbaky on February 25."
    )
    assert found(scanner, text)[-1] == ("Maly Shcherbaky", "11011094")
    assert found(scanner, "Russian forces attacked near Velykyi Zelenyi.") == []
    # after "in", which precedes any capitalised word, only the spelling as written counts
    assert found(scanner, "Fighting in Maly Shcherbaky.") == []
    # a namesake spelled as written wins over a nearer one spelled otherwise
    text = "Russian forces attacked east of Slovyansk near Platonivka, Riznykivka, and Kryva Luka."
    assert ("Riznykivka", "695611") in found(scanner, text)


def test_a_renamed_village_with_its_old_word_in_brackets_is_one_name(
    scanner: PlaceScanner,
) -> None:
    # "Chervonyi" alone is a hamlet in Poltava Oblast, "Chervonyi Lyman" a village there
    # too; the one northeast of Pokrovsk is GeoNames' "Krasnyi Lyman".
    text = "Russian forces attacked northeast of Pokrovsk near Chervonyi (Krasnyi) Lyman."
    assert found(scanner, text) == [
        ("Pokrovsk", "704422"),
        ("Chervonyi (Krasnyi) Lyman", "9112128"),
    ]


def test_the_stated_direction_picks_among_namesakes_near_one_town(scanner: PlaceScanner) -> None:
    # Two Sofiivkas lie within 20 km of Druzhkivka: one to the north, one to the southwest.
    text = "Russian forces attacked {} of Druzhkivka near Sofiivka on February 25."
    assert found(scanner, text.format("southwest"))[-1] == ("Sofiivka", "713181")
    assert found(scanner, text.format("north"))[-1] == ("Sofiivka", "693315")


def test_with_no_namesake_near_the_town_one_of_its_region_that_way_wins(
    scanner: PlaceScanner,
) -> None:
    # The Zakharivka of Kharkiv Oblast lies 77 km northeast of the city; the other is in Odesa.
    text = "Russian forces are striking positions near Zakharivka (northeast of Kharkiv City)."
    assert found(scanner, text)[0] == ("Zakharivka", "687862")


def test_a_village_before_a_bracket_that_places_it_is_found(scanner: PlaceScanner) -> None:
    text = "Russian forces seized Karpivka (southeast of Borova)."
    assert ("Karpivka", "706699") in found(scanner, text)


def test_a_list_is_read_back_from_the_first_name_found(scanner: PlaceScanner) -> None:
    text = (
        "Milbloggers claimed the capture of Prydorozhnie, Varvarivka, and Pryluky near Hulyaipole."
    )
    names = [name for name, _ in found(scanner, text)]
    assert names[:3] == ["Prydorozhnie", "Varvarivka", "Pryluky"]
    # a word before the comma that names no Ukrainian village is left alone
    assert [name for name, _ in found(scanner, "However, Varvarivka held.")] == ["Varvarivka"]
