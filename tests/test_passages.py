"""A result's best passages: the top_hits aggregation gives what the collapse's inner_hits gave.

The service re-ranks a window of documents, then fetches the passages of the page's
documents with one aggregation (``passages.passages_body``) instead of inner hits for
the whole window (issue 14).  Through the real index, for queries of every kind, both
ways must give each document the same passages in the same order, ties included.
"""
from __future__ import annotations

import itertools
import json

import pytest

from arabic_search import mapping as m
from arabic_search.documents import PASSAGE_TARGET
from arabic_search.passages import (PASSAGE_ORDER, PASSAGE_SOURCE, PASSAGES, best_passages,
                                    inner_hits, inner_passages, passages_body, with_inner_hits)
from arabic_search.plan import plan_search
from arabic_search.query import search_body, search_query
from arabic_search.syntax import parse
from indexer.load import index_paths
from service.errors import msearch_failure
from service.search import completed_plan

SAMPLE_DOCS = 60
# Sentences long enough to be passages of their own, the query words in some of them.
FILLER = "وتناولت المناقشات قضايا التعليم والصحة والنقل في المحافظات الجنوبية والشمالية. "
TIED = "وصل والدهاوزر إلى القاهرة أمس في زيارة رسمية. "
QUERIES = ["والدهاوزر", "Waldhauser", "القاهرة", "الرئيس", "الحكومة المصرية",
           "مجلس الأمن", "\"زيارة رسمية\"", "وزير -الخارجية"]


def _padded(sentence: str) -> str:
    return sentence + FILLER * (PASSAGE_TARGET // len(FILLER) + 1)


@pytest.fixture(scope="module")
def alias(es_client, shared_data, tmp_path_factory):
    from conftest import RUN_PREFIX
    folder = tmp_path_factory.mktemp("passages")
    with (shared_data / "prose_msa.jsonl").open(encoding="utf-8") as handle:
        lines = [line for line in itertools.islice(handle, SAMPLE_DOCS) if line.strip()]
    # The same sentence in several passages: equal scores, passage order decides.
    tied = "\n\n".join(_padded(TIED) for _ in range(5))
    lines.append(json.dumps({"id": "tied", "title": "زيارة", "body": tied}, ensure_ascii=False))
    (folder / "docs.jsonl").write_text("".join(line.rstrip("\n") + "\n" for line in lines),
                                       encoding="utf-8")
    name = f"{RUN_PREFIX}-passages"
    index_paths(es_client, name, [folder])
    return name


def test_the_aggregation_asks_what_inner_hits_ask():
    """One definition: same passages per document, same fields, same order."""
    body = passages_body({"match_all": {}}, ["a", "b"])
    top = body["aggs"][PASSAGES]["aggs"]["top"]["top_hits"]
    assert top["sort"] == inner_hits()["sort"] == PASSAGE_ORDER
    assert top["_source"] == inner_hits()["_source"] == PASSAGE_SOURCE
    assert top["size"] == inner_hits()["size"]
    assert body["aggs"][PASSAGES]["terms"]["size"] == 2
    assert {"terms": {m.DOC_ID: ["a", "b"]}} in body["query"]["bool"]["filter"]


def test_a_hit_given_passages_reads_back_the_same():
    passages = [{"_id": "p1", "_source": {m.TEXT: "نص"}}]
    assert inner_passages(with_inner_hits({"_id": "d"}, passages)) == passages
    assert inner_passages({"_id": "d"}) == []
    assert best_passages({"aggregations": {PASSAGES: {"buckets": [
        {"key": "d", "top": {"hits": {"hits": passages}}}]}}}) == {"d": passages}


def test_a_word_held_outside_the_best_passages_has_its_best_passage_shown_after_them():
    best = [{"_id": "p1", "_score": 9.0}, {"_id": "p2", "_score": 8.0}, {"_id": "p3", "_score": 7.0}]
    body = passages_body({"match_all": {}}, ["d"], [{"term": {m.NORM: "محمد"}}, {"term": {m.NORM: "سعيد"}}])
    words = body["aggs"][PASSAGES]["aggs"]
    assert words["word1"]["filter"] == {"term": {m.NORM: "سعيد"}}
    assert words["word1"]["aggs"]["top"]["top_hits"]["size"] == 1
    assert words["word1"]["aggs"]["top"]["top_hits"]["sort"] == PASSAGE_ORDER
    bucket = {"key": "d", "top": {"hits": {"hits": best}},
              "word0": {"top": {"hits": {"hits": [best[0]]}}},  # among the best: not again
              "word1": {"top": {"hits": {"hits": [{"_id": "p7", "_score": 2.0}]}}}}
    shown = best_passages({"aggregations": {PASSAGES: {"buckets": [bucket]}}})["d"]
    assert [hit["_id"] for hit in shown] == ["p1", "p2", "p3", "p7"]


def test_the_api_schema_allows_each_word_its_passage():
    from pathlib import Path

    import service
    from arabic_search.passages import PASSAGES_PER_DOC
    from arabic_search.plan import MAX_NAME_WORDS
    schema = json.loads((Path(service.__file__).parent / "openapi.json").read_text(encoding="utf-8"))
    passages = schema["components"]["schemas"]["Hit"]["properties"]["passages"]
    assert passages["maxItems"] == PASSAGES_PER_DOC + MAX_NAME_WORDS


@pytest.mark.parametrize("query", QUERIES)
def test_top_hits_give_each_document_its_inner_hits(es_client, alias, query):
    plan = completed_plan(es_client, alias, plan_search(parse(query), True))
    collapsed = es_client.search(index=alias, body=search_body(plan, 1, 30)).body["hits"]["hits"]
    assert collapsed, query
    doc_ids = [hit["_source"][m.DOC_ID] for hit in collapsed]
    found = best_passages(es_client.search(
        index=alias, body=passages_body(search_query(plan), doc_ids)).body)
    for hit, doc_id in zip(collapsed, doc_ids):
        assert [p["_id"] for p in found.get(doc_id, [])] == \
            [p["_id"] for p in inner_passages(hit)], (query, doc_id)


def test_tied_passages_come_in_passage_order(es_client, alias):
    plan = completed_plan(es_client, alias, plan_search(parse("والدهاوزر"), True))
    found = best_passages(es_client.search(
        index=alias, body=passages_body(search_query(plan), ["tied"])).body)
    numbers = [p["_source"][m.PASSAGE_NO] for p in found["tied"]]
    assert numbers == sorted(numbers) and len(numbers) == 3


@pytest.mark.parametrize("status, expected", [(400, 502), (404, 502), (429, 503), (500, 503),
                                              (None, 503)])
def test_a_failed_search_inside_an_msearch_is_an_error_like_a_lone_one(status, expected):
    error = msearch_failure({"status": status, "error": {"type": "x"}} if status else {})
    assert error.status == expected


class _Counting:
    """The real client, each request's kind and body noted (the requests still go to ES)."""

    def __init__(self, client, sent: list):
        self._client, self.sent = client, sent

    def options(self, **kwargs):
        return _Counting(self._client.options(**kwargs), self.sent)

    def __getattr__(self, name):
        target = getattr(self._client, name)

        def call(**kwargs):
            self.sent.append((name, kwargs.get("body") or kwargs.get("searches")))
            return target(**kwargs)
        return call if name in ("search", "msearch", "mget") else target


def test_a_search_runs_the_query_once_per_window_not_once_per_document(es_client, alias):
    """Issue 14: the window search carries no inner hits (they re-ran the query for each of
    its 30 documents); the page's passages and the coverage come in one msearch."""
    from service.params import SearchParams
    from service.search import search
    sent: list = []
    result = search(_Counting(es_client, sent), alias, SearchParams(q="القاهرة", size=5))
    assert result["hits"] and all("passages" in hit for hit in result["hits"])
    kinds = [name for name, _ in sent]
    assert kinds[:3] == ["msearch", "search", "msearch"], kinds
    assert "inner_hits" not in json.dumps(sent[1][1])
    assert len(kinds) <= 4  # + the spellings count
