"""The command line end to end: formats, options, exit codes and error lines (runs the real pipeline)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from thucydides.cli import main

CONTRACT_KEYS = {"id", "input", "outlet", "url", "headline", "headline_attribution", "dek", "dateline", "byline",
                 "published", "published_precision", "language", "text", "sentences", "events", "quotes",
                 "sources", "framing", "warnings"}
DISPATCH = ("Moscow ready for talks — Lavrov\nMOSCOW, March 3. /TASS/. Russia is ready for talks, "
            "Foreign Minister Sergey Lavrov said on Friday.\nHe spoke in Moscow.\n")


@pytest.fixture
def runner():
    return CliRunner()


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_code_a_file_to_jsonl(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DISPATCH)
    result = runner.invoke(main, ["code", str(path), "--format", "jsonl", "--published", "2023-03-03"])
    assert result.exit_code == 0, result.output
    (record,) = _records(result.stdout)
    assert CONTRACT_KEYS <= set(record)
    assert record["input"] == {"path": str(path)}
    assert (record["headline"], record["headline_attribution"], record["outlet"]) == (
        "Moscow ready for talks", "Lavrov", "TASS")
    assert record["dateline"]["date"] == "2023-03-03" and record["dateline"]["country"] == "RUS"
    assert record["published"] == "2023-03-03" and record["published_precision"] == "day"
    for sent in record["sentences"]:
        assert record["text"][sent["start"]:sent["end"]] == sent["text"]
    assert "1 articles coded" in result.stderr


def test_stdin_table_and_output_file(runner, tmp_path):
    result = runner.invoke(main, ["code", "-", "--format", "table"], input=DISPATCH)
    assert result.exit_code == 0 and "Moscow ready for talks" in result.stdout and "<stdin>" in result.stdout
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["code", "-", "-o", str(out), "--outlet", "TASS English"], input=DISPATCH)
    assert result.exit_code == 0 and _records(out.read_text())[0]["outlet"] == "TASS English"


def test_jsonl_with_field_mapping_and_line_numbers(runner, tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"story": "KYIV, March 3 (Reuters) - Ukraine said talks would resume.",
                                "hed": "Talks to resume", "when": "2022-03-03"}) + "\n")
    result = runner.invoke(main, ["code", str(path), "--field", "text=story", "--field", "headline=hed",
                                  "--field", "published=when"])
    assert result.exit_code == 0, result.output
    (record,) = _records(result.stdout)
    assert (record["headline"], record["published"], record["input"]) == (
        "Talks to resume", "2022-03-03", {"path": str(path), "line": 1})


def test_some_inputs_failed_exit_1_and_the_rest_is_coded(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(DISPATCH)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.jsonl").write_text('{"text": "KYIV, March 3 (Reuters) - Fine line."}\n{broken\n')
    result = runner.invoke(main, ["code", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert len(_records(result.stdout)) == 2
    assert f"{tmp_path / 'empty.txt'}: input is empty" in result.stderr
    assert f"{tmp_path / 'bad.jsonl'}:2: line is not valid JSON" in result.stderr
    assert "2 input(s) failed" in result.stderr and "Traceback" not in result.output


def test_not_english_is_skipped_not_failed(runner, tmp_path):
    (tmp_path / "fr.txt").write_text("La Russie et l'Ukraine ont échangé des prisonniers lundi, a annoncé le "
                                     "ministère de la Défense à Moscou, selon un communiqué publié dans la soirée.")
    result = runner.invoke(main, ["code", str(tmp_path / "fr.txt")])
    assert result.exit_code == 0 and "not-english" in result.stderr and _records(result.stdout) == []


@pytest.mark.parametrize("args", [
    ["code"],
    ["code", "x.txt", "--published", "yesterday-ish"],
    ["code", "x.txt", "--field", "nonsense"],
    ["code", "x.txt", "--field", "colour=paint"],
    ["code", "x.txt", "--workers", "0"],
    ["code", "x.txt", "--format", "xml"],
])
def test_usage_errors_exit_2(runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_invalid_utf8_is_decoded_with_a_warning_line(runner, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("MOSCOW, March 3. /TASS/. Talks in Genève resumed, the ministry said.".encode("latin-1"))
    result = runner.invoke(main, ["code", str(path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert "Genève" in _records(result.stdout)[0]["text"]
    assert f"warning: {path}: encoding-guessed" in result.stderr


def test_eval_html_prints_figures(runner):
    from conftest import shared_path

    manifest = shared_path("corpus", "html", "manifest.jsonl")
    result = runner.invoke(main, ["eval", "html", str(manifest)])
    assert result.exit_code == 0 and "title 0." in result.stdout and "paragraph recall" in result.stdout


def test_missing_input_exit_1(runner, tmp_path):
    result = runner.invoke(main, ["code", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "no such file or directory" in result.stderr


def test_two_workers_give_the_same_records(runner, tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(DISPATCH.replace("Friday", f"Friday {i}"))
    one = runner.invoke(main, ["code", str(tmp_path), "--format", "jsonl"])
    two = runner.invoke(main, ["code", str(tmp_path), "--format", "jsonl", "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert _records(one.stdout) == _records(two.stdout) and len(_records(one.stdout)) == 5


def _json_lines(stderr: str) -> list[dict]:
    """Every line of standard error as JSON (fails on any line that is not)."""
    return [json.loads(line) for line in stderr.splitlines()]


def test_log_format_json_one_object_per_line_then_a_summary(tmp_path):
    """A real process (standard error not a terminal): every stderr line is JSON, failures and skips named."""
    import subprocess
    import sys

    db = tmp_path / "t.db"
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "good.txt").write_text(DISPATCH)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.jsonl").write_text('{"text": "KYIV, March 3 (Reuters) - Fine line."}\n{broken\n')
    (tmp_path / "fr.txt").write_text("La Russie et l'Ukraine ont échangé des prisonniers lundi, a annoncé le "
                                     "ministère de la Défense à Moscou, selon un communiqué publié dans la soirée.")
    (tmp_path / "latin.txt").write_bytes("MOSCOW, March 3. /TASS/. Talks in Genève resumed, the ministry said."
                                         .encode("latin-1"))
    result = subprocess.run([sys.executable, "-m", "thucydides.cli", "code", str(tmp_path), "--db", str(db),
                             "-o", str(db) + ".jsonl", "--log-format", "json"], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 1 and result.stdout == ""
    assert len((db.parent / "t.db.jsonl").read_text().splitlines()) == 3
    lines = _json_lines(result.stderr)
    by_type: dict[str, list[dict]] = {}
    for line in lines:
        by_type.setdefault(line["type"], []).append(line)
    errors = {(e["file"], e["line"], e["code"], e["reason"]) for e in by_type["error"]}
    assert errors == {(str(tmp_path / "empty.txt"), None, "T101", "empty"),
                      (str(tmp_path / "bad.jsonl"), 2, "T105", "malformed-record")}
    assert all(e["message"] and e["stage"] == "ingest" for e in by_type["error"])
    (skip,) = by_type["skipped"]
    assert (skip["file"], skip["code"], skip["reason"]) == (str(tmp_path / "fr.txt"), "T201", "not-english")
    (warning,) = by_type["warning"]
    assert warning["file"] == str(tmp_path / "latin.txt") and warning["reason"] == "encoding-guessed"
    summary = lines[-1]
    assert summary["type"] == "summary" and len(by_type["summary"]) == 1
    assert (summary["articles"], summary["failures"], summary["skipped"]) == (3, 2, 1)
    assert summary["events"] >= 1 and summary["seconds"] > 0
    assert summary["articles_per_s"] == pytest.approx(summary["articles"] / summary["seconds"], rel=0.01)
    assert summary["reasons"] == {"empty": 1, "malformed-record": 1, "not-english": 1}
    assert summary["db"] == str(db) and summary["run"] == 1 and summary["pipeline"]


def test_log_format_text_is_unchanged_and_json_is_quiet_with_q(runner, tmp_path):
    dbs, tmp_path = tmp_path, tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(DISPATCH)
    text = runner.invoke(main, ["code", str(tmp_path), "--db", str(dbs / "a.db")])
    assert text.exit_code == 1
    assert text.stderr.splitlines()[0] == f"error: {tmp_path / 'empty.txt'}: input is empty [T101 empty]"
    assert "1 articles coded" in text.stderr and "thucydides: 1 input(s) failed" in text.stderr
    quiet = runner.invoke(main, ["code", str(tmp_path), "--db", str(dbs / "b.db"), "--log-format", "json",
                                 "-q"])
    assert quiet.exit_code == 1 and quiet.stderr == ""
    rerun = runner.invoke(main, ["code", str(tmp_path), "--db", str(dbs / "a.db"), "--log-format", "json"])
    lines = _json_lines(rerun.stderr)
    assert [line["type"] for line in lines] == ["error", "summary"]  # already-coded skips are not listed
    assert (lines[-1]["articles"], lines[-1]["skipped"], lines[-1]["reasons"]) == (
        0, 1, {"empty": 1, "already-coded": 1})


def test_log_format_json_set_up_error_is_one_json_line(runner, tmp_path):
    (tmp_path / "a.txt").write_text(DISPATCH)
    result = runner.invoke(main, ["code", str(tmp_path / "a.txt"), "--db", str(tmp_path / "no" / "such" / "t.db"),
                                  "--log-format", "json"])
    assert result.exit_code == 3
    (line,) = _json_lines(result.stderr)
    assert (line["type"], line["code"], line["exit"]) == ("fatal", "T501", 3) and "cannot open" in line["message"]


def test_an_overlong_jsonl_line_is_rejected_without_being_held_in_memory(tmp_path):
    """Inputs are streamed: a 30 MB line (over the size limit) costs about the limit in memory, not 30 MB,
    and the lines after it are still read with their right numbers."""
    import dataclasses
    import tracemalloc

    from thucydides import config
    from thucydides.ingest import read
    from thucydides.types import RawDocument, Rejected

    path = tmp_path / "dump.jsonl"
    with path.open("w") as handle:
        handle.write(json.dumps({"id": "a", "text": "KYIV, May 6 (Reuters) - Ukraine said talks resume."}) + "\n")
        handle.write('{"id": "huge", "text": "' + "x" * 30_000_000 + '"}\n')
        handle.write(json.dumps({"id": "b", "text": "MOSCOW, May 6. /TASS/. Russia said talks resume."}) + "\n")
    settings = dataclasses.replace(config.load(), max_document_bytes=1_000_000)
    tracemalloc.start()
    try:
        items = list(read([str(path)], settings))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [type(i) for i in items] == [RawDocument, Rejected, RawDocument]
    assert (items[0].id, items[2].id, items[2].ref.line) == ("a", "b", 3)
    assert (items[1].ref.line, items[1].reason) == (2, "too-large")
    assert peak < 6_000_000, f"reading held {peak:,} bytes"


def test_progress_line_shows_an_eta_when_the_corpus_size_is_known(tmp_path, monkeypatch, capsys):
    from thucydides import cli
    from thucydides.output import Summary

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join('{"text": "KYIV (Reuters) - Talks resumed."}\n' for _ in range(10)))
    progress = cli._Progress(enabled=True, inputs=(str(corpus),))
    assert progress.total == 10
    ticks = iter([progress.started + 5.0])
    monkeypatch.setattr(progress, "clock", lambda: next(ticks))
    summary = Summary()
    summary.articles = 4
    summary.failed = 1
    progress.update(summary)
    line = capsys.readouterr().err
    assert "5/10" in line and "ETA 5 s" in line  # 5 done in 5 s: 5 left take 5 s
