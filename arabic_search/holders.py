"""A short query (a name, most often): a document must hold every one of its words.

A document that mentions only حسن is not about "Hassan Bourkia", and one that
mentions only ولد is not about "Walid Chattaoui"; yet searching passages, any
query word would find them.  When a query has two to four words (function words
such as في or من aside), one look-up after the plan is complete asks, per word,
which documents hold it (in any passage, by any of its tiers, or in the title), and
the search is limited to the documents that hold them all.  The words may stand in
different passages (ستيفاني ويليامز, then وليامز alone further on), so this is a
document-level rule, which a passage query cannot express.

A word held by more than ``MAX_HOLDERS`` documents (محمد, في) is not enumerated: it
does not narrow the documents, the other words do.  Longer queries (a sentence, a
headline) keep the default: all words preferred, any accepted.
"""
from __future__ import annotations

import collections
from dataclasses import replace

from . import mapping as m
from . import tiers, titles
from .names import FUNCTION_WORDS
from .plan import QueryPlan, QueryWord

# Queries of this many words (names, most often) need all of them; longer ones are
# sentences or headlines, searched the usual way.
MIN_ALL_REQUIRED = 2
MAX_ALL_REQUIRED = 4
# Per word, at most this many documents are listed; a word in more is not a filter.
MAX_HOLDERS = 5_000
# From this many words on, a document may lack one of them (a middle name left out).
SPARE_FROM = 3


def content_words(plan: QueryPlan) -> list[QueryWord]:
    """The query words a document must hold: all but function words (في, من)."""
    return [word for word in plan.words if word.token.normalized not in FUNCTION_WORDS]


def needs_holders(plan: QueryPlan) -> bool:
    """True when the plan is short enough for every word to be required."""
    return MIN_ALL_REQUIRED <= len(content_words(plan)) <= MAX_ALL_REQUIRED


def holders_ahead(plan: QueryPlan) -> bool:
    """True when the plan before its look-ups asks :func:`holders_request` for the same
    documents as the completed plan: no look-up can add spellings to its words (no word
    seeks other spellings, no compound name); the weights the look-ups bring are boosts,
    which a filter ignores."""
    return not plan.compounds and not any(word.seeks_names for word in plan.words)


def holders_request(plan: QueryPlan) -> dict:
    """Search body: per query word, the ids of the documents holding it (any tier, title)."""
    aggs = {}
    for number, word in enumerate(content_words(plan)):
        held = [*tiers.word_clauses(word, plan), titles.title_clause(word)]
        aggs[f"w{number}"] = {"filter": {"bool": {"should": held, "minimum_should_match": 1}},
                              "aggs": {"docs": {"terms": {"field": m.DOC_ID,
                                                         "size": MAX_HOLDERS}}}}
    return {"size": 0, "query": {"term": {m.KIND: m.KIND_PASSAGE}}, "aggs": aggs}


def holding_all(plan: QueryPlan, response: dict) -> tuple[str, ...] | None:
    """The documents holding every word whose holders could be listed (of three words or
    more, all but one: a source may leave out a middle name), or None when no word could
    be listed (then nothing is filtered)."""
    aggregations = response.get("aggregations")
    if not isinstance(aggregations, dict):
        return None  # the look-up failed: search as usual rather than find nothing
    listed: list[set[str]] = []
    for number in range(len(content_words(plan))):
        docs = aggregations.get(f"w{number}", {}).get("docs", {})
        if docs.get("sum_other_doc_count", 0):
            continue  # more than MAX_HOLDERS documents: not a filter
        listed.append({str(bucket.get("key")) for bucket in docs.get("buckets", [])})
    if not listed:
        return None
    needed = len(listed) - (1 if len(content_words(plan)) >= SPARE_FROM else 0)
    held = collections.Counter(doc for ids in listed for doc in ids)
    return tuple(sorted(doc for doc, count in held.items() if count >= max(needed, 1)))


def with_holders(plan: QueryPlan, response: dict) -> QueryPlan:
    """The plan limited to the documents that hold every word of the name."""
    return replace(plan, required_docs=holding_all(plan, response))
