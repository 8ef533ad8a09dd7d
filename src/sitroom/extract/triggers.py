"""Event triggers of a sentence, typed and disambiguated.

The lexicon proposes trigger words; this module settles what they mean in context:
- launch verbs ("launched", "a lancé") make an ``air_raid`` only when the sentence counts
  launched weapons; with a single weapon ("launched a drone at…") they make an attack;
- interception verbs make an ``interception`` only with a weapon nearby, otherwise
  "destroyed" is an attack word;
- weak triggers ("killed", "fighting", "raid") need an argument in the sentence: a place,
  a count or a date;
- expelling diplomats or cutting ties is a ``sanction`` (subtype ``diplomatic``) only with a
  diplomatic word near it ("expels 60 diplomats"), and then no territory change;
- an attack by ground forces with no strike weapon in the sentence ("Russian forces attacked
  near Kupiansk", "troops intensified attacks around Avdiivka", "les forces russes ont
  attaqué") is a ``battle``: an armed clash on the ground, not a strike on a place;
- a casualty word hung on a battle word ("killed in fighting", "tués dans des combats")
  is that battle;
- a state that annexes land is a territory change; the land described as annexed
  ("Russian-annexed Crimea", "la Crimée annexée") is none;
- ground forces that "advanced" ("avancé", "progressé") took ground: a territory change,
  only with forces as the subject ("talks advanced" is none);
- a travel verb ("will travel to", "arrived in", "se rendra à", "ira en") is a visit, a
  ``meeting``, only when a named person, state or body, an office or a delegation
  travels (refugees and troops make none); each leg of a journey is a visit;
- a seizure of something other than ground ("seized the initiative", "took control of
  Carlsberg's stake", "seized two tankers", "libéré des prisonniers") is no territory change;
- arrests, sentences, warrants, prisoner exchanges, accession, coups, truces, deals and
  laws are ``other`` acts: not as a word that describes someone ("the jailed opposition
  politician"), a noun reading ("his sentence"), an act that may come ("would be
  arrested"), a truce only called for, or French "arrêter"/"interpeller" that stop or
  address ("s'est arrêté", "a interpellé le président").
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitroom.extract.lexicon import LexiconData
from sitroom.extract.marks import quoted
from sitroom.extract.modality import negated
from sitroom.extract.units import CASUALTY_LEMMAS, PERSON_LABELS, Unit, is_passive, path_length
from sitroom.types import ATTACK_SUBTYPES

NO_EVENT = "none"  # the trigger type of phrases that hide a trigger word
WEAPON_CUES = ("weapon:drone", "weapon:missile", "weapon:rocket", "weapon:bomb", "weapon:shell")


@dataclass(frozen=True)
class Trigger:
    """One trigger: the words, the event type and subtype, and whether it stands alone."""

    span: SpacySpan
    type: str
    subtype: str | None
    strong: bool


def find_triggers(unit: Unit, lex: LexiconData, launched_counts: int) -> list[Trigger]:
    """Typed triggers of the sentence, in text order."""
    weapons = unit.get(*WEAPON_CUES)
    attackers = lex.words("armed_attackers")
    civilian = lex.words("armed_civilian")
    out = []
    for rule in lex.triggers:
        if rule.type == NO_EVENT:
            continue  # "press conference": its words are no "conference"
        for span in unit.cues.get(rule.key, ()):
            trig = _settle(
                Trigger(span, rule.type, rule.subtype, rule.strong), weapons, launched_counts
            )
            if trig is not None and not weapons and _by_ground_forces(trig, attackers, civilian):
                trig = Trigger(trig.span, "battle", None, trig.strong)
            if trig is not None and trig.type == "attack" and _attempted(trig.span.root, weapons):
                trig = Trigger(trig.span, "interception", None, trig.strong)
            if trig is not None:
                trig = _territory_subtype(trig, attackers)
            if trig is not None and trig.subtype == "visit":
                trig = _visit(trig)
            if trig is not None and trig.type == "meeting":
                no_meeting = _with_the_writer(trig) or _meets_no_party(trig) or _movement(trig)
                trig = None if no_meeting else trig
            if trig is not None and trig.type == "battle" and _for_a_cause(trig.span.root):
                trig = None
            if trig is not None and trig.subtype in _VERB_ACTS and _no_act(trig):
                trig = None
            if trig is not None and trig.type == "other" and _may_come(trig):
                trig = None
            if trig is not None and trig.subtype == "ceasefire" and not _truce_made(trig):
                trig = None
            if trig is not None and _judicial(trig, unit):
                trig = None
            if trig is not None:
                out.append(trig)
    diplomatic = unit.get("sanctions_diplomatic")
    out = [d for t in out if (d := _diplomatic(t, diplomatic)) is not None]
    out = [_killed_in_fighting(t, out) for t in out]
    return sorted(out, key=lambda t: t.span.start)


_EXECUTED = ("execut", "exécut")


def _judicial(trig: Trigger, unit: Unit) -> bool:
    """An execution the courts ordered, no attack: "executed on death row", "exécuté dans
    le couloir de la mort"."""
    return trig.span.text.lower().startswith(_EXECUTED) and unit.has("judicial")


def _territory_subtype(trig: Trigger, attackers: frozenset[str]) -> Trigger | None:
    """A territory change whose lexicon subtype needs the context: a foothold only when
    won, an annexation only as a state's act, an advance only by ground forces (which
    then is a plain territory change)."""
    root = trig.span.root
    if trig.subtype == "foothold":
        return trig if _gained(root) else None
    if trig.subtype == "annexation":
        return None if _describes_land(root) else trig
    if trig.subtype == "advance":
        advancing = _doers(root) & attackers
        return Trigger(trig.span, trig.type, None, trig.strong) if advancing else None
    return trig


# Verbs of winning ground: a foothold "established", "gained", "secured", "établie".
_GAIN = frozenset(
    {"establish", "gain", "secure", "win", "build", "expand", "widen", "set", "seize",
     "établir", "gagner", "sécuriser", "consolider", "élargir", "conquérir"}
)  # fmt: skip


def _gained(root: Token) -> bool:
    """A foothold or bridgehead a side won ("Ukraine established a foothold"), not one
    it holds or lost ("Russia still holds footholds")."""
    head = root.head
    if head.lemma_.lower() in _GAIN:
        return True
    return head.pos_ in ("VERB", "AUX") and head.head.lemma_.lower() in _GAIN


def _describes_land(root: Token) -> bool:
    """ "Russian-annexed Crimea", "the annexed regions", "la Crimée annexée en 2014": the
    word describes the land (an adjective, or a participle hung on it with no doer)."""
    if root.dep_ in ("amod", "compound") or root.pos_ == "ADJ":
        return True
    if root.dep_ in ("acl", "acl:relcl") and not any(c.dep_ in _AGENTS for c in root.children):
        return not any(c.dep_ in _SUBJECTS for c in root.children)
    return root.i > 0 and root.doc[root.i - 1].text == "-"  # "Russia-annexed"


# Who travels on a visit when no name says so: an office or a delegation ("le secrétaire
# général de l'ONU", "a Russian delegation"), not troops, refugees or civilians.
_TRAVELLERS = frozenset(
    {"minister", "president", "secretary", "envoy", "delegation", "delegations", "leader",
     "leaders", "chancellor", "premier", "pope", "king", "diplomat", "diplomats",
     "ministre", "président", "présidente", "secrétaire", "chef", "cheffe", "émissaire",
     "envoyé", "envoyée", "délégation", "délégations", "dirigeant", "dirigeants",
     "dirigeante", "chancelier", "chancelière", "pape", "roi", "diplomate", "diplomates",
     "chefs", "ministres", "émissaires"}
)  # fmt: skip
_NAMED = PERSON_LABELS | {"ORG", "GPE", "NORP"}
# Clauses that share the subject of the verb they hang on: "ira en Turquie avant de se
# rendre à Moscou", "will travel to Kyiv and meet".
_SHARED_SUBJECT = frozenset({"xcomp", "advcl", "conj"})


def _visit(trig: Trigger) -> Trigger | None:
    """A travel verb is a visit (subtype ``visit``: one event per leg) only when its
    subject is a named person, state or body, or an office or a delegation; the verb's
    own clause or the one it hangs on gives the subject ("Guterres ira en Turquie avant
    de se rendre à Moscou")."""
    token = trig.span.root
    for _ in range(3):
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects:
            break
        if token.dep_ not in _SHARED_SUBJECT or token.head is token:
            return None
        token = token.head
    else:
        return None
    subject = subjects[0]
    named = subject.ent_type_ in _NAMED or any(
        c.dep_ in ("flat", "flat:name", "appos", "compound") and c.ent_type_ in _NAMED
        for c in subject.children
    )
    return trig if named or subject.lower_ in _TRAVELLERS else None


_FIRST_PERSON = frozenset({"i", "we", "me", "us", "je", "j'", "j’", "nous", "m'", "m’", "moi"})


# What one meets that is no party: "helping meet Ukraine's needs", "meet the target", "met
# with resistance", "rencontrent des difficultés".
_MET_NOT_PARTY = frozenset(
    {"need", "needs", "challenge", "challenges", "threat", "threats", "demand", "demands",
     "target", "targets", "goal", "goals", "requirement", "requirements", "expectation",
     "expectations", "deadline", "deadlines", "criteria", "obligation", "obligations",
     "standard", "standards", "condition", "conditions", "resistance", "difficulties",
     "problems", "obstacles", "difficulté", "difficultés", "problème", "problèmes",
     "résistance", "succès", "pledge", "pledges", "commitment", "commitments",
     "promise", "promises", "quota", "quotas"}
)  # fmt: skip


def _meets_no_party(trig: Trigger) -> bool:
    """ "meet Ukraine's needs", "met with resistance", "rencontrent des difficultés":
    fulfilling or running into something, not meeting someone."""
    root = trig.span.root
    met = [c for c in root.children if c.dep_ in ("dobj", "obj")]
    met += [g for c in root.children if c.lower_ == "with" for g in c.children]
    return any(w.lower_ in _MET_NOT_PARTY for w in met)


# What an attack only tried: "attempted to attack", "an attempt … to carry out an attack
# was thwarted", "tentative d'attaque".
_ATTEMPTS = frozenset({"attempt", "attempted", "tentative", "tenter", "tenté"})
_AERIAL = ("drone", "missile", "rocket", "roquette")


def _attempted(root: Token, weapons: list[SpacySpan]) -> bool:
    """An attack by air that was only tried, and so stopped: "Ukraine attempted to attack
    Bogorodsky area using a drone", "An attempt … to carry out a terrorist attack using a
    drone … was thwarted", "une tentative d'attaque de drones". A bomb that was tried is
    no interception ("la tentative d'attentat de lundi à New York")."""
    if not any(w.root.lower_.startswith(_AERIAL) for w in weapons):
        return False
    heads = islice(root.ancestors, 3)
    return any(w.lower_ in _ATTEMPTS or w.lemma_.lower() in _ATTEMPTS for w in heads)


# What one fights for when the words tell a cause, not a battle.
_CAUSES = frozenset(
    {"freedom", "independence", "country", "homeland", "survival", "future", "lives"}
    | {"liberté", "indépendance", "pays", "patrie", "survie", "avenir"}
)


def _for_a_cause(root: Token) -> bool:
    """Fighting for a state or a cause, said of people ("soldiers fallen fighting for
    Ukraine", "combattre pour la patrie"): a war's purpose, not a battle."""
    if root.lower_ not in ("fighting", "fight", "fought", "combattre", "combattu"):
        return False
    # a state counts only where the fighting describes what people do ("fallen fighting
    # for Ukraine"); "heavy fighting for Bakhmut continued" is a battle for the town
    described = root.dep_ in ("acl", "advcl", "xcomp")
    nouns = [n for p in root.children if p.lower_ == "for" for n in p.children]
    nouns += [  # French: "pour" is the noun's case marker
        n for n in root.children if any(c.lower_ == "pour" for c in n.children if c.dep_ == "case")
    ]
    return any(n.lower_ in _CAUSES or (described and n.ent_type_ in ("GPE", "LOC")) for n in nouns)


def _movement(trig: Trigger) -> bool:
    """ "Déplacement" that is moving about, not a trip: "les restrictions de déplacement",
    "le déplacement des populations"; "son déplacement à Moscou", "le déplacement
    d'Emmanuel Macron" are trips."""
    root = trig.span.root
    if not root.lower_.startswith("déplacement"):
        return False
    bare = not any(c.dep_ == "det" for c in root.children)
    if root.dep_ == "nmod" and bare and root.i > 0 and root.nbor(-1).lower_ != "en":
        return True  # "liberté de déplacement", not "en déplacement à Nice"
    return any(c.dep_ == "nmod" and c.pos_ == "NOUN" for c in root.children)


def _with_the_writer(trig: Trigger) -> bool:
    """A meeting the writer took part in, told outside any quote, is the reporting, not
    news: "when we met this weekend in Kyiv", "Nina accepte de me rencontrer"."""
    root = trig.span.root
    if quoted(root) or root.lemma_.lower() in ("host", "accueillir", "recevoir"):
        return False  # "thank you for hosting us": a speaker's words, in a transcript
    return any(
        c.lower_ in _FIRST_PERSON
        and c.dep_ in ("nsubj", "obj", "dobj", "iobj", "obl:arg", "expl:comp")
        for c in root.children
    )


# Acts that a single verb names: as a noun ("his sentence", "mass arrests") or as a word
# that describes a person ("the jailed opposition politician", "l'opposant arrêté"
# with no doer) they tell no act of their own.
_VERB_ACTS = frozenset({"arrest", "sentence", "abduction"})


# Words that make an act one that may happen: "wouldn't be arrested", "if he were
# detained", "pourrait être arrêté".
_MAYBE = frozenset(
    {"would", "could", "might", "may", "should", "if", "unless", "pourrait", "pourraient",
     "si", "risque", "risquent"}
)  # fmt: skip


# French verbs of arrest that also mean to stop or to address someone: "le convoi s'est
# arrêté", "tout est arrêté", "elle a interpellé le président".
_STOP_OR_ADDRESS = frozenset({"arrêter", "interpeller"})
# Who arrests when the verb is active: "la police a interpellé 70 manifestants".
_ARRESTERS = frozenset(
    {"police", "policier", "policiers", "gendarme", "gendarmes", "gendarmerie", "autorités",
     "forces", "armée", "soldats", "militaires", "services", "enquêteurs", "douaniers",
     "agents", "justice"}
)  # fmt: skip


def _arrest_sense(root: Token) -> bool:
    """ "a été arrêté", "ont été interpellées", "les soldats arrêtés" (someone was
    arrested), or an active verb whose subject is the police or the forces; not "s'est
    arrêté", "tout est arrêté" or "elle a interpellé le président"."""
    if _reflexive(root):
        return False
    if root.dep_ == "acl":
        return True  # "les soldats de la paix arrêtés en RDC"
    subjects = [c for c in root.children if c.dep_ in _SUBJECTS]
    if any(c.dep_ == "aux:pass" for c in root.children):
        return not any(c.lower_ in ("tout", "rien", "cela", "ça") for c in subjects)
    return any(c.lower_ in _ARRESTERS for c in subjects)


# What is done to a truce that makes it news: agreed, declared, brokered, entered into
# force, broken, ended; not one called for or hoped for.
_TRUCE_ACTS = frozenset(
    {"agree", "declare", "broker", "announce", "sign", "reach", "observe", "violate",
     "break", "expire", "end", "extend", "collapse", "décréter", "entrer", "conclure",
     "signer", "annoncer", "proclamer", "respecter", "instaurer", "violer", "rompre",
     "expirer", "prolonger", "négocier", "accepter"}
)  # fmt: skip
_IN_FORCE = frozenset({"effect", "force", "vigueur"})
# The acts that make a truce; not done, they make none (a truce not kept still was one).
_TRUCE_MADE = frozenset(
    {"agree", "declare", "announce", "sign", "reach", "décréter", "conclure", "signer",
     "annoncer", "proclamer", "instaurer", "accepter"}
)  # fmt: skip


def _truce_made(trig: Trigger) -> bool:
    """ "agreed to a local ceasefire", "the IAEA-brokered ceasefire is now in effect", "un
    cessez-le-feu qu'ils avaient décrété", "entré en vigueur": a truce made, kept or
    broken; not "will call for a ceasefire"."""
    root = trig.span.root
    if any(c.lemma_.lower() in _TRUCE_ACTS for c in root.children):
        return True
    head = root.head.head if root.dep_ == "pobj" else root.head
    if head is root:
        return False
    if head.lemma_.lower() in _TRUCE_MADE and negated(head):
        return False  # "les talibans n'annonceront pas un autre cessez-le-feu"
    in_force = any(d.lower_ in _IN_FORCE for c in head.children for d in (c, *c.children))
    return in_force or head.lemma_.lower() in _TRUCE_ACTS


def _no_act(trig: Trigger) -> bool:
    """ "the jailed opposition politician", "detained journalists", "his sentence": a word
    that describes someone or a noun reading of the verb tells no act."""
    root = trig.span.root
    if len(trig.span) == 1 and (
        root.pos_ in ("NOUN", "PROPN") or root.dep_ == "amod" or root.pos_ == "ADJ"
    ):
        return True
    return root.lemma_.lower() in _STOP_OR_ADDRESS and not _arrest_sense(root)


def _may_come(trig: Trigger) -> bool:
    """ "no guarantee she wouldn't be arrested", "would begin as soon as he were
    detained", "he would broker a ceasefire": an act that may happen is none yet."""
    token = trig.span.root
    if token.pos_ in ("NOUN", "PROPN") and token.head is not token:
        token = token.head  # a noun's verb: "would broker a ceasefire"
    for _ in range(3):  # up an adverbial clause: "would begin as soon as he were detained"
        if any(c.lower_ in _MAYBE for c in token.children if c.dep_ in ("aux", "mark", "advmod")):
            return True
        if token.dep_ not in ("advcl", "advmod"):
            break
        token = token.head
    return False


def _killed_in_fighting(trig: Trigger, triggers: list[Trigger]) -> Trigger:
    """A casualty word hung on a battle word ("five killed in fighting", "tués lors
    d'affrontements") tells the battle's dead: it is that battle, not an attack."""
    root = trig.span.root
    if trig.type != "attack" or trig.strong or root.lemma_.lower() not in CASUALTY_LEMMAS:
        return trig
    battles = [t for t in triggers if t.type == "battle"]
    if any(path_length(root, b.span.root) <= _FIGHTING_PATH for b in battles):
        return Trigger(trig.span, "battle", None, trig.strong)
    return trig


_FIGHTING_PATH = 3


_DIPLOMATIC_WINDOW = 8


def _diplomatic(trig: Trigger, diplomatic: list[SpacySpan]) -> Trigger | None:
    """Expelling or cutting ties is diplomatic only with a diplomatic word close by ("expels
    60 Russian diplomats"); "expelled" near one is no territory change but that sanction."""
    near = any(abs(d.start - trig.span.start) <= _DIPLOMATIC_WINDOW for d in diplomatic)
    if trig.subtype == "diplomatic":
        return trig if near else None
    expel = trig.span.root.lemma_.lower().startswith(("expel", "expuls"))
    if trig.type == "territory_change" and near and expel:
        return Trigger(trig.span, "sanction", "diplomatic", True)
    return trig


_ANY = frozenset({"any", "every", "toute", "tout", "aucune", "aucun", "chaque"})
# What is seized, taken or freed when it is not ground.
_NOT_GROUND = frozenset(
    {"initiative", "stake", "stakes", "shares", "assets", "asset", "tanker", "tankers",
     "ship", "ships", "vessel", "vessels", "cargo", "oil", "company", "companies", "plant",
     "prisoner", "prisoners", "hostage", "hostages", "power", "momentum", "lead",
     "percent", "per", "%", "pétrolier", "pétroliers", "navire", "navires",
     "prisonnier", "prisonniers", "otage", "otages", "actifs", "parts", "pouvoir",
     "treaty", "deal", "agreement", "accord", "traité", "candidacy", "candidature",
     "comment", "comments", "commentaire", "commentaires", "complaint", "plainte",
     "ambassador", "ambassadeur", "support", "soutien"}
)  # fmt: skip
_NOT_GROUND_WINDOW = 5


def _seizes_no_ground(span: SpacySpan) -> bool:
    """What the trigger takes is no ground: a word of ``_NOT_GROUND`` just after it, or in
    its object ("ont libéré lundi et mardi un millier de prisonniers", "a retiré de
    Facebook son commentaire"); or a person taken ("he was captured", "pour éviter
    d'être capturé")."""
    root = span.root
    for obj in root.children:
        if obj.dep_ in ("obj", "dobj") and any(t.lower_ in _NOT_GROUND for t in obj.subtree):
            return True
        if obj.dep_ in ("nsubjpass", "nsubj:pass") and _is_person(obj):
            return True
    if root.dep_ == "xcomp" and is_passive(root):  # "pour éviter d'être capturé"
        head = root
        while head.dep_ in ("xcomp", "advcl", "acl") and head.head.i != head.i:
            head = head.head
        if any(c.dep_ == "nsubj" and _is_person(c) for c in head.children):
            return True
    doc = span.doc
    after = doc[span.end : min(len(doc), span.end + _NOT_GROUND_WINDOW)]
    for token in after:
        if token.is_punct and token.text not in ("'", "’", "%"):
            break
        if token.lower_ in _NOT_GROUND:
            return True
    return False


def _is_person(word: Token) -> bool:
    return word.ent_type_ in PERSON_LABELS or word.lower_ in ("he", "she", "il", "elle")


# What a territory change takes when it names no gazetteer place: "seized a village",
# "recaptured the coast town of Badhadhe", "a pris le contrôle de deux localités".
_GROUND = frozenset(
    {"village", "villages", "town", "towns", "city", "area", "areas", "base", "bases",
     "positions", "territory", "district", "districts", "localities", "hill", "hills",
     "airport", "airbase", "camp", "fields", "posts", "localité", "localités", "ville",
     "bourg", "territoire", "aéroport", "quartier", "quartiers", "bank", "rive"}
)  # fmt: skip


def takes_ground(span: SpacySpan) -> bool:
    """Whether a territory-change trigger takes a named place or ground just after it."""
    doc = span.doc
    for token in doc[span.end : min(len(doc), span.end + _NOT_GROUND_WINDOW + 2)]:
        if token.is_punct:
            return False
        if token.lower_ in _GROUND or (token.pos_ == "PROPN" and token.ent_type_ != "PERSON"):
            return True
    return False


# What people die of when no one kills them: "died of cholera", "mortes de diverses
# épidémies", "morts de faim".
_ILLNESS = frozenset(
    {"disease", "diseases", "illness", "illnesses", "cholera", "covid", "covid-19", "cancer",
     "hunger", "starvation", "malnutrition", "epidemic", "epidemics", "cold", "exposure",
     "maladie", "maladies", "choléra", "faim", "épidémie", "épidémies",
     "froid", "paludisme", "malaria", "rougeole", "measles"}
)  # fmt: skip


# Accidents kill without an attack: "killed in a plane crash", "tuées dans le crash d'un
# avion militaire", "tram crash leaves two dead". (A crash that missiles caused is told
# with its missiles, which make the attack.)
_ACCIDENT = frozenset(
    {"crash", "accident", "collision", "derailment", "accidents", "crashes",
     "déraillement", "naufrage"}
)  # fmt: skip


# Words that grade a participle: "l'un des quartiers les plus touchés", "the hardest hit".
_DEGREE = frozenset({"plus", "moins", "most", "least", "hardest", "worst"})


def _graded(root: Token) -> bool:
    """ "les plus touchés de Madrid", "the worst hit regions": how much a place suffered,
    not a strike."""
    return any(c.dep_ == "advmod" and c.lower_ in _DEGREE and c.i < root.i for c in root.children)


def _died_without_attack(root: Token) -> bool:
    """ "des dizaines de personnes sont mortes de diverses épidémies", "died of hunger";
    and deaths in an accident: "killed in a plane crash", "tuées dans le crash"."""
    if root.lemma_.lower() not in CASUALTY_LEMMAS and root.lower_ not in ("dead", "morts"):
        return False
    head, word = root.head, root
    for _ in range(3):  # "tram crash leaves two dead and dozens injured"
        if word.dep_ not in ("oprd", "acomp", "xcomp", "conj", "acl") or head.i == word.i:
            break
        if any(c.dep_ == "nsubj" and c.lower_ in _ACCIDENT for c in head.children):
            return True
        head, word = head.head, head
    told_with = [root, *(c for c in root.children if c.dep_ == "conj")]
    if root.dep_ == "conj":
        told_with.append(root.head)  # "ont été tuées et deux autres blessées dans le crash"
    for child in (c for w in told_with for c in w.children):
        cause = _cause_of_death(child)
        if cause is not None and any(w.lower_ in cause[1] for w in cause[0]):
            return True
    return False


def _cause_of_death(child: Token) -> tuple[list[Token], frozenset[str]] | None:
    """The words a casualty word's modifier may name a cause with, and the causes it may
    name: an illness anywhere in "died of hunger", "mortes de diverses épidémies"; an
    accident as the noun of "killed in a crash", "tuées dans le crash"."""
    if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
        nouns = [g for g in child.children if g.dep_ == "pobj"]
        if child.lower_ == "in":
            return nouns, _ACCIDENT
        return [w for g in nouns for w in g.subtree], _ILLNESS
    if child.dep_ in ("obl", "obl:arg", "obl:mod", "nmod"):
        case = {c.lower_ for c in child.children if c.dep_ == "case"}
        if case & {"de", "d'", "d’"}:
            return list(child.subtree), _ILLNESS
        if case & {"dans", "lors"}:
            return [child], _ACCIDENT
    return None


# Verbs that hand over arms rather than fire them ("send", "envoyer" do both: "sent 150
# drones at Ukraine").
_SUPPLY = frozenset(
    {"supply", "deliver", "provide", "give", "transfer", "produce", "manufacture"}
    | {"buy", "purchase", "sell", "pledge", "donate", "ship"}
    | {"livrer", "fournir", "produire", "fabriquer", "acheter", "vendre"}
    | {"céder", "donner", "promettre"}
)


def _supplied(root: Token) -> bool:
    """Weapons handed over, not fired: "to supply one million shells", "supply Ukraine
    with 20,000 shells", "livrer des obus"."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
    elif root.dep_ not in ("dobj", "obj"):
        return False
    return head.lemma_.lower() in _SUPPLY


def _settle(trig: Trigger, weapons: list[SpacySpan], launched_counts: int) -> Trigger | None:
    if any(c.dep_ == "det" and c.lower_ in _ANY for c in trig.span.root.children):
        return None  # "any strike against civilians is unacceptable": no event
    if _died_without_attack(trig.span.root):
        return None
    if _graded(trig.span.root):
        return None
    if trig.type == "attack" and _supplied(trig.span.root):
        return None
    if trig.type == "territory_change" and _seizes_no_ground(trig.span):
        return None
    near_weapon = any(path_length(trig.span.root, w.root) <= 3 for w in weapons)
    if trig.type == "air_raid":
        if launched_counts:
            return Trigger(trig.span, "air_raid", None, True)
        if near_weapon:
            return Trigger(trig.span, "attack", _weapon_subtype(weapons), True)
        return None
    if trig.type == "interception":
        if is_reflexive(trig.span):  # "deux missiles se sont abattus": they fell, they hit
            return Trigger(trig.span, "attack", _weapon_subtype(weapons), True)
        if near_weapon and launched_counts:  # "shot down 29 of 38 drones": the salvo
            return Trigger(trig.span, "air_raid", None, True)
        return Trigger(trig.span, "interception", None, True) if near_weapon else None
    return trig


def _by_ground_forces(trig: Trigger, attackers: frozenset[str], civilian: frozenset[str]) -> bool:
    """Whether an attack word's doer is a ground force: the subject or agent of "attacked",
    or the subject of the verb that governs "attacks" ("forces intensified attacks"); or
    attacks "around" a town. Forces attacking a humanitarian convoy attack civilians."""
    root = trig.span.root
    if trig.type != "attack" or root.lemma_.lower() not in _ASSAULT_LEMMAS:
        return False  # "struck", "hit", "pounded" are strikes whoever fires
    if any(
        (t := target_noun(c)) is not None and civilian_target(t, civilian) for c in root.children
    ):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "around" for c in root.children):
        return True  # "attacks around Avdiivka": a push on a town, not a strike on it
    return bool(_doers(root) & attackers)


def target_noun(child: Token) -> Token | None:
    """What an attack verb or noun is aimed at: its object, "on/against X", "contre X"."""
    if child.dep_ in ("dobj", "obj"):
        return child
    if child.dep_ == "prep" and child.lower_ in ("on", "against"):
        return next((g for g in child.children if g.dep_ == "pobj"), None)
    cases = {c.lower_ for c in child.children if c.dep_ == "case"}
    if child.dep_ in ("nmod", "obl", "obl:arg") and cases & {"contre", "sur"}:
        return child
    return None


def civilian_target(target: Token, civilian: frozenset[str]) -> bool:
    """ "a humanitarian convoy", "un convoi d'évacuation": a word on the target says it
    carries civilians."""
    return any(m.lower_ in civilian for m in target.children)


def _doers(root: Token) -> set[str]:
    """The words naming who does what ``root`` says: its subject or agent, the subject of
    the verb that governs it ("forces intensified attacks"), the noun a participle was
    hung on ("forces attacked in Sumy", parsed as "forces [who] attacked")."""
    doers = [c for c in root.children if c.dep_ in _SUBJECTS]
    doers += [g for c in root.children if c.dep_ in _AGENTS for g in (c, *c.children)]
    if root.dep_ in ("dobj", "obj"):
        doers += [c for c in root.head.children if c.dep_ in _SUBJECTS]
    if root.dep_ == "acl" and not any(c.dep_ in _AGENTS for c in root.children):
        doers.append(root.head)
    return {d.lower_ for d in doers}


_ASSAULT_LEMMAS = frozenset({"attack", "attaquer", "attaque"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
_AGENTS = frozenset({"agent", "obl:agent"})


def is_reflexive(span: SpacySpan) -> bool:
    """True for a French reflexive verb ("se sont abattus" = fell, not shot down)."""
    return _reflexive(span.root)


def _reflexive(token: Token) -> bool:
    return any(c.lower_ in ("se", "s'", "s’") for c in token.children)


def _weapon_subtype(weapons: list[SpacySpan]) -> str:
    labels = {w.label_ for w in weapons}
    if "weapon:drone" in labels or "weapon:bomb" in labels:
        return "air_drone_strike"
    return "shelling_artillery_missile"


def attack_subtype(unit: Unit, triggers: list[Trigger]) -> str:
    """The most specific attack subtype the sentence supports."""
    for trig in triggers:
        if trig.type == "attack" and trig.subtype in ATTACK_SUBTYPES and trig.subtype != "other":
            return trig.subtype
    weapons = unit.get(*WEAPON_CUES)
    if weapons:
        return _weapon_subtype(weapons)
    return "other"
