"""Sitroom: news articles about armed conflict in, an evidence-linked event database out.

The public surface is listed in ``__all__``; names load on first use, so that
``import sitroom`` stays cheap (spaCy and the gazetteer load only when extraction runs).

    >>> import sitroom
    >>> settings = sitroom.Settings.load()
    >>> tally = sitroom.ingest(sitroom.IngestRequest(["articles/"], "events.db"), settings)
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Settings": "sitroom.config",
    "ingest": "sitroom.api",
    "extract": "sitroom.api",
    "demo": "sitroom.api",
    "IngestRequest": "sitroom.api",
    "Pipeline": "sitroom.pipeline",
    "Outcome": "sitroom.pipeline",
    "Tally": "sitroom.pipeline",
    "Engine": "sitroom.engine",
    "Store": "sitroom.store",
    "EventFilter": "sitroom.store",
    "Article": "sitroom.types",
    "RawDocument": "sitroom.types",
    "Mention": "sitroom.types",
    "Quantity": "sitroom.types",
    "DateValue": "sitroom.types",
    "Place": "sitroom.types",
    "Actor": "sitroom.types",
    "WeaponCount": "sitroom.types",
    "EventReport": "sitroom.types",
    "Event": "sitroom.types",
    "Quote": "sitroom.types",
    "Extraction": "sitroom.types",
    "SitroomError": "sitroom.errors",
    "ConfigError": "sitroom.errors",
    "IngestError": "sitroom.errors",
    "RejectedInput": "sitroom.errors",
    "StoreError": "sitroom.errors",
    "NotFound": "sitroom.errors",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sitroom' has no attribute {name!r}")
    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return __all__
