"""The project's own promises: public API, error codes and settings documented, stage table consistent."""

from __future__ import annotations

import ast
import re
import tomllib
from dataclasses import fields

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


@pytest.mark.model
def test_each_analysis_stage_adds_only_what_it_declares(coder):
    """Stages after ``nlp`` run from the table, in its order; each changes only the fields it declares (a later
    stage never rewrites an earlier one's output: attribution gives chains, it does not edit the events)."""
    from thucydides.types import InputRef, RawDocument

    text = ("MOSCOW, May 6 (TASS) - Russian forces shelled Kharkiv on Monday, Ukraine's General Staff said. "
            "\"We will respond,\" Defence Minister Rustem Umerov told reporters. Moscow calls the war a \"special "
            "operation\". He spoke in Kyiv.")
    article = coder._structure(RawDocument(ref=InputRef("s.txt"), format="text", text=text, outlet="TASS"))
    [article] = coder.parser([article])
    ran = []
    for stage in STAGES:
        if stage.run is None:
            continue
        after = stage.run(coder, article)
        changed = {f.name for f in fields(after) if getattr(after, f.name) != getattr(article, f.name)}
        declared = {w.split(".", 1)[1] for w in stage.writes}
        assert changed and changed <= declared, (stage.name, sorted(changed - declared))
        ran.append(stage.name)
        article = after
    assert ran == ["actors", "coreference", "events", "attribution", "framing"]
    assert article.events and {c.event for c in article.chains} == {e.id for e in article.events}


def _imports() -> dict[str, set[str]]:
    """Module -> the package's modules it imports, at the top or inside a function. Imports of the package
    root are left out: ``thucydides/__init__.py`` re-exports the public API lazily, on first use."""
    root = REPO / "thucydides"
    names = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(REPO).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {name: set() for name in names}
    for name, path in names.items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("thucydides."):
                graph[name].update(m for m in [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
                                   if m in names)
            elif isinstance(node, ast.Import):
                graph[name].update(a.name for a in node.names if a.name in names and a.name != "thucydides")
    return graph


@pytest.mark.parametrize("module", ["thucydides.pipeline", "thucydides.batch.engines", "thucydides.batch.chunks",
                                    "thucydides.batch.ray_engine", "thucydides.workers", "thucydides.api"])
def test_the_pipeline_and_its_engines_are_in_no_import_cycle(module):
    graph = _imports()
    seen, todo = set(), list(graph[module])
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(graph[name])
    assert module not in seen, f"{module} imports a module that imports it back"


def test_only_nlp_imports_spacy():
    for path in (REPO / "thucydides").rglob("*.py"):
        if "nlp" in path.parts:
            continue
        assert not re.search(r"^\s*(import spacy|from spacy)", path.read_text("utf-8"), re.M), path


def test_only_the_batch_engine_imports_ray():
    importers = [path.relative_to(REPO).as_posix() for path in (REPO / "thucydides").rglob("*.py")
                 if re.search(r"^\s*(import ray|from ray)", path.read_text("utf-8"), re.M)]
    assert importers == ["thucydides/batch/ray_engine.py"]
