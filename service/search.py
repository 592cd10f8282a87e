"""Searching, suggesting and health checks, without Flask: client + alias + parameters -> dict.

All analysis and request building lives in ``arabic_search``; this module sends
the bodies it builds and turns Elasticsearch responses into the API's shapes.
Elasticsearch errors are not caught here: ``errors.describe`` maps them.
"""
from __future__ import annotations

import time

from elasticsearch import ApiError, Elasticsearch

from arabic_search import es
from arabic_search import mapping as m
from arabic_search.analysis import Token, analyze
from arabic_search.documents import term_id
from arabic_search.matching import explain_passage
from arabic_search.plan import QueryPlan, plan_query
from arabic_search.normalize import normalize_word
from arabic_search.query import (DOCUMENT_COUNT_AGG, did_you_mean_body, document_count,
                                  search_body, suggest_body)
from arabic_search.spellings import candidates, narrowed, read_spellings, spellings_body

from .params import SearchParams

# Seconds per request of a health check, and for the optional did-you-mean look-up.
HEALTH_TIMEOUT = 1.2
SURFACE_LOOKUP_TIMEOUT = 0.5
SPELLINGS_TIMEOUT = 0.8
HEALTH_FIELDS = ("cluster_name", "status", "number_of_nodes", "active_shards",
                 "unassigned_shards", "timed_out")


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


def _surface_forms(client: Elasticsearch, alias: str, words: list[str]) -> dict[str, str]:
    """normalized word -> its most frequent written form, from the index's term entries."""
    if not words:
        return {}
    try:
        docs = client.options(request_timeout=SURFACE_LOOKUP_TIMEOUT).mget(
            index=alias, ids=[term_id(word) for word in words], source=[m.TERM]).body["docs"]
    except (ApiError, *es.UNAVAILABLE_ERRORS):  # optional nicety: fall back to normalized forms
        return {}
    found = {doc["_id"]: doc["_source"][m.TERM]
             for doc in docs if doc.get("found") and doc.get("_source", {}).get(m.TERM)}
    return {word: found[term_id(word)] for word in words if term_id(word) in found}


def did_you_mean(client: Elasticsearch, alias: str, tokens: list[Token]) -> list[str]:
    """The query with each word replaced by the term suggester's option, if any changed.

    Optional: a slow or failing suggester yields no suggestions rather than an error.
    """
    try:
        response = client.options(request_timeout=SURFACE_LOOKUP_TIMEOUT).search(
            index=alias, body=did_you_mean_body(tokens)).body
    except (ApiError, *es.UNAVAILABLE_ERRORS):
        return []
    entries = response.get("suggest", {}).get("did_you_mean", [])
    if len(entries) != len(tokens):  # the suggester saw other words than our tokens
        return []
    replaced: dict[int, str] = {}
    for number, (token, entry) in enumerate(zip(tokens, entries)):
        options = entry.get("options") or []
        if options and options[0]["text"] != token.normalized:
            replaced[number] = options[0]["text"]
    if not replaced:
        return []
    surface = _surface_forms(client, alias, sorted(set(replaced.values())))
    words = [surface.get(replaced[n], replaced[n]) if n in replaced else token.text
             for n, token in enumerate(tokens)]
    return [" ".join(words)]


def spellings(client: Elasticsearch, alias: str, query: dict, hits: list[dict],
              narrowed_to: str | None) -> list[dict]:
    """The spellings that answered ``query`` in ``hits``, counted over all its matches.

    Optional, like did-you-mean: a slow or failing count yields no spellings, not an error.
    """
    how = candidates(hits, narrowed_to)
    if not how:
        return []
    try:
        response = client.options(request_timeout=SPELLINGS_TIMEOUT).search(
            index=alias, body=spellings_body(query, list(how))).body
    except (ApiError, *es.UNAVAILABLE_ERRORS):
        return []
    return read_spellings(response, how)


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
              "took_ms": 0, "hits": [], "suggestions": [], "spellings": []}
    if params.spelling:
        result["spelling"] = params.spelling
    plan = plan_query(tokens, params.fuzzy)
    if plan.words:  # a query of punctuation only has no words: no hits, no request
        plan = with_name_spellings(client, alias, plan)
        body = search_body(plan, params.page, params.size, source=params.source,
                           date_from=params.date_from, date_to=params.date_to)
        query = body["query"]
        if params.spelling:
            body["query"] = narrowed(query, params.spelling)
        response = client.search(index=alias, body=body).body
        result["total"] = document_count(response)
        result["hits"] = [_hit(hit, plan) for hit in response["hits"]["hits"]]
        result["spellings"] = spellings(client, alias, query, result["hits"], params.spelling)
        if result["total"] == 0:  # only where a suggestion can do better than the query
            result["suggestions"] = did_you_mean(client, alias, tokens)
    result["took_ms"] = round((time.perf_counter() - started) * 1000)
    return result


def suggest(client: Elasticsearch, alias: str, prefix: str, size: int) -> dict:
    """Completions of ``prefix`` from the index's term entries, most frequent first."""
    response = client.search(index=alias, body=suggest_body(normalize_word(prefix), size)).body
    suggestions = []
    for entry in response.get("suggest", {}).get("terms", []):
        for option in entry.get("options", []):
            source = option.get("_source", {})
            suggestions.append({"text": source.get(m.TERM, option.get("text")),
                                "freq": source.get(m.TERM_FREQ, 0)})
    return {"query": prefix, "suggestions": suggestions}


def health(client: Elasticsearch, alias: str) -> dict:
    """Cluster health subset and index state; raises the client's error if ES is unreachable.

    Two requests of at most HEALTH_TIMEOUT each, so a hung cluster is reported in < 3 s.
    """
    cluster = es.cluster_health(client, timeout=HEALTH_TIMEOUT)
    index: dict = {"alias": alias, "exists": False}
    if cluster.get("status") != "red":
        try:
            counts = client.options(request_timeout=HEALTH_TIMEOUT).search(index=alias, body={
                "size": 0, "track_total_hits": True,
                "query": {"term": {m.KIND: m.KIND_PASSAGE}}, "aggs": DOCUMENT_COUNT_AGG,
            }).body
        except ApiError as error:
            if not es.is_missing_index(error):
                raise
            counts = None
        if counts is not None:
            index["exists"] = True
            index["documents"] = document_count(counts)
            index["passages"] = int(counts["hits"]["total"]["value"])
    return {"status": cluster.get("status"),
            "elasticsearch": {key: cluster[key] for key in HEALTH_FIELDS if key in cluster},
            "index": index}
