"""Stories: profiles, links within a window, single-link components, the store kept up to date incrementally,
and the grouping scored on the shared story clusters (skipped without ../shared)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from thucydides import config
from thucydides.evaluation.stories import agreement, score
from thucydides.stories import Profile, Rule, group, profile
from thucydides.stories.group import Tracker
from thucydides.store import Store
from thucydides.store import stories as story_store
from thucydides.types import Article, InputRef

RULE = Rule(threshold=0.2, window_days=3, undated_threshold=0.5)
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "clusters"

# Written for these tests: two reports each of three stories, and one unrelated piece.
TEXTS = {
    "dam-a": ("Floodgates opened at Kakhovka-style dam on the Dnieper", "Engineers opened the floodgates of the "
              "Novaya Kamenka dam on the Dnieper on Monday after the reservoir rose to a record level, the regional "
              "water authority said. Villages downstream in Beryslav district were told to evacuate."),
    "dam-b": ("Villages evacuated as Novaya Kamenka floodgates open", "Residents of Beryslav district left their "
              "villages after the floodgates of the Novaya Kamenka dam were opened, as the Dnieper reservoir "
              "reached a record level, officials said."),
    "talks-a": ("Moldova and Transnistria resume talks in Bender", "Negotiators from Chisinau and Tiraspol met in "
                "Bender on Tuesday for the first round of talks in two years, with OSCE mediators present. They "
                "discussed customs posts and the Cuciurgan power plant."),
    "talks-b": ("OSCE hosts Chisinau-Tiraspol round in Bender", "The OSCE said negotiators from Chisinau and "
                "Tiraspol held talks in Bender, their first in two years, covering customs posts and electricity "
                "from the Cuciurgan plant."),
    "quake-a": ("Strong quake shakes Ardabil province", "A magnitude 5.9 earthquake struck near Meshginshahr in "
                "Ardabil province, damaging houses in several villages, the Red Crescent said."),
    "quake-b": ("Red Crescent sends teams to Meshginshahr after quake", "Red Crescent rescue teams reached "
                "villages around Meshginshahr in Ardabil, where the magnitude 5.9 earthquake damaged houses."),
    # a loose follow-up of the dam story, sharing fewer of its words
    "dam-c": ("Governor blames heavy rain for Dnieper flooding", "The governor said weeks of heavy rain had filled "
              "the reservoir behind the dam and promised compensation to families in Beryslav whose homes were "
              "flooded."),
    "other": ("Central bank keeps rates unchanged", "The central bank left its benchmark interest rate unchanged "
              "at its monthly meeting, citing slowing inflation and weak lending."),
}
DAYS = {"dam-a": "2024-06-03", "dam-b": "2024-06-04", "dam-c": "2024-06-05", "talks-a": "2024-06-04", "talks-b": "2024-06-05",
        "quake-a": "2024-06-05", "quake-b": "2024-06-06", "other": "2024-06-05"}
STORIES = {"dam-a": "dam", "dam-b": "dam", "dam-c": "dam", "talks-a": "talks", "talks-b": "talks", "quake-a": "quake",
           "quake-b": "quake", "other": "other"}


def _profile(key: str, day: str | None = None) -> Profile:
    headline, text = TEXTS[key]
    return profile(key, text, headline=headline, day=date.fromisoformat(day or DAYS[key]))


def _partition(found) -> set[frozenset[str]]:
    return {frozenset(story) for story in found}


def test_rare_words_weigh_more_than_common_ones():
    item = _profile("dam-a")
    weights = dict(zip(item.terms, item.weights, strict=True))
    assert weights["kamenka"] > weights["engineers"] > weights.get("monday", 0)
    assert "the" not in weights and "said" not in weights
    assert sum(w * w for w in item.weights) == pytest.approx(1.0)


def test_reports_of_one_story_are_grouped_and_others_kept_apart():
    found = group([_profile(key) for key in TEXTS], RULE)
    assert _partition(found.stories) == {frozenset(k for k in TEXTS if STORIES[k] == s) for s in set(STORIES.values())}
    assert [j.article_id for j in found.joined] == sorted(TEXTS, key=lambda key: (DAYS[key], key))  # date order


def _cosine(first: Profile, second: Profile) -> float:
    weights = dict(zip(second.terms, second.weights, strict=True))
    return sum(w * weights.get(t, 0.0) for t, w in zip(first.terms, first.weights, strict=True))


@pytest.mark.parametrize(("second_day", "joins"), [
    ("2024-06-04", True),   # a day later
    ("2024-06-06", True),   # three days later: the window's edge
    ("2024-06-07", False),  # four days later
    ("2024-05-31", True),   # three days earlier
    ("2024-05-30", False),  # four days earlier
    (None, False),          # undated: the follow-up is not alike enough for the stricter threshold
])
def test_the_date_window_and_the_undated_threshold(second_day, joins):
    first = _profile("dam-a")
    second = profile("dam-c", TEXTS["dam-c"][1], headline=TEXTS["dam-c"][0],
                     day=date.fromisoformat(second_day) if second_day else None)
    assert RULE.threshold <= _cosine(first, second) < RULE.undated_threshold  # the pair the cases are about
    tracker = Tracker(RULE)
    opened = tracker.assign(first)
    assert (opened.story, opened.similarity) == (1, 1.0)
    assert (tracker.assign(second).story == 1) is joins


def test_the_window_counts_from_the_story_s_first_article():
    tracker = Tracker(RULE)
    tracker.assign(_profile("dam-a", "2024-06-03"))
    assert tracker.assign(_profile("dam-b", "2024-06-06")).story == 1
    # within three days of the latest article, but not of the first: a story of its own
    assert tracker.assign(_profile("dam-c", "2024-06-08")).story == 2


def test_an_undated_copy_joins_its_story():
    tracker = Tracker(RULE)
    tracker.assign(_profile("talks-a"))
    copy = tracker.assign(profile("copy", TEXTS["talks-a"][1], headline=TEXTS["talks-a"][0]))
    assert copy.story == 1 and copy.similarity == pytest.approx(1.0)


def test_articles_join_the_story_they_are_most_like():
    tracker = Tracker(RULE)
    for key in ("dam-a", "talks-a", "quake-a"):
        tracker.assign(_profile(key))
    assert [tracker.assign(_profile(key)).story for key in ("quake-b", "dam-b", "talks-b")] == [3, 1, 2]


@pytest.mark.parametrize(("found", "labelled", "purity", "completeness", "rand"), [
    ("aabbcc", "xxyyzz", 1.0, 1.0, 1.0),
    ("aaaaaa", "xxyyzz", 0.333, 1.0, 0.0),
    ("abcdef", "xxyyzz", 1.0, 0.5, 0.0),
    ("aabbcc", "xxxxxx", 1.0, 0.333, None),  # one labelled story: no adjusted Rand
])
def test_agreement(found, labelled, purity, completeness, rand):
    result = agreement(list(found), list(labelled))
    assert (result.purity, result.completeness) == (purity, completeness)
    assert result.rand == (None if rand is None else pytest.approx(rand, abs=0.001))


def _article(key: str) -> Article:
    headline, text = TEXTS[key]
    return Article(id=key, ref=InputRef(f"{key}.txt"), format="text", text=text, headline=headline,
                   outlet=f"outlet-{key[-1]}", published=DAYS[key], published_precision="day")


def _stored_partition(store: Store) -> set[frozenset[str]]:
    rows = store.execute("SELECT story_id, article_id FROM story_articles").fetchall()
    stories: dict[int, set[str]] = {}
    for story, article in rows:
        stories.setdefault(story, set()).add(article)
    return {frozenset(s) for s in stories.values()}


def test_the_store_groups_new_articles_as_a_full_regrouping_would(tmp_path):
    with Store(tmp_path / "s.db") as store:
        run = store.begin_run(pipeline_version="test", settings={}, inputs=["test"])
        order = sorted(TEXTS, key=lambda key: (DAYS[key], key))
        for key in order:  # one at a time, in date order, as a live feed stores them
            store.write_article(_article(key), run, "test")
            assert story_store.update(store, RULE) == 1
        incremental = _stored_partition(store)
        summary = {row[0]: row[1:] for row in store.execute(
            "SELECT headline, num_articles, num_outlets, first_date, last_date FROM stories")}
        story_store.rebuild(store, RULE)
        assert _stored_partition(store) == incremental
        assert len(incremental) == 4
        assert summary[TEXTS["dam-a"][0]] == (3, 3, "2024-06-03", "2024-06-05")  # stored last, dated first
        listed = story_store.listing(store, min_articles=2)
        assert {s["headline"] for s in listed} == {TEXTS["dam-a"][0], TEXTS["talks-a"][0], TEXTS["quake-a"][0]}
        # a recoded article leaves its story and comes back to it
        store.write_article(_article("dam-b"), run, "test")
        assert story_store.update(store, RULE) == 1
        assert _stored_partition(store) == incremental


def test_articles_stored_out_of_date_order_still_find_their_stories(tmp_path):
    with Store(tmp_path / "s.db") as store:
        run = store.begin_run(pipeline_version="test", settings={}, inputs=["test"])
        for key in ("quake-b", "dam-c", "other", "talks-b", "dam-b", "quake-a", "talks-a", "dam-a"):
            store.write_article(_article(key), run, "test")
            story_store.update(store, RULE)
        assert _stored_partition(store) == {frozenset(k for k in TEXTS if STORIES[k] == s)
                                            for s in set(STORIES.values())}


def test_the_stories_command_lists_a_store(tmp_path):
    from click.testing import CliRunner

    from thucydides.cli import main

    db = tmp_path / "s.db"
    with Store(db) as store:
        run = store.begin_run(pipeline_version="test", settings={}, inputs=["test"])
        for key in TEXTS:
            store.write_article(_article(key), run, "test")
    result = CliRunner().invoke(main, ["stories", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = [json.loads(line) for line in result.output.splitlines()]
    assert sorted(len(s["articles"]) for s in listed) == [2, 2, 3]
    assert CliRunner().invoke(main, ["stories", "--db", str(tmp_path / "none.db")]).exit_code == 2


@pytest.mark.shared
@pytest.mark.parametrize(("name", "purity", "completeness"), [
    ("basil_triplets_2010_2019.jsonl", 0.95, 0.95),
    ("helsinki_summit_2018.jsonl", 1.0, 0.75),  # a scrape of two days' pages, unrelated ones among them
])
def test_grouping_on_the_shared_story_clusters(name, purity, completeness):
    if not (SHARED / name).exists():
        pytest.skip("../shared is absent")
    result = score(SHARED / name, Rule.from_settings(config.load()))
    assert result.whole.purity >= purity
    assert result.whole.completeness >= completeness
