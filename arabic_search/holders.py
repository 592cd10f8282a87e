"""A short query (a name, most often): a document must hold every one of its words.

A document that mentions only حسن is not about "Hassan Bourkia", and one that
mentions only ولد is not about "Walid Chattaoui"; yet searching passages, any
query word would find them.  When a query has two to four words (function words
such as في or من aside), one look-up after the plan is complete asks, per word,
which documents hold it (in any passage, by any of its tiers, or in the title), and
the search is limited to the documents that hold them all.  The words may stand in
different passages (ستيفاني ويليامز, then وليامز alone further on), so this is a
document-level rule, which a passage query cannot express.

A word held only by a weak spelling ("other spelling?", below SURE_CONFIDENCE), or
by a spelling that counts only beside the name (``beside.py``), holds it only where it
stands beside another word of the query: "Amina Orfi" is not a document with منى
(0.85) in one passage and عرفي in another, while a full name is written together at
least once.

A word held by more than ``MAX_HOLDERS`` documents (محمد, أبو) is not enumerated: the
other words narrow the documents, and the passage shown must hold that word itself (in
a corpus of hadith, أبو and هريرة are each in more than 5,000 documents: "أبو هريرة"
returned every document holding either).  Where a name of three words or more may lack
one, this is not asked.  Which words are too common to list is mostly known before
listing them (``holder_counts.py``).  Longer queries (a sentence, a headline) keep the default: all
words preferred, any accepted.
"""
from __future__ import annotations

import collections
from dataclasses import replace

from . import mapping as m
from . import tiers, titles
from .beside import held_near_clause, passage_clauses
from .clitics import without_article
from .known_names import names_a_word
from .plan import MAX_NAME_WORDS, QueryPlan
from .query_words import COMPOUND_HEADS, QueryWord
from .scripts import LATIN

# Queries of this many words (names, most often) need all of them, up to MAX_NAME_WORDS
# content words (plan.py); longer ones are sentences or headlines, searched the usual way.
MIN_ALL_REQUIRED = 2
# Per word, at most this many documents are listed; a word in more is not a filter.
MAX_HOLDERS = 5_000
# From this many words on, a document may lack one of them (a middle name left out).
SPARE_FROM = 3


def needs_holders(plan: QueryPlan) -> bool:
    """True when the plan is short enough for every word to be required: two to four
    words, function words aside (في طرابلس needs طرابلس: في alone is no answer)."""
    return (len(plan.words) >= MIN_ALL_REQUIRED
            and 1 <= len(plan.content_words()) <= MAX_NAME_WORDS)


def names_in(plan: QueryPlan) -> int:
    """How many names the content words make: a compound's head (عبد, Abdul) and the
    word after it are one (عبد الحميد البلوشي is two names, not three)."""
    words = plan.content_words()
    heads = sum(word.token.normalized in COMPOUND_HEADS for word in words[:-1])
    return len(words) - heads


def _docs(query: dict, size: int) -> dict:
    """An aggregation: the ids of the documents whose passages match ``query``, at most
    ``size``.  In the ids' order: every id or more than ``size`` is all the rule reads,
    and choosing the ``size`` most frequent ids of 15,000 was most of the cost (أبو هريرة:
    65 -> 17 ms of ``took``); the same ids when they are all listed, on any shard count."""
    return {"filter": query, "aggs": {"docs": {"terms": {"field": m.DOC_ID, "size": size,
                                                         "order": {"_key": "asc"}}}}}


def _any(clauses: list[dict]) -> dict:
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


def holders_ahead(plan: QueryPlan) -> bool:
    """True when the plan before its look-ups asks :func:`holders_request` for the same
    documents as the completed plan: no look-up can add spellings to its words (no word
    seeks other spellings, no compound name); the weights the look-ups bring are boosts,
    which a filter ignores."""
    return not plan.compounds and not any(word.seeks_names for word in plan.words)


def anywhere(word: QueryWord, plan: QueryPlan) -> dict:
    """A passage holding the word by any tier, or its document's title."""
    return _any([*passage_clauses(word, plan), titles.title_clause(word)])


def shown_words(plan: QueryPlan) -> list[dict]:
    """Per word the documents were found to hold (the plan's documents are limited to
    those holding all of them), a passage holding it by any tier: each word has a passage
    shown (passages.passages_body); none when the documents were not limited so."""
    if plan.required_docs is None:
        return []
    return [_any(passage_clauses(word, plan)) for word in plan.content_words()]


def _weakly_held(word: QueryWord, plan: QueryPlan) -> bool:
    """True when ``word`` holds a document weakly there: by a weak or beside-only spelling,
    in a query with another content word for it to stand beside (أم الدروع has one: أم
    is a function word, so الذروع holds it as it holds الدروع alone)."""
    return plan.fuzzy and len(plan.content_words()) > 1 and bool(word.weak_names() or word.beside)


def _surely(word: QueryWord, plan: QueryPlan) -> dict:
    """A passage holding the word by a sure tier, or its document's title surely."""
    return _any([*tiers.sure_clauses(word, plan), titles.sure_title_clause(word)])


def holders_request(plan: QueryPlan, numbers: list[int] | None = None,
                    size: int | None = None) -> dict:
    """Search body: per query word (content word ``numbers``, all by default), the ids of
    the documents holding it (any tier, title), and for a word with weak spellings, of
    those holding it surely or beside the name; at most ``size`` (MAX_HOLDERS) each."""
    size = MAX_HOLDERS if size is None else size
    aggs = {}
    for number, word in enumerate(plan.content_words()):
        if numbers is not None and number not in numbers:
            continue
        aggs[f"w{number}"] = _docs(anywhere(word, plan), size)
        if _weakly_held(word, plan):
            aggs[f"w{number}sure"] = _docs(_surely(word, plan), size)
            near = held_near_clause(word, plan)  # beside the rest of the name
            aggs[f"w{number}near"] = _docs(near or {"match_none": {}}, size)
    return {"size": 0, "query": m.passage_filter(), "aggs": aggs}


# What the reader of a holders response uses: the shards (partial results), and per word
# whether its listing was cut, the ids listed, its count (holder_counts.py); and took.
LISTING_READ = ("took", "_shards", "aggregations.*.docs.sum_other_doc_count",
                "aggregations.*.docs.buckets.key", "aggregations.*.docs.value")


def listing_filter(plan: QueryPlan, numbers: list[int] | None = None) -> list[str]:
    """The ``filter_path`` of the holders request: LISTING_READ, less the ids of a weakly
    held word's listing by any tier (only whether it was cut is read: its holders are
    those of its sure and near listings).  Up to 10,000 ids fewer to write and decode:
    "أنس بن مالك" 64 -> 52 ms a round trip."""
    return [*LISTING_READ, *(f"-aggregations.w{number}.docs.buckets"
                             for number, word in enumerate(plan.content_words())
                             if (numbers is None or number in numbers) and _weakly_held(word, plan))]


def together_clauses(plan: QueryPlan) -> list[dict]:
    """The ES side of :attr:`QueryPlan.together`: each such word held by the passage
    itself, as :func:`holders_request` defines holding (surely or beside the name for a
    word with weak spellings)."""
    clauses = []
    for word in plan.together:
        if not _weakly_held(word, plan):
            clauses.append(anywhere(word, plan))
            continue
        near = held_near_clause(word, plan)
        clauses.append(_any([_surely(word, plan), near]) if near else _surely(word, plan))
    return clauses


def _bucket_ids(aggregation: dict) -> set[str]:
    return {str(bucket.get("key")) for bucket in aggregation.get("docs", {}).get("buckets", [])}


def _holders_of(aggregations: dict, number: int, unlisted: frozenset[int] = frozenset()
                ) -> set[str] | None:
    """The documents holding content word ``number``, or None when they are too many to
    list (the word does not filter; ``unlisted``: known so without listing them,
    holder_counts.py).  A word with weak spellings holds a document surely or beside the
    rest of the name only (beside.py)."""
    listing = aggregations.get(f"w{number}", {})
    if number in unlisted or listing.get("docs", {}).get("sum_other_doc_count", 0):
        return None  # more than MAX_HOLDERS documents: not a filter
    if f"w{number}sure" in aggregations:
        return (_bucket_ids(aggregations[f"w{number}sure"])
                | _bucket_ids(aggregations.get(f"w{number}near", {})))
    return _bucket_ids(listing)


def holding_all(plan: QueryPlan, response: dict, unlisted: frozenset[int] = frozenset()
                ) -> tuple[str, ...] | None:
    """The documents holding every word whose holders could be listed, or None when no
    word could be listed (then nothing is filtered).  Of three names or more, one may be
    missing (a source may leave out a middle name, or write a name without its first, but
    not without its last: the family name, the one the rest is about); a
    word too common to list takes that place, as if it were the one missing: otherwise
    "Mohamed Ali Nafkha" was any of 4,647 hadith pages holding علي (محمد, in 12,225, is
    not listed), where نفخة is in 2."""
    aggregations = response.get("aggregations")
    if not isinstance(aggregations, dict):
        return None  # the look-up failed: search as usual rather than find nothing
    count = len(plan.content_words())
    holders = [_holders_of(aggregations, number, unlisted) for number in range(count)]
    listed = [ids for ids in holders if ids is not None]
    if not listed:
        return None
    # one name may be missing of SPARE_FROM or more; a word too many to list is that one
    spare = int(names_in(plan) >= SPARE_FROM and len(listed) == count)
    held = collections.Counter(doc for ids in listed for doc in ids)
    found = {doc for doc, times in held.items() if times >= max(len(listed) - spare, 1)}
    if spare and holders[-1] is not None and _family_name(plan.content_words()[-1]):
        found &= holders[-1]  # never the last name: "Said Mohamed Otta" is no سعيد محمد
    return tuple(sorted(found))


def _family_name(word: QueryWord) -> bool:
    """True when the last word of a query is a name, whose family name it is: a Latin
    word, or an Arabic one the tables know as a word of a name (known_names.name_words).
    Three or four ordinary words are a topic, and the last may be the one misspelt: a
    document lacking it was the answer to 5 % of the noisy topical queries."""
    token = word.token
    if token.script == LATIN:
        return True
    return names_a_word((token.normalized, without_article(token.normalized)))


def unlisted_words(plan: QueryPlan, response: dict, unlisted: frozenset[int] = frozenset()
                   ) -> tuple[QueryWord, ...]:
    """The content words held by too many documents to list, when every word is required
    (no name may be missing) and the look-up answered."""
    aggregations = response.get("aggregations")
    if not isinstance(aggregations, dict) or names_in(plan) >= SPARE_FROM:
        return ()
    return tuple(word for number, word in enumerate(plan.content_words())
                 if _holders_of(aggregations, number, unlisted) is None)


def with_holders(plan: QueryPlan, response: dict, unlisted: frozenset[int] = frozenset()
                 ) -> QueryPlan:
    """The plan limited to the documents that hold every word of the name, and to
    passages holding the words too common to list (``unlisted``: known so beforehand)."""
    return replace(plan, required_docs=holding_all(plan, response, unlisted),
                   together=unlisted_words(plan, response, unlisted))
