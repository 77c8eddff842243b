"""Ctrl-C (SIGINT) and SIGTERM during ``thucydides code`` (issue 17 part 7): the articles being coded are
finished and written, the run is closed as at a normal end (clusters, stories, run row), one line says how many
were stored, the exit status is 130 (SIGINT) or 143 (SIGTERM), and the same command resumes. A second signal
stops at once. The real-process tests send real signals; the first ones run in this process."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from thucydides.cli_signals import Interruption
from thucydides.batch.chunks import until_stopped

TIMEOUT = 300  # seconds any one process may take on a slow, busy machine; polling decides, never a sleep
STORED = re.compile(r"(\d+) stored(?: \(clusters and stories not rebuilt\))?; rerun the same command to resume")


def _corpus(tmp_path: Path, count: int) -> Path:
    """``count`` short dated dispatches, one JSON Lines record each (about 100 a second on one core)."""
    path = tmp_path / "corpus.jsonl"
    records = [{"id": f"a{i}", "published": f"2024-05-{1 + i % 28:02d}",
                "text": f"KYIV (Reuters) - Ukraine accused Russia of shelling the port of Odesa for the {i}th time, "
                        "officials said. Moscow denied the claim."} for i in range(count)]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --- in this process: the parts, and the chunk being coded is finished ----------------------------------------

def test_until_stopped_asks_before_reading_each_item():
    read: list[int] = []

    def items():  # noqa: ANN202
        for i in range(10):
            read.append(i)
            yield i

    asked = iter([False, False, False, True])
    assert list(until_stopped(items(), lambda: next(asked))) == [0]
    assert read == [0, 1]  # the item read when the stop came is not handed on
    assert list(until_stopped(range(3), None)) == [0, 1, 2]


def test_the_first_signal_asks_the_second_raises_and_a_block_holds_it_back():
    notices: list[str] = []
    interruption = Interruption(lambda signals: notices.append(signals.label) or None)
    before = signal.getsignal(signal.SIGINT)
    restore = interruption.install()
    try:
        assert not interruption() and interruption.status == 130
        interruption.handle(signal.SIGTERM, None)
        assert interruption() and notices == ["SIGTERM"] and interruption.status == 143
        assert not interruption.at_once
        with pytest.raises(KeyboardInterrupt), interruption.held():
            interruption.handle(signal.SIGINT, None)  # held back until the block ends
            notices.append("after")
        assert notices == ["SIGTERM", "after"] and interruption.at_once
        assert signal.getsignal(signal.SIGINT) is signal.SIG_DFL  # a third one ends the process
    finally:
        restore()
    assert signal.getsignal(signal.SIGINT) is before


@pytest.mark.parametrize("with_db", [True, False])
def test_ctrl_c_finishes_the_chunk_being_coded_and_reads_no_further(with_db, code_in_process, tmp_path,
                                                                    monkeypatch):
    """Ctrl-C while the first article is written: the other 31 of its chunk of 32 are written too, the second
    chunk is never coded; exit 130 after the summary."""
    import thucydides.cli as cli

    before = signal.getsignal(signal.SIGINT)
    corpus, db, out = _corpus(tmp_path, 40), tmp_path / "t.db", tmp_path / "out.jsonl"
    real, calls = cli.article_to_dict, []

    def interrupts_first(article):  # noqa: ANN001, ANN202
        calls.append(article)
        if len(calls) == 1:
            os.kill(os.getpid(), signal.SIGINT)
        return real(article)

    monkeypatch.setattr(cli, "article_to_dict", interrupts_first)
    result = code_in_process([str(corpus), "-o", str(out), *(["--db", str(db)] if with_db else [])])
    assert result.exit_code == 130 and "Traceback" not in result.stderr
    *_, summary, fatal = [json.loads(line) for line in result.stderr.splitlines()]
    what = "stored" if with_db else "written"
    assert summary["type"] == "summary" and summary["articles"] == 32
    assert (fatal["code"], fatal["exit"], fatal["signal"], fatal[what]) == ("T004", 130, "SIGINT", 32)
    assert f"32 {what}" in fatal["message"]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 32
    assert signal.getsignal(signal.SIGINT) is before  # the command put the handler back
    if with_db:
        with closing(sqlite3.connect(db)) as conn:
            assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 32
            assert conn.execute("SELECT finished IS NOT NULL, articles FROM runs").fetchall() == [(1, 32)]


# --- real processes, real signals ------------------------------------------------------------------------------

def _command(corpus: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "thucydides.cli", "code", str(corpus), *args]


def _start(command: list[str], stderr: Path) -> subprocess.Popen[bytes]:
    """A run in a process group of its own, as a shell runs a foreground job: Ctrl-C reaches the group."""
    with stderr.open("wb") as err:
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)


def _count(db: Path, table: str) -> int:
    with closing(sqlite3.connect(db, timeout=30)) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - a fixed name


def _wait_for(ready, process: subprocess.Popen[bytes], what: str) -> None:  # noqa: ANN001
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if ready():
                return
        except sqlite3.Error:  # the store is being created
            pass
        time.sleep(0.05)
    process.kill()
    pytest.fail(f"the run ended or hung before {what} (status {process.poll()})")


def _stored(db: Path) -> bool:
    return db.exists() and _count(db, "articles") > 0


def _send(process: subprocess.Popen[bytes], signum: int, *, group: bool) -> None:
    if group:
        os.killpg(process.pid, signum)  # what Ctrl-C on a terminal does (or systemd stopping a service)
    else:
        os.kill(process.pid, signum)  # kill PID


def _finish(process: subprocess.Popen[bytes]) -> int:
    try:
        return process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise


def _check_store(db: Path, stored: int, total: int) -> None:
    """Whole, holding exactly what the line said, the run row closed, clusters and stories built."""
    from thucydides.store import Store

    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == stored
        assert 0 < stored < total, "the signal came too late to test anything"
        assert conn.execute("SELECT finished IS NOT NULL, articles FROM runs").fetchall() == [(1, stored)]
        clusters = conn.execute("SELECT count(*) FROM clusters").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM story_articles").fetchone()[0] == stored
    with Store(db) as store:
        assert clusters > 0 and store.cluster(window_days=3) == clusters  # the rebuild saw every stored article


def _check_rerun(command: list[str], db: Path, stored: int, total: int) -> None:
    """The same command again codes only what the interrupted run did not store."""
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    assert rerun.returncode == 0, rerun.stderr
    if "json" in command:
        summary = json.loads(rerun.stderr.splitlines()[-1])
        assert (summary["articles"], summary["reasons"]) == (total - stored, {"already-coded": stored})
    else:
        assert f"{total - stored} articles coded" in rerun.stderr and f"{stored} skipped" in rerun.stderr
    assert _count(db, "articles") == total and _count(db, "story_articles") == total


@pytest.mark.parametrize(("signum", "group", "workers", "log", "status", "rerun"), [
    (signal.SIGINT, True, 1, "text", 130, True),    # Ctrl-C on a terminal
    (signal.SIGTERM, False, 1, "text", 143, False),  # kill PID
    (signal.SIGINT, True, 2, "json", 130, True),    # Ctrl-C reaches the workers too: they ignore it, the parent decides
    (signal.SIGTERM, True, 2, "text", 143, False),  # SIGTERM to the whole group ends the workers; the parent closes
])
def test_a_signal_closes_the_run_and_the_same_command_resumes(signum, group, workers, log, status, rerun,
                                                              tmp_path):
    total = 400 * workers  # the signal comes after the first chunk of 32: seconds before the end
    db, stderr = tmp_path / "t.db", tmp_path / "stderr.txt"
    command = _command(_corpus(tmp_path, total), "--db", str(db), "--workers", str(workers), "--log-format", log)
    process = _start(command, stderr)
    _wait_for(lambda: _stored(db), process, "the first articles were stored")
    _send(process, signum, group=group)
    assert _finish(process) == status
    text = stderr.read_text(encoding="utf-8")
    assert "Traceback" not in text
    if log == "json":
        lines = [json.loads(line) for line in text.splitlines()]  # nothing but JSON lines
        assert [line["type"] for line in lines] == ["warning", "summary", "fatal"]
        notice, _summary, fatal = lines
        assert (notice["reason"], notice["signal"]) == ("interrupting", "SIGINT")
        assert (fatal["code"], fatal["reason"], fatal["exit"]) == ("T004", "interrupted", status)
        text = fatal["message"]
        assert fatal["stored"] == int(STORED.search(text).group(1))
    else:
        assert "finishing the articles being coded" in text and "articles coded" in text  # notice, summary
    stored = int(STORED.search(text).group(1))
    _check_store(db, stored, total)
    if rerun:  # (the signal makes no difference to a rerun: two rows are enough)
        _check_rerun(command, db, stored, total)


def test_a_second_ctrl_c_stops_at_once_and_the_store_stays_whole(tmp_path):
    total = 800
    db, stderr = tmp_path / "t.db", tmp_path / "stderr.txt"
    command = _command(_corpus(tmp_path, total), "--db", str(db), "--workers", "2")
    process = _start(command, stderr)
    _wait_for(lambda: _stored(db), process, "the first articles were stored")
    os.killpg(process.pid, signal.SIGINT)
    _wait_for(lambda: "again to stop at once" in stderr.read_text(encoding="utf-8"), process, "the notice")
    os.killpg(process.pid, signal.SIGINT)
    assert _finish(process) == 130
    text = stderr.read_text(encoding="utf-8")
    assert "Traceback" not in text and "a second Ctrl-C (SIGINT), at once" in text
    stored = int(STORED.search(text).group(1))
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == stored
        assert conn.execute("SELECT finished IS NOT NULL, articles FROM runs").fetchall() == [(1, stored)]
    assert 0 < stored < total
    _check_rerun(command, db, stored, total)


def test_without_a_store_every_article_coded_is_written(tmp_path):
    total = 400
    out, stderr = tmp_path / "out.jsonl", tmp_path / "stderr.txt"
    process = _start(_command(_corpus(tmp_path, total), "-o", str(out)), stderr)
    _wait_for(lambda: out.exists() and out.stat().st_size > 0, process, "the first articles were written")
    os.killpg(process.pid, signal.SIGINT)
    assert _finish(process) == 130
    text = stderr.read_text(encoding="utf-8")
    assert "Traceback" not in text
    written = int(re.search(r"(\d+) written; without --db a rerun codes every input again", text).group(1))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]  # whole lines only
    assert len(records) == written and 0 < written < total
