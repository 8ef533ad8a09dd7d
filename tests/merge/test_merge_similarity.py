"""When two reports may tell one event: type family, date, place, and the evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from merge_support import drones, place, q, report

from sitroom.merge.similarity import STRONG, family, match, place_relation
from sitroom.types import Actor, Target

MON = dt.date(2026, 1, 5)
TUE = dt.date(2026, 1, 6)


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("Kyiv", "Kyiv", "same"),
        ("Kyiv", "Obolon", "near"),  # a neighbourhood of the city, 7 km from its centre
        ("Kyiv", "Darnytsia Raion", "near"),  # a district of a city whose record has no raion
        ("Fastiv", "Fastiv Raion", "nested"),
        ("Fastiv", "Kyiv Oblast", "nested"),
        ("Fastiv Raion", "Kyiv Oblast", "nested"),
        ("Fastiv", "Bila Tserkva", "apart"),
        ("Kyiv", "Kyiv Oblast", "apart"),  # the city is not in the oblast that bears its name
        ("Kyiv", "Kharkiv", "apart"),
        ("Kyiv", "Ukraine", "apart"),  # a country meets only itself
        ("Ukraine", "Ukraine", "same"),
    ],
)
def test_place_relation(a: str, b: str, relation: str) -> None:
    assert place_relation(place(a), place(b)) == relation
    assert place_relation(place(b), place(a)) == relation


def test_no_place_is_unknown() -> None:
    assert place_relation(None, place("Kyiv")) == "unknown"


def test_families() -> None:
    assert family("attack") == family("interception") != family("air_raid")
    assert family("meeting") != family("attack")
    assert family("something_new") == "something_new"


def test_the_same_strike_told_twice_is_strong() -> None:
    m = match(report("a", "r1"), report("b", "r2"))
    assert m is not None and m.relation == "same" and m.strong


def test_reports_of_one_article_are_never_one_event() -> None:
    assert match(report("a", "r1"), report("a", "r2")) is None


def test_another_day_another_place_another_family_are_not_candidates() -> None:
    base = report("a", "r1")
    assert match(base, report("b", "r2", when=TUE, date_text="on Tuesday")) is None
    assert match(base, report("b", "r2", where="Kharkiv")) is None
    assert match(base, report("b", "r2", type="meeting")) is None
    assert match(base, report("b", "r2", where=None)) is None


def test_a_night_may_carry_either_date() -> None:
    late = report("a", "r1", when=MON, date_text="late on Monday")
    overnight = report("b", "r2", when=TUE, date_text="overnight")
    plain = report("c", "r3", when=TUE, date_text="on Tuesday")
    assert match(late, overnight) is not None
    assert match(late, plain) is not None  # the night is on one side: enough
    assert match(report("d", "r4", when=MON), plain) is None
    two_days = report("e", "r5", when=dt.date(2026, 1, 7), date_text="overnight")
    assert match(late, two_days) is None
    # a night before Monday is not Tuesday's event; an evening after it is not Sunday's
    night_before = report("f", "r6", when=MON, date_text="dans la nuit de dimanche à lundi")
    assert match(night_before, plain) is None
    assert match(night_before, report("g", "r7", when=dt.date(2026, 1, 4))) is not None
    assert match(late, report("h", "r8", when=dt.date(2026, 1, 4))) is None
    # the night before Monday and the night before Tuesday are two nights
    early_monday = report("i", "r9", when=MON, date_text="early on Monday")
    assert match(early_monday, overnight) is None


def test_a_date_range_overlapping_the_day_is_compatible() -> None:
    ranged = report("a", "r1", when=MON)
    ranged = dataclasses.replace(
        ranged, date=dataclasses.replace(ranged.date, precision="range", end_date=TUE)
    )
    assert match(ranged, report("b", "r2", when=TUE, date_text="on Tuesday")) is not None


def test_weeks_and_months_are_too_vague_to_merge() -> None:
    vague = report("a", "r1")
    vague = dataclasses.replace(vague, date=dataclasses.replace(vague.date, precision="month"))
    assert match(vague, report("b", "r2")) is None


def test_evidence_against_breaks_a_same_place_same_day_pair() -> None:
    school = (Target("school", "a school"),)
    plant = (Target("energy infrastructure", "a power plant"),)
    drone = report("a", "r1", subtype="air_drone_strike", targets=school)
    missile = report("b", "r2", subtype="shelling_artillery_missile", targets=plant)
    m = match(drone, missile)
    assert m is not None and m.score < STRONG and not m.strong


def test_another_attacker_is_evidence_against() -> None:
    ukraine = Actor("Ukraine", "Ukraine", wikidata="Q212")
    plain = match(report("a", "r1"), report("b", "r2"))
    other = match(report("a", "r1"), report("b", "r2", actor1=ukraine))
    assert plain is not None and other is not None
    assert other.score < plain.score
    assert other.strong  # actor 1 is often misread: alone it does not split a strike
    untyped = match(
        report("a", "r1", subtype=None), report("b", "r2", subtype=None, actor1=ukraine)
    )
    assert untyped is not None and not untyped.strong


def test_an_inferred_attacker_weighs_as_no_attacker() -> None:
    # an actor no words of the text name (``text`` empty) was inferred: it neither joins
    # two reports nor sets them apart
    inferred = Actor("Russia", "", wikidata="Q159", country="RU")
    bare = match(report("a", "r1", actor1=None), report("b", "r2", actor1=None))
    both = match(report("a", "r1", actor1=inferred), report("b", "r2", actor1=inferred))
    ukraine = Actor("Ukraine", "Ukraine", wikidata="Q212")
    against = match(report("a", "r1", actor1=inferred), report("b", "r2", actor1=ukraine))
    assert bare is not None and both is not None and against is not None
    assert both.score == bare.score == against.score


def test_actors_compare_by_id_not_spelling() -> None:
    russie = Actor("Russia", "la Russie", wikidata="Q159")
    m = match(report("a", "r1"), report("b", "r2", actor1=russie, language="fr"))
    assert m is not None and m.strong


def test_figures_far_apart_weigh_against_but_do_not_forbid() -> None:
    agree = match(report("a", "r1", killed=q(3, 3)), report("b", "r2", killed=q(3, 3)))
    differ = match(report("a", "r1", killed=q(3, 3)), report("b", "r2", killed=q(5, 5)))
    apart = match(report("a", "r1", killed=q(2, 2)), report("b", "r2", killed=q(40, 40)))
    assert agree is not None and differ is not None and apart is not None
    assert agree.score > differ.score > apart.score
    assert differ.strong and apart.strong  # sources disagree on tolls all the time


def test_a_force_and_its_state_are_one_side() -> None:
    forces = Actor("Russian Armed Forces", "Russian troops", kind="force", country="RU")
    russia = Actor("Russia", "Russia", wikidata="Q159", country="RU")
    one = match(report("a", "r1", actor1=forces), report("b", "r2", actor1=russia))
    apart = match(
        report("a", "r1", actor1=forces),
        report("b", "r2", actor1=Actor("Belarus", "Belarus", wikidata="Q184", country="BY")),
    )
    assert one is not None and apart is not None and one.score > apart.score


def test_the_struck_country_as_actor_1_is_no_evidence_against() -> None:
    # "Ukraine" as the attacker of a strike in Ukraine is most often the victim misread
    ukraine = Actor("Ukraine", "Ukraine", wikidata="Q212", country="UA")
    russia = Actor("Russia", "Russia", wikidata="Q159", country="RU")
    strike = match(
        report("a", "r1", subtype=None, actor1=russia),
        report("b", "r2", subtype=None, actor1=ukraine),
    )
    assert strike is not None and strike.strong
    battle = match(
        report("a", "r1", type="battle", subtype=None, actor1=russia),
        report("b", "r2", type="battle", subtype=None, actor1=ukraine),
    )
    assert battle is not None and battle.score < strike.score


def test_a_village_taken_is_not_the_village_next_to_it() -> None:
    here = report("a", "r1", type="territory_change", where="Kyiv")
    next_door = report("b", "r2", type="territory_change", where="Obolon")
    assert match(here, next_door) is None
    assert match(report("a", "r1", where="Kyiv"), report("b", "r2", where="Obolon")) is not None


def test_a_stand_in_date_on_the_same_day_counts_a_little() -> None:
    stand_in = report("a", "r1")
    stand_in = dataclasses.replace(
        stand_in, date=dataclasses.replace(stand_in.date, precision="unresolved")
    )
    dated = match(report("c", "r3"), report("b", "r2"))
    same_day = match(stand_in, report("b", "r2"))
    day_after = match(stand_in, report("b", "r2", when=TUE, date_text="on Tuesday"))
    assert dated is not None and same_day is not None
    assert dated.score > same_day.score
    assert day_after is None or day_after.score < same_day.score


def test_salvos_of_far_apart_sizes_are_two_raids() -> None:
    def raid(rid: str, n: int, **kw: object) -> Any:
        return report(rid, rid, where="Ukraine", type="air_raid", weapons=drones(n), **kw)

    same = match(raid("a", 112), raid("b", 112))
    close = match(raid("a", 112), raid("b", 110))
    apart = match(raid("a", 112), raid("b", 52))
    assert same is not None and close is not None and apart is not None
    assert same.score > close.score > apart.score
    # the night before a stand-in date and the next night: only the counts tell them apart
    told = raid("c", 112)
    told = dataclasses.replace(told, date=dataclasses.replace(told.date, precision="unresolved"))
    next_night = match(told, raid("d", 52, when=TUE, date_text="overnight"))
    assert next_night is None or not next_night.strong
