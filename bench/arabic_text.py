"""Plain-Python Arabic text handling for the evaluation, independent of the code under test.

The evaluation is a measuring instrument: which words a corpus contains, which
words are rare, and what counts as "the same word" must not move when the
service's analysis changes, so nothing here imports ``arabic_search``.

``normalize`` is the usual light normalization (vowel marks and tatweel removed,
hamza-carrying alefs -> ا, ى -> ي, ة -> ه, case folded).  ``light_analyze``
emulates Lucene's ``arabic`` analyzer (ArabicNormalizationFilter +
ArabicStemFilter; its stop-word list is left out), which the core-only test
server does not ship: the text is analysed here and indexed with the
``whitespace`` analyzer.
"""
from __future__ import annotations

import regex

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# Harakat (fathatan .. sukun), superscript alef and tatweel: dropped by normalize.
MARKS = regex.compile(r"[\u064B-\u0652\u0670\u0640]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
ARABIC_LETTER = regex.compile(r"\p{Arabic}")

# Lucene ArabicStemmer: prefixes tried in this order (first match wins), then every
# suffix in turn (several may go).  A prefix must leave 2 letters (و: the word needs 4);
# a suffix must leave 2.
STEM_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
STEM_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")
MIN_STEM = 2
MIN_WAW_WORD = 4


def words(text: str) -> list[str]:
    """The words of ``text`` as written (letters, marks and digits; punctuation splits)."""
    return WORD.findall(text)


def normalize(word: str) -> str:
    """The light normalized form used to compare words (see the module docstring)."""
    return MARKS.sub("", word).translate(FOLD).casefold()


def is_arabic(word: str) -> bool:
    return bool(ARABIC_LETTER.search(word))


def letter_count(word: str) -> int:
    """Letters of ``word`` without vowel marks and tatweel."""
    return len(MARKS.sub("", word))


def light_stem(word: str) -> str:
    """Lucene's ArabicStemmer on a normalized word."""
    for prefix in STEM_PREFIXES:
        shortest = MIN_WAW_WORD if len(prefix) == 1 else len(prefix) + MIN_STEM
        if len(word) >= shortest and word.startswith(prefix):
            word = word[len(prefix):]
            break
    for suffix in STEM_SUFFIXES:
        if len(word) >= len(suffix) + MIN_STEM and word.endswith(suffix):
            word = word[:-len(suffix)]
    return word


def light_analyze(text: str) -> str:
    """``text`` as the emulated ``arabic`` analyzer sees it: space-joined stems."""
    return " ".join(light_stem(normalize(word)) for word in words(text))
