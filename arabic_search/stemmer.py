"""A light Arabic stemmer (after Larkey's light10), gentler on names.

Why not Snowball: PyStemmer's Arabic stemmer, measured on our seed, maps
فلسطين -> لسط, الولايات -> ولا and وزارة -> زار; Lucene's light stemmer also turns
وزارة into زار.  Both strip a leading و that is part of the word.  Conjunctions and
prepositions are already handled by clitic readings, so this stemmer only removes
the article family (ال وال بال كال فال لل) and common suffixes, and always leaves
at least three letters.  Its output lives in its own field, ranked below exact and
normalized matches.
"""
from __future__ import annotations

PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
MIN_STEM = 3


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
