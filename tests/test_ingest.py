"""Reading every format from content, encodings, and bad input that is reported and skipped."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from thucydides.ingest import read
from thucydides.ingest.detect import sniff
from thucydides.ingest.encoding import decode
from thucydides.types import RawDocument, Rejected

DISPATCH = "Talks resume in Doha\nKYIV, March 3 (Reuters) - Ukraine and Russia exchanged prisoners on Monday.\n"
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>First item</title><link>https://example.org/1</link><pubDate>Tue, 30 Jan 2018 20:15:00 GMT</pubDate>
<description>&lt;p&gt;MOSCOW, Jan 30 (Reuters) - One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</description></item>
<item><title>Second item</title><description>Plain summary text.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><title>Atom entry</title><id>urn:1</id><updated>2024-05-01T10:00:00Z</updated>
<content type="html">&lt;p&gt;Body of the entry.&lt;/p&gt;</content></entry></feed>"""
HTML = "<!DOCTYPE html><html><head><title>A page</title></head><body><p>Body text.</p></body></html>"


def _warc(pages: list[tuple[str, bytes]], *, gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for url, payload in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return buffer.getvalue()


def _read(tmp_path, name: str, data: bytes, settings) -> list[RawDocument | Rejected]:
    path = tmp_path / name
    path.write_bytes(data)
    return list(read([str(path)], settings))


@pytest.mark.parametrize(("head", "name", "fmt"), [
    (DISPATCH.encode(), "a.txt", "text"),
    (DISPATCH.encode(), "a.html", "text"),  # content wins over a wrong extension
    (HTML.encode(), "page.txt", "html"),
    (b'{"id": 1, "text": "x"}\n{"id": 2}', "c.txt", "jsonl"),
    (RSS.encode(), "feed.bin", "feed"),
    (ATOM.encode(), "feed", "feed"),
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x.dat", "warc"),
    (b"\xef\xbb\xbf" + HTML.encode(), "bom.html", "html"),
])
def test_sniff(head, name, fmt):
    assert sniff(head, name) == fmt


@pytest.mark.parametrize(("data", "declared", "expected"), [
    ("Zelenskyy’s “plan”".encode(), None, "Zelenskyy’s “plan”"),
    ("Erdoğan".encode("utf-16"), None, "Erdoğan"),
    ("\ufeffKyiv".encode(), None, "Kyiv"),
    ("café – “quoted”".encode("cp1252"), "windows-1252", "café – “quoted”"),
    (b'<meta charset="iso-8859-1"><p>S\xe3o Paulo</p>', None, '<meta charset="iso-8859-1"><p>São Paulo</p>'),
])
def test_decode(data, declared, expected):
    assert decode(data, declared=declared)[0] == expected


def test_undeclared_non_utf8_is_decoded_with_a_warning():
    text, encoding, warnings = decode("Les négociations à Genève ont repris lundi, a déclaré le ministère.".encode("latin-1"))
    assert "négociations à Genève" in text and encoding != "utf-8" and warnings


def test_text_html_jsonl_feed_and_warc_read(tmp_path, settings):
    assert [d.format for d in _read(tmp_path, "a.txt", DISPATCH.encode(), settings)] == ["text"]
    assert [d.format for d in _read(tmp_path, "p.html", HTML.encode(), settings)] == ["html"]
    feed = _read(tmp_path, "f.rss", RSS.encode(), settings)
    assert [(d.headline, d.ref.record) for d in feed] == [("First item", 1), ("Second item", 2)]
    assert feed[0].text == "MOSCOW, Jan 30 (Reuters) - One.\nTwo." and feed[0].published.startswith("2018-01-30")
    assert feed[0].outlet == "Wire" and feed[0].url == "https://example.org/1"
    atom = _read(tmp_path, "a.atom", ATOM.encode(), settings)
    assert atom[0].text == "Body of the entry." and atom[0].published.startswith("2024-05-01")
    warc = _read(tmp_path, "w.warc.gz", _warc([("https://example.org/a", HTML.encode())] * 2), settings)
    assert [(d.format, d.url, d.ref.record) for d in warc] == [("warc", "https://example.org/a", 1),
                                                                 ("warc", "https://example.org/a", 2)]


def test_jsonl_fields_numbers_and_gzip(tmp_path, settings):
    lines = [{"id": "a", "headline": "H", "body": "KYIV, March 3 (Reuters) - Text.", "date": "2022-03-03",
              "source": "Reuters", "link": "https://example.org/a", "authors": ["A One", "B Two"]}]
    data = gzip.compress("\n".join(json.dumps(x) for x in lines).encode())
    (doc,) = _read(tmp_path, "c.jsonl.gz", data, settings)
    assert (doc.id, doc.headline, doc.text, doc.published, doc.outlet, doc.url, doc.byline) == (
        "a", "H", "KYIV, March 3 (Reuters) - Text.", "2022-03-03", "Reuters", "https://example.org/a", "A One, B Two")
    assert doc.ref.line == 1


def test_field_mapping(tmp_path, settings):
    mapped = settings.with_fields({"text": "story", "headline": "hed"})
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"story": "Body.", "hed": "Title", "text": ""}) + "\n")
    (doc,) = list(read([str(path)], mapped))
    assert (doc.text, doc.headline) == ("Body.", "Title")


# --- bad input: one clear record naming the input and the reason, and the rest of the batch goes on ------

def _rejections(items):
    return [(str(r.ref), r.reason) for r in items if isinstance(r, Rejected)]


def test_jsonl_bad_lines_are_reported_with_line_numbers(tmp_path, settings):
    data = b'{"text": "one"}\nnot json at all\n[1, 2]\n{"title": null}\n\n{"text": "five"}\n'
    items = _read(tmp_path, "c.jsonl", data, settings)
    path = str(tmp_path / "c.jsonl")
    assert [d.text for d in items if isinstance(d, RawDocument)] == ["one", "five"]
    assert _rejections(items) == [(f"{path}:2", "malformed-record"), (f"{path}:3", "malformed-record"),
                                  (f"{path}:4", "malformed-record")]
    assert "line is not valid JSON" in next(r.message for r in items if isinstance(r, Rejected))


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\t\n", "empty"),
    ("binary.bin", bytes(range(256)) * 4, "binary"),
    ("cut.txt.gz", gzip.compress(DISPATCH.encode() * 50)[:-30], "truncated"),
    ("notafeed.rss", b"<?xml version='1.0'?><rss><channel><item><title>x</title", "malformed-feed"),
    ("empty.jsonl", b"\n\n", "empty"),
])
def test_bad_input_is_one_rejection(tmp_path, settings, name, data, reason):
    items = _read(tmp_path, name, data, settings)
    assert _rejections(items) == [(str(tmp_path / name), reason)]


FIFTY_MB = 50 * 1024 * 1024


def test_50_mb_single_line_text_is_too_large(tmp_path, settings):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (FIFTY_MB // 5))
    assert _rejections(read([str(path)], settings)) == [(str(path), "too-large")]


def test_50_mb_jsonl_line_is_reported_and_the_next_line_read(tmp_path, settings):
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.write(b'{"text": "' + b"a" * FIFTY_MB + b'"}\n{"text": "KYIV, March 3 (Reuters) - Small."}\n')
    items = list(read([str(path)], settings))
    assert _rejections(items) == [(f"{path}:1", "too-large")]
    assert [d.text for d in items if isinstance(d, RawDocument)] == ["KYIV, March 3 (Reuters) - Small."]


def test_malformed_html_still_reads(tmp_path, settings):
    page = b"<html><body><div><p>KYIV, March 3 (Reuters) - Unclosed <b>tags <p>and more text here"
    (doc,) = _read(tmp_path, "bad.html", page, settings)
    assert doc.format == "html"


def test_warc_with_a_cut_record_keeps_what_came_before(tmp_path, settings):
    whole = _warc([("https://example.org/1", HTML.encode()), ("https://example.org/2", HTML.encode() * 200)], gz=False)
    items = _read(tmp_path, "cut.warc", whole[: len(whole) - 3000], settings)
    assert [d.url for d in items if isinstance(d, RawDocument)] == ["https://example.org/1"]
    assert [reason for _, reason in _rejections(items)] == ["malformed-warc"]


def test_missing_file_and_empty_glob_are_reported_and_the_batch_goes_on(tmp_path, settings):
    good = tmp_path / "good.txt"
    good.write_text(DISPATCH)
    items = list(read([str(tmp_path / "missing.txt"), str(tmp_path / "none-*.txt"), str(good)], settings))
    assert [r.reason for r in items if isinstance(r, Rejected)] == ["unreadable", "unreadable"]
    assert [d.ref.path for d in items if isinstance(d, RawDocument)] == [str(good)]


def test_directories_recurse_in_sorted_order_and_skip_hidden(tmp_path, settings):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(DISPATCH)
    (tmp_path / "1.txt").write_text(DISPATCH)
    (tmp_path / ".hidden.txt").write_text(DISPATCH)
    paths = [d.ref.path for d in read([str(tmp_path)], settings)]
    assert paths == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]
    assert [d.ref.path for d in read([str(tmp_path / "**" / "*.txt")], settings)] == paths


@pytest.mark.parametrize("kind", ["jsonl.gz", "warc.gz"])
def test_standard_input_is_streamed_from_a_pipe(tmp_path, kind):
    """`zcat corpus | thucydides code -` and a gzipped WARC piped in (a pipe cannot rewind) read like files."""
    import subprocess
    import sys

    if kind == "warc.gz":
        data = _warc([("https://example.org/a", HTML.encode())] * 3)
    else:
        data = gzip.compress("\n".join(json.dumps({"id": str(i), "text": DISPATCH}) for i in range(3)).encode())
    script = ("from thucydides import config; from thucydides.ingest import read; "
              "print(sum(1 for d in read(['-'], config.load()) if d.__class__.__name__ == 'RawDocument'))")
    done = subprocess.run([sys.executable, "-c", script], input=data, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "3"


def test_document_count_for_the_progress_eta(tmp_path):
    from thucydides.ingest.sources import count_documents

    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "b.html").write_text("<p>two</p>")
    (tmp_path / "c.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n{"text": "z"}\n')
    (tmp_path / "d.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n{"text": "y"}\n'))
    assert count_documents([str(tmp_path)]) == 7
    (tmp_path / "e.rss").write_text("<rss/>")
    assert count_documents([str(tmp_path)]) is None  # a feed's items are not counted cheaply
    assert count_documents(["-"]) is None
