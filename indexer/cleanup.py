"""Delete the passages a run must not leave behind (failed documents, shorter new versions).

The server has no ``_delete_by_query``, so the stale passage ids are found with a
search (``doc_id`` = X and ``passage_no`` >= n, many documents per request) and
deleted by id through bulk.  The index is refreshed first so the search sees
every write of the run.
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from elasticsearch import Elasticsearch

from arabic_search import mapping as m

from . import bulk
from .actions import delete_action

# Documents checked per search (two clauses each, well under the clause limit).
DOCS_PER_SEARCH = 200
# Hits per search page (index.max_result_window is 10,000 by default).
PAGE = 10_000


def delete_leftovers(client: Elasticsearch, index: str, leftovers: Iterable[tuple[str, int]],
                     on_result: bulk.OnResult) -> None:
    """Delete, for each (doc_id, n), the passages of doc_id numbered n or more."""
    client.indices.refresh(index=index)
    checks = iter(leftovers)
    while batch := list(islice(checks, DOCS_PER_SEARCH)):
        while ids := _stale_ids(client, index, batch):
            bulk.send(client, (delete_action(index, es_id) for es_id in ids), on_result)
            if len(ids) < PAGE:
                break
            client.indices.refresh(index=index)


def _stale_ids(client: Elasticsearch, index: str, batch: list[tuple[str, int]]) -> list[str]:
    should = [{"bool": {"filter": [{"term": {m.DOC_ID: doc_id}},
                                   {"range": {m.PASSAGE_NO: {"gte": first}}}]}}
              for doc_id, first in batch]
    query = {"bool": {"filter": [m.passage_filter()], "should": should,
                      "minimum_should_match": 1}}
    found = client.search(index=index, query=query, size=PAGE, source=False,
                          filter_path="hits.hits._id").body
    return [hit["_id"] for hit in found.get("hits", {}).get("hits", [])]
