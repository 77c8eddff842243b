"""The lexicon coverage measure (``thucydides lexicon gaps``): which words count as actor-bearing predicates,
what counts as covered, and the tally's arithmetic. Hand-built parses; team-written sentences."""

from __future__ import annotations

import pytest
from handparse import mention, parse

from thucydides.evaluation.lexicon import Tally, covered, lexicon_size, predicates
from thucydides.events.patterns import patterns

# "Ruritania expelled two diplomats": a verb with an actor subject
EXPELLED = parse([("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("expelled", "expel", "VERB", "ROOT", 1),
                  ("two", "two", "NUM", "nummod", 3), ("diplomats", "diplomat", "NOUN", "dobj", 1)])
# "The talks were brokered by Qatar": the actor only as the passive's agent
BROKERED = parse([("The", "the", "DET", "det", 1), ("talks", "talk", "NOUN", "nsubjpass", 3),
                  ("were", "be", "AUX", "auxpass", 3), ("brokered", "broker", "VERB", "ROOT", 3),
                  ("by", "by", "ADP", "agent", 3), ("Qatar", "Qatar", "PROPN", "pobj", 4)])
# "Troops pulled out of Gao": a phrasal verb; Gao is no actor here, so nothing counts
PULLED = parse([("Troops", "troop", "NOUN", "nsubj", 1), ("pulled", "pull", "VERB", "ROOT", 1),
                ("out", "out", "ADP", "prt", 1), ("of", "of", "ADP", "prep", 1), ("Gao", "Gao", "PROPN", "pobj", 3)])
# "Freedonia's crackdown on the press": an event noun with an actor possessor
CRACKDOWN = parse([("Freedonia", "Freedonia", "PROPN", "poss", 2), ("'s", "'s", "PART", "case", 0),
                   ("crackdown", "crackdown", "NOUN", "ROOT", 2), ("on", "on", "ADP", "prep", 2),
                   ("the", "the", "DET", "det", 5), ("press", "press", "NOUN", "pobj", 3)])
# "Ruritania is ready to talk": an adjective with a clause, the actor the copula's subject
READY = parse([("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("is", "be", "AUX", "ROOT", 1),
               ("ready", "ready", "ADJ", "acomp", 1), ("to", "to", "PART", "aux", 4),
               ("talk", "talk", "VERB", "xcomp", 2)])
# "Ruritania is large": an adjective with no clause is no predicate
LARGE = parse([("Ruritania", "Ruritania", "PROPN", "nsubj", 1), ("is", "be", "AUX", "ROOT", 1),
               ("large", "large", "ADJ", "acomp", 1)])


@pytest.mark.parametrize("tokens, spans, expected", [
    (EXPELLED, [(0, 0, "RUR")], [("V", "expel")]),
    (EXPELLED, [], []),  # no actor, no predicate
    (BROKERED, [(5, 5, "QAT")], [("V", "broker")]),
    (PULLED, [(0, 0, "---MIL")], [("V", "pull out")]),
    (PULLED, [(4, 4, "MLI")], [("V", "pull out")]),  # through the preposition "of"
    (CRACKDOWN, [(0, 0, "FRE")], [("N", "crackdown")]),
    (CRACKDOWN, [(5, 5, "---MED")], [("N", "crackdown")]),  # the object of "on"
    (READY, [(0, 0, "RUR")], [("A", "ready")]),
    (LARGE, [(0, 0, "RUR")], []),
])
def test_predicates(tokens, spans, expected):
    mentions = [mention(tokens, a, b, code) for a, b, code in spans]
    assert [(p.pos, p.lemma) for p in predicates(tokens, mentions)] == expected


def test_a_word_inside_a_mention_is_no_predicate():
    # "the Freedonian defence ministry": "defence" is part of the actor, not an act
    tokens = parse([("the", "the", "DET", "det", 3), ("Freedonian", "freedonian", "ADJ", "amod", 3),
                    ("defence", "defence", "NOUN", "compound", 3), ("ministry", "ministry", "NOUN", "ROOT", 3)])
    assert list(predicates(tokens, [mention(tokens, 0, 3, "FREGOV")])) == []


@pytest.mark.parametrize("pos, lemma, expected", [
    ("V", "attack", True),
    ("V", "call on", True),  # a phrasal row
    ("V", "attack back", True),  # the bare verb's rows judge it (the matcher tries both)
    ("V", "frobnicate", False),
    ("N", "airstrike", True),
    ("N", "attack back", False),  # nouns have no particle fallback
])
def test_covered(pos, lemma, expected):
    assert covered(pos, lemma, patterns()) is expected


def test_tally_coverage_gaps_and_merge():
    index = patterns()
    one, two = Tally(), Tally()
    one.counts.update({("V", "attack"): 3, ("V", "frobnicate"): 1, ("N", "frobnication"): 2, ("N", "zarquet"): 5})
    one.examples[("V", "frobnicate")] = ["a.txt:1: X frobnicated Y"]
    two.counts.update({("V", "frobnicate"): 2})
    two.examples[("V", "frobnicate")] = ["b.txt:4: Y frobnicated X"]
    one.merge(two)
    # "zarquet" is no event noun (no row, never a verb, no nominal ending); "frobnication" is one by its ending
    assert one.predicate_counts(index) == {("V", "attack"): 3, ("V", "frobnicate"): 3, ("N", "frobnication"): 2}
    cover = one.coverage(index)
    assert cover["all_tokens"] == 8 and cover["all_coverage"] == pytest.approx(3 / 8, abs=1e-4)
    assert cover["V_coverage"] == 0.5 and cover["N_types_missing"] == 1
    assert one.gaps(index) == [("V", "frobnicate", 3), ("N", "frobnication", 2)]
    assert one.gaps(index, min_count=3) == [("V", "frobnicate", 3)]
    assert one.examples[("V", "frobnicate")] == ["a.txt:1: X frobnicated Y", "b.txt:4: Y frobnicated X"]
    again = Tally.from_json(one.to_json())
    assert again.counts == one.counts and again.examples == one.examples


def test_a_noun_used_as_a_verb_elsewhere_is_an_event_noun():
    tally = Tally()
    # invented words, so that the lexicon's rows decide nothing here: "zorb" is also a verb, "blimpade" ends like
    # a nominalisation, "zarquet" is neither
    tally.counts.update({("N", "blimpade"): 1, ("N", "zorb"): 4, ("V", "zorb"): 1, ("N", "zarquet"): 9})
    assert tally.event_nouns(patterns()) == {"zorb", "blimpade"}


def test_lexicon_size_counts_distinct_lemmas():
    size = lexicon_size(patterns())
    assert size["V_lemmas"] == len({lemma for pos, lemma in patterns() if pos == "V"})
    assert size["rows"] >= size["V_lemmas"] + size["N_lemmas"] + size["A_lemmas"]


@pytest.mark.model
def test_gaps_command_on_a_written_article(tmp_path, run_cli):
    article = tmp_path / "a.txt"
    article.write_text("Ruritania frobnicated the Freedonian embassy on Monday, the ministry said.\n")
    saved = tmp_path / "t.json"
    result = run_cli("lexicon", "gaps", str(article), "--save", str(saved), "--min-count", "1")
    assert result.exit_code == 0, result.output
    assert "V frobnicate" in result.output and "a.txt" in result.output
    again = run_cli("lexicon", "gaps", "--tally", str(saved), "--json", "--min-count", "1")
    assert '"lemma": "frobnicate"' in again.output


@pytest.mark.shared
@pytest.mark.model
def test_lexicon_covers_the_shared_corpus(settings, nlp):
    # the lexicon was judged from the shared corpora's frequency lists (docs/lexicon.md): a floor, so that a row
    # lost or a file left out of the loader shows here
    from conftest import shared_path

    from thucydides.evaluation.lexicon import tally_inputs

    path = shared_path("corpus", "clusters", "helsinki_summit_2018.jsonl")
    tally = tally_inputs([str(path)], settings, limit=30, nlp=nlp)
    cover = tally.coverage(patterns())
    assert tally.articles == 30 and cover["all_tokens"] > 300
    assert cover["all_coverage"] >= 0.95, cover
