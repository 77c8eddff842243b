"""Acts told in the first person inside a quotation are the speaker's: sentences written by the team in the style
of wire news (actors/coreference.py, rule ``speaker``; lists.tsv first-person-pronouns)."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2024-05-21")


@pytest.mark.parametrize(("text", "expected"), [
    ('"We arrested four men near the port," Kenyan police said on Sunday.', ("KENCOP", "173")),
    ('"I met the Polish president this morning," Zelenskyy told reporters.', ("UKRGOV", "040")),
    ('The Lithuanian foreign minister said: "We expelled two Russian diplomats."', ("LTUGOV", "161")),
])
def test_an_act_in_the_first_person_is_the_speakers(code, text, expected):
    assert expected in {(source, cameo) for source, cameo, _target in dyads(code(text))}


def test_the_first_person_outside_a_quotation_is_no_one(code):
    # a text in the first person with no quotation: the author, whom no actor stands for
    assert not [e for e in code("We arrested four men near the port on Sunday.") if e.source is not None]
