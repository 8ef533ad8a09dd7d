"""merge stage: reports of one real-world event become one ``Event``.

For now every report is its own event (see ``cluster``); ids are stable already.
"""

from sitroom.merge.cluster import (
    assign_event_ids,
    build_event,
    consensus,
    event_id_for,
    figure_consensus,
)

__all__ = ["assign_event_ids", "build_event", "consensus", "event_id_for", "figure_consensus"]
