"""How well known a Latin word is in Latin-script text (wordfreq's Zipf scale).

A name's transliteration is about as common in Arabic text as the name is in Latin
text: Trump / ترامب, Bill / بيل, Nick / نيك are common on both sides.  An Arabic word
far commoner than the Latin word it spells owes its frequency to being an Arabic word
of its own: Calama / كلمة ("word"), Toride / تريد ("she wants"), Talay / التالي ("the
next") (other_words._no_name).  The most over the languages whose Latin spellings of names a
corpus of Arabic news meets; wordfreq's small lists (bundled in the package, nothing
fetched), loaded once per process.
"""
from __future__ import annotations

import functools

ENGLISH = "en"
LANGUAGES = (ENGLISH, "fr", "es", "de", "it", "pt", "tr", "id")
WORDS_KEPT = 20_000


@functools.lru_cache(maxsize=WORDS_KEPT)
def latin_zipf(word: str) -> float:
    """Zipf frequency of Latin ``word`` (any case) in the language where it is commonest."""
    return max(_zipf(word, language) for language in LANGUAGES)


def english_zipf(word: str) -> float:
    """Zipf frequency of Latin ``word`` (any case) in English (english_vowels.py)."""
    return _zipf(word, ENGLISH)


@functools.lru_cache(maxsize=WORDS_KEPT * len(LANGUAGES))
def _zipf(word: str, language: str) -> float:
    import wordfreq  # imported lazily: it loads its data files

    return wordfreq.zipf_frequency(word.lower(), language, wordlist="small")
