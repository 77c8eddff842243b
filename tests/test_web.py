"""The REST API and pages with FastAPI's test client, over a store of the samples."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def db_path(samples_store):
    return samples_store("web")


@pytest.fixture(scope="module")
def client(db_path):
    from fastapi.testclient import TestClient

    from thucydides.web.app import create_app

    return TestClient(create_app(db_path), base_url="http://127.0.0.1:8000")  # a Host the server answers to


def test_openapi_and_lists(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/code", "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/dyads",
            "/api/sources"} <= set(schema["paths"])
    articles = client.get("/api/articles", params={"limit": 5}).json()
    assert articles["total"] == 25 and len(articles["items"]) == 5
    record = client.get(f"/api/articles/{articles['items'][0]['id']}").json()
    assert {"text", "events", "quotes", "framing", "actors"} <= set(record)
    assert client.get("/api/articles/nope").status_code == 404


def test_events_filters_and_paging(client):
    everything = client.get("/api/events", params={"limit": 1000}).json()["items"]
    russian = client.get("/api/events", params={"source": "RUS", "limit": 1000}).json()["items"]
    assert russian and len(russian) < len(everything)
    assert all(e["source"]["code"].startswith("RUS") for e in russian)
    first = client.get("/api/events", params={"limit": 2, "offset": 0}).json()["items"]
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()["items"]
    assert [e["id"] for e in first + second] == [e["id"] for e in everything[:4]]
    dyads = client.get("/api/dyads", params={"period": "month"}).json()["items"]
    assert dyads and all({"source", "target", "period", "events", "goldstein"} <= set(d) for d in dyads)
    sources = client.get("/api/sources").json()["items"]
    assert sources and all(0 <= s["share_anonymous"] <= 1 for s in sources)


def test_code_an_article_and_store_it(client):
    text = ("KYIV, May 6 (Reuters) - Russian forces shelled Kharkiv on Monday, the Ukrainian military said. "
            "\"We will respond,\" President Volodymyr Zelenskiy said.")
    record = client.post("/api/code", json={"text": text, "published": "2024-05-06", "store": True}).json()
    assert any(e["cameo"].startswith("19") for e in record["events"])
    direct = [q for q in record["quotes"] if q["direct"]]
    assert direct and direct[0]["speaker"]["name"] == "Volodymyr Zelenskyy"
    assert client.get(f"/api/articles/{record['id']}").status_code == 200
    assert client.post("/api/code", json={}).status_code == 400
    assert client.post("/api/code", json={"text": text, "published": "yesterday"}).status_code == 400
    assert client.post("/api/code", json={"text": "x" * (3 * 1024 * 1024)}).status_code == 413


def test_pages_escape_untrusted_text(client):
    evil = ("KYIV, May 6 (Reuters) - <script>alert(1)</script> Russian forces shelled Kharkiv. "
            "<img src=x onerror=alert(2)> said the mayor.")
    record = client.post("/api/code", json={"text": evil, "published": "2024-05-06", "store": True}).json()
    page = client.get(f"/articles/{record['id']}").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page
    overview = client.get("/")
    assert overview.status_code == 200 and "Top dyads" in overview.text
    assert '<svg id="timeline"' in overview.text and "<rect" in overview.text
    events = client.get("/events", params={"source": "RUS"})
    assert events.status_code == 200 and "RUS" in events.text


def test_paste_and_code_page(client):
    assert "<textarea" in client.get("/code").text
    text = "ANKARA, May 6 (Anadolu) - Turkish President Recep Tayyip Erdogan met Sudan's army chief in Ankara."
    response = client.post("/code", data={"text": text, "published": "2024-05-06"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/articles/")
    page = client.get(response.headers["location"]).text
    assert "TURGOV" in page and "Anadolu" in page
    empty = client.post("/code", data={"text": ""}, follow_redirects=False)
    assert empty.status_code == 400


# -- event explorer downloads -------------------------------------------------------------------------------

def _cli_export(db, fmt, *args):
    """What `thucydides export` writes to a file (-o) for these arguments."""
    import tempfile
    from pathlib import Path

    from click.testing import CliRunner

    from thucydides.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        result = CliRunner().invoke(main, ["export", "--format", fmt, "--db", db, "-o", str(out), *args])
        assert result.exit_code == 0, result.output
        return out.read_bytes().decode("utf-8")


def test_downloads_honour_filters_and_match_the_cli_export(client, db_path):
    from thucydides.store.query import COLUMNS, GDELT_COLUMNS

    everything = client.get("/api/events.csv")
    russian = client.get("/api/events.csv", params={"source": "RUS", "polarity": "positive"})
    assert russian.status_code == 200 and russian.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in russian.headers["content-disposition"]
    all_rows = everything.text.splitlines()
    rows = russian.text.splitlines()
    assert rows[0].split(",") == list(COLUMNS)
    assert 1 < len(rows) < len(all_rows)
    import csv

    parsed = list(csv.DictReader(russian.text.splitlines()))
    assert parsed and all(r["source_code"].startswith("RUS") and r["polarity"] == "positive" for r in parsed)
    # byte for byte what `thucydides export` writes for the same filters, in every format
    for fmt in ("csv", "jsonl", "gdelt", "plover"):
        web = client.get(f"/api/events.{fmt}", params={"source": "RUS", "root": "19"}).content.decode("utf-8")
        assert web == _cli_export(db_path, fmt, "--source", "RUS", "--root", "19"), fmt
        assert web.strip(), fmt
    gdelt = client.get("/api/events.gdelt", params={"actor": "UKR", "header": "true"}).content.decode().splitlines()
    assert gdelt[0].split("\t") == list(GDELT_COLUMNS) and len(GDELT_COLUMNS) == 61
    assert gdelt == _cli_export(db_path, "gdelt", "--actor", "UKR", "--header").splitlines()
    assert len(gdelt) > 1 and all(len(line.split("\t")) == 61 for line in gdelt)
    assert all("UKR" in (line.split("\t")[5] + line.split("\t")[15])[:20] for line in gdelt[1:])
    assert client.get("/api/events.xml").status_code == 422
    assert client.get("/api/events.csv", params={"polarity": "maybe"}).status_code == 422
    limited = client.get("/api/events.jsonl", params={"limit": 3}).text.splitlines()
    assert len(limited) == 3


def test_explorer_download_links_carry_the_filters_and_sorting(client):
    import html
    import re

    page = client.get("/events", params={"source": "RUS", "root": "19", "polarity": "positive"}).text
    links = [html.unescape(h) for h in re.findall(r'<a class="button" href="([^"]+)"', page)]
    assert [link.split("?")[0] for link in links] == ["/api/events.csv", "/api/events.jsonl", "/api/events.gdelt",
                                                      "/api/events.plover"]
    assert all("source=RUS" in link and "root=19" in link and "polarity=positive" in link for link in links)
    assert client.get(links[0]).text == client.get("/api/events.csv", params={"source": "RUS", "root": "19",
                                                                              "polarity": "positive"}).text
    assert '<option selected>positive</option>' in page
    # sorting by Goldstein, both ways
    down = client.get("/events", params={"sort": "-goldstein"}).text
    values = [float(v) for v in re.findall(r"</td><td>(-?\d+\.\d)</td><td>", down)]
    assert len(values) > 10 and values == sorted(values, reverse=True)
    up = client.get("/events", params={"sort": "goldstein"}).text
    ups = [float(v) for v in re.findall(r"</td><td>(-?\d+\.\d)</td><td>", up)]
    assert ups == sorted(ups) and len(ups) == len(values)
    # sorted by the store, a page at a time (100 a page): the pages are the API's, both ways
    everything = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert sorted(values, reverse=True) == sorted((e["goldstein"] for e in everything), reverse=True)[:len(values)]
    assert ups == sorted(e["goldstein"] for e in everything)[:len(ups)]
    assert client.get("/events", params={"sort": "record; drop"}).status_code == 422


# -- dyad view ------------------------------------------------------------------------------------------------

def _edges_from_api(client):
    events = client.get("/api/events", params={"limit": 1000, "polarity": "positive"}).json()["items"]
    edges = {}
    for e in events:
        if e.get("source") and e.get("target"):
            key = (e["source"]["code"], e["target"]["code"])
            edges.setdefault(key, []).append(e)
    return edges


def test_dyad_network_matches_the_events(client):
    import html
    import re

    page = client.get("/dyads")
    assert page.status_code == 200 and '<svg id="network"' in page.text
    assert '<a href="/dyads">Dyads</a>' in page.text  # in the nav
    drawn = {(html.unescape(s), html.unescape(t)): tone for s, t, tone in
             re.findall(r'<a class="edge[^"]*" href="[^"]+" data-source="([^"]*)" data-target="([^"]*)" '
                        r'data-events="\d+" data-tone="(\w+)">', page.text)}
    expected = _edges_from_api(client)
    codes = {c for pair in expected for c in pair}
    assert drawn and set(drawn) <= set(expected)
    if len(codes) <= 60:  # every actor fits: every dyad is drawn
        assert set(drawn) == set(expected)
        assert len(re.findall(r'<circle class="node"', page.text)) == len(codes)
    for pair, tone in drawn.items():
        total = sum(e["goldstein"] for e in expected[pair])
        assert tone == ("cooperation" if total > 0 else "conflict" if total < 0 else "neutral"), pair
    assert {"cooperation", "conflict"} <= set(drawn.values())
    # every edge and node is a link; filtering by actor keeps only that actor's dyads
    russia = client.get("/dyads", params={"actor": "RUS"}).text
    pairs = re.findall(r'data-source="([^"]*)" data-target="([^"]*)"', russia)
    assert pairs and all(s.startswith("RUS") or t.startswith("RUS") for s, t in pairs)
    assert len(pairs) < len(drawn)


def test_dyad_timeline_and_events(client):
    import html
    import re

    expected = _edges_from_api(client)
    (source, target), events = max(expected.items(), key=lambda kv: len(kv[1]))
    page = client.get("/dyads").text
    pattern = r'<a class="edge[^"]*" href="([^"]+)" data-source="' + re.escape(source) + '" data-target="'
    href = re.search(pattern + re.escape(target) + '"', page).group(1)
    view = client.get(html.unescape(href))
    assert view.status_code == 200
    assert f"<h2>{source} → {target}</h2>" in view.text and '<svg id="dyad-timeline"' in view.text
    assert '<a class="edge' in view.text and 'class="edge ' in view.text and " selected" in view.text
    table = view.text[view.text.index('id="dyad-events"'):]
    table = table[:table.index("</table>")]
    links = re.findall(r'href="(/articles/[^"#]+)#event-([^"]+)"', table)
    everything = client.get("/api/events", params={"limit": 1000}).json()["items"]
    exact = [e for e in everything if e.get("source") and e.get("target")
             and (e["source"]["code"], e["target"]["code"]) == (source, target)]
    assert len(links) == len(exact) >= len(events)  # the list also shows negated events
    assert {i for _, i in links} == {e["id"] for e in exact}
    article = client.get(links[0][0])
    assert article.status_code == 200 and f'id="event-{links[0][1]}"' in article.text
    weeks = re.findall(r'<g class="week" data-week="(\d{4}-W\d\d)">', view.text)
    from datetime import date

    def week(e):
        day = date.fromisoformat((e["date"] + "-01-01")[:10] if len(e["date"]) < 10 else e["date"][:10])
        y, w, _ = day.isocalendar()
        return f"{y}-W{w:02d}"

    assert sorted(weeks) == sorted({week(e) for e in events if e.get("date")})
    coop = [float(h) for h in re.findall(r'<rect class="coop" [^>]*height="([\d.]+)"', view.text)]
    conflict = [float(h) for h in re.findall(r'<rect class="conflict" [^>]*height="([\d.]+)"', view.text)]
    assert (max(coop) > 0) == any(e["quad_class"] in (1, 2) and e["goldstein"] > 0 for e in events)
    assert (max(conflict) > 0) == any(e["quad_class"] in (3, 4) and e["goldstein"] < 0 for e in events)
    missing = client.get("/dyads", params={"from": "ZZZ", "to": "YYY"}).text
    assert "No events for this dyad" in missing


def test_dyad_view_escapes_actor_text(tmp_path):
    from fastapi.testclient import TestClient

    from thucydides.store import Store
    from thucydides.types import Actor, ActorMention, Article, Event, InputRef, Modality, Sentence
    from thucydides.web.app import create_app

    evil = '<script>alert("x")</script>'

    def mention(code, name, start):
        return ActorMention(name, start, start + 3, 0, 0, 1, Actor(code, None, None, name, None, "role"), "role",
                            "test")

    text = "x" * 200
    events = tuple(Event(id=f"ev{i}", sentence=0, sentence_text=f"{evil} {i}", trigger_text=evil,
                         trigger_start=i, trigger_end=i + 1, source=mention(f'A"><svg onload=alert(1)>{i % 2}',
                                                                            evil, 0),
                         target=mention("<b>B</b>", f"<img src=x onerror=alert({i})>", 10), sources_all=(),
                         targets_all=(), cameo="190", cameo_name=evil, goldstein=-10.0, quad_class=4,
                         plover="ASSAULT", plover_mode=None, date=f"2024-05-{1 + 7 * i:02d}", date_text=None,
                         date_precision="day", location=None, modality=Modality(), pattern="test")
                   for i in range(3))
    article = Article(id="evil", ref=InputRef("test"), format="text", text=text, outlet=evil, headline=evil,
                      published="2024-05-01", sentences=(Sentence(0, 0, 200, 0, text),), events=events)
    db = str(tmp_path / "evil.db")
    with Store(db) as store:
        run = store.begin_run(pipeline_version="test", settings={}, inputs=["test"])
        store.write_article(article, run, "test")
    client = TestClient(create_app(db), base_url="http://127.0.0.1:8000")
    page = client.get("/dyads").text
    assert "<script>" not in page and "<svg onload" not in page and "<b>B</b>" not in page
    assert "&lt;b&gt;B&lt;/b&gt;" in page and page.count('<a class="edge') == 2
    detail = client.get("/dyads", params={"from": 'A"><svg onload=alert(1)>0', "to": "<b>B</b>"}).text
    assert "<script>" not in detail and "<img src=x" not in detail and "onload=alert(1)>" not in detail
    assert '<svg id="dyad-timeline"' in detail and detail.count('<g class="week"') == 2
    assert "&lt;script&gt;" in detail


def test_network_layout_and_timeline_geometry():
    from thucydides.web.charts import force_layout, week_timeline

    codes = ["A", "B", "C", "D", "E"]
    links = [("A", "B", 5), ("B", "C", 1), ("D", "E", 2)]
    first = force_layout(codes, links, 400, 300)
    assert first == force_layout(codes, links, 400, 300)  # deterministic
    assert all(40 <= x <= 360 and 40 <= y <= 260 for x, y in first.values())
    points = list(first.values())
    assert min(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for i, a in enumerate(points)
               for b in points[i + 1:]) > 20  # nodes do not sit on each other
    events = [{"date": "2024-05-06", "goldstein": 4.0, "quad_class": 1}, {"date": "2024-05-08", "goldstein": -10.0,
                                                                           "quad_class": 4},
              {"date": "2024-06-20", "goldstein": 7.0, "quad_class": 2},
              {"date": "2024-06-21", "goldstein": 3.0, "quad_class": 1, "modality": {"polarity": "negative"}},
              {"date": None, "goldstein": 1.0, "quad_class": 1}]
    chart = week_timeline(events)
    assert [b["week"] for b in chart["bars"]] == ["2024-W19", "2024-W25"]
    assert chart["bars"][0]["coop"] == 4.0 and chart["bars"][0]["conflict"] == -10.0
    assert chart["bars"][1]["coop"] == 7.0 and chart["bars"][1]["n"] == 1  # the negated event is left out
    assert chart["undated"] == 1
    assert chart["bars"][0]["conflict_h"] > chart["bars"][1]["coop_h"] > chart["bars"][0]["coop_h"] > 0
    assert chart["bars"][0]["x"] < chart["bars"][1]["x"]
    assert [t["label"] for t in chart["ticks"]] == ["2024-06"]


# -- article view: quotes once each, nested under their parent ------------------------------------------------

def test_quote_rows_nest_and_merge():
    from thucydides.web.app import quote_rows

    def q(text, start, direct, cue="said"):
        return {"text": text, "start": start, "end": start + len(text), "direct": direct, "cue": cue}

    outer = q("These planes will burn. Nothing will change,", 10, True)
    inner = q("Nothing will change", 34, False)
    same_direct = q("I would not speculate,", 100, True)
    same_reported = q("I would not speculate", 100, False)
    partial = q("the army \"knows it", 200, False)
    overlapping = q("knows it.", 210, True)
    rows = quote_rows([inner, same_reported, overlapping, outer, partial, same_direct])
    assert [(r["quote"]["text"], r["depth"]) for r in rows] == [
        (outer["text"], 0), (inner["text"], 1), (same_direct["text"], 0), (partial["text"], 0),
        (overlapping["text"], 1)]
    assert rows[2]["also"] == [same_reported]


def test_article_view_lists_each_quote_once(client):
    import html
    import re

    articles = client.get("/api/articles", params={"limit": 500}).json()["items"]
    seed = next(a for a in articles if (a["input"] or "").endswith("01_tass_peskov_f16.txt"))
    record = client.get(f"/api/articles/{seed['id']}").json()
    page = client.get(f"/articles/{seed['id']}").text
    table = page[page.index('<table id="quotes">'):]
    table = table[:table.index("</table>")]
    rows = re.findall(r'<tr class="(top|nested)" data-depth="(\d)"[^>]*><td class="quote-text">(.*?)</td>', table)
    texts = [html.unescape(t) for _, _, t in rows]
    assert len(texts) == len(set(texts))  # no quote twice
    # the same words read twice (direct quote and the clause of its "said") make one row
    assert sum("I would not like to speculate on this subject" in t for t in texts) == 1
    # (the pipeline now stores that claim once; quote_rows still merges two readings from older stores)
    assert sum(q["text"].startswith("I would not like to speculate") for q in record["quotes"]) == 1
    # the reported clause inside a direct quotation by the same speaker is no second claim: the quotation holds it
    assert "Nothing fundamental will change on the ground" not in texts
    assert any(t.startswith("These planes will burn") and "Nothing fundamental will change" in t for t in texts)
    # every quote in the record is accounted for: a row of its own or merged into one
    assert len(rows) + table.count("; also ") == len(record["quotes"])


def test_explorer_form_with_empty_fields(client):
    """The explorer's form sends every field, empty ones as ``name=``: they mean "any"."""
    empty = {name: "" for name in ("source", "target", "actor", "root", "code", "plover", "since", "until", "outlet",
                                   "polarity", "certainty")}
    page = client.get("/events", params={**empty, "source": "RUS"})
    assert page.status_code == 200 and "source=RUS" in page.text and "polarity=" not in page.text
    assert client.get("/dyads", params={**empty, "min": "1"}).status_code == 200
    assert client.get("/api/events", params=empty).status_code == 200
