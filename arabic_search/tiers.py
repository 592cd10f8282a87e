"""How a passage word can answer a query word: each tier's ES clause and its Python check.

One definition per tier, side by side, so the search (which finds and ranks
passages) and the explanation (which marks each matched word and says why) can
never disagree: a passage word answers a query word by a tier exactly when the
tier's clause would match that word's index terms.

Order and scores: exact > normalized > clitic reading > light stem > part of a
run-together word; name matches (``translit`` from a Latin query, ``fuzzy`` from
another spelling) score by their confidence.  Every score is multiplied by the
query word's weight (its rarity, ``rarity.py``): a rare word outweighs common ones,
and for one word an exact spelling always beats any other way.  ``fuzzy=off`` keeps the written-form
tiers only.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from . import mapping as m
from .analysis import WordForms
from .clitics import with_article
from .construct import construct_span, tail_after, tails
from .exonym_tier import (GENERIC_KIND, PassageWord, QueryExonym, exonym_filter, exonym_spans,
                          generic_forms, stands_beside)
from .marbuta import redot
from .plan import QueryPlan
from .query_words import NameSpelling, QueryWord
from .readings import plausible_reading
from .scripts import ARABIC, LATIN
from .stemmer import case_twins, light_stem, stems_query
from .tier_names import CLITIC, EXACT, EXONYM, FUZZY, NORMALIZED, SPLIT, STEM, TRANSLIT  # noqa: F401


# A translated name (exonym_tier.py) scores this much per query word it stands for
# (times the word's weight):
# with the strong written-form matches, above any sound-alike (Cairo: القاهرة before جرى).
EXONYM_SCORE = 8.0
# A generic word of place names translated alone (Lake -> بحيرة in "Saranac Lake") says
# less than a name: it scores like a sound-alike.
GENERIC_EXONYM_SCORE = 4.0
# A name match scores this much times its confidence.
NAME_SCORES = {TRANSLIT: 6.0, FUZZY: 4.0}
# When all words of a multi-word query stand together (as a phrase): this much of
# their weights.  (The title bonus: titles.py.)
PHRASE_WEIGHT = 3.0
PHRASE_SLOP = 1
# Document-level evidence: each query word the document holds (in any passage) adds this
# much of its weight, so words spread over several passages add up.
COVERAGE_WEIGHT = 4.0


def terms(field: str, values) -> dict:
    values = sorted(set(values))
    return {"term": {field: values[0]}} if len(values) == 1 else {"terms": {field: values}}


def scored(clause: dict, boost: float) -> dict:
    return {"constant_score": {"filter": clause, "boost": round(boost, 3)}}


@dataclass(frozen=True)
class Tier:
    """One way of matching: its name, score, page label, ES clauses and Python check."""

    name: str
    score: float
    label: str                     # shown on the page (Arabic)
    clauses: Callable[[QueryWord], list[dict]]
    check: Callable[[QueryWord, WordForms], float | None]   # confidence, None = no match
    written: bool = True           # a written-form tier (kept with fuzzy=off)


def _arabic_pair(query: QueryWord, word: WordForms) -> bool:
    return query.token.script == ARABIC and word.script == ARABIC


def _exact_clauses(q: QueryWord) -> list[dict]:
    return [terms(m.EXACT, [q.token.exact])]


def _exact_check(q: QueryWord, word: WordForms) -> float | None:
    return 1.0 if word.exact == q.token.exact else None


def _normalized_clauses(q: QueryWord) -> list[dict]:
    """The word's spellings in NORM (and VARIANTS, when it has several); one whose ة is
    meant, as written with it in VARIANTS (query_words.QueryWord.asked)."""
    plain, dotted = q.asked(q.spellings)
    clauses = [terms(m.NORM, plain)] if plain else []
    if plain and len(q.spellings) > 1:
        clauses.append(terms(m.VARIANTS, plain))
    return clauses + ([terms(m.VARIANTS, dotted)] if dotted else [])


def _normalized_check(q: QueryWord, word: WordForms) -> float | None:
    plain, dotted = q.asked(q.spellings)
    found = word.normalized in plain or not plain.isdisjoint(word.variants) or word.dotted in dotted
    return 1.0 if found else None


@functools.lru_cache(maxsize=4096)
def _behind_clitics(forms: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(the query word's forms a written word may hold behind any clitic, the written words
    that hold its other forms behind the article).  Behind و ف ب ك ل only a plausible
    reading (readings.plausible_reading: four letters or more, or a common word), as the
    names' readings ask: a rarer short form is as often the tail of another word, and the
    nonsense وزا is no reading of فوزا ("victory").  Behind the article any form (نجف is
    النجف, رس الرس, والنجف, للنجف)."""
    held = frozenset(form for form in forms if plausible_reading(form))
    return held, frozenset(word for form in forms - held for word in with_article(form))


class CliticAsks(NamedTuple):
    """What the clitic tier asks of a passage word, normalized and (where the query word's ة
    is meant, query_words.QueryWord.asked) as written with the ة."""

    readings: frozenset[str]         # READINGS: the word behind a clitic
    words: frozenset[str]            # NORM: the word behind the article, a query reading
    dotted_readings: frozenset[str]  # READINGS, with the ة
    dotted_words: frozenset[str]     # VARIANTS, with the ة


@functools.lru_cache(maxsize=4096)
def _clitic_asks(forms: frozenset[str], dotted: frozenset[str], normalized: str) -> CliticAsks:
    """The clitic tier's sets for a query word of ``forms`` (``normalized`` itself and its
    readings), those of ``dotted`` with their ة."""
    readings = forms - {normalized}
    held, with_article = _behind_clitics(forms - dotted)
    held_dotted, article_dotted = _behind_clitics(forms & dotted)
    return CliticAsks(held, with_article | (readings - dotted), frozenset(map(redot, held_dotted)),
                      frozenset(map(redot, article_dotted | (readings & dotted))))


def _asks(q: QueryWord) -> CliticAsks:
    return _clitic_asks(q.forms, q.dotted, q.token.normalized)


def _clitic_clauses(q: QueryWord) -> list[dict]:
    if q.token.script != ARABIC:
        return []
    asks = _asks(q)
    readings = asks.readings | asks.dotted_readings
    return ([terms(m.READINGS, readings)] if readings else []) + (
        [terms(m.NORM, asks.words)] if asks.words else []) + (
        [terms(m.VARIANTS, asks.dotted_words)] if asks.dotted_words else [])


def _clitic_check(q: QueryWord, word: WordForms) -> float | None:
    # Any word may be what remains of an Arabic query word (الـ10 -> 10), as in the clause.
    if q.token.script != ARABIC:
        return None
    asks = _asks(q)
    found = (not asks.readings.isdisjoint(word.readings) or word.normalized in asks.words
             or not asks.dotted_readings.isdisjoint(word.dotted_readings)
             or word.dotted in asks.dotted_words)
    return 1.0 if found else None


def written_clauses(q: QueryWord) -> list[dict]:
    """The exact, normalized and clitic clauses together (what an excluded word means)."""
    return [*_exact_clauses(q), *_normalized_clauses(q), *_clitic_clauses(q)]


def _stems(q: QueryWord) -> bool:
    """An Arabic query word is matched by its stem when stemmer.stems_query says so."""
    return q.token.script == ARABIC and stems_query(q.forms, q.token.stem or "")


def _twins(q: QueryWord) -> frozenset[str]:
    """The query word's forms with the other case ending of the plural (stemmer.case_twins)."""
    return case_twins(q.forms) if q.token.script == ARABIC else frozenset()


def _stem_clauses(q: QueryWord) -> list[dict]:
    """Passage words whose light stem is the query's: STEM holds a word's stem only where
    it is not the word itself (documents.stem_term), so a stem that is its own stem is
    also asked of NORM: a word written so has that stem, and no word written otherwise
    has it in NORM.  And the plural in its other case (المصريون for المصريين, whose stem
    مصر is too short to be asked), whole or behind a clitic.  The tier's clauses score
    once together (word_clauses)."""
    twins = _twins(q)
    clauses = [terms(m.NORM, twins), terms(m.READINGS, twins)] if twins else []
    if not _stems(q):
        return clauses
    stem = q.token.stem
    own = [terms(m.NORM, [stem])] if light_stem(stem) == stem else []
    return [terms(m.STEM, [stem]), *own, *clauses]


def _stem_check(q: QueryWord, word: WordForms) -> float | None:
    if word.script != ARABIC:
        return None
    twins = _twins(q)
    found = (_stems(q) and q.token.stem == word.stem) or word.normalized in twins or (
        not twins.isdisjoint(word.readings))
    return 1.0 if found else None


def _split_clauses(q: QueryWord) -> list[dict]:
    return [terms(m.PARTS, q.forms)] if q.token.script == ARABIC else []


def _split_check(q: QueryWord, word: WordForms) -> float | None:
    return 1.0 if _arabic_pair(q, word) and not q.forms.isdisjoint(word.parts) else None


def name_tier(query_script: str, word_script: str) -> str:
    """translit for a Latin query answered in Arabic, fuzzy for another same-script spelling."""
    return TRANSLIT if query_script == LATIN and word_script == ARABIC else FUZZY


def _name_clauses(q: QueryWord, tier: str) -> list[dict]:
    """One constant-score clause per confidence: the accepted spellings, as written."""
    groups: dict[float, list[str]] = {}
    for spelling in q.names:
        if name_tier(q.token.script, spelling.script) == tier:
            groups.setdefault(spelling.confidence, []).append(spelling.written)
    return [scored(terms(m.EXACT, words), NAME_SCORES[tier] * confidence * q.weight)
            for confidence, words in sorted(groups.items(), reverse=True)]


def _name_check(q: QueryWord, word: WordForms, tier: str) -> float | None:
    spelling = q.name_spelling(word.exact)
    if spelling and name_tier(q.token.script, spelling.script) == tier:
        return spelling.confidence
    return None


TIERS: tuple[Tier, ...] = (
    Tier(EXACT, 10.0, "مطابقة تامة", _exact_clauses, _exact_check),
    Tier(NORMALIZED, 8.0, "بعد التوحيد الإملائي", _normalized_clauses, _normalized_check),
    Tier(CLITIC, 6.0, "مع سابقة", _clitic_clauses, _clitic_check),
    Tier(STEM, 5.0, "الجذع الخفيف", _stem_clauses, _stem_check),
    Tier(SPLIT, 4.5, "كلمات متصلة", _split_clauses, _split_check),
    Tier(TRANSLIT, NAME_SCORES[TRANSLIT], "نقحرة",
         lambda q: _name_clauses(q, TRANSLIT), lambda q, w: _name_check(q, w, TRANSLIT), False),
    Tier(FUZZY, NAME_SCORES[FUZZY], "تهجئة أخرى",
         lambda q: _name_clauses(q, FUZZY), lambda q, w: _name_check(q, w, FUZZY), False),
)
BY_NAME = {tier.name: tier for tier in TIERS}
SCORES = {tier.name: tier.score for tier in TIERS} | {EXONYM: EXONYM_SCORE}
LABELS = {tier.name: tier.label for tier in TIERS} | {EXONYM: "اسم مترجم"}


def active_tiers(plan: QueryPlan) -> tuple[Tier, ...]:
    return TIERS if plan.fuzzy else tuple(tier for tier in TIERS if tier.written)


def word_clauses(q: QueryWord, plan: QueryPlan) -> list[dict]:
    """Every way ``q`` may match a passage, each worth tier score x confidence x word weight."""
    clauses: list[dict] = []
    for tier in active_tiers(plan):
        found = tier.clauses(q)
        if not tier.written:
            clauses += found  # already scored by confidence
        elif found:
            clause = found[0] if len(found) == 1 else {"bool": {"should": found}}
            clauses.append(scored(clause, tier.score * q.weight))
    return clauses + _exonym_clauses(q, plan)


def spelling_strength(q: QueryWord, spelling: NameSpelling) -> float:
    """How strong another spelling is as evidence, against an exact match (1): its tier's
    score over the exact tier's, times its confidence (translit 1.0 -> 0.6)."""
    return NAME_SCORES[name_tier(q.token.script, spelling.script)] / SCORES[EXACT] * spelling.confidence


def evidence_groups(q: QueryWord, plan: QueryPlan) -> list[tuple[float, list[dict]]]:
    """The word's clauses by how strong a document holding them is as evidence for it:
    (strength, clauses), strength 1 for a written form or a translated name, for another
    spelling its tier's worth against an exact match times its confidence (the document
    coverage re-rank, coverage.py: a document holding only لأبيه is weak evidence for
    "Libya")."""
    groups: dict[float, list[dict]] = {}
    for tier in active_tiers(plan):
        if tier.written:
            groups.setdefault(1.0, []).extend(tier.clauses(q))
    for exonym in plan.exonyms:
        if q.token.start in exonym.starts:
            strength = exonym_score(exonym) / EXONYM_SCORE if exonym.how == TRANSLIT else 1.0
            groups.setdefault(round(strength, 3), []).append(_exonym_filter(exonym, plan))
    if plan.fuzzy:
        for spelling in q.names:
            strength = round(spelling_strength(q, spelling), 3)
            groups.setdefault(strength, []).append(terms(m.EXACT, [spelling.written]))
    return sorted(((strength, clauses) for strength, clauses in groups.items() if clauses),
                  key=lambda group: -group[0])


def sure_clauses(q: QueryWord, plan: QueryPlan) -> list[dict]:
    """The clauses that hold the word surely: written forms, translated names and the
    spellings of at least SURE_CONFIDENCE (holders.py: a weak one must stand by the name)."""
    clauses = [clause for tier in active_tiers(plan) if tier.written for clause in tier.clauses(q)]
    clauses += [_exonym_filter(exonym, plan) for exonym in plan.exonyms if q.token.start in exonym.starts]
    weak = set(q.weak_names())
    sure = [name.written for name in q.names if name not in weak]
    return clauses + ([terms(m.EXACT, sure)] if plan.fuzzy and sure else [])


def _exonym_clauses(q: QueryWord, plan: QueryPlan) -> list[dict]:
    """A translated name the word is part of (exonym_tier.py), worth EXONYM_SCORE x its
    weight for each of the name's words, so the name counts like its words found alike."""
    return [scored(_exonym_filter(exonym, plan), q.weight * exonym_score(exonym))
            for exonym in plan.exonyms if q.token.start in exonym.starts]


def _anchors(exonym: QueryExonym, plan: QueryPlan) -> frozenset[str]:
    """What a generic word must stand beside: the rest of the name's forms (none for
    other exonyms, which stand anywhere)."""
    return plan.forms_outside(exonym.starts) if exonym.kind == GENERIC_KIND else frozenset()


def _exonym_filter(exonym: QueryExonym, plan: QueryPlan) -> dict:
    """exonym_filter, a generic word's beside the rest of the name (:func:`_anchors`) or
    right before its spelling with the article (:func:`_tails`, construct.py)."""
    clause = exonym_filter(exonym, _anchors(exonym, plan))
    construct = construct_span(generic_forms(exonym), _tails(exonym, plan))
    return {"bool": {"should": [clause, construct]}} if construct else clause


def _tails(exonym: QueryExonym, plan: QueryPlan) -> frozenset[str]:
    """What a generic word may stand right before: the rest of the name's forms with the
    article, its weak and beside-only spellings too (none for other exonyms).  Its weak
    spellings without the article need no such rule here: they are among the anchors
    (_anchors) the generic word stands beside."""
    if exonym.kind != GENERIC_KIND:
        return frozenset()
    return tails(plan.forms_outside(exonym.starts, near=True))


def exonym_score(exonym: QueryExonym) -> float:
    """A translated name scores EXONYM_SCORE (a generic word less); a compound name's
    parts in a row (compounds.py) score like the sound-alike they are, by confidence."""
    if exonym.how == TRANSLIT:
        return NAME_SCORES[TRANSLIT] * exonym.confidence
    return GENERIC_EXONYM_SCORE if exonym.kind == GENERIC_KIND else EXONYM_SCORE


def best_tier(q: QueryWord, word: WordForms, plan: QueryPlan) -> tuple[str, float, float] | None:
    """(tier, confidence, score) of the strongest way ``word`` answers ``q``, as dis_max does."""
    best: tuple[str, float, float] | None = None
    for tier in active_tiers(plan):
        sure = tier.check(q, word)
        if sure is not None:
            score = tier.score * sure * q.weight
            if best is None or score > best[2]:
                best = (tier.name, sure, score)
    return best


def exonym_matches(words: list[PassageWord],
                   plan: QueryPlan) -> list[tuple[int, int, QueryExonym]]:
    """(start, end, query) of the translated names among a passage's words
    (exonym_tier.passage_words): the Python side of :func:`_exonym_clauses` (a generic word beside the rest of
    the name only)."""
    found = exonym_spans(words, plan.exonyms) if plan.exonyms else []
    return [(start, end, exonym) for start, end, exonym in found
            if exonym.kind != GENERIC_KIND
            or stands_beside(words, start, end, _anchors(exonym, plan))
            or _heads_the_rest(words, end, _tails(exonym, plan))]


def _heads_the_rest(words: list[PassageWord], end: int, tail_forms: frozenset[str]) -> bool:
    """True when the passage word ending at ``end`` (a generic word's last) is followed at
    once by one of ``tail_forms`` (construct.tail_after)."""
    last = [index for index, word in enumerate(words) if word.end == end]
    return bool(last) and tail_after([word.form for word in words], last[-1], tail_forms)
