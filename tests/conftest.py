"""Shared fixtures. Real articles are read from ``../shared`` beside the checkout;
they are never copied into the project. In CI (``CI=true``) a missing ``../shared``
is a failure, not a skip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return shared_path("seeds")
