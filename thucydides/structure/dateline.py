"""Datelines at the head of a dispatch, in the styles wire services use.

Handled (and their variants: a region after the city, a date with or without year, several places)::

    MOSCOW, March 3. /TASS/.             TASS
    KYIV, March 3 (Reuters) -            Reuters, Xinhua (--), UPI, RIA Novosti, AFP
    DOHA, Qatar (AP) —                   AP (no date), AFP "Kyiv (AFP) -"
    NEW DELHI/ISLAMABAD, May 7 (Reuters) -
    BOGOTA, March 13 -                   agency-less, upper-case place
    ANKARA, 12 June 2024 —               press releases
    KYIV — ...                           upper-case place and a dash only
    CAIRO: ...                           upper-case place and a colon (a known place only)
"""

from __future__ import annotations

import re

from thucydides.structure.resources import agencies, gazetteer, us_state_abbreviations
from thucydides.types import Dateline

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
          r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DATE = (rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))"
         r"(?:,?\s+(?P<year>(?:19|20)\d\d))?")
# A place word: capitalised or upper-case, with inner dots, hyphens and apostrophes (ST. PETERSBURG, N'DJAMENA).
_WORD = r"[A-Z][A-Za-z'’.\-]*"
_PLACE = rf"(?P<place>{_WORD}(?:[ \-]{_WORD}){{0,4}}(?:\s*/\s*{_WORD}(?:[ \-]{_WORD}){{0,3}})*)"
_REGION = rf"(?:,\s+(?P<region>{_WORD}(?:\s{_WORD}){{0,3}}))"
_AGENCY = r"(?:\((?P<agency>[A-Z][A-Za-z.&\- ]{0,30}?)\)|/(?P<slash>[A-Z][A-Za-z\- ]{1,20})/)"
_DASH = r"(?:--|—|–|-|:)"

_PATTERNS = (
    re.compile(rf"{_PLACE}{_REGION}??(?:,\s+{_DATE})?\.?\s*{_AGENCY}\s*(?:{_DASH}|\.)"),  # with an agency
    re.compile(rf"{_PLACE}{_REGION}??,\s+{_DATE}\.?\s*{_DASH}"),  # place and date, no agency
    re.compile(rf"{_PLACE}{_REGION}?\s+{_DASH}(?=\s)"),  # upper-case place and a dash
    re.compile(rf"{_PLACE}{_REGION}?:(?=\s)"),  # upper-case place and a colon (AFP copy in CNA, France 24)
)


def _is_upper(place: str) -> bool:
    letters = [c for c in place if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _title(place: str) -> str:
    if not _is_upper(place):
        return place
    words = re.split(r"([ /\-])", place.lower())
    return "".join(w[:1].upper() + w[1:] if w not in (" ", "/", "-") else w for w in words)


def _agency_name(raw: str) -> str:
    known = agencies().get(raw.strip().casefold())
    return known.name if known else raw.strip()


def _country(place: str, region: str | None) -> str | None:
    gaz = gazetteer()
    if region:
        if region in us_state_abbreviations():
            return "USA"
        by_region = gaz.countries.get(region.casefold()) or gaz.country_of(region)
        if by_region:
            return by_region
    first = re.split(r"\s*/\s*", place)[0]
    return gaz.country_of(first)


def find_dateline(text: str, start: int = 0) -> Dateline | None:
    """The dateline at ``text[start:]``'s beginning, or ``None``; offsets are into ``text``."""
    match = next((m for p in _PATTERNS if (m := p.match(text, start))), None)
    if not match:
        return None
    groups = match.groupdict()
    place = (groups.get("place") or "").strip()
    agency_raw = groups.get("agency") or groups.get("slash")
    has_date = bool(groups.get("m1") or groups.get("m2"))
    region = groups.get("region")
    if not agency_raw and not _is_upper(place):
        return None  # "However, on March 3 -" is not a dateline: without an agency the place must be upper-case
    if agency_raw and not _is_upper(place) and agency_raw.strip().casefold() not in agencies():
        return None  # "UN Deputy Relief Coordinator (UN) -": a title-case place needs a known agency
    if not agency_raw and not has_date and (len(place) < 3 or len(place.split()) > 4):
        return None
    if not agency_raw and not has_date and match.group(0).endswith(":") and _country(place, region) is None:
        return None  # "UPDATE:", "NOTE:": a colon dateline needs a place the gazetteer knows
    month_text = groups.get("m1") or groups.get("m2")
    day_text = groups.get("d1") or groups.get("d2")
    month = MONTHS.get(month_text.rstrip(".").lower()[:3]) if month_text else None
    day = int(day_text) if day_text else None
    if day is not None and not 1 <= day <= 31:
        return None
    year = int(groups["year"]) if groups.get("year") else None
    end = match.end()
    date_text = None
    if month_text:
        date_match = re.search(_DATE, match.group(0))
        date_text = date_match.group(0) if date_match else None
    return Dateline(
        text=text[match.start():end], start=match.start(), end=end, place=_title(place),
        country=_country(place, region), date_text=date_text, month=month, day=day, year=year,
        agency=_agency_name(agency_raw) if agency_raw else None,
    )
