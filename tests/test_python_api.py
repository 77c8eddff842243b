"""The Python API (thucydides/api.py, docs/python.md): load, call, pipe, to_json, and the errors it raises."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest

import thucydides
from thucydides.api import Pipeline
from thucydides.errors import BadValue, ConfigError, EmptyInput, InputTooLarge, NotEnglish, UsageError
from thucydides.types import Article, Rejected

# Wire paragraphs written for these tests.
SHELLING = ("KYIV, March 3 (Reuters) - Russian forces shelled the city of Kharkiv on Monday, killing four civilians, "
            "Ukraine's defence ministry said.\n\n\"We will not give up our land,\" Ukrainian President Volodymyr "
            "Zelenskiy said in a video address on Monday evening.")
TALKS = ("MOSCOW, May 5 (Reuters) - Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in "
         "Moscow on Friday to discuss trade.\n\n\"Our relations are at their best,\" Lavrov told reporters after the "
         "talks, the first since 2023.")
AIRSPACE = ("NAIROBI, June 10 (Reuters) - Kenya's government accused Somalia of violating its airspace on Tuesday."
            "\n\n\"This is a provocation,\" Foreign Minister Alfred Mutua said in a statement.")
PAGE = ("<!DOCTYPE html><html><head><title>Kenya accuses Somalia over airspace | Meridian Wire</title></head><body>"
        "<article><h1>Kenya accuses Somalia over airspace</h1>"
        + "".join(f"<p>{p}</p>" for p in AIRSPACE.split("\n\n")) + "</article></body></html>")
FRENCH = ("La Russie et l'Ukraine ont échangé des prisonniers lundi, a annoncé le ministère de la Défense à Moscou, "
          "selon un communiqué publié dans la soirée.")


@pytest.fixture(scope="module")
def api(coder):
    """The API over the session's coder (its model loaded once, its 'today' fixed)."""
    return Pipeline(coder)


@pytest.fixture
def shared_model(monkeypatch, nlp):
    """Worker processes and new pipelines take the session's model instead of loading their own (forked)."""
    monkeypatch.setattr("thucydides.pipeline.load_model", lambda *args, **kwargs: nlp)


@pytest.mark.model
@pytest.mark.parametrize(("text", "published", "root", "source", "speaker", "event_date"), [
    (SHELLING, "2025-03-03", "19", "RUS", "Volodymyr Zelenskyy", "2025-03-03"),
    (TALKS, "2025-05-05", "04", "RUS", "Sergey Lavrov", "2025-05-02"),  # "on Friday" before Monday 5 May
    (AIRSPACE, "2025-06-10", "11", "KEN", "Alfred Mutua", "2025-06-10"),
])
def test_a_wire_paragraph_codes_events_and_quotes(api, text, published, root, source, speaker, event_date):
    article = api(text, published=published, outlet="Reuters")
    assert isinstance(article, Article) and article.outlet == "Reuters"
    (event,) = [e for e in article.events if e.cameo_root == root]
    assert event.source.actor.code.startswith(source) and event.date == event_date
    (quote,) = [q for q in article.quotes if q.direct]
    assert quote.speaker.name == speaker
    assert article.to_json()["quotes"][article.quotes.index(quote)]["speaker"]["name"] == speaker


@pytest.mark.model
@pytest.mark.parametrize(("name", "content"), [
    ("wire.txt", "Russian shelling kills four in Kharkiv\n\n" + SHELLING),
    ("talks.txt", TALKS),  # year-less dateline, year from the text
    ("page.html", PAGE),
])
def test_to_json_is_the_line_the_cli_writes(code_in_process, settings, nlp, tmp_path, name, content):
    from thucydides.pipeline import Coder

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = code_in_process([str(path)])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    record = Pipeline(Coder(settings, nlp=nlp))(content).to_json()  # today's date, as the command's
    assert record["input"] == {"path": "<python>"}
    record["input"] = {"path": str(path)}
    assert json.dumps(record, ensure_ascii=False) == line


@pytest.mark.model
@pytest.mark.parametrize(("shape", "as_tuples"), [("str", False), ("dict", False), ("pair", True)])
@pytest.mark.parametrize(("workers", "batch_size", "read_at_first"), [
    (1, 1, 1), (1, 2, 2), (1, 5, 5), (2, 1, 4),  # a pool reads two batches per worker ahead
])
def test_pipe_streams_and_keeps_order(api, shared_model, shape, as_tuples, workers, batch_size, read_at_first):
    texts = [SHELLING, TALKS, AIRSPACE, SHELLING.replace("four", "five"), TALKS.replace("trade", "energy"), PAGE]
    read: list[int] = []

    def items():
        for n, text in enumerate(texts):
            read.append(n)
            item = {"text": text, "id": f"a{n}"} if shape == "dict" else text
            yield (item, n) if shape == "pair" else item

    stream = api.pipe(items(), workers=workers, batch_size=batch_size, as_tuples=as_tuples)
    assert read == []  # nothing is read before the first result is asked for
    first = next(stream)
    assert len(read) == read_at_first
    results = [first, *stream]
    if as_tuples:
        assert [context for _, context in results] == list(range(len(texts)))
        results = [article for article, _ in results]
    assert all(isinstance(a, Article) for a in results)
    assert [a.text for a in results] == [api(t).text for t in texts]
    if shape == "dict":
        assert [a.id for a in results] == [f"a{n}" for n in range(len(texts))]


@pytest.mark.model
def test_pipe_yields_rejected_items_in_place_and_goes_on(api):
    items = [SHELLING, "", 42, {"txt": TALKS}, FRENCH, ("x", 1), {"text": AIRSPACE, "published": "soon"}, TALKS]
    results = list(api.pipe(items, batch_size=3))
    assert [r.code if isinstance(r, Rejected) else "ok" for r in results] == [
        "ok", EmptyInput.code, BadValue.code, BadValue.code, NotEnglish.code, BadValue.code, BadValue.code, "ok"]
    assert [r.ref.record for r in results] == list(range(1, len(items) + 1))
    assert "unknown key(s) 'txt'" in results[3].message and "as_tuples=True" in results[5].message


@pytest.mark.model
@pytest.mark.parametrize(("page", "headline", "published"), [
    (PAGE, "Kenya accuses Somalia over airspace", None),
    ("<html><head><meta property='og:title' content='Lavrov meets Wang Yi'><meta property='article:published_time' "
     "content='2025-05-05T08:00:00Z'></head><body><h1>Lavrov meets Wang Yi</h1>"
     + "".join(f"<p>{p}</p>" for p in TALKS.split("\n\n")) + "</body></html>", "Lavrov meets Wang Yi", "2025-05-05"),
])
def test_html_gives_the_headline(api, page, headline, published):
    article = api(page)
    assert (article.format, article.headline, article.published) == ("html", headline, published)
    assert "<" not in article.text and article.events


@pytest.mark.model
@pytest.mark.parametrize(("text", "options", "error", "words"), [
    ("", {}, EmptyInput, "empty"),
    ("  \n\t", {}, EmptyInput, "empty"),
    (None, {}, BadValue, "not None"),
    (42, {}, BadValue, "not an int"),
    (SHELLING.encode(), {}, BadValue, "decode it first"),
    ("ok \ud800 text", {}, BadValue, "lone surrogate"),
    ('{"text": "KYIV, March 3 (Reuters) - Talks resumed."}', {}, BadValue, "looks like JSON"),
    ("<?xml version='1.0'?><rss><channel><title>t</title></channel></rss>", {}, BadValue, "RSS or Atom feed"),
    (FRENCH, {}, NotEnglish, "not English"),
    (SHELLING, {"published": "yesterday"}, BadValue, "not a date: 'yesterday'"),
    (SHELLING, {"published": "2025-02-30"}, BadValue, "not a date"),
    (SHELLING, {"published": 20250303}, BadValue, "a str or a date"),
    (SHELLING, {"published": "2025-03-03T10:00+99:00"}, BadValue, "UTC offset"),
    (SHELLING, {"outlet": 5}, BadValue, "outlet must be a str"),
    (SHELLING, {"id": True}, BadValue, "id must be a str"),
])
def test_bad_input_raises_the_documented_error(api, text, options, error, words):
    with pytest.raises(error, match=words) as caught:
        api(text, **options)
    assert caught.value.code == error.code and caught.value.source == "<python>"


@pytest.mark.model
@pytest.mark.parametrize(("published", "iso", "precision", "event_date", "time"), [
    ("2025-03-03", "2025-03-03", "day", "2025-03-03", None),
    (date(2025, 3, 3), "2025-03-03", "day", "2025-03-03", None),
    ("2025-03", "2025-03-03", "day", "2025-03-03", None),  # the dateline gives the day
    (datetime(2025, 3, 3, 9, 30, tzinfo=UTC), "2025-03-03", "day", "2025-03-03", "2025-03-03T09:30:00+00:00"),
    ("2025-03-10", "2025-03-10", "day", "2025-03-10", None),  # "on Monday" in a report of Monday 10 March
    (None, None, None, None, None),
])
def test_published_is_honoured(api, published, iso, precision, event_date, time):
    article = api(SHELLING, published=published)
    assert (article.published, article.published_precision) == (iso, precision)
    assert {e.date for e in article.events} == {event_date}
    assert article.to_json()["published_time"] == time
    assert any(w.startswith("undated:") for w in article.warnings) == (published is None)


@pytest.mark.model
@pytest.mark.parametrize(("options", "fragment"), [
    ({"workers": 0}, "workers"),
    ({"batch_size": 0}, "batch_size"),
    ({"workers": 1.5}, "workers"),
])
def test_pipe_refuses_bad_arguments_at_once(api, options, fragment):
    with pytest.raises(UsageError, match=fragment):
        api.pipe([SHELLING], **options)  # raised by the call, before any item is read


@pytest.mark.model
def test_pipe_refuses_a_single_string(api):
    with pytest.raises(UsageError, match="call the pipeline itself"):
        api.pipe(SHELLING)


@pytest.mark.model
def test_load_reads_a_config_file(shared_model, tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("[ingest]\nmax_document_bytes = 100\n")
    nlp = thucydides.load(str(path))
    assert isinstance(nlp, thucydides.Pipeline) and nlp.settings.max_document_bytes == 100
    with pytest.raises(InputTooLarge, match="100-byte limit"):
        nlp(SHELLING)


@pytest.mark.parametrize(("toml", "words"), [
    ("[ingest]\nmax_document_bytes = 0\n", "out of range"),
    ("not toml [", "cannot read settings file"),
    (None, "cannot read settings file"),  # no such file
])
def test_load_refuses_a_bad_config_before_loading_the_model(tmp_path, monkeypatch, toml, words):
    monkeypatch.setattr("thucydides.pipeline.load_model", lambda *args, **kwargs: pytest.fail("model loaded"))
    path = tmp_path / "settings.toml"
    if toml is not None:
        path.write_text(toml)
    with pytest.raises(ConfigError, match=words):
        thucydides.load(path)


@pytest.mark.model
def test_load_without_config_uses_the_defaults(shared_model, settings):
    nlp = thucydides.load()
    assert nlp.settings == settings
    assert nlp(TALKS).events


@pytest.fixture(scope="module")
def loaded_by_import():
    """The modules ``import thucydides`` (and looking at its public names, but not calling load) loads."""
    script = ("import sys, thucydides; thucydides.load; thucydides.article_to_dict; "
              "print('\\n'.join(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    return set(done.stdout.split())


@pytest.mark.parametrize("module", ["spacy", "thinc", "thucydides.api", "thucydides.pipeline", "thucydides.nlp"])
def test_import_thucydides_stays_cheap(loaded_by_import, module):
    assert "thucydides" in loaded_by_import and module not in loaded_by_import


def test_pipeline_is_a_lazy_public_name():
    assert "Pipeline" in thucydides.__all__ and thucydides.Pipeline is Pipeline
    with pytest.raises(AttributeError):
        thucydides.NoSuchName  # noqa: B018
