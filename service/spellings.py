"""Spelling chips: the written forms that answered the query, counted over all its matches.

Optional by design, like did-you-mean: a slow or failing count yields no spellings,
never an error.  The pure parts (which forms, the request, the reading) are in
``arabic_search/spellings.py``.
"""
from __future__ import annotations

from elasticsearch import ApiError, Elasticsearch

from arabic_search import es
from arabic_search.spellings import candidates, read_spellings, spellings_body

# Seconds for the optional count.
SPELLINGS_TIMEOUT = 0.8


def spelling_counts(client: Elasticsearch, alias: str, query: dict, hits: list[dict],
                    narrowed_to: str | None) -> list[dict]:
    """The spellings that answered ``query`` in ``hits`` (explained), counted by one
    aggregation over every passage ``query`` matches."""
    how = candidates(hits, narrowed_to)
    if not how:
        return []
    try:
        response = client.options(request_timeout=SPELLINGS_TIMEOUT).search(
            index=alias, body=spellings_body(query, list(how))).body
    except (ApiError, *es.UNAVAILABLE_ERRORS):
        return []
    return read_spellings(response, how)
