"""Searching without Flask: client + alias + parameters -> the API's response dict.

All analysis and request building lives in ``arabic_search``; this module sends
the bodies it builds and turns the Elasticsearch responses into the API's shape.
Elasticsearch errors are not caught here: the error boundary (``errors.py``) maps them.
"""
from __future__ import annotations

import logging
import time
from dataclasses import replace

from elasticsearch import ApiError, Elasticsearch

from arabic_search import es
from arabic_search import mapping as m
from arabic_search import titles
from arabic_search.coverage import (coverage_bonus, coverage_request, title_coverage_bonus,
                                    window_for)
from arabic_search.explain import explain_hit
from arabic_search.facets import facet_aggs, facet_counts
from arabic_search.holders import shown_words
from arabic_search.in_order import in_order_docs, ordered_first
from arabic_search.matching import explain_passage, explain_title
from arabic_search.passages import best_passages, inner_passages, passages_body, with_inner_hits
from arabic_search.plan import QueryPlan, plan_search
from arabic_search.query import document_count, search_body, search_query
from arabic_search.syntax import parse

from .didyoumean import DID_YOU_MEAN_BELOW, did_you_mean
from .errors import ServiceError, msearch_failure
from .lookups import completed_plan, searched_plan  # noqa: F401 - completed_plan re-exported
from .params import SearchParams
from .spellings import expected_count, spelling_counts

log = logging.getLogger(__name__)
PARTIAL_NOTICE = ("{failed} of {total} index shards did not answer; "
                  "these results may be incomplete.")
# Scores from cluster-wide term statistics, not each shard's own: with several shards the
# top 10 otherwise depends on the shard count (2 of 20 queries agreed between 1 and 3
# shards).  Elasticsearch skips the extra round trip when the index has one shard.
SEARCH_TYPE = "dfs_query_then_fetch"


def _hit(hit: dict, plan: QueryPlan, explain: bool = False) -> dict:
    source = hit.get("_source", {})
    result = {"id": source.get(m.DOC_ID, hit.get("_id")), "title": source.get(m.TITLE, ""),
              "score": hit.get("_score")}
    for field in (m.DATE, m.SOURCE, m.URL):
        if source.get(field):
            result[field] = source[field]
    inner = inner_passages(hit)
    explained = [explain_passage(passage["_source"].get(m.TEXT, ""), plan) for passage in inner]
    # A document found by its title alone shows no passage: none of them is evidence.
    result["passages"] = [passage for passage in explained if passage["matches"]]
    title = explain_title(result["title"], plan)
    result["title_highlight"], result["title_matches"] = title["highlight"], title["matches"]
    if explain:
        best = result["passages"][0]["matches"] if result["passages"] else []
        result["explanation"] = explain_hit(plan, best, result["title"], hit.get("_score") or 0.0,
                                            hit.get("_coverage", 0.0), hit.get("_in_order"))
    return result


def _with_facets(body: dict) -> dict:
    """The search body with the source and year facets added to its aggregations."""
    return {**body, "aggs": {**body.get("aggs", {}), **facet_aggs()}}


def _doc_id(hit: dict) -> str:
    return str(hit.get("_source", {}).get(m.DOC_ID, hit["_id"]))


def _window_evidence(client: Elasticsearch, alias: str, plan: QueryPlan, doc_ids: list[str],
                     query: dict, counting: dict) -> tuple[dict, dict, dict]:
    """(coverage, passages, spellings count) for the window's documents: one msearch, all
    computed side by side (none needs another); ``query`` is the search's, ``counting``
    the optional count of the expected spellings (its failure is spellings.py's to judge)."""
    searches = [{"index": alias}, coverage_request(plan, doc_ids),
                {"index": alias, "search_type": SEARCH_TYPE},
                passages_body(query, doc_ids, shown_words(plan)),
                {"index": alias}, counting]
    items = client.msearch(searches=searches).body.get("responses", [])
    if len(items) != len(searches) // 2:
        raise msearch_failure({})
    for item in items[:2]:
        if "error" in item:
            raise msearch_failure(item)
    return items[0], items[1], items[2]


def _with_passages(client: Elasticsearch, alias: str, hits: list[dict], query: dict,
                   holding: list[dict]) -> tuple[dict, list[dict]]:
    """(the passages response, ``hits`` given their passages): for a page searched without
    inner hits (by date, or beyond the re-ranked window) of a short query, whose passages
    shown must hold each word (passages.py)."""
    found = client.search(index=alias, search_type=SEARCH_TYPE,
                          body=passages_body(query, [_doc_id(hit) for hit in hits], holding)).body
    return found, _given_passages(hits, found)


def _given_passages(hits: list[dict], found: dict) -> list[dict]:
    """``hits`` given their passages from ``found``, a passages_body response."""
    passages = best_passages(found)
    return [with_inner_hits(hit, passages.get(_doc_id(hit), [])) for hit in hits]


def _ranked_hits(client: Elasticsearch, alias: str, plan: QueryPlan, params: SearchParams,
                 filters: dict, counting: dict) -> tuple[list[dict], list[dict], dict | None]:
    """(responses, the page's hits, the spellings count or None): the top window re-ranked
    by document coverage, then the page's documents given their best passages, with the
    expected spellings counted beside them.  The first response is the search's, the
    others the evidence's (coverage, passages)."""
    by_date = params.sort == "date"
    window = None if by_date else window_for(plan, params.page, params.size)
    if window is None:
        holding = shown_words(plan)
        body = search_body(plan, params.page, params.size, by_date=by_date, passages=not holding,
                           **filters)
        response = client.search(index=alias, search_type=SEARCH_TYPE, body=_with_facets(body)).body
        if not holding or not response["hits"]["hits"]:
            return [response], response["hits"]["hits"], None
        found, page = _with_passages(client, alias, response["hits"]["hits"], body["query"], holding)
        return [response, found], page, None
    body = search_body(plan, 1, window, passages=False, **filters)
    response = client.search(index=alias, search_type=SEARCH_TYPE, body=_with_facets(body)).body
    hits = response["hits"]["hits"]
    if not hits:
        return [response], [], None
    doc_ids = [_doc_id(hit) for hit in hits]
    coverage, found, counted = _window_evidence(client, alias, plan, doc_ids, body["query"],
                                                counting)
    bonus, ordered = coverage_bonus(plan, coverage), in_order_docs(coverage)
    for hit, doc_id in zip(hits, doc_ids):
        title = str(hit.get("_source", {}).get(m.TITLE, ""))
        hit["_coverage"] = bonus.get(doc_id, 0.0) + title_coverage_bonus(plan, title)
        hit["_score"] = round((hit.get("_score") or 0.0) + hit["_coverage"], 3)
        if ordered_first(plan):
            hit["_in_order"] = doc_id in ordered or titles.holds_in_order(plan, title)
    # the words in order first (in_order.py), then by score; stable: ties keep doc id order
    hits = sorted(hits, key=lambda hit: (not hit.get("_in_order", True), -hit["_score"]))
    start = (params.page - 1) * params.size
    page = _given_passages(hits[start:start + params.size], found)
    return [response, coverage, found], page, counted


def _check_shards(response: dict, result: dict, allow_partial: bool) -> None:
    """Mark ``result`` partial when some shards failed (ES still answers with the others),
    or refuse it with a 503 when partial results are not allowed (SEARCH_ALLOW_PARTIAL)."""
    shards = response.get("_shards") or {}
    failed, total = int(shards.get("failed") or 0), int(shards.get("total") or 0)
    if not failed:
        return
    reasons = sorted({str((f.get("reason") or {}).get("type")) for f in shards.get("failures", [])})
    log.warning("search answered by %d of %d shards (failures: %s)", total - failed, total, reasons)
    notice = PARTIAL_NOTICE.format(failed=failed, total=total)
    if not allow_partial:
        raise ServiceError(503, "partial_results", f"{notice} Partial results are refused "
                                                   "(SEARCH_ALLOW_PARTIAL=false).")
    result["partial"] = True
    result["notice"] = notice


def _finds_something(client: Elasticsearch, alias: str, params: SearchParams) -> bool:
    """True when the search ``params`` finds a document: a suggestion that finds nothing
    does no better than the query ("Saratoga strings" for "Saratoga Springs").  Asked for
    one hit, unexplained: only the total counts.  Optional, as the suggestion is: a
    failing check drops it."""
    try:
        return search(client, alias, params, suggest=False)["total"] > 0
    except (ServiceError, ApiError, *es.UNAVAILABLE_ERRORS):
        return False


def search(client: Elasticsearch, alias: str, params: SearchParams,
           allow_partial: bool = True, suggest: bool = True) -> dict:
    """Run one search: the API's response dict (``hits`` one per document).

    ``partial`` is true (with a ``notice``) when some shards failed to answer.
    ``suggest`` False: no did-you-mean (the search that checks one).
    """
    started = time.perf_counter()
    result = {"query": params.q, "total": 0, "page": params.page, "size": params.size,
              "took_ms": 0, "partial": False, "hits": [], "suggestions": [], "spellings": [],
              "required_words": []}
    if params.spelling:
        result["spelling"] = params.spelling
    plan = plan_search(parse(params.q), params.fuzzy)
    if plan.words:  # a query of punctuation only has no words: no hits, no request
        plan, used = searched_plan(client, alias, plan)
        # a short query (a name): every hit holds all of its words (holders.py)
        # each word once: "ea, ea" names one word, and the page links each alone
        result["required_words"] = (list(dict.fromkeys(word.token.text for word in plan.content_words()))
                                    if plan.required_docs is not None or plan.together else [])
        filters = {"source": params.source, "date_from": params.date_from,
                   "date_to": params.date_to}
        counting = expected_count(search_query(plan, **filters), plan)
        responses, hits, counted = _ranked_hits(client, alias, plan, params,
                                                {**filters, "spelling": params.spelling}, counting)
        for answer in [*used, *responses]:  # the optional requests below never count
            _check_shards(answer, result, allow_partial)
        response = responses[0]
        result["total"] = document_count(response)
        result["hits"] = [_hit(hit, plan, params.explain) for hit in hits]
        result["facets"] = facet_counts(response)
        # counted over the whole query, so the other chips stay when one narrows the hits
        result["spellings"] = spelling_counts(client, alias, counting["query"], result["hits"],
                                              params.spelling, counted)
        if suggest and result["total"] < DID_YOU_MEAN_BELOW:  # only where one can do better
            result["suggestions"] = [
                suggestion for suggestion in did_you_mean(client, alias, [w.token for w in plan.words])
                if _finds_something(client, alias, replace(params, q=suggestion, page=1, size=1,
                                                           spelling=None, explain=False))]
    result["took_ms"] = round((time.perf_counter() - started) * 1000)
    return result
