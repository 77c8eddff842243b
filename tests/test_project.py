"""The project's own promises: public API, error codes and settings documented, stage table consistent."""

from __future__ import annotations

import re
import tomllib

import pytest

import thucydides
from thucydides import errors
from thucydides.errors import ThucydidesError
from thucydides.pipeline import STAGES, Stage, check_stages

from conftest import REPO

README = (REPO / "README.md").read_text("utf-8")
ERRORS_DOC = (REPO / "docs" / "errors.md").read_text("utf-8")


def test_public_api_is_sorted_and_importable():
    assert thucydides.__all__ == sorted(thucydides.__all__)
    for name in thucydides.__all__:
        assert hasattr(thucydides, name)


def test_error_codes_are_unique_and_documented():
    codes = [cls.code for cls in errors.ALL_ERRORS]
    assert len(codes) == len(set(codes))
    for cls in errors.ALL_ERRORS:
        assert issubclass(cls, ThucydidesError)
        if cls.code not in ("T000", "T100", "T200"):  # the roots of the tree: never raised as such
            assert f"| {cls.code} | {cls.reason} |" in ERRORS_DOC, \
                f"{cls.code} {cls.reason} missing from the table of docs/errors.md"
        assert cls.__name__ in errors.__doc__


def test_every_setting_has_a_comment():
    text = (REPO / "thucydides" / "defaults.toml").read_text("utf-8")
    tomllib.loads(text)
    documented = False  # a comment covers the lines after it up to the next blank line
    for line in text.splitlines():
        if line.startswith("#"):
            documented = True
        elif not line.strip():
            documented = False
        elif re.match(r"^[a-z_]+ = ", line) and not documented:
            pytest.fail(f"setting without a comment above it: {line}")


def test_readme_names_the_two_commands_and_ci_calls_make_test():
    assert "make demo" in README and "make test" in README
    assert "make test" in (REPO / ".ci" / "run").read_text()


def test_stage_table_is_consistent():
    check_stages()
    assert [s.name for s in STAGES][:3] == ["ingest", "structure", "nlp"]
    with pytest.raises(ThucydidesError, match="reads 'Article.events'"):
        check_stages([Stage("events-first", "x", reads=("Article.events",), writes=())])


def test_only_nlp_imports_spacy():
    for path in (REPO / "thucydides").rglob("*.py"):
        if "nlp" in path.parts:
            continue
        assert not re.search(r"^\s*(import spacy|from spacy)", path.read_text("utf-8"), re.M), path


def test_only_the_batch_engine_imports_ray():
    importers = [path.relative_to(REPO).as_posix() for path in (REPO / "thucydides").rglob("*.py")
                 if re.search(r"^\s*(import ray|from ray)", path.read_text("utf-8"), re.M)]
    assert importers == ["thucydides/batch/ray_engine.py"]
