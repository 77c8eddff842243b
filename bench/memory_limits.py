"""Peak memory of `thucydides code` on the worst inputs under the limits (issue 18, part 3).

Run: .venv/bin/python bench/memory_limits.py [--cases NAME ...] [--stop-mb 12000] [--shared ../shared]

Every case is one real run, as a user starts it (``thucydides code INPUTS -o OUT.jsonl -q``, a fresh process,
model load included), on inputs generated here from the Reuters-21578 stories of
../shared/corpus/articles/reuters21578_1987.jsonl (ASCII, so a character is a byte):

- ``reuters``: 400 ordinary stories of at least 80 words, for comparison (``reuters-workers-2``: with
  ``--workers 2``);
- ``press-longest``: the three longest official press releases of ../shared (71-176 KB; real documents);
- ``paragraph-900k``: a headline, then one 900 KB paragraph: the stories' sentences run together, no line break;
- ``run-900k``: the same without a full stop, question mark, semicolon or line break (no sentence to find);
- ``five-990k``: a 4.95 MB file of five 990 KB paragraphs (under ``max_document_bytes``, 5,000,000);
- ``five-990k-workers-2``: two such files with ``--workers 2``: each worker codes one at the same time.

Printed per case: the peak RSS of the largest single process (the kernel's ``ru_maxrss`` from ``wait4``, which
covers the worker processes the command reaped), the highest RSS of the whole process tree sampled from /proc
every 0.2 s, the duration, the exit status and what was written. A run whose tree passes ``--stop-mb`` is
killed and reported as "more than" that. The bound documented in docs/performance.md is checked against the
per-process peak (``--bound-mb``, 1,536 MB).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from memory import _rss_kb

REPO = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("thucydides")
CASES = ("reuters", "reuters-workers-2", "press-longest", "paragraph-900k", "run-900k", "five-990k",
         "five-990k-workers-2")


def _stories(shared: Path) -> Iterator[dict]:
    with (shared / "corpus" / "articles" / "reuters21578_1987.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if len(row.get("text", "").split()) >= 80:
                yield row


def paragraph(shared: Path, size: int, *, sentences: bool = True) -> str:
    """``size`` characters of the stories' text as one paragraph: whitespace runs made one space; without
    ``sentences`` also no ``.``, ``!``, ``?`` or ``;``, so nothing marks where a sentence ends."""
    parts, length = [], 0
    while length < size:
        for row in _stories(shared):
            text = " ".join(row["text"].split())
            if not sentences:
                text = re.sub(r"[.!?;]", "", text)
            parts.append(text)
            length += len(text) + 1
            if length >= size:
                break
    return " ".join(parts)[:size].rstrip() + "."


def write_inputs(case: str, shared: Path, folder: Path) -> list[Path]:
    if case.startswith("reuters"):
        path = folder / "reuters.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for row in itertools.islice(_stories(shared), 400):
                out.write(json.dumps(row) + "\n")
        return [path]
    if case == "press-longest":
        path = folder / "press.jsonl"
        source = shared / "corpus" / "articles" / "official_press_releases_2021_2022.jsonl"
        rows = [json.loads(line) for line in source.open(encoding="utf-8")]
        rows.sort(key=lambda row: len(row.get("text") or ""))
        path.write_text("".join(json.dumps(row) + "\n" for row in rows[-3:]), encoding="utf-8")
        return [path]
    if case in ("paragraph-900k", "run-900k"):
        path = folder / f"{case}.txt"
        body = paragraph(shared, 900_000, sentences=case == "paragraph-900k")
        path.write_text("Grain and oil markets in review\n\n" + body + "\n", encoding="ascii")
        return [path]
    paths = []
    for copy in range(2 if case.endswith("workers-2") else 1):
        path = folder / f"five-990k-{copy}.txt"
        path.write_text("\n\n".join(paragraph(shared, 990_000 - copy) for _ in range(5)), encoding="ascii")
        assert path.stat().st_size < 5_000_000, path.stat().st_size
        paths.append(path)
    return paths


def measure(command: list[str], stop_kb: int, every: float = 0.2) -> dict:
    """Run ``command``; its peak RSS (largest process, from ``wait4``), the sampled peak of its process tree,
    seconds and exit status; killed (with its process group) once the tree passes ``stop_kb``."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, start_new_session=True)
        sampled, stopped = 0, False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            rss = _rss_kb(process.pid)
            sampled = max(sampled, rss)
            if rss > stop_kb and not stopped:
                stopped = True
                os.killpg(process.pid, signal.SIGKILL)
            time.sleep(every)
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    return {"exit": os.waitstatus_to_exitcode(status), "seconds": time.perf_counter() - started,
            "peak_kb": usage.ru_maxrss, "sampled_kb": sampled, "stopped": stopped, "stderr": stderr}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES), metavar="NAME")
    parser.add_argument("--stop-mb", type=int, default=12_000, help="kill a run whose process tree passes this")
    parser.add_argument("--bound-mb", type=int, default=1_536, help="the documented bound per process")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    over = []
    with tempfile.TemporaryDirectory(prefix="thucydides-memlimits-") as tmp:
        folder = Path(tmp)
        for case in args.cases:
            inputs = write_inputs(case, args.shared, folder)
            output = folder / f"{case}.out.jsonl"
            workers = ["--workers", "2"] if case.endswith("workers-2") else []
            command = [str(SCRIPT), "code", *map(str, inputs), "-o", str(output), *workers]
            result = measure(command, args.stop_mb * 1024)
            size = sum(p.stat().st_size for p in inputs)
            records = [json.loads(line) for line in output.open(encoding="utf-8")] if output.exists() else []
            sentences = sum(len(r.get("sentences", ())) for r in records)
            failures = [line for line in result["stderr"].splitlines() if line.startswith("error:")]
            peak = f"more than {args.stop_mb} MB (stopped)" if result["stopped"] else \
                f"{result['peak_kb'] / 1024:.0f} MB"
            print(f"{case:20} {size / 1e6:5.2f} MB in: peak RSS {peak} per process, "
                  f"{result['sampled_kb'] / 1024:.0f} MB sampled for the process tree; "
                  f"{result['seconds']:.0f} s, exit {result['exit']}, "
                  f"{len(records)} articles ({sentences} sentences), {len(failures)} failed", flush=True)
            for line in failures[:3]:
                print(f"    {line[:200]}")
            if result["stopped"] or result["peak_kb"] > args.bound_mb * 1024:
                over.append(case)
    verdict = f"NOT met by {', '.join(over)}" if over else "met by every case"
    print(f"bound {args.bound_mb} MB per process: {verdict}")


if __name__ == "__main__":
    main()
