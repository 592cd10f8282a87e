"""Document-level evidence: which query words each top document holds, in any passage.

A search ranks passages and shows each document with its best ones, so a document
whose query words are spread over several passages would score as its best
passage alone.  For the documents at the top (a window of a few pages), one
aggregation says which query words each holds anywhere, and each held word adds
``COVERAGE_WEIGHT`` x its weight (a little more when many passages hold it, as
BM25's term frequency would): a document with the rare word *and* the common
ones, apart, outranks one with only the common words together.  The passages shown
are still the best ones.
"""
from __future__ import annotations

import math

from . import mapping as m
from . import tiers, titles
from .in_order import IN_ORDER_AGG, in_order_clause, ordered_first
from .plan import QueryPlan

# Documents re-ranked by coverage: at least this many, and every document up to the
# requested page if that is deeper (up to MAX_WINDOW; deeper pages keep passage order).
WINDOW = 30
# A word found in several passages of a document (the document is about it) adds this
# much more per doubling... on a log scale: 1 + REPEAT_WEIGHT x ln(passages holding it).
REPEAT_WEIGHT = 0.3
# The title as a whole: see title_coverage_bonus.
TITLE_COVERAGE_WEIGHT = 6.0
# A title that is the query and nothing else (a headline query) counts like one more
# passage holding every word exactly: the documents that only list it (a table of
# contents, a chapter's index) held the words in a passage and the phrase as well.
WHOLE_TITLE_WEIGHT = 10.0
MAX_WINDOW = 100


def window_for(plan: QueryPlan, page: int, size: int) -> int | None:
    """How many top documents to fetch and re-rank, or None when the page lies beyond
    MAX_WINDOW (deeper pages keep the passage order)."""
    if not plan.words or page * size > MAX_WINDOW:
        return None
    return max(WINDOW, page * size)


def coverage_request(plan: QueryPlan, doc_ids: list[str]) -> dict:
    """Per query word and evidence strength (tiers.evidence_groups), the documents among
    ``doc_ids`` that hold it; for a short query, those holding its words in order (in_order.py)."""
    def holding(clause: dict) -> dict:
        return {"filter": clause, "aggs": {"docs": {"terms": {"field": m.DOC_ID, "size": len(doc_ids)}}}}

    aggs = {f"w{number}g{group}": holding({"bool": {"should": clauses, "minimum_should_match": 1}})
            for number, word in enumerate(plan.words)
            for group, (_, clauses) in enumerate(tiers.evidence_groups(word, plan))}
    clause = in_order_clause(plan)
    if clause and ordered_first(plan):
        aggs[IN_ORDER_AGG] = holding(clause)
    return {"size": 0, "query": {"bool": {"filter": [m.passage_filter(),
                                                     {"terms": {m.DOC_ID: doc_ids}}]}},
            "aggs": aggs}


def coverage_bonus(plan: QueryPlan, response: dict) -> dict[str, float]:
    """doc_id -> bonus: COVERAGE_WEIGHT x, for each query word it holds, the word's weight
    x the strongest evidence it holds it by (x a little more when many passages do)."""
    aggregations = response.get("aggregations", {})
    bonus: dict[str, float] = {}
    for number, word in enumerate(plan.words):
        best: dict[str, float] = {}
        for group, (strength, _) in enumerate(tiers.evidence_groups(word, plan)):
            buckets = aggregations.get(f"w{number}g{group}", {}).get("docs", {}).get("buckets", [])
            for bucket in buckets:
                doc_id = str(bucket.get("key"))
                repeats = 1.0 + REPEAT_WEIGHT * math.log(max(1, int(bucket.get("doc_count", 1))))
                best[doc_id] = max(best.get(doc_id, 0.0), strength * repeats)
        for doc_id, held in best.items():
            bonus[doc_id] = bonus.get(doc_id, 0.0) + tiers.COVERAGE_WEIGHT * word.weight * held
    return {doc_id: round(value, 3) for doc_id, value in bonus.items()}


def title_coverage_bonus(plan: QueryPlan, title: str) -> float:
    """A title holding most of the query is the document the query names (a headline
    query): TITLE_COVERAGE_WEIGHT x the weights of the words it holds x the share held,
    and WHOLE_TITLE_WEIGHT x those weights more when the title is the query alone."""
    held = titles.words_in_title(plan, title)
    if not held:
        return 0.0
    share = len(held) / len(plan.words)
    worth = sum(word.weight * strength for word, strength in held)
    whole = WHOLE_TITLE_WEIGHT * worth if titles.is_whole_title(plan, title) else 0.0
    return round(TITLE_COVERAGE_WEIGHT * worth * share ** 2 + whole, 3)
