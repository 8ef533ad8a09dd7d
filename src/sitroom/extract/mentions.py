"""The place and actor mentions of a sentence, each with the identity it resolves to.

These are what an article names, whether or not an event is built on them: analysts
search them ("every article that names Pokrovsk"), and evaluation scores the geocoder
and the actor table on them. A place mention's ``ref`` is its GeoNames id and its
``label`` the precision (town, admin1…); an actor mention's ``ref`` is the actor table's
Wikidata id (else its canonical name) and its ``label`` the canonical name; people and
bodies the table does not know keep ``ref = None`` and their name as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from sitroom.extract.parties import PERSON_NAME, ActorLookup, given_names
from sitroom.extract.units import Unit
from sitroom.extract.where import Resolve, place_mentions
from sitroom.resolve.actors import table_ref
from sitroom.types import Actor, Mention, MentionKind, Quote


def places_in(unit: Unit, resolve: Resolve) -> list[Mention]:
    """The sentence's place mentions; an unresolved one has ``ref = None``."""
    out = []
    for cand in place_mentions(unit, resolve):
        span = unit.span_of(cand.tokens)
        place = cand.place
        out.append(
            Mention(
                "place",
                span.start,
                span.end,
                span.text,
                label=place.precision if place else None,
                ref=str(place.geonames_id) if place and place.geonames_id else None,
            )
        )
    return out


def actors_in(
    unit: Unit, actors: Sequence[tuple[SpacySpan, Actor]], table: ActorLookup
) -> list[Mention]:
    """The sentence's actor mentions (``Parties.actor_spans``) as mentions."""
    out = []
    for tokens, actor in actors:
        span = unit.span_of(tokens)
        known = table.resolve(actor.name)
        kind: MentionKind = "actor" if known else "person" if actor.kind == "person" else "org"
        ref = table_ref(known) if known else None
        out.append(Mention(kind, span.start, span.end, span.text, label=actor.name, ref=ref))
    return out


def completed(
    mentions: Sequence[Mention], quotes: Sequence[Quote], text: str, table: ActorLookup
) -> list[Mention]:
    """An article's sentence-level mentions with what only the whole article shows: quote
    speakers and people named after their role that the model missed, armed groups named
    only by what they are, bodies named only by their initials, and short names of actors
    named in full before; in text order."""
    out = [*mentions, *speakers_in(quotes, text, mentions)]
    out.extend(titled_people(text, out, table))
    out = named_people(text, out, table)
    out = named_bodies(text, out)
    out.extend(unnamed_groups(text, out))
    out.extend(acronyms(text, out))
    return short_forms(sorted(out, key=lambda m: (m.start, m.end)))


def speakers_in(quotes: Sequence[Quote], text: str, known: Sequence[Mention]) -> list[Mention]:
    """People the quotes name as their speakers that no mention covers yet ("…," said
    Margaryta Maliovana, the clinic's CEO): the name as written inside the speaker's span,
    with the speaker's identity. A speaker known only by a pronoun or a role adds nothing."""
    taken = [(m.start, m.end) for m in known if m.kind in ("actor", "person", "org")]
    out: list[Mention] = []
    for q in quotes:
        who = q.speaker
        if who is None or who.kind != "person" or who.start < 0:
            continue
        at = text.find(who.name, who.start, who.end)
        if at < 0:
            continue
        end = at + len(who.name)
        if not _free(at, end, taken):
            continue
        out.append(Mention("person", at, end, who.name, label=who.name, ref=who.wikidata))
    return out


def short_forms(mentions: Sequence[Mention]) -> list[Mention]:
    """Actor mentions the table left unresolved that repeat, in short, a resolved name the
    article gave before: a person's single name ("Kim" after "Kim Jong Un"), an
    organisation's head noun ("the Commission" after "the European Commission", "le
    Conseil" after "le Conseil de sécurité"), last words ("the Air Force" after "Ukraine's
    Air Force") or initials ("MoD" after "the UK Ministry of Defence"). The
    nearest such name before wins; ``mentions`` are in text order."""
    out: list[Mention] = []
    named: list[Mention] = []
    for m in mentions:
        if m.kind not in ("actor", "person", "org"):
            out.append(m)
            continue
        if m.ref is None:
            full = _shortened(m.text, named)
            if full is not None:
                m = Mention(full.kind, m.start, m.end, m.text, full.label, full.ref)
        elif len(m.text.split()) > 1:
            named.append(m)
        out.append(m)
    return out


def _shortened(text: str, named: Sequence[Mention]) -> Mention | None:
    word = text.removeprefix("the ").removeprefix("The ").strip()
    if not word[:1].isupper() or len(word) < 3:
        return None
    if " " in word:  # "Air Force" after "Ukraine's Air Force"
        tail = word.split()
        return next(
            (
                full
                for full in reversed(named)
                if full.kind != "person" and full.text.split()[-len(tail) :] == tail
            ),
            None,
        )
    capitals = "".join(c for c in word if c.isupper())
    for full in reversed(named):
        words = full.text.split()
        if (full.kind == "person" and word in words) or (
            full.kind != "person" and word in (words[-1], _french_head(words))
        ):
            return full
        if full.kind != "person" and len(capitals) >= 2 and _initials(full.text).endswith(capitals):
            return full  # "MoD" after "the UK Ministry of Defence", "SMM" after "the OSCE SMM"
    return None


def _french_head(words: Sequence[str]) -> str | None:
    """The head noun of a name written head first ("Conseil" of "Conseil de sécurité",
    "Alliance" of "Alliance atlantique"): its first word, when a word in lower case
    follows it."""
    return words[0] if len(words) > 1 and words[1][:1].islower() else None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


# A role word and the name after it: "UN Spokesperson Stéphane Dujarric", "Minister of
# Defence Mykhailo Fedorov", "le porte-parole Stéphane Dujarric". The name is two or three
# capitalised words; the role may name its office ("of Defence", "de la Défense").
_ROLE_WORDS = (
    "minister|ministre|spokesperson|spokesman|spokeswoman|porte-parole|president|président"
    "|présidente|governor|gouverneur|gouverneure|mayor|maire|general|général|commander"
    "|commandant|ambassador|ambassadeur|ambassadrice|envoy|envoyé|envoyée|chief|chef"
    "|secretary|secrétaire|director|directeur|directrice|senator|sénateur|sénatrice"
    "|chancellor|chancelier|chancelière|adviser|advisor|conseiller|conseillère|lawmaker"
    "|député|députée|commissioner|commissaire|prosecutor|procureur|procureure|head"
    "|lawyer|attorney|avocate?|analyst|analyste|expert|experte|researcher|chercheur|chercheuse"
    "|journalist|journaliste|correspondent|correspondante?|reporter|photographer|photographe"
    "|historian|historien|historienne|economist|économiste|professor|professeure?"
    "|colonel|lieutenant|captain|capitaine|sergeant|sergent|officer|officier|soldier|soldat"
    "|deputy|chairman|chairwoman|leader|dirigeante?|activist|militante?|volunteer|bénévole"
)
_TITLED = re.compile(
    rf"\b(?i:{_ROLE_WORDS})"
    rf"(?:\s+(?i:of|for|de|du|des|de\s+la|de\s+l['’])\s*(?:the\s+)?"
    rf"[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+)*)?"
    rf"\s+(?P<name>{PERSON_NAME})\b"
)


def titled_people(text: str, known: Sequence[Mention], table: ActorLookup) -> list[Mention]:
    """People named after their role whom no mention covers yet ("Spokesperson Stéphane
    Dujarric said"), with their table identity when the table knows them."""
    taken = [(m.start, m.end) for m in known]
    out: list[Mention] = []
    for m in _TITLED.finditer(text):
        start, end = m.span("name")
        name = m.group("name")
        if not _free(start, end, taken):
            continue
        who = table.resolve(name)
        ref = table_ref(who) if who else None
        out.append(Mention("person", start, end, name, label=who.name if who else name, ref=ref))
    return out


# A given name and one to three capitalised words after it ("Marina Petrova", "Abou Bakr
# Al-Baghdadi", "Jean-Yves Le Drian"), none of them a word that makes it a street, a
# unit, a building or a sentence ("Alexander Palace", "Roman Empire").
_GIVEN = re.compile(r"(?<![\w'’-])[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?(?![\w'’-])")
_SURNAME = re.compile(
    r"\s+((?:(?:Le|La|De|Di|Da|Van|Von|Al|El|Ben|Bin|Ibn|Abu|Abou)\s+)?"
    r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ'’]+)*)"
)
_NOT_A_SURNAME_TEXT = """
    street avenue square bridge airport station hospital university school church
    cathedral palace corps division brigade regiment battalion army navy force forces
    group foundation institute center centre prize award act plan doctrine line empire
    catholic orthodox island river lake sea bay region oblast district province republic
    kingdom city county airlines news times post agency said says told and the of in on
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december rue place pont gare
"""
_NOT_A_SURNAME = frozenset(_NOT_A_SURNAME_TEXT.split())


def named_people(text: str, known: Sequence[Mention], table: ActorLookup) -> list[Mention]:
    """``known`` with the people a given name introduces added ("an expert, Marina
    Petrova"; "Alexei Navalny's headquarters"), where the model missed them or read them
    as places: a person replaces place mentions that resolved to nothing, or that hold
    only the given name (the town of Vladimir in "Vladimir Saldo"); any other mention
    there stays and the name is left alone."""
    names = given_names()
    out = list(known)
    for m in _GIVEN.finditer(text):
        if m.group(0) not in names:
            continue
        end, words = m.end(), 0
        while words < 3 and (after := _SURNAME.match(text, end)) is not None:
            if after.group(1).lower().rstrip("'’") in _NOT_A_SURNAME:
                break
            end, words = after.end(), words + 1
            if after.group(1).endswith(("'s", "’s")):
                break  # "Alexei Navalny's Moscow headquarters"
        if words == 0:
            continue
        start = m.start()
        name = re.sub(r"['’]s?$", "", text[start:end])
        end = start + len(name)
        overlapping = [k for k in out if k.start < end and start < k.end]
        if any(k.kind != "place" or (k.ref is not None and k.end > m.end()) for k in overlapping):
            continue
        out = [k for k in out if k not in overlapping]
        who = table.resolve(name)
        ref = table_ref(who) if who else None
        out.append(Mention("person", start, end, name, label=who.name if who else name, ref=ref))
    return sorted(out, key=lambda k: (k.start, k.end))


# Armed groups named only by what they are ("rebels shelled", "les séparatistes"), and
# military units ("the 46th brigade", "28th Separate Mechanized Brigade", "Southern
# Military District", "la 93e brigade").
_GROUP_NOUNS = re.compile(
    r"\b(?:rebels?|separatists?|militants?|insurgents?|jihadists?|gunmen|guerrillas?"
    r"|rebelles?|séparatistes?|insurgés|jihadistes?|djihadistes?)\b"
    r"|\b\d{1,3}(?:st|nd|rd|th)\s+(?-i:[A-Z][\w-]*\s+(?:\([A-Z]+\)\s+)?){0,4}"
    r"(?:brigade|regiment|battalion|division|corps|army)\b"
    r"|\b\d{1,3}(?:st|nd|rd|th)\s+(?-i:CAA|GTA|AC|MRD|TD)\b"  # "36th CAA", "1st GTA"
    r"|\b(?-i:(?:[A-Z][a-z]+\s+){1,2}Military\s+District)\b"
    r"|\b\d{1,3}(?:er|re|e|ème)\s+(?:brigade|régiment|bataillon|division|armée)\b",
    re.IGNORECASE,
)


# Bodies named by a capitalised name ending in what they are: "Rubikon Center for
# Advanced Unmanned Technologies", "Gaza Board of Peace", "Moscow Military District",
# "Western Grouping of Forces", "Université de Sheffield".
_BODY_HEADS = (
    "Institute|Center|Centre|Agency|Council|Committee|Office|Service|Mission|Fund|Bank"
    "|Company|Corporation|Brigade|Regiment|Battalion|Detachment|Fleet|District|Command"
    "|Directorate|University|Party|Foundation|Commission|Board|Grouping|Group|Network"
)
_BODIES_FR = (
    "Université|Ministère|Conseil|Commission|Agence|Institut|Comité|Office|Fonds|Banque"
    "|Parti|Fondation|Brigade|Régiment|Bataillon|Flotte|Commandement|Direction"
)
_WORD = r"[A-ZÀ-Þ][\w'’-]*"
_NAMED_BODY = re.compile(
    rf"\b(?:{_WORD}\s+){{1,4}}(?:{_BODY_HEADS})"
    rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_WORD}(?:\s+{_WORD}){{0,3}})?\b"
    rf"|\b(?:{_BODIES_FR})\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’])"
    rf"{_WORD}(?:\s+{_WORD}){{0,2}}"
)
_NOT_A_NAME_START = frozenset({"The", "A", "An", "This", "That", "Its", "His", "Her", "Their"})


def named_bodies(text: str, known: Sequence[Mention]) -> list[Mention]:
    """``known`` with the organisations named by a capitalised name that ends in what they
    are and that no person or actor mention overlaps; a place inside such a name stays a
    place mention too ("Moscow" in "Moscow Military District", "Sheffield" in "Université
    de Sheffield"), as annotators list both."""
    named = [(m.start, m.end) for m in known if m.kind != "place"]
    found: list[Mention] = []
    for m in _NAMED_BODY.finditer(text):
        words = list(re.finditer(r"\S+", m.group(0)))
        while words and (
            words[0].group(0) in _NOT_A_NAME_START
            or (m.start() + words[0].start(), m.start() + words[0].end()) in named
        ):  # "the Russian Rubikon Center…": "Russian" is the state's, the rest the body's
            words = words[1:]
        if len(words) < 2:
            continue
        start = m.start() + words[0].start()
        if any(s < m.end() and start < e for s, e in named):
            continue
        name = text[start : m.end()]
        found.append(Mention("org", start, m.end(), name, label=name, ref=None))
    return [*known, *found]


def unnamed_groups(text: str, known: Sequence[Mention]) -> list[Mention]:
    """Armed groups the text names only by what they are ("rebels", "les séparatistes") and
    military units ("the 46th brigade"), as unresolved organisation mentions, where no
    other mention covers them."""
    taken = [(m.start, m.end) for m in known]
    out = []
    for m in _GROUP_NOUNS.finditer(text):
        if not _free(m.start(), m.end(), taken):
            continue
        out.append(Mention("org", m.start(), m.end(), m.group(0), label=m.group(0), ref=None))
    return out


# Initials in capitals that name no body: weapons and kit, units of measure, time zones,
# currencies, Roman numerals and the like. The rest of such words in running text are
# organisations ("GCHQ", "AOAV", "OVA").
_NOT_A_BODY = frozenset(
    {
        "UAV", "UAVS", "FPV", "GPS", "AI", "TV", "CEO", "PM", "AM", "UTC", "GMT", "EST", "CET",
        "EET", "MSK", "KM", "MW", "GW", "KW", "ID", "PDF", "URL", "USD", "EUR", "UAH", "RUB",
        "COVID", "DNA", "MLRS", "HIMARS", "ATACMS", "SAM", "IFV", "APC", "MBT", "KAB", "UMPK",
        "TNT", "HQ", "POW", "POWS", "IDP", "IDPS", "LNG", "GDP", "NGO", "NGOS", "SMS", "IRBM",
        "ICBM", "SRBM", "AA", "AAA", "RPG", "ATGM", "MANPADS", "EW", "RF", "II", "III", "IV", "VI",
        "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XX", "XXI", "OK", "NB", "PS",
        "FAQ", "VIP", "LGBT", "LGBTQ", "HIV", "AIDS", "PR", "IT", "JAN", "FEB", "MAR", "APR",
        "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", "HTTP", "HTTPS", "RSS",
        "ZNPP", "NPP", "DMZ", "ISR", "TERCOM", "DSMAC", "GNSS", "VVER", "VIIRS", "OSINT", "VBIED",
        "IED", "KIA", "MIA", "WIA", "PIB", "FCFA", "NDLR", "ONG", "MP", "MPS", "MR", "MM", "BST",
        "IST", "NW", "NE", "SE", "SW", "TX",
    }
)  # fmt: skip
_LOWER_WORD = re.compile(r"\b[a-zà-ÿ]+\b")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")


def acronyms(text: str, known: Sequence[Mention]) -> list[Mention]:
    """Words in capitals that no other mention covers ("the OVA said", "GCHQ"), as
    unresolved organisation mentions, unless they name kit or a unit of measure
    (``_NOT_A_BODY``), the article also writes them in lower case, or they stand in a
    line written in capitals."""
    taken = [(m.start, m.end) for m in known]
    words = set(_LOWER_WORD.findall(text))
    out = []
    for m in _ACRONYM.finditer(text):
        if m.group(0) in _NOT_A_BODY or m.group(0).lower() in words:
            continue  # "UPDATE", "LIVE", "BY": a word the article also writes in lower case
        if not any(c.islower() for c in _line_of(text, m)):
            continue
        if _free(m.start(), m.end(), taken):
            out.append(Mention("org", m.start(), m.end(), m.group(0), label=m.group(0), ref=None))
    return out


def _line_of(text: str, m: re.Match[str]) -> str:
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    return text[start : end if end >= 0 else len(text)]


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Whether no span of ``taken`` overlaps ``start:end``; if so it is taken now."""
    if any(s < end and start < e for s, e in taken):
        return False
    taken.append((start, end))
    return True
