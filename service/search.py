"""Searching without Flask: client + alias + parameters -> the API's response dict.

All analysis and request building lives in ``arabic_search``; this module sends
the body it builds and turns the Elasticsearch response into the API's shape.
Elasticsearch errors are not caught here: the error boundary (``errors.py``) maps them.
"""
from __future__ import annotations

import time

from elasticsearch import Elasticsearch

from arabic_search import mapping as m
from arabic_search.analysis import Token, analyze
from arabic_search.matching import explain_passage
from arabic_search.plan import QueryPlan, plan_query
from arabic_search.query import document_count, search_body

from .didyoumean import did_you_mean
from .params import SearchParams

# Scores from cluster-wide term statistics, not each shard's own: with several shards the
# top 10 otherwise depends on the shard count (2 of 20 queries agreed between 1 and 3
# shards).  Elasticsearch skips the extra round trip when the index has one shard.
SEARCH_TYPE = "dfs_query_then_fetch"


def _hit(hit: dict, plan: QueryPlan) -> dict:
    source = hit.get("_source", {})
    result = {"id": source.get(m.DOC_ID, hit.get("_id")), "title": source.get(m.TITLE, ""),
              "score": hit.get("_score")}
    for field in (m.DATE, m.SOURCE, m.URL):
        if source.get(field):
            result[field] = source[field]
    inner = hit.get("inner_hits", {}).get("passages", {}).get("hits", {}).get("hits", [])
    result["passages"] = [explain_passage(passage["_source"].get(m.TEXT, ""), plan)
                          for passage in inner]
    return result


def with_name_spellings(client: Elasticsearch, alias: str, plan: QueryPlan) -> QueryPlan:
    """The plan with the accepted spellings of its name words, found in the lexicon
    (one msearch for all words; a word whose look-up fails keeps its written forms)."""
    requests = plan.lexicon_requests()
    if not requests:
        return plan
    searches: list[dict] = []
    for _, body in requests:
        searches += [{"index": alias}, body]
    responses = client.msearch(searches=searches).body.get("responses", [])
    found = {number: response for (number, _), response in zip(requests, responses)
             if "error" not in response}
    return plan.with_candidates(found)


def search(client: Elasticsearch, alias: str, params: SearchParams) -> dict:
    """Run one search: the API's response dict (``hits`` one per document)."""
    started = time.perf_counter()
    tokens = analyze(params.q)
    result = {"query": params.q, "total": 0, "page": params.page, "size": params.size,
              "took_ms": 0, "hits": [], "suggestions": []}
    plan = plan_query(tokens, params.fuzzy)
    if plan.words:  # a query of punctuation only has no words: no hits, no request
        plan = with_name_spellings(client, alias, plan)
        body = search_body(plan, params.page, params.size, source=params.source,
                           date_from=params.date_from, date_to=params.date_to)
        response = client.search(index=alias, body=body, search_type=SEARCH_TYPE).body
        result["total"] = document_count(response)
        result["hits"] = [_hit(hit, plan) for hit in response["hits"]["hits"]]
        if result["total"] == 0:  # only where a suggestion can do better than the query
            result["suggestions"] = did_you_mean(client, alias, tokens)
    result["took_ms"] = round((time.perf_counter() - started) * 1000)
    return result
