"""Stage 1, ingest: files, directories, JSON Lines, feeds and stdin → ``RawDocument``.

    iter_inputs(paths, settings)  →  RawDocument | RejectedInput, one per input item

Formats are chosen by extension, then by sniffing the first bytes:

- ``.txt``/``.text``: plain text; ``.md``: Markdown, with YAML front matter read as metadata
- ``.html``/``.htm``: a web page (cleaned to text in the next stage)
- ``.jsonl``/``.ndjson``: one item per line (``text`` or ``html``, ``url``, ``title``,
  ``published``, ``source``); ``.json``: one object or a list of objects
- ``.xml``/``.rss``/``.atom``: an RSS or Atom feed, one item per entry
- ``.gz``: decompressed first (bounded), then read by its inner name
- ``-``: standard input (JSON Lines when every line is a JSON object)

No network access, ever.
"""

from sitroom.ingest.dates import parse_date
from sitroom.ingest.feeds import MAX_FEED_ENTRIES, iter_feed
from sitroom.ingest.files import ItemDefaults, Metadata
from sitroom.ingest.jsonl import MAX_JSONL_LINE_CHARS
from sitroom.ingest.sources import FORMATS_BY_SUFFIX, iter_inputs, read_file, sniff

__all__ = [
    "FORMATS_BY_SUFFIX",
    "MAX_FEED_ENTRIES",
    "MAX_JSONL_LINE_CHARS",
    "ItemDefaults",
    "Metadata",
    "iter_feed",
    "iter_inputs",
    "parse_date",
    "read_file",
    "sniff",
]
