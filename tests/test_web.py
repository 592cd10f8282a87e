"""The HTML search page: server-side rendering, escaping, errors, and a real headless browser."""
from __future__ import annotations

import re

import pytest

from corpora import PAGING_DOCS, PAGING_QUERY
from service import create_app
from support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, live_server, require_browser


@pytest.fixture(scope="module")
def app(es_url, seeded_alias):
    return create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": seeded_alias, "TESTING": True})


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def page(client, status=200, **args) -> str:
    response = client.get("/", query_string=args)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def test_empty_page_has_form_and_rtl(client):
    html = page(client)
    assert re.search(r'<html lang="ar" dir="rtl">', html)
    assert re.search(r'<form[^>]*method="get"', html) and 'name="q"' in html
    assert "app.js" in html and "style.css" in html
    assert "<mark>" not in html


def test_results_are_rendered_on_the_server(client):
    html = page(client, q="والدهاوزر")
    assert '<html lang="ar" dir="rtl">' in html
    assert "<mark>والدهاوزر</mark>" in html
    assert 'value="والدهاوزر"' in html  # the box keeps the query
    assert "لقاء في العاصمة" in html  # a title
    assert "مطابق" in html and "<code>exact</code>" in html
    assert "تقريبي" in html and "<code>fuzzy</code>" in html
    assert re.search(r'id="total">\d+<', html)


def test_translit_label(client):
    html = page(client, q="Waldhauser")
    assert "<mark>والدهاوسير</mark>" in html
    assert "نقل حرفي" in html and "<code>translit</code>" in html


def test_query_is_escaped(client):
    html = page(client, q='<script>alert("x")</script> والدهاوزر')
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(" in html
    assert "<mark>والدهاوزر</mark>" in html  # only the highlight field is rendered raw


def test_pagination_links(client):
    html = page(client, q=PAGING_QUERY, size=5)
    assert f'id="total">{PAGING_DOCS}<' in html
    assert re.search(r'<a rel="next" href="/\?[^"]*page=2', html)
    second = page(client, q=PAGING_QUERY, size=5, page=3)
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert second.count('class="hit"') == PAGING_DOCS - 10


def test_did_you_mean_link(client):
    html = page(client, q="طرابلز", fuzzy="off")   # with fuzzy on, طرابلس is found directly
    assert "هل تقصد" in html
    assert re.search(r'<a href="/\?q=%D8%B7%D8%B1%D8%A7%D8%A8%D9%84%D8%B3[^"]*"><bdi>طرابلس</bdi></a>', html)


def test_no_results_message(client):
    html = page(client, q="كلمةغيرموجودةابدا")
    assert 'id="no-results"' in html and "لا توجد نتائج" in html


def test_bad_request_message(client):
    html = page(client, status=400, q="ب" * 201)
    assert 'role="alert"' in html and "query_too_long" in html and "200" in html


def test_unavailable_message():
    app = create_app({"ELASTICSEARCH_URL": "http://127.0.0.1:9", "TESTING": True})
    html = page(app.test_client(), status=503, q="ليبيا")
    assert "محرك البحث غير متاح" in html and "elasticsearch_unavailable" in html
    assert "Traceback" not in html


def test_static_files_are_served(client):
    assert client.get("/static/app.js").status_code == 200
    assert b"/api/suggest" in client.get("/static/app.js").data
    assert client.get("/static/style.css").status_code == 200


def test_unknown_page_is_html_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404 and response.mimetype == "text/html"


# --- real browser -----------------------------------------------------------------------------

def test_browser_search_and_paging(app):
    require_browser()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with live_server(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             headless=True)
        try:
            tab = browser.new_page(locale="ar")
            tab.set_default_timeout(15000)
            # Autocomplete: typing fills the datalist from /api/suggest.
            tab.goto(f"{base}/")
            tab.locator("#q").press_sequentially("والده", delay=20)  # see test_web_browser.py
            expect(tab.locator('#suggestions option[value="والدهاوزر"]')).to_have_count(1)

            # Search with one result per page so that paging is exercised.
            tab.goto(f"{base}/?size=1")
            tab.fill("#q", "والدهاوزر")
            tab.click("#search-button")
            tab.wait_for_url(re.compile(r"q=%D9%88"))
            expect(tab.locator("html")).to_have_attribute("dir", "rtl")
            expect(tab.locator(".hit")).to_have_count(1)
            expect(tab.locator(".hit mark").first).to_have_text("والدهاوزر")
            total = int(tab.locator("#total").inner_text())
            assert total >= 3
            first_id = tab.locator(".hit").get_attribute("data-id")

            tab.click('.pagination a[data-page="2"]')
            tab.wait_for_url(re.compile(r"page=2"))
            expect(tab.locator('.pagination [aria-current="page"]')).to_have_text("2")
            expect(tab.locator(".hit")).to_have_count(1)
            assert tab.locator(".hit").get_attribute("data-id") != first_id
            assert tab.locator(".hit mark").count() >= 1
            expect(tab.locator(".matches").first).to_contain_text("مطابق")

            # Back to page 1 to leave a telling screenshot.
            tab.go_back()
            expect(tab.locator(".hit mark").first).to_be_visible()
            tab.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)
        finally:
            browser.close()
    assert (ARTIFACTS / "search.png").stat().st_size > 10_000
