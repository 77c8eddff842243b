"""``thucydides lexicon``: development commands for growing the event lexicon from unlabelled news.

``lexicon gaps CORPUS ...`` parses any corpus ``code`` reads, tallies the actor-bearing predicates (verbs, event
nouns, adjectives with a clause; see :mod:`thucydides.evaluation.lexicon`) and lists those no row of
``data/events/verbs.tsv`` judges, most frequent first, with example sentences cited by file and line. It prints
the lexicon's coverage. ``--save`` keeps the tally, and ``--tally`` scores saved tallies again (merged) without
parsing, so a lexicon change is measured in seconds. ``lexicon size`` prints the lexicon's size.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from thucydides import config


def _corpus_options(command: Any) -> Any:
    """The options every tally command shares: corpus INPUTS, saved tallies, --save, --limit, --top."""
    for option in reversed((
            click.argument("inputs", nargs=-1),
            click.option("--tally", "tallies", multiple=True, type=click.Path(exists=True, dir_okay=False),
                         help="A tally saved by --save (repeatable; tallies are merged) instead of, or besides, "
                              "INPUTS."),
            click.option("--save", type=click.Path(dir_okay=False), default=None,
                         help="Save the tally of INPUTS here."),
            click.option("--limit", type=click.IntRange(1), default=None,
                         help="Read at most this many articles of INPUTS."),
            click.option("--top", type=click.IntRange(0), default=50, show_default=True,
                         help="How many gaps to list."))):
        command = option(command)
    return command


def _gather(kind: Any, inputs: tuple[str, ...], tallies: tuple[str, ...], save: str | None,
            limit: int | None) -> Any:
    """Saved tallies merged with the tally of INPUTS (parsed now, and saved when asked)."""
    from thucydides.evaluation.lexicon import tally_inputs

    if not inputs and not tallies:
        raise click.UsageError("give corpus INPUTS, a --tally, or both")
    tally = kind()
    for path in tallies:
        try:
            tally.merge(kind.load(Path(path)))
        except ValueError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
    if inputs:
        done = tally_inputs(list(inputs), config.load(), limit=limit, tally=kind(),
                            progress=lambda n: click.echo(f"\r{n} articles", nl=False, err=True))
        click.echo("", err=True)
        if save:
            done.save(Path(save))
        tally.merge(done)
    return tally


@click.group(name="lexicon")
def lexicon() -> None:
    """Measure and grow the event lexicon (data/events/verbs.tsv) on unlabelled corpora."""


@lexicon.command(name="gaps")
@_corpus_options
@click.option("--min-count", type=click.IntRange(1), default=2, show_default=True,
              help="List only predicates seen at least this often.")
@click.option("--pos", type=click.Choice(["V", "N", "A"]), default=None, help="List only this part of speech.")
@click.option("--json", "as_json", is_flag=True, help="Print coverage and gaps as JSON.")
def gaps(inputs: tuple[str, ...], tallies: tuple[str, ...], save: str | None, limit: int | None, top: int,
         min_count: int, pos: str | None, as_json: bool) -> None:
    """List the predicates of a corpus that no lexicon row covers, and the lexicon's coverage."""
    from thucydides.evaluation.lexicon import Tally
    from thucydides.events.patterns import patterns

    tally = _gather(Tally, inputs, tallies, save, limit)
    index = patterns()
    cover = tally.coverage(index)
    missing = [g for g in tally.gaps(index, min_count) if pos is None or g[0] == pos][:top]
    if as_json:
        rows = [{"pos": p, "lemma": lemma, "count": n, "examples": tally.examples.get((p, lemma))}
                for p, lemma, n in missing]
        click.echo(json.dumps({"articles": tally.articles, "sentences": tally.sentences, "coverage": cover,
                               "gaps": rows}, indent=2, ensure_ascii=False))
        return
    click.echo(f"{tally.articles} articles, {tally.sentences} sentences, {cover['all_tokens']} actor-bearing "
               f"predicates")
    for part, name in (("all", "all"), ("V", "verbs"), ("N", "event nouns"), ("A", "adjectives")):
        click.echo(f"  coverage {name:<12} {cover[f'{part}_coverage']:.3f} of {cover[f'{part}_tokens']} tokens; "
                   f"{cover[f'{part}_types_missing']} lemmas with no row")
    for p, lemma, n in missing:
        click.echo(f"\n{n:>6}  {p} {lemma}")
        for example in tally.examples.get((p, lemma), ()):
            click.echo(f"        {example[:220]}")


@lexicon.command(name="size")
def size() -> None:
    """The lexicon's distinct lemmas by part of speech, and its rows."""
    from thucydides.evaluation.lexicon import lexicon_size
    from thucydides.events.patterns import patterns

    counts = lexicon_size(patterns())
    click.echo(f"verbs {counts['V_lemmas']}, nouns {counts['N_lemmas']}, adjectives {counts['A_lemmas']} "
               f"(distinct lemmas); {counts['rows']} rows")


@lexicon.command(name="cues")
@_corpus_options
@click.option("--min-count", type=click.IntRange(1), default=2, show_default=True,
              help="List only candidates seen at least this often.")
@click.option("--json", "as_json", is_flag=True, help="Print coverage and gaps as JSON.")
def cue_gaps(inputs: tuple[str, ...], tallies: tuple[str, ...], save: str | None, limit: int | None, top: int,
             min_count: int, as_json: bool) -> None:
    """List the words of a corpus that introduce content (a clause, an inverted report, an object and a
    to-infinitive, a noun's that-clause) and that no row of data/attribution/cues.tsv judges."""
    from thucydides.evaluation.cue_lexicon import CueTally, judged_cues

    tally = _gather(CueTally, inputs, tallies, save, limit)
    judged = judged_cues()
    coverage = tally.coverage(judged)
    missing = tally.gaps(judged, min_count)[:top]
    if as_json:
        click.echo(json.dumps({"articles": tally.articles, "sentences": tally.sentences, "coverage": coverage,
                               "gaps": [{"pos": p, "lemma": lem, "count": n, "frames": f,
                                         "examples": tally.examples.get((p, lem), [])}
                                        for p, lem, n, f in missing]}, indent=2, ensure_ascii=False))
        return
    click.echo(f"{tally.articles} articles, {tally.sentences} sentences, {coverage['all_tokens']} cue candidates")
    click.echo(f"coverage {coverage['all_coverage']:.3f} (verbs {coverage['V_coverage']:.3f}, "
               f"nouns {coverage['N_coverage']:.3f})")
    for pos, lemma, n, frames in missing:
        click.echo(f"{n:6d}  {pos} {lemma}  ({frames})")
        for example in tally.examples.get((pos, lemma), [])[:2]:
            click.echo(f"          {example[:160]}")
