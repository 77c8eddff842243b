import pytest

from thucydides.structure.normalize import clean
from thucydides.structure.paragraphs import split_paragraphs


@pytest.mark.parametrize(("raw", "cleaned"), [
    ('"a real thing," one of sources said.·\nNext', '"a real thing," one of sources said.\nNext'),
    ("said. •\nNext", "said.\nNext"),
    ("nego\u00adtiations", "negotiations"),
    ("Kyiv\u00a0on Monday", "Kyiv on Monday"),
    ("zero\u200bwidth", "zerowidth"),
    ("AT&amp;T and &quot;allies&quot;", 'AT&T and "allies"'),
    ("line one\r\nline two\rline three", "line one\nline two\nline three"),
    ("spaces   and\ttabs  ", "spaces and tabs"),
    ("“curly” and ‘single’ «guillemets»", "“curly” and ‘single’ «guillemets»"),
    ("Catalan col·lega keeps its dot", "Catalan col·lega keeps its dot"),
    ("para\n\n\n\nnext", "para\n\nnext"),
    ("\ufeffBOM start", "BOM start"),
])
def test_clean(raw, cleaned):
    assert clean(raw) == cleaned


@pytest.mark.parametrize(("text", "expected"), [
    ("one\ntwo\nthree", ["one", "two", "three"]),
    ("one\nwrapped\n\ntwo", ["one\nwrapped", "two"]),
    ("SALVADOR - a\nwrapped line\n    Second para\nwrapped\n    Third", ["SALVADOR - a\nwrapped line", "Second para\nwrapped", "Third"]),
    ("only", ["only"]),
])
def test_paragraphs(text, expected):
    assert [text[p.start:p.end] for p in split_paragraphs(text)] == expected
