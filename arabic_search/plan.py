"""A query, analysed once and prepared for both sides: the ES request and the explanation.

``analyze`` gives tokens; :func:`plan_query` keeps the words that carry meaning
(Latin particles such as al, el, bin, de, van only glue a name together: "Fayez
al-Sarraj" must not match "et al") and precomputes the sets every tier compares.
Name matching needs the index's lexicon: :meth:`QueryPlan.lexicon_requests` says
what to look up, :meth:`QueryPlan.with_candidates` keeps the accepted spellings
(``names.py``).  The plan is immutable and hashable, so explanations can be cached
per plan.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .analysis import LATIN_PARTICLES, Token, WordForms
from .exonym_tier import QueryExonym, plan_exonyms
from .lexicon import candidate_words, candidates_request, local_candidates
from .names import accepted_spellings, is_name_query
from .normalize import is_arabic
from .scripts import ARABIC, LATIN

# Confidences are rounded down to this step: one search clause per step, and the
# explanation reports the very value the clause was scored with.
CONFIDENCE_STEP = 0.05


@dataclass(frozen=True)
class NameSpelling:
    """A written word accepted as a spelling of a query word."""

    normalized: str
    confidence: float
    script: str


@dataclass(frozen=True)
class QueryWord:
    """One meaningful query word and the sets the tiers compare passage words with."""

    token: Token
    spellings: frozenset[str]     # normalized form and hamza variants
    forms: frozenset[str]         # normalized form and clitic readings
    names: tuple[NameSpelling, ...] = ()
    seeks_names: bool = False     # looks for other spellings of itself (lexicon)

    @property
    def forms_of(self) -> WordForms:
        return self.token.forms

    def name_confidence(self, normalized: str) -> NameSpelling | None:
        for spelling in self.names:
            if spelling.normalized == normalized:
                return spelling
        return None


@dataclass(frozen=True)
class QueryPlan:
    words: tuple[QueryWord, ...]
    fuzzy: bool = True
    exonyms: tuple[QueryExonym, ...] = ()   # names answered by their translation (Cairo)

    @property
    def joined(self) -> str:
        """The query words run together (a bad source's الولاياتالمتحدة)."""
        return "".join(word.token.normalized for word in self.words) if len(self.words) > 1 else ""

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(word.token.text for word in self.words)

    def lexicon_requests(self) -> list[tuple[int, dict]]:
        """(word number, lexicon search body) for each word that seeks other spellings."""
        return [(number, candidates_request(word.token))
                for number, word in enumerate(self.words) if word.seeks_names]

    def with_candidates(self, responses: dict[int, dict]) -> QueryPlan:
        """The plan with each word's accepted spellings, from lexicon search responses."""
        return self._with_accepted({number: candidate_words(response)
                                    for number, response in responses.items()})


    def with_words_of(self, words: list[WordForms]) -> QueryPlan:
        """The plan with accepted spellings looked up among ``words`` instead of the index
        lexicon (the words of one document; tests)."""
        return self._with_accepted({number: local_candidates(word.token, words)
                                    for number, word in enumerate(self.words) if word.seeks_names})

    def _with_accepted(self, candidates: dict[int, list[WordForms]]) -> QueryPlan:
        words = list(self.words)
        for number, found in candidates.items():
            accepted = accepted_spellings(words[number].token, found)
            words[number] = replace(words[number], names=tuple(
                NameSpelling(spelling, _rounded(sure), _script_of(spelling))
                for spelling, sure in sorted(accepted.items())))
        return replace(self, words=tuple(words))


def _rounded(confidence: float) -> float:
    return round(math.floor(confidence / CONFIDENCE_STEP + 1e-9) * CONFIDENCE_STEP, 2)


def _script_of(normalized: str) -> str:
    return ARABIC if is_arabic(normalized) else LATIN


def _meaningful(tokens: list[Token]) -> list[Token]:
    """Tokens without Latin particles, unless the query is nothing but particles."""
    kept = [token for token in tokens
            if not (token.script == LATIN and token.normalized in LATIN_PARTICLES)]
    return kept or tokens


def plan_query(tokens: list[Token], fuzzy: bool = True) -> QueryPlan:
    """The plan of an analysed query (before its lexicon look-ups)."""
    meaningful = _meaningful(tokens)
    words = tuple(QueryWord(token=token,
                            spellings=frozenset((token.normalized, *token.variants)),
                            forms=frozenset((token.normalized, *token.readings)),
                            seeks_names=fuzzy and is_name_query(token))
                  for token in meaningful)
    kept = {number for number, token in enumerate(tokens) if token in meaningful}
    return QueryPlan(words=words, fuzzy=fuzzy, exonyms=plan_exonyms(tokens, kept))
