"""Spelling chips: the written forms that answered the query, counted over all its matches.

Optional by design, like did-you-mean: a slow or failing count yields no spellings,
never an error.  The pure parts (which forms, the request, the reading) are in
``arabic_search/spellings.py``.  The forms a page was expected to show were already
counted by the search itself (``spellings_aggs`` in its body); only the others are
counted here, by one more request.
"""
from __future__ import annotations

from collections.abc import Callable

from elasticsearch import ApiError, Elasticsearch

from arabic_search import es
from arabic_search.spellings import candidates, counted, read_spellings, spellings_body

# Seconds for the optional count.
SPELLINGS_TIMEOUT = 0.8


def spelling_counts(client: Elasticsearch, alias: str, query: Callable[[], dict], hits: list[dict],
                    narrowed_to: str | None, searched: dict | None = None) -> list[dict]:
    """The spellings that answered the query in ``hits`` (explained), counted by one
    aggregation over every passage the query (built by ``query()``, only when needed)
    matches: the search's own (``searched``, its response, when its body counted the
    expected forms under this very query), and one request for the forms it did not count."""
    how = candidates(hits, narrowed_to)
    if not how:
        return []
    buckets = dict(counted(searched))
    missing = [form for form in how if form not in buckets]
    if missing:
        try:
            response = client.options(request_timeout=SPELLINGS_TIMEOUT).search(
                index=alias, body=spellings_body(query(), missing)).body
        except (ApiError, *es.UNAVAILABLE_ERRORS):
            return []
        buckets.update(counted(response))
    return read_spellings(buckets, how)
