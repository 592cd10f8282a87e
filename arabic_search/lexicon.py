"""The lexicon: every distinct word of the corpus with its name keys, inside the index.

Why: a name query must not match every word that shares its consonant skeleton
(Libya and الوب, "the Web", are both LB).  So name matching takes two steps.
Elasticsearch finds the *candidates*, lexicon entries that share a key with the
query word (:func:`candidates_request`); Python scores them (``names.py``) and the
search then asks for the accepted written words by name, in the ``norm`` field.
The same accepted words, with the same confidences, explain the hits, so the
search and the explanation cannot disagree.

Entries (``kind: word``, id ``word:<written form>``) depend on the word alone, so
re-indexing a word only rewrites the same entry.  They are written forms without
vowel marks (the ``exact`` field), not normalized ones: علي (Ali) and على (on)
normalize alike, and only one of them is a name.
"""
from __future__ import annotations

from rapidfuzz.distance import OSA

from . import mapping as m
from .analysis import Token, WordForms, word_forms
from .known_names import known_words
from .scripts import ARABIC, LATIN

# Candidates looked at per query word (those whose vowel keys agree come first).
MAX_CANDIDATES = 300
# Keys at least this long also find keys one edit away (optimal string alignment).  An
# Arabic query's 3-letter keys too: Arabic writes Latin v as ف or و and drops ه, so
# نافارو (NFR) / ناوارو (NR) and شاهرود (XHRD) / شارود (XRD) are one edit apart (variants
# R@5 +0.010 on the tune half).  Latin 3-letter keys found as many ordinary words as
# names (absent Latin names returning something 33 -> 36 %), so they stay exact.
FUZZY_KEY_LENGTH = {ARABIC: 3, LATIN: 4}
FUZZY_KEY_EDITS = 1
FUZZY_EXPANSIONS = 50
# Longer words are glued garbage; their ids could also pass ES's 512-byte limit.
MAX_WORD_LENGTH = 40
VOWEL_KEY_BOOST = 2.0
# A Latin query's vowel keys (its letters, vowels included) this long also find keys two
# edits away, their first letter the same: the consonant keys miss Arabic spellings that
# write a consonant as a long vowel or leave one out (Navid NFD = نويد ND, Mittweida =
# ميتفايدا, Olomouc = أولوموتس), which the vowel keys (NaFiD / NuiD) hold two edits apart.
# Latin→Arabic recall@5 +0.009 on the tune half.  Such a candidate, its consonant keys
# apart from the query's, must be surer to be accepted (names.KEYS_APART_CONFIDENCE).
# Not for Arabic queries: every rare word of a headline paid the fuzzy look-up (p50
# 1.20 -> 1.36x the code at filing) for three more variants of 699.
MIN_FUZZY_VOWEL_KEY = 5
VOWEL_KEY_EDITS = 2
VOWEL_KEY_PREFIX = 1
# The candidates' words are read from doc values, not from each hit's stored _source and
# _id: the same words in the same order, and the look-up msearch took 2.4 ms instead of
# 6.1 (docs/performance.md, "Fewer and cheaper requests").
WORD_FROM_DOC_VALUES = {"stored_fields": "_none_", "docvalue_fields": [m.WORD]}
NEAR_VOWEL_KEY_BOOST = 1.0
# A known spelling of a Latin name word (known_names.py) comes before any key's candidates.
KNOWN_BOOST = 10.0
# An Arabic query's keys are short (فايز: FS and S; الزواري: LSR and SR) and find up to
# thousands of words, all scored alike (964 for الزواري on the 600 MSA documents), of
# which MAX_CANDIDATES are kept: those first in the index, that is in the order the
# entries were written.  The indexer wrote them sorted by word (in two bulk streams), so
# one shard kept about the first words in that order; three shards, or entries written
# as the words are met (indexer/lexicon.py), kept others.  Ties now go by the word
# itself, on any index: the candidates one shard of sorted entries gave.  Ranking the
# closest spellings first instead (within two edits, or sharing the longer key) found no
# more Arabic variants on the tune half and let more near-words through on all of
# prose.jsonl (absent Arabic names returning something 28.0 -> 31.8 %): docs/design.md.
CANDIDATE_ORDER = [{"_score": "desc"}, {m.WORD: "asc"}]


def entry_id(written: str) -> str:
    return f"word:{written}"


def lexicon_entry(forms: WordForms) -> tuple[str, dict] | None:
    """(es_id, source) of the lexicon entry of one word, or None if it has no name keys."""
    if not forms.keys or len(forms.exact) > MAX_WORD_LENGTH:
        return None
    return entry_id(forms.exact), {
        m.KIND: m.KIND_WORD, m.WORD: forms.exact,
        m.KEYS: " ".join(forms.keys), m.VOWEL_KEYS: " ".join(forms.vowel_keys)}


def _terms(field: str, values) -> dict:
    return {"terms": {field: sorted(set(values))}}


def candidates_request(token: Token) -> dict:
    """Search body: lexicon entries sharing a name key with ``token`` (or one edit away
    for long keys; for a Latin query, a long vowel key two edits away), those with the
    query's vowel keys first."""
    keys = [{"terms": {m.KEYS: sorted(set(token.keys))}}]
    known = _known_words(token)
    if known:  # found by name, first: a common key (SLMN) has thousands of entries
        keys.append(_terms(m.WORD, known))
    keys += [{"fuzzy": {m.KEYS: {"value": key, "fuzziness": FUZZY_KEY_EDITS,
                                  "max_expansions": FUZZY_EXPANSIONS}}}
             for key in _fuzzy_keys(token)]
    keys += [{"fuzzy": {m.VOWEL_KEYS: {"value": key, "fuzziness": VOWEL_KEY_EDITS,
                                        "prefix_length": VOWEL_KEY_PREFIX,
                                        "max_expansions": FUZZY_EXPANSIONS}}}
             for key in _fuzzy_vowel_keys(token)]
    ranking = [{"constant_score": {"filter": _terms(m.WORD, known), "boost": KNOWN_BOOST}}] if known else []
    if token.vowel_keys:
        ranking.append({"constant_score": {"filter": _terms(m.VOWEL_KEYS, token.vowel_keys),
                                           "boost": VOWEL_KEY_BOOST}})
        ranking += [{"constant_score": {"filter": {"fuzzy": {m.VOWEL_KEYS: {
            "value": key, "fuzziness": 1, "max_expansions": FUZZY_EXPANSIONS}}},
            "boost": NEAR_VOWEL_KEY_BOOST}} for key in token.vowel_keys]
    return {"size": MAX_CANDIDATES, **WORD_FROM_DOC_VALUES, "track_total_hits": False,
            "sort": CANDIDATE_ORDER,
            "query": {"bool": {"filter": [{"term": {m.KIND: m.KIND_WORD}},
                                          {"bool": {"should": keys, "minimum_should_match": 1}}],
                               "should": ranking}}}


def candidate_words(response: dict) -> list[WordForms]:
    """The forms of the candidate words in a lexicon search response."""
    found: list[WordForms] = []
    for hit in response.get("hits", {}).get("hits", []):
        values = hit.get("fields", {}).get(m.WORD) or [None]
        word = values[0]
        if isinstance(word, str) and word:
            found.extend(word_forms(word)[:1])
    return found


def _known_words(token: Token | WordForms) -> frozenset[str]:
    """The written words of a Latin query word's known spellings (known_names.py)."""
    return known_words(token.normalized) if token.script == LATIN else frozenset()


def _fuzzy_length(script: str) -> int:
    return FUZZY_KEY_LENGTH.get(script, max(FUZZY_KEY_LENGTH.values()))


def _fuzzy_keys(token: Token | WordForms) -> list[str]:
    """The consonant keys looked for one edit away too (long enough)."""
    return [key for key in token.keys if len(key) >= _fuzzy_length(token.script)]


def _fuzzy_vowel_keys(token: Token | WordForms) -> list[str]:
    """The vowel keys looked for two edits away too (a Latin query's, long enough)."""
    return [key for key in token.vowel_keys
            if token.script == LATIN and len(key) >= MIN_FUZZY_VOWEL_KEY]


def _any_within(keys: list[str], others: tuple[str, ...], edits: int, prefix: int = 0) -> bool:
    """True when a key is at most ``edits`` away from one of ``others`` (optimal string
    alignment, as ES's ``fuzzy``), their first ``prefix`` letters the same."""
    return any(key[:prefix] == other[:prefix]
               and OSA.distance(key, other, score_cutoff=edits) <= edits
               for key in keys for other in others)


def keys_agree(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when ``word`` shares a consonant key with ``query`` or has one an edit from a
    long key of it: the candidates the consonant keys alone find."""
    return (not set(query.keys).isdisjoint(word.keys)
            or _any_within(_fuzzy_keys(query), word.keys, FUZZY_KEY_EDITS))


def _keys_near(query: Token, word: WordForms) -> bool:
    return keys_agree(query, word) or _any_within(_fuzzy_vowel_keys(query), word.vowel_keys,
                                                  VOWEL_KEY_EDITS, VOWEL_KEY_PREFIX)


def local_candidates(token: Token, words: list[WordForms]) -> list[WordForms]:
    """The candidates :func:`candidates_request` would find among ``words`` (in Python:
    for a text at hand, such as one document, and for tests without Elasticsearch)."""
    unique = {forms.exact: forms for forms in words if forms.keys}
    known = _known_words(token)
    return [forms for forms in unique.values() if _keys_near(token, forms) or forms.exact in known]
