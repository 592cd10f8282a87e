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

# \p{L} letters (tatweel is Lm), \p{M} marks, \p{N} digits; in-word format chars.  A run
# must hold at least one letter or digit: a stray haraka after punctuation is no word.
# An apostrophe between two Latin letters stays inside the word: M'hamed, Sa'ad, O'Brien
# (in Arabic text the same marks are quotes: و‘لا’ is two words).
_IN_WORD = r"[\p{L}\p{M}\p{N}\u200c\u200d\u00ad\ufeff]"
APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
# A full stop or comma between two digits stays inside the number, as in Unicode's word
# boundaries (UAX #29) and Elasticsearch's standard tokenizer: section 11.1.3, 3,5, v1.2
# (split, "11.1.3" and "11.1.4" would be the same words).  Arabic decimal/thousands too.
NUMBER_JOINERS = ".,\u066b\u066c"
_WORD = regex.compile(rf"[\p{{M}}\u200c\u200d\u00ad\ufeff]*[\p{{L}}\p{{N}}]{_IN_WORD}*"
                      rf"(?:(?:(?<=\p{{Latin}})[{APOSTROPHES}](?=\p{{Latin}})"
                      rf"|(?<=\p{{N}})[{NUMBER_JOINERS}](?=\p{{N}})){_IN_WORD}+)*")


def word_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of every word in ``text``; ``text[start:end]`` is the word."""
    return (match.span() for match in _WORD.finditer(text))
