"""Modality of a report: did it happen, is it claimed, denied, planned, cancelled, or an
old event recalled as background?

Cues are lexicon words within a few dependency arcs of the trigger; a trigger the text
negates ("did not attack", "n'ont pas attaqué", "no strike") is ``denied``; grammatical future
(English "will", French future tense or "doit"/"devrait" + infinitive) and a resolved
date after publication mean ``planned``; a date more than ``HISTORICAL_DAYS`` before
publication means ``historical``, and so does one more than ``RECALLED_DAYS`` before it
when the event is told in the pluperfect. Precedence: cancelled > denied > claimed >
planned > historical > reported.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitroom.extract.units import Unit, governor, path_length
from sitroom.types import DateValue, Modality

HISTORICAL_DAYS = 30
# A dated event told in the pluperfect ("avaient réaffirmé … lors d'un sommet le 30 juin",
# "had met on February 3") is recalled as background once it is this many days old (a
# week was tried too: on the dev set it cost one English report its modality).
RECALLED_DAYS = 14
CUE_PATH = {"cancelled": 4, "denied": 5, "claimed": 4, "planned": 3, "historical": 3}
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going"})
_FR_MODAL = frozenset({"devoir", "aller"})


def modality(
    unit: Unit,
    trigger: SpacySpan,
    date: DateValue | None,
    published: dt.date | None,
) -> Modality:
    """The modality of the event that ``trigger`` names in ``unit``."""
    strong: tuple[Modality, ...] = ("cancelled", "denied", "claimed")
    for name in strong:
        if _cue_near(unit, trigger, name):
            return name
    if negated(trigger.root):
        return "denied"  # the text says it did not happen: "forces did not attack"
    if is_future(trigger) or _intended(trigger.root) or _cue_near(unit, trigger, "planned"):
        return "planned"
    if date is not None and date.date is not None and published is not None:
        if date.date > published and date.precision != "unresolved":
            return "planned"
        last = date.end_date or date.date  # "this year" has not ended: not history
        if (published - last).days > HISTORICAL_DAYS and date.precision != "unresolved":
            return "historical"
        if (
            (published - last).days > RECALLED_DAYS
            and date.precision != "unresolved"
            and _pluperfect(_tensed(governor(trigger.root)))
        ):
            return "historical"
    if _cue_near(unit, trigger, "historical"):
        return "historical"
    return "reported"


def _cue_near(unit: Unit, trigger: SpacySpan, name: str) -> bool:
    """A cue of ``name`` that dominates the trigger in the parse, or modifies it directly,
    within ``CUE_PATH`` arcs: "dismissed claims that Kyiv had launched", "the failure of
    plans for a meeting", "the alleged strike"; not a cue in a sibling clause ("strikes
    killed two people a day ahead of the meeting" is not a planned strike)."""
    limit = CUE_PATH[name]
    root = trigger.root
    for cue in unit.get(name):
        if cue.start <= trigger.start < cue.end:
            continue
        if name == "claimed" and _takes_lives(cue.root):
            continue  # "an ambush that claimed six lives" killed, it claimed nothing
        if name == "denied" and _denies_a_part(cue.root):
            continue  # "Moscou nie toute implication": the strike happened, whoever did it
        if name == "historical" and cue.text.lower() == "il y a" and not _ago(cue):
            continue  # "il y a huit morts" counts the dead; "il y a deux ans" is the past
        if name == "historical" and _FIRST_TIME.search(
            unit.sent.doc[unit.sent.start : cue.start].text
        ):
            continue  # "se rencontrent pour la première fois depuis le début de la guerre"
        dominates = cue.root in root.ancestors
        modifies = cue.root.head.i == root.i  # "the alleged strike", "la rencontre annulée"
        if name == "historical" and cue.root.head.dep_ in ("prep", "case"):
            # "annexed … during World War II", "pendant la Seconde Guerre mondiale"
            modifies = modifies or cue.root.head.head.i == root.i
        if name == "historical" and cue.root.dep_ == "advmod" and root.dep_ in _ARGUMENTS:
            # "have previously carried out strikes": the time of the verb that carries
            # the trigger noun; "ISW previously assessed that … seized": what was said
            # before happened before
            modifies = modifies or cue.root.head.i == root.head.i
        if name == "claimed" and (dominates or modifies) and _outside_claim(root, cue.root):
            continue
        if name == "planned" and modifies and not dominates and _past(root):
            continue  # "travelled to Moscow to meet Putin": the purpose of a done trip
        if (dominates or modifies) and path_length(root, cue.root) <= limit:
            return True
    return False


# "The first time since …" tells what is new, not what is old.
_FIRST_TIME = re.compile(r"\b(?:première\s+fois|first\s+time)\b", re.IGNORECASE)


def _intended(word: Token) -> bool:
    """Whether the event is only wished, offered or called for: "offered to meet Putin",
    "a appelé à rencontrer son homologue", "souhaite rencontrer", "proposed talks",
    "called for a meeting", "appelé à des négociations"."""
    head = word.head
    if head.i == word.i:
        return False
    lemma = head.lemma_.lower()
    if word.dep_ == "xcomp" and _infinitive(word):
        return lemma in _INTENT_VERBS
    if word.pos_ != "NOUN":
        return False
    if word.dep_ in ("dobj", "obj"):
        if _infinitive(head) and head.dep_ == "xcomp" and head.head.i != head.i:
            # "tente d'organiser un sommet", "seeks to hold talks": not held yet
            above = head.head
            return bool({above.lemma_.lower(), above.lower_} & _INTENT_OR_ATTEMPT)
        return lemma in _INTENT_OBJECT
    if word.dep_ == "pobj" and head.lower_ == "for":
        return head.head.lemma_.lower() in _CALL_FOR  # "called for a meeting"
    if word.dep_ == "obl:arg" and any(c.lower_ in ("à", "au", "aux") for c in word.children):
        return lemma == "appeler"  # "a appelé à des négociations"
    return False


# Verbs whose infinitive is a wish, an offer or a call, not an event: "offered to meet",
# "souhaite rencontrer"; "managed to", "a pu" tell what was done, and are not. "Tried to"
# tells an attempt ("tried to advance"), planned only for what it would organise or hold
# ("tente d'organiser un sommet": ``_ATTEMPT_VERBS``).
_INTENT_VERBS = frozenset(
    {"want", "wish", "hope", "offer", "propose", "agree", "seek", "aim", "invite", "urge",
     "vouloir", "souhaiter", "espérer", "proposer", "accepter", "appeler", "inviter",
     "chercher", "exhorter"}
)  # fmt: skip
# A meeting requested of a body ("demanderait une réunion d'urgence du Conseil de
# sécurité") is soon held: not in this list.
_INTENT_OBJECT = frozenset(
    {"propose", "offer", "seek", "want", "proposer", "souhaiter", "vouloir"}
)  # fmt: skip
# the French model lemmatises "tente" as itself: the forms are listed too
_ATTEMPT_VERBS = frozenset(
    {"try", "attempt", "tenter", "tente", "tentent", "essayer", "essaie", "essaient"}
)


_INTENT_OR_ATTEMPT = _INTENT_VERBS | _ATTEMPT_VERBS


def _infinitive(word: Token) -> bool:
    return "Inf" in word.morph.get("VerbForm", [])


_CALL_FOR = frozenset({"call", "ask", "push", "press", "appeal"})


def _outside_claim(trigger: Token, cue: Token) -> bool:
    """Whether the claim verb ``cue``, near ``trigger`` in the parse, claims something
    else: a claim with a complement of its own does not reach the clause the parser hung
    on it, or it on, when that clause has a subject of its own ("Kiev affirme avoir repris
    3 000 km², Macron s'est entretenu avec Poutine")."""
    own = [c for c in cue.children if c.dep_ in ("xcomp", "ccomp")]
    if cue.pos_ != "VERB" or not own:
        return False
    below = next((t for t in [trigger, *trigger.ancestors] if t.head.i == cue.i), None)
    if below is None or below.i == cue.i:
        return True  # the claim hangs on the trigger's clause
    return (
        below.dep_ in ("advcl", "conj", "parataxis")
        and all(c.i != below.i for c in own)
        and any(c.dep_.startswith("nsubj") for c in below.children)
    )  # "…, et avoir abattu dix drones" shares the claim; "…, Macron s'est entretenu" not


_ARGUMENTS = frozenset({"dobj", "obj", "nsubj", "nsubjpass", "nsubj:pass", "ccomp"})

# French words that make "ne" a negation; "ne ... que" means "only" ("n'ont tué que deux").
_FR_NEGATORS = frozenset({"pas", "jamais", "plus", "personne", "rien", "aucun", "aucune", "guère"})


def negated(word: Token) -> bool:
    """Whether a trigger's verb is negated: "did not attack", "never struck", "n'ont pas
    attaqué", "n'avons attaqué personne"; or its noun denied: "no strike", "aucune
    frappe"."""
    children = [c for c in word.children if c.i < word.i]  # "visited Kyiv … not 'if'"
    if word.pos_ in ("NOUN", "PROPN"):
        return any(c.dep_ == "det" and c.lower_ in ("no", "aucun", "aucune") for c in children)
    if any(c.dep_ == "neg" for c in children):
        return True
    # the parser lemmatises "n'" as "ne" but leaves "n’" (a curly apostrophe) as it is
    if not any(c.lemma_ == "ne" or c.lower_ in ("n'", "n’") for c in children):
        return False
    after = word.doc[word.i + 1 : word.i + 3]
    return any(t.lower_ in _FR_NEGATORS for t in [*word.children, *after])


def _tensed(verb: Token) -> Token:
    """The verb that gives an infinitive its tense: "avaient réaffirmé leur détermination
    à poursuivre"."""
    for _ in range(2):
        if not _untensed(verb) or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _pluperfect(verb: Token) -> bool:
    """A verb in the pluperfect: "had met", "avaient réaffirmé", "s'étaient rencontrés"."""
    for child in verb.children:
        if not child.dep_.startswith("aux") or child.dep_ == "aux:pass":
            continue
        if child.lemma_ == "have" and child.lower_ in ("had", "'d"):
            return True
        if child.lemma_ in ("avoir", "être") and "Imp" in child.morph.get("Tense", []):
            return True
    return False


def _past(verb: Token) -> bool:
    """A verb in a past tense: "travelled", "s'est rendu", "has arrived"."""
    if "Past" in verb.morph.get("Tense", []) and "Fin" in verb.morph.get("VerbForm", []):
        return True
    return "Part" in verb.morph.get("VerbForm", []) and any(
        c.dep_ in ("aux", "aux:tense") and c.lemma_ in ("have", "avoir", "être")
        for c in verb.children
    )


_TIME_UNITS = frozenset(
    {"an", "ans", "année", "années", "mois", "semaine", "semaines", "jour", "jours",
     "siècle", "siècles", "décennie", "décennies", "heure", "heures"}
)  # fmt: skip


def _ago(cue: SpacySpan) -> bool:
    """ "il y a" followed by a length of time: "il y a deux ans", "il y a quelques mois"."""
    after = cue.doc[cue.end : cue.end + 3]
    return any(t.lower_ in _TIME_UNITS for t in after)


# What a party denies when it denies its part in an event, not the event itself.
_PARTS = frozenset(
    {"implication", "involvement", "responsibility", "responsabilité", "role", "rôle"}
    | {"participation", "impliqué", "impliquée", "impliqués", "involved", "responsible"}
    | {"responsable", "responsables"}
)


def _denies_a_part(verb: Token) -> bool:
    """A denial of one's part: "denied any involvement", "nie toute implication", "a nié
    être impliqué", "denied being responsible"."""
    words = [*verb.children]
    words += [g for c in words if c.dep_ == "xcomp" for g in c.children]  # "being responsible"
    return any(c.dep_ in _PART_ARCS and c.lower_ in _PARTS for c in words)


_PART_ARCS = frozenset({"dobj", "obj", "xcomp", "ccomp", "acomp"})


def _takes_lives(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") and c.lower_ in ("lives", "life") for c in verb.children)


def is_future(trigger: SpacySpan) -> bool:
    """Grammatical future around the trigger's governing verb."""
    verb = governor(trigger.root)
    if _future_verb(verb):
        return True
    if verb.dep_ in ("xcomp", "ccomp"):
        return _modal_head(verb)
    # a clause with no tense of its own takes the time of the one it hangs on: "ira en
    # Turquie avant de se rendre à Moscou", "will fly to Ankara before going to Kyiv"
    return verb.dep_ in ("advcl", "conj") and _untensed(verb) and _modal_head(verb)


def _untensed(verb: Token) -> bool:
    forms = verb.morph.get("VerbForm", [])
    return "Inf" in forms or "Ger" in forms or verb.tag_ == "VBG"


def _future_verb(verb: Token) -> bool:
    if "Fut" in verb.morph.get("Tense", []) or "Cnd" in verb.morph.get("Mood", []):
        return True
    for child in verb.children:
        if child.dep_ in ("aux", "aux:tense") and child.lower_ in _FUTURE_AUX:
            return True
        if "Fut" in child.morph.get("Tense", []) and child.dep_.startswith("aux"):
            return True
    return _future_in_the_past(verb)


def _future_in_the_past(verb: Token) -> bool:
    """ "said he would meet Putin on Friday": "would" in a clause that reports words, not
    "would have met" (what did not happen)."""
    if verb.dep_ != "ccomp":
        return False
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return "would" in aux and "have" not in aux


def _modal_head(verb: Token) -> bool:
    head = verb.head
    return head.lemma_ in _FR_MODAL or _future_verb(head) or head.lower_ in ("scheduled",)
