"""Shared fixtures. Tests that need ../shared skip cleanly when it is absent; the spaCy model loads once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from thucydides import config
from thucydides.types import InputRef, RawDocument

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"
TODAY = date(2026, 11, 28)  # fixed "today" so year inference is reproducible


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not available ({path})")
    return path


@pytest.fixture(scope="session")
def settings() -> config.Settings:
    return config.load()


@pytest.fixture(scope="session")
def nlp():
    from thucydides.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def coder(settings, nlp):
    from thucydides.pipeline import Coder

    return Coder(settings, today=TODAY, nlp=nlp)


@pytest.fixture(scope="session")
def samples_store(tmp_path_factory):
    """samples_store(name) -> the path of a fresh SQLite store holding the coded samples. The samples are coded
    once (`thucydides code samples/ --db ...`, the real CLI) and every caller gets its own copy to write to."""
    import sqlite3

    from click.testing import CliRunner

    from thucydides.cli import main

    coded = tmp_path_factory.mktemp("samples-store") / "samples.db"
    result = CliRunner().invoke(main, ["code", str(SAMPLES), "--db", str(coded)])
    assert result.exit_code == 0, result.output

    def copy(name: str) -> str:
        target = tmp_path_factory.mktemp(name) / "samples.db"
        with sqlite3.connect(coded) as source, sqlite3.connect(target) as destination:
            source.backup(destination)  # the SQLite backup API: whole and consistent, WAL or not
        return str(target)

    return copy


def sentence_coder(coder, report: str):
    """code(text, published=report) -> the events of one sentence, coded once per (text, date)."""
    cache: dict[tuple[str, str], tuple] = {}

    def run(text: str, published: str = report):
        if (text, published) not in cache:
            cache[(text, published)] = coder.code_sentences([(text, published)])[0].events
        return cache[(text, published)]

    return run


def sentence_actors(coder, report: str):
    """actors(text) -> (mention text, actor code) of each actor mention of one sentence dated ``report``."""
    return lambda text: [(m.text, m.actor.code) for m in coder.code_sentences([(text, report)])[0].actors]


def dyads(events) -> set[tuple[str | None, str, str | None]]:
    """(source code, CAMEO code, target code) of each event, None where a side is missing."""
    return {(e.source.actor.code if e.source else None, e.cameo, e.target.actor.code if e.target else None)
            for e in events}


def raw_text(text: str, **meta) -> RawDocument:
    """A plain-text raw document built by hand, as the text reader would produce it."""
    return RawDocument(ref=InputRef(meta.pop("path", "test.txt")), format=meta.pop("format", "text"), text=text, **meta)


@pytest.fixture(scope="session")
def actor_dictionary():
    from thucydides.actors import default_dictionary

    return default_dictionary()


@pytest.fixture(scope="session")
def resolve(nlp, actor_dictionary):
    """resolve(text, date, dateline_country) -> actor mentions, parsing ``text`` with the real model."""
    from thucydides.actors import Resolver
    from thucydides.nlp import Parser
    from thucydides.structure.dateline import find_dateline
    from thucydides.types import Article, Span

    parser, resolver = Parser(nlp), Resolver(actor_dictionary)

    def run(text: str, on: str | date = "2022-11-06", country: str | None = None):
        when = on if isinstance(on, date) else date.fromisoformat(on)
        dateline = find_dateline(text)  # as the structure stage does: the dateline is not parsed
        article = Article(id="t", ref=InputRef("t"), format="text", text=text, paragraphs=(Span(0, len(text)),),
                          dateline=dateline)
        parsed = parser([article])[0]
        return resolver.sentences(parsed.sentences, text, on=when, country=country)

    return run


# Rows of the actor table (tests/data/actor_mentions.tsv) that did not resolve, for the terminal summary.
ACTOR_TABLE_FAILURES: list[str] = []


def pytest_terminal_summary(terminalreporter):
    if ACTOR_TABLE_FAILURES:
        terminalreporter.section("actor table: mentions that did not resolve as expected")
        for line in ACTOR_TABLE_FAILURES:
            terminalreporter.write_line(line)


@pytest.fixture
def run_cli():
    """run_cli(*args) -> click's Result for ``thucydides *args``."""
    from click.testing import CliRunner

    from thucydides.cli import main

    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args))


@pytest.fixture
def code_in_process(monkeypatch, nlp):
    """code_in_process(args, log="json", stdin=None) -> click's Result for ``thucydides code ARGS --format jsonl
    --log-format LOG``, run in this process with the session's spaCy pipeline (no model load per run)."""
    from click.testing import CliRunner

    from thucydides.cli import main

    monkeypatch.setattr("thucydides.pipeline.load_model", lambda *args, **kwargs: nlp)
    runner = CliRunner()

    def run(args: list[str], *, log: str = "json", stdin: bytes | None = None):  # noqa: ANN202
        return runner.invoke(main, ["code", *args, "--format", "jsonl", "--log-format", log], input=stdin)

    return run


@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway PostgreSQL server (Debian's package, installed by .ci/run); skips when none can start."""
    import glob
    import os
    import shutil
    import socket
    import subprocess
    import tempfile

    pytest.importorskip("psycopg")
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or [shutil.which("initdb") or ""]
    initdb = found[-1]
    if not initdb or not os.path.exists(initdb):
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    bindir = os.path.dirname(os.path.realpath(initdb))
    base = Path(tempfile.mkdtemp(prefix="thucydides-pg-"))  # under /tmp, so the postgres account can reach it
    data, sockets = base / "data", base / "sock"
    sockets.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: use the postgres account the package creates
        runuser = shutil.which("runuser")
        if not runuser:
            pytest.skip("running as root without runuser")
        shutil.chown(base, "postgres")
        shutil.chown(sockets, "postgres")
        prefix = [runuser, "-u", "postgres", "--"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    try:
        subprocess.run([*prefix, f"{bindir}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres"],
                       check=True, capture_output=True, timeout=120)
        subprocess.run([*prefix, f"{bindir}/pg_ctl", "-D", str(data), "-w", "-l", str(base / "log"), "-o",
                        f"-p {port} -k {sockets} -c listen_addresses=''", "start"],
                       check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"PostgreSQL could not start: {exc}")
    yield f"postgresql://postgres@/postgres?host={sockets}&port={port}"
    subprocess.run([*prefix, f"{bindir}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"],
                   capture_output=True, timeout=60)
    shutil.rmtree(base, ignore_errors=True)


def coded_article(article_id: str, published: str | None, dates: list[tuple[str | None, str]], *,
                  outlet: str | None = "Reuters", source: str = "RUS", target: str = "UKR", cameo: str = "190"):
    """A coded article built by hand, for store tests: one RUS -> UKR attack per ``(date, precision)`` given,
    with event ids ``{article_id}-{n}``. No model is needed."""
    from thucydides.types import Actor, ActorMention, Article, Event, Modality, Sentence

    def mention(code: str) -> ActorMention:
        return ActorMention(code, 0, 3, 0, 0, 1, Actor(code, code, None, code, None, "country"), "dictionary", "t")

    events = tuple(
        Event(id=f"{article_id}-{n}", sentence=0, sentence_text="x", trigger_text="struck", trigger_start=0,
              trigger_end=6, source=mention(source), target=mention(target), sources_all=(), targets_all=(),
              cameo=cameo, cameo_name="", goldstein=-10.0, quad_class=4, plover="ASSAULT", plover_mode=None,
              date=when, date_text=None, date_precision=precision, location=None, modality=Modality(), pattern="t")
        for n, (when, precision) in enumerate(dates))
    precision = None if published is None else {4: "year", 7: "month"}.get(len(published), "day")
    return Article(id=article_id, ref=InputRef(f"{article_id}.txt"), format="text", text="x" * 20, outlet=outlet,
                   published=published, published_precision=precision, sentences=(Sentence(0, 0, 20, 0, "x" * 20),),
                   events=events)


def store_with(path, *articles) -> str:
    """A SQLite store at ``path`` holding ``articles`` (clusters built); returns its path as a string."""
    from thucydides.store import Store

    with Store(path) as store:
        run = store.begin_run(pipeline_version="t", settings={}, inputs=[])
        for article in articles:
            store.write_article(article, run, "t")
        store.cluster()
    return str(path)
