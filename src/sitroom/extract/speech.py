"""Who says what: speech verbs, their speakers, and the attribution of a report.

A ``SpeechAct`` is a speech verb ("said", "a déclaré", "according to", "selon") with
the phrase that names its speaker and, for reported speech, the clause said. Speakers
are resolved through the actor table; pronouns ("she said", "a-t-il ajouté") take the
last person who spoke or was named before them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitroom.extract.lexicon import LexiconData
from sitroom.extract.marks import quoted
from sitroom.extract.units import PERSON_LABELS, Unit, is_passive

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "expl:subj"})
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
# Pronouns after "according to", "selon": the person who spoke or was named before.
_STRESSED_PRONOUNS = frozenset({"him", "her", "them", "lui", "elle", "eux", "elles"})
_DETERMINERS = frozenset(
    {"the", "a", "an", "le", "la", "les", "l'", "l’", "des", "un", "une", "du"}
)


@dataclass(frozen=True)
class SpeechAct:
    """A speech verb with its speaker phrase and, when present, the clause it reports."""

    verb: SpacySpan
    speaker: SpacySpan | None
    clause: SpacySpan | None
    according: bool
    pronoun: bool

    @property
    def start(self) -> int:
        first = (
            self.verb.start if self.speaker is None else min(self.verb.start, self.speaker.start)
        )
        return first

    @property
    def end(self) -> int:
        return self.verb.end if self.speaker is None else max(self.verb.end, self.speaker.end)

    @property
    def words(self) -> SpacySpan:
        """The words that carry the attribution ("the Ukrainian air force said")."""
        return self.verb.doc[self.start : self.end]


def speech_acts(unit: Unit, lex: LexiconData) -> list[SpeechAct]:
    """Speech verbs of the sentence with their speakers, read once per sentence: events,
    direct quotes (of this sentence and of the next) and reported speech all ask."""
    key = f"{_ACTS_KEY}:{lex.version}:{unit.sent.start}"
    acts = unit.sent.doc.user_data.get(key)
    if acts is None:
        acts = _read_acts(unit, lex)
        unit.sent.doc.user_data[key] = acts
    return list(acts)


_ACTS_KEY = "sitroom_speech_acts"


def _read_acts(unit: Unit, lex: LexiconData) -> tuple[SpeechAct, ...]:
    acts = []
    according = lex.words("according")
    pronouns = {p.lstrip("-t") for p in lex.words("pronouns")}
    for cue in unit.get("verbs", "according"):
        if cue.text.lower() in according:
            speaker = _object_after(cue)
            stressed = speaker is not None and speaker.text.lower() in _STRESSED_PRONOUNS
            acts.append(SpeechAct(cue, speaker, None, True, stressed))  # "selon lui"
            continue
        verb = cue.root
        if _not_a_verb(verb):
            continue
        described = _described(verb)
        if described is not None:  # "l'ambassadeur …, Kais Kabtani, évoquant un « … »"
            acts.append(SpeechAct(cue, described, _clause(verb), False, False))
            continue
        if _participle(cue) and acts and not acts[-1].according:
            # "a précisé X, ajoutant que « … »": X goes on speaking
            acts.append(replace(acts[-1], verb=cue, clause=_clause(verb)))
            continue
        speaker = _inverted_pronoun(verb) or _pronoun_in_group(verb) or _subject(verb)
        if speaker is not None and cue.start <= speaker.start and speaker.end <= cue.end:
            speaker = None  # ", fait état de …": "état" is the verb's own word
        if speaker is not None and speaker.text.lower() in _NO_ONE:
            speaker = None  # "on se disait « c'est du bluff »": people, no one in particular
        bare = speaker.text.lower().lstrip("-t") if speaker is not None else None
        # "a-t-il insisté" may come out as "a", "-t", "-il": the "-t" taken for the subject
        is_pronoun = bare is not None and (bare == "" or bare in pronouns)
        if speaker is not None and speaker.root.lower_ in _THE_ONE_WHO:
            # "expliquait celle qui s'est engagée en 1940": the person the text is about
            is_pronoun = True
        if cue.text.lower().startswith("a-t-"):
            is_pronoun, speaker = True, cue
        acts.append(SpeechAct(cue, speaker, _clause(verb), False, is_pronoun))
    view = _point_of_view(unit)
    if view is not None and all(a.speaker is None or is_passive(a.verb.root) for a in acts):
        acts.insert(0, view)  # "… même s'il n'a pas été revendiqué": no one speaks there
    return tuple(acts)


# "celle qui …", "celui qui …": someone the text named before, described again.
_THE_ONE_WHO = frozenset({"celui", "celle"})
# Indefinite pronouns: whoever "on" is, the text does not say.
_NO_ONE = frozenset({"on", "-on", "l'on", "l’on", "-t-on"})

# "Pour le chef du gouvernement, « ce crime odieux » …", "For Zelensky, "this is…"": a
# sentence that opens on whose view it gives, then quotes, quotes that person.
_VIEW_WORDS = frozenset({"pour", "for"})


def _point_of_view(unit: Unit) -> SpeechAct | None:
    sent = unit.sent
    if len(sent) < 4 or sent[0].lower_ not in _VIEW_WORDS:
        return None
    comma = next((t.i for t in sent[1:12] if t.text == ","), None)
    if comma is None or not any(t.text in _QUOTE_MARKS for t in sent.doc[comma : sent.end]):
        return None
    cue = sent.doc[sent.start : sent.start + 1]
    speaker = _object_after(cue)
    if speaker is None or not any(t.pos_ in ("PROPN", "NOUN") for t in speaker):
        return None
    return SpeechAct(cue, speaker, None, True, False)


def _participle(cue: SpacySpan) -> bool:
    """A French present participle ("ajoutant", "estimant"): it goes on with the speaker of
    the verb before it, whoever its own clause's subject is."""
    word = cue.text.lower()
    return len(cue) == 1 and word.endswith("ant") and "Part" in cue.root.morph.get("VerbForm", [])


def _described(verb: Token) -> SpacySpan | None:
    """Who a present participle describes, when the parser hung it on a noun phrase that
    names someone: "l'ambassadeur tunisien à l'ONU, Kais Kabtani, évoquant un « acquis
    historique »", "le président ukrainien qui a critiqué la décision, déclarant que…"."""
    head = verb.head
    if verb.dep_ != "acl" or head.i > verb.i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if not _present_participle(verb) or quoted(head):
        return None
    phrase = _unmarked_phrase(head)  # "par le président": le président
    people = PERSON_LABELS | {"ORG"}
    named = any(t.ent_type_ in people for t in phrase) or head.pos_ == "PROPN"
    return phrase if named or any(t.dep_ == "amod" for t in head.children) else None


def _not_a_verb(word: Token) -> bool:
    """ "so-called", "public calls for", "his notes": a speech verb's form used otherwise;
    so is one the text makes reflexive where that means no speech ("la traque se poursuit",
    "des voix s'élèvent")."""
    doc = word.doc
    if word.i >= 2 and doc[word.i - 1].text == "-" and doc[word.i - 2].lower_ == "so":
        return True
    if word.lemma_.lower() in _NOT_SPOKEN_REFLEXIVE and any(
        c.i < word.i and c.lower_ in ("se", "s'", "s’") for c in word.children
    ):
        return True
    return word.tag_ == "NNS"


# Speech verbs that say nothing when reflexive: "se poursuivre" (go on), "se confier"
# says something, "se plaindre" too, so they are not here.
_NOT_SPOKEN_REFLEXIVE = frozenset({"poursuivre", "rappeler", "observer", "relever", "résumer"})


_INVERTED = frozenset(
    {"-t", "-il", "-elle", "-ils", "-elles", "-t-il", "-t-elle", "-t-ils", "-t-elles"}
)


def _inverted_pronoun(verb: Token) -> SpacySpan | None:
    """The pronoun glued to a verb after a quote ("affirme-t-il"), which the parser may
    hang off the verb as a loose "dep" rather than as its subject."""
    doc = verb.doc
    end = verb.i + 1
    while end < len(doc) and end - verb.i <= 2 and doc[end].lower_ in _INVERTED:
        end += 1
    return doc[verb.i + 1 : end] if end > verb.i + 1 else None


def _pronoun_in_group(verb: Token) -> SpacySpan | None:
    """The pronoun glued to the auxiliary of a verb group ("a-t-il prévenu"), which the
    parser may take for the subject of a passive."""
    doc = verb.doc
    start = verb.i
    while start > 0 and doc[start - 1].lower_ in _INVERTED:
        start -= 1
    if start == verb.i or start == 0 or doc[start - 1].pos_ != "AUX":
        return None
    return doc[start : verb.i]


def _subject(verb: Token) -> SpacySpan | None:
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    if any(c.dep_ in ("nsubjpass", "nsubj:pass") for c in verb.children):
        return _agent(verb)  # "the toll was confirmed by a military source"
    # a subject inside quotation marks is the quote misparsed (« une guerre hybride totale »)
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not quoted(c)]
    # a participle clause the parser took for a second subject ("Briefing reporters in New
    # York, X said") is not who speaks
    if subjects:
        named = [c for c in subjects if c.left_edge.tag_ != "VBG"] or subjects
        if len(named) > 1:  # "On Tuesday, the anniversary of the war, Zelenskyy noted":
            named = sorted(named, key=lambda c: abs(c.i - verb.i))  # the nearest speaks
        if (
            _relative(named[0])
            and verb.dep_ in ("relcl", "acl:relcl")
            and verb.head.i < verb.i
            # "an ambush that claimed six lives" says nothing; a person who reacted did
            and (_says_something(verb) or _names_a_person(verb.head))
        ):
            return _noun_phrase(verb.head)  # "the minister, who said that…": the minister
        if _relative(named[0]):
            # "qui fait état d'une…": the phrase before; "un communiqué … qui a confirmé
            # l'attaque" says nothing itself, and "qui" is no one's name
            return _antecedent(named[0]) if _says_something(verb) else None
        return _named_inside(named[0]) or _noun_phrase(named[0])
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _subject(verb.head)
    with_subject = _with_subject(verb)
    if with_subject is not None:
        return with_subject
    if _present_participle(verb) and verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX"):
        # "Trump revisited the topic, telling reporters: …", "X a condamné le meurtre de
        # Y, affirmant que…": the subject of the clause the participle hangs on
        return _subject(verb.head)
    return None


def _names_a_person(token: Token) -> bool:
    """Whether the phrase of ``token`` names a person: "la ministre Florence Parly"."""
    return any(t.ent_type_ in PERSON_LABELS for t in _noun_phrase(token))


def _named_inside(subject: Token) -> SpacySpan | None:
    """The name inside a "subject" that a preposition opens, which no subject is: "dans un
    éditorial publié vendredi le « Global Times » reconnaît" is the Global Times'."""
    if not any(c.dep_ == "case" and c.i < subject.i for c in subject.children):
        return None
    tokens = {t.i for t in subject.subtree}
    for ent in subject.sent.ents:
        if ent.start in tokens and ent.label_ in PERSON_LABELS | {"ORG"}:
            return ent
    return None


def _present_participle(verb: Token) -> bool:
    """ "telling", "affirmant" (not "affirmé")."""
    if verb.tag_ == "VBG":
        return True
    morph = verb.morph
    return "Part" in morph.get("VerbForm", []) and "Pres" in morph.get("Tense", [])


def _with_subject(verb: Token) -> SpacySpan | None:
    """The subject of "with X saying", which the parser leaves as the object of "with":
    "…, with Moscow's mayor, Sergei Sobyanin, saying later that…"; and of "quoted X as
    saying": X."""
    if verb.tag_ != "VBG":
        return None
    if verb.head.lower_ == "as" and verb.head.i == verb.i - 1:
        quoting = verb.head.head
        obj = next((c for c in quoting.children if c.dep_ == "dobj"), None)
        return _noun_phrase(obj) if obj is not None and obj.i < verb.i else None
    before = _word_before(verb)
    if before is None:
        return None
    for token in (before, *before.ancestors):
        if token.dep_ == "pobj" and token.head.lower_ == "with" and token.right_edge == before:
            return _noun_phrase(token)
    return None


def _word_before(token: Token) -> Token | None:
    """The last word of ``token``'s sentence before it, punctuation skipped."""
    doc = token.doc
    j = token.i - 1
    while j >= token.sent.start and doc[j].is_punct:
        j -= 1
    return doc[j] if j >= token.sent.start else None


# How a noun phrase's words hang on its head, left to right.
_INSIDE_A_PHRASE = frozenset({"appos", "nmod", "flat:name", "flat", "compound", "amod", "pobj",
                              "prep", "case", "det"})  # fmt: skip


def _antecedent(pronoun: Token) -> SpacySpan | None:
    """The noun phrase just before a relative pronoun the parser did not hang on it:
    "selon le Haut-commissariat de l'ONU pour les réfugiés (HCR), qui fait état…"."""
    token = _word_before(pronoun)
    if token is None:
        return None
    while token.dep_ in _INSIDE_A_PHRASE and token.head.i < token.i:
        token = token.head
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    return _unmarked_phrase(token)  # "selon le HCR": the HCR


def _unmarked_phrase(token: Token) -> SpacySpan:
    """The phrase of ``token`` without the prepositions that open it ("par le
    président", "selon le HCR")."""
    phrase = _noun_phrase(token)
    while len(phrase) > 1 and phrase[0].dep_ in ("case", "prep") and phrase[0].head.i == token.i:
        phrase = phrase.doc[phrase.start + 1 : phrase.end]
    return phrase


def _says_something(verb: Token) -> bool:
    """True if a clause ("que…", "that…") or a quote follows the verb ("qui fait état d'une
    « crise »")."""
    for child in verb.rights:
        if child.dep_ in ("ccomp", "parataxis") or child.text in _QUOTE_MARKS:
            return True
        if any(g.text in _QUOTE_MARKS for g in child.subtree):
            return True
        if any(
            g.lower_ in ("que", "qu'", "qu’", "that") and g.dep_ == "mark" for g in child.subtree
        ):
            return True
    return False


def _relative(token: Token) -> bool:
    return "Rel" in token.morph.get("PronType", []) or token.lower_ in ("who", "qui", "lequel")


def _agent(verb: Token) -> SpacySpan | None:
    """Who speaks through a passive verb: "by X" ("agent" > "pobj"), "par X" ("obl:agent");
    a passive verb without one names no speaker."""
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return _unmarked_phrase(child)  # "par une source militaire": the source
        if child.dep_ == "agent":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            return _noun_phrase(obj) if obj is not None else None
    return None


def _inverted_subject(verb: Token) -> SpacySpan | None:
    """French inversion after a quote or a comma: «…», a déclaré M. Dmitriev / ,
    ont indiqué des responsables ukrainiens. The parser often calls that subject an
    object; when the verb group opens after a comma, the first nominal after it is the
    speaker. Quoted words are not ("avait lancé « une guerre hybride totale »"), and a
    person named after the words' addressee or medium is ("a déclaré à l'AFP Richard
    Gowan"); failing a nominal, the first person named close after the verb is."""
    doc = verb.doc
    first = min(  # the verb group's first word: no punctuation between it and the verb
        [verb, *(c for c in verb.children if c.i < verb.i and _auxiliary(c))],
        key=lambda t: t.i if not any(w.is_punct for w in doc[t.i : verb.i]) else verb.i,
    )
    if first.i == 0 or doc[first.i - 1].text not in (",", "»", '"', "”"):
        return None
    if _present_participle(verb):
        return None  # ", telling reporters aboard Air Force One": no inversion there
    if any(c.dep_ in SUBJECT_DEPS and c.i < verb.i and not quoted(c) for c in verb.children):
        return None
    for child in verb.rights:
        if quoted(child):
            continue
        if _prepositional(child):
            # a name after the words' addressee or medium: "a écrit sur sa chaîne
            # Telegram le gouverneur de la région de Lougansk (est), Serguiï Gaidai",
            # "affirme à l'AFP Richard Gowan"
            end = _phrase_end(child)
            named = _name_hung_on(child, end) or _person_after(verb, end)
            if named is not None:
                return named
            named = _person_inside(child)
            if named is not None:  # "a déclaré à l'AFP Sylvia Beudjekian", parsed as one
                return named
            continue  # "souligne à l'AFP le responsable": the AFP is whom it was said to
        if child.dep_ in ("nsubj", "obj", "dobj", "expl:subj", "nsubj:pass") or (
            child.pos_ in ("PROPN", "NOUN") and child.dep_ not in ("obl", "obl:mod")
        ):
            return _noun_phrase(child)
    return _person_after(verb, verb.i + 1)


def _auxiliary(token: Token) -> bool:
    """A word of a verb group before its verb: an auxiliary, a reflexive pronoun ("s'est
    félicité la présidence"), or a first verb the parser left loose (the "fait" of "fait
    valoir à l'AFP le gouverneur")."""
    return token.dep_.startswith(("aux", "expl")) or token.pos_ == "AUX"


# How far after an inverted speech verb the name of who speaks may stand when the parser
# hung it elsewhere ("a écrit sur sa chaîne Telegram le gouverneur de la région de
# Lougansk (est), Serguiï Gaidai").
MAX_NAME_GAP = 20


def _person_after(verb: Token, start: int) -> SpacySpan | None:
    """The first person named after ``start`` and close to ``verb``, outside quotes, with
    the words between, which describe them ("le gouverneur de la région de Lougansk")."""
    for ent in verb.sent.ents:
        near = start <= ent.start <= verb.i + MAX_NAME_GAP
        if ent.label_ in PERSON_LABELS and near and not quoted(ent[0]):
            return verb.doc[start : ent.end]
    return None


def _person_inside(token: Token) -> SpacySpan | None:
    """A person named after the head of ``token``'s phrase, which the parser made part of
    it: "à l'AFP Maribel Quesada"."""
    last = token.right_edge.i + 1
    named = next(
        (
            e
            for e in token.sent.ents
            if token.i < e.start and e.end <= last and e.label_ in PERSON_LABELS
        ),
        None,
    )
    if named is not None:
        return named
    # a name the tagger ran into the medium's ("AFP Sylvia Beudjekian"), set beside it:
    # the name without the medium
    beside = [c for c in token.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if not beside:
        return None
    return token.doc[beside[0].i : _noun_phrase(beside[0]).end]


def _prepositional(token: Token) -> bool:
    """True if ``token`` heads a phrase that names whom or where the words were said to
    ("à Byline Times", "sur sa chaîne Telegram", "de son côté"), not their source ("de
    source militaire", "auprès de l'armée", "par le ministère")."""
    cases = [c.lower_ for c in token.children if c.dep_ == "case" and c.i < token.i]
    return bool(cases) and (cases[0] in _ADDRESSEE_CASES or token.lower_ == "côté")


# Prepositions of the addressee, the medium or the occasion of words said.
_ADDRESSEE_CASES = frozenset(
    {"à", "au", "aux", "sur", "dans", "devant", "lors", "pendant", "durant", "en", "to", "on", "in"}
)


def _name_hung_on(head: Token, at: int) -> SpacySpan | None:
    """A name right after a prepositional phrase that the parser hung on it rather than
    on the verb: "affirme à l'AFP Richard Gowan", "a estimé de son côté Amnesty
    International"."""
    doc = head.doc
    if at >= len(doc):
        return None
    token = doc[at]
    if token.head.i != head.i or token.pos_ != "PROPN" or quoted(token):
        return None
    return _noun_phrase(token)


def _phrase_end(token: Token) -> int:
    """Where a prepositional phrase headed by ``token`` ends: past its head and the rest
    of a name the parser split across two phrases ("à Byline" + "Times"), not past what
    the parser hung on it ("à l'AFP Richard Gowan": Gowan speaks)."""
    doc = token.doc
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _object_after(cue: SpacySpan) -> SpacySpan | None:
    """Who "according to", "selon" names: the phrase after it, up to the next comma
    ("Selon le communiqué, 63 terroristes…" is the statement, not the terrorists)."""
    doc = cue.doc
    sent_end = next(
        (t.i for t in doc[cue.end : cue.sent.end] if t.text in (",", ";", ":")), cue.sent.end
    )
    for token in doc[cue.end : sent_end]:
        if token.is_punct:
            continue
        head = token
        while head.head.i >= cue.end and head.head.i < sent_end and head.head.i != head.i:
            if head.head.pos_ in ("VERB", "AUX"):
                break
            head = head.head
        phrase = _noun_phrase(head)
        return doc[max(phrase.start, cue.end) : min(phrase.end, sent_end)]
    return None


def _noun_phrase(token: Token) -> SpacySpan:
    """The phrase of ``token``, without relative clauses hanging off it."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    for child in token.rights:
        # a clause hanging off the phrase ends it; a name the parser hung as a clause
        # ("la journaliste Oleksandra Povoroznyk", with "Povoroznyk" as "acl") does not
        clause = child.dep_ in ("relcl", "acl:relcl") or child.pos_ in ("VERB", "AUX")
        if child.dep_ in ("relcl", "acl:relcl", "acl", "advcl") and clause:
            end = min(end, child.left_edge.i)
    for word in doc[token.i + 1 : end]:
        # and so does a relative clause on a word inside it: "un communiqué du ministère
        # de la défense qui a confirmé l'attaque"
        if word.dep_ in ("relcl", "acl:relcl"):
            end = min(end, word.left_edge.i)
    if token.ent_iob_ != "O":  # a name the parser split ("Oleksandra" + "Povoroznyk")
        ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            start, end = min(start, ent.start), max(end, ent.end)
    for t in doc[start:end]:  # a phrase stops at a quotation mark: '"Le…' is the quote's
        if t.text in _QUOTE_MARKS:
            if t.i < token.i:
                start = t.i + 1
            elif t.i > token.i:
                end = t.i
                break
    span = doc[start:end]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = doc[span.start : span.end - 1]
    while len(span) > 1 and span[0].is_punct:
        span = doc[span.start + 1 : span.end]
    return span


_QUOTE_MARKS = frozenset({'"', "«", "»", "“", "”"})


def _clause(verb: Token) -> SpacySpan | None:
    for child in verb.children:
        if child.dep_ in ("ccomp",) and child.i > verb.i:
            return verb.doc[child.left_edge.i : child.right_edge.i + 1]
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS:
            return verb.doc[child.left_edge.i : child.right_edge.i + 1]
    return None


def speaker_name(phrase: SpacySpan) -> str:
    """A readable name for an unresolved speaker phrase ("the authorities" -> "authorities")."""
    tokens = list(phrase)
    while tokens and tokens[0].text.lower() in _DETERMINERS:
        tokens = tokens[1:]
    if not tokens:
        return phrase.text
    return phrase.doc[tokens[0].i : tokens[-1].i + 1].text
