"""What only the whole article shows of its mentions (pure functions, no model): quote
speakers and people named after their role that the NER missed, and short names."""

from __future__ import annotations

from sitroom.extract.mentions import (
    acronyms,
    named_bodies,
    named_people,
    short_forms,
    speakers_in,
    titled_people,
    unnamed_groups,
)
from sitroom.resolve import ActorTable
from sitroom.types import Actor, Mention, Quote, Span

TEXT = '"It was a terrible night," Margaryta Maliovana, the clinic\'s CEO, told AFP. She left.'


def _quote(speaker: Actor) -> Quote:
    return Quote(
        quote_id="q",
        article_id="a",
        text="It was a terrible night,",
        start=1,
        end=25,
        speaker=speaker,
        verb="told",
        direct=True,
        evidence=Span(0, 10, TEXT[:10]),
    )


def _person(name: str, written: str, wikidata: str | None = None) -> Actor:
    start = TEXT.index(written)
    return Actor(name, written, wikidata, "person", start=start, end=start + len(written))


def test_a_named_speaker_becomes_a_person_mention() -> None:
    speaker = _person("Margaryta Maliovana", "Margaryta Maliovana, the clinic's CEO")
    [m] = speakers_in([_quote(speaker)], TEXT, [])
    assert (m.kind, TEXT[m.start : m.end], m.ref) == ("person", "Margaryta Maliovana", None)


def test_nothing_is_added_twice_or_for_a_pronoun_or_a_group() -> None:
    speaker = _person("Margaryta Maliovana", "Margaryta Maliovana")
    known = [Mention("person", speaker.start, speaker.end, "Margaryta Maliovana")]
    assert speakers_in([_quote(speaker)], TEXT, known) == []
    pronoun = _person("Margaryta Maliovana", "She")
    assert speakers_in([_quote(pronoun)], TEXT, []) == []
    group = Actor("AFP", "AFP", None, "org", start=TEXT.index("AFP"), end=TEXT.index("AFP") + 3)
    assert speakers_in([_quote(group)], TEXT, []) == []
    twice = speakers_in([_quote(speaker), _quote(speaker)], TEXT, [])
    assert len(twice) == 1


def test_people_named_after_their_role_become_person_mentions() -> None:
    text = (
        "Briefing reporters, UN Spokesperson Stéphane Dujarric said strikes must stop. "
        "Ukrainian Minister of Defence Mykhailo Fedorov spoke too, as did President "
        "Donald Trump. Le porte-parole Peskov a refusé."
    )
    found = {m.text: m.ref for m in titled_people(text, [], ActorTable.load())}
    assert found == {
        "Stéphane Dujarric": None,
        "Mykhailo Fedorov": None,
        "Donald Trump": "Q22686",
    }
    at = text.index("Donald Trump")
    known = [Mention("person", at, at + 12, "Donald Trump")]
    assert "Donald Trump" not in {m.text for m in titled_people(text, known, ActorTable.load())}


def test_professions_and_ranks_name_people_too() -> None:
    text = (
        "“He was pardoned,” lawyer Alexei Mikhalchik told AFP. Military analyst Kostiantyn "
        "Mashovets disagreed, and l'avocate Marie Dupont aussi. The lawyer refused."
    )
    found = [m.text for m in titled_people(text, [], ActorTable.load())]
    assert found == ["Alexei Mikhalchik", "Kostiantyn Mashovets", "Marie Dupont"]


def test_a_short_name_repeats_the_full_name_given_before() -> None:
    text = "The European Commission and Kim Jong Un spoke. The Commission said Kim lied."
    mentions = [
        Mention("actor", 4, 23, "European Commission", "European Commission", "Q8880"),
        Mention("person", 28, 39, "Kim Jong Un", "Kim Jong Un", "Kim Jong Un"),
        Mention("org", 51, 61, "Commission", "Commission", None),
        Mention("person", 67, 70, "Kim", "Kim", None),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)
    out = short_forms(mentions)
    assert [(m.text, m.ref) for m in out[2:]] == [("Commission", "Q8880"), ("Kim", "Kim Jong Un")]
    # Before the full name, or with no full name at all, nothing is guessed.
    assert short_forms(mentions[2:]) == mentions[2:]


def test_initials_repeat_the_full_name_given_before() -> None:
    text = "The UK Ministry of Defence said so. The MoD added that the MD was wrong."
    name = "Ministry of Defence of the United Kingdom"
    mentions = [
        Mention("actor", 4, 26, "UK Ministry of Defence", name, name),
        Mention("org", 40, 43, "MoD", "MoD", None),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert short_forms(mentions)[1].ref == name


def _at(text: str, words: str, kind: str, ref: str | None, after: int = 0) -> Mention:
    start = text.index(words, after)
    return Mention(kind, start, start + len(words), words, ref or words, ref)  # type: ignore[arg-type]


def test_last_words_and_a_french_head_noun_repeat_the_full_name() -> None:
    text = (
        "Ukraine's Air Force said the Air Force downed 20 drones. "
        "Le Conseil de sécurité s'est réuni ; le Conseil a voté. La Grande Armée a fui."
    )
    mentions = [
        _at(text, "Ukraine's Air Force", "actor", "Ukrainian Air Force"),
        _at(text, "Air Force", "org", None, 20),
        _at(text, "Conseil de sécurité", "actor", "Q37470"),
        _at(text, "Conseil", "org", None, text.index("le Conseil a")),
        _at(text, "Armée", "org", None),
    ]
    out = short_forms(mentions)
    assert [m.ref for m in out] == [
        "Ukrainian Air Force",
        "Ukrainian Air Force",
        "Q37470",
        "Q37470",
        None,  # no "Armée …" was named before
    ]


def test_armed_groups_named_by_what_they_are() -> None:
    text = "Rebels shelled the town; les séparatistes et les jihadistes ont nié."
    found = [(m.kind, m.text, m.ref) for m in unnamed_groups(text, [])]
    assert found == [
        ("org", "Rebels", None),
        ("org", "séparatistes", None),
        ("org", "jihadistes", None),
    ]
    known = [Mention("actor", 0, 6, "Rebels", "Houthis", "Houthis")]
    assert [m.text for m in unnamed_groups(text, known)] == ["séparatistes", "jihadistes"]


def test_military_units_are_organisation_mentions() -> None:
    text = (
        "Recruits of the 28th Separate Mechanized Brigade and the 46th brigade faced the "
        "Southern Military District; la 93e brigade a tenu. It is the 2nd largest army. "
        "The 76th Airborne (VDV) Division (36th CAA) and le 1er régiment de hussards."
    )
    assert [m.text for m in unnamed_groups(text, [])] == [
        "28th Separate Mechanized Brigade",
        "46th brigade",
        "Southern Military District",
        "93e brigade",
        "76th Airborne (VDV) Division",
        "36th CAA",
        "1er régiment",
    ]


def test_a_given_name_starts_a_person_the_model_missed_or_took_for_a_place() -> None:
    text = (
        "Backed by Oksana Hrytsenko, an expert. The late Boris Orlov’s Kyiv office shut. "
        "Vladimir Saldo spoke. They flew to Abu Dhabi. The Alexander Palace stood. "
        "Jean-Yves Le Drian a parlé."
    )

    def at(words: str, kind: str, ref: str | None) -> Mention:
        i = text.index(words)
        return Mention(kind, i, i + len(words), words, None, ref)

    known = [
        at("Oksana Hrytsenko", "place", None),  # read as a place, resolved to nothing
        at("Vladimir", "place", "473249"),  # the town, holding only the given name
        at("Kyiv", "place", "703448"),
        at("Abu Dhabi", "place", "292968"),
    ]
    found = named_people(text, known, ActorTable.load())
    assert [(m.kind, m.text) for m in found] == [
        ("person", "Oksana Hrytsenko"),
        ("person", "Boris Orlov"),
        ("place", "Kyiv"),
        ("person", "Vladimir Saldo"),
        ("place", "Abu Dhabi"),
        ("person", "Jean-Yves Le Drian"),
    ]


def test_bodies_named_by_what_they_are_become_organisation_mentions() -> None:
    text = (
        "The Rubikon Center for Advanced Unmanned Technologies and the Moscow Military "
        "District said so. L'Université de Sheffield. The Ministry said. Kyiv was calm."
    )
    moscow = Mention("place", text.index("Moscow"), text.index("Moscow") + 6, "Moscow")
    found = named_bodies(text, [moscow])
    assert moscow in found  # a place inside the name stays a place mention too
    orgs = [m.text for m in found if m.kind == "org"]
    assert orgs == [
        "Rubikon Center for Advanced Unmanned Technologies",
        "Moscow Military District",
        "Université de Sheffield",
    ]
    assert all(m.ref is None for m in found if m.kind == "org")
    # a person or actor mention over the words keeps them
    table_hit = Mention("actor", 4, 10, "Rubikon", label="Rubikon", ref="Q1")
    assert "Rubikon" not in " ".join(m.text for m in named_bodies(text, [table_hit])[1:])


def test_a_state_adjective_before_a_body_name_stays_the_states() -> None:
    text = "Drone operators of the Russian Smuglyanka Detachment struck."
    russian = Mention("actor", text.index("Russian"), text.index("Russian") + 7, "Russian")
    found = named_bodies(text, [russian])
    assert [m.text for m in found if m.kind == "org"] == ["Smuglyanka Detachment"]


def test_words_in_capitals_are_bodies_unless_kit_or_shouted_words() -> None:
    text = (
        "One dead in shelling - OVA. UPDATE: the update came. GCHQ and the NSA listened.\n"
        "HIMARS and FPV drones hit at 10 UTC. NATO met.\nLIVE BLOG FROM KYIV"
    )
    nato = Mention("actor", text.index("NATO"), text.index("NATO") + 4, "NATO", "NATO", "Q7184")
    found = acronyms(text, [nato])
    assert [(m.kind, m.text, m.ref) for m in found] == [
        ("org", "OVA", None),
        ("org", "GCHQ", None),
        ("org", "NSA", None),
    ]
