"""Build Elasticsearch request bodies from a query plan (pure functions).

User text never reaches ``query_string`` or any query syntax: each query word is
analysed in Python and sent as plain terms to ``term``/``terms``/``match_phrase``
clauses on named fields.  Every way a word can match is a ``constant_score``
clause worth its tier (``tiers.py``, where each clause stands beside its Python
check); per query word the best one counts (``dis_max``), and the words' scores
add up, so passages holding all the words rank first.  Ties are broken by
document id, so the order never depends on shards or index order.
"""
from __future__ import annotations

from . import mapping as m
from . import tiers, titles
from .analysis import Token, analyze
from .beside import passage_clauses
from .exclusion import written_clauses
from .exonym_tier import GENERIC_KIND, QueryExonym, exonym_filter
from .holders import together_clauses
from .in_order import in_order_clause
from .names import confidence
from .other_words import listed
from .passages import PASSAGES_PER_DOC, inner_hits  # noqa: F401 - PASSAGES_PER_DOC re-exported
from .plan import QueryPlan
from .query_words import QueryWord
from .scripts import ARABIC, LATIN
from .spellings import spelling_clause

# Distinct documents are counted exactly up to this many (cardinality's precision).
EXACT_COUNT_UP_TO = 10_000
# Did-you-mean: words shorter than this are not corrected.
SUGGEST_MIN_WORD = 3
# Did-you-mean: options asked per word, and how like the word an option must be to replace
# it, by script (names.confidence, commonness not weighed): waldhuser -> waldhauser 0.86,
# libya -> libia 0.72, benghazi -> bengazi 0.68, fayez -> fake 0; طرابلز -> طرابلس 0.93,
# السراح -> السراج 0.80, رضوان -> رمضان 0.60, وخم -> وسم 0.56 (the Arabic likeness is the
# more lenient: an Arabic spelling differs from another by a letter or two)
DID_YOU_MEAN_OPTIONS = 3
CORRECTION_LIKENESS = {LATIN: 0.5, ARABIC: 0.75}
# Number of distinct documents among the matching passages (exact below 10,000).
DOCUMENT_COUNT_AGG = {"documents": {"cardinality": {"field": m.DOC_ID, "precision_threshold": EXACT_COUNT_UP_TO}}}


def document_count(response: dict) -> int:
    """The value of DOCUMENT_COUNT_AGG in a search response."""
    return int(response.get("aggregations", {}).get("documents", {}).get("value", 0))


def _title_clause(word: QueryWord) -> dict:
    """A bonus when the title holds the word, one of its readings or an accepted spelling
    (another spelling earns less, by its tier and confidence: titles.title_bonus_clauses)."""
    clauses = titles.title_bonus_clauses(word)
    return clauses[0] if len(clauses) == 1 else {"dis_max": {"queries": clauses}}


def _phrase_clauses(plan: QueryPlan) -> list[dict]:
    """Reward multi-word queries whose words stand in order (in_order.in_order_clause)."""
    clause = in_order_clause(plan)
    return [tiers.scored(clause, tiers.PHRASE_WEIGHT * plan.total_weight)] if clause else []


def _filters(plan: QueryPlan, source: str | None, date_from: str | None, date_to: str | None,
             spelling: str | None = None) -> list[dict]:
    filters: list[dict] = [m.passage_filter()]
    if plan.required_docs is not None:  # a name of several words: documents holding all
        filters.append({"terms": {m.DOC_ID: list(plan.required_docs)}})
    if source:
        filters.append({"term": {m.SOURCE: source}})
    if spelling:  # a spelling chip's click: passages holding that written form
        filters.append(spelling_clause(spelling))
    if date_from or date_to:
        bounds = {key: value for key, value in (("gte", date_from), ("lte", date_to)) if value}
        filters.append({"range": {m.DATE: bounds}})
    return filters


def _required_phrase(phrase: tuple[QueryWord, ...], plan: QueryPlan) -> dict:
    """A quoted phrase: its words in order, each in any accepted spelling, or a name that
    answers the whole phrase (:func:`phrase_names`).  NORM folds ة into ه, so a word
    whose ة is meant (QueryWord.dotted) must also be in the passage as written with it:
    "عن جدة" is not "عن جده", "from his grandfather"."""
    spans = []
    for word in phrase:
        spellings = sorted(word.near_forms)
        spans.append({"span_or": {"clauses": [{"span_term": {m.NORM: spelling}}
                                              for spelling in spellings]}})
    near = {"span_near": {"clauses": spans, "slop": 0, "in_order": True}}
    dotted = [{"bool": {"should": written_clauses(word)}} for word in phrase if word.dotted]
    in_order = {"bool": {"must": [near, *dotted]}} if dotted else near
    names = [exonym_filter(exonym) for exonym in phrase_names(phrase, plan)]
    return {"bool": {"should": [in_order, *names], "minimum_should_match": 1}} if names else in_order


def phrase_names(phrase: tuple[QueryWord, ...], plan: QueryPlan) -> list[QueryExonym]:
    """The plan's names that answer a quoted phrase whole: its translation ("Abu Dhabi" is
    أبوظبي) or the phrase written run together ("أبو ظبي" is أبوظبي).  Quoting a name
    asks for it as one, not for its words apart; until now the quotes asked for the
    Latin words in a row and "Abu Dhabi" found nothing where أبوظبي stood."""
    starts = frozenset(word.token.start for word in phrase)
    return [exonym for exonym in plan.exonyms
            if exonym.starts == starts and exonym.kind != GENERIC_KIND]


def _exclusions(plan: QueryPlan) -> list[dict]:
    excluded = [{"bool": {"should": written_clauses(word)}} for word in plan.excluded]
    excluded += [exonym_filter(exonym) for exonym in plan.excluded_names]
    if plan.excluded_docs:
        excluded.append({"terms": {m.DOC_ID: list(plan.excluded_docs)}})
    return excluded


def search_query(plan: QueryPlan, source: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, spelling: str | None = None) -> dict:
    """The ``query`` part.  A passage must answer at least one query word itself, or its
    document's title must (so every hit can be explained and marked: a headline query
    finds its document even when the body never repeats the title), and hold every
    quoted phrase; the title and phrase bonuses add to that; excluded words leave their
    documents out."""
    words = [{"dis_max": {"queries": clauses}}
             for clauses in (passage_clauses(word, plan) for word in plan.words) if clauses]
    words += [{"bool": {"filter": [titles.title_clause(word)]}} for word in plan.words]
    bonuses = [_title_clause(word) for word in plan.words] + _phrase_clauses(plan)
    required = [{"bool": {"should": words, "minimum_should_match": 1}}]
    # a quoted phrase is a condition too: its span clause scored a rare spelling's idf
    # (ظبية of "أبو ظبي", 465 points, above أبوظبي itself, 132)
    phrases = [_required_phrase(phrase, plan) for phrase in plan.phrases]
    # a word held by the passage itself is a condition, not evidence: scored, its span
    # clause added BM25's idf of a rare spelling (الضبعي of "Abu Dhabi": 216 points, where
    # a word's every match is worth 62), and eight hadith outranked أبوظبي itself
    together = together_clauses(plan)
    return {"bool": {"must": required, "should": bonuses, "must_not": _exclusions(plan),
                     "filter": _filters(plan, source, date_from, date_to, spelling) + together + phrases}}


# sort=date: newest first, undated last; then relevance; then document id (stable).
DATE_ORDER = [{m.DATE: {"order": "desc", "missing": "_last", "unmapped_type": "date"}}]
RELEVANCE_ORDER = [{"_score": "desc"}, {m.DOC_ID: "asc"}]


def search_body(plan: QueryPlan, page: int = 1, size: int = 10, by_date: bool = False,
                passages: bool = True, **filters) -> dict:
    """Full search request: one hit per document (collapse) with its best passages
    (without them when ``passages`` is false: ``passages.passages_body`` fetches them)."""
    collapse = {"field": m.DOC_ID, **({"inner_hits": inner_hits()} if passages else {})}
    return {
        "query": search_query(plan, **filters),
        "from": (page - 1) * size,
        "size": size,
        "_source": [m.DOC_ID, m.TITLE, m.DATE, m.SOURCE, m.URL],
        "collapse": collapse,
        "sort": (DATE_ORDER if by_date else []) + RELEVANCE_ORDER,
        "track_scores": True,
        "aggs": DOCUMENT_COUNT_AGG,
        "track_total_hits": True,
    }


def did_you_mean_body(tokens: list[Token]) -> dict:
    """Term-suggester request: for each query word the index does not hold, indexed words
    close to it (DID_YOU_MEAN_OPTIONS, best first; :func:`correction` picks one).  A word
    the index holds stays: in "popular" mode محمد of "محمد الحبيب الهيله" became مهمة
    ("task"), a commoner word one edit away.

    Sent only when a search found nothing (it would cost every search ~1 ms).
    """
    text = " ".join(token.normalized for token in tokens)
    return {"size": 0, "suggest": {"did_you_mean": {"text": text or " ", "term": {
        "field": m.NORM, "suggest_mode": "missing", "min_word_length": SUGGEST_MIN_WORD,
        "size": DID_YOU_MEAN_OPTIONS}}}}


def correction(token: Token, options: list[str]) -> str | None:
    """The first of the suggester's ``options`` (normalized words) that may be another
    spelling of ``token`` (names.confidence, commonness not weighed, at least its script's
    CORRECTION_LIKENESS), or None.  The suggester counts edits alone: it offered "fake
    Sarraj" for "Fayez al-Sarraj" and "au debi" for "Abu Dhabi", words no reader would
    take for the ones typed."""
    least = CORRECTION_LIKENESS.get(token.script)
    # a word of the language is no typo, whatever the corpus lacks: الليبيين ("the Libyans")
    # was offered الطيبين ("the good ones") on prose_msa.jsonl, which has no such word
    if least is None or listed(token):
        return None
    for option in options:
        written = analyze(option)
        if len(written) == 1 and confidence(token, written[0], weigh_common=False) >= least:
            return option
    return None


def suggest_body(prefix: str, size: int = 8) -> dict:
    """Completion request for the search box; ``prefix`` is already normalized."""
    completion: dict = {"field": m.SUGGEST, "size": size, "skip_duplicates": True}
    if len(prefix) >= 4:
        completion["fuzzy"] = {"fuzziness": 1, "prefix_length": 2}
    return {"_source": [m.TERM, m.TERM_FREQ],
            "suggest": {"terms": {"prefix": prefix, "completion": completion}}}
