"""The ranking does not depend on the number of shards (issue 14.8).

The same 600 documents indexed with 1 and with 3 shards must give the same top 10, in
the same order, for every query: scores use cluster-wide statistics
(``dfs_query_then_fetch``) and ties are broken by document id, not by shard.
Before both, 2 of 20 queries agreed.
"""
from __future__ import annotations

import pytest

from conftest import RUN_PREFIX
from service import create_app
from test_indexer import run_cli

# Words frequent in prose_msa.jsonl, so that most queries fill a top 10 (since near-spellings
# no longer pad results, ليبيا or النفط find only the few documents that hold them).
QUERIES = [
    "الرئيس", "الحكومة", "مصر", "الله", "الناس", "العالم", "الدولة", "العربية", "التعليم",
    "الإسلام", "المرأة", "الصحة", "التاريخ", "الثقافة", "اللغة العربية", "العالم العربي",
    "السلام", "الكتاب", "المجتمع", "وزير الخارجية",
]
TOP = 10


@pytest.fixture(scope="module")
def aliases(shared_data, es_client, es_url):
    made = {}
    for shards in (1, 3):
        alias = f"{RUN_PREFIX}-shards{shards}"
        done = run_cli([shared_data / "prose_msa.jsonl", "--shards", str(shards)], es_url, alias,
                       timeout=600)
        assert done.returncode == 0, done.stderr
        index = next(iter(es_client.indices.get_alias(name=alias).body))
        settings = es_client.indices.get_settings(index=index).body[index]["settings"]["index"]
        assert settings["number_of_shards"] == str(shards)
        made[shards] = alias
    return made


def top_ids(es_url: str, alias: str, query: str) -> list[str]:
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": alias, "TESTING": True})
    response = app.test_client().get("/api/search", query_string={"q": query, "size": TOP})
    assert response.status_code == 200, response.get_data(as_text=True)
    return [hit["id"] for hit in response.get_json()["hits"]]


def test_top_ten_is_the_same_with_one_and_three_shards(aliases, es_url):
    differing = {}
    found = 0
    for query in QUERIES:
        one, three = top_ids(es_url, aliases[1], query), top_ids(es_url, aliases[3], query)
        found += len(one) == TOP
        if one != three:
            differing[query] = (one, three)
    assert found >= len(QUERIES) // 2, "the queries should fill a top 10 to test anything"
    assert not differing, f"{len(differing)} of {len(QUERIES)} queries differ: {differing}"
