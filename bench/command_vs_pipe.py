"""The whole `thucydides code` command against spaCy's own ``nlp.pipe``, both as a user runs them.

Run: .venv/bin/python bench/command_vs_pipe.py [--articles 400] [--repeat 3] [--shared ../shared] [--profile FILE]
     [--source DIR]

The corpus is the first N Reuters-21578 stories of at least 80 words from
../shared/corpus/articles/reuters21578_1987.jsonl, written to one JSON Lines file. Each side is a fresh
process timed from start to exit, so both include Python start-up and the model load:

- command: ``thucydides code CORPUS.jsonl -o OUT.jsonl -q`` (the installed script of this venv);
- nlp.pipe: ``python -c`` that loads the same spaCy package with ``spacy.load`` (without the project's lemma
  component and tokenizer setting, so spaCy alone), reads the same JSON Lines file and runs ``nlp.pipe`` over
  the ``text`` of every record with spaCy's default batch size.

The two sides alternate ``--repeat`` times. Printed for each: articles/s from the best wall-clock time (as a
user waits; the fastest run is the one least disturbed by other processes on a shared machine) and from the
least CPU time (user + system, from ``wait4``, which other processes disturb much less), and command/pipe for
both. Target (issue 18, part 3): at least 0.90. ``--profile FILE`` also runs the command once under cProfile
and writes its statistics to FILE (read with ``python -m pstats FILE``). ``--source DIR`` times the command of
another checkout (``git worktree add DIR COMMIT``), run from its source with this venv's packages, for a
before-and-after comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("thucydides")

PIPE = """
import json, sys
import spacy
from thucydides.nlp.model import CANDIDATES
for name in CANDIDATES:  # spaCy's own pipeline, as installed: none of the project's additions
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
with open(sys.argv[1], encoding="utf-8") as handle:
    texts = [json.loads(line)["text"] for line in handle]
print(sum(len(doc) for doc in nlp.pipe(texts)))
"""


def write_corpus(shared: Path, n: int, path: Path, min_words: int = 80) -> Path:
    """The first ``n`` Reuters-21578 stories of at least ``min_words`` words, as one JSON Lines file."""
    source = shared / "corpus" / "articles" / "reuters21578_1987.jsonl"
    count = 0
    with source.open(encoding="utf-8") as rows, path.open("w", encoding="utf-8") as out:
        for line in rows:
            if len(json.loads(line).get("text", "").split()) >= min_words:
                out.write(line)
                count += 1
                if count == n:
                    break
    if count < n:
        sys.exit(f"only {count} stories of at least {min_words} words in {source}")
    return path


def timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of ``command``, run to its end."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            sys.exit(f"{' '.join(command)} failed (status {status}):\n{errors.read().decode()[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--profile", type=Path, default=None, metavar="FILE")
    parser.add_argument("--source", type=Path, default=None, metavar="DIR",
                        help="time the command of the checkout in DIR instead of this one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="thucydides-cvp-") as tmp:
        corpus = write_corpus(args.shared, args.articles, Path(tmp) / "corpus.jsonl")
        output = Path(tmp) / "out.jsonl"
        command = [str(SCRIPT), "code", str(corpus), "-o", str(output), "-q"]
        if args.source is not None:  # the other checkout's package first on the path, started as the script is
            command[:1] = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(args.source.resolve())!r}); "
                           "sys.argv[0] = 'thucydides'; from thucydides.cli import main; main()"]
        pipe = [sys.executable, "-c", PIPE, str(corpus)]
        times: dict[str, list[tuple[float, float]]] = {"command": [], "pipe": []}
        for _ in range(args.repeat):
            times["pipe"].append(timed(pipe))
            times["command"].append(timed(command))
        written = sum(1 for _ in output.open(encoding="utf-8"))
        wall = {side: args.articles / min(w for w, _ in runs) for side, runs in times.items()}
        cpu = {side: args.articles / min(c for _, c in runs) for side, runs in times.items()}
        for side, runs in times.items():
            print(f"{side:8} {wall[side]:6.2f} articles/s wall-clock, {cpu[side]:6.2f} per CPU second "
                  f"(runs: {', '.join(f'{w:.1f} s ({c:.1f} s CPU)' for w, c in runs)})")
        ratio = wall["command"] / wall["pipe"]
        print(f"{args.articles} articles ({written} written): command/pipe {ratio:.2f} wall-clock, "
              f"{cpu['command'] / cpu['pipe']:.2f} CPU (target >= 0.90: {'met' if ratio >= 0.9 else 'NOT met'})")
        if args.profile:
            timed([sys.executable, "-m", "cProfile", "-o", str(args.profile), "-m", "thucydides.cli", *command[1:]])
            print(f"profile of the command written to {args.profile}")


if __name__ == "__main__":
    main()
