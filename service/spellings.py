"""Spelling chips: the written forms that answered the query, counted over all its matches.

Optional by design, like did-you-mean: a slow or failing count yields no spellings,
never an error.  The pure parts (which forms, the request, the reading) are in
``arabic_search/spellings.py``.  The forms a page is expected to show are counted by
``expected_count``, sent beside the window's evidence (search.py: same round trip, and
an msearch item fails alone); only the page's other forms need a request of their own.
"""
from __future__ import annotations

from elasticsearch import ApiError, Elasticsearch

from arabic_search import es
from arabic_search.plan import QueryPlan
from arabic_search.spellings import (candidates, counted, expected_forms, read_spellings,
                                     spellings_body)

# Seconds for the optional count (its own request), and its bound inside an msearch.
SPELLINGS_TIMEOUT = 0.8
COUNT_TIMEOUT = f"{round(SPELLINGS_TIMEOUT * 1000)}ms"


def expected_count(query: dict, plan: QueryPlan) -> dict:
    """The search body counting, among the passages ``query`` matches, the spellings a
    result page of ``plan`` is expected to show (bounded like the count alone)."""
    return {**spellings_body(query, expected_forms(plan)), "timeout": COUNT_TIMEOUT}


def _complete(response: dict) -> bool:
    """An msearch item that counted over every shard, in time."""
    shards = response.get("_shards") or {}
    return "error" not in response and not response.get("timed_out") and not shards.get("failed")


def spelling_counts(client: Elasticsearch, alias: str, query: dict, hits: list[dict],
                    narrowed_to: str | None, expected: dict | None = None) -> list[dict]:
    """The spellings that answered ``query`` in ``hits`` (explained), counted by one
    aggregation over every passage ``query`` matches: ``expected`` (the response to
    ``expected_count``, if it was sent), and one request for the forms it did not count.
    A failed, partial or late count of either kind yields no spellings."""
    how = candidates(hits, narrowed_to)
    if not how:
        return []
    if expected is not None and not _complete(expected):
        return []
    buckets = dict(counted(expected))
    missing = [form for form in how if form not in buckets]
    if missing:
        try:
            response = client.options(request_timeout=SPELLINGS_TIMEOUT).search(
                index=alias, body=spellings_body(query, missing)).body
        except (ApiError, *es.UNAVAILABLE_ERRORS):
            return []
        buckets.update(counted(response))
    return read_spellings(buckets, how)
