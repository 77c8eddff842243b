"""What a charge, an arrest or an accusation alleges is its content, not an act of the one who charges: "charged two
men with murder" is an arrest or charge (173), "accused two men of murder" an accusation (112), and neither is a
murder by the prosecutors. "Ahead of the summit" is a time, not the particle of "charge ahead". Sentences written
by the team."""

from __future__ import annotations

import pytest

from conftest import dyads, sentence_coder

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(coder):
    return sentence_coder(coder, "2022-05-15")


@pytest.mark.parametrize(("text", "expected"), [
    ("Prosecutors charged two men with murder.", ("---JUD", "173", "---CVL")),
    ("Prosecutors accused two men of murder.", ("---JUD", "112", "---CVL")),
    ("Prosecutors accused the mayor of assault.", ("---JUD", "112", "---GOV")),
    ("Police arrested two men for murder.", ("---COP", "173", "---CVL")),
])
def test_the_alleged_act_is_content_not_a_second_event(code, text, expected):
    events = code(text)
    assert expected in dyads(events), dyads(events)
    assert not [e.cameo for e in events if e.quad_class == 4 and e.cameo[:2] != "17"], dyads(events)


@pytest.mark.parametrize(("text", "expected"), [
    ("Ahead of the summit, prosecutors charged two officials with fraud.", ("---JUD", "173", "---GOV")),
    ("The party is charging ahead with its plans.", None),
])
def test_ahead_of_is_a_time_not_a_particle(code, text, expected):
    got = dyads(code(text))
    assert (expected in got) if expected else not got, got
