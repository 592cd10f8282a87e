"""Suggestion (completion) entries for the most frequent words of a run.

They live in the same index as the passages, so one alias swap replaces both.
In append mode the frequencies already stored are read back and the larger kept,
so re-running the same files never counts a word twice.
"""
from __future__ import annotations

from collections.abc import Iterator

from elasticsearch import Elasticsearch

from arabic_search import mapping as m
from arabic_search.documents import term_document, term_id

from .term_counter import TermCounter

TOP_TERMS = 20_000
# Below this many documents, a word seen once is still worth suggesting.
TINY_CORPUS = 100
MGET_BATCH = 1000


def term_actions(client: Elasticsearch, index: str, terms: TermCounter, documents: int,
                 append: bool) -> Iterator[tuple[dict, dict]]:
    """Bulk (header, source) pairs of the suggestion entries."""
    min_count = 1 if documents < TINY_CORPUS else 2
    top = list(terms.top(TOP_TERMS, min_count))
    known = _known_frequencies(client, index, [norm for norm, _, _ in top]) if append else {}
    for norm, surface, count in top:
        es_id, source = term_document(norm, surface, max(count, known.get(norm, 0)))
        yield {"index": {"_index": index, "_id": es_id}}, source


def _known_frequencies(client: Elasticsearch, index: str, terms: list[str]) -> dict[str, int]:
    """Frequencies already stored: keep the larger, never count a re-run twice."""
    known: dict[str, int] = {}
    for start in range(0, len(terms), MGET_BATCH):
        batch = terms[start:start + MGET_BATCH]
        found = client.mget(index=index, ids=[term_id(term) for term in batch],
                            source_includes=[m.TERM_FREQ]).body
        for term, doc in zip(batch, found["docs"]):
            if doc.get("found"):
                known[term] = doc["_source"].get(m.TERM_FREQ, 0)
    return known
