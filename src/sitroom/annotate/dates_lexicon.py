"""Month and weekday names, time words and the compiled date patterns of
``annotate.dates`` (English and French). Immutable data only.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from sitroom.annotate.numbers_regex import S, trie

MONTHS_EN: Final = MappingProxyType(
    {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    }
)  # fmt: skip
MONTHS_FR: Final = MappingProxyType(
    {
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
        "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
        "décembre": 12, "decembre": 12,
    }
)  # fmt: skip
WEEKDAYS_EN: Final = MappingProxyType(
    {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
     "sunday": 6}
)  # fmt: skip
WEEKDAYS_FR: Final = MappingProxyType(
    {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
     "dimanche": 6}
)  # fmt: skip

# ---------------------------------------------------------------- patterns

_O: Final = r"[^\S\n]*"  # optional space
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?![0-9])"
_YEAR = r"(?:19|20)[0-9]{2}(?![0-9])"


_WD_EN = rf"{trie(tuple(WEEKDAYS_EN))}\b"
_WD_FR = rf"{trie(tuple(WEEKDAYS_FR))}\b"
_EN_ABBREVIATIONS = tuple(k for k in MONTHS_EN if len(k) <= 4 and k not in ("may", "june", "july"))
_MONTH_EN = (
    rf"(?:{trie(tuple(k for k in MONTHS_EN if k not in _EN_ABBREVIATIONS))}\b"
    rf"|{trie(_EN_ABBREVIATIONS)}\b\.?)"
)
_MONTH_FR = rf"{trie(tuple(MONTHS_FR))}\b"

_EN_MOD = (
    rf"(?:(?:in|during|early|late|since|by|until|the{S}(?:end|beginning|start|middle){S}of"
    rf"|(?:at|by){S}the{S}(?:end|beginning|start){S}of){S}|mid-{_O}|mid{S})"
)
_EN_REL = (
    "the day before yesterday", "the day after tomorrow", "yesterday", "today", "tomorrow",
    "tonight", "last night", "overnight", "earlier in the day", "earlier today",
    "later today", "later in the day", "this morning", "this afternoon", "this evening",

)  # fmt: skip
_EN_REL_RE = trie(_EN_REL)
_EN_NUM = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,3}"

EN_DATES: Final = (
    rf"(?P<night>(?:(?:in|during){S})?(?:the{S})?night{S}(?:from|of|between){S}{_WD_EN}{S}"
    rf"(?:to|into|and){S}{_WD_EN}|overnight{S}(?:from{S})?{_WD_EN}{S}(?:to|into){S}{_WD_EN}"
    rf"|(?:on{S})?{_WD_EN}{S}night{S}into{S}{_WD_EN}|overnight{S}into{S}{_WD_EN})"
    rf"|(?P<wrange>(?:(?:on|from|between){S})?{_WD_EN}(?:{S}(?:and|to|through|until){S}"
    rf"|{_O}[-–]{_O}){_WD_EN})"
    rf"|(?P<absrange>(?:(?:from|between|on){S})?(?:{_MONTH_EN}{S}{_DAY}{_O}(?:[-–]|to|and){_O}{_DAY}"
    rf"|{_DAY}{_O}(?:[-–]|to|and){_O}{_DAY}{S}{_MONTH_EN})(?:,?{S}{_YEAR})?)"
    rf"|(?P<abs>(?:on{S})?(?:{_WD_EN},?{S})?(?:the{S})?(?:{_MONTH_EN}{_O}{_DAY}(?:st|nd|rd|th)?"
    rf"|{_DAY}(?:st|nd|rd|th)?(?:{S}of)?{S}{_MONTH_EN})(?:,?{S}{_YEAR})?)"
    rf"|(?P<iso>{_YEAR}-[01][0-9]-[0-3][0-9](?![0-9])"
    rf"|[0-3]?[0-9]/[01]?[0-9]/{_YEAR})"
    rf"|(?P<monthyear>(?:{_EN_MOD}){{0,2}}{_MONTH_EN},?{S}(?:of{S})?{_YEAR})"
    rf"|(?P<month>(?:(?:{_EN_MOD}){{1,2}}|(?:(?:in{S})?(?:last|next|this)){S}){_MONTH_EN}"
    rf"(?!{_O}[0-9]))"
    rf"|(?P<year>(?:in|during|throughout){S}(?:(?:early|late){S}|mid-{_O})?{_YEAR}"
    rf"(?![-/.][0-9]))"
    rf"|(?P<ago>(?:{_EN_NUM}){S}(?:day|week|month|year)s?{S}ago)"
    rf"|(?P<weekend>(?:(?:over|during|at|on|for){S})?(?:the|this|last|next|past)"
    rf"{S}week-?end)"
    rf"|(?P<period>(?:(?:earlier|later){S})?(?:this|last|next|the{S}previous)"
    rf"{S}(?:week|month|year)\b)"
    rf"|(?P<weekday>(?:(?:on|early|late|last|next|this|coming|overnight|(?:on{S})?the{S}night"
    rf"{S}of){S}){{0,3}}{_WD_EN}(?:{S}(?:morning|afternoon|evening|night))?)"
    rf"|(?P<rel>(?:{_EN_REL_RE})(?:{S}(?:morning|afternoon|evening|night))?)"
)

_FR_MONTH_CUE = (
    rf"(?:(?:en|courant|depuis|dès|fin|début){S}|mi-{_O}|à{S}la{S}mi-{_O}"
    rf"|(?:au|à{S}la|en){S}(?:début|fin){S}(?:de{S}|d['’]{_O})"
    rf"|(?:au{S})?mois{S}d['’]{_O}|(?:au{S})?mois{S}de{S})"
)
_FR_REL = (
    "avant-hier", "après-demain", "aujourd'hui", "hier", "demain", "cette nuit",
    "la nuit dernière", "dans la nuit", "au cours de la nuit", "pendant la nuit",
    "durant la nuit", "ce matin", "cet après-midi", "ce soir",
    "plus tôt dans la journée", "plus tard dans la journée", "dans la journée",
    "dans la matinée", "dans la soirée", "plus tôt aujourd'hui", "dans l'après-midi",
    "plus tôt dans la soirée", "ce jour",
)  # fmt: skip
_FR_REL_RE = trie(_FR_REL)
_FR_NUM = "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|[0-9]{1,3}"
_FR_DAY = rf"(?:1er|{_DAY}(?:e|ème)?)"

FR_DATES: Final = (
    rf"(?P<nightabs>(?:dans{S})?la{S}nuit{S}du{S}{_FR_DAY}{S}au{S}{_FR_DAY}{S}{_MONTH_FR}"
    rf"(?:{S}{_YEAR})?)"
    rf"|(?P<night>(?:dans{S})?la{S}nuit{S}(?:de|du){S}{_WD_FR}{S}(?:à|au){S}{_WD_FR})"
    rf"|(?P<wrange>(?:(?:de|du|entre){S})?{_WD_FR}{S}(?:et|à|au){S}{_WD_FR})"
    rf"|(?P<absrange>(?:du|entre{S}le|les?){S}{_FR_DAY}{S}(?:au|et(?:{S}le)?){S}{_FR_DAY}{S}"
    rf"{_MONTH_FR}"
    rf"(?:{S}{_YEAR})?)"
    rf"|(?P<abs>(?:(?:le|ce|dès{S}le|depuis{S}le){S})?(?:{_WD_FR}{S})?{_FR_DAY}{S}{_MONTH_FR}"
    rf"(?:{S}{_YEAR}|{S}dernier)?)"
    rf"|(?P<iso>{_YEAR}-[01][0-9]-[0-3][0-9](?![0-9])|[0-3]?[0-9]/[01]?[0-9]/{_YEAR})"
    rf"|(?P<monthyear>(?:{_FR_MONTH_CUE})?{_MONTH_FR}{S}{_YEAR})"
    rf"|(?P<month>{_FR_MONTH_CUE}{_MONTH_FR}(?:{S}(?:dernier|prochain))?(?!{_O}[0-9]))"
    rf"|(?P<year>(?:en|durant|pendant|courant|au{S}cours{S}de(?:{S}l['’]année)?){S}{_YEAR}"
    rf"(?![-/.][0-9]))"
    rf"|(?P<ago>il{S}y{S}a{S}(?:{_FR_NUM}){S}(?:jours?|semaines?|mois|ans|années?)\b)"
    rf"|(?P<weekend>(?:(?:pendant|durant|au{S}cours{S}du|lors{S}du){S}le{S}|ce{S}|le{S}|du{S})"
    rf"week-?end(?:{S}(?:dernier|prochain|passé))?)"
    rf"|(?P<period>la{S}semaine{S}(?:dernière|passée|prochaine)|(?:(?:plus{S}tôt|plus{S}tard)"
    rf"{S})?cette{S}semaine|en{S}(?:début|fin){S}de{S}semaine|le{S}mois{S}(?:dernier|passé"
    rf"|prochain)|ce{S}mois(?:-ci)?|en{S}(?:début|fin){S}de{S}mois|l['’]an{S}(?:dernier|passé"
    rf"|prochain)|l['’]année{S}(?:dernière|passée|prochaine)|cette{S}année)"
    rf"|(?P<weekday>(?:(?:ce|dès|depuis|tôt|tard|(?:dans{S})?la{S}nuit{S}de){S})?{_WD_FR}"
    rf"(?:{S}(?:matin|après-midi|soir|midi|dernier|prochain)\b){{0,2}})"
    rf"|(?P<rel>(?:{_FR_REL_RE})(?:{S}(?:matin|soir|après-midi))?)"
)
KINDS: Final = (
    "nightabs", "night", "wrange", "absrange", "abs", "iso", "monthyear", "month", "year",
    "ago", "weekend", "period", "weekday", "rel",
)  # fmt: skip

# Words inside a matched expression.
WEEKDAY_WORD: Final = MappingProxyType(
    {"en": rf"\b{trie(tuple(WEEKDAYS_EN))}\b", "fr": rf"\b{trie(tuple(WEEKDAYS_FR))}\b"}
)
MONTH_WORD: Final = MappingProxyType(
    {"en": rf"\b{trie(tuple(MONTHS_EN))}\b", "fr": rf"\b{trie(tuple(MONTHS_FR))}\b"}
)
NUMBER_WORDS: Final = MappingProxyType(
    {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
     "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
     "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
     "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12}
)  # fmt: skip
# Relative words: days from the publication date.
REL_DAYS: Final = MappingProxyType(
    {"the day before yesterday": -2, "yesterday": -1, "the day after tomorrow": 2,
     "tomorrow": 1, "avant-hier": -2, "hier": -1, "après-demain": 2, "demain": 1}
)  # fmt: skip
# Named days that are not dates ("Good Friday", "Bloody Sunday", "The Sunday Times").
NOT_A_WEEKDAY: Final = (
    r"(?:black|cyber|good|holy|bloody|ash|easter|palm|maundy|super|shrove)[^\S\n]+\Z"
)
NOT_A_WEEKDAY_AFTER: Final = (
    r"[^\S\n]+(?:times|telegraph|express|mirror|post|herald|agreement|school|service)\b"
)

# ---------------------------------------------------------------- tense cues

_FR_NOT_FUTURE = (
    "front|affront|fronts|caméra|camera|opéra|sahara|ankara|extra|contra|mantra|cobra|tiara"
    "|sierra|samara|angora|aurait|auraient|serait|seraient|guerra|ultra|para|tora"
)
CUES: Final = MappingProxyType(
    {
        "en": (
            rf"(?P<future>\b(?:will|won['’]t|shall|(?:is|are|was|were){S}(?:due|set|scheduled"
            rf"|slated|expected|poised|going|planning|planned|supposed){S}to"
            rf"|(?:is|are){S}(?:scheduled|planned|slated|due)|plans?{S}to|planning{S}to"
            rf"|scheduled|slated|upcoming|to{S}be{S}held|(?:is|are){S}to)\b|['’]ll\b)"
            # Present tense counts as future only before the date ("leaders are in Paris
            # Tuesday"), not after it ("the strike on Sunday is the deadliest").
            rf"|(?P<weak>\b(?:is|are|am)(?:{S}(?!being\b)[a-z]+ing)?\b)"
            rf"|(?P<past>\b(?:was|were|had|did|has{S}been|have{S}been|said|told|hit|struck|shot"
            rf"|fled|took|began|gave|met|came|went|made|saw|left|held|fell|won|lost|sent|spoke"
            rf"|wrote|broke|flew|rose|brought|caught|fought|sought|heard|stood|became|ran|found"
            rf"|got|kept|paid|knew|(?<!-)(?-i:[a-z]{{2,}})(?<!need)(?<!speed)(?<!seed)(?<!feed)"
            rf"(?<!hundred)(?<!proceed)(?<!exceed)(?<!succeed)(?<!indeed)ed)\b)"
        ),
        "fr": (
            rf"(?P<future>\b(?:doi[st]|doivent|devra|devrait|devraient|devront|va|vont|prévue?s?"
            rf"|prévoit|prévoient|aura{S}lieu|se{S}tiendra|attendue?s?|à{S}venir"
            rf"|(?!(?:{_FR_NOT_FUTURE})\b)(?-i:[a-zéèêëàâçîïôûù]{{2,}}(?:ra|ront|rai|ras|rez|rons"
            rf"|rait|raient)))\b)"
            rf"|(?P<past>\b(?:a|ont|avait|avaient|eu|été|fut|furent|aurait|auraient"
            rf"|(?-i:[a-zéèêëàâçîïôûù]{{2,}}(?:é|ée|és|ées)))\b)"
        ),
    }
)
SENTENCE_END: Final = r"(?<![A-Z])[.!?…][\"»”]?[^\S\n]+(?=[A-ZÀ-Ý«\"“])|\n"

# ---------------------------------------------------------------- anchors

# Every date expression holds one of these words (or a digit); the full pattern is tried
# only at the word starts shortly before an anchor.
ANCHORS: Final = MappingProxyType(
    {
        "en": (*WEEKDAYS_EN, *MONTHS_EN, "yesterday", "today", "tomorrow", "tonight",
               "night", "overnight", "week", "weekend", "week-end", "month", "year", "ago",
               "day", "morning", "afternoon", "evening", "weeks", "months", "years", "days"),
        "fr": (*WEEKDAYS_FR, *MONTHS_FR, "hier", "demain", "aujourd", "nuit", "semaine",
               "week", "weekend", "week-end", "mois", "an", "ans", "année", "journée",
               "matinée", "soirée", "après-midi", "matin", "soir", "jour", "jours",
               "semaines", "années"),
    }
)  # fmt: skip
# How far before its anchor an expression may start ("at the end of mid-", "in the night
# from", "plus tôt dans la").
ANCHOR_REACH: Final = 48
