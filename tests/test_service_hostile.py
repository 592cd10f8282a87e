"""Hostile input and hostile Elasticsearch behaviour against the service (real ES, no mocks).

Structure checks first (one client seam, one error boundary), then issue 11's cases:
control characters in parameters, lone surrogates stored in the index, oversized
analysis output, slow Elasticsearch, partial shard failures.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from service import create_app

SERVICE = Path(__file__).resolve().parent.parent / "service"
UNREACHABLE = "http://127.0.0.1:9"  # discard port: connection refused at once


def _broad_handlers(path: Path) -> list[int]:
    """Lines of ``except Exception`` / bare ``except`` handlers in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler):
            name = node.type.id if isinstance(node.type, ast.Name) else None
            if node.type is None or name in ("Exception", "BaseException"):
                lines.append(node.lineno)
    return lines


def test_one_error_boundary():
    """Only errors.py turns arbitrary failures into responses; views just raise."""
    offenders = {path.name: _broad_handlers(path) for path in SERVICE.glob("*.py")
                 if path.name != "errors.py"}
    assert {name: lines for name, lines in offenders.items() if lines} == {}


def test_one_client_seam():
    """Only elastic.py builds an Elasticsearch client for the service."""
    builders = [path.name for path in SERVICE.glob("*.py")
                if "make_client(" in path.read_text(encoding="utf-8")
                or "Elasticsearch(" in path.read_text(encoding="utf-8")]
    assert builders == ["elastic.py"]


def test_page_error_goes_through_the_boundary_and_keeps_the_query():
    app = create_app({"ELASTICSEARCH_URL": UNREACHABLE, "SEARCH_INDEX": "x", "TESTING": True})
    client = app.test_client()
    page = client.get("/", query_string={"q": "والدهاوزر", "source": "alpha"})
    assert page.status_code == 503 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert 'data-code="elasticsearch_unavailable"' in html and "غير متاح" in html
    assert 'value="والدهاوزر"' in html and 'value="alpha"' in html
    missing = client.get("/no-such-page", query_string={"q": "طرابلس"})
    assert missing.status_code == 404 and missing.mimetype == "text/html"
    assert 'value="طرابلس"' in missing.get_data(as_text=True)
    api = client.get("/api/search", query_string={"q": "x"})
    assert api.status_code == 503 and api.get_json()["error"]["code"] == "elasticsearch_unavailable"


# --- issue 11.3: control characters in parameters ---------------------------------------------

@pytest.fixture(scope="module")
def seeded_alias(es_client, tmp_path_factory):
    from test_service_support import seeded_alias_for
    return seeded_alias_for(es_client, tmp_path_factory, "hostile")


@pytest.fixture(scope="module")
def client(es_url, seeded_alias):
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": seeded_alias, "TESTING": True})
    return app.test_client()


CONTROLS = ["\x1f", "\x1e", "\x00", "\x07", "\x7f", "\x85", "\u200f", "\u202e", "\u2066", "\ufeff",
            "\u00ad", "\u2060"]


@pytest.mark.parametrize("char", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize(("path", "name"), [("/api/suggest", "q"), ("/api/search", "q"),
                                            ("/api/search", "source"), ("/api/analyze", "text"),
                                            ("/", "q")])
def test_control_characters_never_reach_elasticsearch(client, path, name, char):
    args = {"q": "والد"} if name != "q" else {}
    args[name] = f"a{char}b والد{char}هاوزر"
    response = client.get(path, query_string=args)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]


@pytest.mark.parametrize("char", ["\x1f", "\x1e"])
def test_suggest_with_completion_separators(client, char):
    """ES reserves U+001F/U+001E in completion inputs: they used to give a 502."""
    body = client.get("/api/suggest", query_string={"q": f"وال{char}د"}).get_json()
    assert char not in body["query"]


def test_format_characters_inside_a_word_are_removed_but_joiners_kept(client):
    result = client.get("/api/search", query_string={"q": "والده\u200fاوزر"}).get_json()
    assert result["query"] == "والدهاوزر"
    assert "exact-doc" in [hit["id"] for hit in result["hits"]]
    kept = client.get("/api/search", query_string={"q": "می\u200cخواهم"}).get_json()
    assert kept["query"] == "می\u200cخواهم"


# --- issue 11.4: lone surrogates stored in the index --------------------------------------------

LONE_DOC = "lone-surrogate-doc"
LONE_MARK = "LONEMARK"


def _index_with_lone_surrogates(es_client, alias: str) -> None:
    """Index a document whose title and text hold U+D800, straight through the ES client
    (the indexer would refuse it), as another writer to the same index could."""
    import json

    from arabic_search import es
    from arabic_search.documents import passage_documents

    index = es.alias_indices(es_client, alias)[0]
    for es_id, source in passage_documents(
            LONE_DOC, f"زار الجنرال والدهاوزر مدينة درنة {LONE_MARK} أمس.",
            title=f"عنوان {LONE_MARK}", source=f"src{LONE_MARK}"):
        raw = json.dumps(source, ensure_ascii=True).replace(LONE_MARK, "\\ud800")
        es_client.perform_request("PUT", f"/{index}/_doc/{es_id}", body=raw.encode("ascii"),
                                  headers={"content-type": "application/json",
                                           "accept": "application/json"})
    es_client.indices.refresh(index=index)


@pytest.fixture(scope="module")
def lone_client(es_client, es_url, tmp_path_factory):
    from test_service_support import seeded_alias_for
    alias = seeded_alias_for(es_client, tmp_path_factory, "lone")
    _index_with_lone_surrogates(es_client, alias)
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": alias, "TESTING": True})
    return app.test_client()


@pytest.mark.parametrize("query", ["درنة", "والدهاوزر", "عنوان"])
def test_lone_surrogate_in_a_stored_document_is_replaced_not_a_500(lone_client, query):
    response = lone_client.get("/api/search", query_string={"q": query, "size": 50})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    hits = {hit["id"]: hit for hit in response.get_json()["hits"]}
    assert LONE_DOC in hits
    assert hits[LONE_DOC]["title"] == "عنوان \ufffd"
    page = lone_client.get("/", query_string={"q": query, "size": 50})
    assert page.status_code == 200 and "عنوان \ufffd" in page.get_data(as_text=True)


# --- issue 11.5: /api/analyze output is bounded -------------------------------------------------

def test_analyze_response_is_bounded(client):
    """450 x U+FDFA (a 4 KB URL) used to answer 3.9 MB; now at most MAX_TOKEN_BYTES of tokens."""
    from service.analyze import MAX_TOKEN_BYTES, MAX_TOKENS
    response = client.get("/api/analyze", query_string={"text": "\ufdfa" * 450})
    assert response.status_code == 200
    body = response.get_json()
    assert body["truncated"] is True and body["token_count"] > len(body["tokens"])
    assert 0 < len(body["tokens"]) <= MAX_TOKENS
    assert len(response.get_data()) <= MAX_TOKEN_BYTES + 1024


def test_analyze_ordinary_text_is_not_truncated(client):
    text = " ".join(["والدهاوزر", "طرابلس", "Williams"] * 60)[:2000]
    body = client.get("/api/analyze", query_string={"text": text}).get_json()
    assert body["truncated"] is False and body["token_count"] == len(body["tokens"]) == 180
