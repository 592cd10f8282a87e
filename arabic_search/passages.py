"""A document's best passages, the ones a result shows (pure functions).

A result is one document with its best ``PASSAGES_PER_DOC`` passages: those the query
scores highest, earlier passages first on a tie.  Two ways to ask for them, same answer:

* ``inner_hits`` of the collapsed search (``inner_hits()``), when the search returns the
  page itself (sorted by date, deep pages).  Elasticsearch runs the whole query again once
  per returned document: for a window of 30 documents it was over half of the search
  (75 ms of ``took`` against 18 without, docs/performance.md);
* one ``top_hits`` aggregation per document over the same query restricted to the
  documents wanted (``passages_body``), run once whatever their number (12 ms for 30),
  used when the service re-ranks a window of documents before cutting the page.

Scores are the same: the restriction to the documents is a filter, which scores nothing.
"""
from __future__ import annotations

from . import mapping as m

PASSAGES_PER_DOC = 3
# Name of the inner hits (and of the aggregation standing in for them) in a response.
PASSAGES = "passages"
PASSAGE_SOURCE = [m.TEXT, m.PASSAGE_NO]
PASSAGE_ORDER = [{"_score": "desc"}, {m.PASSAGE_NO: "asc"}]
_TOP = "top"


def inner_hits() -> dict:
    """The collapse's ``inner_hits``: each document's best passages."""
    return {"name": PASSAGES, "size": PASSAGES_PER_DOC, "_source": PASSAGE_SOURCE,
            "sort": PASSAGE_ORDER}


def passages_body(query: dict, doc_ids: list[str]) -> dict:
    """The best passages of each of ``doc_ids`` for ``query`` (the search's own query)."""
    restricted = {"bool": {"must": [query], "filter": [{"terms": {m.DOC_ID: doc_ids}}]}}
    top = {"top_hits": {"size": PASSAGES_PER_DOC, "_source": PASSAGE_SOURCE, "sort": PASSAGE_ORDER}}
    return {"size": 0, "query": restricted, "track_total_hits": False,
            "aggs": {PASSAGES: {"terms": {"field": m.DOC_ID, "size": max(1, len(doc_ids))},
                                "aggs": {_TOP: top}}}}


def best_passages(response: dict) -> dict[str, list[dict]]:
    """doc_id -> its best passage hits, from a ``passages_body`` response."""
    buckets = response.get("aggregations", {}).get(PASSAGES, {}).get("buckets", [])
    return {str(bucket.get("key")): bucket.get(_TOP, {}).get("hits", {}).get("hits", [])
            for bucket in buckets}


def with_inner_hits(hit: dict, passages: list[dict]) -> dict:
    """``hit`` shaped as the collapsed search returns it, ``passages`` as its inner hits."""
    return {**hit, "inner_hits": {PASSAGES: {"hits": {"hits": passages}}}}


def inner_passages(hit: dict) -> list[dict]:
    """The passage hits a search hit carries (none when it carries no inner hits)."""
    return hit.get("inner_hits", {}).get(PASSAGES, {}).get("hits", {}).get("hits", [])
