"""``thucydides stories`` (articles grouped by story across outlets) and ``thucydides eval stories`` (grouping
scored on files of articles labelled with their story). Stories are updated after every ``code --db``."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from thucydides import config


@click.command()
@click.option("--db", "db_path", default="thucydides.db", show_default=True, metavar="PATH",
              help="SQLite file or postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--min-articles", type=click.IntRange(1), default=2, show_default=True,
              help="List only stories told by at least this many articles (1: every article).")
@click.option("--limit", type=click.IntRange(1), default=None, help="List at most this many stories.")
@click.option("--rebuild", is_flag=True, help="Forget the stories and group every stored article again.")
def stories(db_path: str, fmt: str, min_articles: int, limit: int | None, rebuild: bool) -> None:
    """List the stories of a store, newest first: articles of any outlets that report the same story (their
    words alike, their dates within a few days). JSON: one object per line with the story's articles."""
    from thucydides.cli import _open_store
    from thucydides.store import stories as story_store

    from thucydides.stories import Rule

    rule = Rule.from_settings(config.load())
    with _open_store(db_path, read_only=True) as store:  # written only when there is something to update
        stale = rebuild or story_store.pending(store)
        found = [] if stale else story_store.listing(store, min_articles=min_articles, limit=limit)
    if stale:
        with _open_store(db_path) as store:
            (story_store.rebuild if rebuild else story_store.update)(store, rule)
            found = story_store.listing(store, min_articles=min_articles, limit=limit)
    if fmt == "json":
        for story in found:
            click.echo(json.dumps(story, ensure_ascii=False))
        return
    for story in found:
        dates = story["first_date"] or "undated"
        if story["last_date"] and story["last_date"][:10] != (story["first_date"] or "")[:10]:
            dates = f"{story['first_date'][:10]} .. {story['last_date'][:10]}"
        click.echo(f"story {story['story']}: {story['num_articles']} articles, {story['num_outlets']} outlets,"
                   f" {dates[:10] if ' .. ' not in dates else dates}  {story['headline'] or ''}")
        for article in story["articles"]:
            click.echo(f"  {(article['published'] or '-')[:10]:<10}  {(article['outlet'] or '-')[:24]:<24}"
                       f"  {article['headline'] or article['id']}")
    if not found:
        click.echo(f"no story of {min_articles} or more articles")


@click.command(name="stories")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--threshold", type=click.FloatRange(0, 1), default=None,
              help="Cosine at which two articles are linked (default: the setting [store] story_threshold).")
@click.option("--window", type=click.IntRange(0), default=None, metavar="DAYS",
              help="Days apart two linked articles may be (default: [store] story_window_days).")
@click.option("--failures", is_flag=True, help="Also list the tune half's split and merged stories.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_stories(files: tuple[str, ...], threshold: float | None, window: int | None, failures: bool,
                 as_json: bool) -> None:
    """Score story grouping on JSONL files of articles with a `cluster_id` (the story each reports), such as
    ../shared/corpus/clusters/*.jsonl: purity, completeness and adjusted Rand, on the whole and its halves."""
    from dataclasses import asdict, replace

    from thucydides.evaluation.stories import score
    from thucydides.stories import Rule

    rule = Rule.from_settings(config.load())
    rule = replace(rule, threshold=rule.threshold if threshold is None else threshold,
                   window_days=rule.window_days if window is None else window)
    results = []
    for path in files:
        try:
            results.append(score(Path(path), rule))
        except (OSError, KeyError, ValueError) as exc:
            click.echo(f"error: {path}: not a file of articles with id, text and cluster_id ({exc})", err=True)
            sys.exit(1)
    if as_json:
        click.echo(json.dumps([{**r.to_dict(), **asdict(rule)} for r in results], indent=2))
        return
    for result in results:
        click.echo(result.summary())
        if failures:
            for miss in result.misses:
                click.echo(f"  {miss}")


@click.command()
@click.option("--db", "db_path", default="thucydides.db", show_default=True, metavar="PATH",
              help="SQLite file or postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--kind", type=click.Choice(["named", "unnamed", "syndicated"]), default=None,
              help="List only relays of this kind.")
@click.option("--article", default=None, metavar="ID", help="List only the relays of or by this article.")
@click.option("--linked", is_flag=True, help="List only relays whose original is stored.")
@click.option("--limit", type=click.IntRange(1), default=None, help="List at most this many relays.")
@click.option("--rebuild", is_flag=True, help="Forget the relays and look for them all again.")
def relays(db_path: str, fmt: str, kind: str | None, article: str | None, linked: bool, limit: int | None,
           rebuild: bool) -> None:
    """List the relays of a store, newest first: articles that retell another outlet's report, naming it
    (named) or not (unnamed), or copy it whole (syndicated), with what they retold, added, changed and
    dropped (docs/relays.md). JSON: one object per line."""
    from thucydides.cli import _open_store
    from thucydides.store import relays as relay_store
    from thucydides.store import stories as story_store
    from thucydides.stories import Rule

    with _open_store(db_path, read_only=True) as store:  # written only when there is something to update
        stale = rebuild or story_store.pending(store)
        found = [] if stale else relay_store.listing(store, kind=kind, article=article)
    if stale:
        with _open_store(db_path) as store:
            story_store.update(store, Rule.from_settings(config.load()))
            if rebuild:
                relay_store.rebuild(store)
            found = relay_store.listing(store, kind=kind, article=article)
    found = [r for r in found if r["original"] or not linked][:limit]
    if fmt == "json":
        for relay in found:
            click.echo(json.dumps(relay, ensure_ascii=False))
        return
    for r in found:
        original = r["original"] or "(not stored)"
        when = f" of {r['day']}" if r["day"] else ""
        click.echo(f"{r['relay']} ({r['relay_outlet'] or '-'}, {r['relay_published'] or 'undated'}) relays"
                   f" {r['outlet'] or '-'}{when}: {r['kind']}, original {original}")
        if r["original"]:
            kinds = Counter(a["kind"] for a in r["added"])
            added = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "nothing"
            hedges = sum(c["kind"] == "hedge" for c in r["changed"])
            click.echo(f"  similarity {r['similarity']:.2f}; {len(r['retold'])} retold, added {added};"
                       f" {len(r['changed'])} changed ({hedges} hedges); {len(r['dropped'])} dropped")
    if not found:
        click.echo("no relay found")


@click.command(name="relays")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--failures", is_flag=True, help="Also list the misses (never those of check-* records).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_relays(files: tuple[str, ...], failures: bool, as_json: bool) -> None:
    """Score relay detection and alignment on team-written pairs (tests/data/relays/*.jsonl): every text is
    coded and stored, and the relays found are compared with each pair's expected kind, outlet, additions,
    changes and drops."""
    from thucydides.evaluation.relays import found_relays, read_pairs, score

    results = []
    for path in files:
        try:
            pairs = read_pairs(Path(path))
            found, texts = found_relays(pairs)
            results.append(score(Path(path).name, pairs, found, texts))
        except (OSError, KeyError, ValueError, TypeError) as exc:
            click.echo(f"error: {path}: not a file of relay pairs ({exc})", err=True)
            sys.exit(1)
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], indent=2))
        return
    for result in results:
        figures = result.to_dict()
        click.echo(f"{result.name}: {result.pairs} pairs")
        for name, value in figures.items():
            if name not in ("file", "pairs", "counts"):
                click.echo(f"  {name:<20} {'-' if value is None else f'{value:.3f}'}")
        if failures:
            for line in result.misses:
                click.echo(f"  miss: {line}")
