"""Build Elasticsearch request bodies from an analysed query (pure functions).

User text never reaches ``query_string`` or any query syntax: each query word is
analysed in Python and sent as plain terms to ``term``/``terms``/``fuzzy``/
``match_phrase`` clauses on named fields.  Every way a word can match is a
``constant_score`` clause worth its tier (``tiers.py``); per query word the best
one counts (``dis_max``), and the words' scores add up, so passages holding all
the words rank first and exact beats normalized beats clitic/stem beats split
beats fuzzy/translit.  A phrase clause rewards words that stand together.
"""
from __future__ import annotations

from . import mapping as m
from . import tiers
from .analysis import Token

PASSAGES_PER_DOC = 3
# Number of distinct documents among the matching passages (exact below 10,000).
DOCUMENT_COUNT_AGG = {"documents": {"cardinality": {"field": m.DOC_ID, "precision_threshold": 10000}}}


def document_count(response: dict) -> int:
    """The value of DOCUMENT_COUNT_AGG in a search response."""
    return int(response.get("aggregations", {}).get("documents", {}).get("value", 0))


def _scored_by(clause: dict, boost: float) -> dict:
    return {"constant_score": {"filter": clause, "boost": boost}}


def _scored(clause: dict, tier: str) -> dict:
    return _scored_by(clause, tiers.SCORES[tier])


def _terms(field: str, values) -> dict:
    values = sorted(set(values))
    return {"term": {field: values[0]}} if len(values) == 1 else {"terms": {field: values}}


def _with_vowel_bonus(key_clause: dict, token: Token) -> dict:
    """The key clause, plus a small bonus for spellings close to the query's vowel key."""
    if not token.vowel_keys:
        return key_clause
    bonus = [_scored_by(_terms(m.VOWEL_KEYS, token.vowel_keys), tiers.VOWEL_KEY_BONUS)]
    bonus += [_scored_by({"fuzzy": {m.VOWEL_KEYS: {"value": key, "fuzziness": 1,
                                                    "max_expansions": 20}}},
                         tiers.NEAR_VOWEL_KEY_BONUS)
              for key in token.vowel_keys if len(key) >= 3]
    return {"bool": {"must": [key_clause], "should": [{"dis_max": {"queries": bonus}}]}}


def _key_clauses(token: Token, fuzzy: bool) -> list[dict]:
    """Name-key clauses: same key always (translit for Latin), one edit when fuzzy."""
    tier = tiers.TRANSLIT if token.script == "latin" else tiers.FUZZY
    keys = tiers.query_keys(token.keys, token.script)
    short = tiers.short_keys(token.keys, token.script)
    if tier == tiers.FUZZY and not fuzzy:
        return []
    clauses = []
    if keys:
        clauses.append(_with_vowel_bonus(_scored(_terms(m.KEYS, keys), tier), token))
    if short and token.vowel_keys:
        both = {"bool": {"filter": [_terms(m.KEYS, short), _terms(m.VOWEL_KEYS, token.vowel_keys)]}}
        clauses.append(_scored(both, tier))
    if fuzzy:
        for key in keys:
            if tiers.key_fuzziness(key):
                fuzzy_clause = {"fuzzy": {m.KEYS: {"value": key, "fuzziness": tiers.key_fuzziness(key),
                                                   "max_expansions": 50, "prefix_length": 0}}}
                clauses.append(_scored(fuzzy_clause, tiers.FUZZY))
    return clauses


def _normalized_clause(token: Token) -> dict:
    """Same normalized word, or same spelling once hamza seats are ignored (مسؤول = مسئول)."""
    if not token.variants:
        return _terms(m.NORM, [token.normalized])
    forms = [token.normalized, *token.variants]
    return {"bool": {"should": [_terms(m.NORM, forms), _terms(m.VARIANTS, forms)]}}


def word_clauses(token: Token, fuzzy: bool = True) -> list[dict]:
    """Every way ``token`` may match a passage, each scored by its tier."""
    clauses = [
        _scored(_terms(m.EXACT, [token.exact]), tiers.EXACT),
        _scored(_normalized_clause(token), tiers.NORMALIZED),
    ]
    if token.script == "arabic":
        forms = [token.normalized, *token.readings]
        clitic = {"bool": {"should": [_terms(m.READINGS, forms)] + (
            [_terms(m.NORM, token.readings)] if token.readings else [])}}
        clauses += [
            _scored(clitic, tiers.CLITIC),
            _scored(_terms(m.STEM, [token.stem]), tiers.STEM),
            _scored(_terms(m.PARTS, forms), tiers.SPLIT),
        ]
    return clauses + _key_clauses(token, fuzzy)


def _title_clause(token: Token) -> dict:
    forms = [token.normalized, *token.readings, *tiers.query_keys(token.keys, token.script)]
    return _scored_by(_terms(m.TITLE_TERMS, forms), tiers.TITLE_BONUS)


def _phrase_clauses(tokens: list[Token]) -> list[dict]:
    """Reward multi-word queries whose words stand together, spaced or run together."""
    if len(tokens) < 2:
        return []
    text = " ".join(token.normalized for token in tokens)
    bonus = tiers.PHRASE_BONUS
    return [
        {"match_phrase": {m.NORM: {"query": text, "slop": 2, "boost": bonus}}},
        {"match_phrase": {m.PARTS: {"query": text, "boost": bonus}}},
        _scored(_terms(m.NORM, ["".join(t.normalized for t in tokens)]), tiers.SPLIT),
    ]


def _filters(source: str | None, date_from: str | None, date_to: str | None) -> list[dict]:
    filters: list[dict] = [{"term": {m.KIND: m.KIND_PASSAGE}}]
    if source:
        filters.append({"term": {m.SOURCE: source}})
    if date_from or date_to:
        bounds = {key: value for key, value in (("gte", date_from), ("lte", date_to)) if value}
        filters.append({"range": {m.DATE: bounds}})
    return filters


def search_query(tokens: list[Token], fuzzy: bool = True, source: str | None = None,
                 date_from: str | None = None, date_to: str | None = None) -> dict:
    """The ``query`` part: a bool of per-word dis_max clauses, phrase bonus and filters."""
    should = [{"dis_max": {"queries": word_clauses(token, fuzzy)}} for token in tokens]
    should += [_title_clause(token) for token in tokens]
    should += _phrase_clauses(tokens)
    return {"bool": {"should": should, "minimum_should_match": 1,
                     "filter": _filters(source, date_from, date_to)}}


def search_body(tokens: list[Token], page: int = 1, size: int = 10, **options) -> dict:
    """Full search request: one hit per document (collapse) with its best passages."""
    return {
        "query": search_query(tokens, **options),
        "from": (page - 1) * size,
        "size": size,
        "_source": [m.DOC_ID, m.TITLE, m.DATE, m.SOURCE, m.URL],
        "collapse": {
            "field": m.DOC_ID,
            "inner_hits": {"name": "passages", "size": PASSAGES_PER_DOC,
                           "_source": [m.TEXT, m.PASSAGE_NO],
                           "sort": [{"_score": "desc"}, {m.PASSAGE_NO: "asc"}]},
        },
        "aggs": DOCUMENT_COUNT_AGG,
        "track_total_hits": True,
    }


def did_you_mean_body(tokens: list[Token]) -> dict:
    """Term-suggester request: for each query word, a more frequent indexed word close to it.

    Sent only when a search found few documents (it would cost every search ~1 ms).
    """
    text = " ".join(token.normalized for token in tokens)
    return {"size": 0, "suggest": {"did_you_mean": {"text": text or " ", "term": {
        "field": m.NORM, "suggest_mode": "popular", "min_word_length": 3, "size": 1}}}}


def suggest_body(prefix: str, size: int = 8) -> dict:
    """Completion request for the search box; ``prefix`` is already normalized."""
    completion: dict = {"field": m.SUGGEST, "size": size, "skip_duplicates": True}
    if len(prefix) >= 4:
        completion["fuzzy"] = {"fuzziness": 1, "prefix_length": 2}
    return {"_source": [m.TERM, m.TERM_FREQ],
            "suggest": {"terms": {"prefix": prefix, "completion": completion}}}
