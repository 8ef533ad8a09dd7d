"""The two real seed articles, read from ../shared/seeds, end to end (issue acceptance).

English seed, published 2026-01-05; French seed, published 2025-10-26.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from sitroom.engine import Engine
from sitroom.types import EventReport, Extraction, Quote

pytestmark = [pytest.mark.slow, pytest.mark.seeds]

EN_SEED = "000_f5f08e3f5b41b927.txt"
FR_SEED = "004_cfd940451f5b2d9f.txt"
APPEAL_WORDS = (
    "Dear readers",
    "Remind me later",
    "undesirable",
    "Prosecutor General",
    "support us monthly",
)


def _extract(engine: Engine, path: Path, published: dt.date) -> Extraction:
    from sitroom.ingest import iter_inputs
    from sitroom.pipeline import Pipeline

    pipeline = Pipeline(engine.settings, engine)
    items = iter_inputs([path], engine.settings.ingest, published=published)
    (outcome,) = list(pipeline.run(items))
    assert outcome.extraction is not None, outcome
    return outcome.extraction


@pytest.fixture(scope="module")
def en(engine: Engine, seeds_dir: Path) -> Extraction:
    return _extract(engine, seeds_dir / EN_SEED, dt.date(2026, 1, 5))


@pytest.fixture(scope="module")
def fr(engine: Engine, seeds_dir: Path) -> Extraction:
    return _extract(engine, seeds_dir / FR_SEED, dt.date(2025, 10, 26))


def _find(ex: Extraction, pred: Callable[[EventReport], bool]) -> list[EventReport]:
    return [r for r in ex.reports if pred(r)]


def _at(r: EventReport, name: str) -> bool:
    return r.location is not None and r.location.name == name


def _q(q: object) -> tuple[object, object, object]:
    return (getattr(q, "min", None), getattr(q, "max", None), getattr(q, "qualifier", None))


# ---------------------------------------------------------------- English seed


def test_en_clean_text_has_no_donation_appeal(en: Extraction) -> None:
    for words in APPEAL_WORDS:
        assert words not in en.article.text
    assert en.article.text.rstrip().endswith("according to AFP analysis.")
    assert en.article.removed, "the removed appeal must be recorded"


def test_en_no_record_carries_appeal_text(en: Extraction) -> None:
    import json

    dump = json.dumps([r.to_dict() for r in en.reports] + [q.to_dict() for q in en.quotes])
    for words in APPEAL_WORDS:
        assert words not in dump


def test_en_clinic_attack_in_kyiv(en: Extraction) -> None:
    (kyiv,) = _find(en, lambda r: r.type == "attack" and _at(r, "Kyiv"))
    assert kyiv.modality == "reported"
    assert _q(kyiv.killed)[:2] == (1, 1)
    assert _q(kyiv.injured)[:2] == (3, 3)
    assert kyiv.date is not None and kyiv.date.date == dt.date(2026, 1, 5)
    assert "medical facility" in [t.category for t in kyiv.targets]


def test_en_fastiv_attack(en: Extraction) -> None:
    (fastiv,) = _find(en, lambda r: r.type == "attack" and _at(r, "Fastiv"))
    assert _q(fastiv.killed)[:2] == (1, 1)
    assert fastiv.location is not None and fastiv.location.geonames_id == 709248


def test_en_article_total_is_not_a_third_attack(en: Extraction) -> None:
    reported = _find(
        en,
        lambda r: (
            r.type == "attack"
            and r.modality == "reported"
            and r.killed is not None
            and r.date is not None
            and r.date.date == dt.date(2026, 1, 5)
        ),
    )
    assert len(reported) == 2


def test_en_air_raid_figures_and_attribution(en: Extraction) -> None:
    (raid,) = _find(en, lambda r: r.type == "air_raid")
    weapons = {w.kind: w for w in raid.weapons}
    assert (weapons["drone"].launched, weapons["drone"].qualifier) == (165, "exact")
    assert (weapons["missile"].launched, weapons["missile"].qualifier) == (9, "at_least")
    assert any("air force" in a.name.lower() for a in raid.attributed_to)


def test_en_territory_change_claimed_by_russia(en: Extraction) -> None:
    (claim,) = _find(en, lambda r: r.type == "territory_change")
    assert claim.modality == "claimed"
    assert claim.location is not None and claim.location.name == "Hrabovske"
    assert claim.location.admin1 == "Sumy Oblast"
    assert claim.actor1 is not None and claim.actor1.name == "Russia"


def test_en_paris_meeting_planned_for_tuesday(en: Extraction) -> None:
    paris = _find(en, lambda r: r.type == "meeting" and _at(r, "Paris"))
    assert paris, "no meeting in Paris"
    assert any(
        r.modality == "planned" and r.date is not None and r.date.date == dt.date(2026, 1, 6)
        for r in paris
    )


def test_en_us_attack_on_venezuela(en: Extraction) -> None:
    (ve,) = _find(
        en, lambda r: r.type == "attack" and r.location is not None and r.location.country == "VE"
    )
    assert ve.actor1 is not None and ve.actor1.name == "United States"


def test_en_residence_strike_is_not_a_reported_attack(en: Extraction) -> None:
    claims = _find(en, lambda r: any("residence" in e.text for e in r.evidence))
    assert claims, "the residence-strike claim is missing"
    assert all(r.modality in ("claimed", "denied") for r in claims)


def test_en_kyiv_is_never_a_person(en: Extraction) -> None:
    for q in en.quotes:
        assert q.speaker is None or q.speaker.name not in ("Kyiv", "Kiev")
    for r in en.reports:
        for actor in (r.actor1, r.actor2, *r.participants):
            assert actor is None or actor.name not in ("Kyiv", "Kiev") or actor.kind != "person"


# ---------------------------------------------------------------- French seed


def test_fr_kyiv_attack_with_children(fr: Extraction) -> None:
    (kyiv,) = _find(fr, lambda r: r.type == "attack" and _at(r, "Kyiv"))
    assert _q(kyiv.injured) == (14, None, "at_least")
    assert _q(kyiv.children_injured)[:2] == (4, 4)
    assert kyiv.actor1 is not None and kyiv.actor1.name == "Russia"


def test_fr_drone_to_moscow_intercepted(fr: Extraction) -> None:
    (icp,) = _find(fr, lambda r: r.type == "interception")
    assert icp.location is not None and icp.location.name == "Moscow"
    assert [w.kind for w in icp.weapons] == ["drone"]


def test_fr_sanction_on_rosneft_and_lukoil(fr: Extraction) -> None:
    (sanction,) = _find(fr, lambda r: r.type == "sanction")
    names = {a.name for a in sanction.participants}
    assert {"Rosneft", "Lukoil"} <= names


def test_fr_trump_xi_meeting_planned_in_south_korea(fr: Extraction) -> None:
    (korea,) = _find(
        fr, lambda r: r.type == "meeting" and r.location is not None and r.location.country == "KR"
    )
    assert korea.modality == "planned"
    assert korea.date is not None and korea.date.date == dt.date(2025, 10, 30)
    names = {a.name for a in korea.participants}
    assert {"Donald Trump", "Xi Jinping"} <= names


def test_fr_budapest_meeting_cancelled(fr: Extraction) -> None:
    (budapest,) = _find(fr, lambda r: r.type == "meeting" and _at(r, "Budapest"))
    assert budapest.modality == "cancelled"


def _speakers(quotes: tuple[Quote, ...]) -> list[str]:
    return [q.speaker.name for q in quotes if q.speaker is not None]


def test_fr_quotes_attributed(fr: Extraction) -> None:
    speakers = _speakers(fr.quotes)
    assert "Donald Trump" in speakers
    assert "Kirill Dmitriev" in speakers
    assert any(
        "administration" in s.lower() and ("kiev" in s.lower() or "kyiv" in s.lower())
        for s in speakers
    ), speakers


# ---------------------------------------------------------------- both


@pytest.mark.parametrize("name", ["en", "fr"])
def test_every_field_carries_its_source_span(name: str, request: pytest.FixtureRequest) -> None:
    ex: Extraction = request.getfixturevalue(name)
    text = ex.article.text
    for r in ex.reports:
        for span in r.evidence:
            assert text[span.start : span.end] == span.text
        for value in (
            r.killed,
            r.injured,
            r.children_killed,
            r.children_injured,
            r.location,
            r.actor1,
            r.actor2,
            *r.weapons,
            *r.attributed_to,
            *r.participants,
            *r.targets,
        ):
            if value is None:
                continue
            start, end, vtext = value.start, value.end, value.text  # type: ignore[union-attr]
            assert vtext and text[start:end] == vtext, (r.type, value)
        if r.date is not None and r.date.precision != "unresolved":
            assert text[r.date.start : r.date.end] == r.date.text
    for q in ex.quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text


def _refs(ex: Extraction, kind: str, text: str) -> set[str | None]:
    return {m.ref for m in ex.mentions if m.kind == kind and m.text == text}


def test_place_mentions_resolve_across_languages(en: Extraction, fr: Extraction) -> None:
    kyiv = str(703448)
    assert _refs(en, "place", "Kyiv") == {kyiv}
    assert _refs(fr, "place", "Kiev") == {kyiv}
    assert _refs(en, "place", "Moscow") == _refs(fr, "place", "Moscou") == {str(524901)}
    for ex in (en, fr):
        for m in ex.mentions:
            assert ex.article.text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("seed", "words", "geonames_id"),
    [
        ("en", "Kyiv", 703448),
        ("en", "Fastiv", 709248),  # the town of Kyiv Oblast
        ("en", "Hrabovske", 807550),  # the village of Sumy Oblast
        ("en", "Sumy region", 692196),  # the oblast, not the city
        ("en", "Donbas", 709718),  # "the Donbas region": the region
        ("en", "Moscow", 524901),
        ("en", "Paris", 2988507),
        ("en", "Venezuela", 3625428),
        ("fr", "Kiev", 703448),
        ("fr", "Moscou", 524901),
        ("fr", "Budapest", 3054643),
        ("fr", "Corée du Sud", 1835841),
    ],
)
def test_seed_places_resolve(
    seed: str, words: str, geonames_id: int, request: pytest.FixtureRequest
) -> None:
    ex: Extraction = request.getfixturevalue(seed)
    refs = {m.ref for m in ex.mentions if m.kind == "place" and m.text == words}
    assert refs == {str(geonames_id)}, (words, refs)


def test_putin_and_poutine_are_one_actor(en: Extraction, fr: Extraction) -> None:
    assert _refs(en, "actor", "Vladimir Putin") == _refs(fr, "actor", "Vladimir Poutine")
    assert _refs(fr, "actor", "Poutine") == {"Q7747"}
    assert _refs(en, "actor", "Trump") == _refs(fr, "actor", "Trump") == {"Q22686"}
