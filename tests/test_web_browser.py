"""The page in a real browser (Debian's chromium through playwright): search, open a result's
document page and walk every match, filter by a facet, complete a rare name, bidi of a Latin
title, recent queries, the API viewer under the CSP.  Screenshots go to test-artifacts/."""
from __future__ import annotations

import re

import pytest

from corpora import RARE_NAME, WEB_QUERY
from service import create_app
from support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, live_server, require_browser

SEED_QUERY = "الأفريكوم"
SEED_SPELLINGS = ("أفريكوم", "الأفريكوم")


@pytest.fixture(scope="module")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def base(es_url, web_alias):
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": web_alias, "TESTING": True})
    with live_server(app) as url:
        yield url


@pytest.fixture
def tab(browser):
    context = browser.new_context(locale="ar", viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.csp_violations = violations
    yield page
    context.close()


def test_document_page_from_a_search_shows_every_match(base, tab):
    from playwright.sync_api import expect

    tab.goto(f"{base}/")
    tab.fill("#q", SEED_QUERY)
    tab.click("#search-button")
    seed = tab.locator(".hit").filter(has_text="أكدت القائمة")
    expect(seed.locator(".passage")).to_have_count(3)  # a result shows three passages
    tab.screenshot(path=str(ARTIFACTS / "results.png"), full_page=True)

    seed.locator("a.doc-link").click()
    tab.wait_for_url(re.compile(r"/doc/"))
    marks = tab.locator(".doc-text mark")
    spellings = [text for text in marks.all_inner_texts() if text in SEED_SPELLINGS]
    assert len(spellings) == 4, marks.all_inner_texts()
    assert tab.locator(".doc-passage", has=tab.locator("mark", has_text="أفريكوم")).count() == 4
    assert all(mark.get_attribute("title") for mark in marks.all())  # each with its reason
    expect(tab.locator("#match-count")).to_have_text(str(marks.count()))
    expect(tab.locator("h1#doc-title")).to_contain_text("أكدت القائمة")

    # Walk from match to match with the links (no script involved).
    tab.locator("#match-1 + a.next-match").click()
    assert tab.url.endswith("#match-2")
    expect(tab.locator("#match-2")).to_be_in_viewport()
    tab.locator(f"#match-{marks.count()} + a.next-match").click()
    assert tab.url.endswith("#match-1")
    tab.goto(tab.url.split("#")[0] + "#match-4")
    tab.screenshot(path=str(ARTIFACTS / "document.png"), full_page=False)
    assert not tab.csp_violations, tab.csp_violations


def test_facet_filter_and_latin_title_bidi(base, tab):
    from playwright.sync_api import expect

    tab.goto(f"{base}/?q={WEB_QUERY}")
    expect(tab.locator("#total")).to_have_text("3")
    expect(tab.locator("#summary")).to_contain_text("3 مستندات")
    title = tab.locator('.hit[data-id="latin-title"] h2 bdi')
    expect(title).to_have_text("Ghadames talks resume (2021)")
    # Isolated: the Latin title keeps its own left-to-right order inside the RTL page.
    assert title.evaluate("e => getComputedStyle(e).direction") == "ltr"
    box = title.bounding_box()
    first = tab.evaluate("""e => { const r = document.createRange(); r.setStart(e.firstChild, 0);
        r.setEnd(e.firstChild, 1); return r.getBoundingClientRect().x; }""", title.element_handle())
    assert first < box["x"] + box["width"] / 2, "the title's first letter must be on its left"
    tab.screenshot(path=str(ARTIFACTS / "facets.png"), full_page=True)

    tab.click('a[data-facet="source"][data-value="gamma"]')
    tab.wait_for_url(re.compile(r"source=gamma"))
    expect(tab.locator("#total")).to_have_text("2")
    expect(tab.locator('a[data-facet="source"][aria-current="true"]')).to_have_count(1)
    expect(tab.locator('a[href^="javascript:"], a[href^="data:"]')).to_have_count(0)
    tab.fill("#q", "واحة")  # the filter stays on for the next search
    tab.click("#search-button")
    tab.wait_for_url(re.compile(r"q=%D9%88"))
    assert "source=gamma" in tab.url
    # Recent queries, from this browser's storage only.
    expect(tab.locator("#recent")).to_be_visible()
    expect(tab.locator("#recent a")).to_contain_text([WEB_QUERY])


def test_autocomplete_completes_a_rare_name(es_url, suggest_alias, browser):
    from playwright.sync_api import expect

    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": suggest_alias, "TESTING": True})
    with live_server(app) as url:
        context = browser.new_context(locale="ar")
        tab = context.new_page()
        tab.set_default_timeout(15000)
        tab.goto(f"{url}/")
        tab.locator("#q").press_sequentially("Wald", delay=30)
        expect(tab.locator(f'#suggestions option[value="{RARE_NAME}"]')).to_have_count(1)
        tab.fill("#q", "")
        tab.locator("#q").press_sequentially("والده", delay=30)
        expect(tab.locator("#suggestions option").first).to_have_attribute("value", RARE_NAME)
        tab.fill("#q", tab.locator("#suggestions option").first.get_attribute("value"))
        tab.click("#search-button")
        expect(tab.locator(".hit mark").first).to_have_text(RARE_NAME)
        tab.screenshot(path=str(ARTIFACTS / "autocomplete-result.png"), full_page=True)
        context.close()


def test_api_viewer_runs_under_the_csp(base, tab):
    from playwright.sync_api import expect

    tab.goto(f"{base}/api/docs")
    expect(tab.locator(".swagger-ui .info .title")).to_be_visible()
    expect(tab.locator(".opblock-summary-path").filter(has_text="/api/search")).to_have_count(1)
    tab.screenshot(path=str(ARTIFACTS / "api-docs.png"), full_page=False)
    assert not tab.csp_violations, tab.csp_violations
