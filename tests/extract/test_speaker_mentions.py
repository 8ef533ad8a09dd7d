"""Quote speakers the NER missed become person mentions (pure function, no model)."""

from __future__ import annotations

from sitroom.extract.mentions import speakers_in
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
