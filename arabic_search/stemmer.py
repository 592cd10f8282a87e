"""A light Arabic stemmer (after Larkey's light10), gentler on names.

Why not Snowball: PyStemmer's Arabic stemmer, measured on our seed, maps
فلسطين -> لسط, الولايات -> ولا and وزارة -> زار; Lucene's light stemmer also turns
وزارة into زار.  Both strip a leading و that is part of the word.  Conjunctions and
prepositions are already handled by clitic readings, so this stemmer only removes
the article family (ال وال بال كال فال لل) and common suffixes, and always leaves
at least three letters.  Its output lives in its own field, ranked below exact and
normalized matches; a query word is matched by it only when it is an ordinary word or a
plural (:func:`stems_query`).
"""
from __future__ import annotations

import functools

from .clitics import ARTICLE, without_article
from .splitter import word_zipf

PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
MIN_STEM = 3
# A query word is matched by its stem only when its stem is long enough (fewer letters
# conflate too much: حمدي -> حمد, حلمي -> حلم, ناديه -> ناد would find حمد, حلم, نادي) and
# the word is an ordinary word: one the frequency list counts at least this common (in
# any clitic reading), or a plural.  A rarer word is as often a name, and a name's ending
# is part of it: محمدي is not محمد, التميمي not تميم, صالحي not صالح, أسيل not الأسئلة.
MIN_STEM_LETTERS = 4
STEM_MIN_ZIPF = 4.0
PLURAL_ENDINGS = ("ات", "ون", "ين")
# The sound masculine plural ends by its case: المصريون as the subject, المصريين after a
# verb or a preposition; a search for one is a search for both (case_twins).  Only where
# this many letters stand before the ending, the article not counted, and the other form
# is a word of the frequency list this common (Zipf): with fewer, the other ending makes
# another word (الجنين "the foetus" / الجنون "madness", السجين "the prisoner" / السجون
# "prisons", براين / براون, كوبين / كوبون), as does a name's (ياسين / ياسون, Jason).
CASE_ENDINGS = ("ون", "ين")
MIN_TWIN_STEM = 4
TWIN_MIN_ZIPF = 2.5


def light_stem(word: str) -> str:
    """Stem a normalized Arabic word (ة already folded to ه, ى to ي)."""
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            word = word[len(prefix):]
            break
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)]
    return word


def stems_query(forms: frozenset[str], stem: str) -> bool:
    """True when a query word with these normalized ``forms`` (itself and its clitic
    readings) is matched by its light ``stem`` (see STEM_MIN_ZIPF)."""
    if len(stem) < MIN_STEM_LETTERS:
        return False
    if max(word_zipf(form) for form in forms) >= STEM_MIN_ZIPF:
        return True
    return any(form.startswith(stem) and form.endswith(PLURAL_ENDINGS) for form in forms)


@functools.lru_cache(maxsize=4096)
def case_twins(forms: frozenset[str]) -> frozenset[str]:
    """The normalized ``forms`` of a query word (itself and its clitic readings) that end
    as a sound masculine plural, each with the other case ending (المصريين: المصريون,
    مصريون), where the word has MIN_TWIN_STEM letters before its ending, the article not
    counted, and the other form is a listed word (TWIN_MIN_ZIPF), with or without the
    article (the list has الليبيون, not ليبيون)."""
    twins = set()
    for form in forms:
        for ending, other in zip(CASE_ENDINGS, reversed(CASE_ENDINGS)):
            base = form[:-len(ending)]
            bare = without_article(base, 1) or base
            if form.endswith(ending) and len(bare) >= MIN_TWIN_STEM and max(
                    word_zipf(bare + other), word_zipf(ARTICLE + bare + other)) >= TWIN_MIN_ZIPF:
                twins.add(base + other)
    return frozenset(twins - forms)
