"""/api/health says whether this service can search its alias (issues 11.7, 14.3, 14.6).

Single-node checks; the scoped health with a red index elsewhere on a 3-node cluster is
in tests/test_cluster.py.
"""
from __future__ import annotations

import pytest

from corpora import own_service_corpus
from service import create_app

WRITE_BLOCKS = ("index.blocks.write", "index.blocks.read_only_allow_delete")


@pytest.fixture(scope="module")
def seeded(es_client, tmp_path_factory):
    """Its own copy of the service corpus: the tests set write blocks on it."""
    return own_service_corpus(es_client, tmp_path_factory, "health")


def health(es_url: str, alias: str):
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": alias, "TESTING": True})
    return app.test_client().get("/api/health")


def test_missing_alias_is_503_not_green(es_url, unique_alias):
    response = health(es_url, unique_alias)
    assert response.status_code == 503
    error = response.get_json()["error"]
    assert error["code"] == "index_missing" and unique_alias in error["message"]


@pytest.mark.parametrize("block", WRITE_BLOCKS)
def test_read_only_index_is_reported(es_client, es_url, seeded, block):
    (index,) = es_client.indices.get_alias(name=seeded).body
    es_client.indices.put_settings(index=index, settings={block: True})
    try:
        response = health(es_url, seeded)
        assert response.status_code == 200  # searches still work
        state = response.get_json()["index"]
        assert state["writable"] is False and state["blocks"] == {index: [block]}
    finally:
        es_client.indices.put_settings(index=index, settings={block: None})
    assert health(es_url, seeded).get_json()["index"]["writable"] is True


def test_health_counts_and_scope(es_url, seeded):
    body = health(es_url, seeded).get_json()
    assert body["index"]["exists"] is True and body["index"]["documents"] >= 1
    assert body["status"] == body["elasticsearch"]["status"]
    # Scoped to the alias: its shards only, not every index of the shared node.
    assert body["elasticsearch"]["active_shards"] <= len(body["index"]["indices"]) * 2


def test_a_fresh_index_has_no_warnings(es_url, seeded):
    state = health(es_url, seeded).get_json()["index"]
    assert state["warnings"] == [] and state["lexicon_words"] > 0


def test_an_index_of_an_older_analysis_is_reported(es_client, es_url, seeded):
    from arabic_search import mapping as m
    (index,) = es_client.indices.get_alias(name=seeded).body
    es_client.indices.put_mapping(index=index, meta={m.ANALYSIS_META: m.ANALYSIS_VERSION - 1})
    try:
        response = health(es_url, seeded)
        assert response.status_code == 200  # it still searches
        [warning] = response.get_json()["index"]["warnings"]
        assert f"analysis version {m.ANALYSIS_VERSION - 1}" in warning and "re-index" in warning
    finally:
        es_client.indices.put_mapping(index=index, meta={m.ANALYSIS_META: m.ANALYSIS_VERSION})
    assert health(es_url, seeded).get_json()["index"]["warnings"] == []


def test_an_index_without_lexicon_is_reported(es_client, es_url, seeded):
    """Name matching finds other spellings in the lexicon: without it, it silently finds
    none (an index built by an indexer that stopped before its lexicon phase)."""
    (index,) = es_client.indices.get_alias(name=seeded).body
    words = es_client.search(index=index, query={"term": {"kind": "word"}}, size=10_000,
                             source=True).body["hits"]["hits"]
    assert words
    es_client.bulk(operations=[{"delete": {"_index": index, "_id": hit["_id"]}} for hit in words],
                   refresh=True)
    try:
        warnings = health(es_url, seeded).get_json()["index"]["warnings"]
        assert any("no lexicon entries" in warning for warning in warnings)
    finally:
        from arabic_search.analysis import word_forms
        from arabic_search.lexicon import lexicon_entry
        entries = [lexicon_entry(word_forms(hit["_source"]["word"])[0]) for hit in words]
        es_client.bulk(operations=[item for entry_id, source in filter(None, entries) for item in (
            {"index": {"_index": index, "_id": entry_id}}, source)], refresh=True)
    assert health(es_url, seeded).get_json()["index"]["warnings"] == []
