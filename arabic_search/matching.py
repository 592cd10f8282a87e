"""Explain and highlight matches in the original passage text (pure functions).

Elasticsearch finds and ranks passages; this module says *why* each word of a
returned passage matched.  It re-analyses the passage with the same analyser,
compares each of its tokens with the query tokens using the same tiers as the
query builder, and wraps every matched whole original token (clitics,
diacritics and run-together words included) in ``<mark>``, escaping the rest.
"""
from __future__ import annotations

import functools
import html
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from . import tiers
from .analysis import Token, analyze, word_forms
from .tokens import word_spans

# (written word, query) verdicts kept across passages and requests.
VERDICT_CACHE_SIZE = 100_000


@dataclass(frozen=True)
class Match:
    """One marked word of a passage: its text, the query words it answers, and how."""

    start: int
    end: int
    text: str
    query: str
    how: str

    def as_dict(self) -> dict:
        return {"text": self.text, "query": self.query, "how": self.how}


@dataclass(frozen=True)
class _QueryForms:
    """Sets derived once per query word (the matcher compares them with every passage word)."""

    spellings: frozenset[str]    # normalized form and variants
    forms: frozenset[str]        # normalized form and clitic readings
    readings: frozenset[str]
    keys: frozenset[str]         # keys usable for name matching
    short_keys: frozenset[str]   # keys that match only together with a vowel key
    vowel_keys: frozenset[str]
    fuzzy_keys: tuple[tuple[str, int], ...]  # (key, allowed edits) for long keys


@functools.lru_cache(maxsize=1024)
def _query_forms(query: Token) -> _QueryForms:
    keys = tiers.query_keys(query.keys, query.script)
    return _QueryForms(
        spellings=frozenset((query.normalized, *query.variants)),
        forms=frozenset((query.normalized, *query.readings)),
        readings=frozenset(query.readings),
        keys=frozenset(keys),
        short_keys=frozenset(tiers.short_keys(query.keys, query.script)),
        vowel_keys=frozenset(query.vowel_keys),
        fuzzy_keys=tuple((key, tiers.key_fuzziness(key)) for key in keys if tiers.key_fuzziness(key)),
    )


def _keys_match(query: Token, forms: _QueryForms, word: Token, fuzzy: bool) -> str | None:
    """translit/fuzzy when the name keys agree (or differ by the allowed edits)."""
    tier = tiers.TRANSLIT if query.script == "latin" else tiers.FUZZY
    if tier == tiers.FUZZY and not fuzzy:
        return None
    if not forms.keys.isdisjoint(word.keys):
        return tier
    if not forms.short_keys.isdisjoint(word.keys) and not forms.vowel_keys.isdisjoint(word.vowel_keys):
        return tier
    if fuzzy:
        for key, edits in forms.fuzzy_keys:
            if any(OSA.distance(key, wkey, score_cutoff=edits) <= edits for wkey in word.keys):
                return tiers.FUZZY
    return None


def word_tier(query: Token, word: Token, fuzzy: bool = True) -> str | None:
    """The strongest tier by which passage token ``word`` answers query token ``query``."""
    return _tier(query, _query_forms(query), word, fuzzy)


def _tier(query: Token, forms: _QueryForms, word: Token, fuzzy: bool) -> str | None:
    if query.exact == word.exact:
        return tiers.EXACT
    if word.normalized in forms.spellings or not forms.spellings.isdisjoint(word.variants):
        return tiers.NORMALIZED
    if query.script == "arabic" and word.script == "arabic":
        if not forms.forms.isdisjoint(word.readings) or word.normalized in forms.readings:
            return tiers.CLITIC
        if query.stem and query.stem == word.stem:
            return tiers.STEM
        if not forms.forms.isdisjoint(word.parts):
            return tiers.SPLIT
    return _keys_match(query, forms, word, fuzzy)


def _best(word: Token, query: list[tuple[Token, _QueryForms]], joined: str,
          fuzzy: bool) -> tuple[str, str] | None:
    """(how, query words) for a passage token, or None; run-together query words count as split."""
    if len(query) > 1 and word.normalized == joined:
        return tiers.SPLIT, " ".join(token.text for token, _ in query)
    found: list[tuple[float, str, str]] = []
    for token, forms in query:
        tier = _tier(token, forms, word, fuzzy)
        if tier:
            found.append((tiers.SCORES[tier], tier, token.text))
    if not found:
        return None
    best = max(found)
    if best[1] == tiers.SPLIT:  # a run-together word answers every query word it contains
        return tiers.SPLIT, " ".join(text for _, tier, text in found if tier == tiers.SPLIT)
    return best[1], best[2]


def _query_texts(query: list[Token]) -> tuple[str, ...]:
    """The written query words, one per span (a ligature may give several tokens)."""
    spans = dict.fromkeys((token.start, token.end, token.text) for token in query)
    return tuple(text for _, _, text in spans)


@functools.lru_cache(maxsize=1024)
def _prepare(query_texts: tuple[str, ...]) -> tuple[tuple[tuple[Token, _QueryForms], ...], str]:
    tokens = [token for text in query_texts for token in analyze(text)]
    return (tuple((token, _query_forms(token)) for token in tokens),
            "".join(token.normalized for token in tokens))


@functools.lru_cache(maxsize=VERDICT_CACHE_SIZE)
def _verdict(written: str, query_texts: tuple[str, ...], fuzzy: bool) -> tuple[str, str] | None:
    """(how, query words) for one written word: it depends on nothing else, so verdicts
    are remembered across passages and requests."""
    prepared, joined = _prepare(query_texts)
    best: tuple[str, str] | None = None
    for forms in word_forms(written):
        found = _best(Token(written, 0, 0, *forms), list(prepared), joined, fuzzy)
        if found and (best is None or tiers.SCORES[found[0]] > tiers.SCORES[best[0]]):
            best = found
    return best


def find_matches(text: str, query: list[Token], fuzzy: bool = True) -> list[Match]:
    """Every matched word of ``text``, one Match per original word span."""
    query_texts = _query_texts(query)
    matches: list[Match] = []
    for start, end in word_spans(text):
        found = _verdict(text[start:end], query_texts, fuzzy)
        if found:
            matches.append(Match(start, end, text[start:end], found[1], found[0]))
    return matches


def highlight(text: str, matches: list[Match]) -> str:
    """``text`` HTML-escaped, with each match wrapped in <mark>...</mark>."""
    pieces: list[str] = []
    cursor = 0
    for match in sorted(matches, key=lambda item: item.start):
        pieces.append(html.escape(text[cursor:match.start]))
        pieces.append(f"<mark>{html.escape(text[match.start:match.end])}</mark>")
        cursor = match.end
    pieces.append(html.escape(text[cursor:]))
    return "".join(pieces)


def explain_passage(text: str, query: list[Token], fuzzy: bool = True) -> dict:
    """The API's passage object: original text, highlighted HTML and match reasons."""
    matches = find_matches(text, query, fuzzy)
    return {"text": text, "highlight": highlight(text, matches),
            "matches": [match.as_dict() for match in matches]}
