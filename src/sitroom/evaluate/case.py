"""Event typing on the CASE 2021 task 2 snippets (ACLED-style labels).

The snippets are English news sentences labelled with one of 30 fine-grained types. Only
labels that fall in Sitroom's own types are scored; the rest are left out:

| CASE label | Sitroom type |
| --- | --- |
| AIR_STRIKE, ART_MISS_ATTACK, REM_EXPLOS, GRENADE, SUIC_BOMB, ATTACK | attack |
| ARMED_CLASH | battle |
| GOV_REGAINS_TERIT, NON_STATE_ACTOR_OVERTAKES_TER | territory_change |
| DIPLO | diplomacy: a meeting or a sanction |

A snippet's predicted type is the type of its most confident report (air raids and
interceptions count as attacks; meetings and sanctions as diplomacy, since CASE's DIPLO
covers both), or ``none`` when Sitroom finds no event. Accuracy and
weighted F1 (per-class F1 weighted by the number of gold snippets of the class) are
computed over the scored snippets.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sitroom.evaluate.gold import GoldError

CASE_TO_SITROOM: dict[str, str] = {
    "AIR_STRIKE": "attack",
    "ART_MISS_ATTACK": "attack",
    "REM_EXPLOS": "attack",
    "GRENADE": "attack",
    "SUIC_BOMB": "attack",
    "ATTACK": "attack",
    "ARMED_CLASH": "battle",
    "GOV_REGAINS_TERIT": "territory_change",
    "NON_STATE_ACTOR_OVERTAKES_TER": "territory_change",
    "DIPLO": "diplomacy",
}
FAMILY = {
    "air_raid": "attack",
    "interception": "attack",
    "meeting": "diplomacy",
    "sanction": "diplomacy",
}
CASE_FILE = Path("case2021-task2-event-snippets") / "test_set_final_release_with_labels.tsv"
MAX_SNIPPET_CHARS = 5000


@dataclass(frozen=True, slots=True)
class Snippet:
    id: str
    text: str
    label: str

    @property
    def expected(self) -> str | None:
        return CASE_TO_SITROOM.get(self.label)


@dataclass(frozen=True)
class TypingResult:
    """Accuracy and weighted F1 over the snippets whose label maps to a Sitroom type."""

    scored: int
    accuracy: float
    weighted_f1: float
    per_class: dict[str, tuple[float, float, float, int]] = field(default_factory=dict)
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "scored": self.scored,
            "accuracy": round(self.accuracy, 4),
            "weighted_f1": round(self.weighted_f1, 4),
            "per_class": {
                k: {"precision": p, "recall": r, "f1": f, "support": n}
                for k, (p, r, f, n) in self.per_class.items()
            },
        }


def load_snippets(data_dir: Path) -> list[Snippet]:
    """The CASE snippets from the shared data folder (one-line error if missing)."""
    path = data_dir / CASE_FILE
    if not path.is_file():
        raise GoldError(f"{path} is missing (is --data right?)")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Snippet(row["id"], row["EventSnippet"][:MAX_SNIPPET_CHARS], row["SubType"].strip())
            for row in rows
        ]


def predicted_type(types_with_confidence: Iterable[tuple[str, float]]) -> str:
    """The snippet's type: its most confident report's type family, or ``none``."""
    best = max(types_with_confidence, key=lambda tc: tc[1], default=None)
    if best is None:
        return "none"
    return FAMILY.get(best[0], best[0])


def score_typing(pairs: Sequence[tuple[str, str]]) -> TypingResult:
    """``pairs`` of (expected, predicted) types for the scored snippets."""
    if not pairs:
        return TypingResult(0, 0.0, 0.0)
    confusion = Counter(pairs)
    support = Counter(e for e, _ in pairs)
    predicted = Counter(p for _, p in pairs)
    per_class = {}
    for cls, n in sorted(support.items()):
        tp = confusion[(cls, cls)]
        precision = tp / predicted[cls] if predicted[cls] else 0.0
        recall = tp / n
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[cls] = (round(precision, 4), round(recall, 4), round(f1, 4), n)
    total = len(pairs)
    accuracy = sum(confusion[(c, c)] for c in support) / total
    weighted = sum(f1 * n for _, _, f1, n in per_class.values()) / total
    return TypingResult(total, accuracy, weighted, per_class, dict(confusion))
