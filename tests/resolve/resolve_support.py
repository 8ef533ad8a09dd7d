"""Shared set-up of the resolve tests: one gazetteer built per test session.

Not a conftest (a second ``conftest`` module would shadow ``tests/conftest.py`` for
``from conftest import shared_path``); test modules call ``session_lookups``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.resolve import Lookups

GAZETTEER_NAME = "resolve-gazetteer.sqlite"


def session_gazetteer_path(factory: pytest.TempPathFactory) -> Path:
    """The session's gazetteer file (built by the first caller, reused by the others)."""
    return factory.getbasetemp() / GAZETTEER_NAME


def session_lookups(factory: pytest.TempPathFactory) -> Lookups:
    """Lookups on the session's gazetteer: built once, opened by every test module."""
    return Lookups.load(gazetteer=session_gazetteer_path(factory))
