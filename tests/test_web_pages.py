"""The HTML pages and the document API against a real Elasticsearch: the document view,
facets, safe links, security headers, Arabic wording and bidi (issues 11 and 12)."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from corpora import PAGING_DOCS, PAGING_QUERY, WEB_QUERY
from service import create_app
from service.wording import DOCUMENTS, count_noun, how_label

SEED_QUERY = "الأفريكوم"
SEED_SPELLINGS = {"أفريكوم", "الأفريكوم"}
MARK_ID = re.compile(r'<mark id="match-(\d+)"[^>]*>(.*?)</mark><a class="next-match" href="#match-(\d+)"')


@pytest.fixture(scope="module")
def client(es_url, web_alias):
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": web_alias, "TESTING": True})
    return app.test_client()


def get(client, path, status=200, **args):
    response = client.get(path, query_string=args or None)
    assert response.status_code == status, response.get_data(as_text=True)[:800]
    return response


def seed_id(client) -> str:
    hits = get(client, "/api/search", q=SEED_QUERY).get_json()["hits"]
    return next(hit["id"] for hit in hits if hit["title"].startswith("أكدت"))


# --- document view ------------------------------------------------------------------------------

def test_document_api_has_the_whole_text_in_order_and_every_match(client):
    doc_id = seed_id(client)
    result = get(client, "/api/search", q=SEED_QUERY).get_json()
    in_results = next(hit for hit in result["hits"] if hit["id"] == doc_id)["passages"]
    assert len(in_results) == 3  # results show the best three passages only

    doc = get(client, f"/api/documents/{doc_id}", q=SEED_QUERY).get_json()
    assert [p["no"] for p in doc["passages"]] == list(range(doc["passage_count"]))
    body = (ROOT / "seeds" / "000_ecb427f4464679da.txt").read_text(encoding="utf-8")
    assert "".join("".join(p["text"] for p in doc["passages"]).split()) == "".join(body.split())
    with_spelling = [p for p in doc["passages"]
                     if {m["text"] for m in p["matches"]} & SEED_SPELLINGS]
    assert len(with_spelling) == 4  # all four passages, not three
    assert doc["match_count"] == sum(len(p["matches"]) for p in doc["passages"])
    assert all(m["how"] for p in doc["passages"] for m in p["matches"])
    assert doc["title"].startswith("أكدت القائمة بالأعمال")  # first sentence, not the file name


def test_document_without_query_has_text_and_no_marks(client):
    doc = get(client, "/api/documents/latin-title").get_json()
    assert doc["title"] == "Ghadames talks resume (2021)" and doc["source"] == "Reuters"
    assert doc["match_count"] == 0 and "<mark>" not in doc["passages"][0]["highlight"]


def test_document_page_marks_every_match_with_reason_and_jumps(client):
    doc_id = seed_id(client)
    doc = get(client, f"/api/documents/{doc_id}", q=SEED_QUERY).get_json()
    html = get(client, f"/doc/{doc_id}", q=SEED_QUERY).get_data(as_text=True)
    marks = MARK_ID.findall(html)
    total = doc["match_count"]
    assert [int(number) for number, _, _ in marks] == list(range(1, total + 1))
    assert [int(following) for _, _, following in marks] == [*range(2, total + 1), 1]
    assert sum(word in SEED_SPELLINGS for _, word, _ in marks) == 4  # one per passage
    assert all(f'href="#match-{n}"' in html for n in range(1, total + 1))  # the match list
    assert re.search(r'<mark id="match-\d+" class="how-exact" title="مطابق \(exact\)', html)
    assert "سابقة" in html and f'id="match-count">{total}<' in html
    assert re.search(r'<h1 id="doc-title"><bdi>أكدت', html)


def test_result_titles_link_to_the_document_page(client):
    html = get(client, "/", q=SEED_QUERY).get_data(as_text=True)
    doc_id = seed_id(client)
    assert re.search(rf'<a class="doc-link" href="/doc/{doc_id}\?q=%D8%A7%D9%84', html)


def test_unknown_document_is_404_in_both_forms(client):
    page = get(client, "/doc/no-such-doc", status=404, q="x").get_data(as_text=True)
    assert "لا يوجد مستند بهذا المعرّف" in page and "Traceback" not in page
    body = get(client, "/api/documents/no-such-doc", status=404).get_json()
    assert body["error"]["code"] == "document_not_found"
    assert get(client, "/api/documents/" + "x" * 600, status=400).get_json()["error"]["code"] == "invalid_id"


# --- issue 11: links and headers ----------------------------------------------------------------

def test_only_http_links_reach_an_href(client):
    for html in (get(client, "/", q=WEB_QUERY).get_data(as_text=True),
                 get(client, "/doc/xss-js", q=WEB_QUERY).get_data(as_text=True),
                 get(client, "/doc/xss-data").get_data(as_text=True)):
        hrefs = re.findall(r'href="([^"]*)"', html)
        assert not [href for href in hrefs if re.match(r"\s*(javascript|data|vbscript):", href, re.I)]
    page = get(client, "/doc/latin-title").get_data(as_text=True)
    assert 'id="source-link" href="https://example.org/ghadames?a=1&amp;b=2"' in page


PATHS = ["/", f"/?q={WEB_QUERY}", "/doc/latin-title", "/api/search?q=x", "/api/health",
         "/static/app.js", "/no/such/page", "/api/docs", "/api/docs/assets/swagger-ui.css",
         "/api/openapi.json", "/api/documents/none"]


@pytest.mark.parametrize("path", PATHS)
def test_security_headers_on_every_route(client, path):
    headers = client.get(path).headers
    policy = headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'" and "unsafe" not in policy
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_pages_hold_no_inline_script_or_style(client):
    for path in ("/", f"/?q={WEB_QUERY}", "/doc/latin-title?q=Ghadames", "/api/docs", "/no/such"):
        html = client.get(path).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html), path
        assert not re.search(r"\son[a-z]+\s*=", html), path
        assert not re.search(r"<style|\sstyle=", html), path


# --- facets, paging, wording, bidi --------------------------------------------------------------

def test_facets_from_aggregations(client):
    result = get(client, "/api/search", q=WEB_QUERY).get_json()
    assert {(f["value"], f["count"]) for f in result["facets"]["sources"]} == {("gamma", 2), ("Reuters", 1)}
    assert result["facets"]["years"] == [{"value": "2021", "count": 3}]
    html = get(client, "/", q=WEB_QUERY).get_data(as_text=True)
    link = re.search(r'<a href="([^"]+)" data-facet="source" data-value="gamma">', html).group(1)
    filtered = get(client, link.replace("&amp;", "&")).get_data(as_text=True)
    assert 'id="total">2<' in filtered and "source=gamma" in link
    active = re.search(r'<a href="([^"]+)" data-facet="source" data-value="gamma" aria-current="true"', filtered)
    assert active and "source=" not in active.group(1)  # clicking again removes the filter
    assert 'name="source" value="gamma"' in filtered  # kept when searching again


def test_year_facet_filters_by_date(client):
    html = get(client, "/", q=PAGING_QUERY).get_data(as_text=True)
    link = re.search(r'<a href="([^"]+)" data-facet="year" data-value="2020">', html).group(1)
    assert "date_from=2020-01-01" in link and "date_to=2020-12-31" in link
    filtered = get(client, link.replace("&amp;", "&")).get_data(as_text=True)
    assert f'id="total">{PAGING_DOCS}<' in filtered


def test_hits_per_page_selector(client):
    html = get(client, "/", q=PAGING_QUERY, size=20).get_data(as_text=True)
    assert re.search(r'<select name="size" id="size">', html)
    assert '<option value="20" selected>' in html
    assert html.count('class="hit"') == PAGING_DOCS


@pytest.mark.parametrize("count, text", [
    (0, "0 مستندات"), (1, "1 مستند"), (2, "2 مستندان"), (3, "3 مستندات"), (4, "4 مستندات"),
    (10, "10 مستندات"), (11, "11 مستندًا"), (99, "99 مستندًا"), (100, "100 مستند"),
    (103, "103 مستندات"), (111, "111 مستندًا")])
def test_arabic_plural_forms(count, text):
    assert count_noun(count, DOCUMENTS) == text


def test_summary_wording_and_labelled_score(client):
    html = get(client, "/", q=PAGING_QUERY).get_data(as_text=True)
    assert f'id="total">{PAGING_DOCS}</span> مستندًا' in html
    three = get(client, "/", q=WEB_QUERY).get_data(as_text=True)
    assert 'id="total">3</span> مستندات' in three
    assert " ms)" not in html and "ملّي ثانية" in html
    assert re.search(r'class="score"[^>]*>درجة المطابقة: \d', html)


def test_page_after_the_last_offers_a_way_back(client):
    html = get(client, "/", q=WEB_QUERY, page=2).get_data(as_text=True)
    assert "الصفحة 2 من 1" not in html
    assert re.search(r'<a href="/\?q=[^"]*" id="back-to-last">', html)


def test_latin_title_is_isolated(client):
    html = get(client, "/", q=WEB_QUERY).get_data(as_text=True)
    assert "<bdi>Ghadames talks resume (2021)</bdi>" in html


def test_errors_are_arabic_with_english_detail_apart(es_url):
    down = create_app({"ELASTICSEARCH_URL": "http://127.0.0.1:9", "TESTING": True}).test_client()
    html = get(down, "/", status=503, q="ليبيا").get_data(as_text=True)
    sentence = re.search(r'role="alert"[^>]*>\s*<p>([^<]*)</p>', html).group(1)
    assert sentence == "محرك البحث غير متاح حاليًا، حاول لاحقًا."
    assert re.search(r'<p lang="en" dir="ltr"><code>elasticsearch_unavailable</code>', html)
    missing = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": "pytest-no-such-alias",
                          "TESTING": True}).test_client()
    html = get(missing, "/", status=503, q="ليبيا").get_data(as_text=True)
    sentence = re.search(r'role="alert"[^>]*>\s*<p>([^<]*)</p>', html).group(1)
    assert "حاول لاحقًا" not in sentence and "python -m indexer" in sentence


def test_input_border_contrast_meets_wcag():
    css = (ROOT / "service" / "static" / "style.css").read_text()
    color = re.search(r"--border:\s*#([0-9a-f]{6})", css).group(1)

    def luminance(hex_color: str) -> float:
        channels = [int(hex_color[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    assert (1.05) / (luminance(color) + 0.05) >= 3.0
    assert re.search(r"#q \{[^}]*border: 1px solid var\(--border\)", css)


def test_weak_matches_are_labelled_and_partial_notice_shown(client):
    assert how_label({"how": "fuzzy", "confidence": 0.2}) == "تهجئة أخرى؟"
    assert how_label({"how": "fuzzy", "confidence": 0.9}) == "تقريبي"
    assert how_label({"how": "fuzzy"}) == "تقريبي"
    app = client.application
    with app.test_request_context("/?q=x"):
        from flask import render_template
        result = {"query": "x", "total": 0, "page": 1, "size": 10, "took_ms": 1, "hits": [],
                  "suggestions": [], "partial": True, "notice": "1 of 2 index shards did not answer"}
        html = render_template("index.html", form={"q": "x"}, result=result, error=None)
    assert 'id="partial-notice"' in html and "النتائج جزئية" in html
    assert '<p lang="en" dir="ltr">1 of 2 index shards did not answer</p>' in html


def test_api_docs_viewer_is_served_locally(client):
    html = get(client, "/api/docs").get_data(as_text=True)
    assert 'src="/api/docs/assets/swagger-ui-bundle.js"' in html and 'src="/static/apidocs.js"' in html
    assert 'data-spec="/api/openapi.json"' in html and "http" not in re.sub(r"<noscript>.*?</noscript>", "", html, flags=re.S).split("<body>")[1]
    bundle = get(client, "/api/docs/assets/swagger-ui-bundle.js")
    assert bundle.mimetype in ("text/javascript", "application/javascript") and len(bundle.data) > 100_000
    get(client, "/api/docs/assets/index.html", status=404)
