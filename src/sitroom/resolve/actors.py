"""The curated actor table: states, forces, organisations, groups and people.

``data/actors.toml`` lists each actor once, with its canonical English name, its
Wikidata id where it is known for certain (``verified``), its kind, a role for people,
and its aliases by how they may be written (see the file's header). ``ActorTable.scan``
finds them in a text with one Aho-Corasick pass over the folded text (whole words,
longest first); ``ActorTable.resolve`` turns a phrase ("U.S. President Donald Trump",
"M. Poutine", "Russia's", "the Ukrainian air force") into an ``Actor``.

City names are never aliases of states: "Moscow said" is a place acting as a party, and
the place scanner keeps it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import ahocorasick

from sitroom.errors import GeocodeError
from sitroom.resolve.gazetteer import data_rows
from sitroom.resolve.text import fold_text, norm, starts_upper
from sitroom.types import Actor, Mention

ActorKind = Literal["state", "force", "org", "person", "group"]
AliasClass = Literal["exact", "proper", "any"]
_KINDS = ("state", "force", "org", "person", "group")
# How permissive each alias class is: a key written several ways keeps the loosest.
_LOOSENESS = {"exact": 0, "proper": 1, "any": 2}
_TITLE_WORDS = (
    "president président présidente vice prime premier première minister ministre mr mr. "
    "mrs mrs. ms ms. m. mme mme. mlle dr dr. gen gen. general général sen. senator gov. "
    "governor gouverneur gouverneure mayor maire chancellor chancelier chancelière king "
    "queen pope secretary secrétaire spokesman spokeswoman spokesperson porte-parole envoy "
    "envoyé envoyée special spécial spéciale foreign defence defense chief chef commander "
    "commandant lt. col. colonel captain capitaine capt. ambassador ambassadeur ayatollah "
    "the le la les l' general-secretary deputy adjoint state of du de des"
)
_TITLES = frozenset(_TITLE_WORDS.split())
_POSSESSIVE = re.compile(r"['’]s?$")
_QUOTES = "\"“”«»'’ \u00a0"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor of the table, with every written form it may take."""

    key: str
    name: str
    kind: ActorKind
    wikidata: str | None = None
    verified: bool = False
    role: str | None = None
    country: str | None = None
    names: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    abbr: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        """What a ``Mention.ref`` holds for this actor: its Wikidata id, else its name."""
        return self.wikidata or self.name

    def actor(self, text: str, start: int = -1, end: int = -1) -> Actor:
        """The ``Actor`` record of this entry, as written ``text`` at ``start:end``."""
        return Actor(
            name=self.name,
            text=text,
            wikidata=self.wikidata,
            kind=self.kind,
            role=self.role,
            start=start,
            end=end,
            country=self.country,
        )

    def forms(self) -> list[tuple[str, AliasClass]]:
        """Every written form, the canonical name first, with its alias class (short ones
        are matched exactly, and the names of bodies three words long or more in any case,
        as the press writes them too); a person's names also in the other romanisations
        of their ending ("Syrskyi", "Syrskii", "Syrskiy", "Syrsky")."""
        out: list[tuple[str, AliasClass]] = [(a, "exact") for a in self.abbr]
        names = (self.name, *self.names, *self.surnames)
        if self.kind == "person":
            names = tuple(dict.fromkeys(v for n in names for v in romanisations(n)))
        for form in names:
            letters = sum(c.isalpha() for c in form)
            if letters <= 3:
                out.append((form, "exact"))
            elif _head_upper(form) and (self.kind == "person" or len(form.split()) < 3):
                out.append((form, "proper"))
            else:  # "administration militaire de Kiev", "forces armées ukrainiennes"
                out.append((form, "any"))
        out.extend((a, "any") for a in (*self.phrases, *self.adjectives))
        return out


# Slavic name endings romanised several ways: "-skyi", "-skiy", "-skii", "-sky", "-ski"
# (also after "c", "z", "ts"); the names of the table are written in one of them.
_SKY = re.compile(r"(?<=[sczSCZ]k)(?:yi|iy|ii|yy|y|i)\b")
_SKY_FORMS = ("yi", "iy", "ii", "y")


def romanisations(name: str) -> list[str]:
    """``name`` and its other romanisations: each word ending in "-sk" + "yi", "iy", "ii"
    or "y" in every one of those ("Oleksandr Syrskyi" -> "... Syrskii", "... Syrsky")."""
    out = [name]
    for m in reversed(list(_SKY.finditer(name))):
        out = [v[: m.start()] + e + v[m.end() :] for v in out for e in _SKY_FORMS]
    return list(dict.fromkeys([name, *out]))


def table_ref(actor: Actor) -> str:
    """``ActorEntry.ref`` of the table actor ``actor`` (its Wikidata id, else its name)."""
    return actor.wikidata or actor.name


def _entry(key: str, raw: dict[str, Any]) -> ActorEntry:
    kind = raw.get("kind")
    if kind not in _KINDS or not raw.get("name"):
        raise GeocodeError(f"actors.toml: [{key}] needs a name and a kind among {_KINDS}")
    if raw.get("verified") and not raw.get("wikidata"):
        raise GeocodeError(f"actors.toml: [{key}] is verified but has no wikidata id")

    def strings(field: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(str(v) for v in raw.get(field, [])))

    return ActorEntry(
        key=key,
        name=str(raw["name"]),
        kind=kind,
        wikidata=raw.get("wikidata") or None,
        verified=bool(raw.get("verified", False)),
        role=raw.get("role"),
        country=raw.get("country"),
        names=strings("names"),
        surnames=strings("surnames"),
        phrases=strings("phrases"),
        adjectives=strings("adjectives"),
        abbr=strings("abbr"),
    )


@dataclass(frozen=True, slots=True)
class _Alias:
    """A folded key of the automaton: whose it is and how it may be written."""

    key: str
    entry: int
    kind: AliasClass
    forms: frozenset[str]


class ActorTable:
    """Actors of the curated table; the automaton is built on first use."""

    def __init__(self, entries: tuple[ActorEntry, ...]) -> None:
        self.entries = entries
        self.conflicts: list[str] = []
        self.aliases = self._aliases()
        self._automaton: ahocorasick.Automaton | None = None
        self._by_name = {e.name: e for e in entries}
        # the main armed forces of each country: "Russian occupation forces" name them
        self._main_forces = {
            e.country: e
            for e in entries
            if e.kind == "force" and e.country and _MAIN_FORCE.search(e.name)
        }

    @classmethod
    def load(cls, path: Path | str | None = None) -> ActorTable:
        """The table in ``path`` (default: the shipped ``data/actors.toml``, cached)."""
        if path is None:
            return _default_table()
        try:
            data = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise GeocodeError(f"cannot read the actor table {path}: {exc}") from None
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorTable:
        """A table from parsed TOML: one table per actor, keyed by a short slug."""
        return cls(tuple(_entry(k, v) for k, v in data.items()))

    def __getstate__(self) -> dict[str, Any]:
        return {"entries": self.entries}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["entries"])  # type: ignore[misc]

    def _aliases(self) -> dict[str, _Alias]:
        out: dict[str, _Alias] = {}
        for i, entry in enumerate(self.entries):
            for form, kind in entry.forms():
                key = norm(form)
                old = out.get(key)
                if old is not None and old.entry != i:
                    self.conflicts.append(f"{form!r}: {self.entries[old.entry].key}, {entry.key}")
                    continue
                if old is not None:
                    kind = max(kind, old.kind, key=_LOOSENESS.__getitem__)
                    out[key] = _Alias(key, i, kind, old.forms | {form})
                else:
                    out[key] = _Alias(key, i, kind, frozenset({form}))
        return out

    @property
    def automaton(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for key, alias in self.aliases.items():
                automaton.add_word(key, alias)
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def _forces(self, entry: ActorEntry, alias: _Alias) -> ActorEntry | None:
        """The armed forces of the state ``entry`` when ``alias`` is its adjective."""
        if entry.kind != "state" or not entry.country or not alias.forms & set(entry.adjectives):
            return None
        return self._main_forces.get(entry.country)

    def abbreviations(self, name: str) -> tuple[str, ...] | None:
        """The abbreviations of the actor of this canonical name (``Actor.name``): ("UK
        MoD", "British MoD"); ``None`` if the table has no such actor."""
        entry = self._by_name.get(name)
        return None if entry is None else entry.abbr

    def get(self, key: str) -> ActorEntry | None:
        """The entry with this slug ("putin") or Wikidata id ("Q7747")."""
        for entry in self.entries:
            if key in (entry.key, entry.wikidata):
                return entry
        return None

    def scan(self, text: str) -> list[Mention]:
        """Actor mentions of ``text`` in text order: people as ``person``, the rest as
        ``actor``; ``label`` is the canonical name, ``ref`` the Wikidata id or name."""
        folded = fold_text(text)
        hits: list[tuple[int, int, _Alias]] = []
        for end_index, alias in self.automaton.iter(folded.folded):
            fstart, fend = end_index - len(alias.key) + 1, end_index + 1
            if not folded.is_word(fstart, fend):
                continue
            start, end = folded.span(fstart, fend)
            if alias.key.startswith("the ") and _NAME_GOES_ON.match(text, end):
                continue  # "the West Bank" is not the West
            if _written_ok(text[start:end], alias):
                hits.append((start, end, alias))
        taken: list[tuple[int, int, _Alias]] = []
        for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
            if all(hit[1] <= t[0] or hit[0] >= t[1] for t in taken):
                taken.append(hit)
        out = []
        for start, end, alias in sorted(taken, key=lambda h: h[0]):
            entry = self.entries[alias.entry]
            force = self._forces(entry, alias)
            after = before = None
            if force is not None:
                after = _FORCE_AFTER.match(text, end)
                before = _FORCE_BEFORE.search(text, max(0, start - 40), start)
            elif entry.kind == "state" and (force := self._main_forces.get(entry.country or "")):
                after = _STATE_FORCE_AFTER.match(text, end)
                before = _STATE_FORCE_BEFORE.search(text, max(0, start - 40), start)
            if force is not None and (after or before):
                start, end = (
                    (before.start() if before else start),
                    (after.end() if after else end),
                )
                entry = force
            kind: Literal["person", "actor"] = "person" if entry.kind == "person" else "actor"
            out.append(Mention(kind, start, end, text[start:end], entry.name, entry.ref))
        return self._state_bodies(out, text)

    def _state_bodies(self, mentions: list[Mention], text: str) -> list[Mention]:
        """A state named right before one of its own bodies names that body, one mention:
        "U.S. Department of Defense", "Ukraine's SBU"; in French the state's adjective
        comes after ("la flotte de la mer Noire russe")."""
        out: list[Mention] = []
        for m in mentions:
            body = None
            if out:
                prev, gap = out[-1], text[out[-1].end : m.start]
                first, second = self._by_name[prev.label or ""], self._by_name[m.label or ""]
                if _ENGLISH_GAP.fullmatch(gap) and _owns(first, second):
                    body = m
                elif gap.isspace() and m.text.islower() and _owns(second, first):
                    body = prev
            if body is None:
                out.append(m)
            else:
                start = out[-1].start
                out[-1] = replace(body, start=start, end=m.end, text=text[start : m.end])
        return out

    def named(self, text: str) -> Actor | None:
        """The actor ``text`` names as a whole (an alias, with titles and a possessive
        left out), never one it merely contains: "France 24" is not France."""
        clean = _POSSESSIVE.sub("", text.strip().strip(_QUOTES)).strip()
        alias = self.aliases.get(norm(clean)) or self.aliases.get(norm(_strip_titles(clean)))
        if alias is not None and _written_ok(clean, alias):
            return self.entries[alias.entry].actor(text)
        return None

    def resolve(self, text: str) -> Actor | None:
        """The actor a phrase names: an alias as a whole ("Russia's", "OTAN"), else the
        person it names ("U.S. President Donald Trump", "M. Poutine"), else its longest
        actor mention ("the Ukrainian air force"). ``None`` when it names none."""
        whole = self.named(text)
        if whole is not None:
            return whole
        mentions = self.scan(_POSSESSIVE.sub("", text.strip().strip(_QUOTES)).strip())
        if not mentions:
            return None
        people = [m for m in mentions if m.kind == "person"]
        pick = people[-1] if people else max(mentions, key=lambda m: m.end - m.start)
        return self._by_name[pick.label or ""].actor(text)


# A state's armed forces named by its adjective and a modifier: "Russian occupation
# forces", "Ukrainian ground troops"; in French after the noun: "forces d'occupation
# russes", "troupes régulières russes". (Bare "Russian forces" is in the table itself.)
_MODIFIERS = (
    r"(?:occupation|occupying|invading|invasion|ground|airborne|special|regular|armed|allied"
    r"|proxy|elite|assault|border|naval|federal|government|expeditionary)"
)
_FORCE_AFTER = re.compile(
    rf"(?:\s+{_MODIFIERS}){{1,2}}\s+(?:forces|troops|soldiers|units)\b", re.IGNORECASE
)
_FORCE_BEFORE = re.compile(
    r"\b(?:forces|troupes|soldats|unités)\s+(?:d['’]\s*occupation|spéciales|terrestres"
    r"|régulières|gouvernementales|d['’]\s*invasion|aéroportées)\s+$",
    re.IGNORECASE,
)
# A state's forces named by the state's name: "Ukraine soldiers", "Russia's troops",
# "military forces of Russia".
_STATE_FORCE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:armed|military)\s+)?(?:forces|troops|soldiers|servicemen)\b",
    re.IGNORECASE,
)
_STATE_FORCE_BEFORE = re.compile(
    r"\b(?:(?:armed|military)\s+)?(?:forces|troops|soldiers|servicemen)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MAIN_FORCE = re.compile(r"^Armed Forces of |^\S+ Armed Forces$")


_NAME_GOES_ON = re.compile(r"[ -][A-Z]")
_ENGLISH_GAP = re.compile(r"(?:['’]s)?\s+")


def _owns(state: ActorEntry, body: ActorEntry) -> bool:
    """Whether ``body`` is an organisation or force of the state ``state``."""
    return (
        state.kind == "state"
        and body.kind in ("org", "force", "group")
        and state.country is not None
        and body.country == state.country
    )


def _written_ok(written: str, alias: _Alias) -> bool:
    """Whether ``written`` may stand for ``alias`` (case rules of its class)."""
    if alias.kind == "exact":
        return written in alias.forms or _titled_acronym(written, alias.forms)
    if alias.kind == "proper":
        return _head_upper(written)
    return True


def _head_upper(name: str) -> bool:
    """Whether ``name`` is capitalised, after a leading "the" ("the West", not "the west")."""
    return starts_upper(name[4:] if name[:4].lower() == "the " else name)


def _titled_acronym(written: str, forms: frozenset[str]) -> bool:
    """An acronym of four letters or more written as a word ("Nato", "Otan", "Aqmi"), as
    much of the press writes those read aloud as words. Shorter ones stay exact: "Who",
    "Eau" and "Un" are words."""
    return (
        len(written) >= 4 and written.isalpha() and written.istitle() and written.upper() in forms
    )


def _strip_titles(name: str) -> str:
    """``name`` without leading titles ("President Donald Trump" -> "Donald Trump")."""
    words = name.split()
    while len(words) > 1 and (
        words[0].lower() in _TITLES or words[0].lower().rstrip(".") in _TITLES
    ):
        words.pop(0)
    return " ".join(words)


def person_actor(
    name: str,
    role: str | None = None,
    text: str | None = None,
    start: int = -1,
    end: int = -1,
) -> Actor:
    """An ``Actor`` for a person who is not in the table (no Wikidata id)."""
    clean = _strip_titles(_POSSESSIVE.sub("", name.strip().strip(_QUOTES)).strip())
    return Actor(
        name=clean,
        text=text if text is not None else name,
        wikidata=None,
        kind="person",
        role=role,
        start=start,
        end=end,
    )


@cache
def _default_table() -> ActorTable:
    raw = resources.files("sitroom.resolve").joinpath("data", "actors.toml").read_text("utf-8")
    try:
        curated = ActorTable.from_dict(tomllib.loads(raw))
    except tomllib.TOMLDecodeError as exc:
        raise GeocodeError(f"the shipped actor table is not valid TOML: {exc}") from None
    return ActorTable((*curated.entries, *world_states(curated)))


def world_states(curated: ActorTable) -> list[ActorEntry]:
    """The countries the curated table has no state for, as states named as the
    gazetteer's country files write them ("Kenya", "Tunisie", "Indonésie"), with no
    Wikidata id; a written form the curated table already uses stays its own, and a
    capital's name ("Singapore", "Djibouti") names only the city. Countries of fewer than
    100,000 people (San Marino, Bouvet Island) are left out."""
    have = {e.country for e in curated.entries if e.kind == "state"}
    taken = set(curated.aliases)
    forms: dict[str, dict[str, list[str]]] = {}
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for row in data_rows("countries.tsv"):
        if int(row["population"] or 0) >= 100_000:  # not the microstates and islets
            names[row["iso2"]] = row["name"]
        capitals[row["capital"]] = row["iso2"]
    for row in data_rows("world_places.tsv.gz"):  # city names are never names of states
        if row["geonameid"] in capitals or row["feature_code"] == "PPLC":
            taken.add(norm(row["name"]))
    for row in data_rows("country_names.tsv"):
        field = {"abbr": "abbr", "adj": "adjectives", "canonical": "canonical"}.get(
            row["lang"], "names"
        )
        forms.setdefault(row["iso2"], {}).setdefault(field, []).append(row["name"])
    out = []
    for code, name in names.items():
        if code in have:
            continue
        mine = forms.get(code, {})
        name = (mine.get("canonical") or [name])[0]
        if norm(name) in taken:
            continue

        def free(field: str, mine: dict[str, list[str]] = mine) -> tuple[str, ...]:
            return tuple(f for f in dict.fromkeys(mine.get(field, [])) if norm(f) not in taken)

        out.append(
            ActorEntry(
                key=f"state_{code.lower()}",
                name=name,
                kind="state",
                country=code,
                names=free("names"),
                adjectives=free("adjectives"),
                abbr=free("abbr"),
            )
        )
    return out
