"""The pages in a real browser (Playwright driving Debian's Chromium): overview, an article view with its
highlighted events and attribution chain, the explorer filters, paste-and-code, and no script execution.
Screenshots go to tests/artifacts/. Skips when Chromium or Playwright is missing."""

from __future__ import annotations

import shutil
import socket
import threading
import time

import pytest

from conftest import REPO, SAMPLES

pytestmark = pytest.mark.model
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn
    from click.testing import CliRunner

    from thucydides.cli import main
    from thucydides.web.app import create_app

    db = str(tmp_path_factory.mktemp("browser") / "t.db")
    assert CliRunner().invoke(main, ["code", str(SAMPLES), "--db", db]).exit_code == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page():
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        yield page
        browser.close()


def test_overview(server, page):
    page.goto(server + "/")
    assert page.locator("h2", has_text="Top dyads").count() == 1
    assert page.locator("#timeline rect").count() > 0
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)


def test_article_view_shows_events_and_chains(server, page):
    page.goto(server + "/")
    page.locator("table a[href^='/articles/']").first.click()
    page.wait_for_selector("#events")
    assert page.locator("span.event").count() > 0
    assert page.locator("#events .chain span").count() > 0
    assert "(publisher)" in page.locator("#events").inner_text()
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)


def test_relay_chain_is_visible(server, page):
    text = ("MOSCOW, May 6 (TASS) - Washington is pressing Kiev to resume talks, the New York Times reported, "
            "citing US officials. \"Ukraine fatigue is real,\" one of the sources said.")
    page.goto(server + "/code")
    page.fill("textarea[name=text]", text)
    page.fill("input[name=published]", "2024-05-06")
    page.click("button[type=submit]")
    page.wait_for_selector("#quotes")
    chains = page.locator("#quotes .chain").all_inner_texts()
    assert any("TASS (publisher)" in c and "The New York Times (outlet)" in c and "(anonymous)" in c
               for c in chains), chains
    page.screenshot(path=str(ARTIFACTS / "relay.png"), full_page=True)


def test_explorer_filters(server, page):
    page.goto(server + "/events")
    page.fill("input[name=source]", "RUS")
    page.click("button[type=submit]")
    page.wait_for_selector("#results")
    rows = page.locator("#results tr").all_inner_texts()[1:]
    assert rows and all("RUS" in row for row in rows)


def test_untrusted_text_does_not_execute(server, page):
    evil = ("KYIV, May 6 (Reuters) - <script>window.__pwned = 1</script> Russian forces shelled Kharkiv. "
            "<img src=x onerror=\"window.__pwned = 2\"> the mayor said.")
    page.goto(server + "/code")
    page.fill("textarea[name=text]", evil)
    page.click("button[type=submit]")
    page.wait_for_selector("#events")
    assert page.evaluate("window.__pwned") is None
    assert "<script>" in page.locator(".text").inner_text()  # shown as text, not run
