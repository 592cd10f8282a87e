"""A query's words in order: a name of several words is one thing, its words apart others.

"عبد الله بن عمر" (Abdullah son of Umar) is not "عمر بن عبد العزيز ... رضي الله عنه", and
"Omar al-Bashir" is عمر البشير, not بشير بن عمر.  Words standing together always earned a
bonus (query.py), but a bonus competes with the others: a hadith titled "كتب عمر بن عبد
العزيز رضي الله عنه" held every word in its title and, apart, in many passages, and
outranked fifteen documents naming عبد الله بن عمر.

* :func:`in_order_clause`: a passage holds the words in order as written (a phrase, one
  word between allowed), run together, or (a query of a few words) each in one of its
  accepted spellings side by side: the ES clause of the phrase bonus and of the window's
  question "which documents hold them in order".
* :func:`ordered_first`: in the re-ranked window, a short query's documents that hold its
  words in order, in a passage or in the title (``titles.holds_in_order``), come before
  those that hold them only apart; each group keeps its score order.
"""
from __future__ import annotations

from . import mapping as m
from . import tiers
from .clitics import ONE_LETTER_CLITICS
from .exonym_tier import names_in_a_row, span_or
from .plan import MAX_NAME_WORDS, QueryPlan
from .query_words import QueryWord

# A name's words in their accepted spellings stand side by side: with a word between, an
# isnad's "... بن عمر، حدثنا بشر" was "Omar al-Bashir" in order.
NAME_SLOP = 0
# The window's aggregation of the documents holding the words in order (coverage.py).
IN_ORDER_AGG = "in_order"


def in_order_clause(plan: QueryPlan) -> dict | None:
    """A passage holding the plan's words in order (None for a query of one word)."""
    if len(plan.words) < 2:
        return None
    text = " ".join(word.token.normalized for word in plan.words)
    together = [{"match_phrase": {m.NORM: {"query": text, "slop": tiers.PHRASE_SLOP}}},
                {"match_phrase": {m.PARTS: {"query": text}}}]
    if ordered_first(plan):
        spans = [_word_span(word, plan, first=n == 0) for n, word in enumerate(plan.words)]
        if all(span["span_or"]["clauses"] for span in spans):
            together.append({"span_near": {"clauses": spans, "slop": NAME_SLOP, "in_order": True}})
    return {"bool": {"should": together, "minimum_should_match": 1}}


def ordered_first(plan: QueryPlan) -> bool:
    """True for a query of two to MAX_NAME_WORDS words: a name's length, or a short topic."""
    return 2 <= len(plan.words) <= MAX_NAME_WORDS


def _word_span(word: QueryWord, plan: QueryPlan, first: bool) -> dict:
    """A query word at its place: any of its accepted spellings, or a name of several words
    standing for it alone ("bin Mohammed" is بن محمد).  Past the first place, not a spelling
    with a clitic before it: و joins two names, it spells neither (علي وحسين, "Ali and
    Hussein", is no Ali Hussein)."""
    start = frozenset({word.token.start})
    own = [exonym for exonym in plan.exonyms if exonym.starts == start]
    forms = word.norm_forms if first else frozenset(
        form for form in word.norm_forms
        if not (form[:1] in ONE_LETTER_CLITICS and form[1:] in word.norm_forms))
    return span_or(forms, names_in_a_row(own, start))


def in_order_docs(response: dict) -> set[str]:
    """The documents of a coverage response (coverage.coverage_request) holding the words
    in order in some passage."""
    buckets = response.get("aggregations", {}).get(IN_ORDER_AGG, {}).get("docs", {}).get("buckets", [])
    return {str(bucket.get("key")) for bucket in buckets}
