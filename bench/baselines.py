"""Stock Elasticsearch baselines on the same documents: an index and its searchers.

One plain index per corpus, one document per source document (``_id`` = our id):

* ``title``/``body``: the ``standard`` analyzer, BM25 — what a user of stock
  Elasticsearch gets without any Arabic support;
* ``title_light``/``body_light``: the text analysed in Python by
  ``arabic_text.light_analyze`` (an emulation of Lucene's ``arabic`` analyzer,
  which this core-only server lacks) and indexed with ``whitespace``.

Searchers (``multi_match`` over title and body, ``size`` hits, ids only):
``standard`` (plain match), ``standard_fuzzy`` (``fuzziness: AUTO``) and
``light_arabic``.  Every searcher's ``ids(q, size)`` returns (ids, ms) like the
service's ``Api.ids``.
"""
from __future__ import annotations

import time
from collections.abc import Iterable

from elasticsearch import helpers

from arabic_text import light_analyze

STANDARD = "standard"
STANDARD_FUZZY = "standard_fuzzy"
LIGHT_ARABIC = "light_arabic"
SYSTEMS = (STANDARD, STANDARD_FUZZY, LIGHT_ARABIC)
LABELS = {STANDARD: "stock ES standard, match", STANDARD_FUZZY: "stock ES standard, match fuzziness AUTO",
          LIGHT_ARABIC: "stock ES + emulated light `arabic` analysis, match"}
BULK_CHUNK = 1000
BULK_TIMEOUT = 120
_STANDARD_TEXT = {"type": "text", "analyzer": "standard"}
_LIGHT_TEXT = {"type": "text", "analyzer": "whitespace"}
MAPPING = {"dynamic": "strict", "_source": {"enabled": False},
           "properties": {"title": _STANDARD_TEXT, "body": _STANDARD_TEXT,
                          "title_light": _LIGHT_TEXT, "body_light": _LIGHT_TEXT}}
SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "-1"}
FIELDS = {STANDARD: ["title", "body"], STANDARD_FUZZY: ["title", "body"],
          LIGHT_ARABIC: ["title_light", "body_light"]}


def _actions(index: str, docs: Iterable[dict]):
    for doc in docs:
        title, body = doc.get("title") or "", doc["body"]
        yield {"_index": index, "_id": str(doc["id"]), "title": title, "body": body,
               "title_light": light_analyze(title), "body_light": light_analyze(body)}


def build(es_client, index: str, docs: Iterable[dict]) -> int:
    """Create ``index`` (deleting a previous one of that name) and load ``docs`` into it."""
    es_client.options(ignore_status=404).indices.delete(index=index)
    es_client.indices.create(index=index, settings=SETTINGS, mappings=MAPPING)
    count, _ = helpers.bulk(es_client.options(request_timeout=BULK_TIMEOUT), _actions(index, docs),
                            chunk_size=BULK_CHUNK, raise_on_error=True)
    es_client.indices.put_settings(index=index, settings={"index": {"refresh_interval": "1s"}})
    es_client.indices.refresh(index=index)
    return count


def query_body(system: str, q: str, size: int) -> dict:
    """The request a stock-ES user would send for ``q``."""
    text = light_analyze(q) if system == LIGHT_ARABIC else q
    match: dict = {"query": text, "fields": FIELDS[system]}
    if system == STANDARD_FUZZY:
        match["fuzziness"] = "AUTO"
    return {"size": size, "query": {"multi_match": match}, "track_total_hits": False}


class Stock:
    """One baseline system on one stock index."""

    def __init__(self, es_client, index: str, system: str):
        self.client, self.index, self.name = es_client, index, system
        self.errors = 0

    def ids(self, q: str, size: int = 10) -> tuple[list[str], float]:
        started = time.perf_counter()
        if not q.strip() or (self.name == LIGHT_ARABIC and not light_analyze(q)):
            return [], (time.perf_counter() - started) * 1000
        response = self.client.search(index=self.index, body=query_body(self.name, q, size)).body
        return [hit["_id"] for hit in response["hits"]["hits"]], (time.perf_counter() - started) * 1000


def searchers(es_client, index: str) -> list[Stock]:
    return [Stock(es_client, index, system) for system in SYSTEMS]
