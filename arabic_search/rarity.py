"""How rare each query word is in the index: the weight of its evidence (pure functions).

A rare word says more about a document than a common one: "1 rare word + 2 very
common words" must find the document with the rare word.  Each query word's
weight is its BM25 inverse document frequency over passages, computed in Python
from counts that Elasticsearch returns for the whole index (not per shard), so
scores and their explanations are the same on one shard or many.
"""
from __future__ import annotations

import math

from . import mapping as m

# Weights are rounded so that the clause boost and the explanation are the same number.
WEIGHT_DIGITS = 3
# A word absent from the index (a Latin name whose spellings are Arabic) weighs as one
# found in a single passage.
MIN_DF = 1


def total_request() -> dict:
    """Search body counting the passages of the index."""
    return {"size": 0, "track_total_hits": True, "query": m.passage_filter()}


def df_request(spellings: frozenset[str], exact: str) -> dict:
    """Search body counting the passages that hold a word as written or normalized."""
    return {"size": 0, "track_total_hits": True, "query": {"bool": {"filter": [
        m.passage_filter(),
        {"bool": {"should": [{"terms": {m.NORM: sorted(spellings)}},
                             {"terms": {m.EXACT: [exact]}}],
                  "minimum_should_match": 1}}]}}}


def hits_total(response: dict) -> int:
    total = response.get("hits", {}).get("total", 0)
    return int(total.get("value", 0) if isinstance(total, dict) else total or 0)


def idf(df: int, passages: int) -> float:
    """BM25's inverse document frequency, never below a small positive floor."""
    df = max(df, MIN_DF)
    passages = max(passages, df)
    return round(math.log(1 + (passages - df + 0.5) / (df + 0.5)), WEIGHT_DIGITS)

