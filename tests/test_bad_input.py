"""The bad-input battery (issue 18): every hostile input becomes a record for that input only.

Each row builds its inputs in ``tmp_path`` next to a good article, runs ``thucydides code`` and checks the
exact code and reason of every error or skip line, a phrase of its message, that the good articles of the same
run are still written, that no traceback reaches standard error, and the exit status. Add a case by adding a
row. The spaCy pipeline is the session's (loaded once), so the battery runs in seconds.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

TEXT = "KYIV, March 3 (Reuters) - Russian forces shelled Kharkiv on Monday, the Ukrainian military said."
GOOD = json.dumps({"id": "good", "text": TEXT})


@dataclass(frozen=True)
class Case:
    args: list[str]
    lines: set[tuple[str, str, str, str]] = field(default_factory=set)  # (input, code, reason, phrase)
    good: int = 1  # articles written besides good.txt
    status: int = 1
    stdin: bytes | None = None
    check: Callable[[list[dict]], bool] = lambda records: True


def _record(**fields: object) -> str:
    return json.dumps({"id": "bad", "text": TEXT, **fields}, allow_nan=True)


def _file(tmp: Path, name: str | bytes, data: str | bytes) -> str:
    path = os.path.join(os.fsencode(tmp), name) if isinstance(name, bytes) else str(tmp / name)
    with open(path, "wb") as handle:
        handle.write(data.encode() if isinstance(data, str) else data)
    return os.fsdecode(path)


def _jsonl(tmp: Path, *lines: str) -> str:
    return _file(tmp, "n.jsonl", "\n".join(lines) + "\n")


def _deny(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``path`` a directory nobody may read or enter: chmod 000, and, since root ignores that, the same
    refusal from ``os.stat``/``os.scandir`` for root."""
    os.chmod(path, 0)
    if os.geteuid() != 0:
        return
    real_stat, real_scandir = os.stat, os.scandir

    def refused(target: object) -> bool:
        text = os.fsdecode(target) if isinstance(target, (str, bytes, os.PathLike)) else ""
        return text.startswith(str(path) + os.sep)

    def stat(target, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if refused(target):
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(target))
        return real_stat(target, *args, **kwargs)

    def scandir(target="."):  # noqa: ANN001, ANN202
        if refused(target) or os.fsdecode(target) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(target))
        return real_scandir(target)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)


HTML_99 = ('<html><head><meta property="article:published_time" content="2024-03-03T10:00:00+99:00">'
           f"<title>Kharkiv shelled</title></head><body><article><p>{TEXT}</p><p>{TEXT}</p></article></body></html>")


def _unreadable_subdirectory(tmp: Path, mp: pytest.MonkeyPatch) -> Case:
    (tmp / "d" / "locked").mkdir(parents=True)
    _file(tmp / "d", "b.txt", TEXT)
    _file(tmp / "d" / "locked", "c.txt", TEXT)
    _deny(tmp / "d" / "locked", mp)
    return Case([str(tmp / "d")], {("d/locked", "T108", "unreadable", "cannot list this directory")})


def _inside_unreadable_directory(tmp: Path, mp: pytest.MonkeyPatch) -> Case:
    (tmp / "locked").mkdir()
    inner = _file(tmp / "locked", "inner.txt", TEXT)
    _deny(tmp / "locked", mp)
    return Case([inner], {("locked/inner.txt", "T108", "unreadable", "Permission denied")}, good=0)


def _symlink_loops(tmp: Path, mp: pytest.MonkeyPatch) -> Case:
    (tmp / "d" / "sub").mkdir(parents=True)
    _file(tmp / "d", "a.txt", TEXT)
    _file(tmp / "d" / "sub", "b.txt", TEXT.replace("Monday", "Tuesday"))
    (tmp / "d" / "self").symlink_to(".")
    (tmp / "d" / "sub" / "up").symlink_to("..")
    (tmp / "d" / "alias.txt").symlink_to("a.txt")
    return Case([str(tmp / "d"), str(tmp / "d" / "**" / "*.txt"), str(tmp / "d" / "a.txt")], good=2, status=0)


def _fifo_in_directory(tmp: Path, mp: pytest.MonkeyPatch) -> Case:
    (tmp / "d").mkdir()
    _file(tmp / "d", "b.txt", TEXT)
    os.mkfifo(tmp / "d" / "pipe")
    # were it opened, a writer would let the read end (as an empty input) instead of hanging the test
    threading.Thread(target=_feed_fifo, args=(tmp / "d" / "pipe",), daemon=True).start()
    return Case([str(tmp / "d")], {("d/pipe", "T203", "special-file", "FIFO")}, status=0)


def _feed_fifo(path: Path) -> None:
    """For 20 s, open the FIFO for writing as soon as something reads it, then close it (an end of input)."""
    for _ in range(200):
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            return
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # ENXIO: no reader yet
                return
        time.sleep(0.1)


def _flood(tmp: Path, mp: pytest.MonkeyPatch) -> Case:
    path = tmp / "flood.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(b"\n" * 5_000_000 + b"  \r\n\t\n" + GOOD.encode() + b"\n")
    return Case([str(path)], status=0, check=lambda records: records[-1]["input"]["line"] == 5_000_003)


def _non_utf8_name(tmp: Path, mp: pytest.MonkeyPatch) -> Case:
    path = _file(tmp, b"name_\xff.txt", TEXT)
    return Case([path], status=0, check=lambda records: records[-1]["input"]["path"].endswith("name_\\xff.txt"))


CASES: dict[str, Callable[[Path, pytest.MonkeyPatch], Case]] = {
    "published-1e20": lambda t, mp: Case([_jsonl(t, GOOD, _record(published=1e20))],
                                         {("n.jsonl:2", "T111", "bad-value", "'published' holds 1e+20")}),
    "text-1e300": lambda t, mp: Case([_jsonl(t, GOOD, _record(text=1e300))],
                                     {("n.jsonl:2", "T111", "bad-value", "'text' holds a number 1e+300")}),
    "text-42": lambda t, mp: Case([_jsonl(t, GOOD, _record(text=42))],
                                  {("n.jsonl:2", "T111", "bad-value", "'text' holds a number 42")}),
    "outlet-12": lambda t, mp: Case([_jsonl(t, GOOD, _record(outlet=12))], good=2, status=0,
                                    check=lambda records: records[-1]["outlet"] == "12"),
    "headline-true": lambda t, mp: Case([_jsonl(t, GOOD, _record(title=True))],
                                        {("n.jsonl:2", "T111", "bad-value", "'title' holds JSON true")}),
    "published-NaN": lambda t, mp: Case([_jsonl(t, GOOD, _record(published=float("nan")))],
                                        {("n.jsonl:2", "T111", "bad-value", "'published' holds NaN")}),
    "published-Infinity": lambda t, mp: Case([_jsonl(t, GOOD, _record(published=float("inf")))],
                                             {("n.jsonl:2", "T111", "bad-value", "'published' holds Infinity")}),
    "integer-5000-digits": lambda t, mp: Case([_jsonl(t, GOOD, '{"id": ' + "7" * 5000 + ', "text": "x"}')],
                                              {("n.jsonl:2", "T105", "malformed-record", "5,000 digits")}),
    "nested-100000-first-line": lambda t, mp: Case(
        [_jsonl(t, '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", GOOD)],
        {("n.jsonl:1", "T105", "malformed-record", "nested too deep")}),
    "nested-100000-first-line-array": lambda t, mp: Case(
        [_jsonl(t, "[" * 100_000 + "]" * 100_000, GOOD)],
        {("n.jsonl:1", "T105", "malformed-record", "nested too deep")}),
    "nested-100000-later-line": lambda t, mp: Case(
        [_jsonl(t, GOOD, '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}")],
        {("n.jsonl:2", "T105", "malformed-record", "nested too deep")}),
    "offset-99-jsonl": lambda t, mp: Case([_jsonl(t, GOOD, _record(published="2024-03-03T10:00:00+99:00"))],
                                          {("n.jsonl:2", "T111", "bad-value", "UTC offset beyond")}),
    "offset-99-html-meta": lambda t, mp: Case([_file(t, "p.html", HTML_99)],
                                              {("p.html", "T111", "bad-value", "UTC offset beyond")}, good=0),
    "stdin-first-record-over-64kb": lambda t, mp: Case(
        ["-"], status=0, good=2,
        stdin=(_record(id="big", padding="x" * 100_000) + "\n" + GOOD + "\n").encode(),
        check=lambda records: [r["input"].get("line") for r in records] == [1, 2]),
    "utf16-without-bom": lambda t, mp: Case([_file(t, "u16.txt", TEXT.encode("utf-16-le"))], status=0,
                                            check=lambda records: "encoding-guessed: utf-16-le" in
                                            " ".join(records[-1]["warnings"])),
    "non-utf8-file-name": _non_utf8_name,
    "unreadable-subdirectory": _unreadable_subdirectory,
    "input-inside-unreadable-directory": _inside_unreadable_directory,
    "fifo-in-directory": _fifo_in_directory,
    "directory-symlink-loops-and-aliases": _symlink_loops,
    "blank-line-flood": _flood,
}


def _lines(result, tmp: Path) -> list[dict]:  # noqa: ANN001
    lines = [json.loads(line) for line in result.stderr.splitlines()]  # every line is JSON
    assert lines and lines[-1]["type"] == "summary"
    return lines


def _relative(ref: str, tmp: Path) -> str:
    return ref[len(str(tmp)) + 1:] if ref.startswith(str(tmp) + os.sep) else ref


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_costs_only_itself(name, code_in_process, tmp_path, monkeypatch):
    good = _file(tmp_path, "good.txt", "Shelling in Kharkiv\n" + TEXT)
    case = CASES[name](tmp_path, monkeypatch)
    args = [good, *case.args] if case.stdin is None else ["-"]
    result = code_in_process(args, stdin=case.stdin)
    assert "Traceback" not in result.stderr and (result.exception is None or isinstance(result.exception,
                                                                                       SystemExit))
    lines = _lines(result, tmp_path)
    found = {(_relative(line["input"], tmp_path), line["code"], line["reason"]): line["message"]
             for line in lines if line["type"] in ("error", "skipped")}
    assert set(found) == {(ref, c, r) for ref, c, r, _ in case.lines}
    for ref, c, r, phrase in case.lines:
        assert phrase in found[(ref, c, r)], found[(ref, c, r)]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    expected_good = case.good + (1 if case.stdin is None else 0)
    assert len(records) == expected_good, [r["input"] for r in records]
    assert case.check(records)
    assert result.exit_code == case.status


@pytest.mark.parametrize("name", ["published-1e20", "nested-100000-later-line", "offset-99-html-meta",
                                  "unreadable-subdirectory", "fifo-in-directory"])
def test_text_mode_names_the_input_and_code(name, code_in_process, tmp_path, monkeypatch):
    case = CASES[name](tmp_path, monkeypatch)
    result = code_in_process(case.args, log="text", stdin=case.stdin)
    assert "Traceback" not in result.stderr and result.exit_code == case.status
    for ref, c, r, phrase in case.lines:
        line = next(line for line in result.stderr.splitlines() if f"[{c} {r}]" in line)
        assert str(tmp_path / ref.partition(":")[0]) in line and phrase in line


# --- a stage that fails on one article costs that article only -------------------------------------------

def _raise_on_bad(real: Callable, texts: Callable[..., str]) -> Callable:  # noqa: ANN001
    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if "BAD" in texts(*args):
            raise RuntimeError("boom")
        return real(*args, **kwargs)
    return wrapper


def _fault_structure(mp: pytest.MonkeyPatch) -> None:
    import thucydides.pipeline as pipeline

    mp.setattr(pipeline, "build_article", _raise_on_bad(pipeline.build_article, lambda raw, *a: raw.text or ""))


def _fault_parser(mp: pytest.MonkeyPatch) -> None:
    from thucydides.nlp.parse import Parser

    mp.setattr(Parser, "__call__", _raise_on_bad(Parser.__call__, lambda self, arts: " ".join(a.text for a in arts)))


def _fault_analysis(mp: pytest.MonkeyPatch) -> None:
    import thucydides.pipeline as pipeline

    mp.setattr(pipeline, "framing", _raise_on_bad(pipeline.framing, lambda article: article.text))


def _fault_reader(mp: pytest.MonkeyPatch) -> None:
    import thucydides.ingest as ingest

    mp.setattr(ingest, "read_text", _raise_on_bad(ingest.read_text, lambda data, *a: data.decode()))


@pytest.mark.parametrize(("fault", "stage", "code_reason"), [
    (_fault_reader, "ingest", ("T112", "read-failed")),
    (_fault_structure, "structure", ("T303", "structure-failed")),
    (_fault_parser, "nlp", ("T300", "nlp-failed")),
    (_fault_analysis, "framing", ("T302", "analysis-failed")),  # the stage that failed is named
], ids=["reader", "structure", "parser", "analysis"])
def test_a_stage_failing_on_one_article_costs_only_that_article(fault, stage, code_reason, code_in_process,
                                                                 tmp_path, monkeypatch):
    paths = [_file(tmp_path, name, text) for name, text in
             (("a.txt", TEXT), ("bad.txt", TEXT + " BAD."), ("c.txt", TEXT.replace("Monday", "Friday")))]
    fault(monkeypatch)
    result = code_in_process(paths)
    (error,) = [line for line in _lines(result, tmp_path) if line["type"] == "error"]
    assert (error["file"], error["stage"], error["code"], error["reason"]) == (paths[1], stage, *code_reason)
    assert "RuntimeError: boom" in error["message"]
    assert [r["input"]["path"] for r in map(json.loads, result.stdout.splitlines())] == [paths[0], paths[2]]
    assert result.exit_code == 1


# --- settings -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("toml", "phrase"), [
    ("[nlp]\nbatch_size = 0", "batch_size = 0 is out of range"),
    ("[ingest]\nmax_document_bytes = -1", "max_document_bytes = -1 is out of range"),
    ("[ingest]\nmax_container_bytes = 0", "max_container_bytes = 0 is out of range"),
    ("[structure]\nnot_english_probability = 1.5", "not_english_probability = 1.5 is out of range"),
    ("[nlp]\nbatch_size = 1.5", "batch_size = 1.5 is not a whole number"),
    ("[nlp]\nbatch_size = true", "batch_size = True is not a whole number"),
    ("[nlp]\ndisable = \"parser\"", "disable = 'parser' is not a list of strings"),
    ("[store]\ncluster_window_days = 400", "cluster_window_days = 400 is out of range"),
])
def test_settings_out_of_range_are_refused(toml, phrase, tmp_path):
    from thucydides import config
    from thucydides.errors import ConfigError

    with pytest.raises(ConfigError, match=phrase.replace("(", r"\(").replace(".", r"\.")):
        config.load(Path(_file(tmp_path, "c.toml", toml + "\n")))


# --- formats ------------------------------------------------------------------------------------------------

def test_input_format_declares_what_sniffing_would_miss(code_in_process):
    stdin = ("{not json\n" + GOOD + "\n").encode()
    sniffed = code_in_process(["-"], stdin=stdin)
    declared = code_in_process(["-", "--input-format", "jsonl"], stdin=stdin)
    assert [json.loads(r)["format"] for r in sniffed.stdout.splitlines()] == ["text"]
    assert [json.loads(r)["input"] for r in declared.stdout.splitlines()] == [{"path": "<stdin>", "line": 2}]
    assert [json.loads(line).get("code") for line in declared.stderr.splitlines()] == ["T105", None]  # + summary


def test_blank_lines_are_skipped_in_bulk_with_their_line_numbers_kept(settings):
    """A flood of blank lines costs a few reads, not one per line (1 GB of them took minutes before)."""
    import io

    from thucydides.ingest.jsonl import read_jsonl

    class Counting(io.BufferedReader):
        calls = 0

        def readline(self, size: int | None = -1) -> bytes:
            Counting.calls += 1
            return super().readline(size)

    data = b"\n" * 1_000_000 + b" \t\r\n" + GOOD.encode() + b"\n" + b"\n" * 1_000_000 + GOOD.encode()
    documents = list(read_jsonl(Counting(io.BytesIO(data)), "flood.jsonl", settings))
    assert [d.ref.line for d in documents] == [1_000_002, 2_000_003]
    assert Counting.calls < 10


def test_a_fifo_named_on_the_command_line_is_read(code_in_process, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "w") as handle:
            handle.write(TEXT)
    threading.Thread(target=write, daemon=True).start()
    result = code_in_process([str(fifo)])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1
