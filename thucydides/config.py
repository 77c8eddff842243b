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
    batch_size: int = 1_000
    batch_chars: int = 25_000  # [nlp]: see defaults.toml
    max_parse_chars: int = 10_000
    cluster_window_days: int = 3
    story_threshold: float = 0.2  # [store]: see defaults.toml
    story_window_days: int = 3
    story_undated_threshold: float = 0.5
    max_body_bytes: int = 2_097_152  # [serve]: see defaults.toml
    max_query_bytes: int = 8_192
    max_header_bytes: int = 16_384
    max_connections: int = 1_000
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    keep_alive_timeout: int = 5
    disable: tuple[str, ...] = ()
    year_from_run_date: bool = False  # a year-less dateline may take its year from the run's date
    published: str | None = None  # --published override for every article
    date_from_filename: bool = False  # --date-from-filename: a date in the file's name dates an undated article
    outlet: str | None = None  # --outlet override for every article
    input_format: str | None = None  # --input-format: the format of every input (None: detected per input)

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


# (section, key, type, least, most): every number a settings file may hold, with the range it must lie in
_NUMBERS: tuple[tuple[str, str, type, float, float | None], ...] = (
    ("ingest", "max_document_bytes", int, 1, None),
    ("ingest", "max_container_bytes", int, 1, None),
    ("structure", "min_language_chars", int, 0, None),
    ("structure", "not_english_probability", float, 0.0, 1.0),
    ("structure", "max_headline_words", int, 1, None),
    ("structure", "max_dek_words", int, 1, None),
    ("nlp", "batch_size", int, 1, None),
    ("nlp", "batch_chars", int, 1, None),
    ("nlp", "max_parse_chars", int, 100, None),
    ("store", "cluster_window_days", int, 0, 365),
    ("store", "story_threshold", float, 0.0, 1.0),
    ("store", "story_window_days", int, 0, 365),
    ("store", "story_undated_threshold", float, 0.0, 1.0),
    ("serve", "max_body_bytes", int, 1, None),
    ("serve", "max_query_bytes", int, 1, None),
    ("serve", "max_header_bytes", int, 1_024, None),
    ("serve", "max_connections", int, 1, None),
    ("serve", "header_timeout", float, 0.1, None),
    ("serve", "body_timeout", float, 0.1, None),
    ("serve", "keep_alive_timeout", int, 1, None),
)


def _number(data: dict[str, Any], section: str, key: str, kind: type, least: float, most: float | None) -> Any:
    """``[section] key`` from ``data``, checked to be a number of ``kind`` within ``least``..``most``."""
    value = data.get(section, {}).get(key)
    if value is None:
        raise ConfigError(f"missing setting [{section}] {key}")
    accepted = (int, float) if kind is float else (int,)
    if isinstance(value, bool) or not isinstance(value, accepted):
        raise ConfigError(f"[{section}] {key} = {value!r} is not {'a number' if kind is float else 'a whole number'}")
    if value < least or (most is not None and value > most):
        bound = f"from {least} to {most}" if most is not None else f"at least {least}"
        raise ConfigError(f"[{section}] {key} = {value!r} is out of range (it must be {bound})")
    return kind(value)


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{what} = {value!r} is not a list of strings")
    return tuple(value)


def load(path: Path | None = None, **overrides: Any) -> Settings:
    """Settings from the packaged defaults, an optional user file and keyword overrides (``None`` ignored);
    a value of the wrong type or out of range raises :class:`ConfigError` naming it."""
    data = tomllib.loads(resources.files("thucydides").joinpath("defaults.toml").read_text("utf-8"))
    if path is not None:
        try:
            data = _merge(data, tomllib.loads(Path(path).read_text("utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings file: {exc}", source=str(path)) from exc
    source = str(path) if path else None
    try:
        numbers = {key: _number(data, section, key, kind, least, most)
                   for section, key, kind, least, most in _NUMBERS}
        fields = data["ingest"]["jsonl_fields"]
        if not isinstance(fields, dict):
            raise ConfigError(f"[ingest.jsonl_fields] = {fields!r} is not a table")
        model = data["nlp"]["model"]
        if not isinstance(model, str):
            raise ConfigError(f"[nlp] model = {model!r} is not a string")
        run_date = data["structure"].get("year_from_run_date", False)
        if not isinstance(run_date, bool):
            raise ConfigError(f"[structure] year_from_run_date = {run_date!r} is not true or false")
        settings = Settings(
            **numbers,
            year_from_run_date=run_date,
            jsonl_fields={k: _strings(v, f"[ingest.jsonl_fields] {k}") for k, v in fields.items()},
            model=model,
            disable=_strings(data["nlp"]["disable"], "[nlp] disable"),
        )
    except ConfigError as exc:
        raise ConfigError(exc.message, source=source) from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"bad or missing setting: {exc}", source=source) from exc
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(settings, **given) if given else settings
