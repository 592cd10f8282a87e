"""The title as evidence: its clause (ES) and its check (Python) side by side.

A title holding a query word says what the whole document is about, so it is strong
evidence (a headline query finds its document even when the body never repeats it).
The title field (``TITLE_TERMS``) holds every form of every title word
(``documents.title_forms``); a word is in the title by its own forms or an accepted
spelling, that one as a whole title word as a passage holds it (:func:`title_clause`,
:func:`title_check`), and earns a bonus by how it
matched (:func:`title_bonus_clauses`, :func:`words_in_title`): a sure other spelling
its tier's worth against an exact match times its confidence, a weak one nothing.
"""
from __future__ import annotations

import functools

from . import mapping as m
from .analysis import LATIN_PARTICLES, WordForms, analyze
from .scripts import LATIN
from .documents import title_forms, whole_title_word
from .marbuta import dots_tell, redot
from .names import SURE_CONFIDENCE
from .plan import QueryPlan
from .query_words import NameSpelling, QueryWord
from .tiers import scored, spelling_strength, terms

# A title holding a query word counts like this much of an exact match (times the
# word's weight and the strength of the match).
TITLE_WEIGHT = 6.0


def _whole_spelling(spelling: NameSpelling) -> str:
    """The title term of an accepted spelling, a whole word: with its ة where that alone
    tells it from another word (marbuta.dots_tell): the title of "Jeddah" holds جدة, not
    جده, "his grandfather", which the passages' check refuses."""
    return whole_title_word(redot(spelling.normalized) if dots_tell(spelling.written)
                            else spelling.normalized)


def _own_forms(q: QueryWord) -> frozenset[str]:
    """The word's own forms as a title holds them: with their ة where it is meant."""
    return frozenset().union(*q.asked(q.forms))


def _title_wanted(q: QueryWord) -> set[str]:
    return {*_own_forms(q), *map(_whole_spelling, q.names)}


def _title_strengths(q: QueryWord) -> dict[str, float]:
    """Title form -> how much of the title bonus it earns: 1 for the word's own forms, for
    another sure spelling its tier's worth against an exact match times its confidence,
    nothing for a weak one (a sound-alike of 0.75 in a title, لأبيه for "Libya", must not
    outweigh the name itself in a passage)."""
    strengths: dict[str, float] = {}
    for spelling in q.names:
        if spelling.confidence < SURE_CONFIDENCE:
            continue  # a weak match ("other spelling?") earns no title bonus
        whole = _whole_spelling(spelling)
        strengths[whole] = max(spelling_strength(q, spelling), strengths.get(whole, 0.0))
    return strengths | {form: 1.0 for form in _own_forms(q)}


def title_bonus_clauses(q: QueryWord) -> list[dict]:
    """The title bonus of ``q``: one clause per strength (the best one counts, dis_max)."""
    groups: dict[float, list[str]] = {}
    for form, strength in _title_strengths(q).items():
        groups.setdefault(round(strength, 3), []).append(form)
    return [scored(terms(m.TITLE_TERMS, forms), TITLE_WEIGHT * q.weight * strength)
            for strength, forms in sorted(groups.items(), reverse=True)]


def title_clause(q: QueryWord) -> dict:
    """The title holds the word, one of its readings or an accepted spelling."""
    return terms(m.TITLE_TERMS, _title_wanted(q))


def sure_title_clause(q: QueryWord) -> dict:
    """The title holds the word by one of its own forms or a sure spelling (not a weak one)."""
    return terms(m.TITLE_TERMS, sorted(_title_strengths(q)))


def title_check(q: QueryWord, word: WordForms) -> bool:
    """The same, for one title word (its forms as ``documents.title_forms`` indexes them)."""
    return not _title_wanted(q).isdisjoint(title_forms(word))


# A search re-ranks a window of ~30 documents by their titles, and the same documents
# come back for the same query: titles' forms and plans' strengths are kept.
TITLES_KEPT = 4096
PLANS_KEPT = 64


@functools.lru_cache(maxsize=TITLES_KEPT)
def _forms_in(title: str) -> frozenset[str]:
    """Every form of every word of ``title``, as ``title_check`` compares them."""
    return frozenset(form for token in analyze(title) for form in title_forms(token.forms))


@functools.lru_cache(maxsize=PLANS_KEPT)
def _plan_strengths(plan: QueryPlan) -> tuple[tuple[QueryWord, dict[str, float]], ...]:
    return tuple((word, _title_strengths(word)) for word in plan.words)


def words_in_title(plan: QueryPlan, title: str) -> list[tuple[QueryWord, float]]:
    """(word, strength) of the plan's words that ``title`` holds, by the title clauses'
    own check (for the title coverage re-rank and the score explanation): the Python
    side of title_bonus_clauses, the best strength among the title's forms."""
    present = _forms_in(title)
    held = [(word, max((strength for form, strength in strengths.items() if form in present),
                       default=0.0)) for word, strengths in _plan_strengths(plan)]
    return [(word, strength) for word, strength in held if strength > 0]


@functools.lru_cache(maxsize=TITLES_KEPT)
def _word_forms_in(title: str) -> tuple[tuple[str, ...], ...]:
    """Each word of ``title`` (Latin particles aside) as its set of forms."""
    return tuple(title_forms(token.forms) for token in analyze(title)
                 if not (token.script == LATIN and token.normalized in LATIN_PARTICLES))


def holds_in_order(plan: QueryPlan, title: str) -> bool:
    """The title holds the plan's words side by side in order, each by a form the title
    clauses accept (in_order.py: the title's side of a passage's in_order_clause)."""
    title_words, wanted = _word_forms_in(title), _plan_strengths(plan)
    answers = [frozenset(form for form, strength in strengths.items() if strength > 0)
               for _word, strengths in wanted]
    return any(all(not answers[k].isdisjoint(title_words[start + k]) for k in range(len(answers)))
               for start in range(len(title_words) - len(answers) + 1))


def is_whole_title(plan: QueryPlan, title: str) -> bool:
    """The title says nothing but the query: it holds every query word, and each of its
    words (Latin particles aside) answers one (a headline query names its document)."""
    title_words = _word_forms_in(title)
    if not title_words or len(words_in_title(plan, title)) != len(plan.words):
        return False
    answering = {form for _word, strengths in _plan_strengths(plan)
                 for form, strength in strengths.items() if strength > 0}
    return all(not answering.isdisjoint(forms) for forms in title_words)
