"""Spelling chips: the pure functions, the API on the seed article (real Elasticsearch), the
page, and a real browser clicking a chip."""
from __future__ import annotations

import re

import pytest

from arabic_search import mapping as m
from arabic_search.spellings import (candidates, counted, expected_forms, read_spellings,
                                     spelling_clause, spellings_body)
from service import create_app
from support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, live_server, require_browser
from support import api_search as search

SEED_SPELLINGS = {"والدهاوزر", "والدهاوسر", "والدهاوسير"}


def explained(*matches: tuple[str, str]) -> list[dict]:
    return [{"passages": [{"matches": [{"text": t, "query": "q", "how": h} for t, h in matches]}]}]


# --- pure -----------------------------------------------------------------------------------

def test_candidates_skip_clitic_forms_and_vowel_marks():
    hits = explained(("ويليامز", "exact"), ("لويليامز", "clitic"), ("وَليامز", "fuzzy"), ("ويليامز", "exact"))
    assert candidates(hits) == {"ويليامز": "exact", "وليامز": "fuzzy"}


def test_candidates_put_the_narrowing_spelling_first():
    found = candidates(explained(("والدهاوزر", "translit"), ("والدهاوسر", "translit")), "والدهاوسر")
    assert list(found) == ["والدهاوسر", "والدهاوزر"] and found["والدهاوسر"] == "translit"


def test_spellings_body_counts_each_form_under_the_query():
    query = {"match_all": {}}
    body = spellings_body(query, ["والدهاوزر", "والدهاوسر"])
    assert body["size"] == 0 and body["query"] is query
    filters = body["aggs"]["spellings"]["filters"]["filters"]
    assert filters["والدهاوسر"] == {"term": {m.EXACT: "والدهاوسر"}} and len(filters) == 2


def test_read_spellings_orders_by_count_and_drops_absent_forms():
    response = {"aggregations": {"spellings": {"buckets": {
        "أ": {"doc_count": 1, "documents": {"value": 1}},
        "ب": {"doc_count": 3, "documents": {"value": 2}},
        "ج": {"doc_count": 0, "documents": {"value": 0}}}}}}
    rows = read_spellings(counted(response), {"أ": "exact", "ب": "fuzzy", "ج": "fuzzy"})
    assert rows == [{"text": "ب", "count": 3, "documents": 2, "how": "fuzzy"},
                    {"text": "أ", "count": 1, "documents": 1, "how": "exact"}]
    assert read_spellings(counted({}), {}) == []


def test_spelling_clause_one_word_written_several_words_as_a_phrase():
    assert spelling_clause("والدَهاوسر") == {"term": {m.EXACT: "والدهاوسر"}}
    assert spelling_clause("القيادة الأمريكية لأفريقيا") == {
        "match_phrase": {m.NORM: "القياده الامريكيه لافريقيا"}}


# --- API and page on the seed article -------------------------------------------------------

@pytest.fixture(scope="module")
def app(es_url, seed_alias):
    return create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": seed_alias, "TESTING": True})


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def test_waldhauser_reports_the_three_seed_spellings_with_counts(client):
    spellings = search(client, q="Waldhauser")["spellings"]
    assert {s["text"] for s in spellings} == SEED_SPELLINGS
    assert all(s["count"] == 1 and s["documents"] == 1 and s["how"] == "translit" for s in spellings)


def test_counts_follow_the_text(client):
    """ويليامز is written so twice in the seed, وليامز once; لويليامز is no other spelling."""
    counts = {s["text"]: s["count"] for s in search(client, q="ويليامز")["spellings"]}
    assert counts == {"ويليامز": 2, "وليامز": 1}


def test_a_spelling_narrows_the_results_but_not_the_chips(client):
    result = search(client, q="Waldhauser", spelling="والدهاوسر")
    marked = {w for hit in result["hits"] for p in hit["passages"]
              for w in re.findall(r"<mark>(.*?)</mark>", p["highlight"])}
    assert result["total"] == 1 and marked == {"والدهاوسر"} and result["spelling"] == "والدهاوسر"
    assert [s["text"] for s in result["spellings"]] == ["والدهاوسر"]
    assert search(client, q="Waldhauser", spelling="ميونخ")["hits"] == []


@pytest.mark.parametrize("spelling", ["a b c d e f g", "x" * 101, "«»"])
def test_bad_spelling_is_a_400(client, spelling):
    response = client.get("/api/search", query_string={"q": "Waldhauser", "spelling": spelling})
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "invalid_spelling"


def test_page_shows_chips_with_counts_and_links(client):
    html = client.get("/", query_string={"q": "Waldhauser"}).get_data(as_text=True)
    chips = re.findall(r'<a class="chip[^"]*" href="([^"]*)" data-spelling="([^"]*)"', html)
    assert {text for _link, text in chips} == SEED_SPELLINGS
    assert all("spelling=" in link for link, _text in chips)
    assert 'id="all-spellings"' not in html
    narrowed_html = client.get("/", query_string={"q": "Waldhauser", "spelling": "والدهاوسر"}).get_data(as_text=True)
    assert 'class="chip active"' in narrowed_html and 'id="all-spellings"' in narrowed_html


def test_one_spelling_alone_gets_no_chips(client):
    html = client.get("/", query_string={"q": "Paris"}).get_data(as_text=True)
    assert 'id="spellings"' not in html


def test_browser_clicks_a_spelling_chip(app):
    require_browser()
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with live_server(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            tab = browser.new_page(locale="ar")
            tab.set_default_timeout(15000)
            tab.goto(f"{base}/?q=Waldhauser")
            expect(tab.locator("#spellings .chip")).to_have_count(3)
            expect(tab.locator('#spellings .chip[data-spelling="والدهاوسير"] .count')).to_have_text("1")
            tab.screenshot(path=str(ARTIFACTS / "spellings.png"), full_page=True)
            tab.click('#spellings .chip[data-spelling="والدهاوسير"]')
            tab.wait_for_url(re.compile(r"spelling="))
            expect(tab.locator(".passage mark")).to_have_count(1)
            expect(tab.locator(".passage mark")).to_have_text("والدهاوسير")
            expect(tab.locator("#spellings .chip.active")).to_have_attribute("data-spelling", "والدهاوسير")
            tab.click("#all-spellings")
            tab.wait_for_url(re.compile(r"^(?!.*spelling=)"))
            expect(tab.locator("#spellings .chip")).to_have_count(3)
        finally:
            browser.close()
