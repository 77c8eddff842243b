"""The ``thucydides`` command: argument parsing and reporting only; the work is in the stages.

Exit status: 0 all inputs coded (skips such as not-english included), 1 some inputs failed, 2 usage error,
3 set-up error (no usable spaCy model, a store that cannot be opened, read or written, an output that cannot be
written), 130 stopped by Ctrl-C (SIGINT), 143 stopped by SIGTERM.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

import click

from thucydides import __version__, config
from thucydides.cli_logs import JsonGroup, json_line, stopped
from thucydides.cli_signals import Interruption
from thucydides.errors import ConfigError, Interrupted, ModelError, OutputError, StoreError, ThucydidesError
from thucydides.output import Summary, article_table_row, article_to_dict, is_failure
from thucydides.structure.dates import parse_date
from thucydides.types import Article, Rejected

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_SETUP = 0, 1, 2, 3


def _field_mapping(values: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for value in values:
        name, sep, column = value.partition("=")
        if not sep or not name or not column:
            raise click.BadParameter(f"{value!r} is not NAME=FIELD (e.g. text=body)", param_hint="--field")
        mapping[name.strip()] = column.strip()
    return mapping


@click.group(cls=JsonGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="thucydides")
def main() -> None:
    """Thucydides: news dispatches to political event data, every claim traced to its source."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default=None,
              help="Output format: jsonl (one JSON record per article) or table. Default: table on a terminal, "
                   "else jsonl.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write output here.")
@click.option("--published", default=None, metavar="DATE",
              help="Publication date (ISO, e.g. 2022-11-06) for every article; also gives year-less datelines "
                   "their year. Without it, an article with no date of its own stays undated.")
@click.option("--date-from-filename", is_flag=True,
              help="Date an article that states no date of its own from its file's name when the name holds "
                   "one (2024-05-01_story.txt, tass-20240501.html).")
@click.option("--outlet", default=None, metavar="NAME", help="Outlet name for every article.")
@click.option("--field", "fields", multiple=True, metavar="NAME=FIELD",
              help="JSON Lines field to read NAME (id, text, headline, published, outlet, url, byline, dek) from; "
                   "repeatable.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes, one spaCy model each.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="TOML settings file overriding thucydides/defaults.toml.")
@click.option("-q", "--quiet", is_flag=True, help="No summary or per-input error lines on stderr.")
@click.option("--db", "db_path", default=None, metavar="PATH",
              help="Also store every article, actor, event and failure in this SQLite database (created if "
                   "missing); articles already coded by the same pipeline version are skipped.")
@click.option("--recode", is_flag=True, help="With --db: code again articles the store already has.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: this machine (--workers processes); ray: Ray actors (pip install 'thucydides[ray]').")
@click.option("--address", default=None, metavar="ADDR",
              help="With --engine ray: the cluster to join ('auto', 'ray://host:10001'); default starts a local Ray.")
@click.option("--parquet-out", default=None, metavar="DIR",
              help="With --engine ray: each Ray actor also writes the events it codes to Parquet shards in DIR "
                   "(the columns of `export --format parquet`; needs pip install 'thucydides[parquet]').")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Standard error: text lines, or one JSON object per line (each failure, skip and warning, "
                   "then a summary) and no progress bar.")
@click.option("--input-format", type=click.Choice(["auto", "text", "html", "jsonl", "feed", "warc"]),
              default="auto", show_default=True,
              help="The format of every input (gzip or not); auto: detected per input from its first record.")
def code(inputs: tuple[str, ...], fmt: str | None, output: IO[str], published: str | None,
         date_from_filename: bool, outlet: str | None, fields: tuple[str, ...], workers: int,
         config_path: str | None, quiet: bool, db_path: str | None, recode: bool, engine: str,
         address: str | None, parquet_out: str | None, log_format: str, input_format: str) -> None:
    """Read INPUT files, directories, globs or - (stdin) and code every article in them.

    Formats are detected from content: plain text, HTML, JSON Lines, RSS/Atom, WARC (gzip or not).
    With --db the records go to the database, and to standard output only when --format or -o is given.
    Ctrl-C or SIGTERM finishes the articles being coded, writes them and closes the run (exit 130 or 143);
    a second one stops at once.
    """
    import time
    from dataclasses import asdict

    log = _Log(json_lines=log_format == "json", quiet=quiet)
    on_tty = not quiet and log_format == "text" and sys.stderr.isatty()  # where the progress line is drawn
    interruption = Interruption(lambda signals: log.interrupting(signals, after_progress=on_tty))
    click.get_current_context().call_on_close(interruption.install())  # before the slow imports

    from thucydides.batch.engines import run  # imported here: `--help` stays fast
    from thucydides.pipeline import pipeline_version

    try:
        valid = published is None or parse_date(published) is not None
    except ThucydidesError:  # a date with an impossible UTC offset
        valid = False
    if not valid:
        raise click.BadParameter(f"{published!r} is not a date (use YYYY-MM-DD)", param_hint="--published")
    if published and date_from_filename:
        raise click.UsageError("--published dates every article, so --date-from-filename would never be used: "
                               "give one of them")
    try:
        settings = config.load(config_path, published=published, outlet=outlet,
                               date_from_filename=date_from_filename or None,
                               input_format=None if input_format == "auto" else input_format)
        settings = settings.with_fields(_field_mapping(fields))
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    if parquet_out is not None and engine != "ray":
        raise click.UsageError("--parquet-out needs --engine ray (locally: code --db, then export --format parquet)")
    explicit_output = fmt is not None or output.name != "<stdout>"
    fmt = fmt or ("table" if output.isatty() else "jsonl")
    if parquet_out is not None:
        from thucydides.store.query import pyarrow_modules

        try:
            pyarrow_modules()
        except ImportError as exc:
            log.fatal(ConfigError(str(exc)), EXIT_SETUP)
    summary = Summary()
    progress = _Progress(enabled=on_tty, inputs=inputs)  # counting the inputs may take a while: before the run row
    store, run_id, version, skip = None, 0, pipeline_version(), frozenset()
    if db_path:
        from thucydides.store import Store

        try:
            store = Store(db_path)
            run_id = store.begin_run(pipeline_version=version, settings=asdict(settings), inputs=inputs)
            skip = frozenset() if recode else frozenset(store.coded(version))
        except StoreError as exc:
            if store is not None:
                store.close()
            log.fatal(exc, EXIT_SETUP, fault=exc.fault)
    started = time.perf_counter()
    if parquet_out is not None:
        from datetime import UTC, datetime

        from thucydides.batch.ray_engine import run_ray

        # shards of one run share a prefix: the store's run id, else the start time
        prefix = f"run-{run_id}-" if store is not None else datetime.now(UTC).strftime("%Y%m%dT%H%M%S-")
        items = run_ray(list(inputs), settings, workers=workers, address=address, skip=skip,
                        parquet_out=parquet_out, shard_prefix=prefix, stop=interruption)
    else:
        items = run(list(inputs), settings, workers=workers, skip=skip, engine=engine, address=address,
                    stop=interruption, tokens=False)  # nothing written needs tokens: workers keep them
    stop: ThucydidesError | None = None
    written = 0  # articles committed to the store (with --db), else written to the output
    try:
        for item in items:
            with interruption.held():  # a second Ctrl-C waits until this article is written and counted
                summary.add(item)
                progress.update(summary)
                if store is not None:
                    if isinstance(item, Article):
                        store.write_article(item, run_id, version)
                        written += 1
                    elif is_failure(item):
                        store.write_failure(item, run_id)
                if store is None or explicit_output:
                    _emit(item, fmt, output, log)
                    if store is None and isinstance(item, Article):
                        written += 1
                elif isinstance(item, Rejected) and item.reason != "already-coded":
                    _emit(item, fmt, output, log)
    except ModelError as exc:
        log.fatal(exc, EXIT_SETUP)
    except (StoreError, OutputError) as exc:  # the store or the output cannot be written: close what can be
        stop = exc
        if hasattr(items, "close"):
            items.close()
    except ThucydidesError as exc:
        log.fatal(exc, EXIT_SOME_FAILED)
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - a bug or a second Ctrl-C: close the run
        stop = stopped(exc)
        if hasattr(items, "close"):
            items.close()  # a process pool ends its workers now
    progress.close()
    seconds = time.perf_counter() - started
    unwritten = _finish_output(output, failed=isinstance(stop, OutputError))  # -o FILE: flushed and closed
    stop = stop or unwritten
    if store is not None and isinstance(stop, StoreError):
        store.close()  # the store failed: its run row stays open, as after kill -9, and a rerun resumes
    elif store is not None:
        failure = _close_run(store, run_id, settings, summary, seconds, rebuild=not interruption.at_once)
        stop = stop or (failure if isinstance(failure, StoreError) else stopped(failure) if failure else None)
    log.summary(summary, seconds, stored=(db_path, run_id, version) if db_path else None)
    if stop is not None and not isinstance(stop, Interrupted):  # a bug is reported even after Ctrl-C
        if isinstance(stop, (StoreError, OutputError)):
            log.fatal(stop, EXIT_SETUP, **({"fault": stop.fault} if isinstance(stop, StoreError) else {}))
        log.fatal(stop, EXIT_SOME_FAILED)
    if interruption() or stop is not None:
        log.fatal(interruption.error(written, store=store is not None), interruption.status,
                  signal=interruption.name, **{"stored" if store is not None else "written": written})
    if summary.failed:
        sys.exit(EXIT_SOME_FAILED)


def _close_run(store: Any, run_id: int, settings: config.Settings, summary: Summary, seconds: float, *,
               rebuild: bool) -> BaseException | None:
    """The end of a run with --db, also after Ctrl-C: rebuild the clusters and update the stories (unless a
    second Ctrl-C said stop at once), then mark the run row finished. Returns what failed, if anything."""
    failure: BaseException | None = None
    try:
        if rebuild:
            from thucydides.stories import Rule
            from thucydides.store.stories import update as update_stories

            update_stories(store, Rule.from_settings(settings))  # stories and relays: a syndicated copy ...
            store.cluster(window_days=settings.cluster_window_days)  # ... is then counted once in the clusters
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - a bug, or a second Ctrl-C while clustering
        failure = exc
    try:
        store.finish_run(run_id, articles=summary.articles, skipped=summary.skipped, failed=summary.failed,
                         seconds=seconds)
        store.close()
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001
        failure = failure or exc
    return failure


class _Log:
    """What `code` writes on standard error: text lines for people, or one JSON object per line (``--log-format
    json``): ``{"type": "error"|"skipped"|"warning"|"fatal"|"summary", ...}``. ``quiet`` silences both."""

    def __init__(self, *, json_lines: bool, quiet: bool) -> None:
        self.json_lines, self.quiet = json_lines, quiet

    def _json(self, kind: str, **fields: Any) -> None:
        click.echo(json_line(kind, **fields), err=True)

    def rejected(self, item: Rejected) -> None:
        if self.quiet:
            return
        label = "error" if is_failure(item) else "skipped"
        if self.json_lines:
            ref = item.ref
            self._json(label, input=str(ref), file=ref.path, line=ref.line, record=ref.record, stage=item.stage,
                       code=item.code, reason=item.reason, message=item.message)
        else:
            click.echo(f"{label}: {item}", err=True)

    def warning(self, article: Article, warning: str) -> None:
        if self.quiet:
            return
        if self.json_lines:
            ref = article.ref
            self._json("warning", input=str(ref), file=ref.path, line=ref.line, record=ref.record, id=article.id,
                       reason=warning.partition(":")[0], message=warning)
        else:
            click.echo(f"warning: {article.ref}: {warning}", err=True)

    def fatal(self, exc: ThucydidesError, status: int, **fields: Any) -> None:
        """The run cannot go on (no model, no store, a bug, Ctrl-C): one line, then exit with ``status``;
        ``fields`` are added to the JSON line."""
        if self.json_lines:
            self._json("fatal", code=exc.code, reason=exc.reason, message=str(exc), exit=status, **fields)
        else:
            click.echo(f"thucydides: {exc}", err=True)
        sys.exit(status)

    def interrupting(self, signals: Interruption, *, after_progress: bool) -> str | None:
        """The line written the moment Ctrl-C or SIGTERM arrives (from the signal handler: it only builds it)."""
        if self.quiet:
            return None
        again = "press Ctrl-C" if signals.name == "SIGINT" else "send SIGTERM"
        message = (f"{signals.label}: finishing the articles being coded, then writing them and closing the run; "
                   f"{again} again to stop at once")
        if self.json_lines:
            return json_line("warning", input=None, reason="interrupting", signal=signals.name, message=message)
        return ("\n" if after_progress else "") + f"thucydides: {message}"

    def summary(self, summary: Summary, seconds: float, stored: tuple[str, int, str] | None) -> None:
        if self.quiet:
            return
        if self.json_lines:
            db, run_id, version = stored or (None, None, None)
            self._json("summary", articles=summary.articles, events=summary.events, failures=summary.failed,
                       skipped=summary.skipped, sentences=summary.sentences, actors=summary.actors,
                       undated=summary.undated,
                       seconds=round(seconds, 3), articles_per_s=round(summary.articles / max(seconds, 1e-9), 3),
                       reasons=dict(summary.reasons.most_common()), db=db, run=run_id, pipeline=version)
            return
        for line in summary.lines():
            click.echo(line, err=True)
        if stored:
            click.echo(f"stored in {stored[0]} (run {stored[1]}, pipeline {stored[2]})", err=True)
        if summary.failed:
            click.echo(f"thucydides: {summary.failed} input(s) failed", err=True)


class _Progress:
    """One status line on a terminal: articles, rate, events, failures (redrawn at most 4 times a second)."""

    def __init__(self, *, enabled: bool, inputs: tuple[str, ...] = ()) -> None:
        import time

        from thucydides.ingest.sources import count_documents

        self.enabled, self.clock, self.started, self.last = enabled, time.perf_counter, time.perf_counter(), 0.0
        self.total = count_documents(inputs) if enabled and inputs else None  # for the ETA; None: unknown

    def update(self, summary: Summary) -> None:
        now = self.clock()
        if not self.enabled or now - self.last < 0.25:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-9)
        rate = summary.articles / elapsed
        line = (f"\r{summary.articles} articles ({rate:.1f}/s), {summary.events} events, {summary.skipped} "
                f"skipped, {summary.failed} failed, {elapsed:.0f} s")
        done = summary.articles + summary.skipped + summary.failed
        if self.total and done:
            left = max(self.total - done, 0) * elapsed / done
            line += f", {done}/{self.total}, ETA {_duration(left)}"
        click.echo(line + " ", nl=False, err=True)

    def close(self) -> None:
        if self.enabled and self.last:
            click.echo("", err=True)


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def _emit(item: Article | Rejected, fmt: str, output: IO[str], log: _Log) -> None:
    if isinstance(item, Rejected):
        log.rejected(item)
        return
    for warning in item.warnings:
        if warning.startswith("encoding-"):  # the user should know their bytes were not what they said
            log.warning(item, warning)
    text = json.dumps(article_to_dict(item), ensure_ascii=False) + "\n" if fmt == "jsonl" else \
        article_table_row(item) + "\n\n"
    try:
        output.write(text)
    except (OSError, click.FileError) as exc:  # a full disk, a file that cannot be created
        raise _output_error(output, exc) from exc


def _output_error(output: IO[str], exc: BaseException) -> OutputError:
    name = getattr(output, "name", None)
    where = "standard output" if name in (None, "-", "<stdout>") else str(name)
    reason = getattr(exc, "strerror", None) or getattr(exc, "message", None) or str(exc)
    return OutputError(f"cannot write the output: {reason}", source=where)


def _finish_output(output: IO[str], *, failed: bool) -> OutputError | None:
    """Flush the output (close it, if a file): what it still held is written now. Its error, if any; after a
    write that failed already (``failed``), what is left is dropped quietly."""
    try:
        close = getattr(output, "close_intelligently", None)  # click's lazy -o FILE
        (close or output.flush)()
    except (OSError, click.FileError) as exc:
        if getattr(output, "name", None) == "<stdout>":
            try:  # what is buffered for standard output would fail again as Python exits
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError, AttributeError):
                pass
        return None if failed else _output_error(output, exc)
    return None


@main.group(name="eval")
def evaluate() -> None:
    """Measure a stage against gold data and print the figures."""


@evaluate.command(name="html")
@click.argument("manifest", type=click.Path(exists=True, dir_okay=False))
@click.option("--failures", is_flag=True, help="Also list every page and field that missed.")
def eval_html(manifest: str, failures: bool) -> None:
    """Score HTML extraction on a manifest in the ../shared/corpus/html format."""
    from pathlib import Path

    from thucydides.evaluation.html import score_html_corpus

    scores = score_html_corpus(Path(manifest))
    click.echo(scores.summary())
    if failures:
        for miss in scores.failures:
            click.echo(f"  {miss}")


@evaluate.command(name="events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--failures", is_flag=True,
              help="Also list the tune half's sentences whose type+countries did not match (never the check half's).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_events(gold: str, failures: bool, as_json: bool) -> None:
    """Score event coding on gold sentences in the ../shared/gold/events format (CAMEO or PLOVER): the whole
    file, its tune and check halves (split by a hash of each id), and the gap between them."""
    from pathlib import Path

    from thucydides.evaluation.events import read_gold, score_halves
    from thucydides.pipeline import Coder

    try:
        records = read_gold(Path(gold))
    except ValueError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    coder = _or_setup_exit(lambda: Coder(config.load()))
    articles = coder.code_sentences([(r["text"], r.get("date")) for r in records])
    _print_scores(score_halves(records, [a.events for a in articles]), as_json, failures)


@evaluate.command(name="attribution")
@click.argument("annotations", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--shared", default="../shared", show_default=True, type=click.Path(exists=True, file_okay=False),
              help="The shared data folder the annotations' offsets point into.")
@click.option("--failures", is_flag=True,
              help="Also list the tune half's missed quotes and wrong chains (never the check half's).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_attribution(annotations: tuple[str, ...], shared: str, failures: bool, as_json: bool) -> None:
    """Score quotes, speakers and chains on annotation files in the tests/data/attribution format: recall by
    class (direct, indirect, unsourced) and by cue, precision, speaker accuracy, chains, for each file and its
    tune and check halves."""
    from pathlib import Path

    from thucydides.evaluation.attribution import load_cases, score_halves
    from thucydides.pipeline import Coder

    coder = _or_setup_exit(lambda: Coder(config.load()))
    results = []
    for path in annotations:
        try:
            cases = load_cases(Path(path), Path(shared))
        except (OSError, KeyError, ValueError) as exc:
            click.echo(f"error: {path}: cannot read the annotations or their source records ({exc})", err=True)
            sys.exit(1)
        articles = coder.code_chunk([raw for _note, _text, raw in cases])
        results.append(score_halves(Path(path).name, cases, articles))
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], indent=2))
    else:
        for result in results:
            _print_scores(result, False, failures)


def _or_setup_exit(load: Any) -> Any:
    """``load()`` (the spaCy pipeline, an optional package, or what holds them), or exit with status 3 and the
    reason (an ImportError's message names the extra to install)."""
    try:
        return load()
    except (ModelError, ImportError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_SETUP)


def _print_scores(scores: Any, as_json: bool, failures: bool) -> None:
    """The figures of an `eval` command (JSON or lines), then its misses when asked."""
    click.echo(json.dumps(scores.to_dict(), indent=2) if as_json else scores.summary())
    if failures:
        for miss in scores.misses:
            click.echo(f"  {miss}")


@evaluate.command(name="modality")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--failures", is_flag=True, help="Also list events coded 1.5 or more away from the gold.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_modality(gold: str, failures: bool, as_json: bool) -> None:
    """Score modality (polarity, certainty) on factuality gold such as MEANTIME (-3..+3)."""
    from pathlib import Path

    from thucydides.evaluation.modality import read_gold, score
    from thucydides.nlp import Parser, load_model
    from thucydides.types import InputRef, Span

    records = read_gold(Path(gold))
    settings = config.load()
    parser = _or_setup_exit(lambda: Parser(load_model(settings.model, disable=settings.disable)))
    articles = [Article(id=str(i), ref=InputRef(gold, line=i + 1), format="text", text=r["text"],
                        paragraphs=(Span(0, len(r["text"])),)) for i, r in enumerate(records)]
    parsed = parser(articles)
    _print_scores(score(records, [a.sentences for a in parsed], [a.text for a in parsed]), as_json, failures)


@main.command()
@click.argument("text")
@click.option("--date", "on", default=None, metavar="DATE", help="Date roles are checked against (default: today).")
@click.option("--dateline", "dateline_country", default=None, metavar="ISO3",
              help="Country of the dateline, for role phrases that name no country (\"the governor\").")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def actors(text: str, on: str | None, dateline_country: str | None, fmt: str) -> None:
    """Resolve the actors in TEXT and show the evidence for each code."""
    from datetime import date as date_type

    from thucydides.actors import Resolver
    from thucydides.nlp import Parser, load_model
    from thucydides.types import InputRef, Span

    try:
        when = date_type.fromisoformat(on) if on else date_type.today()
    except ValueError as exc:
        raise click.BadParameter(f"not an ISO date: {on!r}", param_hint="--date") from exc
    settings = config.load()
    parser = _or_setup_exit(lambda: Parser(load_model(settings.model, disable=settings.disable)))
    article = Article(id="cli", ref=InputRef("<argument>"), format="text", text=text,
                      paragraphs=(Span(0, len(text)),))
    parsed = parser([article])[0]
    mentions = Resolver().sentences(parsed.sentences, text, on=when, country=dateline_country)
    if fmt == "json":
        click.echo(json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, indent=2))
        return
    if not mentions:
        click.echo("no actor found")
    for m in mentions:
        a = m.actor
        click.echo(f"{m.text!r} [{m.start}:{m.end}] -> {a.code}  country={a.country or '-'} "
                   f"sector={a.sector or '-'}  name={a.name!r}  entity={a.entity or '-'}  kind={a.kind}")
        click.echo(f"    rule {m.rule}: {m.evidence}")


@main.command()
@click.option("--db", "db_path", default="thucydides.db", show_default=True, metavar="PATH",
              help="The database written by `code --db`.")
@click.option("--top", default=10, show_default=True, help="How many dyads and outlets to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(db_path: str, top: int, as_json: bool) -> None:
    """Counts over a store: articles, events by CAMEO root, QuadClass and PLOVER type, top dyads, outlets."""
    with _open_store(db_path, read_only=True) as store:
        counts = store.stats(top=top)
    if as_json:
        click.echo(json.dumps(counts, indent=2))
        return
    click.echo(f"{counts['articles']} articles, {counts['sentences']} sentences, {counts['actor_mentions']} actor "
               f"mentions, {counts['events']} events, {counts['failures']} failed inputs, {counts['runs']} runs")
    click.echo("events by CAMEO root: " + ", ".join(f"{r} {n}" for r, n in counts["by_root"]))
    click.echo("events by QuadClass:  " + ", ".join(f"{q} {n}" for q, n in counts["by_quad_class"]))
    click.echo("events by PLOVER:     " + ", ".join(f"{p} {n}" for p, n in counts["by_plover"]))
    dates = counts["dates"]
    click.echo(f"event dates:          {dates['first'] or '-'} to {dates['last'] or '-'}; undated: "
               f"{dates['undated_events']} events, from {dates['undated_articles']} articles without a date")
    click.echo("modality:             " + ", ".join(f"{p}/{c} {n}" for p, c, n in counts["modality"]))
    click.echo("events by source:     " + ", ".join(f"{k} {n}" for k, n in counts["by_source_kind"]))
    click.echo("top dyads (events, Goldstein sum):")
    for source, target, n, goldstein in counts["top_dyads"]:
        click.echo(f"  {source:>12} -> {target:<12} {n:>4}  {goldstein:+.1f}")
    click.echo("articles by outlet:   " + ", ".join(f"{o} {n}" for o, n in counts["by_outlet"]))
    relays = dict(counts["relays"])
    click.echo(f"stories:              {counts['stories']} told by two or more articles (thucydides stories)")
    click.echo(f"relays:               {relays.get('named', 0)} named ({counts['relays_linked']} with the original"
               f" stored), {relays.get('unnamed', 0)} unnamed, {counts['syndicated_copies']} syndicated copies"
               " counted once (thucydides relays)")


def _filter_options(command):  # noqa: ANN001, ANN202 - the same filters for query and export
    options = [
        click.option("--db", "db_path", default="thucydides.db", show_default=True, metavar="PATH"),
        click.option("--source", default=None, metavar="CODE", help="Source actor code prefix (RUS, RUSGOV)."),
        click.option("--target", default=None, metavar="CODE", help="Target actor code prefix."),
        click.option("--actor", default=None, metavar="CODE", help="Either side."),
        click.option("--root", default=None, metavar="NN", help="CAMEO root (01 to 20)."),
        click.option("--code", "cameo", default=None, metavar="CODE", help="CAMEO code prefix (163, 19)."),
        click.option("--plover", default=None, metavar="TYPE", help="PLOVER type (ASSAULT)."),
        click.option("--since", default=None, metavar="DATE",
                     help="Events whose date overlaps from the start of DATE on (2014, 2014-07, 2014-07-03)."),
        click.option("--until", default=None, metavar="DATE",
                     help="Events whose date overlaps up to the end of DATE (2018-07 includes all of July)."),
        click.option("--undated", is_flag=True, help="Only undated events (their article has no date)."),
        click.option("--outlet", default=None, metavar="NAME", help="Outlet name, any case."),
        click.option("--polarity", type=click.Choice(["positive", "negative"]), default=None),
        click.option("--certainty", type=click.Choice(["certain", "probable", "possible", "unknown"]), default=None),
        click.option("--limit", type=int, default=None),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@contextmanager
def _open_store(db_path: str, *, read_only: bool = False) -> Iterator[Any]:
    """The store at ``db_path`` for a ``with`` block (``read_only``: for commands that only read); a store that
    cannot be opened, read or written ends the command with one line and exit status 3 (T501)."""
    from pathlib import Path

    from thucydides.store import Store

    if not db_path.startswith(("postgresql://", "postgres://")) and not Path(db_path).exists():
        raise click.BadParameter(f"no database at {db_path!r} (code something with --db first)", param_hint="--db")
    try:
        with Store(db_path, read_only=read_only) as store:
            yield store
    except StoreError as exc:
        _fatal(exc)


def _fatal(exc: ThucydidesError) -> None:
    """One line on standard error, then exit status 3: the store or the output failed."""
    click.echo(f"thucydides: {exc}", err=True)
    sys.exit(EXIT_SETUP)


def _filters(store: Any = None, **kwargs: Any) -> Any:
    """The checked filters (thucydides/filters.py), or a usage error (exit 2) naming the option; with a store,
    an outlet no article has is one too."""
    from thucydides.filters import FilterError, check_outlet, parse_filters
    from thucydides.store.query import outlets

    kwargs["code"] = kwargs.pop("cameo")
    try:
        filters = parse_filters(kwargs)
        if store is not None:
            check_outlet(filters.outlet, outlets(store))
    except FilterError as exc:
        raise click.BadParameter(exc.message, param_hint=f"'--{exc.name}'") from exc
    return filters


@main.command()
@click.option("--db", "db_path", default="thucydides.db", show_default=True, metavar="PATH")
@click.option("--window", type=click.IntRange(0, 365), default=None, metavar="DAYS",
              help="Days within which reports of the same dyad and code are one event (default: the setting "
                   "cluster_window_days, 3).")
def cluster(db_path: str, window: int | None) -> None:
    """Rebuild the clusters of events reported several times (run automatically after `code --db`)."""
    days = window if window is not None else config.load().cluster_window_days
    with _open_store(db_path) as store:
        count = store.cluster(window_days=days)
    click.echo(f"{count} clusters (window {days} days)")


@main.command()
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def query(db_path: str, fmt: str, **filters: Any) -> None:
    """List events in a store, filtered by dyad, actor, code, PLOVER type, dates, outlet and modality."""
    from thucydides.store import query as q

    _filters(**filters)  # a bad value is a usage error before the store is opened
    with _open_store(db_path, read_only=True) as store:
        rows = q.events(store, _filters(store, **filters))
        if fmt == "table":
            for line in q.table(rows):
                click.echo(line)
        elif fmt == "json":
            q.write_jsonl(rows, sys.stdout)
        else:
            q.write_csv(rows, sys.stdout)


@main.command()
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["gdelt", "plover", "jsonl", "csv", "parquet"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here (default: standard output; parquet needs a file).")
@click.option("--header", is_flag=True, help="gdelt: write the column names as a first line.")
@click.option("--include-negated", is_flag=True,
              help="gdelt: keep the events the text negates ('did not attack'), left out by default.")
@click.option("--include-hypothetical", is_flag=True,
              help="gdelt: keep the events the text only supposes ('may attack', 'if ...'), left out by default.")
def export(db_path: str, fmt: str, output: str, header: bool, include_negated: bool, include_hypothetical: bool,
           **filters: Any) -> None:
    """Export events (docs/exports.md): GDELT 2.0 event table (tab-separated, 61 columns), PLOVER JSON, JSON
    Lines, CSV or Parquet (the CSV columns, typed; needs pip install 'thucydides[parquet]')."""
    from thucydides.store import query as q

    _filters(**filters)  # a bad value is a usage error before the store is opened
    if fmt != "gdelt" and (include_negated or include_hypothetical):
        raise click.UsageError("--include-negated and --include-hypothetical apply to --format gdelt: the other "
                               "formats keep every event and say how the text presents it")
    left_out: dict[str, int] = {}
    if fmt == "parquet":
        if output == "-":
            raise click.UsageError("parquet is a binary file format and cannot go to standard output: "
                                   "give -o FILE")
        _or_setup_exit(q.pyarrow_modules)  # before opening the store: a missing extra is a set-up error
    with _open_store(db_path, read_only=True) as store:
        rows = q.events(store, _filters(store, **filters))
        try:
            if fmt == "parquet":
                count = q.write_parquet(rows, output)
            else:
                with click.open_file(output, "w", encoding="utf-8") as out:
                    if fmt == "gdelt":
                        count = q.write_gdelt(rows, out, header=header, include_negated=include_negated,
                                              include_hypothetical=include_hypothetical, left_out=left_out)
                    else:
                        count = {"plover": q.write_plover, "jsonl": q.write_jsonl, "csv": q.write_csv}[fmt](rows,
                                                                                                           out)
        except OSError as exc:  # a full disk, a file that cannot be created (T502)
            _fatal(OutputError(f"cannot write the export: {exc.strerror or exc}",
                               source="standard output" if output == "-" else output))
    click.echo(f"{count} events exported ({fmt})", err=True)
    if left_out:
        shown = [p for p in q.PRESENTATIONS if p.label in left_out]
        click.echo("left out: " + ", ".join(f"{left_out[p.label]} {p.label}" for p in shown) + " ("
                   + " or ".join(p.option for p in shown) + " keeps them)", err=True)


@main.command()
@click.option("--db", "db_path", default="thucydides.db", show_default=True, metavar="PATH")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Loopback by default. Any other address serves beyond this machine and needs --token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="THUCYDIDES_TOKEN", show_envvar=True, default=None, metavar="TOKEN",
              help="Writes (POST /api/code, POST /code) need it, as 'Authorization: Bearer TOKEN' or in the form; "
                   "required beyond loopback (16 characters at least).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another Host name to answer to (this machine's DNS name); repeatable. Loopback names, the "
                   "bound address and, on 0.0.0.0, any IP address are accepted already.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="TOML settings file ([serve] limits and timeouts).")
def serve(db_path: str, host: str, port: int, token: str | None, allow_hosts: tuple[str, ...],
          config_path: str | None) -> None:
    """Serve the REST API (OpenAPI at /openapi.json, docs at /docs) and the pages over a store."""
    from thucydides.web import server
    from thucydides.web.app import create_app
    from thucydides.web.security import access_for, is_loopback

    try:
        settings = config.load(config_path)
        access = access_for(host, token=token, names=allow_hosts)
    except (ConfigError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc
    if not is_loopback(host):
        click.echo(f"warning: serving on {host}:{port}, beyond this machine: anyone who can reach it reads the "
                   "store; writes need the token", err=True)
    with _open_store(db_path, read_only=True):  # a clear error before the server starts
        pass
    server.run(create_app(db_path, settings=settings, access=access), host=host, port=port, settings=settings)


@main.command()
def info() -> None:
    """Show versions, the spaCy pipeline in use and the packaged data files."""
    from thucydides.nlp import load_model, spacy_version

    details: dict[str, Any] = {"thucydides": __version__, "spacy": spacy_version()}
    try:
        nlp = load_model(config.load().model)
        details["model"] = f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"
        details["components"] = nlp.pipe_names
    except ModelError as exc:
        details["model"] = f"unavailable: {exc}"
    click.echo(json.dumps(details, indent=2))


if __name__ == "__main__":
    main()


from thucydides.cli_lexicon import lexicon  # noqa: E402 - the development commands, kept in their own module
from thucydides.cli_stories import eval_relays, eval_stories, relays, stories  # noqa: E402 - stories and relays, in their own module

main.add_command(lexicon)
main.add_command(stories)
main.add_command(relays)
evaluate.add_command(eval_stories)
evaluate.add_command(eval_relays)
