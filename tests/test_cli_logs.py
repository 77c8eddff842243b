"""``--log-format json`` keeps standard error to JSON lines whatever happens (issue 18): a library's own output
becomes a warning line, a usage or settings error one fatal line, and a bug or Ctrl-C in mid-run closes the run
(summary, run row finished) before its fatal line. Runs ``code`` in this process with the session's model."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from thucydides.cli import main

TEXT = "KYIV, March 3 (Reuters) - Russian forces shelled Kharkiv on Monday, the Ukrainian military said."


def _file(tmp_path, name: str, data: str | bytes) -> str:  # noqa: ANN001
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return str(path)


# --- an unexpected stop still closes the run ---------------------------------------------------------------

@pytest.mark.parametrize(("exc", "code_reason", "status"), [(RuntimeError("boom"), ("T003", "internal"), 1),
                                                            (KeyboardInterrupt(), ("T004", "interrupted"), 130)])
def test_an_unexpected_stop_closes_the_run_then_writes_one_fatal_line(exc, code_reason, status, code_in_process,
                                                                      tmp_path, monkeypatch):
    import sqlite3

    import thucydides.cli as cli

    paths = [_file(tmp_path, f"{i}.txt", TEXT.replace("Monday", day)) for i, day in enumerate(("Monday", "Friday"))]
    real, calls = cli.article_to_dict, []

    def fails_second(article):  # noqa: ANN001, ANN202
        calls.append(article)
        if len(calls) == 2:
            raise exc
        return real(article)

    monkeypatch.setattr(cli, "article_to_dict", fails_second)
    result = code_in_process([*paths, "--db", str(tmp_path / "t.db")])
    assert result.exit_code == status and "Traceback" not in result.stderr
    *_, summary, fatal = [json.loads(line) for line in result.stderr.splitlines()]
    assert summary["type"] == "summary" and summary["articles"] == 2
    assert (fatal["type"], fatal["code"], fatal["reason"], fatal["exit"]) == ("fatal", *code_reason, status)
    assert len(result.stdout.splitlines()) == 1
    with sqlite3.connect(tmp_path / "t.db") as db:
        assert db.execute("SELECT finished IS NOT NULL, articles FROM runs").fetchall() == [(1, 2)]


# --- JSON log mode: nothing but JSON lines on standard error -----------------------------------------------

def _warc_with_junk() -> bytes:
    """Two HTML response records with stray bytes between them: warcio prints a warning of its own."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for url in ("https://example.org/1", "https://example.org/2"):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        page = f"<html><body><article><p>{TEXT}</p></article></body></html>".encode()
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page),
                                                      http_headers=headers))
    data = buffer.getvalue()
    second = data.index(b"WARC/1.", 10)
    return data[:second - 4] + b"JUNK\r\n" + data[second - 4:]


def test_json_mode_turns_what_a_library_prints_into_warning_lines(code_in_process, tmp_path):
    result = code_in_process([_file(tmp_path, "junk.warc", _warc_with_junk())])
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    (warning,) = [line for line in lines if line["type"] == "warning"]
    assert warning["reason"] == "library-output" and "Content-Length is invalid" in warning["message"]
    assert lines[-1]["articles"] == 2 and result.exit_code == 0


@pytest.mark.parametrize(("args", "code_reason", "status"), [
    (["--bogus"], ("T001", "usage"), 2),
    ([], ("T001", "usage"), 2),
    (["x.txt", "--config", "{config}"], ("T002", "config"), 2),
])
def test_json_mode_usage_and_settings_errors_are_one_fatal_line(args, code_reason, status, tmp_path):
    config = _file(tmp_path, "c.toml", "[nlp]\nbatch_size = 0\n")
    result = CliRunner().invoke(main, ["code", *[a.format(config=config) for a in args], "--log-format", "json"])
    (line,) = [json.loads(line) for line in result.stderr.splitlines()]
    assert (line["type"], line["code"], line["reason"], line["exit"]) == ("fatal", *code_reason, status)
    assert result.exit_code == status


def test_json_mode_ctrl_c_before_coding_is_one_fatal_line_not_aborted(tmp_path, monkeypatch):
    def interrupt(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise KeyboardInterrupt

    monkeypatch.setattr("thucydides.config.load", interrupt)
    result = CliRunner().invoke(main, ["code", _file(tmp_path, "a.txt", TEXT), "--log-format", "json"])
    (line,) = [json.loads(line) for line in result.stderr.splitlines()]
    assert (line["type"], line["code"], line["reason"]) == ("fatal", "T004", "interrupted")
    assert result.exit_code == 1 and "Aborted!" not in result.stderr


def test_the_issue_command_in_a_real_process(tmp_path):
    """Issue 18's reproduction, as a user runs it: the bad record is one error line, the good article written."""
    import subprocess
    import sys

    from conftest import SAMPLES

    bad = _file(tmp_path, "n.jsonl", json.dumps({"id": "a", "text": TEXT, "published": 1e20}) + "\n")
    out = tmp_path / "o.jsonl"
    result = subprocess.run([sys.executable, "-m", "thucydides.cli", "code", str(SAMPLES / "05_reuters_grain_ship.txt"),
                             bad, "-o", str(out), "--log-format", "json"], capture_output=True, text=True, timeout=300)
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(line["type"], line.get("code")) for line in lines] == [("error", "T111"), ("summary", None)]
    assert lines[0]["input"] == f"{bad}:1" and "'published' holds 1e+20" in lines[0]["message"]
    assert len(out.read_text().splitlines()) == 1 and result.returncode == 1
