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
from arabic_search.coverage import coverage_bonus, coverage_request, window_for
from arabic_search.matching import explain_passage
from arabic_search.explain import explain_hit
from arabic_search.plan import QueryPlan, plan_search
from arabic_search.syntax import parse
from arabic_search.normalize import normalize_word
from arabic_search.query import (DOCUMENT_COUNT_AGG, did_you_mean_body, document_count,
                                  search_body, search_query, suggest_body)
from arabic_search.spellings import candidates, read_spellings, spellings_body

from .params import SearchParams

# Seconds per request of a health check, and for the optional did-you-mean look-up.
HEALTH_TIMEOUT = 1.2
SURFACE_LOOKUP_TIMEOUT = 0.5
SPELLINGS_TIMEOUT = 0.8
HEALTH_FIELDS = ("cluster_name", "status", "number_of_nodes", "active_shards",
                 "unassigned_shards", "timed_out")


def _hit(hit: dict, plan: QueryPlan, explain: bool = False) -> dict:
    source = hit.get("_source", {})
    result = {"id": source.get(m.DOC_ID, hit.get("_id")), "title": source.get(m.TITLE, ""),
              "score": hit.get("_score")}
    for field in (m.DATE, m.SOURCE, m.URL):
        if source.get(field):
            result[field] = source[field]
    inner = hit.get("inner_hits", {}).get("passages", {}).get("hits", {}).get("hits", [])
    result["passages"] = [explain_passage(passage["_source"].get(m.TEXT, ""), plan)
                          for passage in inner]
    if explain:
        best = result["passages"][0]["matches"] if result["passages"] else []
        result["explanation"] = explain_hit(plan, best, result["title"], hit.get("_score") or 0.0,
                                            hit.get("_coverage", 0.0))
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


def completed_plan(client: Elasticsearch, alias: str, plan: QueryPlan) -> QueryPlan:
    """The plan with its words' weights and accepted name spellings, from one msearch."""
    lookups = plan.lookups()
    searches: list[dict] = []
    for lookup in lookups:
        searches += [{"index": alias}, lookup.body]
    responses = client.msearch(searches=searches).body.get("responses", [])
    return plan.with_answers([(lookup, response) for lookup, response in zip(lookups, responses)
                              if "error" not in response])


def _ranked_hits(client: Elasticsearch, alias: str, plan: QueryPlan, params: SearchParams,
                 filters: dict) -> tuple[dict, list[dict]]:
    """(response, the page's hits): the top window re-ranked by document coverage."""
    by_date = params.sort == "date"
    window = None if by_date else window_for(plan, params.page, params.size)
    if window is None:
        response = client.search(index=alias, body=search_body(
            plan, params.page, params.size, by_date=by_date, **filters)).body
        return response, response["hits"]["hits"]
    response = client.search(index=alias, body=search_body(plan, 1, window, **filters)).body
    hits = response["hits"]["hits"]
    doc_ids = [str(hit["_source"].get(m.DOC_ID, hit["_id"])) for hit in hits]
    if doc_ids:
        bonus = coverage_bonus(plan, client.search(
            index=alias, body=coverage_request(plan, doc_ids)).body)
        for hit, doc_id in zip(hits, doc_ids):
            hit["_coverage"] = bonus.get(doc_id, 0.0)
            hit["_score"] = round((hit.get("_score") or 0.0) + hit["_coverage"], 3)
        hits = sorted(hits, key=lambda hit: -hit["_score"])  # stable: ties keep doc id order
    start = (params.page - 1) * params.size
    return response, hits[start:start + params.size]


def search(client: Elasticsearch, alias: str, params: SearchParams) -> dict:
    """Run one search: the API's response dict (``hits`` one per document)."""
    started = time.perf_counter()
    result = {"query": params.q, "total": 0, "page": params.page, "size": params.size,
              "took_ms": 0, "hits": [], "suggestions": [], "spellings": []}
    if params.spelling:
        result["spelling"] = params.spelling
    plan = plan_search(parse(params.q), params.fuzzy)
    if plan.words:  # a query of punctuation only has no words: no hits, no request
        plan = completed_plan(client, alias, plan)
        filters = {"source": params.source, "date_from": params.date_from,
                   "date_to": params.date_to}
        response, hits = _ranked_hits(client, alias, plan, params,
                                      {**filters, "spelling": params.spelling})
        result["total"] = document_count(response)
        result["hits"] = [_hit(hit, plan, params.explain) for hit in hits]
        # counted over the whole query, so the other chips stay when one narrows the hits
        result["spellings"] = spellings(client, alias, search_query(plan, **filters),
                                        result["hits"], params.spelling)
        if result["total"] == 0:  # only where a suggestion can do better than the query
            result["suggestions"] = did_you_mean(client, alias,
                                                 [word.token for word in plan.words])
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
