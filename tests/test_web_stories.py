"""The story view (issue 16 part 4) with FastAPI's test client, over a store of samples 22 and 23 (Meridian
Wire's report and TASS's named relay of it), sample 02 (TASS crediting the Wall Street Journal, which is not
stored) and two team-written pairs of tests/data/relays/pairs.jsonl (an unnamed and a syndicated relay), all
coded by `thucydides code --db`."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3

import pytest

from conftest import REPO, SAMPLES
from thucydides.store import Store
from thucydides.store.relays import listing as relay_listing
from thucydides.store.stories import listing as story_listing

pytestmark = pytest.mark.model
HTML = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}  # what a browser sends
PAIRS = ("relay-07", "relay-10")  # unnamed, syndicated
SAMPLE_FILES = ("22_meridian_moldova_energy.txt", "23_tass_moldova_energy_relay.txt", "02_tass_wsj_china_banks.txt")


@pytest.fixture(scope="module")
def coded(tmp_path_factory):
    from click.testing import CliRunner

    from thucydides.cli import main

    inputs = tmp_path_factory.mktemp("story-inputs")
    for name in SAMPLE_FILES:
        shutil.copy(SAMPLES / name, inputs / name)
    with open(inputs / "pairs.jsonl", "w", encoding="utf-8") as out:
        for line in (REPO / "tests" / "data" / "relays" / "pairs.jsonl").read_text("utf-8").splitlines():
            pair = json.loads(line)
            if pair["id"] in PAIRS:
                for side in ("original", "relay"):
                    item = pair[side]
                    out.write(json.dumps({"id": item["id"], "outlet": item["outlet"], "published": item["published"],
                                          "title": item["headline"], "text": item["text"]}) + "\n")
    db = tmp_path_factory.mktemp("stories") / "stories.db"
    result = CliRunner().invoke(main, ["code", str(inputs), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _copy(coded, target) -> str:
    with sqlite3.connect(coded) as source, sqlite3.connect(target) as destination:
        source.backup(destination)
    return str(target)


@pytest.fixture(scope="module")
def db_path(coded, tmp_path_factory):
    return _copy(coded, tmp_path_factory.mktemp("stories-read") / "stories.db")


def _client(db_path):
    from fastapi.testclient import TestClient

    from thucydides.web.app import create_app

    return TestClient(create_app(db_path), base_url="http://127.0.0.1:8000")


@pytest.fixture(scope="module")
def client(db_path):
    return _client(db_path)


@pytest.fixture(scope="module")
def moldova(db_path):
    """The story of samples 22 and 23, with its relays (as the store lists them)."""
    with Store(db_path) as store:
        [story] = [s for s in story_listing(store, min_articles=2) if {a["outlet"] for a in s["articles"]} == {"Meridian Wire", "TASS"}]
        ids = {a["id"] for a in story["articles"]}
        relays = [r for r in relay_listing(store) if r["relay"] in ids and (r["original"] in ids or not r["original"])]
    return {**story, "relays": relays}


def _span(page: str, cls: str, text: str) -> bool:
    """Is ``text`` (escaped) the whole content of a span whose classes include ``cls``?"""
    pattern = rf'<span class="(?:[^"]* )?{re.escape(cls)}(?: [^"]*)?"[^>]*>{re.escape(text)}</span>'
    return re.search(pattern, page) is not None


def test_story_list_api_is_the_cli_listing(client, db_path):
    with Store(db_path) as store:
        every = story_listing(store, min_articles=1)
        several = story_listing(store, min_articles=2)
    answer = client.get("/api/stories").json()
    assert answer["items"] == [s for s in every if s["num_articles"] >= 2] and len(several) == answer["total"] == 3
    assert answer["min_articles"] == 2 and answer["page"] == 1 and answer["pages"] == 1
    assert client.get("/api/stories", params={"min_articles": 1}).json()["items"] == every
    dates = [s["last_date"] for s in answer["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert client.get("/api/stories", params={"page": 2}).json()["items"] == []


def test_pagination(client, db_path, monkeypatch):
    from thucydides.web import stories

    monkeypatch.setattr(stories, "PAGE_SIZE", 2)
    with Store(db_path) as store:
        every = story_listing(store, min_articles=1)
    pages = [client.get("/api/stories", params={"min_articles": 1, "page": n}).json() for n in (1, 2, 3)]
    assert [len(p["items"]) for p in pages] == [2, 2, 0] and pages[0]["pages"] == 2
    assert pages[0]["items"] + pages[1]["items"] == every
    html = client.get("/stories", params={"min_articles": 1, "page": 2}).text
    assert 'href="/stories?min_articles=1"' in html and "older" not in html  # back to page 1, the last page
    assert 'href="/stories?page=2"' in client.get("/stories").text


def test_story_api_and_relays_api(client, db_path, moldova):
    answer = client.get(f"/api/stories/{moldova['story']}").json()
    assert answer == moldova
    assert [(r["kind"], r["relay_outlet"], r["original_outlet"]) for r in answer["relays"]] == [
        ("named", "TASS", "Meridian Wire")]
    with Store(db_path) as store:
        every = relay_listing(store)
        named = relay_listing(store, kind="named")
        tass = relay_listing(store, article=moldova["relays"][0]["relay"])
    assert client.get("/api/relays").json()["items"] == every
    assert client.get("/api/relays", params={"kind": "named"}).json()["items"] == named
    assert client.get("/api/relays", params={"article": tass[0]["relay"], "kind": ""}).json()["items"] == tass
    assert {r["kind"] for r in every} == {"named", "unnamed", "syndicated"}
    assert any(r["original"] is None and r["outlet"] == "Wall Street Journal" for r in every)
    assert client.get("/api/relays", params={"limit": 1, "offset": 1}).json()["items"] == every[1:2]


def test_story_list_page(client, moldova):
    page = client.get("/stories")
    assert page.status_code == 200 and "<h1>Stories</h1>" in page.text
    assert f'href="/stories/{moldova["story"]}"' in page.text and "Meridian Wire, TASS" in page.text
    assert "US drafting sanctions" not in page.text  # one article: only with min_articles=1
    assert "US drafting sanctions" in client.get("/stories", params={"min_articles": 1}).text
    assert '<a href="/stories">Stories</a>' in page.text  # the nav


def test_story_page(client, moldova):
    page = client.get(f"/stories/{moldova['story']}").text
    meridian, tass = moldova["articles"]
    assert (meridian["outlet"], tass["outlet"]) == ("Meridian Wire", "TASS")  # in date order
    columns = re.findall(r'<section class="column" id="column-(\d)" data-article="([^"]+)">', page)
    assert columns == [("0", meridian["id"]), ("1", tass["id"])]
    assert f'href="/articles/{meridian["id"]}"' in page and f'href="/articles/{tass["id"]}"' in page
    assert _span(page, "add-framing", "supposedly") and _span(page, "add-framing", "once again")
    assert _span(page, "add-dateline", "CHISINAU, January 9. /TASS/.")
    assert _span(page, "add-own-sourcing", "A source in the Pridnestrovian administration told TASS that coal "
                 "reserves at the Moldavskaya GRES power plant would last until late February. The Moldovan Energy "
                 "Ministry did not answer a TASS request for comment.")
    assert _span(page, "dropped", "Residents described apartment blocks without heat as night temperatures fell "
                 "below freezing.")
    assert _span(page, "change-hedge", "may") and _span(page, "change-hedge", "would")
    assert re.search(r'<span class="was change-hedge"[^>]*>\(was: would\)</span>', page)
    # the first retold claim: a badge on each side, each linking to the other
    assert re.search(r'<a class="badge claim-1 pal-0" id="claim-1-o" href="#claim-1-r"', page)
    assert re.search(r'<a class="badge claim-1 pal-0" id="claim-1-r" href="#claim-1-o"', page)
    assert page.index('id="claim-1-o"') < page.index('id="column-1"') < page.index('id="claim-1-r"')
    # the relay graph: TASS's named relay of Meridian Wire, an arrow between the two nodes
    svg = page[page.index('<svg id="relay-graph"'):page.index("</svg>")]
    assert f'data-relay="{tass["id"]}" data-original="{meridian["id"]}" data-kind="named"' in svg
    assert 'marker-end="url(#relay-arrow)"' in svg and ">named</text>" in svg
    assert svg.count('<a class="node"') == 2 and ">2025-01-08</text>" in svg and ">2025-01-09</text>" in svg


@pytest.mark.parametrize(("outlets", "kind"), [({"Meridian Wire", "Sahel Today"}, "unnamed"),
                                               ({"Meridian Wire", "Lowland Courier"}, "syndicated")])
def test_team_written_pairs(client, outlets, kind):
    [story] = [s for s in client.get("/api/stories").json()["items"]
               if {a["outlet"] for a in s["articles"]} == outlets]
    assert [r["kind"] for r in client.get(f"/api/stories/{story['story']}").json()["relays"]] == [kind]
    page = client.get(f"/stories/{story['story']}").text
    assert f'data-kind="{kind}"' in page and 'id="claim-1-r"' in page


def test_outlet_not_stored_is_a_dashed_node(client):
    [story] = [s for s in client.get("/api/stories", params={"min_articles": 1}).json()["items"]
               if s["headline"].startswith("US drafting sanctions")]
    page = client.get(f"/stories/{story['story']}").text
    assert '<g class="node missing">' in page and ">Wall Street Journal</text>" in page
    assert 'class="edge kind-named dashed"' in page
    assert _span(page, "credit", "Wall Street Journal reported on Monday, citing officials familiar with the matter")


def test_article_page_links_its_story(client, moldova):
    page = client.get(f"/articles/{moldova['articles'][0]['id']}").text
    assert f'<a id="story-link" href="/stories/{moldova["story"]}">story</a>' in page
    [alone] = [s for s in client.get("/api/stories", params={"min_articles": 1}).json()["items"]
               if s["num_articles"] == 1]
    assert 'id="story-link"' not in client.get(f"/articles/{alone['articles'][0]['id']}").text


def test_unknown_story_is_404(client):
    answer = client.get("/api/stories/999999")
    assert answer.status_code == 404 and answer.json() == {"detail": "no story 999999"}
    page = client.get("/stories/999999", headers=HTML)
    assert page.status_code == 404 and 'id="error" data-status="404"' in page.text and "no story 999999" in page.text
    assert client.get("/api/stories/999999", headers=HTML).headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(("path", "params"), [
    ("/api/stories", {"page": 0}), ("/api/stories", {"page": "x"}), ("/api/stories", {"min_articles": 0}),
    ("/api/stories", {"min_articles": 2**64}), ("/api/stories/0", {}), ("/api/stories/x", {}),
    ("/api/stories/99999999999999999999", {}), ("/api/relays", {"kind": "rumour"}), ("/api/relays", {"limit": 0}),
    ("/stories", {"page": 0}), ("/stories/x", {}),
])
def test_bad_parameters_are_422(client, path, params):
    answer = client.get(path, params=params)
    assert answer.status_code == 422 and "detail" in answer.json()
    if not path.startswith("/api/"):
        page = client.get(path, params=params, headers=HTML)
        assert page.status_code == 422 and 'data-status="422"' in page.text


def test_hostile_text_is_escaped(coded, tmp_path, moldova):
    """An outlet, headline and text with markup, stored as a relay of Meridian Wire's report: shown as text."""
    client = _client(_copy(coded, tmp_path / "hostile.db"))
    text = (SAMPLES / SAMPLE_FILES[1]).read_text("utf-8").split("\n", 1)[1]
    text = text.replace("Recean once again accused", "Recean <script>alert(1)</script> once again accused")
    hostile = "<img src=x onerror=alert(2)> Moldova asks EU for money\n" + text
    record = client.post("/api/code", json={"text": hostile, "published": "2025-01-09", "outlet": "<b>Evil</b> Wire",
                                            "store": True}).json()
    story = client.get(f"/api/stories/{moldova['story']}").json()
    assert record["id"] in {a["id"] for a in story["articles"]}
    assert any(r["relay"] == record["id"] for r in story["relays"])
    page = client.get(f"/stories/{moldova['story']}").text
    for markup in ("<script>alert(1)", "<img src=x", "<b>Evil</b>"):
        assert markup not in page
    text = "".join(re.findall(r">([^<]*)<", page[page.index(f'data-article="{record["id"]}"><header>'):]))
    assert "Recean &lt;script&gt;alert(1)&lt;/script&gt; once again" in text  # the text, split among marks
    assert "&lt;b&gt;Evil&lt;/b&gt; Wire" in page and "&lt;img src=x onerror=alert(2)&gt;" in page
