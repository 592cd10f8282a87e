"""Excluded words (``-word``): which documents hold them, so that none of their passages show.

Passages are the unit of search, so leaving out the *passages* that hold a word would
still show the document's other passages.  One look-up before the search collects
the ids of the documents holding the word (up to ``MAX_EXCLUDED_DOCS`` per word), and
the search leaves those documents out; passages holding the word are left out too,
which covers documents beyond that cap.  A Latin word with a known translation leaves
out the translation too (``-Libya``: ليبيا), as a query word finds it.
"""
from __future__ import annotations

from . import mapping as m
from .exonym_tier import exonym_filter

MAX_EXCLUDED_DOCS = 10_000


def excluded_docs_request(word) -> dict:
    """Search body: the ids of the documents holding ``word`` (a QueryWord) as written,
    normalized or with a clitic, for an exclusion (``-word``)."""
    return _docs_holding(written_clauses(word))


def excluded_name_request(exonym) -> dict:
    """Search body: the ids of the documents holding a translated name an excluded word
    stands for (``-Libya`` leaves out ليبيا as well, ``-Benghazi`` بنغازي)."""
    return _docs_holding([exonym_filter(exonym)])


def _docs_holding(clauses: list[dict]) -> dict:
    return {"size": 0, "query": {"bool": {"filter": [m.passage_filter()],
                                          "should": clauses, "minimum_should_match": 1}},
            "aggs": {"docs": {"terms": {"field": m.DOC_ID, "size": MAX_EXCLUDED_DOCS}}}}


def written_clauses(word) -> list[dict]:
    """The word as written, normalized, or as a clitic reading: the written-form tiers' own
    clauses, so an exclusion means exactly what those tiers match."""
    from .tiers import written_clauses as tier_clauses  # tiers builds on the plan, which uses us
    return tier_clauses(word)


def bucket_keys(response: dict) -> list[str]:
    buckets = response.get("aggregations", {}).get("docs", {}).get("buckets", [])
    return [str(bucket.get("key")) for bucket in buckets]
