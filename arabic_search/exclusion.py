"""Excluded words (``-word``): which documents hold them, so that none of their passages show.

Passages are the unit of search, so leaving out the *passages* that hold a word would
still show the document's other passages.  One look-up before the search collects
the ids of the documents holding the word (up to ``MAX_EXCLUDED_DOCS`` per word), and
the search leaves those documents out; passages holding the word are left out too,
which covers documents beyond that cap.
"""
from __future__ import annotations

from . import mapping as m
from .scripts import ARABIC

MAX_EXCLUDED_DOCS = 10_000


def excluded_docs_request(word) -> dict:
    """Search body: the ids of the documents holding ``word`` (a QueryWord) as written,
    normalized or with a clitic, for an exclusion (``-word``)."""
    return {"size": 0, "query": {"bool": {"filter": [{"term": {m.KIND: m.KIND_PASSAGE}}],
                                          "should": written_clauses(word),
                                          "minimum_should_match": 1}},
            "aggs": {"docs": {"terms": {"field": m.DOC_ID, "size": MAX_EXCLUDED_DOCS}}}}


def written_clauses(word) -> list[dict]:
    """The word as written, normalized, or as a clitic reading: what an exclusion means."""
    clauses = [{"terms": {m.EXACT: [word.token.exact]}},
               {"terms": {m.NORM: sorted(word.spellings)}}]
    if word.token.readings or word.token.script == ARABIC:
        clauses.append({"terms": {m.READINGS: sorted(word.forms)}})
    return clauses


def bucket_keys(response: dict) -> list[str]:
    buckets = response.get("aggregations", {}).get("docs", {}).get("buckets", [])
    return [str(bucket.get("key")) for bucket in buckets]
