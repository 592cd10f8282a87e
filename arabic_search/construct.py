"""A place's generic word heads the rest of its name: وادي الصباح (clause and check).

Maghrebi and Levantine place names are an Arabic construct (إضافة): a generic word
without the article (Oued = وادي, Oum = أم, Bir = بئر, Ain = عين, Sidi = سيدي;
exonym_tier.GENERIC_KIND) followed at once by a word with it: Oued Sebbah = وادي الصباح,
Oum Drou = أم الدروع, Oum Toub = أم الطوب, Oued Zehour = وادي الزهور; and a person's
kunya, whose name takes no article (Umm Atiyya = أم عطية).  The Latin name
seldom shows that article, and the word behind it is most often an ordinary one ("the
morning", "the flowers"), which the name tables rightly refuse to take for a spelling
anywhere, so it is a weak or a beside-only spelling (beside.py).  Neither word alone is
the name: a generic word counts only beside the rest of the name, and "the morning" is
no Sebbah; each was waiting for the other, and neither was found.  Written in that order,
side by side, with the article, they are the name; so the rest of the name's weak and
beside-only spellings with the article, and its weak spellings without it (accepted,
only less sure), count right after a generic word that translates another query word,
and the generic word counts right before them.  Nowhere else: "في الوادي صباحا"
is still no Oued Sebbah (no construct: الوادي has the article, صباحا has none).

The ES clause (:func:`construct_span`: ``span_near``, in order, no gap) and the Python
checks (:func:`heads_word`, :func:`tail_after`) stand side by side here.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from .clitics import ARTICLE
from .exonym_tier import GENERIC_KIND, QueryExonym, generic_forms, span_or

# The rest of the name stands right after its generic word: no word between.
CONSTRUCT_SLOP = 0


def heads(exonyms: Iterable[QueryExonym], outside: frozenset[int]) -> frozenset[str]:
    """The normalized forms (with their clitics: بوادي) of the generic words translating
    query words other than those at ``outside``: what a word at ``outside`` may follow."""
    return frozenset(form for exonym in exonyms
                     if exonym.kind == GENERIC_KIND and not exonym.starts & outside
                     for form in generic_forms(exonym))


def tails(forms: Iterable[str], weak: Iterable[str] = ()) -> frozenset[str]:
    """The forms that may stand right after a generic word: those with the article, and
    ``weak``, accepted spellings that are only less sure (أم عطية for Umm Atiyya: عطية is
    Atiyya at 0.85, and a person's own name takes no article)."""
    return frozenset(form for form in forms
                     if form.startswith(ARTICLE) and len(form) > len(ARTICLE)) | frozenset(weak)


def construct_span(head_forms: Iterable[str], tail_forms: Iterable[str]) -> dict | None:
    """The ES side: one of ``head_forms`` followed at once by one of ``tail_forms``
    (:func:`tails`), on the positional NORM field; None when either is empty."""
    head_forms, tail_forms = frozenset(head_forms), frozenset(tail_forms)
    if not head_forms or not tail_forms:
        return None
    return {"span_near": {"clauses": [span_or(head_forms), span_or(tail_forms)],
                          "slop": CONSTRUCT_SLOP, "in_order": True}}


def heads_word(forms: Sequence[str], index: int, head_forms: frozenset[str],
               tail_forms: frozenset[str]) -> bool:
    """The Python side: True when the passage word at ``index`` of ``forms`` (one
    normalized form per position) is one of ``tail_forms`` (:func:`tails`) and the word
    right before it one of ``head_forms``."""
    return index > 0 and forms[index] in tail_forms and forms[index - 1] in head_forms


def tail_after(forms: Sequence[str], index: int, tail_forms: frozenset[str]) -> bool:
    """The Python side seen from a generic word at ``index`` (found by the exonym tier,
    exonym_tier.exonym_spans): True when the word right after it is one of ``tail_forms``
    (:func:`tails`)."""
    return index + 1 < len(forms) and forms[index + 1] in tail_forms
