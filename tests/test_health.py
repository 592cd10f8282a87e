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
