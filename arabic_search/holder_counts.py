"""What the holders look-up (holders.py) need not list: words held by too many documents.

Listing a word's documents costs what it returns: for أبو or الله (15,000 and 33,000 of
36,000 documents in prose.jsonl) the ``terms`` aggregation built 5,000 buckets that the
rule then threw away (a word over ``MAX_HOLDERS`` documents filters nothing).  So the
look-ups' ``msearch`` also asks, per content word, how many documents hold it (a
``cardinality`` of the document id: a few ms and a few bytes), and the holders request
lists only the words that may be under the limit; none left, none is sent.

The count is an estimate, so it only ever rules a word out when it is surely over the
limit.  Below its precision threshold (``PRECISION``, which Elasticsearch rounds up: 6,144
here) Elasticsearch counts the distinct hashes of the ids (linear counting over 2**25
registers): a collision merges two documents, none is invented, and the estimator adds
at most 1 or 2 (``bench/holders_cost.py --check-counts``: on 600 words of prose.jsonl the
estimate was never above the exact count at 5,000 documents or fewer).  Above the
threshold the exact count is above it too, hence above the limit.  So a count over
``MAX_HOLDERS + COUNT_SLACK`` means more than ``MAX_HOLDERS`` documents; any other word is
listed, and its listing decides exactly, as before.  (A threshold of twice the limit
counted exactly up to 33,000 documents, at twice the cost: 10 against 4 ms of ``took``
for رسول الله.)

The counts are asked with the plan before its look-ups.  Its words' clauses are a subset
of the completed plan's (the look-ups add accepted spellings and translated compounds,
never remove a clause), so a word over the limit before is over it after.

When the holders ride in the look-ups' ``msearch`` (``holders_ahead``), they list at
most ``AHEAD_LISTED`` documents per word: a word fully listed there (most words of an
ordinary phrase: مجلس الأمن, 158 documents) needs nothing more, a word over the limit is
known from its count, and only a word in between is listed again, in full, afterwards.
A Latin word's count before the look-ups finds Latin text only: the first holders
request after them counts it again and lists it the same way (``recounted``).
"""
from __future__ import annotations

from . import holders
from . import mapping as m
from .plan import QueryPlan
from .scripts import LATIN

# A count this far above MAX_HOLDERS is surely above it (the estimator's error is 0-2).
COUNT_SLACK = 50
# Counted by distinct hashes up to at least this many documents (precision_threshold):
# at least the limit, so that any count above the limit and its slack is a true one.
PRECISION = holders.MAX_HOLDERS + COUNT_SLACK
# Per word, at most this many documents are listed ahead, in the look-ups' msearch.
AHEAD_LISTED = 1_000
# A word's listings (holders.holders_request): by any tier, surely, beside the name.
PARTS = ("", "sure", "near")


def _counted(query: dict) -> dict:
    return {"filter": query, "aggs": {"docs": {"cardinality": {
        "field": m.DOC_ID, "precision_threshold": PRECISION}}}}


def _count_aggs(plan: QueryPlan, numbers: list[int] | None = None) -> dict:
    return {f"count{number}": _counted(holders.anywhere(word, plan))
            for number, word in enumerate(plan.content_words()) if numbers is None or number in numbers}


def count_request(plan: QueryPlan) -> dict:
    """Search body: per content word, about how many documents hold it (any tier, title)."""
    return {"size": 0, "query": m.passage_filter(), "aggs": _count_aggs(plan)}


def too_many(plan: QueryPlan, response: dict | None) -> frozenset[int]:
    """The content words surely held by more than MAX_HOLDERS documents by the counts in
    ``response`` (none when it failed: then they are listed, as without counts)."""
    aggregations = (response or {}).get("aggregations")
    if not isinstance(aggregations, dict) or "error" in (response or {}):
        return frozenset()
    limit = holders.MAX_HOLDERS + COUNT_SLACK
    return frozenset(number for number in range(len(plan.content_words()))
                     if (aggregations.get(f"count{number}", {}).get("docs", {}).get("value") or 0) > limit)


def _capped(plan: QueryPlan, numbers: list[int] | None = None) -> dict:
    return holders.holders_request(plan, numbers, size=min(AHEAD_LISTED, holders.MAX_HOLDERS))


def ahead_request(plan: QueryPlan) -> dict:
    """The holders request sent in the look-ups' msearch: at most AHEAD_LISTED per word."""
    return _capped(plan)


def recounted(plan: QueryPlan, numbers: list[int], first: bool = True) -> list[int]:
    """Of ``numbers``, the Latin words: counted before the look-ups they are found in
    Latin text only (Abu: 40 documents; with its Arabic spellings أبو, 16,961), so the
    first listing after the look-ups counts them again and lists AHEAD_LISTED at most
    (not when the look-ups changed nothing: holders_ahead)."""
    if not first or holders.holders_ahead(plan):
        return []
    words = plan.content_words()
    return [number for number in numbers if words[number].token.script == LATIN]


def listing_request(plan: QueryPlan, numbers: list[int], first: bool = True) -> dict:
    """The holders request after the look-ups: ``numbers`` listed in full, but for the
    recounted words (the ``first`` request only), counted and listed AHEAD_LISTED at most."""
    again = recounted(plan, numbers, first)
    body = holders.holders_request(plan, [number for number in numbers if number not in again])
    if again:
        body["aggs"].update({**_capped(plan, again)["aggs"], **_count_aggs(plan, again)})
    return body


def listed_ahead(plan: QueryPlan, response: dict | None) -> dict[str, dict]:
    """The aggregations of the words whose documents ``response`` lists in full (every
    holder, none left out): the same as the full listing's."""
    aggregations = (response or {}).get("aggregations")
    if not isinstance(aggregations, dict) or "error" in (response or {}):
        return {}
    listed = {}
    for number in range(len(plan.content_words())):
        keys = [f"w{number}{part}" for part in PARTS if f"w{number}{part}" in aggregations]
        if keys and all(not aggregations[key].get("docs", {}).get("sum_other_doc_count", 1)
                        for key in keys):
            listed.update({key: aggregations[key] for key in keys})
    return listed


def listed_after(plan: QueryPlan, response: dict, numbers: list[int], first: bool = True
                 ) -> dict[str, dict]:
    """The aggregations ``response`` (listing_request's) settles: every word listed in
    full (cut or not: a cut one is over the limit), a recounted one when not cut."""
    again = recounted(plan, numbers, first)
    whole = {f"w{number}{part}" for number in numbers if number not in again for part in PARTS}
    found = {key: value for key, value in (response.get("aggregations") or {}).items() if key in whole}
    return {**found, **listed_ahead(plan, response)}


def still_to_list(plan: QueryPlan, unlisted: frozenset[int], listed: dict[str, dict]) -> list[int]:
    """The content words neither over the limit nor listed in full."""
    return [number for number in range(len(plan.content_words()))
            if number not in unlisted and f"w{number}" not in listed]
