"""Settings: packaged ``defaults.toml``, then a user TOML file, then command-line overrides."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from thucydides.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    max_document_bytes: int
    max_container_bytes: int
    jsonl_fields: dict[str, tuple[str, ...]] = field(hash=False)
    min_language_chars: int = 40
    not_english_probability: float = 0.9
    max_headline_words: int = 30
    max_dek_words: int = 70
    model: str = ""
    batch_size: int = 16
    cluster_window_days: int = 3
    disable: tuple[str, ...] = ()
    published: str | None = None  # --published override for every article
    outlet: str | None = None  # --outlet override for every article

    def with_fields(self, mapping: dict[str, str]) -> Settings:
        """Put user ``--field NAME=FIELD`` names in front of the packaged ones."""
        fields = dict(self.jsonl_fields)
        for name, column in mapping.items():
            if name not in fields:
                raise ConfigError(f"unknown JSON Lines field {name!r}; known: {', '.join(sorted(fields))}")
            fields[name] = (column, *[c for c in fields[name] if c != column])
        return replace(self, jsonl_fields=fields)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def load(path: Path | None = None, **overrides: Any) -> Settings:
    """Settings from the packaged defaults, an optional user file and keyword overrides (``None`` ignored)."""
    data = tomllib.loads(resources.files("thucydides").joinpath("defaults.toml").read_text("utf-8"))
    if path is not None:
        try:
            data = _merge(data, tomllib.loads(Path(path).read_text("utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings file: {exc}", source=str(path)) from exc
    ingest, structure, nlp = data.get("ingest", {}), data.get("structure", {}), data.get("nlp", {})
    store = data.get("store", {})
    try:
        settings = Settings(
            max_document_bytes=int(ingest["max_document_bytes"]),
            max_container_bytes=int(ingest["max_container_bytes"]),
            jsonl_fields={k: tuple(v) for k, v in ingest["jsonl_fields"].items()},
            min_language_chars=int(structure["min_language_chars"]),
            not_english_probability=float(structure["not_english_probability"]),
            max_headline_words=int(structure["max_headline_words"]),
            max_dek_words=int(structure["max_dek_words"]),
            model=str(nlp["model"]),
            batch_size=int(nlp["batch_size"]),
            disable=tuple(nlp["disable"]),
            cluster_window_days=int(store["cluster_window_days"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"bad or missing setting: {exc}", source=str(path) if path else None) from exc
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(settings, **given) if given else settings
