"""Boilerplate phrases, English and French, as data.

Phrases are written lower-case with straight apostrophes; paragraphs are compared in
the same form (case-folded, ``’`` → ``'``, leading list bullets and trailing
punctuation dropped). A rule only ever looks at paragraphs up to its ``max_chars``, so
a news paragraph that merely uses one of these words is never touched.

- ``exact``: the whole paragraph is the phrase ("Remind me later.", "Partager").
- ``starts``: the paragraph begins with the phrase, as whole words ("Read more: …").
- ``contains``: the phrase occurs anywhere in the (short) paragraph.
- ``ends``: the paragraph ends with the phrase ("…in UkraineRead more").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PhraseRule:
    """Phrases that mark a short paragraph as boilerplate of one kind."""

    reason: str
    max_chars: int
    exact: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    ends: tuple[str, ...] = ()
    regex: str = ""  # a pattern searched in the folded paragraph, for what no phrase says


DONATION = PhraseRule(
    reason="lexicon:donation",
    max_chars=200,
    exact=(
        "remind me later", "maybe later", "not now", "me le rappeler plus tard",
        "plus tard", "support us", "donate", "donate now", "faire un don", "je fais un don",
        "soutenez-nous",
    ),
    starts=(
        "please support", "support us", "support our journalism",
        "support independent journalism", "make a donation", "donate now", "donate to",
        "become a supporter", "become a member", "become a patron",
        "faites un don", "faire un don", "soutenez-nous", "soutenez notre", "soutenez le",
        "soutenez la", "je soutiens",
    ),
)  # fmt: skip

NEWSLETTER = PhraseRule(
    reason="lexicon:newsletter",
    max_chars=250,
    exact=("newsletter", "subscribe", "sign up", "s'abonner", "abonnez-vous", "je m'abonne"),
    starts=(
        "sign up for", "sign up to", "sign up now", "sign up here", "subscribe to",
        "subscribe now", "subscribe for", "subscribe here", "get our newsletter",
        "get the newsletter", "newsletter sign-up", "newsletter signup",
        "inscrivez-vous", "abonnez-vous", "recevez notre newsletter",
        "recevez nos newsletters", "recevez gratuitement", "s'abonner", "je m'abonne",
    ),
    contains=(
        "our newsletter", "our newsletters", "in your inbox", "to your inbox",
        "notre newsletter", "nos newsletters", "notre lettre d'information",
        "dans votre boîte mail", "dans votre boîte e-mail", "dans votre boîte de réception",
    ),
)  # fmt: skip

COOKIES = PhraseRule(
    reason="lexicon:cookies",
    max_chars=400,
    starts=(
        "we use cookies", "this site uses cookies", "this website uses cookies",
        "by continuing to use", "by continuing to browse", "accept cookies",
        "accept all cookies", "manage cookies", "cookie settings", "cookie policy",
        "nous utilisons des cookies", "ce site utilise des cookies", "accepter les cookies",
        "accepter tous les cookies", "gérer les cookies", "paramétrer les cookies",
        "en poursuivant votre navigation",
    ),
    contains=(
        "use cookies", "uses cookies", "use of cookies", "cookie policy", "cookie settings",
        "utilise des cookies", "utilisons des cookies", "accepter les cookies",
        "dépôt de cookies", "politique de cookies", "utilisation de cookies",
    ),
)  # fmt: skip

RELATED = PhraseRule(
    reason="lexicon:related",
    max_chars=250,
    exact=(
        "related", "related articles", "related stories", "related news", "read more",
        "see also", "recommended", "more stories", "most read", "lire aussi",
        "à lire aussi", "a lire aussi", "voir aussi", "les plus lus", "sur le même sujet",
    ),
    starts=(
        "read more:", "read more on", "read more about", "read also", "also read",
        "related:", "related articles", "related stories", "related news",
        "related content", "related coverage", "see also:", "more on this story",
        "you may also like", "you might also like", "previous article", "next article",
        "lire aussi", "à lire aussi", "a lire aussi", "lire également", "à lire également",
        "voir aussi", "sur le même sujet", "article précédent", "article suivant",
    ),
    ends=("read more",),
)  # fmt: skip

# Headings after which a page lists other stories, never more of this one: the article
# ends there ("More News" on RFE/RL pages, followed by a stream of unrelated stories).
MORE_STORIES = PhraseRule(
    reason="lexicon:more-stories",
    max_chars=40,
    exact=(
        "more news", "more stories", "latest news", "latest stories", "most read",
        "most popular", "more from this section", "top stories", "plus d'actualités",
        "les plus lus", "dans la même rubrique", "à la une", "dernières actualités",
    ),
)  # fmt: skip
# Article text that must come before such a heading for it to end the article.
MORE_STORIES_AFTER_CHARS = 300

SHARE = PhraseRule(
    reason="lexicon:share",
    max_chars=200,
    exact=(
        "share", "share this", "share this article", "share on facebook",
        "share on twitter", "share on x", "share via email", "tweet", "email", "print",
        "copy link", "link copied", "partager", "partager cet article", "partager sur facebook",
        "imprimer", "copier le lien", "lien copié", "facebook", "twitter", "whatsapp",
        "telegram", "linkedin", "x",
    ),
    starts=(
        "share this", "share on", "click to share", "follow us on", "follow us:",
        "join us on telegram", "partagez", "partager sur", "suivez-nous",
        "rejoignez-nous sur",
    ),
)  # fmt: skip

COPYRIGHT = PhraseRule(
    reason="lexicon:copyright",
    max_chars=250,
    starts=("©", "copyright", "(c) 1", "(c) 2", "all rights reserved", "tous droits réservés"),
    contains=(
        "all rights reserved", "tous droits réservés", "tous droits de reproduction",
        "may not be published, broadcast, rewritten or redistributed",
    ),
)  # fmt: skip

ADVERT = PhraseRule(
    reason="lexicon:advert",
    max_chars=120,
    exact=(
        "advertisement", "advertising", "sponsored", "sponsored content", "publicité",
        "contenu sponsorisé", "story continues below advertisement",
        "article continues below advertisement", "scroll to continue",
        "scroll to continue with content", "la suite après la publicité",
        "la suite après cette publicité",
    ),
)  # fmt: skip

# An entry of a works-cited list: "Russia in Review | Russia Matters, accessed February
# 21, 2026, <https://…>", "…, consulté le 3 mars 2024, https://…". A date of access and
# the address follow one another; the entry names another text, never this article's.
CITATION = PhraseRule(
    reason="lexicon:citation",
    max_chars=600,
    regex=(
        r"\b(?:accessed|retrieved|consulté(?:\s+le)?)\s+(?:on\s+)?"
        r"(?=[a-zéû ,.]*\d)[\w ,./-]{4,30}?,\s*<?https?://\S"
    ),
)

LINE_RULES: tuple[PhraseRule, ...] = (
    DONATION, NEWSLETTER, COOKIES, RELATED, SHARE, COPYRIGHT, ADVERT, CITATION,
)  # fmt: skip

# A donation appeal is a block: it starts at a header like these (whole paragraph)...
APPEAL_HEADERS: tuple[str, ...] = (
    r"a message from (the )?[\w .'&-]{1,60}:?",
    r"a note from (the )?[\w .'&-]{1,60}:?",
    r"(dear|hello) (readers?|friends|subscribers|supporters)[,!:.]?",
    r"un message de (la |l'|le )?[\w .'&-]{1,60}:?",
    r"(chers|chères|cher|chère) (lecteurs|lectrices|lecteur|lectrice|amis|amies)"
    r"( et (lecteurs|lectrices|amis|amies))?[,!:.]?",
)
# ...and runs on while paragraphs keep asking for money or help (a gap of at most
# ``APPEAL_MAX_GAP`` paragraphs without one of these cues is bridged).
APPEAL_CUES: tuple[str, ...] = (
    "donat", "please support", "support us", "support our", "your support",
    "by supporting", "support independent", "contribution", "contribute", "your help",
    "need your", "remind me later", "chip in", "become a member", "become a supporter",
    "subscribe", "patreon", "paypal", "per month", "monthly", "thank you for",
    "dear readers", "faites un don", "faire un don", "soutenez", "nous soutenir",
    "votre soutien", "votre aide", "contribuer", "abonnez", "me le rappeler",
    "merci de votre", "merci pour votre", "chers lecteurs", "$", "€", "£",
)  # fmt: skip
APPEAL_MAX_GAP = 4
