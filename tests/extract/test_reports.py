"""Article-level rules: drafts told over several sentences coalesce; totals are dropped."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from sitroom.extract.figures import Casualties
from sitroom.extract.reports import Draft, coalesce, drop_totals, finish, war_tally
from sitroom.types import DateValue, Place, Quantity, Span

DAY = dt.date(2026, 1, 5)
KYIV = Place("Kyiv", "the capital", 703448, 50.45, 30.52, "Kyiv City", None, "UA", "town")
FASTIV = Place("Fastiv", "Fastiv", 709248, 50.08, 29.92, "Kyiv Oblast", None, "UA", "town")
UKRAINE = Place("Ukraine", "Ukraine", 690791, 49.0, 32.0, None, None, "UA", "country")


def _draft(unit: int, place: Place | None = None, **kw: object) -> Draft:
    base = Draft(
        unit=unit,
        type="attack",
        subtype="other",
        modality="reported",
        trigger=Span(unit * 100, unit * 100 + 6, "strike"),
        evidence=(Span(unit * 100, unit * 100 + 50, "x"),),
        date=DateValue(DAY, "day", "Monday"),
        own_date=True,
        place=place,
        actor1=None,
        actor2=None,
        participants=(),
        figures=Casualties(),
        weapons=(),
        targets=(),
        attributed_to=(),
        strong=True,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def _q(n: int) -> Quantity:
    return Quantity(n, n, "exact", str(n))


def test_draft_without_place_joins_previous_report_of_same_type() -> None:
    first = _draft(0, KYIV, figures=Casualties(killed=_q(1)))
    second = _draft(1, None, figures=Casualties(injured=_q(3)), own_date=False, date=None)
    (merged,) = coalesce([first, second])
    assert merged.place == KYIV
    assert merged.figures.killed == _q(1) and merged.figures.injured == _q(3)
    assert len(merged.evidence) == 2


def test_drafts_in_different_towns_stay_apart() -> None:
    assert len(coalesce([_draft(0, KYIV), _draft(1, FASTIV)])) == 2


def test_drafts_with_different_modality_stay_apart() -> None:
    assert len(coalesce([_draft(0, KYIV), _draft(1, None, modality="denied")])) == 2


def test_drafts_on_different_days_stay_apart() -> None:
    other_day = DateValue(DAY - dt.timedelta(days=3), "day", "Friday")
    assert len(coalesce([_draft(0, KYIV), _draft(1, None, date=other_day)])) == 2


def test_country_level_total_is_dropped_when_towns_carry_the_figures() -> None:
    total = _draft(0, UKRAINE, figures=Casualties(killed=_q(2)))
    kyiv = _draft(3, KYIV, figures=Casualties(killed=_q(1)))
    fastiv = _draft(8, FASTIV, figures=Casualties(killed=_q(1)))
    kept = drop_totals([total, kyiv, fastiv])
    assert [d.place for d in kept] == [KYIV, FASTIV]


def test_oblast_level_battle_is_dropped_for_a_village_battle_inside_it() -> None:
    kyiv_oblast = replace(UKRAINE, name="Kyiv Oblast", geonames_id=703446, precision="admin1")
    kyiv_oblast = replace(kyiv_oblast, admin1="Kyiv Oblast")
    summary = _draft(0, kyiv_oblast, type="battle")
    village = _draft(2, FASTIV, type="battle")
    (kept,) = drop_totals([summary, village])
    assert kept.place == FASTIV and len(kept.evidence) == 2


def test_country_level_report_is_dropped_for_an_unlisted_town_with_a_toll() -> None:
    # the gazetteer does not list the village, so nothing says which country it is in
    village = Place("Tabou", "Tabou", None, None, None, None, None, None, "town")
    headline = _draft(0, UKRAINE, figures=Casualties(killed=_q(6)))
    body = _draft(2, village, figures=Casualties(killed=_q(6)))
    (kept,) = drop_totals([headline, body])
    assert kept.place == village


def test_country_level_report_is_kept_beside_an_undated_unlisted_town_without_a_toll() -> None:
    village = Place("Tabou", "Tabou", None, None, None, None, None, None, "town")
    assert len(drop_totals([_draft(0, UKRAINE, figures=Casualties(killed=_q(6))),
                            _draft(2, village, date=None, own_date=False)])) == 2  # fmt: skip


def test_country_level_report_fills_an_unlisted_town_of_the_day_it_states() -> None:
    # "Six humanitaires tués dimanche au Niger" / "exécutés dimanche … à Kouré"
    village = Place("Tabou", "Tabou", None, None, None, None, None, None, "town")
    headline = _draft(0, UKRAINE, figures=Casualties(killed=_q(6)))
    (kept,) = drop_totals([headline, _draft(2, village)])
    assert kept.place == village and kept.figures.killed == _q(6)


def test_country_level_attack_elsewhere_is_kept() -> None:
    venezuela = replace(UKRAINE, name="Venezuela", country="VE", geonames_id=3625428)
    kept = drop_totals([_draft(0, KYIV), _draft(2, venezuela)])
    assert len(kept) == 2


def test_trigger_word_alone_is_dropped() -> None:
    bare = _draft(0, None, own_date=False, date=None, strong=False)
    assert drop_totals([bare]) == []


def test_finish_falls_back_to_publication_date_and_says_so() -> None:
    (report,) = finish([_draft(0, KYIV, date=None, own_date=False)], "a1", DAY, "en", None)
    assert report.date is not None
    assert report.date.date == DAY and report.date.precision == "unresolved"
    assert report.report_id.startswith("rp_")


def test_report_ids_are_stable() -> None:
    a = finish([_draft(0, KYIV)], "a1", DAY, "en", None)[0].report_id
    b = finish([_draft(0, KYIV)], "a1", DAY, "en", None)[0].report_id
    assert a == b


@pytest.mark.parametrize(
    ("sentence", "killed", "place", "tally"),
    [
        ("The war, which has killed more than a million people, goes on.", 1_000_000, None, True),
        ("Hundreds of civilians have been killed since the invasion began.", 300, UKRAINE, True),
        ("Au total, 120 civils ont été tués depuis le début de la guerre.", 120, None, True),
        ("The war has devastated cities and killed tens of thousands.", 20_000, UKRAINE, True),
        # One event: a town, or figures of a day with no words of a whole war.
        ("Since 2022, 1,200 people have been killed in Kharkiv.", 1_200, KYIV, False),
        ("A missile strike killed 12 people on Monday.", 12, UKRAINE, False),
    ],
)
def test_a_tally_of_the_whole_war_is_not_an_event(
    sentence: str, killed: int, place: Place | None, tally: bool
) -> None:
    d = _draft(0, place, figures=Casualties(killed=_q(killed)))
    d = replace(d, evidence=(Span(0, len(sentence), sentence),))
    assert war_tally(d) is tally
    assert (drop_totals([d]) == []) is tally


def test_words_of_a_long_war_without_figures_are_no_tally() -> None:
    sentence = "Russian strikes on Ukraine condemned after four years of war"
    d = replace(_draft(0, UKRAINE), evidence=(Span(0, len(sentence), sentence),))
    assert not war_tally(d)
