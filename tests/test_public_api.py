"""The public surface: every name in ``sitroom.__all__`` resolves, and importing the
package does not load spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

import sitroom


@pytest.mark.parametrize("name", sitroom.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(sitroom, name) is not None


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        _ = sitroom.no_such_name  # type: ignore[attr-defined]


def test_import_does_not_load_spacy() -> None:
    code = "import sys, sitroom; sitroom.Settings; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
