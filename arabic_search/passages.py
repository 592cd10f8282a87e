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

A short query claims that each document holds every one of its words (holders.py), so
the passages shown must say where: the best passages may all hold one word (محمد three
times) while another (سعيد, as the stem of السعيدة) stands in a fourth.  So the
aggregation also asks, per word, the best passage holding it (``holding``), and a word's
best passage outside the best ones is shown after them.  If any of the best ones held the
word, its best passage would rank no lower, and be one of them: no explanation is needed
to know which words are shown.
"""
from __future__ import annotations

from collections.abc import Sequence

from . import mapping as m

PASSAGES_PER_DOC = 3
# Name of the inner hits (and of the aggregation standing in for them) in a response.
PASSAGES = "passages"
PASSAGE_SOURCE = [m.TEXT, m.PASSAGE_NO]
PASSAGE_ORDER = [{"_score": "desc"}, {m.PASSAGE_NO: "asc"}]
_TOP = "top"
_WORD = "word"


def inner_hits() -> dict:
    """The collapse's ``inner_hits``: each document's best passages."""
    return {"name": PASSAGES, **_top_hits(PASSAGES_PER_DOC)["top_hits"]}


def passages_body(query: dict, doc_ids: list[str], holding: Sequence[dict] = ()) -> dict:
    """The best passages of each of ``doc_ids`` for ``query`` (the search's own query),
    and for each clause of ``holding`` (a word the documents must hold) the best passage
    matching it."""
    restricted = {"bool": {"must": [query], "filter": [{"terms": {m.DOC_ID: doc_ids}}]}}
    aggs = {_TOP: _top_hits(PASSAGES_PER_DOC)}
    aggs.update({f"{_WORD}{number}": {"filter": clause, "aggs": {_TOP: _top_hits(1)}}
                 for number, clause in enumerate(holding)})
    return {"size": 0, "query": restricted, "track_total_hits": False,
            "aggs": {PASSAGES: {"terms": {"field": m.DOC_ID, "size": max(1, len(doc_ids))},
                                "aggs": aggs}}}


def _top_hits(size: int) -> dict:
    """A document's ``size`` best passages: what inner_hits asks too."""
    return {"top_hits": {"size": size, "_source": PASSAGE_SOURCE, "sort": PASSAGE_ORDER}}


def best_passages(response: dict) -> dict[str, list[dict]]:
    """doc_id -> its passage hits to show, from a ``passages_body`` response: its best
    ones, then each word's best passage that is not among them."""
    buckets = response.get("aggregations", {}).get(PASSAGES, {}).get("buckets", [])
    return {str(bucket.get("key")): _shown(bucket) for bucket in buckets}


def _shown(bucket: dict) -> list[dict]:
    shown = list(_hits(bucket))
    words = sorted((key for key in bucket if key.startswith(_WORD)), key=lambda key: int(key[len(_WORD):]))
    for key in words:
        for hit in _hits(bucket[key]):
            if all(hit.get("_id") != seen.get("_id") for seen in shown):
                shown.append(hit)
    return shown


def _hits(aggregation: dict) -> list[dict]:
    hits = aggregation.get(_TOP, {}).get("hits", {}).get("hits", []) if isinstance(aggregation, dict) else []
    return hits if isinstance(hits, list) else []


def with_inner_hits(hit: dict, passages: list[dict]) -> dict:
    """``hit`` shaped as the collapsed search returns it, ``passages`` as its inner hits."""
    return {**hit, "inner_hits": {PASSAGES: {"hits": {"hits": passages}}}}


def inner_passages(hit: dict) -> list[dict]:
    """The passage hits a search hit carries (none when it carries no inner hits)."""
    return hit.get("inner_hits", {}).get(PASSAGES, {}).get("hits", {}).get("hits", [])
