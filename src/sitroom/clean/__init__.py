"""Stage 2, clean: ``RawDocument`` → ``Article`` with clean text and removed boilerplate.

    clean(raw, settings.clean, repeats, min_chars=settings.ingest.min_chars) → Article

See ``sitroom.clean.cleaner`` for the steps. ``RepeatIndex`` holds the per-outlet
paragraph counts for removal by repetition; the caller creates one per batch.
"""

from sitroom.clean.boilerplate import RepeatIndex, lexicon_reasons, line_reason
from sitroom.clean.cleaner import clean
from sitroom.clean.html import fragment_text, host_name, page_text
from sitroom.clean.normalize import article_id, canonical, normalize_whitespace, paragraphs

__all__ = [
    "RepeatIndex",
    "article_id",
    "canonical",
    "clean",
    "fragment_text",
    "host_name",
    "lexicon_reasons",
    "line_reason",
    "normalize_whitespace",
    "page_text",
    "paragraphs",
]
