"""Split text into word spans with offsets into the original string.

A span is a maximal run of letters, combining marks, digits and in-word format
characters (ZWNJ, ZWJ, soft hyphen, BOM).  Everything else — spaces, Arabic and
Latin punctuation (، ؛ ؟ “ ” « »), hyphens, apostrophes, bidi controls — separates
words.  Offsets are into the string exactly as given, so a match can be
highlighted in the original text, diacritics and all.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

# \p{L} letters (tatweel is Lm), \p{M} marks, \p{N} digits; in-word format chars.
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}\u200c\u200d\u00ad\ufeff]+")
# A run that starts with marks only (a stray haraka after punctuation) is still a word
# if it contains a letter or digit.
_HAS_BASE = regex.compile(r"[\p{L}\p{N}]")


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of every word in ``text``; ``text[start:end]`` is the word."""
    for match in _WORD.finditer(text):
        if _HAS_BASE.search(match.group()):
            yield match.start(), match.end()
