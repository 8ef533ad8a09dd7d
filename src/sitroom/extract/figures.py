"""Casualty and weapon figures of one sentence.

Counts come from ``annotate.numbers`` (which already drops ages, percentages, years,
times and the like); this module decides what each count counts. A count of people is
killed or injured according to the casualty word nearest to it in the parse ("killing
one person and wounding three others"); a count that hangs on another noun which the
person word only describes counts that noun ("two civilian buses"); a count of children
also fills the children fields; a count of drones or missiles is launched or
intercepted by the nearest launch or interception verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitroom.annotate.numbers import Counted, find_counted, find_counts
from sitroom.extract.lexicon import LexiconData
from sitroom.extract.triggers import is_reflexive
from sitroom.extract.units import (
    CASUALTY_LEMMAS,
    DEFINITE,
    PERSON_LABELS,
    PLACE_LABELS,
    VERB_POS,
    Unit,
    governor,
    path_length,
)
from sitroom.types import Quantity, WeaponCount

# A casualty word further than this (dependency arcs) from the count does not own it.
MAX_PATH = 5
MAX_GAP = 12
WEAPON_KINDS = ("drone", "missile", "rocket", "bomb", "shell")


@dataclass(frozen=True, slots=True)
class Casualties:
    """Figures of one sentence; ``None`` where the sentence says nothing."""

    killed: Quantity | None = None
    injured: Quantity | None = None
    children_killed: Quantity | None = None
    children_injured: Quantity | None = None
    # the dead were among the wounded told before: "a rescuer injured in the attack died"
    of_wounded: bool = False

    def any(self) -> bool:
        return any((self.killed, self.injured, self.children_killed, self.children_injured))

    def fill(self, other: Casualties) -> Casualties:
        """Fields of ``self``, with gaps filled from ``other``."""
        return Casualties(
            self.killed or other.killed,
            self.injured or other.injured,
            self.children_killed or other.children_killed,
            self.children_injured or other.children_injured,
            self.of_wounded if self.killed else other.of_wounded,
        )

    def most(self, other: Casualties) -> Casualties:
        """Per field, the larger of the two figures (``self``'s on a tie): two sentences
        telling one event's toll tell it as it grew ("at least two dead", then "three
        dead and 20 wounded"), or a part of it ("two of them children")."""
        killed = _larger(self.killed, other.killed)
        return Casualties(
            killed,
            _larger(self.injured, other.injured),
            _larger(self.children_killed, other.children_killed),
            _larger(self.children_injured, other.children_injured),
            self.of_wounded if killed is self.killed else other.of_wounded,
        )

    def and_died_of_wounds(self, other: Casualties) -> Casualties:
        """``self``'s figures with the dead of ``other`` added, who were among the
        wounded: "one person died and four were injured", then "a rescuer injured in the
        attack died" makes two dead (and still four wounded)."""
        assert self.killed is not None and other.killed is not None
        killed = added(self.killed, other.killed)
        return replace(self.most(other), killed=killed, of_wounded=False)


def _larger(a: Quantity | None, b: Quantity | None) -> Quantity | None:
    if a is None or b is None:
        return a or b
    stated = b.qualifier in ("exact", "at_least")  # "about 20", "hundreds" replace nothing
    return b if stated and (b.min or 0) > (a.min or 0) else a


@dataclass(frozen=True, slots=True)
class Located:
    """A counted expression placed on the tokens of its sentence."""

    quantity: Quantity
    noun: SpacySpan
    count: SpacySpan
    bare: bool = False  # "three were injured": the count stands for people


_PART_OF = re.compile(r"\s+(?:of|out of|sur|parmi)\s+(?:the\s+|les\s+)?", re.IGNORECASE)


def counted_in(unit: Unit, lex: LexiconData) -> list[Located]:
    """Counted expressions of the sentence, with article offsets and noun tokens.

    A bare count in front of "of <count> <noun>" counts the same noun: "shot down 40 of
    52 drones", "94 des 112 drones". A bare count that is the subject or object of a
    casualty verb counts people ("one person died, three were injured"), and "a woman",
    "a child" next to a casualty verb count one.
    """
    counted = find_counted(unit.text, lex.lang)
    by_start = {c.quantity.start for c in counted}
    extra: list[Counted] = []
    bare: list[Quantity] = []
    for q in find_counts(unit.text, lex.lang):
        if q.start in by_start:
            continue
        following = [c for c in counted if c.quantity.start > q.end]
        if following and _PART_OF.fullmatch(unit.text[q.end : following[0].quantity.start]):
            c = following[0]
            extra.append(Counted(q, c.noun, c.noun_start, c.noun_end))
        else:
            bare.append(q)
    out = _located(unit, [*counted, *extra])
    out.extend(_bare_people(unit, bare, lex))
    out.extend(_single_people(unit, out, lex))
    return sorted(out, key=lambda item: item.quantity.start)


def _located(unit: Unit, counted: list[Counted]) -> list[Located]:
    out = []
    for c in sorted(counted, key=lambda c: c.quantity.start):
        q = c.quantity
        quantity = replace(q, start=unit.start + q.start, end=unit.start + q.end)
        noun = unit.tokens_at(unit.start + c.noun_start, unit.start + c.noun_end)
        count = unit.tokens_at(quantity.start, quantity.end)
        if noun is not None and count is not None:
            out.append(Located(quantity, noun, count))
    return out


_CASUALTY_ARGS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj"})


def _bare_people(unit: Unit, bare: list[Quantity], lex: LexiconData) -> list[Located]:
    words = lex.words("killed") | lex.words("injured")
    out = []
    for q in bare:
        tokens = unit.tokens_at(unit.start + q.start, unit.start + q.end)
        if tokens is None:
            continue
        root = tokens.root
        quantity = replace(q, start=unit.start + q.start, end=unit.start + q.end)
        argument = root.dep_ in _CASUALTY_ARGS and root.head.lower_ in words
        if argument or _headline_toll(root, words):
            out.append(Located(quantity, tokens, tokens, bare=True))
        elif (noun := _toll_noun(root, words)) is not None:
            out.append(Located(quantity, noun, tokens))
    return out


def _headline_toll(root: Token, words: frozenset[str]) -> bool:
    """A headline's bare count with the casualty word right after it ("Five killed in
    eastern Ukraine fighting", "Two dead, three wounded"), whatever the parser hung it on."""
    doc = root.doc
    after = root.i + 1
    if after >= len(doc) or doc[after].lower_ not in words:
        return False
    return doc[after].head.i == root.i or root.head.i == after or root.dep_ == "nsubj"


# "Death toll rises to 3, injured to 11": a bare count a toll rises to; "taking the
# death toll to three", "bringing the toll to 12": a count an event takes it to; "le
# nombre de morts est passé à 12".
_TOLL_VERBS = frozenset(
    {"rise", "climb", "increase", "reach", "jump", "grow", "mount", "stand",
     "passer", "grimper", "monter", "atteindre", "élever", "augmenter"}
)  # fmt: skip
_TAKING_VERBS = frozenset({"take", "bring", "push", "raise", "lift"})
_TOLL_WORDS = frozenset({"toll", "number", "nombre"})


def _toll_noun(root: Token, words: frozenset[str]) -> SpacySpan | None:
    """What a bare count after "to"/"at"/"à" counts: the toll a verb raises to it ("the
    death toll rose to 3", "taking the death toll to three", "the number of dead climbed
    to 12", "le nombre de blessés a grimpé à 40"), or the casualty word it follows
    ("injured to 11")."""
    doc = root.doc
    if root.i >= 2 and doc[root.i - 1].lower_ in ("to", "at") and doc[root.i - 2].lower_ in words:
        return doc[root.i - 2 : root.i - 1]  # "injured to 11", however it was parsed
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "at"):
        verb = root.head.head
    elif root.dep_.startswith("obl") and any(
        c.dep_ == "case" and c.lower_ == "à" for c in root.children
    ):
        verb = root.head
    else:
        return None
    if verb.lower_ in words:
        return doc[verb.i : verb.i + 1]
    if verb.lemma_ in _TOLL_VERBS:
        roles: tuple[str, ...] = ("nsubj", "nsubjpass")
    elif verb.lemma_ in _TAKING_VERBS:
        roles = ("dobj",)
    else:
        return None
    toll = next((c for c in verb.children if c.dep_ in roles), None)
    if toll is None or toll.lower_ not in _TOLL_WORDS:
        return None
    if toll.lower_ == "toll":
        return doc[toll.i : toll.i + 1]
    # "the number of dead", "le nombre de blessés": what the number counts
    counted = [g for c in toll.children if c.lower_ == "of" for g in c.children]
    counted += [c for c in toll.children if c.dep_ == "nmod"]
    return doc[counted[0].i : counted[0].i + 1] if counted else None


def _single_people(unit: Unit, found: list[Located], lex: LexiconData) -> list[Located]:
    """ "A woman died", "a child was wounded", "un homme a été tué", "another Ukrainian
    was killed", "Oleksiy Kulenko killed in shelling", a headline's "Soldier killed": one
    person; so is a relative joined to a person ("a boy and his father died")."""
    persons = lex.words("persons")
    taken = {item.noun.root.i for item in found}
    out = []
    for token in unit.sent:
        noun = token.head
        if noun.i in taken:
            continue
        one = token.dep_ == "det" and token.lower_ in _ONE
        kin = (
            token.lower_ in _POSSESSIVES
            and noun.dep_ == "conj"
            and noun.head.lower_ in persons
            and noun.lower_ in persons
            and _along_with(noun) is None
        )
        # "tués avec leur chauffeur et leur guide", "killed along with his driver": more
        # dead than the ones counted, and nothing to count when the others are not ("ils
        # ont été exécutés avec leur chauffeur" does not say how many)
        along = (
            token.lower_ in _POSSESSIVES
            and _along_with(noun) is not None
            and any(_together(item.noun.root, noun) for item in found)
        )
        if not (one or kin or along):
            continue
        end = noun.i + 1
        if end < len(noun.doc) and f"{noun.lower_} {noun.nbor(1).lower_}" in persons:
            end += 1  # "un casque bleu"
        person = noun.lower_ in persons or end > noun.i + 1
        if not (person or _demonym(noun)) or noun.i < token.i:
            continue
        if any(t.lower_ in _ORDINALS for t in unit.sent.doc[token.i + 1 : noun.i]):
            continue  # "a third person died": the third dead, not one (see _nth_dead)
        span = unit.sent.doc[token.i : end]
        # a nationality is no person word of the lexicon: it stands for one person
        out.append(_one_person(unit, span, unit.sent.doc[noun.i : end], bare=not person))
    first = _headline_subject(unit)
    if (  # a headline's bare noun: "Soldier killed, four wounded", "DPR civilian dies"
        first is not None
        and first.lower_ in persons
        and first.i not in taken
        and _singular(first)
        and not any(c.dep_ in ("det", "nummod") for c in first.children)
        and _hit_by_casualty(first)
    ):
        span = unit.sent.doc[first.i : first.i + 1]
        out.append(_one_person(unit, span, span, bare=True))
    name = _unlabelled_name(first)
    if name is not None and first is not None and first.i not in taken:
        # "Oleksiy Stryzhak killed in enemy shelling": a name the model did not label
        out.append(_one_person(unit, name, name, bare=True))
        taken.add(first.i)
    for noun in unit.sent:  # "le chef de l'organisation Etat islamique tué", "the mayor died"
        if noun.i in taken or not leader_hit(noun):
            continue
        if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
            span = unit.sent.doc[noun.i : noun.i + 1]
            out.append(_one_person(unit, span, span, bare=True))
    for ent in unit.sent.ents:  # "Oleksiy Kulenko killed in shelling", "X a été tué"
        root = ent.root
        if ent.label_ not in PERSON_LABELS or root.i in taken or not _hit_by_casualty(root):
            continue
        out.append(_one_person(unit, ent, ent[-1:], bare=True))
    return out


def _unlabelled_name(first: Token | None) -> SpacySpan | None:
    """A person's name that opens a headline-like sentence and that a casualty participle
    is said of, without an object ("Oleksiy Stryzhak killed in enemy shelling"): two or
    three capitalised proper nouns the model gave no entity label, so they name no place,
    body or state it knows."""
    if first is None or first.pos_ != "PROPN" or first.ent_type_:
        return None
    verb = first.head
    if not first.dep_.startswith("nsubj") or verb.i <= first.i or not _hit_by_casualty(first):
        return None
    if "Part" not in verb.morph.get("VerbForm", []) or any(
        c.dep_.startswith("aux") for c in verb.children
    ):
        return None  # the clipped passive of a headline only
    words = [first, *(c for c in first.lefts if c.dep_ == "compound")]
    if not 2 <= len(words) <= 3 or any(w.pos_ != "PROPN" or w.ent_type_ for w in words):
        return None
    if not all(w.text[:1].isupper() and w.text[1:].islower() for w in words):
        return None  # "DPR", "ISIS": initials name a body
    start = min(w.i for w in words)
    return first.doc[start : first.i + 1]


def leader_hit(noun: Token) -> bool:
    """Whether ``noun`` is a leader's title ("the commander", "le chef") that a casualty
    verb is said of, also where the parser hung the participle on the body he led and
    only its agreement says whom it describes: "Le chef de l'organisation Etat islamique
    tué" (masculine "tué", feminine "organisation")."""
    if noun.lower_ not in _LEADERS:
        return False
    if _hit_by_casualty(noun):
        return True
    return any(
        verb.dep_ == "acl"
        and verb.lemma_.lower() in CASUALTY_LEMMAS
        and _agrees(verb, noun)
        and not _agrees(verb, body)
        for body in noun.children
        if body.dep_ == "nmod"
        for verb in body.children
    )


def _agrees(a: Token, b: Token) -> bool:
    return all(a.morph.get(f, []) == b.morph.get(f, []) for f in ("Gender", "Number"))


def _singular(word: Token) -> bool:
    """A singular noun; a person word the tagger read as an adjective ("DPR civilian
    dies") has no number, and counts as singular when the verb it governs is ("dies")."""
    number = word.morph.get("Number", [])
    if number:
        return "Sing" in number
    return "Sing" in word.head.morph.get("Number", []) and word.dep_.startswith("nsubj")


def _headline_subject(unit: Unit) -> Token | None:
    """The noun a sentence opens with, with only its modifiers before it: "Soldier",
    "Pro-Russian rebel commander", "DPR civilian"."""
    start = unit.sent.start
    for token in unit.sent[:_HEADLINE_LEAD]:
        noun = token.pos_ in ("NOUN", "PROPN") or token.dep_ in ("nsubj", "nsubjpass")
        if noun and token.left_edge.i == start and token.dep_ not in _LEAD_MODIFIERS:
            if any(c.lower_ in ("among", "parmi") for c in token.rights):
                return None  # "Pregnant woman among 4 killed": one of a count told
            if all(t.dep_ in _LEAD_MODIFIERS for t in token.lefts):
                return token
    return None


_HEADLINE_LEAD = 5
_LEAD_MODIFIERS = frozenset({"amod", "compound", "nmod", "npadvmod", "punct"})


def _demonym(noun: Token) -> bool:
    """A nationality said as a noun: "another Ukrainian was killed" (the English model
    labels such words NORP; the French one has no such label)."""
    return noun.ent_type_ == "NORP" and noun.pos_ in ("NOUN", "PROPN")


def _one_person(unit: Unit, count: SpacySpan, noun: SpacySpan, bare: bool) -> Located:
    """One person, counted by the words ``count`` ("a woman", "Oleksiy Kulenko")."""
    where = unit.span_of(count)
    quantity = Quantity(1, 1, "exact", where.text, where.start, where.end)
    return Located(quantity, noun, count, bare=bare)


def _hit_by_casualty(root: Token) -> bool:
    """Whether a named person is the one a casualty verb says was killed or wounded: its
    subject ("X died", "X a été tué") or the noun it describes ("X killed in shelling")."""
    if root.dep_ in ("appos", "flat", "flat:name") and root.head.i != root.i:
        root = root.head  # "le journaliste Nabil al-Quaety a été tué"
    if root.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
        verb = root.head
        lemma = verb.lemma_.lower()
        if lemma in _TRANSITIVE_CASUALTY and any(c.dep_ in ("dobj", "obj") for c in verb.children):
            return False  # "Ivan Petrenko killed two soldiers": the killer, not the dead
        return lemma in CASUALTY_LEMMAS
    return any(
        c.dep_ in ("acl", "acl:relcl") and c.lemma_.lower() in CASUALTY_LEMMAS
        for c in root.children
    )


# Casualty verbs whose object is the one hurt; "die", "mourir" take none (the parser may
# still hang a source on them: "doctor … dies - JFO").
_TRANSITIVE_CASUALTY = frozenset({"kill", "wound", "injure", "tuer", "blesser"})
_ONE = frozenset({"a", "an", "another", "un", "une"})
# One who leads, named by the title alone: "the commander was killed", "le chef … tué".
_LEADERS = frozenset(
    {"leader", "commander", "chief", "head", "mayor", "governor", "founder", "emir"}
    | {"chef", "commandant", "dirigeant", "maire", "gouverneur", "fondateur", "émir"}
)
_OTHERS = frozenset({"others", "autres"})
_POSSESSIVES = frozenset({"his", "her", "their", "son", "sa", "leur"})
# Figures of zero, said in words: "no casualties", "no one was hurt", "sans faire de
# victimes", "aucun blessé". A zero is a figure (nobody was killed), not a missing one.
_NONE_HURT = re.compile(
    r"\b(?:no|without\s+(?:causing\s+)?(?:any\s+)?|sans\s+faire\s+(?:de\s+|d['’])|aucune?\s+"
    r"|pas\s+de\s+)(?:casualties|victims|victimes?|deaths|fatalities|morts?|tués?|injuries"
    r"|blessés?|blessures)\b"
    r"|\b(?:no\s+one|nobody)\s+(?:was\s+|were\s+)?(?:killed|hurt|injured|wounded)\b",
    re.IGNORECASE,
)
_ZERO_KILLED = ("casualt", "victim", "death", "fatalit", "mort", "tué", "killed")
_ZERO_INJURED = ("casualt", "victim", "injur", "hurt", "wounded", "bless")


_ORDINALS = {
    w: n
    for n, words in enumerate(
        (("second", "deuxième", "seconde"), ("third", "troisième"), ("fourth", "quatrième"),
         ("fifth", "cinquième"), ("sixth", "sixième"), ("seventh", "septième"),
         ("eighth", "huitième"), ("ninth", "neuvième"), ("tenth", "dixième")),
        start=2,
    )
    for w in words
}  # fmt: skip
_ORD = "|".join(_ORDINALS)
# The nth dead told by the one just found or just dead: "the body of the fourth victim
# was taken out", "une quatrième victime a succombé à ses blessures", "a third person
# died". A victim alone may be wounded ("la deuxième victime a été opérée", "une
# troisième victime en état de mort cérébrale").
_NTH_DEAD = re.compile(
    rf"\b(?:bod(?:y|ies)\s+of\s+(?:the|a)\s+(?P<en>{_ORD})\s+(?:victim|person)\b"
    rf"|corps\s+de\s+la\s+(?P<fr>{_ORD})\s+victime\b"
    rf"|\b(?P<verb>{_ORD})\s+(?:victim|person|victime|personne)\s+(?:[\w'’-]+\s+){{0,5}}?"
    r"(?:died|has\s+died|succumbed|a\s+succombé|succombe|est\s+décédée?|décédée?\b))",
    re.IGNORECASE,
)


def _nth_dead(unit: Unit) -> Quantity | None:
    """The toll an ordinal tells: the fourth victim found dead makes four dead."""
    m = _NTH_DEAD.search(unit.text)
    if m is None:
        return None
    group = next(g for g in ("en", "fr", "verb") if m.group(g))
    n = _ORDINALS[m.group(group).lower()]
    start, end = unit.start + m.start(group), unit.start + m.end(group)
    return Quantity(n, n, "exact", m.group(group), start, end)


def casualties(unit: Unit, located: list[Located], lex: LexiconData) -> Casualties:
    """Killed, injured and children figures stated in the sentence."""
    killed_cues = unit.get("killed")
    injured_cues = unit.get("injured")
    result: dict[str, Quantity] = {}
    nouns: dict[str, Token] = {}
    for item in located:
        word = item.noun.text.lower()
        category = _category(item, word, killed_cues, injured_cues, lex)
        if category is None:
            continue
        is_child = word in lex.words("children")
        key = f"children_{category}" if is_child else category
        if _among_others(item.noun.root) and item.quantity.max is not None:
            # "ont notamment tué un bébé": a baby among the dead, not the only one
            item = replace(item, quantity=replace(item.quantity, max=None, qualifier="at_least"))
        if key in result and (
            _conjoined(nouns[key], item.noun.root)
            or _together(nouns[key], item.noun.root)
            or _two_sides(nouns[key], item.noun.root, lex)
            or _others_of(unit, nouns[key], item.noun.root)
        ):
            result[key] = _sum(unit, result[key], item.quantity)
            continue
        if key not in result:
            result[key] = item.quantity
            nouns[key] = item.noun.root
    for fate in ("killed", "injured"):  # "a boy and his father died": two dead, one a child
        adults, children = result.get(fate), result.get(f"children_{fate}")
        if adults is None or children is None:
            continue
        a, b = sorted((nouns[fate], nouns[f"children_{fate}"]), key=lambda t: t.i)
        if _conjoined(a, b):
            first, second = sorted((adults, children), key=lambda q: q.start)
            result[fate] = _sum(unit, first, second)
    if "killed" not in result and (ordinal := _nth_dead(unit)) is not None:
        result["killed"] = ordinal
    for m in _NONE_HURT.finditer(unit.text):
        start, end = unit.start + m.start(), unit.start + m.end()
        zero = Quantity(0, 0, "exact", m.group(0), start, end)
        said = m.group(0).lower()
        for key, stems in (("killed", _ZERO_KILLED), ("injured", _ZERO_INJURED)):
            if any(stem in said for stem in stems):
                result.setdefault(key, zero)
    # children are people: "a child died" is one dead, of whom one child
    dead = "killed" if "killed" in nouns else "children_killed"
    return Casualties(
        result.get("killed") or result.get("children_killed"),
        result.get("injured") or result.get("children_injured"),
        result.get("children_killed"),
        result.get("children_injured"),
        dead in nouns and "injured" not in result and _was_wounded(nouns[dead], injured_cues),
    )


_NOTABLY = frozenset({"notamment", "notably"})


def _among_others(noun: Token) -> bool:
    """Whether the count is said to be one of more: "qui ont notamment tué un bébé"."""
    near = [*noun.children, *noun.head.children]
    return any(t.dep_ == "advmod" and t.lower_ in _NOTABLY for t in near)


def _was_wounded(noun: Token, injured_cues: list[SpacySpan]) -> bool:
    """Whether the dead ``noun`` names were wounded before they died: "a rescuer injured
    in a night attack … died", "military doctor wounded in enemy attack … dies", "un
    soldat blessé lors de l'attaque a succombé"."""
    return any(
        child.dep_ in ("acl", "amod") and any(c.start <= child.i < c.end for c in injured_cues)
        for child in noun.children
    )


def _conjoined(first: Token, second: Token) -> bool:
    """ "six touristes français et deux Nigériens tués", "two soldiers and three civilians
    were killed": counted groups joined by "and" share one fate. The parser may hang both
    on the verb ("Deux hommes et quatre femmes ont été tués")."""
    if second.dep_ == "conj" and second.head.i == first.i:
        return True
    if first.head.i != second.head.i or first.dep_ != second.dep_ or first.head.i == first.i:
        return False
    return any(t.dep_ == "cc" for t in first.doc[first.i + 1 : second.i])


_WITH = frozenset({"with", "avec"})


def _along_with(noun: Token) -> Token | None:
    """The verb a person is said to share a fate with "with" on: "assassinés avec leur
    chauffeur et leur guide" (the guide through the driver he is joined to), "killed
    along with his driver"."""
    noun = _first_conjunct(noun)
    marked = any(c.dep_ == "case" and c.lower_ in _WITH for c in noun.children)
    head = noun.head
    if not marked and noun.dep_ == "pobj" and head.lower_ in _WITH:
        marked, head = True, head.head.head if head.head.lower_ == "along" else head.head
    return head if marked and head.pos_ in VERB_POS else None


def _first_conjunct(noun: Token) -> Token:
    """The first noun of the list ``noun`` is in ("leur chauffeur et leur guide")."""
    while noun.dep_ == "conj":
        noun = noun.head
    return noun


def _together(first: Token, second: Token) -> bool:
    """ "Six humanitaires … avaient été assassinés avec leur chauffeur et leur guide":
    the people killed with the ones counted before add to them."""
    verb = _along_with(second)
    return verb is not None and verb.i == _first_conjunct(first).head.i and first.i < second.i


def _others_of(unit: Unit, first: Token, second: Token) -> bool:
    """ "tuant cinq d'entre eux et ont abattu les deux autres": the others are more of the
    same fate, unless a place named between the two counts makes them another event's
    ("two people were killed in Avdiivka, and two others in Beryslav")."""
    if second.lower_ not in _OTHERS:
        return False
    between = range(first.i + 1, second.i)
    return not any(e.start in between for e in unit.sent.ents if e.label_ in PLACE_LABELS)


def _two_sides(first: Token, second: Token, lex: LexiconData) -> bool:
    """ "Five Ukrainian soldiers, two rebels killed": the dead of each side of a fight,
    listed with a comma, are added up (a comma after one side is no restatement)."""
    if second.dep_ != "appos" or second.head.i != first.i:
        return False
    return both_sides({first.lower_, second.lower_}, lex)


def both_sides(words: set[str], lex: LexiconData) -> bool:
    """Whether ``words`` name regular forces and irregular fighters both ("soldiers",
    "rebels"): the two sides of a fight."""
    return bool(words & lex.words("armed_regulars")) and bool(words & lex.words("armed_irregulars"))


def _sum(unit: Unit, a: Quantity, b: Quantity) -> Quantity:
    """Two counts of one sentence and one fate added up ("six … et deux" is eight), with
    the words from the first to the second."""
    text = unit.text[a.start - unit.start : b.end - unit.start]
    return replace(added(a, b), text=text, start=a.start, end=b.end)


def added(a: Quantity, b: Quantity) -> Quantity:
    """``a`` plus ``b``: exact when both are, else at least their lows (``a``'s words)."""
    exact = a.qualifier == b.qualifier == "exact"
    low = None if a.min is None or b.min is None else a.min + b.min
    high = None if a.max is None or b.max is None or not exact else a.max + b.max
    return replace(a, min=low, max=high, qualifier="exact" if exact else "at_least")


def _counts_another_noun(item: Located, persons: frozenset[str]) -> bool:
    """Whether the count hangs on another noun that the person word describes: "deux
    bases militaires" counts bases, "two civilian buses" buses, not people."""
    head = item.count.root.head
    noun = item.noun.root
    return (
        head.i != noun.i
        and head.pos_ in ("NOUN", "PROPN")
        and head.lower_ not in persons
        and noun.head.i == head.i
    )


def _category(
    item: Located,
    word: str,
    killed_cues: list[SpacySpan],
    injured_cues: list[SpacySpan],
    lex: LexiconData,
) -> str | None:
    if word in lex.words("killed_nouns") and not item.bare:
        return "killed"
    if word in lex.words("injured_nouns") and not item.bare:
        # "après le décès de deux blessés": the wounded who died, whom the toll counts
        died = item.noun.root.dep_ in ("nmod", "pobj") and _death_of(item.noun.root, lex)
        return None if died else "injured"
    if word not in lex.words("persons") and not item.bare:
        return None
    if not item.bare and _counts_another_noun(item, lex.words("persons")):
        return None
    doc = item.count.doc
    after = item.count.end
    head = item.noun.root.head
    if item.noun.root.dep_.startswith("nsubj") and any(
        cue.start <= head.i < cue.end for cue in killed_cues
    ):
        return "killed"  # "Military doctor wounded in enemy attack … dies": he died
    if item.bare and after < len(doc):  # "About 20 killed, 110 wounded": the word after it
        for category, cues in (("killed", killed_cues), ("injured", injured_cues)):
            if any(cue.start <= after < cue.end for cue in cues):
                return category
    for category, cues in (("killed", killed_cues), ("injured", injured_cues)):
        if any(cue.start <= head.i < cue.end for cue in cues) and head.i != item.noun.root.i:
            return category  # the noun is the subject or object of the casualty verb
    among = _among(item.noun.root, killed_cues + injured_cues)
    if among is not None:
        return "killed" if among in killed_cues else "injured"
    best: tuple[bool, int, int, str] | None = None
    clause = governor(item.noun.root).i
    for category, cues in (("killed", killed_cues), ("injured", injured_cues)):
        for cue in cues:
            if cue.start <= item.noun.start < cue.end:
                continue
            path = path_length(item.noun.root, cue.root)
            gap = min(abs(cue.start - item.noun.end), abs(item.noun.start - cue.end))
            if path <= MAX_PATH and gap <= MAX_GAP:
                # a cue of the noun's own clause first: "a man was killed and a woman was
                # left in a critical condition" (the woman is injured)
                score = (governor(cue.root).i != clause, path, gap, category)
                if best is None or score < best:
                    best = score
    return best[3] if best else None


def _death_of(noun: Token, lex: LexiconData) -> bool:
    """Whether ``noun`` is the complement of a death noun ("le décès de deux blessés")."""
    head = noun.head.head if noun.head.dep_ == "prep" else noun.head
    return head.pos_ == "NOUN" and head.lower_ in lex.words("killed_nouns")


_AMONG = frozenset({"among", "amongst", "parmi"})


def _among(noun: Token, cues: list[SpacySpan]) -> SpacySpan | None:
    """ "a girl was among the seven people killed and 180 injured", "un enfant figure
    parmi les morts": the subject is one of the group "among" names first, so its fate
    is the first casualty cue after that word."""
    if noun.dep_ not in ("nsubj", "nsubj:pass"):
        return None
    word = next((c for c in noun.head.children if c.lower_ in _AMONG), None)
    if word is None:
        return None
    after = [c for c in cues if c.start > word.i]
    return min(after, key=lambda c: c.start) if after else None


def weapons(
    unit: Unit, located: list[Located], lex: LexiconData, default: str
) -> list[WeaponCount]:
    """Weapons counted in the sentence; ``default`` ("launched" or "intercepted") applies
    when no launch or interception verb is near a count."""
    launch = unit.get("launch_verbs")
    intercept = [c for c in unit.get("intercept_verbs") if not is_reflexive(c)]
    by_kind: dict[str, WeaponCount] = {}
    for item in located:
        kind = _weapon_kind(unit, item.noun, lex)
        if kind is None:
            continue
        role = _weapon_role(item, launch, intercept, default)
        q = item.quantity
        value = q.min if q.min is not None else q.max
        current = by_kind.get(kind) or WeaponCount(
            kind=kind, text=q.text, start=q.start, end=q.end, qualifier=q.qualifier
        )
        if role == "intercepted" and current.intercepted is None:
            current = replace(current, intercepted=value, intercepted_qualifier=q.qualifier)
        elif role == "launched" and current.launched is None:
            current = replace(
                current,
                launched=value,
                qualifier=q.qualifier,
                text=q.text,
                start=q.start,
                end=q.end,
            )
        by_kind[kind] = current
    return list(by_kind.values())


def _weapon_kind(unit: Unit, noun: SpacySpan, lex: LexiconData) -> str | None:
    word = noun.text.lower()
    for kind in WEAPON_KINDS:
        if word in lex.words(f"weapon:{kind}"):
            return kind
    for kind in WEAPON_KINDS:
        for cue in unit.get(f"weapon:{kind}"):
            if cue.start <= noun.start < cue.end or cue.start < noun.end <= cue.end:
                return kind
    return None


def _of_which(count: SpacySpan) -> bool:
    """Whether a count opens a part of what came before: "of which 94", "dont 94"."""
    doc, i = count.doc, count.start
    before = [doc[j].lower_ for j in range(max(0, i - 2), i)]
    return before[-1:] == ["dont"] or before[-2:] in (["of", "which"], ["of", "them"])


def _all_but(count: SpacySpan) -> bool:
    """ "downed all but 26 drones": 26 got through; the count says nothing downed."""
    doc, i = count.doc, count.start
    before = " ".join(doc[j].lower_ for j in range(max(0, i - 2), i))
    return before in ("all but", "all except", "tous sauf", "toutes sauf")


def _whole_of_a_part(count: SpacySpan) -> bool:
    """The whole after a part: 38 in "shot down 29 of 38 drones", "16 sur 18 drones"."""
    doc, i = count.doc, count.start
    if i >= 2 and doc[i - 1].lower_ in ("of", "sur") and doc[i - 2].like_num:
        return True
    return i >= 3 and [t.lower_ for t in doc[i - 2 : i]] == ["out", "of"] and doc[i - 3].like_num


def _weapon_role(
    item: Located, launch: list[SpacySpan], intercept: list[SpacySpan], default: str
) -> str | None:
    if _all_but(item.count):
        return None
    if _whole_of_a_part(item.count):
        return "launched"
    if _of_which(item.count) and any(c.start > item.count.end for c in intercept):
        return "intercepted"  # "…, dont 94 drones … ont été abattus": a part of the salvo
    best: tuple[int, int, str] | None = None
    separated = item.noun.start > item.count.end + 1  # "40 of 52 drones"
    anchors = [item.count] if separated else [item.count, item.noun]
    for role, cues in (("launched", launch), ("intercepted", intercept)):
        for cue in cues:
            path = min(path_length(a.root, cue.root) for a in anchors)
            gap = min(min(abs(cue.start - a.end), abs(a.start - cue.end)) for a in anchors)
            if path <= MAX_PATH:
                score = (path, gap, role)
                if best is None or score < best:
                    best = score
    return best[2] if best else default
