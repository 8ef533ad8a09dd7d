"""Docs are checked against the code: every setting and every CLI command is documented."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from sitroom.config import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _settings_keys() -> list[tuple[str, str]]:
    settings = Settings()
    return [
        (section.name, key.name)
        for section in fields(settings)
        for key in fields(getattr(settings, section.name))
    ]


@pytest.mark.parametrize(("section", "key"), _settings_keys())
def test_every_setting_is_documented(section: str, key: str) -> None:
    text = (DOCS / "config.md").read_text("utf-8")
    part = text.split(f"## `[{section}]`", 1)
    assert len(part) == 2, f"docs/config.md has no section [{section}]"
    body = part[1].split("\n## ", 1)[0]
    assert f"| `{key}` |" in body, f"[{section}] {key} is not documented in docs/config.md"


def test_every_cli_command_is_documented() -> None:
    from typer.main import get_command

    from sitroom.cli import app

    group = get_command(app)
    text = (DOCS / "cli.md").read_text("utf-8")
    for name in group.commands:  # type: ignore[attr-defined]
        assert f"sitroom {name}" in text, f"`sitroom {name}` is not documented in docs/cli.md"


def test_shipped_defaults_match_settings_defaults() -> None:
    assert Settings.load(env={}) == Settings()
