"""Every error Sitroom raises on purpose, in one tree.

    SitroomError
    ├── ConfigError        a setting is missing, mistyped or out of range
    ├── IngestError        an input cannot be read or is not an article
    │   └── RejectedInput  one input item is refused; ``reason`` says why (shown to users)
    ├── ModelError         a spaCy model is not installed or cannot be loaded
    ├── ExtractionError    extraction failed on an article
    ├── GeocodeError       the gazetteer is missing or broken
    ├── StoreError         the database cannot be opened, migrated or written
    │   └── NotFound       an id asked for is not in the store
    └── ReportError        a report cannot be made (no browser to print a PDF)

Messages say what was wrong and how to fix it. The library raises; only the CLI turns
errors into exit codes and one-line messages.
"""

from __future__ import annotations


class SitroomError(Exception):
    """Base class of every error Sitroom raises on purpose."""

    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class ConfigError(SitroomError):
    code = "E100"


class IngestError(SitroomError):
    code = "E200"


class RejectedInput(IngestError):
    """One input item is refused; the batch goes on."""

    code = "E201"

    def __init__(self, locator: str, reason: str) -> None:
        super().__init__(f"{locator}: {reason}")
        self.locator = locator
        self.reason = reason


class ModelError(SitroomError):
    code = "E300"


class ExtractionError(SitroomError):
    code = "E400"


class GeocodeError(SitroomError):
    code = "E500"


class StoreError(SitroomError):
    code = "E600"


class NotFound(StoreError):
    code = "E601"


class ReportError(SitroomError):
    code = "E700"
