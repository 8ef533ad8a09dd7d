"""Word lists and compiled patterns behind ``annotate.numbers`` (English and French).

Everything here is immutable: tuples, frozensets, mappings built once and compiled
regular expressions. ``numbers.py`` holds the logic; this module holds the words.

Pattern groups of the core expression (``CORE``):

``digits``  "14", "1,500", "1 500", "1.500", "1,5"; ``scale`` an optional "million"
``words``   a run of number words ("one hundred and sixty-five", "quatre-vingt-dix")
``dozen``   "dozen" after ``words`` (EN) or ``adozen`` "a dozen", "half a dozen"
``single``  "a single" (EN)
``vq``      vague quantifier ("several", "a few", "plusieurs", "quelques") with an
            optional multiplier ``vqm`` ("several hundred", "plusieurs milliers")
``vm``      vague plural ("dozens", "hundreds", "des dizaines") with optional ``vm2``
            ("tens of thousands", "des centaines de milliers")
``aine``    French approximate nouns ("une cinquantaine", "un millier")
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final

from sitroom.annotate.dates_lexicon import MONTHS_EN, MONTHS_FR
from sitroom.annotate.numbers_regex import S, trie, word_list, word_set

# Thousands separators: comma, full stop, space, no-break space, narrow no-break space.
_THOUSANDS = r"[,. \u00a0\u202f]"

_DIGITS = (
    rf"(?P<digits>[0-9]{{1,3}}(?:{_THOUSANDS}[0-9]{{3}})+(?![0-9])|[0-9]+(?:[.,][0-9]+)?)"
    rf"(?:{S}(?P<scale>millions?|billions?|milliards?|thousand|mille)\b)?"
)

# ---------------------------------------------------------------- English

EN_UNITS: Final = word_list(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety"""
)
EN_SCALES: Final = ("hundred", "thousand", "million", "billion")

_EN_UNIT = trie(EN_UNITS)
_EN_SCALE = "|".join(EN_SCALES)
_EN_AND = "|".join(f"(?<={s}){S}and{S}" for s in EN_SCALES)
_EN_WORDS = (
    rf"(?P<words>(?:an?{S}(?:{_EN_SCALE})|(?:{_EN_UNIT}))\b"
    rf"(?:(?:{_EN_AND}|{S}|-)(?:{_EN_UNIT}|{_EN_SCALE})\b)*)"
    rf"(?:{S}(?P<dozen>dozen)\b)?"
)
_EN_VAGUE_MULT = "dozen|hundred|thousand|million"
_EN_VM = "tens|dozens|scores|hundreds|thousands|millions|billions"
EN_CORE: Final = (
    rf"(?P<vq>several|a{S}few|a{S}couple(?:{S}of)?|a{S}handful(?:{S}of)?|a{S}number{S}of"
    rf"|numerous|multiple|some)\b(?:{S}(?P<vqm>{_EN_VAGUE_MULT})s?\b)?"
    rf"|(?P<vm>{_EN_VM})\b(?:,?{S}(?:if{S}not|or{S}even|or|possibly|perhaps){S}"
    rf"(?:{_EN_VM}),?)?(?:{S}of{S}(?P<vm2>thousands|millions)\b)?"
    rf"|(?P<adozen>half{S}a{S}dozen|a{S}half-?dozen|a{S}dozen)\b"
    rf"|(?P<single>a{S}single)\b"
    rf"|{_DIGITS}"
    rf"|{_EN_WORDS}"
)

# ---------------------------------------------------------------- French

# French "un"/"une" count only before one of these ("un mort", "une personne"), never
# as an article ("une attaque").
FR_UN_NOUNS: Final = word_set("""
personne mort tué blessé blessée victime civil civile enfant adolescent adolescente bébé femme
homme soldat militaire combattant policier habitant otage prisonnier secouriste pompier
journaliste employé passager patient drone missile roquette obus bombe seul seule
""")
FR_UNITS: Final = word_list(
    """zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze
    quinze seize vingt vingts trente quarante cinquante soixante cent cents mille"""
)
# "un"/"une" start a number only before a count noun, "million", or a range.
_FR_UN = rf"une?(?={S}(?:{trie(tuple(FR_UN_NOUNS | {'million', 'milliard', 'à', 'ou'}))})\b)"
_FR_FIRST = rf"(?:{trie([w for w in FR_UNITS if w not in ('cents', 'un', 'une')])}|{_FR_UN})"
_FR_NEXT = trie([*FR_UNITS, "million", "millions", "milliard", "milliards"])
_FR_WORDS = (
    rf"(?P<words>(?:{_FR_FIRST})\b"
    rf"(?:(?:{S}et{S}(?=(?:un|une|onze)\b)|-et-|{S}|-)(?:{_FR_NEXT})\b)*)"
)
_FR_VM = "dizaines|douzaines|vingtaines|centaines|milliers|millions|milliards"
FR_AINE: Final = MappingProxyType(
    {
        "huitaine": 8,
        "dizaine": 10,
        "douzaine": 12,
        "quinzaine": 15,
        "vingtaine": 20,
        "trentaine": 30,
        "quarantaine": 40,
        "cinquantaine": 50,
        "soixantaine": 60,
        "centaine": 100,
        "millier": 1000,
        "demi-douzaine": 6,
    }
)
_FR_AINE = "|".join(sorted(FR_AINE, key=len, reverse=True))
FR_CORE: Final = (
    rf"(?P<vq>plusieurs|quelques|de{S}nombreux|de{S}nombreuses|nombreux|nombreuses)\b"
    rf"(?:{S}(?P<vqm>{_FR_VM})\b)?"
    rf"|(?:des{S})?(?P<vm>{_FR_VM})\b(?:,?{S}(?:voire|sinon|ou{S}même|ou){S}(?:des{S})?"
    rf"(?:{_FR_VM}),?)?(?:{S}de{S}(?P<vm2>milliers|millions)\b)?"
    rf"|(?P<aine>une?{S}(?:{_FR_AINE}))\b"
    rf"|{_DIGITS}"
    rf"|{_FR_WORDS}"
)

# A word that starts with one of these is a number, never the noun of a count.
NUMBER_WORDS: Final = frozenset(
    (*EN_UNITS, *EN_SCALES, *FR_UNITS, "million", "millions", "milliard", "milliards")
)

# ---------------------------------------------------------------- values of vague words

VAGUE: Final = MappingProxyType(
    {
        # ACLED's conservative reading: the smallest number the word can mean.
        "several": 3, "a few": 3, "some": 3, "a number of": 3, "a handful": 3,
        "a handful of": 3,
        "numerous": 3, "multiple": 3, "a couple": 2, "a couple of": 2,
        "plusieurs": 3, "quelques": 3, "de nombreux": 3, "de nombreuses": 3,
        "nombreux": 3, "nombreuses": 3,
        "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
        "millions": 1_000_000, "billions": 1_000_000_000,
        "dizaines": 10, "douzaines": 12, "vingtaines": 20, "centaines": 100,
        "milliers": 1000, "milliards": 1_000_000_000,
        "dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000,
    }
)  # fmt: skip
# Vague words that count only when a noun follows ("some analysts", not "some of").
NEEDS_NOUN: Final = frozenset({"some", "numerous", "multiple", "quelques", "nombreux",
                               "nombreuses"})  # fmt: skip
SCALES: Final = MappingProxyType(
    {"thousand": 1000, "mille": 1000, "million": 10**6, "millions": 10**6,
     "billion": 10**9, "billions": 10**9, "milliard": 10**9, "milliards": 10**9}
)  # fmt: skip

# ---------------------------------------------------------------- qualifier words

# Prefix -> (qualifier, adjustment): "more than 20" is at least 21, "fewer than 20" at
# most 19; "between"/"from"/"entre"/"de" only count when a range follows.
PREFIXES_EN: Final = MappingProxyType(
    {
        "at least": ("at_least", 0), "no fewer than": ("at_least", 0),
        "no less than": ("at_least", 0), "not less than": ("at_least", 0),
        "a minimum of": ("at_least", 0), "at the very least": ("at_least", 0),
        "upwards of": ("at_least", 0),
        "more than": ("at_least", 1), "over": ("at_least", 1), "well over": ("at_least", 1),
        "just over": ("at_least", 1), "in excess of": ("at_least", 1),
        "slightly more than": ("at_least", 1), "greater than": ("at_least", 1),
        "up to": ("at_most", 0), "as many as": ("at_most", 0), "at most": ("at_most", 0),
        "no more than": ("at_most", 0), "not more than": ("at_most", 0),
        "a maximum of": ("at_most", 0),
        "fewer than": ("at_most", -1), "less than": ("at_most", -1),
        "just under": ("at_most", -1),
        "about": ("approx", 0), "around": ("approx", 0), "some": ("approx", 0),
        "nearly": ("approx", 0), "almost": ("approx", 0), "roughly": ("approx", 0),
        "approximately": ("approx", 0), "an estimated": ("approx", 0),
        "estimated": ("approx", 0), "close to": ("approx", 0), "circa": ("approx", 0),
        "more or less": ("approx", 0), "just about": ("approx", 0),
        "between": ("range", 0), "from": ("range", 0),
    }
)  # fmt: skip
PREFIXES_FR: Final = MappingProxyType(
    {
        "au moins": ("at_least", 0), "au minimum": ("at_least", 0),
        "pas moins de": ("at_least", 0), "pas moins d'": ("at_least", 0),
        "un minimum de": ("at_least", 0), "un minimum d'": ("at_least", 0),
        "plus de": ("at_least", 1), "plus d'": ("at_least", 1),
        "un peu plus de": ("at_least", 1), "un peu plus d'": ("at_least", 1),
        "bien plus de": ("at_least", 1), "bien plus d'": ("at_least", 1),
        "jusqu'à": ("at_most", 0), "au plus": ("at_most", 0), "au maximum": ("at_most", 0),
        "tout au plus": ("at_most", 0),
        "moins de": ("at_most", -1), "moins d'": ("at_most", -1),
        "un peu moins de": ("at_most", -1), "un peu moins d'": ("at_most", -1),
        "environ": ("approx", 0), "près de": ("approx", 0), "près d'": ("approx", 0),
        "quelque": ("approx", 0), "à peu près": ("approx", 0),
        "approximativement": ("approx", 0), "autour de": ("approx", 0),
        "autour d'": ("approx", 0), "presque": ("approx", 0), "quasiment": ("approx", 0),
        "pratiquement": ("approx", 0), "plus ou moins": ("approx", 0),
        "aux alentours de": ("approx", 0), "aux alentours d'": ("approx", 0),
        "entre": ("range", 0), "de": ("range", 0), "d'": ("range", 0),
    }
)  # fmt: skip
PREFIXES: Final = MappingProxyType({"en": PREFIXES_EN, "fr": PREFIXES_FR})


def _prefix_pattern(prefixes: MappingProxyType[str, tuple[str, int]]) -> str:
    return rf"{trie(list(prefixes))}(?:(?<=['’])|\b)"


# The core may follow a prefix after a space, or straight after an elided "d'".
_JOIN = rf"(?:(?<=['’])|{S})"
_SKIP = (
    r"(?P<skip>[0-9]{1,4}[-./][0-9]{1,2}[-./][0-9]{1,4}(?![0-9])"  # 2026-01-05, 5/1/2026
    r"|[0-9]+(?:[:/][0-9]+)+"  # 10:30, 9/11
    r"|[0-9]{1,2}[^\S\n]?h[^\S\n]?[0-9]{2}\b"  # 22h30, 22 h 30
    rf"|pour{S}cent\b|per{S}cent\b)"
)


def _main(prefixes: MappingProxyType[str, tuple[str, int]], core: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<!\w)(?:{_SKIP}|(?:(?P<pre>{_prefix_pattern(prefixes)}){_JOIN})?(?P<core>{core}))",
        re.IGNORECASE,
    )


MAIN: Final = MappingProxyType(
    {"en": _main(PREFIXES_EN, EN_CORE), "fr": _main(PREFIXES_FR, FR_CORE)}
)
CORE_ONLY: Final = MappingProxyType(
    {
        "en": re.compile(rf"(?P<core>{EN_CORE})", re.IGNORECASE),
        "fr": re.compile(rf"(?P<core>{FR_CORE})", re.IGNORECASE),
    }
)
RANGE_JOIN: Final = re.compile(
    r"[^\S\n]*(?P<join>-|–|—|(?<!\S)to\b|(?<!\S)à\b|(?<!\S)or\b|(?<!\S)ou\b|(?<!\S)and\b"
    r"|(?<!\S)et\b)[^\S\n]*",
    re.IGNORECASE,
)
POST: Final = re.compile(
    rf"(?P<post>{S}or{S}more\b|{S}or{S}so\b|{S}ou{S}plus\b|{S}et{S}plus\b|{S}au{S}moins\b"
    rf"|{S}environ\b|\+|-plus\b)",
    re.IGNORECASE,
)
POST_NOUN: Final = re.compile(
    rf"(?P<post>{S}at{S}least\b|{S}or{S}more\b|{S}au{S}moins\b|{S}environ\b)", re.IGNORECASE
)
POST_KIND: Final = MappingProxyType(
    {"or more": "at_least", "ou plus": "at_least", "et plus": "at_least", "+": "at_least",
     "-plus": "at_least", "au moins": "at_least", "at least": "at_least",
     "or so": "approx", "environ": "approx"}
)  # fmt: skip

# ---------------------------------------------------------------- what is not a count

# Straight after the number, no space: "70s", "2nd", "22h", "30-year-old", "9.5", "1990's".
SUFFIX_NOT_COUNT: Final = re.compile(
    r"[^\W\d_]|['’]s\b|[-‑–—][^\W\d_]|[-–—][0-9]|[.:/,][0-9]|%|°|º|[/=&_#@]|\.[a-z]"
)
# After a space: percentages, temperatures, clock times.
AFTER_NOT_COUNT: Final = re.compile(
    rf"[^\S\n]*(?:%|‰|°|º)|{S}(?:percent|per{S}cent|pour{S}cent|pour{S}100|percentage"
    rf"|points?|degrees?|degrés?|a\.[^\S\n]*m\b|p\.[^\S\n]*m\b|am|pm|a\.m|p\.m|o['’]clock|h|hrs|gmt"
    rf"|utc|cet|times|fois|fold)\b",
    re.IGNORECASE,
)
_MONTHS_EN_RE = "|".join(sorted({*MONTHS_EN}, key=len, reverse=True))
_MONTHS_FR_RE = "|".join(sorted({*MONTHS_FR}, key=len, reverse=True))
# Just before the number (the text before the expression must end with it).
BEFORE_NOT_COUNT: Final = MappingProxyType(
    {
        "en": re.compile(
            rf"(?:\b(?-i:(?:{_MONTHS_EN_RE.title()}))\.?{S}(?:the{S})?"
            rf"|\b(?:aged?|ages|minus|no\.|number|article|resolution|flight|route|highway"
            rf"|chapter|section|paragraph|channel|formula|apollo|page|day|decree|law|bill"
            rf"|phase|level|category|grade|model|version|gate|terminal|platform|line|room"
            rf"|block|unit|rank|top|class|size){S}"
            rf"|[$€£¥₴₽][^\S\n]*|(?:us\$|usd|eur|gbp|uah|rub|chf|rs\.?)[^\S\n]*"
            rf"|[^\W\d_]+-|[0-9][-–—]|[/=#_@.:])\Z",
            re.IGNORECASE,
        ),
        "fr": re.compile(
            rf"(?:\b(?:{_MONTHS_FR_RE}){S}"
            rf"|\b(?:âgée?s?(?:{S}de)?|l['’]âge{S}de|(?<!au )(?<!pas )moins|n°|no\.?|numéro"
            rf"|article|résolution|vol|route|chapitre|page|jour|décret|loi|phase|niveau"
            rf"|catégorie|ligne|porte|terminal|classe|taille|top){S}"
            rf"|n°[^\S\n]*|[$€£¥₴₽][^\S\n]*|(?:us\$|usd|eur|gbp|uah|rub|chf)[^\S\n]*"
            rf"|[^\W\d_]+-|[0-9][-–—]|l['’]|[/=#_@.:])\Z",
            re.IGNORECASE,
        ),
    }
)
# "the one who", "no one", "each one": not a count of one.
EN_ONE_BEFORE: Final = re.compile(
    rf"(?:the|this|that|each|every|any|no|which|another|such|which){S}\Z", re.IGNORECASE
)
EN_ONE_AFTER: Final = re.compile(rf"{S}(?:of|another|by{S}one|after{S}another)\b", re.IGNORECASE)
# "rose from 14 to 16": two figures, not a range.
CHANGE_VERB: Final = re.compile(
    r"\b(?:rose|risen|rising|climbed|increased|jumped|grew|fell|dropped|passé|passant"
    r"|grimpé|augmenté|monté|porté|passe)\b[^.]{0,25}\Z",
    re.IGNORECASE,
)
MONTH_AFTER: Final = MappingProxyType(
    {
        "en": re.compile(rf"{S}(?:of{S})?(?-i:{_MONTHS_EN_RE.title()})\b\.?", re.IGNORECASE),
        "fr": re.compile(rf"{S}(?:{_MONTHS_FR_RE})\b", re.IGNORECASE),
    }
)

# ---------------------------------------------------------------- nouns

# The next word after a position on the same line (inner hyphens and apostrophes kept);
# no match at punctuation, digits or a line break.
NEXT_WORD: Final = re.compile(r"[^\S\n]*([^\W\d_](?:[\w'’-]*\w)?)")
ELISION: Final = re.compile(r"^(?:d|l|qu|j|n|s)['’]", re.IGNORECASE)

_EN_NOUNS = """
people person persons civilians civilian children child kids minors teenagers teenager boys
boy girls girl women woman men man babies baby infants infant adults soldiers soldier troops
servicemen serviceman servicemembers fighters fighter militants militant combatants police
policemen policeman officers officer residents resident villagers workers worker staff
employees journalists journalist medics medic doctors nurses patients patient rescuers
firefighters volunteers hostages hostage prisoners prisoner pows refugees migrants passengers
pilots crew crewmen sailors marines mercenaries insurgents rebels jihadists gunmen attackers
militiamen militiaman invaders occupiers paratroopers conscripts terrorists separatists
victims victim casualties dead deaths fatalities injured wounded others bodies drones drone
uavs uav shaheds shahed gerans decoys missiles missile rockets rocket shells shell bombs bomb
munitions projectiles warheads aircraft jets helicopters tanks vehicles mortars grenades mines
strikes airstrikes attacks explosions blasts buildings houses homes apartments villages towns
settlements cities regions countries schools hospitals facilities substations
"""
_FR_NOUNS = """
personnes personne morts mort tués tué blessés blessé blessées victimes victime civils civil
enfants enfant mineurs adolescents adolescent bébés bébé femmes femme hommes homme soldats
soldat militaires militaire combattants combattant policiers policier habitants habitant
otages otage prisonniers prisonnier réfugiés déplacés secouristes pompiers journalistes
journaliste employés travailleurs membres passagers patients médecins individus villageois
miliciens envahisseurs occupants mercenaires conscrits parachutistes jihadistes djihadistes
rebelles insurgés terroristes séparatistes
drones drone missiles missile roquettes roquette obus bombes bombe munitions projectiles
engins avions chars véhicules frappes attaques explosions immeubles bâtiments maisons
logements villages localités villes pays régions écoles hôpitaux
"""
NOUNS: Final = MappingProxyType({"en": word_set(_EN_NOUNS), "fr": word_set(_FR_NOUNS)})
# A count followed by one of these is a duration, a distance, money or a unit.
NOT_COUNTED: Final = word_set("""
second seconds minute minutes hour hours day days night nights week weeks month months year
years decade decades century centuries weekend seconde secondes heure heures jour jours nuit
nuits semaine semaines mois an ans année années décennie décennies siècle siècles journée
journées matinée km kilometres kilometers kilometre kilometer kilomètres kilomètre mile miles
metre metres meter meters mètre mètres m cm mm kg kilos kilogrammes kilograms tonne tonnes ton
tons hectares hectare acres feet foot inches litres liters barrels barils mw gw kw kwh mwh gwh
mph knots nœuds bcm dollars dollar euros euro pounds roubles rubles rouble ruble hryvnias
hryvnia yuan francs cents dinars rials riyals shekels eur usd uah rub gbp quarter quarters
third thirds half reprises fois
""")
# Words a count can skip on its way to its noun ("dozens of people", "des dizaines de").
OF_WORDS: Final = frozenset({"of", "de", "d'", "d’", "des", "du"})
_EN_STOP = """
and or but nor in on at by for from to with were was are is be been being have has had who
whom whose which that the a an of as after before during than when while where if said says
say including include includes among amid into onto over under near across since until killed
died wounded injured them they their it its this these those there here overnight today
yesterday tomorrow ago more each apiece per monday tuesday wednesday thursday friday saturday
sunday will would could should may might can also
"""
_FR_STOP = """
et ou mais ni dans sur à au aux en par pour avec sans sont ont été a est était étaient qui que
dont lors après avant pendant selon parmi entre vers chez contre depuis le la les l un une ce
cette ces se sa son ses leur leurs il ils elle elles y hier aujourd demain lundi mardi mercredi
jeudi vendredi samedi dimanche ne n pas plus
"""
STOP: Final = MappingProxyType({"en": word_set(_EN_STOP), "fr": word_set(_FR_STOP)})
# French adjectives that come before the noun ("deux jeunes hommes", "trois autres").
FR_PRENOMINAL: Final = word_set("""
autres jeunes petits petites grands grandes nouveaux nouvelles premiers premières derniers
dernières anciens anciennes vieux gros grosses seuls seules bons bonnes mauvais hauts hautes
longs longues vrais vraies principaux principales mêmes
""")
OTHERS: Final = frozenset({"autres", "others", "other", "more", "additional"})
# Words between a count and a duration or unit: "two more days", "trois longues années".
MODIFIERS: Final = OTHERS | FR_PRENOMINAL | frozenset(
    {"consecutive", "straight", "long", "full", "whole", "entire", "last", "past", "next",
     "square", "cubic", "carrés", "cubes",
     "first", "few", "prochains", "prochaines", "derniers", "dernières"}
)  # fmt: skip
