"""Boilerplate by lexicon (English and French) and by repetition within an outlet."""

from __future__ import annotations

import pytest

from sitroom.clean import RepeatIndex, lexicon_reasons, line_reason

NEWS = [
    "Russian drones hit an energy facility in the south of the country overnight.",
    "Ukraine's allies pledged support for the country's air defences at the meeting.",
    "The governor said two people were injured and a fire broke out at the site.",
]


def test_donation_block_after_header_is_removed_whole() -> None:
    appeal = [
        "A Message from The Example Times:",
        "Dear readers,",
        "Our newsroom has been labelled a threat by the authorities in the capital.",
        "This has happened before, and it will happen again, whatever we publish next.",
        "To keep reporting we need your help. Please support us from just $2 a month.",
        "Remind me later.",
    ]
    reasons = lexicon_reasons(NEWS + appeal)
    assert reasons[: len(NEWS)] == [None, None, None]
    assert reasons[len(NEWS) :] == ["lexicon:donation"] * len(appeal)


def test_news_paragraph_that_mentions_support_survives() -> None:
    assert lexicon_reasons(NEWS) == [None, None, None]
    assert line_reason("Ukraine's allies pledged support") is None


def test_appeal_header_without_any_appeal_after_it_is_kept() -> None:
    paras = ["Dear readers,", *NEWS]
    assert lexicon_reasons(paras) == [None, None, None, None]


def test_french_appeal_block_is_removed() -> None:
    appeal = [
        "Chers lecteurs,",
        "Notre rédaction travaille dans des conditions difficiles depuis des mois.",
        "Soutenez notre travail : faites un don dès 2 € par mois.",
    ]
    reasons = lexicon_reasons([*NEWS, *appeal])
    assert reasons == [None, None, None] + ["lexicon:donation"] * 3


def test_appeal_block_in_the_middle_stops_where_the_appeal_ends() -> None:
    appeal = ["A message from the editors:", "Please support independent journalism today."]
    gap = ["A line about the front.", "Another.", "And another.", "And more.", "Still more."]
    tail = ["Shelling continued near the town on Wednesday, the army said."]
    reasons = lexicon_reasons([*NEWS[:1], *appeal, *gap, *tail])
    assert reasons == [None, "lexicon:donation", "lexicon:donation"] + [None] * 6


@pytest.mark.parametrize(
    ("paragraph", "reason"),
    [
        ("Sign up for our newsletter", "lexicon:newsletter"),
        ("Inscrivez-vous à notre newsletter", "lexicon:newsletter"),
        ("Abonnez-vous", "lexicon:newsletter"),
        ("Get the day's top stories delivered to your inbox.", "lexicon:newsletter"),
        ("We use cookies to improve your experience on our site.", "lexicon:cookies"),
        ("Accepter les cookies", "lexicon:cookies"),
        ("Read more: Strike on port kills two", "lexicon:related"),
        ("Related: Talks in Geneva end without a deal", "lexicon:related"),
        ("Lire aussi | Le front de Zaporijia", "lexicon:related"),
        ("À lire aussi : Les frappes sur Kharkiv", "lexicon:related"),
        ("Previous Article Ceasefire talks stall", "lexicon:related"),
        ("Next Article Grain exports rise", "lexicon:related"),
        ("Talks in Geneva end without a dealRead more", "lexicon:related"),
        ("Share this article", "lexicon:share"),
        ("- Facebook", "lexicon:share"),
        ("Follow us on Telegram", "lexicon:share"),
        ("Suivez-nous sur X", "lexicon:share"),
        ("© 2026 Example Media. All rights reserved.", "lexicon:copyright"),
        ("Tous droits réservés", "lexicon:copyright"),
        ("Advertisement", "lexicon:advert"),
        ("Publicité", "lexicon:advert"),
        ("Remind me later.", "lexicon:donation"),
        ("Faites un don", "lexicon:donation"),
        (
            "4. Drone strike hits a missile plant, at least 11 injured – Example Daily, "
            "accessed February 21, 2026, <https://example.org/news/2026/02/20/plant>",
            "lexicon:citation",
        ),
        (
            "Frappes sur Kharkiv : deux morts, Exemple Info, consulté le 3 mars 2024, "
            "https://example.fr/kharkiv",
            "lexicon:citation",
        ),
    ],
)
def test_boilerplate_lines_are_found_in_both_languages(paragraph: str, reason: str) -> None:
    assert line_reason(paragraph) == reason


@pytest.mark.parametrize(
    "paragraph",
    [
        "Donated weapons arrived at the border on Monday, officials said.",
        "Share prices of defence firms rose after the announcement.",
        "Read the full statement here, a spokesman told reporters, declining to elaborate.",
        "Le président a dit soutenir la proposition de cessez-le-feu.",
        "Hackers accessed the grid operator's servers on Monday, officials said.",
        "The army said it had accessed the town, see https://example.org/map for a map.",
        "Lire la suite du communiqué ne changera rien, a répondu le ministre.",
        "The minister said the company would subscribe to the new bond issue "
        "and called on allies to accept cookies from no one, in a joke that fell flat "
        "with the journalists in the room, who had waited for hours to hear about the "
        "strikes on the power grid and the number of people injured overnight.",
    ],
)
def test_news_lines_are_not_boilerplate(paragraph: str) -> None:
    assert line_reason(paragraph) is None


def test_repeat_index_counts_distinct_articles_per_outlet() -> None:
    index = RepeatIndex()
    footer = "Follow our live coverage of the war."
    for key in ("a1", "a2", "a2"):
        index.observe("Example Wire", key, [footer], max_chars=600, min_articles=3)
    index.observe("Other Outlet", "b1", [footer], max_chars=600, min_articles=3)
    assert index.count("Example Wire", footer) == 2
    assert index.count("example wire", "FOLLOW our live coverage of the war.") == 2
    assert index.count("Other Outlet", footer) == 1
    assert index.count("Unknown", footer) == 0


def test_repeat_index_ignores_long_paragraphs_and_is_bounded() -> None:
    index = RepeatIndex(max_paragraphs=2, max_outlets=1)
    index.observe("W", "a", ["x" * 50, "one", "two", "three"], max_chars=10, min_articles=3)
    index.observe("Other", "a", ["one"], max_chars=10, min_articles=3)
    assert len(index) == 2
    assert index.count("W", "x" * 50) == 0 and index.count("W", "three") == 0
    assert index.count("Other", "one") == 0


def test_a_more_news_heading_after_the_article_ends_it() -> None:
    story = (
        "A man from Buryatia was sentenced to five years in prison after he tried to avoid "
        "returning to the war with a false death certificate, the court said on Tuesday."
    )
    paragraphs = [
        "News",
        story,
        "His son showed the officials a certificate that turned out to be fake, investigators "
        "said, and the man was arrested at home a week later, according to court records.",
        "More News",
        "1 Dead, 4 Wounded In Strike On Kherson Train Station",
        "A strike on a train station in Kherson has killed at least one person.",
    ]
    reasons = lexicon_reasons(paragraphs)
    assert reasons[:3] == [None, None, None]
    assert reasons[3:] == ["lexicon:more-stories"] * 3


def test_a_more_news_link_in_a_menu_before_the_article_ends_nothing() -> None:
    paragraphs = [
        "Home", "World", "More News", "Video",
        "A man from Buryatia was sentenced to five years in prison after he tried to avoid "
        "returning to the war with a false death certificate, the court said on Tuesday.",
    ]  # fmt: skip
    assert lexicon_reasons(paragraphs)[-1] is None
