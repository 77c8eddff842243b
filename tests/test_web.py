"""The REST API and pages with FastAPI's test client, over a store of the samples."""

from __future__ import annotations

import pytest

from conftest import SAMPLES

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from click.testing import CliRunner
    from fastapi.testclient import TestClient

    from thucydides.cli import main
    from thucydides.web.app import create_app

    db = str(tmp_path_factory.mktemp("web") / "t.db")
    result = CliRunner().invoke(main, ["code", str(SAMPLES), "--db", db])
    assert result.exit_code == 0, result.output
    return TestClient(create_app(db))


def test_openapi_and_lists(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/code", "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/dyads",
            "/api/sources"} <= set(schema["paths"])
    articles = client.get("/api/articles", params={"limit": 5}).json()
    assert articles["total"] == 23 and len(articles["items"]) == 5
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
