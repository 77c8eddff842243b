import pytest

from thucydides.structure.dateline import find_dateline

# (text, dateline text, place, country, month, day, year, agency)
CASES = [
    ("WASHINGTON, October 12. /TASS/. The Pentagon", "WASHINGTON, October 12. /TASS/.", "Washington", "USA", 10, 12, None, "TASS"),
    ("UNITED NATIONS, March 3. /TASS/. The", "UNITED NATIONS, March 3. /TASS/.", "United Nations", None, 3, 3, None, "TASS"),
    ("ST. PETERSBURG, June 14. /TASS/. Putin", "ST. PETERSBURG, June 14. /TASS/.", "St. Petersburg", "RUS", 6, 14, None, "TASS"),
    ("KYIV, March 3 (Reuters) - Ukraine said", "KYIV, March 3 (Reuters) -", "Kyiv", "UKR", 3, 3, None, "Reuters"),
    ("NEW DELHI/ISLAMABAD, May 7 (Reuters) - India", "NEW DELHI/ISLAMABAD, May 7 (Reuters) -", "New Delhi/Islamabad", "IND", 5, 7, None, "Reuters"),
    ("WASHINGTON, Sept. 14 (Reuters) - The", "WASHINGTON, Sept. 14 (Reuters) -", "Washington", "USA", 9, 14, None, "Reuters"),
    ("GAZA, Jan 5 (Reuters) – Israeli", "GAZA, Jan 5 (Reuters) –", "Gaza", "PSE", 1, 5, None, "Reuters"),
    ("DOHA, Qatar (AP) — Hamas", "DOHA, Qatar (AP) —", "Doha", "QAT", None, None, None, "AP"),
    ("WASHINGTON (AP) — The", "WASHINGTON (AP) —", "Washington", "USA", None, None, None, "AP"),
    ("ATLANTA, Ga. (AP) — A", "ATLANTA, Ga. (AP) —", "Atlanta", "USA", None, None, None, "AP"),
    ("Kyiv (AFP) - Russia", "Kyiv (AFP) -", "Kyiv", "UKR", None, None, None, "AFP"),
    ("PARIS, March 3, 2024 (AFP) - France", "PARIS, March 3, 2024 (AFP) -", "Paris", "FRA", 3, 3, 2024, "AFP"),
    ("BEIJING, March 3 (Xinhua) -- China", "BEIJING, March 3 (Xinhua) --", "Beijing", "CHN", 3, 3, None, "Xinhua"),
    ("LAGOS, May 28 (Xinhua) -- Nigeria's", "LAGOS, May 28 (Xinhua) --", "Lagos", "NGA", 5, 28, None, "Xinhua"),
    ("MOSCOW, March 3 (RIA Novosti) - The", "MOSCOW, March 3 (RIA Novosti) -", "Moscow", "RUS", 3, 3, None, "RIA Novosti"),
    ("ANKARA (AA) - Turkish", "ANKARA (AA) -", "Ankara", "TUR", None, None, None, "Anadolu"),
    ("WASHINGTON, March 3 (UPI) -- The", "WASHINGTON, March 3 (UPI) --", "Washington", "USA", 3, 3, None, "UPI"),
    ("SALVADOR, Feb 26 - Showers", "SALVADOR, Feb 26 -", "Salvador", "BRA", 2, 26, None, None),
    ("ANKARA, 12 June 2024 — The ministry", "ANKARA, 12 June 2024 —", "Ankara", "TUR", 6, 12, 2024, None),
    ("KYIV — Ukraine's", "KYIV —", "Kyiv", "UKR", None, None, None, None),
    ("SYDNEY, Australia -- A Caesar's", "SYDNEY, Australia --", "Sydney", "AUS", None, None, None, None),
    ("KHARTOUM, April 15 (Reuters) - Sudan's", "KHARTOUM, April 15 (Reuters) -", "Khartoum", "SDN", 4, 15, None, "Reuters"),
    ("CAIRO: At least three civilians", "CAIRO:", "Cairo", "EGY", None, None, None, None),
    ("GAZA CITY, Palestinian Territories: Four", "GAZA CITY, Palestinian Territories:", "Gaza City", "PSE", None, None, None,
     None),
]
NOT_DATELINES = [
    "However, March 3 - nothing",
    "The US said on Monday",
    "Top Secret; Operational Immediate",
    "UN Deputy Emergency Relief Coordinator (UN) - x",
    "According to them, these demands",
    "IN THE PAPERS NATIONAL, Thurs.",
    "Photo taken on May 28, 2019 shows",
    "He said: It is over",
    "UPDATE: The talks resumed",
    "EXCLUSIVE: Iran offered",
]


@pytest.mark.parametrize(("text", "dl_text", "place", "country", "month", "day", "year", "agency"), CASES)
def test_dateline_styles(text, dl_text, place, country, month, day, year, agency):
    dateline = find_dateline(text)
    assert dateline is not None
    assert (dateline.text, dateline.place, dateline.country) == (dl_text, place, country)
    assert (dateline.month, dateline.day, dateline.year, dateline.agency) == (month, day, year, agency)
    assert text[dateline.start:dateline.end] == dl_text


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_not_a_dateline(text):
    assert find_dateline(text) is None


def test_dateline_found_at_an_offset():
    text = "Headline\nMOSCOW, March 3. /TASS/. Body"
    dateline = find_dateline(text, 9)
    assert dateline is not None and (dateline.start, dateline.end) == (9, 33)
