"""Facet aggregations for a search: documents per source and per year (pure functions).

They are merged into the ``aggs`` of ``query.search_body`` by the service, so the
counts describe the same query and filters as the hits.  Passages are the index's
documents, so each bucket counts distinct ``doc_id`` (the same cardinality as
``query.DOCUMENT_COUNT_AGG``), not passages.
"""
from __future__ import annotations

from . import mapping as m
from .query import DOCUMENT_COUNT_AGG

SOURCES = "sources"
YEARS = "years"
# Sources listed in the facet; the rest are reachable through the source filter.
MAX_SOURCES = 20
YEAR_FORMAT = "yyyy"


def facet_aggs(max_sources: int = MAX_SOURCES) -> dict:
    """The ``aggs`` entries to merge into a search body."""
    return {
        SOURCES: {"terms": {"field": m.SOURCE, "size": max_sources,
                            "order": [{"documents": "desc"}, {"_key": "asc"}]},
                  "aggs": DOCUMENT_COUNT_AGG},
        YEARS: {"date_histogram": {"field": m.DATE, "calendar_interval": "year",
                                   "format": YEAR_FORMAT, "min_doc_count": 1},
                "aggs": DOCUMENT_COUNT_AGG},
    }


def facet_counts(response: dict) -> dict:
    """``{"sources": [{"value", "count"}], "years": [...]}`` from a search response.

    Sources are most documents first; years newest first.
    """
    aggregations = response.get("aggregations", {})

    def buckets(name: str, key: str) -> list[dict]:
        return [{"value": str(bucket.get(key, bucket["key"])), "count": int(bucket.get("documents", {}).get("value", 0))}
                for bucket in aggregations.get(name, {}).get("buckets", [])]

    return {SOURCES: buckets(SOURCES, "key"),
            YEARS: sorted(buckets(YEARS, "key_as_string"), key=lambda item: item["value"],
                          reverse=True)}
