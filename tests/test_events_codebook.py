"""The CAMEO codebook table (thucydides/data/events/cameo.tsv) is complete and consistent."""

from __future__ import annotations

from importlib import resources

import pytest

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _rows() -> list[list[str]]:
    text = resources.files("thucydides").joinpath("data", "events", "cameo.tsv").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_codebook_rows_are_well_formed():
    rows = _rows()
    assert all(len(row) == 7 for row in rows)
    codes = [row[0] for row in rows]
    assert len(codes) == len(set(codes))
    assert {c for c in codes if len(c) == 2} == {f"{n:02d}" for n in range(1, 21)}
    for code, _name, goldstein, quad, plover, _mode, _note in rows:
        assert code.isdigit() and len(code) in (2, 3, 4), code
        assert code[:2] in codes and (len(code) < 4 or code[:3] in codes), code
        assert -10 <= float(goldstein) <= 10, code
        root = int(code[:2])
        assert int(quad) == (1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4), code
        assert plover == "" or plover in PLOVER, code


def test_codebook_knows_the_seed_codes():
    by_code = {row[0]: row for row in _rows()}
    for code in ("026", "036", "051", "072", "112", "125", "163", "190"):
        assert code in by_code
    assert float(by_code["190"][2]) == -10.0  # use conventional military force
    assert by_code["163"][4] in ("SANCTION", "COERCE")


def test_patterns_load_and_are_unique():
    from collections import Counter

    from thucydides.events.patterns import load_patterns

    index = load_patterns()
    assert sum(len(v) for v in index.values()) >= 1000
    text = resources.files("thucydides").joinpath("data", "events", "verbs.tsv").read_text("utf-8")
    rows = [tuple(line.split("\t")[1:7]) for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert [row for row, n in Counter(rows).items() if n > 1] == []
    roots = {p.code[:2] for bucket in index.values() for p in bucket if p.code != "none"}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_a_pattern_with_an_unknown_code_names_its_line(tmp_path):
    import pytest

    from thucydides.errors import DictionaryError
    from thucydides.events.patterns import load_patterns

    path = tmp_path / "verbs.tsv"
    path.write_text("# comment\n999\tV\tattack\t-\t-\t-\t-\tnote\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="verbs.tsv:2"):
        load_patterns(path)


def test_no_event_rows_are_judgements_with_a_reason():
    from thucydides.events.patterns import LEXICON

    def data(name):
        text = resources.files("thucydides").joinpath("data", "events", name).read_text("utf-8")
        return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]

    judged = data(LEXICON[1])
    assert all(len(row) == 8 and row[0] == "none" and row[7].strip() for row in judged), \
        [row for row in judged if len(row) != 8 or row[0] != "none" or not row[7].strip()]
    keys = [tuple(row[1:7]) for row in judged]
    assert len(keys) == len(set(keys))
    # a word is judged once: a bare "no event" row never repeats a bare row of verbs.tsv
    coded = {tuple(row[1:7]) for row in data(LEXICON[0])}
    assert not set(keys) & coded


def test_no_event_file_takes_only_none(tmp_path):
    import pytest

    from thucydides.errors import DictionaryError
    from thucydides.events import patterns as module

    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "no_event.tsv").write_text("190\tV\tshell\t-\t-\t-\t-\tnote\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="no_event.tsv:1"):
        module.load_patterns(folder / "no_event.tsv")


@pytest.mark.parametrize(("convention", "code", "expected"), [
    ("negated", "036", "125"),  # "refused to meet": the three-digit row
    ("negated", "057", "127"),
    ("negated", "042", "125"),  # the root row (04)
    ("negated", "0874", "124"),  # a four-digit code falls to its root (08)
    ("negated", "190", "120"),  # no row: the default
    ("threatened", "163", "132"),
    ("threatened", "190", "138"),
    ("intended", "04", "036"),
    ("appealed", "07", "023"),
    ("demanded", "03", "100"),
])
def test_conventions_come_from_the_table(convention, code, expected):
    from thucydides.events.codebook import convert

    assert convert(convention, code) == expected


def test_every_named_list_the_code_uses_exists():
    import ast
    import re
    from pathlib import Path

    from thucydides.tables import named_lists

    root = Path(__file__).resolve().parent.parent / "thucydides"
    used = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("word_set", "word_list") \
                    and node.args and isinstance(node.args[0], ast.Constant):
                used.add(node.args[0].value)
    data = (root / "data").rglob("*.tsv")
    used |= {name for path in data for name in re.findall(r"list:([a-z0-9-]+)", path.read_text(encoding="utf-8"))}
    lists = named_lists()
    assert used and used <= set(lists), used - set(lists)
    assert set(lists) <= used, f"lists no code reads: {set(lists) - used}"
    assert all(lists[name] for name in lists)


def test_an_unknown_list_names_itself():
    from thucydides.errors import DictionaryError
    from thucydides.tables import word_set

    with pytest.raises(DictionaryError, match="no-such-list"):
        word_set("no-such-list")


def test_dep_and_list_conditions_of_a_row(tmp_path):
    from thucydides.events.patterns import load_patterns
    from thucydides.tables import word_set

    path = tmp_path / "verbs.tsv"
    path.write_text("none\tV\tcall\t-\tdep:oprd | dep:ccomp\t-\t-\tnaming\n"
                    "none\tN\tdemand\t*\tlist:market-words\t-\t-\tthe market's\n", encoding="utf-8")
    index = load_patterns(path)
    call, demand = index[("V", "call")][0], index[("N", "demand")][0]
    assert call.children == {"oprd", "ccomp"} and call.objects is None and call.weight == 1
    assert demand.compounds == word_set("market-words") and demand.weight == 1


def test_recodes_load_in_order_with_their_places():
    from thucydides.events.codebook import RECODE_PLACES, recodes
    from thucydides.tables import word_set

    rows = recodes()
    assert {row.when for row in rows} <= set(RECODE_PLACES)
    chemical = rows[0]
    assert chemical.codes == ("18", "19") and chemical.becomes == "2041" and chemical.unless == {"tear"}
    assert chemical.words == word_set("chemical-weapon-words")
    # aerial before military: rows are tried in order, the first that applies wins
    bombing = [row.becomes for row in rows if row.codes == ("183",)]
    assert bombing == ["195", "190"]


def test_a_recode_with_an_unknown_place_names_its_line(tmp_path, monkeypatch):
    import importlib

    from thucydides.errors import DictionaryError

    module = importlib.import_module("thucydides.events.codebook")
    folder = tmp_path / "data" / "events"
    folder.mkdir(parents=True)
    (folder / "recodes.tsv").write_text("190\tsomewhere\tsea\t-\t150\tnote\n", encoding="utf-8")
    monkeypatch.setattr(module, "packaged", lambda *parts: folder / parts[-1])
    module.recodes.cache_clear()
    try:
        with pytest.raises(DictionaryError, match="recodes.tsv:1"):
            module.recodes()
    finally:
        module.recodes.cache_clear()
