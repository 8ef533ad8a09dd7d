"""Counts in English and French: values, qualifiers, spans, nouns, and what is not a count."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.annotate.numbers import Counted, find_counted, find_counts, parse_count
from sitroom.types import Quantity

# ---------------------------------------------------------------- parse_count

PARSE = [
    # phrase, lang, min, max, qualifier
    ("two people", "en", 2, 2, "exact"),
    ("at least 14", "en", 14, None, "at_least"),
    ("at least nine missiles", "en", 9, None, "at_least"),
    ("more than 20", "en", 21, None, "at_least"),
    ("over 20 civilians", "en", 21, None, "at_least"),
    ("20 or more people", "en", 20, None, "at_least"),
    ("100+ drones", "en", 100, None, "at_least"),
    ("no fewer than 7", "en", 7, None, "at_least"),
    ("up to 30", "en", None, 30, "at_most"),
    ("as many as 30 drones", "en", None, 30, "at_most"),
    ("fewer than 30", "en", None, 29, "at_most"),
    ("14 to 16", "en", 14, 16, "range"),
    ("14-16", "en", 14, 16, "range"),
    ("14–16 people", "en", 14, 16, "range"),
    ("between 14 and 16", "en", 14, 16, "range"),
    ("one or two", "en", 1, 2, "range"),
    ("two to three hundred", "en", 2, 300, "range"),
    ("about 50", "en", 50, 50, "approx"),
    ("around 50", "en", 50, 50, "approx"),
    ("nearly 50", "en", 50, 50, "approx"),
    ("some 50 people", "en", 50, 50, "approx"),
    ("roughly 140,000", "en", 140000, 140000, "approx"),
    ("a dozen", "en", 12, 12, "approx"),
    ("half a dozen", "en", 6, 6, "approx"),
    ("two dozen", "en", 24, 24, "approx"),
    ("several", "en", 3, None, "vague"),
    ("a few soldiers", "en", 3, None, "vague"),
    ("some residents", "en", 3, None, "vague"),
    ("a number of civilians", "en", 3, None, "vague"),
    ("a handful of troops", "en", 3, None, "vague"),
    ("tens of people", "en", 10, None, "vague"),
    ("dozens", "en", 12, None, "vague"),
    ("scores of people", "en", 20, None, "vague"),
    ("hundreds", "en", 100, None, "vague"),
    ("thousands", "en", 1000, None, "vague"),
    ("tens of thousands", "en", 10000, None, "vague"),
    ("hundreds of thousands", "en", 100000, None, "vague"),
    ("several hundred", "en", 300, None, "vague"),
    ("tens, if not hundreds, of thousands", "en", 10000, None, "vague"),
    ("nine", "en", 9, 9, "exact"),
    ("Nine", "en", 9, 9, "exact"),
    ("twenty-three", "en", 23, 23, "exact"),
    ("one hundred and sixty-five", "en", 165, 165, "exact"),
    ("a hundred people", "en", 100, 100, "exact"),
    ("one", "en", 1, 1, "exact"),
    ("a single missile", "en", 1, 1, "exact"),
    ("zero casualties", "en", 0, 0, "exact"),
    ("1,500", "en", 1500, 1500, "exact"),
    ("1 500", "en", 1500, 1500, "exact"),
    ("1\u00a0500", "en", 1500, 1500, "exact"),
    ("1.5 million", "en", 1_500_000, 1_500_000, "exact"),
    ("2 million people", "en", 2_000_000, 2_000_000, "exact"),
    ("2000 soldiers", "en", 2000, 2000, "exact"),
    ("quatre", "fr", 4, 4, "exact"),
    ("deux", "fr", 2, 2, "exact"),
    ("vingt-trois", "fr", 23, 23, "exact"),
    ("vingt et un morts", "fr", 21, 21, "exact"),
    ("soixante-dix", "fr", 70, 70, "exact"),
    ("soixante et onze", "fr", 71, 71, "exact"),
    ("quatre-vingt-dix", "fr", 90, 90, "exact"),
    ("cent soixante-cinq", "fr", 165, 165, "exact"),
    ("deux cents", "fr", 200, 200, "exact"),
    ("un mort", "fr", 1, 1, "exact"),
    ("une personne", "fr", 1, 1, "exact"),
    ("un seul drone", "fr", 1, 1, "exact"),
    ("1 500", "fr", 1500, 1500, "exact"),
    ("1\u202f500 personnes", "fr", 1500, 1500, "exact"),
    ("1.500", "fr", 1500, 1500, "exact"),
    ("1,5 million", "fr", 1_500_000, 1_500_000, "exact"),
    ("au moins 14", "fr", 14, None, "at_least"),
    ("les 14 personnes au moins", "fr", 14, None, "at_least"),
    ("plus de 20", "fr", 21, None, "at_least"),
    ("plus d'une centaine", "fr", 101, None, "at_least"),
    ("au moins une dizaine", "fr", 10, None, "at_least"),
    ("20 ou plus", "fr", 20, None, "at_least"),
    ("jusqu'à 30", "fr", None, 30, "at_most"),
    ("jusqu’à 30 drones", "fr", None, 30, "at_most"),
    ("moins de 30", "fr", None, 29, "at_most"),
    ("entre 14 et 16", "fr", 14, 16, "range"),
    ("de 14 à 16", "fr", 14, 16, "range"),
    ("deux ou trois morts", "fr", 2, 3, "range"),
    ("environ 50", "fr", 50, 50, "approx"),
    ("près de 50", "fr", 50, 50, "approx"),
    ("quelque 200 soldats", "fr", 200, 200, "approx"),
    ("une cinquantaine", "fr", 50, 50, "approx"),
    ("une dizaine", "fr", 10, 10, "approx"),
    ("une douzaine", "fr", 12, 12, "approx"),
    ("une vingtaine", "fr", 20, 20, "approx"),
    ("une trentaine", "fr", 30, 30, "approx"),
    ("une centaine", "fr", 100, 100, "approx"),
    ("un millier", "fr", 1000, 1000, "approx"),
    ("une demi-douzaine", "fr", 6, 6, "approx"),
    ("plusieurs", "fr", 3, None, "vague"),
    ("quelques soldats", "fr", 3, None, "vague"),
    ("de nombreux civils", "fr", 3, None, "vague"),
    ("des dizaines", "fr", 10, None, "vague"),
    ("des douzaines", "fr", 12, None, "vague"),
    ("des centaines", "fr", 100, None, "vague"),
    ("des milliers", "fr", 1000, None, "vague"),
    ("des dizaines de milliers", "fr", 10000, None, "vague"),
    ("plusieurs centaines", "fr", 300, None, "vague"),
]


@pytest.mark.parametrize(("phrase", "lang", "lo", "hi", "qualifier"), PARSE)
def test_parse_count(
    phrase: str, lang: str, lo: int | None, hi: int | None, qualifier: str
) -> None:
    q = parse_count(phrase, lang)
    assert q is not None, phrase
    assert (q.min, q.max, q.qualifier) == (lo, hi, qualifier)
    assert q.text == phrase[q.start : q.end]


# ---------------------------------------------------------------- not counts

NOT_COUNTS = [
    ("a 30-year-old man", "en"),
    ("aged 30", "en"),
    ("a man in his 70s", "en"),
    ("in the 1990s", "en"),
    ("the plan is 90% ready", "en"),
    ("around 20% of Ukraine", "en"),
    ("90 % of", "en"),
    ("20 percent", "en"),
    ("20 per cent", "en"),
    ("in 2022", "en"),
    ("Russia in 2025 gained ground", "en"),
    ("the 2022 invasion", "en"),
    ("since 2014", "en"),
    ("on February 24", "en"),
    ("on Feb. 24, 2022", "en"),
    ("24 February", "en"),
    ("5/1/2026", "en"),
    ("2026-01-05", "en"),
    ("at 10:30", "en"),
    ("at 3 a.m.", "en"),
    ("at 3 pm", "en"),
    ("minus 8 degrees Celsius", "en"),
    ("-8 °C", "en"),
    ("the first year", "en"),
    ("the 2nd brigade", "en"),
    ("the 47th", "en"),
    ("just $2", "en"),
    ("$2.5 billion", "en"),
    ("2 million dollars", "en"),
    ("15 km from the front", "en"),
    ("four years ago", "en"),
    ("15 days", "en"),
    ("two more days", "en"),
    ("a few hours", "en"),
    ("Air Force One", "en"),
    ("World War II", "en"),
    ("the G7", "en"),
    ("F-16 jets", "en"),
    ("Su-25", "en"),
    ("Article 5", "en"),
    ("one of Russian President Vladimir Putin's residences", "en"),
    ("no one was hurt", "en"),
    ("the one who fled", "en"),
    ("a three-day visit", "en"),
    ("two-thirds", "en"),
    ("2.5", "en"),
    ("three times", "en"),
    ("some of the", "en"),
    ("âgé de 30 ans", "fr"),
    ("30 ans", "fr"),
    ("90 %", "fr"),
    ("20 pour cent", "fr"),
    ("24 février", "fr"),
    ("le 1er janvier", "fr"),
    ("22h", "fr"),
    ("22 heures", "fr"),
    ("10h30", "fr"),
    ("moins 8 degrés", "fr"),
    ("la troisième fois", "fr"),
    ("quelques jours", "fr"),
    ("deux millions de dollars", "fr"),
    ("une attaque", "fr"),
    ("l'un des soldats", "fr"),
    ("un immeuble neuf", "fr"),
    ("en 2022", "fr"),
    ("le score de 3-1", "fr"),
    ("https://example.org/news/123456", "en"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_COUNTS)
def test_not_a_count(text: str, lang: str) -> None:
    assert find_counts(text, lang) == []


# ---------------------------------------------------------------- several counts, spans

FIND = [
    (
        "Russia launched a total of 165 drones and at least nine missiles overnight.",
        "en",
        [("165", 165, 165, "exact"), ("at least nine", 9, None, "at_least")],
    ),
    (
        "killing one person and wounding three others, the authorities said.",
        "en",
        [("one", 1, 1, "exact"), ("three", 3, 3, "exact")],
    ),
    (
        '"One person died. A young man, 30-year-old, was killed," she said, adding that '
        "there were 26 patients in the clinic.",
        "en",
        [("One", 1, 1, "exact"), ("26", 26, 26, "exact")],
    ),
    (
        "The pre-dawn attack also killed one man in his 70s in the city of Fastiv.",
        "en",
        [("one", 1, 1, "exact")],
    ),
    (
        "a conflict that has killed tens, if not hundreds, of thousands, and forced "
        "millions to flee their homes.",
        "en",
        [
            ("tens, if not hundreds, of thousands", 10000, None, "vague"),
            ("millions", 1_000_000, None, "vague"),
        ],
    ),
    (
        "The toll rose from 14 to 16 people.",
        "en",
        [("14", 14, 14, "exact"), ("16", 16, 16, "exact")],
    ),
    (
        "Quatre enfants figurent parmi les 14 personnes au moins qui ont été blessées.",
        "fr",
        [("Quatre", 4, 4, "exact"), ("14 personnes au moins", 14, None, "at_least")],
    ),
    (
        "Le bilan fait état de deux morts, six blessés.",
        "fr",
        [("deux", 2, 2, "exact"), ("six", 6, 6, "exact")],
    ),
    (
        "Le bilan est passé de 14 à 16 morts.",
        "fr",
        [("14", 14, 14, "exact"), ("16", 16, 16, "exact")],
    ),
]


@pytest.mark.parametrize(("text", "lang", "expected"), FIND)
def test_find_counts(
    text: str, lang: str, expected: list[tuple[str, int | None, int | None, str]]
) -> None:
    found = find_counts(text, lang)
    assert [(q.text, q.min, q.max, q.qualifier) for q in found] == expected
    for q in found:
        assert text[q.start : q.end] == q.text


# ---------------------------------------------------------------- counted nouns

COUNTED = [
    ("Russian strikes killed two people.", "en", [("two", "people")]),
    (
        "165 drones and at least nine missiles",
        "en",
        [("165", "drones"), ("at least nine", "missiles")],
    ),
    ("nine Shahed-type attack drones", "en", [("nine", "drones")]),
    ("165 Shahed drones", "en", [("165", "drones")]),
    (
        "killing one person and wounding three others",
        "en",
        [("one", "person"), ("three", "others")],
    ),
    # "more" and "other" before the noun are no noun themselves
    ("two more people were injured", "en", [("two", "people")]),
    ("three other civilians", "en", [("three", "civilians")]),
    ("two more were injured", "en", []),
    ("security advisers from 15 countries", "en", [("15", "countries")]),
    ("dozens of residents", "en", [("dozens", "residents")]),
    ("one Ukrainian soldier", "en", [("one", "soldier")]),
    ("killing one and wounding three", "en", []),
    # a comma after a month ends the date phrase: the number is a count
    ("Since January, 17 children were killed", "en", [("17", "children")]),
    ("Quatre enfants figurent parmi", "fr", [("Quatre", "enfants")]),
    ("les 14 personnes au moins qui", "fr", [("14 personnes au moins", "personnes")]),
    ("deux morts, six blessés", "fr", [("deux", "morts"), ("six", "blessés")]),
    ("Deux immeubles résidentiels ont été touchés", "fr", [("Deux", "immeubles")]),
    ("une dizaine d'enfants", "fr", [("une dizaine", "enfants")]),
    ("des dizaines de civils", "fr", [("des dizaines", "civils")]),
    ("trois autres personnes", "fr", [("trois", "personnes")]),
    ("ont détruit un drone qui se dirigeait vers Moscou", "fr", [("un", "drone")]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), COUNTED)
def test_find_counted(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    found = find_counted(text, lang)
    assert [(c.quantity.text, c.noun) for c in found] == expected
    for c in found:
        assert isinstance(c, Counted)
        assert text[c.noun_start : c.noun_end].lower() == c.noun
        assert c.quantity.start < c.noun_end


def test_counted_noun_offsets_are_into_the_given_text() -> None:
    text = "Officials said nine Shahed-type attack drones were shot down."
    (c,) = find_counted(text, "en")
    assert c.quantity == Quantity(9, 9, "exact", "nine", 15, 19)
    assert (c.noun_start, c.noun_end) == (text.index("drones"), text.index("drones") + 6)


def test_language_tags_are_accepted() -> None:
    assert parse_count("deux morts", "fr-FR") == parse_count("deux morts", "fr")
    assert parse_count("two people", "EN") == parse_count("two people", "en")


def test_unknown_phrase_is_none() -> None:
    assert parse_count("no number here", "en") is None
    assert parse_count("", "fr") is None


# ---------------------------------------------------------------- seeds


@pytest.mark.seeds
def test_seed_counts(seeds_dir: Path) -> None:
    en = (seeds_dir / "000_f5f08e3f5b41b927.txt").read_text("utf-8")
    pairs = {(c.quantity.text, c.noun) for c in find_counted(en, "en")}
    assert {("two", "people"), ("one", "person"), ("three", "others"), ("165", "drones"),
            ("at least nine", "missiles"), ("26", "patients"), ("one", "man")} <= pairs  # fmt: skip
    texts = [q.text for q in find_counts(en, "en")]
    assert not any(t in texts for t in ("30", "70", "8", "90", "2022", "2025", "four"))
    fr = (seeds_dir / "004_cfd940451f5b2d9f.txt").read_text("utf-8")
    pairs = {(c.quantity.text, c.noun) for c in find_counted(fr, "fr")}
    assert {("Quatre", "enfants"), ("14 personnes au moins", "personnes"), ("un", "drone"),
            ("Deux", "immeubles")} <= pairs  # fmt: skip


# ---------------------------------------------------------------- properties


def _group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(0, 999_999), st.sampled_from([",", " ", "\u00a0", "\u202f", ""]))
def test_english_digits_parse_back(n: int, sep: str) -> None:
    q = parse_count(f"{_group(n, sep)} people", "en")
    assert q is not None
    assert (q.min, q.max, q.qualifier) == (n, n, "exact")


@given(st.integers(0, 999_999), st.sampled_from([" ", "\u00a0", "\u202f", ".", ""]))
def test_french_digits_parse_back(n: int, sep: str) -> None:
    q = parse_count(f"{_group(n, sep)} personnes", "fr")
    assert q is not None
    assert (q.min, q.max, q.qualifier) == (n, n, "exact")


_EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _en_words(n: int) -> str:
    if n < 20:
        return _EN_ONES[n]
    if n < 100:
        return _EN_TENS[n // 10] + (f"-{_EN_ONES[n % 10]}" if n % 10 else "")
    head = f"{_EN_ONES[n // 100]} hundred"
    return head + (f" and {_en_words(n % 100)}" if n % 100 else "")


_FR_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
]
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _fr_below_100(n: int) -> str:
    if n < 17:
        return _FR_UNITS[n]
    if n < 20:
        return f"dix-{_FR_UNITS[n - 10]}"
    if n < 70:
        tens, unit = _FR_TENS[n // 10], n % 10
        return tens if unit == 0 else f"{tens} et un" if unit == 1 else f"{tens}-{_FR_UNITS[unit]}"
    if n < 80:
        return "soixante et onze" if n == 71 else f"soixante-{_fr_below_100(n - 60)}"
    return "quatre-vingts" if n == 80 else f"quatre-vingt-{_fr_below_100(n - 80)}"


def _fr_words(n: int) -> str:
    if n < 100:
        return _fr_below_100(n)
    hundreds, rest = divmod(n, 100)
    head = "cent" if hundreds == 1 else f"{_FR_UNITS[hundreds]} cent{'' if rest else 's'}"
    return head if rest == 0 else f"{head} {_fr_below_100(rest)}"


@given(st.integers(0, 999))
def test_english_words_parse_back(n: int) -> None:
    q = parse_count(f"{_en_words(n)} people", "en")
    assert q is not None, _en_words(n)
    assert (q.min, q.max) == (n, n)


@given(st.integers(0, 999))
def test_french_words_parse_back(n: int) -> None:
    q = parse_count(f"{_fr_words(n)} {'mort' if n == 1 else 'morts'}", "fr")
    assert q is not None, _fr_words(n)
    assert (q.min, q.max) == (n, n)


_VOCAB = st.sampled_from(
    [
        "at",
        "least",
        "more",
        "than",
        "about",
        "some",
        "14",
        "165",
        "1,500",
        "1",
        "500",
        "nine",
        "twenty-three",
        "dozens",
        "of",
        "people",
        "drones",
        "and",
        ",",
        ".",
        "-",
        "30-year-old",
        "90%",
        "2022",
        "February",
        "24",
        "une",
        "dizaine",
        "de",
        "morts",
        "plus",
        "d'",
        "environ",
        "au",
        "moins",
        "quatre-vingt-dix",
        "deux",
        "blessés",
        "one",
        "of",
        "the",
        "$2",
        "km",
        "days",
    ]
)


@settings(max_examples=200)
@given(st.lists(_VOCAB, max_size=25), st.sampled_from(["en", "fr"]))
def test_spans_are_exact_sorted_and_disjoint(words: list[str], lang: str) -> None:
    text = " ".join(words)
    found = find_counts(text, lang)
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.min is not None or q.max is not None
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@given(st.text(max_size=200), st.sampled_from(["en", "fr"]))
def test_any_text_is_safe(text: str, lang: str) -> None:
    for c in find_counted(text, lang):
        assert text[c.quantity.start : c.quantity.end] == c.quantity.text
