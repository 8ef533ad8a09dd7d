"""The curated actor table: integrity, scanning, resolution, unknown people."""

from __future__ import annotations

import re

import pytest
from resolve_support import session_lookups

from conftest import shared_path
from sitroom.errors import GeocodeError
from sitroom.resolve import ActorTable, Gazetteer, norm, person_actor
from sitroom.resolve.actors import romanisations

SEED_EN = "000_f5f08e3f5b41b927.txt"
SEED_FR = "004_cfd940451f5b2d9f.txt"


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return ActorTable.load()


def test_load_is_cached_and_clean(table: ActorTable) -> None:
    assert ActorTable.load() is table
    assert table.conflicts == []
    assert len(table.entries) > 100


def test_ids_are_wellformed_and_never_unverified_guesses(table: ActorTable) -> None:
    for entry in table.entries:
        if entry.wikidata is not None:
            assert re.fullmatch(r"Q[1-9]\d*", entry.wikidata), entry.key
            assert entry.verified, f"{entry.key}: an id that is not verified must be left out"
        if entry.verified:
            assert entry.wikidata is not None
        assert entry.kind in ("state", "force", "org", "person", "group")
        if entry.kind == "person":
            assert entry.names and not entry.adjectives


@pytest.mark.parametrize(
    ("key", "wikidata"),
    [
        ("russia", "Q159"),
        ("ukraine", "Q212"),
        ("united_states", "Q30"),
        ("china", "Q148"),
        ("france", "Q142"),
        ("united_kingdom", "Q145"),
        ("germany", "Q183"),
        ("poland", "Q36"),
        ("belarus", "Q184"),
        ("venezuela", "Q717"),
        ("hungary", "Q28"),
        ("south_korea", "Q884"),
        ("eu", "Q458"),
        ("nato", "Q7184"),
        ("un", "Q1065"),
        ("putin", "Q7747"),
        ("zelensky", "Q3874799"),
        ("trump", "Q22686"),
        ("macron", "Q3052772"),
        ("xi", "Q15031"),
        ("dpr", "Q16150196"),
        ("lpr", "Q16746854"),
        ("soviet_union", "Q15180"),
        ("unicef", "Q740308"),
        ("imf", "Q7804"),
    ],
)
def test_known_ids(table: ActorTable, key: str, wikidata: str) -> None:
    entry = table.get(key)
    assert entry is not None and entry.wikidata == wikidata
    assert table.get(wikidata) is entry


def test_city_names_are_never_aliases_of_states(
    table: ActorTable, tmp_path_factory: pytest.TempPathFactory
) -> None:
    gaz: Gazetteer = session_lookups(tmp_path_factory).gazetteer
    for entry in table.entries:
        if entry.kind != "state" or entry.country is None:
            continue
        capital = gaz.capital(entry.country)
        if capital is None:  # a territory with no capital ("Bouvet Island")
            assert entry.wikidata is None, entry.key
            continue
        forms = {norm(f) for f, _ in entry.forms()}
        assert norm(capital.name) not in forms, entry.key


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Russia's", "Russia", "state"),
        ("Russian", "Russia", "state"),
        ("russes", "Russia", "state"),
        ("les Russes", "Russia", "state"),
        ("ukrainienne", "Ukraine", "state"),
        ("américain", "United States", "state"),
        ("U.S.", "United States", "state"),
        ("États-Unis", "United States", "state"),
        ("OTAN", "NATO", "org"),
        ("Otan", "NATO", "org"),
        ("Nato", "NATO", "org"),
        ("Aqmi", "Al-Qaeda in the Islamic Maghreb", "group"),
        ("Osce", "Organization for Security and Co-operation in Europe", "org"),
        ("the Kremlin", "Russia", "state"),
        ("the Ukrainian air force", "Ukrainian Air Force", "force"),
        ("l'armée de l'air ukrainienne", "Ukrainian Air Force", "force"),
        ("Russian forces", "Russian Armed Forces", "force"),
        ("M. Trump", "Donald Trump", "person"),
        ("President Donald Trump", "Donald Trump", "person"),
        ("U.S. President Donald Trump", "Donald Trump", "person"),
        ("Trump's", "Donald Trump", "person"),
        ("Poutine", "Vladimir Putin", "person"),
        ("Путін", "Vladimir Putin", "person"),
        ("Russian President Vladimir Putin", "Vladimir Putin", "person"),
        ("le président Zelensky", "Volodymyr Zelensky", "person"),
        ("Zelenskyy", "Volodymyr Zelensky", "person"),
        ("Зеленський", "Volodymyr Zelensky", "person"),
        ("Ukraine's Prime Minister Yulia Svyrydenko", "Yulia Svyrydenko", "person"),
        ("le maire de Kiev, Vitali Klitschko", "Vitali Klitschko", "person"),
        ("Xi", "Xi Jinping", "person"),
    ],
)
def test_resolve(table: ActorTable, text: str, name: str, kind: str) -> None:
    actor = table.resolve(text)
    assert actor is not None, text
    assert (actor.name, actor.kind, actor.text) == (name, kind, text)


@pytest.mark.parametrize(
    "text",
    [
        "Moscow",
        "Kyiv",
        "us",
        "otan",
        "XI",
        "the authorities",
        "Vladimir",
        "trump card",
        "Who",
        "Un",
        "Eau",
        "Ei",
        "nato",
        "",
    ],
)
def test_resolve_none(table: ActorTable, text: str) -> None:
    assert table.resolve(text) is None


def test_people_keep_roles(table: ActorTable) -> None:
    putin = table.resolve("Putin")
    assert putin is not None and putin.role == "President of Russia"
    assert putin.wikidata == "Q7747"
    witkoff = table.resolve("Witkoff")
    assert witkoff is not None and witkoff.wikidata is None and witkoff.role


def test_scan_kinds_refs_and_case(table: ActorTable) -> None:
    text = "US and EU officials told us that NATO and the UN, not the eu, met Putin."
    mentions = table.scan(text)
    assert [(m.text, m.kind, m.label, m.ref) for m in mentions] == [
        ("US", "actor", "United States", "Q30"),
        ("EU", "actor", "European Union", "Q458"),
        ("NATO", "actor", "NATO", "Q7184"),
        ("UN", "actor", "United Nations", "Q1065"),
        ("Putin", "person", "Vladimir Putin", "Q7747"),
    ]
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_scan_prefers_the_longest_alias(table: ActorTable) -> None:
    mentions = table.scan("the Ukrainian air force said, as Russian forces advanced")
    assert [m.label for m in mentions] == ["Ukrainian Air Force", "Russian Armed Forces"]


@pytest.mark.seeds
def test_seed_people(table: ActorTable) -> None:
    en = shared_path("seeds", SEED_EN).read_text(encoding="utf-8")
    fr = shared_path("seeds", SEED_FR).read_text(encoding="utf-8")
    en_people = {m.label for m in table.scan(en) if m.kind == "person"}
    fr_people = {m.label for m in table.scan(fr) if m.kind == "person"}
    assert en_people >= {
        "Donald Trump",
        "Steve Witkoff",
        "Jared Kushner",
        "Emmanuel Macron",
        "Yulia Svyrydenko",
        "Volodymyr Zelensky",
        "Vladimir Putin",
    }
    assert fr_people >= {
        "Vitali Klitschko",
        "Sergei Sobyanin",
        "Donald Trump",
        "Vladimir Putin",
        "Xi Jinping",
        "Kirill Dmitriev",
        "Volodymyr Zelensky",
    }
    assert "Ukrainian Air Force" in {m.label for m in table.scan(en)}


def test_person_actor_for_unknown_people() -> None:
    actor = person_actor(
        "Margaryta Maliovana", role="the clinic's CEO", text="Maliovana", start=5, end=14
    )
    assert (actor.name, actor.kind, actor.wikidata, actor.role) == (
        "Margaryta Maliovana",
        "person",
        None,
        "the clinic's CEO",
    )
    assert (actor.text, actor.start, actor.end) == ("Maliovana", 5, 14)
    assert person_actor("M. Dmitriev").name == "Dmitriev"
    assert person_actor("President Jane Doe's").name == "Jane Doe"


def test_bad_tables_raise_actionable_errors(tmp_path: object) -> None:
    with pytest.raises(GeocodeError, match="needs a name and a kind"):
        ActorTable.from_dict({"x": {"name": "X", "kind": "planet"}})
    with pytest.raises(GeocodeError, match="verified but has no wikidata"):
        ActorTable.from_dict({"x": {"name": "X", "kind": "org", "verified": True}})
    with pytest.raises(GeocodeError, match="cannot read the actor table"):
        ActorTable.load("/nonexistent/actors.toml")


def test_conflicting_aliases_are_reported() -> None:
    table = ActorTable.from_dict(
        {
            "a": {"name": "A", "kind": "org", "names": ["Alpha"]},
            "b": {"name": "B", "kind": "org", "names": ["Alpha"]},
        }
    )
    assert table.conflicts and table.resolve("Alpha").name == "A"  # type: ignore[union-attr]


def test_canonical_names_are_unique_and_resolve_to_their_entry(table: ActorTable) -> None:
    names = [e.name for e in table.entries]
    assert len(names) == len(set(names))
    for entry in table.entries:
        found = table.resolve(entry.name)
        assert found is not None and found.name == entry.name, entry.key


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Oleksandr Syrskii", "Oleksandr Syrskyi"),
        ("General Syrskiy", "Oleksandr Syrskyi"),
        ("Volodymyr Zelenskii", "Volodymyr Zelensky"),
    ],
)
def test_other_romanisations_of_a_name_ending(table: ActorTable, written: str, name: str) -> None:
    found = table.resolve(written)
    assert found is not None and found.name == name


def test_romanisations_change_only_the_sky_endings() -> None:
    assert set(romanisations("Oleksandr Syrskyi")) == {
        "Oleksandr Syrskyi",
        "Oleksandr Syrskiy",
        "Oleksandr Syrskii",
        "Oleksandr Syrsky",
    }
    assert romanisations("Kaja Kallas") == ["Kaja Kallas"]


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        (
            "Kyiv took back land from Russian occupation forces.",
            "Russian occupation forces",
            "Russian Armed Forces",
        ),
        (
            "Ukrainian ground troops held the line.",
            "Ukrainian ground troops",
            "Armed Forces of Ukraine",
        ),
        (
            "Les forces d'occupation russes ont reculé.",
            "forces d'occupation russes",
            "Russian Armed Forces",
        ),
        (
            "Des forces spéciales russes ont été vues.",
            "forces spéciales russes",
            "Russian Armed Forces",
        ),
    ],
)
def test_a_state_adjective_with_a_modifier_names_its_armed_forces(
    table: ActorTable, text: str, written: str, name: str
) -> None:
    assert (written, name) in [(m.text, m.label) for m in table.scan(text)]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Six Ukraine soldiers were killed.", "Ukraine soldiers"),
        ("Ukraine’s soldiers held the line.", "Ukraine’s soldiers"),
        ("The military forces of Russia advanced.", "military forces of Russia"),
    ],
)
def test_a_state_name_with_a_force_noun_names_its_armed_forces(
    table: ActorTable, text: str, written: str
) -> None:
    found = [(m.text, m.label) for m in table.scan(text)]
    assert len(found) == 1 and found[0][0] == written
    assert found[0][1] in ("Armed Forces of Ukraine", "Russian Armed Forces")
    assert [m.label for m in table.scan("Ukraine’s President spoke.")] == ["Ukraine"]


def test_an_adjective_followed_by_other_words_stays_the_state(table: ActorTable) -> None:
    found = [(m.text, m.label) for m in table.scan("Russian officials said forces moved.")]
    assert found == [("Russian", "Russia")]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("FAMa", "Malian Armed Forces"),
        ("Minusma", "MINUSMA"),
        ("l'Onu", "United Nations"),
        ("IRGC", "Islamic Revolutionary Guard Corps"),
        ("the U.N. nuclear watchdog", "International Atomic Energy Agency"),
        ("the UN migration agency", "International Organization for Migration"),
        ("MEPs", "European Parliament"),
        ("Human Rights Council", "UN Human Rights Council"),
        ("Kiev forces", "Armed Forces of Ukraine"),
        ("les troupes de Kiev", "Armed Forces of Ukraine"),
        ("Russian invaders", "Russian Armed Forces"),
        ("the Aerospace Forces", "Russian Aerospace Forces"),
        ("l'Etat hébreu", "Israel"),
        ("les talibans", "Taliban"),
        ("DPR", "Donetsk People's Republic"),
        ("JFO HQ", "Joint Forces Operation"),
        ("ATO press center", "Anti-Terrorist Operation"),
        ("l'état-major des armées", "French Armed Forces"),
        ("Kyiv’s air force", "Ukrainian Air Force"),
        ("la République populaire de Louhansk", "Luhansk People's Republic"),
        ("Service national d’urgence d’Ukraine", "State Emergency Service of Ukraine"),
        ("l'Occident", "Western countries"),
        ("the USSR", "Soviet Union"),
        ("EMD", "Eastern Military District"),
        (
            "the Russian General Staff's Main Directorate",
            "Main Directorate of the General Staff (GRU)",
        ),
        ("the UN children’s agency", "UNICEF"),
        ("the Biden administration", "United States"),
        ("les Vingt-Sept", "European Union"),
    ],
)
def test_organisations_and_forces_of_the_news(table: ActorTable, written: str, name: str) -> None:
    found = table.resolve(written)
    assert found is not None and found.name == name


def test_named_is_the_whole_name_and_resolve_also_what_it_contains(table: ActorTable) -> None:
    whole = table.named("President Vladimir Putin")
    assert whole is not None and whole.name == "Vladimir Putin"
    assert table.named("France 24") is None
    inside = table.resolve("France 24")
    assert inside is not None and inside.name == "France"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("ISW", "Institute for the Study of War"),
        ("Britain's Ministry of Defense", "Ministry of Defence of the United Kingdom"),
        ("the OSCE SMM", "OSCE Special Monitoring Mission to Ukraine"),
        ("Energoatom", "Energoatom"),
    ],
)
def test_sources_the_war_news_quotes_every_day(table: ActorTable, written: str, name: str) -> None:
    found = table.resolve(written)
    assert found is not None and found.name == name


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("les forces armées ukrainiennes", "Armed Forces of Ukraine"),
        ("the international criminal court", "International Criminal Court"),
        ("le service d'Etat pour les situations d'urgence", "State Emergency Service of Ukraine"),
    ],
)
def test_names_of_three_words_or_more_match_in_lower_case(
    table: ActorTable, written: str, name: str
) -> None:
    found = table.resolve(written)
    assert found is not None and found.name == name


def test_shorter_names_still_need_their_capital(table: ActorTable) -> None:
    assert table.resolve("the alliance atlantique") is None
    assert table.resolve("a wagner group") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "the U.S. Department of Defense said",
            [("U.S. Department of Defense", "United States Department of Defense")],
        ),
        ("Ukraine's SBU detained him", [("Ukraine's SBU", "Security Service of Ukraine")]),
        ("la flotte de la mer Noire russe", [("flotte de la mer Noire russe", "Black Sea Fleet")]),
        ("the Russian SBU", [("Russian", "Russia"), ("SBU", "Security Service of Ukraine")]),
        ("Ukrainian Zelensky", [("Ukrainian", "Ukraine"), ("Zelensky", "Volodymyr Zelensky")]),
    ],
)
def test_a_state_named_before_its_own_body_names_the_body(
    table: ActorTable, text: str, found: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.label) for m in table.scan(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the West must act", [("the West", "Western countries")]),
        ("in the west of the country", []),
        ("settlers in the West Bank", []),
        ("selon l'Occident", [("Occident", "Western countries")]),
        (
            "Ukraine's Poroshenko warns",
            [("Ukraine", "Ukraine"), ("Poroshenko", "Petro Poroshenko")],
        ),
        ("killed in barracks - Gaidai", [("Gaidai", "Serhiy Haidai")]),
    ],
)
def test_the_west_and_people_of_the_war_news(
    table: ActorTable, text: str, found: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.label) for m in table.scan(text)] == found


def test_every_country_is_a_state_and_the_curated_entries_come_first(table: ActorTable) -> None:
    kenya = table.resolve("Kenya")
    assert kenya is not None and kenya.kind == "state" and kenya.wikidata is None
    tunisia = table.resolve("la Tunisie")
    assert tunisia is not None and tunisia.name == "Tunisia"
    russia = table.resolve("Russie")
    assert russia is not None and russia.wikidata == "Q159"
    assert table.resolve("Singapore") is None  # the city's name, not the state's
    states = {e.country for e in table.entries if e.kind == "state" and e.country}
    assert len(states) > 190
