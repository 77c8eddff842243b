"""Relays: credits, clause alignment, relay kinds, the store and the command.

Unit tests build :class:`Text` by hand (sentences split at ". ", "? " and line ends) from sentences written for
them; the end-to-end tests code the samples and the team's relay pairs (tests/data/relays) with the pipeline.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.relays.align import align
from thucydides.relays.detect import between, detect, orient
from thucydides.relays.naming import credits, key
from thucydides.relays.text import Span, Text

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "data" / "relays"


def text(body: str, *, id: str = "t", outlet: str | None = "Harbour Post", day: date | None = date(2025, 3, 8),
         dateline: str = "") -> Text:
    """A Text of ``dateline + body``, its sentences ending at ". ", "? " or a line end."""
    full = dateline + body
    sentences, start = [], len(dateline)
    for m in re.finditer(r"(?<=[.?!\"])(?:\s+)(?=[A-Z\"(])|\n|$", full[len(dateline):]):
        end = len(dateline) + m.start()
        if full[start:end].strip():
            sentences.append(Span(start, end))
        start = len(dateline) + m.end()
    return Text(id=id, outlet=outlet, published=day, text=full, sentences=tuple(sentences),
                dateline=Span(0, len(dateline.rstrip())) if dateline else None)


# -- credits ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "outlet", "kind"), [
    ("The army moved two brigades to the border, the Daily Courant reported, citing defence sources.",
     "Daily Courant", "outlet"),  # an unknown name: "the X reported, citing ..."
    ("According to the Baltic Dispatch news agency, the talks resumed.", "Baltic Dispatch", "outlet"),
    ("News agency Lakeside Wire said the ship had docked at dawn.", "Lakeside Wire", "outlet"),
    ("Talks resumed in Geneva, the Portuguese newspaper Ribeira Diario reported.", "Ribeira Diario", "outlet"),
    ("Reuters reported that the talks had failed.", "Reuters", "outlet"),  # a known outlet (agencies, media)
    ("The fighting resumed, the Wall Street Journal reported.", "Wall Street Journal", "outlet"),
    ("The Finnish Interior Ministry said in a statement that the crossing was closed.",
     "Finnish Interior Ministry", "body"),
    ("Prices rose, the Mexican newspaper El Universal reported.", "El Universal", "outlet"),
    ("The statistics agency Eurostat said in a report that output fell.", "Eurostat", "body"),  # no news agency
    ("Output fell, the trade paper Ward's Energy Digest said.", "Ward's Energy Digest", "outlet"),
    ("Stocks fell, the Department of Energy agency said in a report.", "Department of Energy", "body"),  # a body's agency is no news agency
    ("A Ukrainian agency said the plant was hit.", None, None),  # a nationality is no name
    ("Former president Vicente Fox spoke in Mexico City. Fox said the visit was a mistake.", None, None),
    ("The New York Times first printed the memo. The talks stalled, the Times reported.", "Times", "outlet"),
    ("Officials said in a statement that the talks had failed.", None, None),
    ("The Kremlin reported a rise in tax revenue.", None, None),  # a body reporting figures is no credit
    ("The minister told Harbour Post that the port would reopen.", None, None),  # its own reporting
    ("Lisbon-based Ribeira Diario reported the arrests.", None, None),  # no outlet noun, not known
])
def test_credit(sentence: str, outlet: str | None, kind: str | None) -> None:
    found = credits(text(sentence))
    assert [(c.outlet, c.kind) for c in found[:1]] == ([(outlet, kind)] if outlet else [])


def test_credit_anaphor_and_day() -> None:
    t = text("Ships were turned back, the Daily Courant reported on Friday, citing port officials. "
             "According to the newspaper, two tankers waited offshore.")
    found = credits(t)
    assert [c.outlet for c in found] == ["Daily Courant", "Daily Courant"]
    assert found[0].day == date(2025, 3, 7)  # the Friday before Saturday 8 March
    assert t.text[found[0].start:found[0].end] == "Daily Courant reported on Friday, citing port officials"


@pytest.mark.parametrize(("a", "b", "same"), [
    ("the Norwegian Defence Ministry", "Norwegian Ministry of Defence", True),
    ("The Meridian Wire news agency", "Meridian Wire", True),
    ("Caspian Herald", "Caribbean Ledger", False),
])
def test_outlet_keys(a: str, b: str, same: bool) -> None:
    assert (key(a) == key(b)) is same


# -- alignment --------------------------------------------------------------------------------------------
ORIGINAL = ("Border guards in the district of Varn stopped a convoy of nine lorries on Monday night, "
            "the regional governor said in a televised address.\n"
            "The governor said the lorries carried building material for a new checkpoint and would be sent back.\n"
            "Local farmers have complained for months that the crossing is closed during the harvest.\n"
            "A spokesman for the customs service said inspections will resume on Thursday.")
RELAY = ("Border guards in the district of Varn stopped a so-called humanitarian convoy of nine lorries on Monday "
         "night, the regional governor said in a televised address, the Lakeside Wire agency reported.\n"
         "The governor said the lorries carried building material (for the occupation authorities - HP) for a new "
         "checkpoint and would be sent back.\n"
         "A spokesman for the customs service said inspections may resume on Thursday.\n"
         "A source in the customs service told Harbour Post that the lorries had no papers.\n"
         "The district has been disputed since the ceasefire of 2019.")


def test_alignment_reads_a_relay_clause_by_clause() -> None:
    original = text(ORIGINAL, id="o", outlet="Lakeside Wire", day=date(2025, 3, 7))
    relay = text(RELAY, id="r", dateline="VARN, March 8 (HP) - ")
    got = align(relay, original, tuple(credits(relay)))
    added = {(a.text, a.kind) for a in got.added}
    assert ("so-called humanitarian", "framing") in added
    assert ("(for the occupation authorities - HP)", "editorial-insertion") in added
    assert ("A source in the customs service told Harbour Post that the lorries had no papers.",
            "own-sourcing") in added
    assert ("The district has been disputed since the ceasefire of 2019.", "background") in added
    assert ("VARN, March 8 (HP) -", "dateline") in added
    assert [(c.original_text, c.text, c.kind) for c in got.changed] == [("will", "may", "hedge")]
    assert [d.text for d in got.dropped] == [
        "Local farmers have complained for months that the crossing is closed during the harvest."]
    assert any("Lakeside Wire agency reported" in relay.text[s.start:s.end] for s in got.credited)
    assert not any("Lakeside" in a.text for a in got.added)  # the credit is no addition
    first = got.retold[0]
    assert original.text[first.original_start:first.original_end].startswith("Border guards in the district")


@pytest.mark.parametrize(("original", "relay", "change"), [
    ("The two sides will sign the accord in May, diplomats said.",
     "The two sides could sign the accord in May, diplomats said.", ("will", "could", "hedge")),
    ("The port is due to reopen next week after repairs to the quay.",
     "The port may reopen next week after repairs to the quay.", ("is due to", "may", "hedge")),
    ("The fire destroyed the warehouse, police officers at the scene said.",
     "The fire destroyed the warehouse, police officers at the scene claimed.", ("said", "claimed", "hedge")),
    ("Troops may withdraw from the northern ridge next week, local residents said.",
     "Troops withdraw from the northern ridge next week, local residents said.",
     ("may", "Troops withdraw", "hedge")),  # a word of firmness left out: marked on the words around it
    ("Troops withdrew from the northern ridge overnight, local residents said.",
     "Troops withdrew from the northern heights overnight, local residents said.",
     ("ridge", "heights", "wording")),
])
def test_changes(original: str, relay: str, change: tuple[str, str, str]) -> None:
    got = align(text(relay, id="r"), text(original, id="o", outlet="Other"))
    assert [(c.original_text, c.text, c.kind) for c in got.changed] == [change]


def test_a_statement_turned_into_a_claim_is_a_hedge() -> None:
    got = align(text("The ministry claimed the drills are purely defensive and aimed at no country.", id="r"),
                text("The drills are purely defensive and aimed at no country.", id="o", outlet="Other"))
    assert [(c.text, c.kind) for c in got.changed] == [("The ministry claimed", "hedge")]


# -- kinds and direction ----------------------------------------------------------------------------------
INDEPENDENT = ("Nine lorries were halted at the Varn crossing late on Monday. Officials gave no reason for the "
               "stop. Farmers nearby said the road had been shut for weeks and trade had dried up.")


def test_kinds() -> None:
    original = text(ORIGINAL, id="o", outlet="Lakeside Wire", day=date(2025, 3, 7))
    named = detect(text(RELAY, id="r"), original)
    assert named is not None and (named.kind, named.outlet, named.original) == ("named", "Lakeside Wire", "o")
    unnamed_text = RELAY.replace(", the Lakeside Wire agency reported", "")
    unnamed = detect(text(unnamed_text, id="r"), original)
    assert unnamed is not None and unnamed.kind == "unnamed"
    copy = detect(text(ORIGINAL + "\nRepublished under licence.", id="r", outlet="Other Site"), original)
    assert copy is not None and copy.kind == "syndicated"
    assert [a.kind for a in copy.alignment.added] == ["editorial-insertion"]
    assert detect(text(INDEPENDENT, id="r"), original) is None
    same_outlet = detect(text(unnamed_text, id="r", outlet="Lakeside Wire"), original)
    assert same_outlet is None  # an outlet's own follow-up is no relay


def test_direction() -> None:
    earlier = text(ORIGINAL, id="o", outlet="Lakeside Wire", day=date(2025, 3, 7))
    later = text(RELAY, id="r", day=date(2025, 3, 8))
    assert [(r.id, o.id) for r, o in orient(earlier, later)] == [("r", "o")]
    same_day = text(RELAY, id="r", day=date(2025, 3, 7))
    assert [(r.id, o.id) for r, o in orient(earlier, same_day)] == [("r", "o")]  # the one crediting the other
    found = between(earlier, same_day)
    assert found is not None and (found.relay, found.original) == ("r", "o")


# -- end to end -------------------------------------------------------------------------------------------
def _relays(db: Path, *args: str) -> list[dict]:
    from thucydides.cli import main

    result = CliRunner().invoke(main, ["relays", "--db", str(db), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def _code(db: Path, *paths: Path) -> None:
    from thucydides.cli import main

    result = CliRunner().invoke(main, ["code", *map(str, paths), "--db", str(db), "-o", str(db.parent / "o.jsonl")])
    assert result.exit_code == 0, result.output


def test_the_sample_relay_is_linked_whichever_is_stored_first(tmp_path: Path) -> None:
    """Sample 23 (TASS) retells sample 22 (Meridian Wire): stored before its original, its credit is kept as a
    named relay with no original, then linked when the original arrives."""
    db = tmp_path / "s.db"
    _code(db, ROOT / "samples" / "23_tass_moldova_energy_relay.txt")
    alone = [r for r in _relays(db) if r["outlet"] == "Meridian Wire"]
    assert [(r["kind"], r["original"]) for r in alone] == [("named", None)]
    _code(db, ROOT / "samples" / "22_meridian_moldova_energy.txt")
    linked = [r for r in _relays(db) if r["outlet"] == "Meridian Wire"]
    assert len(linked) == 1 and linked[0]["original"] is not None and linked[0]["kind"] == "named"
    relay = linked[0]
    added = {(a["kind"], a["text"]) for a in relay["added"]}
    assert ("framing", "supposedly") in added
    assert ("dateline", "CHISINAU, January 9. /TASS/.") in added
    assert any(k == "own-sourcing" and "told TASS" in t for k, t in added)
    assert any(k == "editorial-insertion" and t.startswith("(Transnistria") for k, t in added)
    assert relay["retold"] and relay["dropped"] and 0 < relay["similarity"] < 1
    # the claim whose "would" became "may": one event, its certainty lowered by the relay, the hedge beside it
    hedged = [c for c in relay["claims"] if c["modality_changed"]]
    assert hedged and hedged[0]["original_event"] and hedged[0]["chain"][0] == "TASS"
    assert hedged[0]["original_chain"][0] == "Meridian Wire"
    assert {"text": "may", "original_text": "would", "kind": "hedge"} in hedged[0]["changes"]


@pytest.mark.parametrize("name", ["pairs.jsonl", "check.jsonl"])
def test_fixture_figures(name: str) -> None:
    """The team's pairs: pairs.jsonl is the tune half, check.jsonl the check half (its misses never printed).
    The floors sit a little under the figures docs/relays.md reports."""
    from thucydides.evaluation.relays import found_relays, read_pairs, score

    pairs = read_pairs(PAIRS / name)
    found, texts = found_relays(pairs)
    figures = score(name, pairs, found, texts).to_dict()
    assert figures["relay_recall"] >= 0.9 and figures["relay_precision"] >= 0.9
    assert figures["outlet_accuracy"] >= 0.9 and figures["kind_accuracy"] >= 0.85
    assert figures["added_recall"] >= 0.9 and figures["framing_recall"] >= 0.85
    assert figures["dropped_recall"] >= 0.9 and figures["changed_recall"] >= 0.7


def test_a_syndicated_copy_is_counted_once(tmp_path: Path) -> None:
    """The same wire story on two sites: stats, clusters and exports count the original's events only."""
    from thucydides.cli import main
    from thucydides.store.sqlite import Store

    pair = next(p for p in map(json.loads, (PAIRS / "pairs.jsonl").read_text().splitlines())
                if p["expected"]["kind"] == "syndicated")
    source = tmp_path / "copy.jsonl"
    source.write_text("".join(json.dumps({k: pair[side][k] for k in ("id", "outlet", "published", "text")}) + "\n"
                              for side in ("original", "relay")))
    db = tmp_path / "c.db"
    _code(db, source)
    found = _relays(db, "--kind", "syndicated")
    assert [(r["relay"], r["original"]) for r in found] == [(pair["relay"]["id"], pair["original"]["id"])]
    with Store(db) as store:
        per_article = dict(store.execute("SELECT article_id, count(*) FROM events GROUP BY article_id").fetchall())
        stats = store.stats()
        multi = store.execute("SELECT count(*) FROM clusters WHERE num_articles > 1").fetchone()[0]
    assert per_article.get(pair["relay"]["id"]) and per_article.get(pair["original"]["id"])  # both coded
    assert stats["events"] == per_article[pair["original"]["id"]] and stats["syndicated_copies"] == 1
    assert multi == 0  # no event counted twice
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0
    exported = [json.loads(line)["article_id"] for line in result.output.splitlines() if line.startswith("{")]
    assert exported and pair["relay"]["id"] not in exported
