"""merge stage: reports of one real-world event become one ``Event``.

``similarity`` says whether two reports may tell one event and how sure that is;
``cluster`` groups reports into events (order-independent, stable ids) and sums each
event up with every source's figures kept.
"""

from sitroom.merge.cluster import (
    SourceInfo,
    build_event,
    by_source,
    cluster,
    consensus,
    event_id_for,
    figure_consensus,
)
from sitroom.merge.similarity import Match, match, place_relation

__all__ = [
    "Match",
    "SourceInfo",
    "build_event",
    "by_source",
    "cluster",
    "consensus",
    "event_id_for",
    "figure_consensus",
    "match",
    "place_relation",
]
