"""Place and actor resolution scores on hand-built mentions (no models)."""

from __future__ import annotations

import pytest

from sitroom.evaluate.gold import GoldActor, GoldPlace, parse_gold
from sitroom.evaluate.mentions import km_between, mention_key, score_actors, score_places
from sitroom.evaluate.score import Tally, aggregate, score_article
from sitroom.types import Mention

COORDS = {703448: (50.45, 30.52), 703446: (50.43, 30.55), 709248: (50.08, 29.92)}


def coords(gid: int) -> tuple[float, float] | None:
    return COORDS.get(gid)


def place(text: str, ref: int | None, start: int = 0) -> Mention:
    return Mention("place", start, start + len(text), text, "town", str(ref) if ref else None)


def test_keys_ignore_case_articles_and_possessives() -> None:
    assert mention_key("the Kyiv region") == mention_key("Kyiv Region")
    assert mention_key("Kyiv's") == "kyiv"
    assert mention_key("l'Ukraine") == "ukraine"
    assert mention_key("Lviv") != mention_key("Kyiv")


def test_haversine_is_in_kilometres() -> None:
    assert km_between((50.45, 30.52), (50.45, 30.52)) == 0
    # Kyiv to Fastiv is about 65 km
    assert 55 < km_between(COORDS[703448], COORDS[709248]) < 75


def test_exact_near_and_missed_places() -> None:
    gold = [
        GoldPlace("Kyiv", 703448, 50.45, 30.52),
        GoldPlace("Fastiv", 709248, 50.08, 29.92),
        GoldPlace("Bucha", 711350, 50.54, 30.21),
        GoldPlace("Mali", 2453866),
    ]
    mentions = [
        place("Kyiv", 703446),  # a wrong id three km away
        place("Fastiv", 709248),
        place("Mali", 2453866),
    ]  # Bucha was not found at all
    exact, near = score_places([*gold, GoldPlace("Alaska", None)], mentions, "", coords)
    assert exact == Tally(2, 4)
    assert near == Tally(3, 4)


def test_occurrences_vote_and_one_can_be_named() -> None:
    text = "Kyiv and Kyiv and Kyiv"
    mentions = [place("Kyiv", 703448, 0), place("Kyiv", 703448, 9), place("Kyiv", 709248, 18)]
    assert score_places([GoldPlace("Kyiv", 703448)], mentions, text, coords)[0] == Tally(1, 1)
    third = GoldPlace("Kyiv", 709248, occurrence=3)
    assert score_places([third], mentions, text, coords)[0] == Tally(1, 1)
    second = GoldPlace("Kyiv", 709248, occurrence=2)
    assert score_places([second], mentions, text, coords)[0] == Tally(0, 1)


def test_actors_by_table_entry_and_unknown_people() -> None:
    refs = {"putin": "Q7747", "russia": "Q159"}
    gold = [
        GoldActor("Poutine", "putin"),
        GoldActor("russes", "russia"),
        GoldActor("Oleh Syniehubov", None, "Oleh Syniehubov"),
        GoldActor("Sergei Sobyanin", None, "Sergei Sobyanin"),
    ]
    mentions = [
        Mention("actor", 0, 7, "Poutine", "Vladimir Putin", "Q7747"),
        Mention("actor", 10, 16, "russes", "Ukraine", "Q212"),  # wrong entry
        Mention("person", 20, 35, "Oleh Syniehubov", "Oleh Syniehubov", None),
    ]  # Sobyanin not found
    assert score_actors(gold, mentions, refs.get) == Tally(2, 4)
    # a table entry added since the gold was written: the gold name is read with it
    table_now = {"Oleh Syniehubov": "Q1"}.get
    assert score_actors(gold[2:3], mentions, refs.get, table_now) == Tally(0, 1)
    found = [Mention("actor", 20, 35, "Oleh Syniehubov", "Oleh Syniehubov", "Q1")]
    assert score_actors(gold[2:3], found, refs.get, table_now) == Tally(1, 1)


def test_an_unlisted_body_may_be_read_as_its_state_but_need_not_be() -> None:
    gold = [GoldActor("AFP", None, "Agence France-Presse")]
    as_france = {"Agence France-Presse": "Q142"}.get
    nothing = [Mention("org", 0, 3, "AFP", "AFP", None)]
    france = [Mention("actor", 0, 3, "AFP", "France", "Q142")]
    spain = [Mention("actor", 0, 3, "AFP", "Spain", "Q29")]
    for found, right in ((nothing, 1), (france, 1), (spain, 0)):
        assert score_actors(gold, found, {}.get, within_name=as_france) == Tally(right, 1)


def test_gold_lists_parse_and_reach_the_metrics() -> None:
    gold = parse_gold(
        {
            "id": "g",
            "lang": "en",
            "published": "2026-01-05",
            "source": {"path": "x.txt"},
            "sha256": "0",
            "places": [{"text": "Kyiv", "geonames_id": 703448, "lat": 50.45, "lon": 30.52}],
            "actors": [{"text": "Putin", "actor": "putin"}],
        }
    )
    assert gold.places == (GoldPlace("Kyiv", 703448, 50.45, 30.52),)
    assert gold.actors == (GoldActor("Putin", "putin"),)
    tallies = {"place_id": Tally(1, 1), "place_25km": Tally(1, 1), "actor_id": Tally(0, 1)}
    metrics = aggregate([score_article(gold, [], [], tallies)]).metrics()
    assert metrics["en/dev/place_id_acc"] == 1.0
    assert metrics["all/all/actor_id_acc"] == 0.0


@pytest.mark.parametrize("bad", [{"text": "Kyiv", "geonames_id": "x"}, {"geonames_id": 1}])
def test_malformed_place_entries_are_rejected(bad: dict[str, object]) -> None:
    with pytest.raises((ValueError, KeyError)):
        parse_gold(
            {
                "id": "g",
                "lang": "en",
                "published": "2026-01-05",
                "source": {"path": "x.txt"},
                "sha256": "0",
                "places": [bad],
            }
        )


def test_unknown_actor_key_in_gold_is_an_error_naming_it() -> None:
    from sitroom.evaluate.gold import GoldError
    from sitroom.evaluate.runner import resolution_tallies
    from sitroom.resolve.lookups import default_lookups
    from sitroom.types import Article, Extraction

    gold = parse_gold(
        {
            "id": "g7",
            "lang": "en",
            "published": "2026-01-05",
            "source": {"path": "x.txt"},
            "sha256": "0",
            "actors": [{"text": "Putin", "actor": "putin"}, {"text": "X", "actor": "no_such"}],
        }
    )
    ex = Extraction(Article("a", "Putin and X.", "en"))
    with pytest.raises(GoldError, match="g7: actor 'no_such' is not a key of the actor table"):
        resolution_tallies(gold, ex, default_lookups())


def test_an_actor_name_inside_a_longer_mention_or_around_a_shorter_one() -> None:
    text = "le groupe Etat islamique a revendiqué, selon le régime syrien."
    refs = {"islamic_state": "IS", "syria": "Q858"}
    gold = [GoldActor("Etat islamique", "islamic_state"), GoldActor("régime syrien", "syria")]
    inside = text.index("groupe")
    around = text.index("syrien")
    mentions = [
        Mention("actor", inside, inside + 21, "groupe Etat islamique", "Islamic State", "IS"),
        Mention("actor", around, around + 6, "syrien", "Syria", "Q858"),
    ]
    assert score_actors(gold, mentions, refs.get, text=text) == Tally(2, 2)
    # without the text, only mentions written as the gold name count
    assert score_actors(gold, mentions, refs.get) == Tally(0, 2)
    # a word that merely contains the name is not an occurrence of it
    assert score_actors([GoldActor("syrie", "syria")], mentions, refs.get, text=text) == Tally(0, 1)


def test_a_place_name_inside_a_longer_mention() -> None:
    text = "des frappes dans les régions de Kharkiv et de Soumy"
    at = text.index("régions")
    mentions = [
        Mention("place", at, at + len("régions de Kharkiv"), "régions de Kharkiv", None, "706482")
    ]
    coords = {706482: (49.6, 36.5)}.get
    assert score_places([GoldPlace("Kharkiv", 706482)], mentions, text, coords)[0] == Tally(1, 1)
    # A name no mention covers is still missed.
    assert score_places([GoldPlace("Soumy", 692196)], mentions, text, coords)[0] == Tally(0, 1)
