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
