"""A query, analysed once and prepared for both sides: the ES request and the explanation.

``analyze`` gives tokens; :func:`plan_query` keeps the words that carry meaning
(Latin particles such as al, el, bin, de, van only glue a name together: "Fayez
al-Sarraj" must not match "et al") and precomputes the sets every tier compares.
Before searching, :meth:`QueryPlan.lookups` says what to ask the index (its size
and each word's document frequency, for the words' weights, ``rarity.py``; the
lexicon candidates of name words), and :meth:`QueryPlan.with_answers` completes
the plan (weights, accepted spellings with their confidences, ``names.py``).  The plan is immutable and hashable, so explanations can be cached
per plan.
"""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field, replace

from .analysis import LATIN_ARTICLES, LATIN_PARTICLES, Token, WordForms, analyze
from .compounds import (answer_compound, compound_parts, fixed_spelling, holds_fixed_elements,
                        lineage_parts, named_words)
from .exonym_tier import (QueryExonym, joined_exonyms, names_in_a_row, plan_exonyms, query_exonyms,
                          split_exonyms)
from .lexicon import candidate_words, candidates_request, local_candidates
from .query_words import (COMPOUND_HEADS, NAME_LINKS, PLACE_KINDS, QueryWord, name_spellings,
                          not_other_words, query_word)
from .names import is_ordinary_name_word
from .readings import FUNCTION_WORDS
from .exclusion import bucket_keys, excluded_docs_request, excluded_name_request
from .rarity import df_request, hits_total, idf, total_request
from .syntax import ParsedQuery
from .scripts import LATIN

TOTAL, DF, NAMES, EXCLUDED, PART = "total", "df", "names", "excluded", "part"
# Words a short query's documents need not hold alone (QueryPlan.content_words).
NOT_REQUIRED = FUNCTION_WORDS | NAME_LINKS | PLACE_KINDS
# Queries of this many content words (names, most often) need all of them (holders.py);
# longer ones are sentences or headlines, searched the usual way.
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 4


@dataclass(frozen=True)
class Compound:
    """A Latin compound name word (Abdelkader) and its parts (abd, kader): compounds.py;
    ``apart``: a lineage written apart (Ben Sghir: the compound of the word Sghir)."""

    token: Token
    parts: tuple[QueryWord, ...]
    apart: bool = False


@dataclass(frozen=True)
class Lookup:
    """One request to send before the search: what it counts or finds, for which word."""

    kind: str       # TOTAL, DF, NAMES, EXCLUDED or PART
    word: int       # the query word's number (-1 for TOTAL; the compound's for PART)
    body: dict
    part: int = -1  # PART: which part of the compound


@dataclass(frozen=True)
class QueryPlan:
    words: tuple[QueryWord, ...]
    fuzzy: bool = True
    exonyms: tuple[QueryExonym, ...] = ()   # names answered by their translation (Cairo)
    phrases: tuple[tuple[QueryWord, ...], ...] = ()   # quoted: these words in this order
    excluded: tuple[QueryWord, ...] = ()              # documents holding these are left out
    excluded_names: tuple[QueryExonym, ...] = ()      # and their translations (-Libya: ليبيا)
    compounds: tuple[Compound, ...] = ()              # Latin compound words and their parts
    excluded_docs: tuple[str, ...] = field(default=(), compare=False)  # from EXCLUDED look-ups
    # A short query: only these documents hold all its words (holders.py); None = any.
    required_docs: tuple[str, ...] | None = field(default=None, compare=False)
    # and its words held by too many documents to list must stand in the passage itself
    together: tuple[QueryWord, ...] = field(default=(), compare=False)
    # words after a comma that qualify the name (normalized): preferred, never required
    qualifying: frozenset[str] = frozenset()
    # (compound word's start, normalized spelling): its first looked-up part's accepted
    # spellings, which stand for it beside another word (صلاح of Salaheddine: forms_outside)
    part_anchors: frozenset[tuple[int, str]] = frozenset()

    def __hash__(self) -> int:
        """Computed once: explanations look verdicts up by plan for every passage word."""
        return self._hash

    @functools.cached_property
    def _hash(self) -> int:
        return hash((self.words, self.fuzzy, self.phrases, self.excluded, self.excluded_names,
                     self.exonyms, self.qualifying, self.part_anchors))

    @property
    def total_weight(self) -> float:
        return round(sum(word.weight for word in self.words), 3)

    def lookups(self) -> list[Lookup]:
        """What to ask the index before searching: its size, each word's document
        frequency, and the lexicon candidates of each word that seeks other spellings."""
        found = [Lookup(TOTAL, -1, total_request())]
        found += [Lookup(DF, number, df_request(word.spellings, word.token.exact))
                  for number, word in enumerate(self.words)]
        found += [Lookup(NAMES, number, candidates_request(word.token))
                  for number, word in enumerate(self.words) if word.seeks_names]
        found += [Lookup(EXCLUDED, number, excluded_docs_request(word))
                  for number, word in enumerate(self.excluded)]
        found += [Lookup(EXCLUDED, number, excluded_name_request(exonym))
                  for number, exonym in enumerate(self.excluded_names, len(self.excluded))]
        found += [Lookup(PART, number, candidates_request(part.token), index)
                  for number, compound in enumerate(self.compounds)
                  for index, part in enumerate(compound.parts) if not fixed_spelling(part.token)]
        return found

    def with_answers(self, answers: list[tuple[Lookup, dict]]) -> QueryPlan:
        """The plan completed with the look-ups' responses (a failed one is left out:
        its word keeps weight 1 or its written forms only)."""
        total = next((hits_total(r) for q, r in answers if q.kind == TOTAL), 0)
        weights = {q.word: idf(hits_total(r), total) for q, r in answers if q.kind == DF}
        plan = self._with_accepted({q.word: candidate_words(r) for q, r in answers
                                    if q.kind == NAMES})
        plan = plan._with_compounds({(q.word, q.part): candidate_words(r) for q, r in answers
                                     if q.kind == PART})
        excluded = sorted({doc_id for q, r in answers if q.kind == EXCLUDED
                           for doc_id in bucket_keys(r)})
        return replace(plan, excluded_docs=tuple(excluded),
                       words=tuple(replace(word, weight=weights.get(number, word.weight))
                                   for number, word in enumerate(plan.words)))

    def with_words_of(self, words: list[WordForms]) -> QueryPlan:
        """The plan with accepted spellings looked up among ``words`` instead of the index
        lexicon (the words of one document; tests)."""
        plan = self._with_accepted({number: local_candidates(word.token, words)
                                    for number, word in enumerate(self.words) if word.seeks_names})
        return plan._with_compounds({(number, index): local_candidates(part.token, words)
                                     for number, compound in enumerate(self.compounds)
                                     for index, part in enumerate(compound.parts)})

    def _with_compounds(self, candidates: dict[tuple[int, int], list[WordForms]]) -> QueryPlan:
        """The plan with each compound word answered by its parts' spellings in a row
        (compounds.answer_compound), and its anchors (part_anchors)."""
        exonyms, anchors = list(self.exonyms), set()
        for number, compound in enumerate(self.compounds):
            found, words = answer_compound(compound.token, compound.parts,
                                           [candidates.get((number, index), [])
                                            for index in range(len(compound.parts))])
            exonyms += found
            anchors.update((compound.token.start, word) for word in words)
        return replace(self, exonyms=tuple(exonyms), part_anchors=frozenset(anchors))

    def _with_accepted(self, candidates: dict[int, list[WordForms]]) -> QueryPlan:
        """The plan with its words' accepted spellings, in its quoted phrases too (a
        phrase's words are the plan's: "Fayez al-Sarraj" in quotes is فايز السراج)."""
        words = list(self.words)
        several = len(self.content_words()) > 1  # spellings beside the name need another word
        glued = {compound.token.start: [part.token for part in compound.parts]
                 for compound in self.compounds if not compound.apart}
        for number, found in candidates.items():
            found = not_other_words(found, words, number)
            names, beside = name_spellings(words[number].token, found, several,
                                            words[number].shows_article)
            parts = glued.get(words[number].token.start)
            if parts:  # a compound written whole holds its fixed elements (beside the name, عبد)
                names = tuple(name for name in names
                              if holds_fixed_elements(words[number].token, parts, name.normalized))
            if words[number].beside_only:
                names, beside = (), (*names, *beside)
            words[number] = replace(words[number], names=names, beside=beside)
        by_text = {word.token.normalized: word for word in words}
        phrases = tuple(tuple(by_text.get(word.token.normalized, word) for word in phrase)
                        for phrase in self.phrases)
        return replace(self, words=tuple(words), phrases=phrases)

    def neighbour_forms(self, word: QueryWord, near: bool = False) -> frozenset[str]:
        """The normalized forms of the content words other than ``word`` (their own and
        accepted spellings; with ``near``, their beside-only spellings too): what a word
        may stand beside as the rest of the name (beside.py)."""
        return self.forms_outside(frozenset({word.token.start}), near)

    def forms_outside(self, starts: frozenset[int], near: bool = False) -> frozenset[str]:
        """neighbour_forms of the query words at ``starts`` (a generic word of a place
        name, Lake or Oued, stands beside the rest of the name: exonym_tier.py).  An
        ordinary word's other spellings are never what another word stands beside: they
        count only beside the name's sure words themselves.  The names answering a word
        by translation or by its parts stand for it too (compounds.named_words)."""
        return frozenset(form for other in self.content_words() if other.token.start not in starts
                         for form in (other.near_forms if near and not other.beside_only
                                      else other.norm_forms)
                         | self._named_words.get(other.token.start, frozenset()))

    def phrases_outside(self, starts: frozenset[int]) -> frozenset[tuple[str, ...]]:
        """The names of several words (normalized, in a row) answering the query words
        not at ``starts``, which a word stands beside as it does forms_outside
        (exonym_tier.names_in_a_row)."""
        return names_in_a_row(self.exonyms, starts, outside=True)

    @functools.cached_property
    def _named_words(self) -> dict[int, frozenset[str]]:
        """compounds.named_words of the plan's exonyms and its part_anchors, computed once."""
        named = {start: set(words) for start, words in named_words(self.exonyms).items()}
        for start, word in self.part_anchors:
            named.setdefault(start, set()).add(word)
        return {start: frozenset(words) for start, words in named.items()}

    def content_words(self) -> list[QueryWord]:
        """The words a short query's documents must hold: all but function words (في, من),
        the words that link a lineage (بن, ابن, بنت, بو: Latin bin, ibn, bou are
        particles already), the kind of a place (ولاية, مدينة) and the words after a comma
        that qualify the name (كوراشيكي، أوكاياما), unless nothing else would be left."""
        return list(self._content_words)

    @functools.cached_property
    def _content_words(self) -> tuple[QueryWord, ...]:
        """Computed once per plan: the explanation asks for them per passage and per word
        (1,554 times in 30 searches)."""
        words = [word for word in self.words if word.token.normalized not in NOT_REQUIRED]
        named = [word for word in words if word.token.normalized not in self.qualifying]
        return tuple(named or words)


def _meaningful(tokens: list[Token]) -> list[Token]:
    """Tokens without Latin particles, unless the query is nothing but particles."""
    kept = [token for token in tokens
            if not (token.script == LATIN and token.normalized in LATIN_PARTICLES)]
    return kept or tokens


def _after_article(tokens: list[Token], number: int) -> bool:
    """True when query word ``number`` follows a Latin article (Al Madinah, el-Sisi) or
    the head of a compound, whose second word carries the article (Abdul Hameed = عبد
    الحميد)."""
    before = tokens[number - 1] if number else None
    return before is not None and before.script == LATIN and (
        before.normalized in LATIN_ARTICLES or before.normalized in COMPOUND_HEADS)


def _ordinary_words_named(plan: QueryPlan) -> QueryPlan:
    """A name of MIN_NAME_WORDS to MAX_NAME_WORDS content words may hold an ordinary word
    (لاس تونس, الرئيس حميدو): beside a word that is a name query, such a word seeks its
    other spellings too, and they count beside the rest of the name only (لاس توناس,
    الرايس حميدو); alone, or among ordinary words only, it is a word, not a name."""
    content = plan.content_words()
    if not (MIN_NAME_WORDS <= len(content) <= MAX_NAME_WORDS
            and any(word.seeks_names for word in content)):
        return plan
    return replace(plan, words=tuple(
        replace(word, seeks_names=True, beside_only=True)
        if word in content and not word.seeks_names and is_ordinary_name_word(word.token)
        and word.token.normalized not in COMPOUND_HEADS else word for word in plan.words))


def _compounds(tokens: list[Token], kept: set[int]) -> tuple[Compound, ...]:
    """The query's compound words (Abdelkader) and lineages written apart (Ben Sghir),
    compounds.py; a compound's later parts follow its glue, the article's place
    (Abd-el-Kader)."""
    found = []
    for number, token in enumerate(tokens):
        if number not in kept:
            continue
        glued = compound_parts(token)
        parts = glued or lineage_parts(tokens[number - 1] if number else None, token)
        if parts:
            found.append(Compound(token, tuple(query_word(part, True, index > 0)
                                               for index, part in enumerate(parts)), apart=not glued))
    return tuple(found)


def plan_query(tokens: list[Token], fuzzy: bool = True) -> QueryPlan:
    """The plan of analysed query words (before its look-ups)."""
    meaningful = _meaningful(tokens)
    kept = {number for number, token in enumerate(tokens) if token in meaningful}
    exonyms = query_exonyms(tokens)
    for match in exonyms:  # "UN" is a particle (French un) but here names the UN: keep it
        if kept.isdisjoint(range(match.start, match.end)):
            kept.add(match.start)
    compounds = _compounds(tokens, kept) if fuzzy else ()
    plan = QueryPlan(words=tuple(query_word(token, fuzzy, _after_article(tokens, number))
                                 for number, token in enumerate(tokens) if number in kept),
                     fuzzy=fuzzy, exonyms=(plan_exonyms(tokens, exonyms, kept) + split_exonyms(tokens, kept)
                                           + joined_exonyms(tokens, kept)),
                     compounds=compounds)
    return _ordinary_words_named(plan) if fuzzy else plan


def plan_search(query: ParsedQuery, fuzzy: bool = True) -> QueryPlan:
    """The plan of a parsed query: its words, its quoted phrases and its exclusions.

    Each part is analysed once; a phrase's words are the plan's own words, so that
    their accepted spellings serve the phrase too, and Latin particles glue its words
    as they glue the query's ("Fayez al-Sarraj": فايز السراج)."""
    tokens = analyze(query.text)
    plan = plan_query(tokens, fuzzy)
    by_text = {word.token.normalized: word for word in plan.words}
    phrases = tuple(tuple(by_text.get(token.normalized) or query_word(token, fuzzy)
                          for token in _meaningful(analyze(phrase))) for phrase in query.phrases)
    excluded_tokens = [analyze(text) for text in query.excluded]
    excluded = tuple(query_word(token, False) for tokens in excluded_tokens for token in tokens)
    excluded_names = tuple(exonym for tokens in excluded_tokens for exonym in
                           plan_exonyms(tokens, query_exonyms(tokens), set(range(len(tokens)))))
    return replace(plan, phrases=tuple(phrase for phrase in phrases if len(phrase) > 1),
                   excluded=excluded, excluded_names=excluded_names,
                   qualifying=_qualifying(query, tokens))


def _qualifying(query: ParsedQuery, tokens: list[Token]) -> frozenset[str]:
    """The words after the query's first comma that it has nowhere else (normalized);
    ``tokens``: the whole query text analysed."""
    if not query.qualifying:
        return frozenset()
    after = Counter(token.normalized for token in analyze(query.qualifying))
    elsewhere = Counter(token.normalized for token in tokens) - after
    return frozenset(after) - frozenset(elsewhere)
