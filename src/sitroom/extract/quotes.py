"""Quotes: direct ("…," she said / « … », a déclaré M. X) and reported (X said that …).

A direct quote is a quoted stretch of at least ``MIN_WORDS`` words whose sentence (the one
holding its closing mark, else its opening one) has a speech verb outside the quote: a
phrase a speaker is quoted in ("Trump said the talks were “highly productive”") counts,
as analysts code it; a single quoted word is a title or a scare quote and is skipped. A
reported quote is the clause of a speech verb ("Russia said it had seized …") in a sentence
with no direct quote.
A quote with no speech verb of its own that follows another right away ("“We have a
chance,” he said. “These months are decisive.”") continues it: same speaker. One that
opens the sentence after one in which a named person speaks ("Putin, Zelensky told me,
has started it." "I believe that…") is that person's. So is a paragraph that is all
quote, with no speech tag, a few paragraphs after a person's quote: in an interview, the
writer's question stands between and the paragraph is the answer (in a text whose writer
says they asked, the writer's aside may run to a dozen paragraphs). A scare quote no one
is heard saying does not break that thread.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from sitroom.extract.lexicon import LexiconData
from sitroom.extract.marks import EDGES, QuotedSpan
from sitroom.extract.speech import SpeechAct, speech_acts
from sitroom.extract.units import Unit
from sitroom.types import Actor, Quote, Span

MIN_WORDS = 2
# Reported speech needs a clause of this many words, and a sentence with a quote this long
# is not read for reported speech as well.
REPORTED_WORDS = 4
MAX_QUOTE_CHARS = 2000
SpeakerOf = Callable[[Unit, SpeechAct], Actor | None]


def quotes_in_unit(
    article_id: str,
    unit: Unit,
    units: Sequence[Unit],
    quoted: Sequence[QuotedSpan],
    lex: LexiconData,
    speaker_of: SpeakerOf,
) -> list[Quote]:
    """Quotes that end in ``unit`` (``units`` are the article's sentences up to it).

    Called sentence by sentence, so that "she said" resolves to the last person named
    before it, not to the last person of the article.
    """
    out: list[Quote] = []
    direct = False
    for q in quoted:
        if len(q.text.split()) < MIN_WORDS or not (unit.start <= q.end <= unit.end):
            continue
        found = _direct(article_id, q, units, lex, speaker_of)
        if found is not None:
            out.append(found)
            direct = True
    long_quote = any(
        unit.start <= q.start < unit.end and len(q.text.split()) >= REPORTED_WORDS for q in quoted
    )
    if not direct and not long_quote:
        out.extend(_reported(article_id, unit, lex, speaker_of))
    return out


def _direct(
    article_id: str,
    q: QuotedSpan,
    units: Sequence[Unit],
    lex: LexiconData,
    speaker_of: SpeakerOf,
) -> Quote | None:
    covering = [u for u in units if u.end > q.start and u.start <= q.end]
    if not covering:
        return None
    before = [u for u in units if u.end <= covering[0].start]
    if before and before[-1].text.rstrip(EDGES + "\n").endswith(":"):
        covering = [before[-1], *covering]  # "…, said:" ¶ "…": the tag ends the paragraph
    for unit in (covering[-1], covering[0]):
        acts = [a for a in speech_acts(unit, lex) if not _act_inside(unit, a, q)]
        if len(q.text.split()) < REPORTED_WORDS:  # "the towns the army calls “fortress cities”"
            acts = [a for a in acts if a.verb.text.lower() not in lex.words("naming")]
        if not acts:
            continue
        # a speech verb with no speaker of its own ("avait lancé « … »" in "Il a souligné
        # que…") gives way to one that has a speaker
        acts = [a for a in acts if a.speaker is not None] or acts
        # the verb whose words the quote is part of: "X a accusé Y d'avoir une « mentalité
        # colonialiste », tandis que celui-ci a jugé…" is X's
        above = _words_above(unit, q)
        governing = [(above[a.verb.root.i], a) for a in acts if a.verb.root.i in above]
        if governing:  # the nearest verb above the quote: "reconnaît que … « … »", not
            # the main clause's "il estime" above both
            nearest = min(steps for steps, _ in governing)
            acts = [a for steps, a in governing if steps == nearest]
        act = min(acts, key=lambda a: abs(unit.span_of(a.verb).start - q.end))
        speaker = None if _speaker_inside(unit, act, q) else speaker_of(unit, act)
        return _quote(article_id, q, speaker, act, covering)
    return _after_speech(article_id, q, before, covering, lex, speaker_of)


def _after_speech(
    article_id: str,
    q: QuotedSpan,
    before: Sequence[Unit],
    covering: Sequence[Unit],
    lex: LexiconData,
    speaker_of: SpeakerOf,
) -> Quote | None:
    """A quote that opens its sentence right after a sentence in which a person speaks
    ("Putin, Zelensky told me, has already started it." ¶ "I believe that …"): theirs."""
    if not before or len(q.text.split()) < REPORTED_WORDS:
        return None
    prev = before[-1]
    if covering[0].index != prev.index + 1 or q.start - covering[0].start > 1:
        return None
    acts = [a for a in speech_acts(prev, lex) if a.speaker is not None and not a.pronoun]
    if not acts:
        return None
    act = acts[-1]
    speaker = speaker_of(prev, act)
    if speaker is None or speaker.kind != "person":
        return None
    return _quote(article_id, q, speaker, act, [prev, *covering])


def _quote(
    article_id: str, q: QuotedSpan, speaker: Actor | None, act: SpeechAct, told: Sequence[Unit]
) -> Quote:
    """The direct quote ``q`` of ``speaker``, with the sentences that tell it as evidence."""
    return Quote(
        quote_id=_quote_id(article_id, q.start),
        article_id=article_id,
        text=q.text,
        start=q.start,
        end=q.end,
        speaker=speaker,
        verb=act.verb.text,
        direct=True,
        evidence=Span(told[0].start, told[-1].end, _join(told)),
    )


# What may stand between a quote and the one that continues it: the closing mark, a short
# speech tag ("he said", "a-t-il ajouté"), the opening mark; never a paragraph break.
MAX_CONTINUATION_GAP = 60


def continued(
    article_id: str, text: str, quoted: Sequence[QuotedSpan], quotes: Sequence[Quote]
) -> list[Quote]:
    """``quotes`` with the quoted stretches that continue a direct quote added (see the
    module docstring), in text order."""
    out = sorted(quotes, key=lambda q: q.start)
    taken = {q.start for q in out}
    reach = MAX_PARAGRAPHS_IN_INTERVIEW if _WRITER_ASKS.search(text) else MAX_PARAGRAPHS_BETWEEN
    for q in quoted:
        if q.start in taken or len(q.text.split()) < MIN_WORDS:
            continue
        # a scare quote no one is heard saying ("a public “diplomatic mugging”") is no
        # voice to go on with; the quote before it may be
        before = [p for p in out if p.direct and p.end <= q.start and p.speaker is not None]
        if not before:
            continue
        prev = max(before, key=lambda p: p.end)
        gap = text[prev.end : q.start]
        between = [o for o in quoted if prev.end <= o.start < q.start]
        close = len(gap) <= MAX_CONTINUATION_GAP and "\n\n" not in gap and not between
        # a scare quote in an interviewer's question ("a line of towns Ukraine calls
        # “fortress cities”") is no other voice
        spoken = any(len(o.text.split()) >= REPORTED_WORDS for o in between)
        if not close and (spoken or not _answer(text, q, prev, reach)):
            continue
        quote = replace(
            prev,
            quote_id=_quote_id(article_id, q.start),
            text=q.text,
            start=q.start,
            end=q.end,
            evidence=Span(prev.start, q.end, text[prev.start : q.end]),
        )
        out.append(quote)
        out.sort(key=lambda p: p.start)
        taken.add(q.start)
    return out


# How many paragraphs (an interviewer's questions) may stand between a quote and a
# paragraph that is all quote, for that paragraph to be the same speaker's answer; in a
# text whose writer says they asked ("I asked him whether…", "lui ai-je demandé"), an
# interview, the writer's questions and comment may run longer between two answers.
MAX_PARAGRAPHS_BETWEEN = 3
MAX_PARAGRAPHS_IN_INTERVIEW = 12
_WRITER_ASKS = re.compile(
    r"\bI\s+(?:asked|suggested|put\s+it\s+to)\b|\b(?:je\s+lui\s+ai|lui\s+ai-je|leur\s+ai-je"
    r"|je\s+leur\s+ai)\s+demandé\b"
)
_AROUND_A_QUOTE = EDGES + '"“”«».,!?…'


def _answer(text: str, q: QuotedSpan, prev: Quote, reach: int) -> bool:
    """True if ``q`` is a whole paragraph of quote, with no speech tag, at most ``reach``
    paragraphs after a person's quote ``prev``: in an interview, that person's answer."""
    if prev.speaker is None or prev.speaker.kind != "person":
        return False
    start = text.rfind("\n", 0, q.start) + 1
    end = text.find("\n", q.end)
    end = len(text) if end < 0 else end
    if text[start : q.start].strip(_AROUND_A_QUOTE) or text[q.end : end].strip(_AROUND_A_QUOTE):
        return False
    between = text[prev.end : start].split("\n")[1:]
    return sum(bool(line.strip()) for line in between) <= reach


def _speaker_inside(unit: Unit, act: SpeechAct, q: QuotedSpan) -> bool:
    """A speaker the parser found inside the quote itself (« Tout ce que nous savons… »,
    a déclaré…) is a misreading: the act names no speaker that way."""
    if act.speaker is None or act.pronoun:
        return False
    span = unit.span_of(act.speaker)
    return q.start <= span.start < q.end


def _words_above(unit: Unit, q: QuotedSpan) -> dict[int, int]:
    """The words that head the quoted words of the sentence in the parse (token index ->
    how many arcs up)."""
    inside = unit.tokens_at(max(q.start, unit.start), min(q.end, unit.end))
    if inside is None or len(inside) == 0:
        return {}
    return {token.i: steps for steps, token in enumerate(inside.root.ancestors, start=1)}


def _act_inside(unit: Unit, act: SpeechAct, q: QuotedSpan) -> bool:
    start = unit.span_of(act.verb).start
    return q.start <= start < q.end


def _reported(article_id: str, unit: Unit, lex: LexiconData, speaker_of: SpeakerOf) -> list[Quote]:
    out: list[Quote] = []
    for act in speech_acts(unit, lex):
        if act.according or act.clause is None or act.speaker is None:
            continue
        if act.speaker.text.lower() in _WRITER:
            continue  # "I asked Zelensky whether …": the writer's question, no one's words
        if len(act.clause) < REPORTED_WORDS:
            continue
        clause = unit.span_of(act.clause)
        if any(q.start == clause.start for q in out):
            continue  # "X said its troops had…, the AP reports": one clause, told once
        speaker = speaker_of(unit, act)
        if speaker is None:
            continue
        out.append(
            Quote(
                quote_id=_quote_id(article_id, clause.start),
                article_id=article_id,
                text=clause.text[:MAX_QUOTE_CHARS],
                start=clause.start,
                end=clause.start + len(clause.text[:MAX_QUOTE_CHARS]),
                speaker=speaker,
                verb=act.verb.text,
                direct=False,
                evidence=unit.evidence(),
            )
        )
    return out


# The writer and whom the writer addresses, outside quotes: "I asked", "you might think".
_WRITER = frozenset({"i", "you", "je", "j'", "j’", "tu", "vous"})


def _join(units: Sequence[Unit]) -> str:
    doc_text = units[0].sent.doc.text
    if all(u.sent.doc is units[0].sent.doc for u in units):
        return doc_text[units[0].sent.start_char : units[-1].sent.end_char]
    return " ".join(u.text for u in units)


def _quote_id(article_id: str, start: int) -> str:
    return "q_" + hashlib.sha256(f"{article_id}:{start}".encode()).hexdigest()[:16]
