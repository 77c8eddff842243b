"""A --workers process that dies costs only the article it died on (thucydides/workers.py, issue 18 part 3).

The worker kills itself through the documented test hook: with ``THUCYDIDES_TEST_DIE_ON`` set, a worker process
sends itself SIGKILL on a chunk holding a document whose text contains the value, as the out-of-memory killer
would. Workers are forked from this process and take the session's model (``shared_model``).
"""

from __future__ import annotations

import json
import signal

import pytest

from thucydides.api import Pipeline
from thucydides.batch.chunks import chunked
from thucydides.types import Article, InputRef, RawDocument, Rejected
from thucydides.workers import DIE_ON, _death

MARKER = "Zqxwv-kill-this-worker"
STORY = "MOSCOW, May {n} (Reuters) - Russian Foreign Minister Sergei Lavrov met Chinese officials in Moscow on Friday."


@pytest.fixture
def shared_model(monkeypatch, nlp):
    monkeypatch.setattr("thucydides.pipeline.load_model", lambda *args, **kwargs: nlp)


@pytest.fixture
def deadly(monkeypatch):
    monkeypatch.setenv(DIE_ON, MARKER)


def _texts(count: int, deadly_at: set[int]) -> list[str]:
    return [STORY.format(n=n % 28 + 1) + (f" {MARKER}." if n in deadly_at else "") for n in range(count)]


@pytest.mark.slow
@pytest.mark.parametrize(("count", "deadly_at", "batch_size"), [
    (12, {5}, 4),         # one article kills its worker: its chunk and the chunks in flight are coded again
    (12, {0, 11}, 4),     # the first and the last
    (9, {3, 4}, 3),       # two in one chunk
    (6, {2}, 1),          # a chunk of one
])
def test_a_dead_worker_costs_only_its_article(coder, shared_model, deadly, count, deadly_at, batch_size):
    results = list(Pipeline(coder).pipe(_texts(count, deadly_at), workers=2, batch_size=batch_size))
    assert len(results) == count
    for number, result in enumerate(results):
        if number in deadly_at:
            assert isinstance(result, Rejected) and (result.code, result.reason) == ("T305", "worker-died")
            assert result.ref.record == number + 1 and f"<python>#{number + 1}" in result.message
            assert "SIGKILL" in result.message
        else:
            assert isinstance(result, Article) and f"May {number % 28 + 1}" in result.text


@pytest.mark.slow
def test_the_command_records_the_article_and_writes_the_rest(code_in_process, deadly, tmp_path):
    corpus = tmp_path / "c.jsonl"
    texts = _texts(70, {40})  # chunks of 32: the second chunk dies, the third is in flight with it
    corpus.write_text("".join(json.dumps({"id": f"a{n}", "text": t}) + "\n" for n, t in enumerate(texts)))
    result = code_in_process([str(corpus), "--workers", "2"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "BrokenProcessPool" not in result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["input"]["line"] for r in records] == [n + 1 for n in range(70) if n != 40]
    (error,) = [json.loads(line) for line in result.stderr.splitlines() if '"error"' in line]
    assert (error["code"], error["reason"], error["line"]) == ("T305", "worker-died", 41)
    assert f"{corpus}:41" in error["message"]


@pytest.mark.slow
def test_the_hook_is_inert_when_unset(coder, shared_model, monkeypatch):
    monkeypatch.delenv(DIE_ON, raising=False)
    results = list(Pipeline(coder).pipe(_texts(4, {1}), workers=2, batch_size=2))
    assert all(isinstance(r, Article) for r in results)


@pytest.mark.parametrize(("exitcodes", "said"), [
    ([-signal.SIGKILL, -signal.SIGTERM], "was killed by SIGKILL (as the out-of-memory killer does)"),
    ([-signal.SIGTERM, -signal.SIGSEGV], "was killed by SIGSEGV"),
    ([-signal.SIGTERM, 3], "exited with status 3"),
    ([-signal.SIGTERM], "was killed by SIGTERM"),
    ([None], "died"),
])
def test_how_a_worker_died(exitcodes, said):
    assert _death(exitcodes) == said


def _doc(chars: int) -> RawDocument:
    return RawDocument(ref=InputRef("t.txt"), format="text", text="x" * chars)


@pytest.mark.parametrize(("sizes", "chunks"), [
    ([10] * 7, [3, 3, 1]),             # by count
    ([40, 40, 40], [2, 1]),            # closed before the text passes 100 characters
    ([150, 10, 10], [1, 2]),           # a longer document goes alone
    ([10, 150, 10], [1, 1, 1]),
])
def test_chunks_are_bounded_by_count_and_by_text(sizes, chunks):
    assert [len(c) for c in chunked([_doc(n) for n in sizes], 3, chars=100)] == chunks


def test_a_worker_without_a_model_reports_it_once(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from thucydides.cli import main
    from thucydides.errors import ModelError

    def no_model(*args, **kwargs):
        raise ModelError("no English spaCy pipeline could be loaded; tried nothing")

    monkeypatch.setattr("thucydides.pipeline.load_model", no_model)  # the forked workers inherit it
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{n}", "text": t}) + "\n" for n, t in enumerate(_texts(40, set()))))
    result = CliRunner().invoke(main, ["code", str(corpus), "--workers", "2", "--log-format", "json"])
    assert result.exit_code == 3, result.output
    (fatal,) = [json.loads(line) for line in result.stderr.splitlines()]
    assert (fatal["type"], fatal["code"]) == ("fatal", "T301")


def test_a_chunk_submitted_after_a_death_fails_like_the_chunks_in_flight():
    # workers.py _Pool.submit: a worker that died before the next chunk was handed out breaks the pool; the chunk
    # comes back as a failed future (recoded with the others), not as an error that ends the batch
    from concurrent.futures.process import BrokenProcessPool

    from thucydides.workers import _Pool

    class Broken:
        def submit(self, *args, **kwargs):
            raise BrokenProcessPool("a child process terminated abruptly")

    pool = object.__new__(_Pool)
    pool.executor, pool.tokens = Broken(), True
    future = pool.submit([])
    assert future.done() and isinstance(future.exception(), BrokenProcessPool)
