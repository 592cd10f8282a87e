"""A name's words stand together: evidence from a word's neighbours (clause and check).

A full name is written as one run of words at least once (فايز السراج, مصطفي خطاب),
and that is evidence a single word lacks.  Two rules use it:

* a query word held only by a weak spelling (below SURE_CONFIDENCE) counts for the
  whole-name rule only beside another word of the query (``holders.py``), and one held
  only by a beside-only spelling beside another word's own or accepted spelling, never
  beside another beside-only one (:func:`held_near_clause`);
* a spelling less sure than the minimum, but at least ``names.BESIDE_CONFIDENCE``
  (``QueryWord.beside``), matches only there: "Mustafa Khattab" finds مصطفي خطاب
  (Mustafa = مصطفي is 0.67 alone), while مصطفي elsewhere is no answer.

"Beside" means within ``NEAR_SLOP`` words, in either order, on the positional NORM
field (one normalized term per word) of another word's forms or of a name of several
words translating it in a row (عبد الله السعيد for Abdallah Saïd), or, for a spelling with
the article, right after a generic word translating another query word (وادي الصباح for
Oued Sebbah: construct.py).
The ES clause (``span_near``) and the Python check (:func:`beside_matches`) stand side by
side here, so they cannot disagree.
"""
from __future__ import annotations

from collections.abc import Iterable

from .analysis import word_forms
from .construct import construct_span, heads, heads_word, tails
from .exonym_tier import span_or
from .plan import QueryPlan
from .query_words import NEAR_SLOP, NameSpelling, QueryWord
from .tiers import NAME_SCORES, name_tier, scored, word_clauses


def near_clause(forms: Iterable[str], word: QueryWord, plan: QueryPlan,
                near: bool = False) -> dict | None:
    """One of ``forms`` within NEAR_SLOP words of another word of the query (``near``: of
    any spelling of it that counts there, see QueryPlan.neighbour_forms), one of them that
    the word spells well enough (QueryWord.phrase_forms) of a name of several words
    translating one (_phrases), or right after a generic word translating another query
    word (construct.py: a form with the article, or a weak spelling of the word)."""
    forms = sorted(set(forms))
    others, phrases = _neighbours(word, plan, forms, near), _phrases(word, plan, forms)
    spans = [_near(forms, span_or(others))] if others and forms else []
    spelt = word.phrase_forms.intersection(forms)
    spans += [_near(spelt, span_or((), phrases))] if phrases and spelt else []
    weak = {name.normalized for name in word.weak_names()} & set(forms)
    construct = construct_span(_heads(word, plan), tails(forms, weak))
    return _either([*spans, construct] if construct else spans)


def held_near_clause(word: QueryWord, plan: QueryPlan) -> dict | None:
    """Where a document holds ``word`` beside the rest of the name (holders.py): its own
    and accepted spellings within NEAR_SLOP words of any spelling of another query word
    that counts there (a weak الطيب beside الصديقي, Saddiki's beside-only spelling, for
    "Tayeb Saddiki"), or its beside-only spellings beside another word's own or accepted
    ones, as :func:`beside_clauses` asks of a passage.  Never two beside-only spellings
    side by side: طال ("grew long") beside جدار ("a wall") in a hadith held Talal and
    Khudair of "Talal Khudair Abbas Kaid", and the document was a hit for قائد alone."""
    own = near_clause(word.norm_forms, word, plan, near=True)
    beside_only = near_clause(word.near_forms - word.norm_forms, word, plan)
    return _either([span for span in (own, beside_only) if span])


def _near(forms: Iterable[str], others: dict) -> dict:
    """One of ``forms`` within NEAR_SLOP words of the span ``others``, in either order."""
    return {"span_near": {"clauses": [span_or(forms), others], "slop": NEAR_SLOP, "in_order": False}}


def _either(spans: list[dict]) -> dict | None:
    """One span of any of ``spans``; None for none."""
    if len(spans) < 2:
        return spans[0] if spans else None
    return {"span_or": {"clauses": spans}}


def _heads(word: QueryWord, plan: QueryPlan) -> frozenset[str]:
    """The generic words ``word`` may stand right after (construct.heads)."""
    return heads(plan.exonyms, frozenset({word.token.start}))


def _neighbours(word: QueryWord, plan: QueryPlan, forms: Iterable[str],
                near: bool = False) -> frozenset[str]:
    """What ``forms`` of ``word`` may stand beside: the other words' forms, less ``forms``
    themselves.  A written word is never beside itself, but Lucene's unordered span_near
    lets its two spans overlap: where another query word shares a form (Jeddah Jeddah),
    one جده answered both, and 588 documents of prose.jsonl were hits no check explained."""
    return plan.neighbour_forms(word, near) - frozenset(forms)


def _phrases(word: QueryWord, plan: QueryPlan, forms: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """The names in a row ``forms`` of ``word`` may stand beside (QueryPlan.phrases_outside:
    عبد الله of Abdallah for السعيد of Saïd), less any holding one of ``forms``, whose span
    could overlap the form's own (_neighbours)."""
    own = frozenset(forms)
    return frozenset(phrase for phrase in plan.phrases_outside(frozenset({word.token.start}))
                     if own.isdisjoint(phrase))


def _phrase_near(forms: list[str], index: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    """The Python side of a phrase in :func:`near_clause`: True when one of ``phrases``
    stands in ``forms`` (one per position) within NEAR_SLOP words of position ``index``,
    before or after it."""
    for phrase in phrases:
        size = len(phrase)
        for start in range(max(0, index - NEAR_SLOP - size), index + NEAR_SLOP + 2):
            if not start <= index < start + size and tuple(forms[start:start + size]) == phrase:
                return True
    return False


def _groups(word: QueryWord) -> dict[tuple[str, float], list[NameSpelling]]:
    groups: dict[tuple[str, float], list[NameSpelling]] = {}
    for spelling in word.beside:
        tier = name_tier(word.token.script, spelling.script)
        groups.setdefault((tier, spelling.confidence), []).append(spelling)
    return groups


def beside_clauses(word: QueryWord, plan: QueryPlan) -> list[dict]:
    """The ES side: the word's beside-only spellings next to the rest of the name, each
    scored like the name tier it belongs to, by its confidence."""
    if not plan.fuzzy:
        return []
    clauses = []
    for (tier, confidence), spellings in sorted(_groups(word).items(), key=lambda item: -item[0][1]):
        near = near_clause((spelling.normalized for spelling in spellings), word, plan)
        if near:
            clauses.append(scored(near, NAME_SCORES[tier] * confidence * word.weight))
    return clauses


def passage_clauses(word: QueryWord, plan: QueryPlan) -> list[dict]:
    """Every way a passage may hold ``word``: its tiers, and its spellings beside the name."""
    return [*word_clauses(word, plan), *beside_clauses(word, plan)]


def _positions(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, normalized) of each word of ``text``, one per NORM position."""
    return [(start, end, forms.normalized) for start, end in spans
            for forms in word_forms(text[start:end])]


def beside_matches(text: str, plan: QueryPlan, taken: set[tuple[int, int]],
                   spans: list[tuple[int, int]]) -> list[tuple[int, int, QueryWord, NameSpelling]]:
    """The Python side: (start, end, query word, spelling) of each beside-only spelling
    in ``text`` standing within NEAR_SLOP words of another word of the query; ``spans``:
    the word spans of ``text`` (tokens.word_spans), those in ``taken`` (already
    matched) skipped."""
    words = [word for word in plan.content_words() if word.beside] if plan.fuzzy else []
    if not words:
        return []
    positions = _positions(text, spans)
    forms = [normalized for _, _, normalized in positions]
    taken, found = set(taken), []
    for word in words:
        by_form = {spelling.normalized: spelling for spelling in word.beside}
        others, generic = _neighbours(word, plan, by_form), _heads(word, plan)
        phrases, spelt = _phrases(word, plan, by_form), word.phrase_forms
        for index, (start, end, normalized) in enumerate(positions):
            if normalized not in by_form or (start, end) in taken:
                continue
            near = positions[max(0, index - NEAR_SLOP - 1):index + NEAR_SLOP + 2]
            if any(form in others for s, e, form in near if (s, e) != (start, end)) or (
                    normalized in spelt and _phrase_near(forms, index, phrases)
                    or heads_word(forms, index, generic, tails(by_form))):
                found.append((start, end, word, by_form[normalized]))
                taken.add((start, end))
    return found
