"""The matcher and metrics of ``sitroom.evaluate`` on hand-built records (no models)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from sitroom.evaluate.gold import (
    GoldArticle,
    GoldCount,
    GoldError,
    GoldEvent,
    GoldQuote,
    GoldWeapon,
    SourceRef,
    load_gold,
    resolve_text,
    sha256_text,
)
from sitroom.evaluate.score import (
    aggregate,
    check_floors,
    match_events,
    same_speaker,
    score_article,
    score_quotes,
)
from sitroom.types import Actor, DateValue, EventReport, Place, Quantity, Quote, WeaponCount

DAY = dt.date(2026, 1, 5)


def report(
    type_: str = "attack",
    place: str | None = "Kyiv",
    gid: int | None = 703448,
    day: dt.date | None = DAY,
    killed: int | None = None,
    actor: str | None = None,
    weapons: tuple[WeaponCount, ...] = (),
) -> EventReport:
    return EventReport(
        report_id=f"r{type_}{place}{day}",
        article_id="a",
        type=type_,
        evidence=(),
        date=DateValue(day, "day", "Monday") if day else None,
        location=Place(place, place, geonames_id=gid) if place else None,
        killed=Quantity(killed, killed, "exact", str(killed)) if killed is not None else None,
        actor1=Actor(actor, actor) if actor else None,
        weapons=weapons,
    )


def gold_event(type_: str = "attack", place: str | None = "Kyiv", **kw: object) -> GoldEvent:
    return GoldEvent(type=type_, date=kw.pop("date", DAY), place=place, **kw)  # type: ignore[arg-type]


def article(
    events: tuple[GoldEvent, ...], quotes: tuple[GoldQuote, ...] = (), **kw: str
) -> GoldArticle:
    return GoldArticle(
        id=kw.get("id", "g1"),
        lang=kw.get("lang", "en"),
        split=kw.get("split", "dev"),  # type: ignore[arg-type]
        published=DAY,
        source=SourceRef("data", "x.txt"),
        sha256="0",
        events=events,
        quotes=quotes,
    )


def test_same_type_place_and_date_match() -> None:
    assert match_events([gold_event()], [report()]) == [(0, 0)]


def test_different_place_or_far_date_does_not_match() -> None:
    assert match_events([gold_event()], [report(place="Odesa", gid=698740)]) == []
    assert match_events([gold_event()], [report(day=DAY + dt.timedelta(days=2))]) == []
    assert match_events([gold_event()], [report(day=DAY + dt.timedelta(days=1))]) == [(0, 0)]


def test_null_place_and_name_any_case_match() -> None:
    assert match_events([gold_event(place=None)], [report()]) == [(0, 0)]
    assert match_events([gold_event(place="KYIV")], [report(gid=None)]) == [(0, 0)]


def test_strike_family_is_only_a_fallback() -> None:
    gold = [gold_event("air_raid", place=None), gold_event("attack")]
    pred = [report("attack"), report("air_raid", place=None, gid=None)]
    assert match_events(gold, pred) == [(0, 1), (1, 0)]
    assert match_events([gold_event("air_raid")], [report("attack")]) == [(0, 0)]
    assert match_events([gold_event("meeting")], [report("attack")]) == []


def test_greedy_prefers_exact_place() -> None:
    gold = [gold_event(place=None), gold_event(place="Kyiv", geonames_id=703448)]
    assert match_events(gold, [report()]) == [(1, 0)]


def test_field_accuracy_counts_only_stated_fields() -> None:
    gold = article(
        (
            gold_event(killed=GoldCount(1, 1), actor1="Russia"),
            gold_event(
                "air_raid",
                place="Ukraine",
                weapons=(GoldWeapon("drone", 165), GoldWeapon("missile", 9)),
            ),
        )
    )
    pred = [
        report(killed=2, actor="russia"),
        report("air_raid", "Ukraine", 690791, weapons=(WeaponCount("drone", "165", 165),)),
        report("meeting", "Paris", None),
    ]
    score = score_article(gold, pred, ())
    assert (score.events.tp, score.events.fp, score.events.fn) == (2, 1, 0)
    fields = dict(score.fields)
    assert (fields["killed"].correct, fields["killed"].total) == (0, 1)
    assert (fields["actor1"].correct, fields["actor1"].total) == (1, 1)
    assert (fields["weapons_launched"].correct, fields["weapons_launched"].total) == (0, 1)
    assert fields["injured"].total == 0
    assert (fields["place"].correct, fields["type"].correct) == (2, 2)


def test_quotes_match_by_prefix_and_speaker() -> None:
    def quote(text: str, speaker: str | None) -> Quote:
        actor = Actor(speaker, speaker, kind="person") if speaker else None
        return Quote("q", "a", text, 0, len(text), actor, "said", True)

    gold = [GoldQuote("Volodymyr Zelensky", "This week, we will"), GoldQuote("Trump", "I don't")]
    pred = [
        quote("“This week,  we will be working”", "Zelensky"),
        quote("I do not believe it", "Donald Trump"),
        quote("Something else", None),
    ]
    counts, speaker = score_quotes(gold, pred)
    assert (counts.tp, counts.fp, counts.fn) == (1, 2, 1)
    assert (speaker.correct, speaker.total) == (1, 1)


def test_groups_metrics_and_floors() -> None:
    en = score_article(article((gold_event(),)), [report()], ())
    fr = score_article(article((gold_event(),), lang="fr", split="heldout"), [], ())
    result = aggregate([en, fr])
    metrics = result.metrics()
    assert metrics["en/dev/event_f1"] == 1.0
    assert metrics["fr/heldout/event_recall"] == 0.0
    assert metrics["all/all/event_f1"] == pytest.approx(2 / 3)
    assert metrics["fr/heldout/event_precision"] is None
    assert set(result.to_dict()["groups"]) >= {"en/dev", "fr/heldout", "all/all"}
    assert check_floors(result, {"en/dev/event_f1": 0.9}) == []
    lines = check_floors(result, {"all/all/event_f1": 0.9, "fr/all/quote_f1": 0.1})
    assert len(lines) == 2 and "below its floor" in lines[0] and "not measured" in lines[1]


def _write_gold(folder: Path, sha: str, record: dict[str, object] | None = None) -> Path:
    source: dict[str, object] = {"root": "data", "path": "feed.jsonl"}
    if record:
        source["record"] = record
    d = {
        "id": "t",
        "lang": "fr",
        "split": "heldout",
        "published": "2022-04-09",
        "source": source,
        "sha256": sha,
        "events": [{"type": "attack", "location": {"name": "Kramatorsk"}, "killed": 52}],
        "quotes": [{"speaker": "X", "prefix": "Au moins"}],
    }
    path = folder / "gold" / "t.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(d), "utf-8")
    return path


def test_gold_record_is_resolved_and_checked(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    rec = {"title": "Une frappe", "description": "Deux morts."}
    (data / "feed.jsonl").write_text(json.dumps({"title": "autre"}) + "\n" + json.dumps(rec))
    spec = {"line": 1, "fields": ["title", "description"]}
    good = _write_gold(tmp_path, sha256_text("Une frappe\n\nDeux morts."), spec)
    [gold] = load_gold([good.parent])
    assert gold.events[0].killed == GoldCount(52, 52) and gold.split == "heldout"
    assert resolve_text(gold, data).text == "Une frappe\n\nDeux morts."
    [changed] = load_gold([_write_gold(tmp_path, "0" * 64, spec)])
    with pytest.raises(GoldError, match="has changed"):
        resolve_text(changed, data)
    with pytest.raises(GoldError, match="is missing"):
        resolve_text(changed, tmp_path / "nowhere")


def test_malformed_gold_is_one_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x"}')
    with pytest.raises(GoldError, match="not a valid gold file"):
        load_gold([bad])
    long = _write_gold(tmp_path, "0")
    text = long.read_text().replace("Au moins", "un deux trois quatre cinq six sept huit neuf")
    long.write_text(text)
    with pytest.raises(GoldError, match="longer than 8 words"):
        load_gold([long])


def test_raised_floors_never_go_down() -> None:
    from sitroom.evaluate.score import EvalResult, raised_floors

    class Fixed(EvalResult):
        def metrics(self) -> dict[str, float | None]:  # type: ignore[override]
            return {"en/all/event_f1": 0.9, "en/all/killed_acc": 0.5, "en/all/quote_f1": None}

    result = Fixed((), ())
    floors = raised_floors(result, {"en/all/event_f1": 0.8, "en/all/killed_acc": 0.7})
    assert floors["en/all/event_f1"] == 0.85
    assert floors["en/all/killed_acc"] == 0.7
    assert "en/all/quote_f1" not in floors


def test_actor1_a_state_and_its_own_forces_are_one_side() -> None:
    from sitroom.evaluate.score import field_tallies

    def pred(name: str, kind: str, country: str | None) -> EventReport:
        r = report()
        return dataclasses.replace(r, actor1=Actor(name, name, kind=kind, country=country))  # type: ignore[arg-type]

    gold = gold_event(actor1="Ukraine")
    forces = pred("Armed Forces of Ukraine", "force", "UA")
    russian = pred("Russian Armed Forces", "force", "RU")
    person = pred("Volodymyr Zelensky", "person", "UA")
    assert field_tallies([(gold, forces)])["actor1"].correct == 1
    assert field_tallies([(gold, russian)])["actor1"].correct == 0
    assert field_tallies([(gold, person)])["actor1"].correct == 0  # a person is not a side


def test_an_unresolved_date_is_the_publication_date_it_falls_back_to() -> None:
    fallback = dataclasses.replace(report(), date=DateValue(DAY, "unresolved", ""))
    day_before = DAY - dt.timedelta(days=1)
    cases = [
        (gold_event(), (1, 1)),  # the event was on the publication day: right
        (gold_event(date=day_before), (0, 1)),  # the day before: wrong
        (gold_event(date=None), (0, 0)),  # neither gives a day: not counted
    ]
    for gold, expected in cases:
        fields = dict(score_article(article((gold,)), [fallback], ()).fields)
        assert (fields["date"].correct, fields["date"].total) == expected


def test_a_short_range_is_right_when_it_holds_the_gold_day() -> None:
    def ranged(days: int) -> EventReport:
        span = DateValue(DAY - dt.timedelta(days=days), "range", "", end_date=DAY)
        return dataclasses.replace(report(), date=span)

    for pred, expected in [(ranged(1), 1), (ranged(2), 1), (ranged(30), 0)]:
        fields = dict(score_article(article((gold_event(),)), [pred], ()).fields)
        assert fields["date"].correct == expected


def test_a_year_states_no_day() -> None:
    year = DateValue(dt.date(2014, 1, 1), "range", "in 2014", end_date=dt.date(2014, 12, 31))
    pred = dataclasses.replace(report(), date=year)
    undated = dict(score_article(article((gold_event(date=None),)), [pred], ()).fields)
    assert undated["date"].correct == undated["date"].total  # no day on either side
    dated = dict(score_article(article((gold_event(),)), [pred], ()).fields)
    assert dated["date"].correct == 0


def test_a_month_states_no_day_and_matches_only_within_itself() -> None:
    march = DateValue(dt.date(2026, 3, 1), "month", "in March")
    pred = dataclasses.replace(report(), date=march)
    undated = score_article(article((gold_event(date=None),)), [pred], ())
    assert undated.events.tp == 1 and dict(undated.fields)["date"].total == 0
    first = score_article(article((gold_event(date=dt.date(2026, 3, 1)),)), [pred], ())
    assert dict(first.fields)["date"].correct == 1  # a month written as its first day
    inside = score_article(article((gold_event(date=dt.date(2026, 3, 17)),)), [pred], ())
    assert inside.events.tp == 1 and dict(inside.fields)["date"].correct == 0
    other = score_article(article((gold_event(date=dt.date(2026, 4, 1)),)), [pred], ())
    assert other.events.tp == 0


def test_place_names_match_without_accents_or_hyphens() -> None:
    gold = article((gold_event(place="Al-Bab"),))
    score = score_article(gold, [report(place="Al Bāb", gid=None)], ())
    assert (score.events.tp, score.events.fp) == (1, 0)


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky", True),  # one actor of the table
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", True),  # accents folded
        ("Kremlin", "Russia", True),
        ("Trump", "Donald Trump", True),
        ("Paris", "France", False),  # a city is never its state
        ("Vladimir Putin", "Volodymyr Zelensky", False),
    ],
)
def test_speakers_are_the_same_person_however_spelt(gold: str, pred: str, same: bool) -> None:
    assert same_speaker(gold, pred) is same


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        (None, "one senior US intelligence official", True),
        ("source sécuritaire", None, True),
        ("un responsable d'Aden", "source locale de sécurité à Aden", True),
        (None, "official from British defence intelligence", True),
        (None, "Ukraine’s defence minister Rustem Umerov", False),  # named
        (None, "le ministre Lavrov", False),  # a person the table knows
        (None, "the ministry", False),  # a body, not an unnamed person
        ("Ukrainian police", "a police officer", False),
    ],
)
def test_a_person_the_article_does_not_name_is_no_speaker(
    gold: str | None, pred: str | None, same: bool
) -> None:
    assert same_speaker(gold, pred) is same


def test_actor1_names_the_table_reads_as_one_actor_agree() -> None:
    gold = gold_event(actor1="GNA")
    fields = dict(
        score_article(article((gold,)), [report(actor="Government of National Accord")], ()).fields
    )
    assert (fields["actor1"].correct, fields["actor1"].total) == (1, 1)
    other = dict(score_article(article((gold,)), [report(actor="Libya")], ()).fields)
    assert other["actor1"].correct == 0
