"""Shared fixtures. Real articles are read from ``../shared`` beside the checkout;
they are never copied into the project. In CI (``CI=true``) a missing ``../shared``
is a failure, not a skip."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from sitroom.config import Settings
    from sitroom.engine import Engine

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """Path of a file under ``../shared``; fails in CI and skips elsewhere when absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI needs ../shared beside the checkout")
        pytest.skip(f"{path} is not available on this machine")
    return path


def chromium() -> str:
    """The headless Chromium on this machine; fails in CI and skips elsewhere when absent
    (``make test`` installs it with ``scripts/install-chromium.sh``)."""
    from sitroom.cli.report import browser

    exe = browser()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: make test installs it (scripts/install-chromium.sh)")
        pytest.skip("Chromium is not installed here (scripts/install-chromium.sh)")
    return exe


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture(scope="session")
def settings() -> Settings:
    from sitroom.config import Settings

    return Settings.load(env={})


@pytest.fixture(scope="session")
def engine(settings: Settings) -> Engine:
    """Models, gazetteer and extractor, loaded once for the whole run."""
    from sitroom.engine import Engine

    return Engine.load(settings)


@pytest.fixture(scope="session")
def nlp_en(engine: Engine) -> Language:
    return engine.models.get("en")


@pytest.fixture(scope="session")
def nlp_fr(engine: Engine) -> Language:
    return engine.models.get("fr")
