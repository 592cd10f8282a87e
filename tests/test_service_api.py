"""The JSON API against a real Elasticsearch: seed cases, ranking, errors, limits."""
from __future__ import annotations

import csv
import html
import json
import re
import socket
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import RUN_PREFIX
from corpora import EXTRA_DOCS, PAGING_DOCS, PAGING_QUERY
from service import create_app
from support import api_search as search, assert_error

MARKED = re.compile(r"<mark>(.*?)</mark>", re.S)


@pytest.fixture(scope="module")
def client(es_url, seeded_alias):
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": seeded_alias, "TESTING": True})
    return app.test_client()


def marked_words(result: dict) -> set[str]:
    return {word for hit in result["hits"] for passage in hit["passages"]
            for word in MARKED.findall(passage["highlight"])}


def matches(result: dict, doc_id: str | None = None) -> list[dict]:
    return [match for hit in result["hits"] if doc_id in (None, hit["id"])
            for passage in hit["passages"] for match in passage["matches"]]


# --- seed cases ------------------------------------------------------------------------------

def _seed_rows():
    from conftest import SHARED
    path = SHARED / "eval" / "seed_cases.tsv"
    if not path.is_file():
        return [pytest.param(None, None, id="seed_cases-absent")]
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [pytest.param(row["query"], row["must_highlight"], id=row["query"]) for row in rows]


@pytest.mark.parametrize(("query", "must_highlight"), _seed_rows())
def test_seed_case_highlights(seed_cases_path, client, query, must_highlight):
    result = search(client, q=query)
    assert result["total"] >= 1 and result["hits"]
    marked = marked_words(result)
    missing = [word for word in must_highlight.split(";") if word not in marked]
    assert not missing, f"{query!r}: not inside <mark>: {missing}; marked: {sorted(marked)}"


# --- response shape, ranking, collapse, match reasons ----------------------------------------

def test_response_shape(client):
    result = search(client, q="والدهاوزر", size=5)
    assert set(result) == {"query", "total", "page", "size", "took_ms", "partial", "hits",
                           "suggestions", "facets", "spellings", "required_words"}
    assert result["partial"] is False
    assert (result["query"], result["page"], result["size"]) == ("والدهاوزر", 1, 5)
    assert isinstance(result["took_ms"], int) and isinstance(result["suggestions"], list)
    exact = next(hit for hit in result["hits"] if hit["id"] == "exact-doc")
    assert exact["title"] == "لقاء في العاصمة"
    assert (exact["date"], exact["source"], exact["url"]) == (
        "2018-05-01", "alpha", "https://example.org/exact")
    assert isinstance(exact["score"], float)
    for hit in result["hits"]:
        assert hit["passages"]
        for passage in hit["passages"]:
            assert set(passage) == {"text", "highlight", "matches"}
            plain = passage["highlight"].replace("<mark>", "").replace("</mark>", "")
            assert html.unescape(plain) == passage["text"]
            assert "<" not in plain and ">" not in plain
            assert passage["matches"], "every returned passage says why it matched"
            for match in passage["matches"]:
                assert set(match) == {"text", "query", "how", "confidence"}
                assert match["text"] in passage["text"]
                assert 0.0 < match["confidence"] <= 1.0


def test_exact_spelling_ranks_above_fuzzy_variant(client):
    ids = [hit["id"] for hit in search(client, q="والدهاوزر")["hits"]]
    assert "exact-doc" in ids and "fuzzy-doc" in ids
    assert ids.index("exact-doc") < ids.index("fuzzy-doc")
    seed = next(i for i in ids if i not in {"exact-doc", "fuzzy-doc"})
    assert ids.index(seed) < ids.index("fuzzy-doc")
    hows = {m["how"] for m in matches(search(client, q="والدهاوزر"), "fuzzy-doc")}
    assert hows == {"fuzzy"}


def test_fuzzy_off_drops_the_fuzzy_variant(client):
    ids = [hit["id"] for hit in search(client, q="والدهاوزر", fuzzy="off")["hits"]]
    assert "exact-doc" in ids and "fuzzy-doc" not in ids


def test_a_document_appears_once_and_total_counts_documents(client):
    result = search(client, q="ليبيا السراج طرابلس", size=50)
    ids = [hit["id"] for hit in result["hits"]]
    assert len(ids) == len(set(ids))
    seed = [hit for hit in result["hits"] if hit["id"] not in {d["id"] for d in EXTRA_DOCS}]
    assert len(seed) == 1 and len(seed[0]["passages"]) > 1  # many passages, one hit
    assert result["total"] == len(ids)


@pytest.mark.parametrize(("query", "word", "how"), [
    ("والدهاوزر", "والدهاوزر", "exact"),
    ("فايز", "فائز", "normalized"),
    ("فايز", "فايز", "exact"),
    ("ويليامز", "لويليامز", "clitic"),
    ("الولايات المتحدة", "الولاياتالمتحدة", "split"),
    ("Waldhauser", "والدهاوزر", "translit"),
    ("Waldhauser", "والدهاوسير", "translit"),
])
def test_match_reasons(client, query, word, how):
    found = {(m["text"], m["how"]) for m in matches(search(client, q=query))}
    assert (word, how) in found, sorted(found)


@pytest.mark.parametrize("name", ["Libya", "Waldhauser", "Fayez al-Sarraj"])
def test_a_possessive_finds_what_the_name_finds(client, name):
    """"Libya's" was asked as the word libyas and found nothing."""
    plain = search(client, q=name)
    assert plain["total"] > 0
    for possessive in (f"{name}'s", f"{name}\u2019s"):
        found = search(client, q=possessive)
        assert [hit["id"] for hit in found["hits"]] == [hit["id"] for hit in plain["hits"]]


def test_paging_and_result_window(client):
    first = search(client, q=PAGING_QUERY, size=5)
    assert first["total"] == PAGING_DOCS
    pages = [first] + [search(client, q=PAGING_QUERY, size=5, page=n) for n in (2, 3)]
    ids = [hit["id"] for page in pages for hit in page["hits"]]
    assert len(ids) == PAGING_DOCS == len(set(ids))
    assert search(client, q=PAGING_QUERY, size=5, page=4)["hits"] == []
    assert search(client, q=PAGING_QUERY, size=50, page=20)["hits"] == []  # 1000: allowed


def test_filters(client):
    assert {h["id"] for h in search(client, q="والدهاوزر", source="alpha")["hits"]} == {"exact-doc"}
    after = search(client, q="والدهاوزر", date_from="2019-01-01")
    assert {h["id"] for h in after["hits"]} == {"fuzzy-doc"}
    window = search(client, q=PAGING_QUERY, date_from="2020-01-02", date_to="2020-01-04")
    assert window["total"] == 3


def test_misspelt_name_is_found_and_did_you_mean_only_when_nothing_is(client):
    found = search(client, q="طرابلز")   # found as another spelling, or else suggested
    fuzzy = {m["text"] for hit in found["hits"] for p in hit["passages"]
             for m in p["matches"] if m["how"] == "fuzzy"}
    if found["total"]:
        assert "طرابلس" in fuzzy and found["suggestions"] == []
    else:
        assert "طرابلس" in found["suggestions"]
    written_only = search(client, q="طرابلز", fuzzy="off")   # nothing: then suggest
    assert written_only["total"] == 0 and "طرابلس" in written_only["suggestions"]
    assert search(client, q="ليبيا")["suggestions"] == []


def test_did_you_mean_offers_nothing_that_finds_nothing(client):
    # طرابلز alone is corrected to طرابلس; beside a word no document holds, the corrected
    # query still finds nothing (a name's words are all required), so nothing is offered
    assert "طرابلس" in search(client, q="طرابلز", fuzzy="off")["suggestions"]
    alone = search(client, q="طرابلز قيقيقيقي", fuzzy="off")
    assert alone["total"] == 0 and alone["suggestions"] == []
    # nor a word no reader would take for the one typed (the suggester counts edits only)
    assert search(client, q="Fayez al-Sarraaj qqq")["suggestions"] == []


@pytest.mark.parametrize("query", [
    '"', "*", "?", ":", "\\", "/", "(", ")", "{", "}", "[", "]", "~", "^", "AND", "OR",
    'والدهاوزر" OR *:*', "(والدهاوزر) AND [ليبيا TO *]", "ليبيا~2 ^3 \\ / {x}", "!?؟،؛«»",
])
def test_query_syntax_is_plain_text(client, query):
    result = search(client, q=query)
    for hit in result["hits"]:   # whatever is found is found by its words, and says so
        assert all(passage["matches"] for passage in hit["passages"])
    marked = {m["text"] for hit in result["hits"] for p in hit["passages"] for m in p["matches"]}
    if "والدهاوزر" in query:     # the word inside the syntax is still just a word
        assert "والدهاوزر" in marked
    assert not marked & {"AND", "OR", "TO"}


def test_punctuation_only_query_has_zero_hits(client):
    result = search(client, q="?!؟ ... ،")
    assert (result["total"], result["hits"], result["suggestions"]) == (0, [], [])


# --- errors ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "code"), [
    ({}, "missing_query"),
    ({"q": ""}, "missing_query"),
    ({"q": "   \t "}, "missing_query"),
    ({"q": "ب" * 201}, "query_too_long"),
    ({"q": " ".join(["ليبيا"] * 13)}, "too_many_words"),
    ({"q": "ليبيا", "size": "0"}, "invalid_size"),
    ({"q": "ليبيا", "size": "51"}, "invalid_size"),
    ({"q": "ليبيا", "size": "ten"}, "invalid_size"),
    ({"q": "ليبيا", "page": "0"}, "invalid_page"),
    ({"q": "ليبيا", "page": "-1"}, "invalid_page"),
    ({"q": "ليبيا", "page": "1.5"}, "invalid_page"),
    ({"q": "ليبيا", "page": "101", "size": "10"}, "result_window_exceeded"),
    ({"q": "ليبيا", "page": "21", "size": "50"}, "result_window_exceeded"),
    ({"q": "ليبيا", "fuzzy": "maybe"}, "invalid_fuzzy"),
    ({"q": "ليبيا", "date_from": "2020-13-01"}, "invalid_date"),
    ({"q": "ليبيا", "date_from": "20200101"}, "invalid_date"),
    ({"q": "ليبيا", "date_to": "yesterday"}, "invalid_date"),
    ({"q": "ليبيا", "date_from": "2020-02-30"}, "invalid_date"),
    ({"q": "ليبيا", "date_from": "2021-01-01", "date_to": "2020-01-01"}, "invalid_date_range"),
    ({"q": "ليبيا", "source": "s" * 201}, "source_too_long"),
])
def test_search_bad_parameters(client, args, code):
    assert_error(client.get("/api/search", query_string=args), 400, code)


def test_limits_at_the_boundary_are_accepted(client):
    assert search(client, q="  " + "ب" * 200 + "  ")["query"] == "ب" * 200
    twelve = search(client, q=" ".join(["ليبيا"] * 12), size=50)
    assert twelve["size"] == 50 and twelve["total"] >= 1


@pytest.mark.parametrize(("path", "args", "code"), [
    ("/api/suggest", {}, "missing_query"),
    ("/api/suggest", {"q": "ب" * 101}, "query_too_long"),
    ("/api/suggest", {"q": "طراب", "size": "0"}, "invalid_size"),
    ("/api/analyze", {}, "missing_text"),
    ("/api/analyze", {"text": "  "}, "missing_text"),
    ("/api/analyze", {"text": "ب" * 2001}, "text_too_long"),
])
def test_other_bad_parameters(client, path, args, code):
    assert_error(client.get(path, query_string=args), 400, code)


def test_not_found_and_method_not_allowed_are_json(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.post("/api/search?q=x"), 405, "method_not_allowed")


@pytest.mark.parametrize("path", ["/api/search?q=ليبيا", "/api/health", "/api/suggest?q=طراب"])
def test_unreachable_elasticsearch_is_503_within_3_seconds(path):
    app = create_app({"ELASTICSEARCH_URL": "http://127.0.0.1:9", "SEARCH_INDEX": "x",
                      "TESTING": True})
    started = time.monotonic()
    response = app.test_client().get(path)
    assert time.monotonic() - started < 3
    assert_error(response, 503, "elasticsearch_unavailable")


def test_hanging_elasticsearch_times_out_with_503_within_3_seconds():
    """A server that accepts connections but never answers: the 2.5 s timeout must fire."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        port = listener.getsockname()[1]
        app = create_app({"ELASTICSEARCH_URL": f"http://127.0.0.1:{port}", "TESTING": True})
        for path in ("/api/search?q=ليبيا", "/api/health"):
            started = time.monotonic()
            response = app.test_client().get(path)
            assert time.monotonic() - started < 3
            assert_error(response, 503, "elasticsearch_unavailable")


def test_missing_index_is_503_index_missing(es_url):
    alias = f"{RUN_PREFIX}-does-not-exist"
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": alias, "TESTING": True})
    client = app.test_client()
    for path in ("/api/search?q=ليبيا", "/api/search?q=مجلس الأمن",  # holders in the look-ups
                 "/api/search?q=Fayez Sarraj", "/api/suggest?q=طراب", "/api/health"):
        error = assert_error(client.get(path), 503, "index_missing")
        assert "make run" in error["message"] and "python -m indexer seeds/" in error["message"]


# --- suggest, analyze, health, openapi --------------------------------------------------------

@pytest.mark.parametrize(("prefix", "expected"), [
    ("والده", {"والدهاوزر", "والدهاوسر", "والدهاوسير"}),
    ("طراب", {"طرابلس"}),
    ("Waldh", {"والدهاوزر"}),  # Latin input completes to Arabic spellings (test_web_suggest.py)
    ("Zzzq", set()),
])
def test_suggest(client, prefix, expected):
    response = client.get("/api/suggest", query_string={"q": prefix})
    assert response.status_code == 200
    body = response.get_json()
    assert body["query"] == prefix
    texts = {item["text"] for item in body["suggestions"]}
    assert expected <= texts
    assert all(isinstance(item["freq"], int) and item["freq"] >= 1 for item in body["suggestions"])
    if not expected:
        assert texts == set()


def test_analyze(client):
    text = "جاء ذلك خلال حديث لويليامز"
    response = client.get("/api/analyze", query_string={"text": text})
    assert response.status_code == 200
    tokens = response.get_json()["tokens"]
    assert [t["text"] for t in tokens] == text.split()
    last = tokens[-1]
    assert text[last["start"]:last["end"]] == "لويليامز"
    assert "ويليامز" in last["readings"] and last["script"] == "arabic"
    assert set(last) == {"text", "start", "end", "normalized", "script", "readings", "stem",
                         "parts", "keys", "variants", "exact", "vowel_keys", "dotted"}


def test_analyze_needs_no_elasticsearch():
    app = create_app({"ELASTICSEARCH_URL": "http://127.0.0.1:9", "TESTING": True})
    response = app.test_client().get("/api/analyze", query_string={"text": "Waldhauser"})
    assert response.status_code == 200
    assert response.get_json()["tokens"][0]["script"] == "latin"


def test_health(client, seeded_alias):
    response = client.get("/api/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] in ("green", "yellow")
    assert body["elasticsearch"]["status"] == body["status"]
    assert body["elasticsearch"]["number_of_nodes"] >= 1
    assert body["index"]["alias"] == seeded_alias and body["index"]["exists"] is True
    assert body["index"]["documents"] == 1 + len(EXTRA_DOCS)
    assert body["index"]["writable"] is True and body["index"]["indices"]


def test_openapi(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    document = json.loads(response.get_data(as_text=True))
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) >= {"/api/search", "/api/suggest", "/api/analyze",
                                      "/api/health", "/api/openapi.json"}
    search_params = {p["name"]: p for p in document["paths"]["/api/search"]["get"]["parameters"]}
    assert set(search_params) == {"q", "page", "size", "fuzzy", "sort", "explain", "source",
                                  "date_from", "date_to", "spelling"}
    assert search_params["q"]["schema"]["maxLength"] == 200
    assert search_params["size"]["schema"]["maximum"] == 50
    error = document["components"]["schemas"]["ErrorResponse"]["properties"]["error"]
    assert set(error["required"]) == {"status", "code", "message"}

    def refs(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "$ref":
                    yield value
                else:
                    yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    for ref in refs(document):  # every $ref resolves
        target = document
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]


def test_config_from_environment(monkeypatch):
    monkeypatch.setenv("ELASTICSEARCH_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("SEARCH_INDEX", "from-env")
    app = create_app()
    assert (app.config["ELASTICSEARCH_URL"], app.config["SEARCH_INDEX"]) == (
        "http://127.0.0.1:9", "from-env")
    assert create_app({"SEARCH_INDEX": "override"}).config["SEARCH_INDEX"] == "override"
    assert not any(key.startswith("arabic_search") for key in app.extensions)  # lazy client


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(min_size=0, max_size=60))
def test_any_query_is_200_or_400_never_500(client, query):
    response = client.get("/api/search", query_string={"q": query})
    if response.status_code == 400:
        assert_error(response, 400)
    else:
        assert response.status_code == 200, response.get_data(as_text=True)
        assert isinstance(response.get_json()["total"], int)
