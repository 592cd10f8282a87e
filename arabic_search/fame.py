"""How well known a Latin word is in Latin-script text (wordfreq's Zipf scale).

A name's transliteration is about as common in Arabic text as the name is in Latin
text: Trump / ترامب, Bill / بيل, Nick / نيك are common on both sides.  An Arabic word
far commoner than the Latin word it spells owes its frequency to being an Arabic word
of its own: Calama / كلمة ("word"), Toride / تريد ("she wants"), Talay / التالي ("the
next") (other_words._no_name).  The most over the languages whose Latin spellings of names a
corpus of Arabic news meets; wordfreq's small lists (bundled in the package, nothing
fetched), loaded once per process.

A famous name has one spelling the Arabic press has settled on (Putin = بوتين, Biden =
بايدن): ``data/world_spellings.tsv.gz`` (scripts/build_world_spellings.py, from Wikidata's
people) gives it for the Latin words that Latin text knows (WORLD_ZIPF), and a sound-alike
far from it is another word (other_words._not_as_the_world_writes).
"""
from __future__ import annotations

import functools
from pathlib import Path

from .spelling_tables import read_table

ENGLISH = "en"
LANGUAGES = (ENGLISH, "fr", "es", "de", "it", "pt", "tr", "id")
WORDS_KEPT = 20_000
WORLD_FILE = Path(__file__).resolve().parent / "data" / "world_spellings.tsv.gz"
# A Latin word this common (Zipf) in Latin text is well known; the table keeps no other.
WORLD_ZIPF = 3.0


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


@functools.cache
def _world_table() -> dict[str, tuple[int, frozenset[str]]]:
    """Latin word (normalized) -> (times seen, the Arabic spellings Wikidata's people give it)."""
    return read_table(WORLD_FILE)


@functools.cache
def _world_written() -> frozenset[str]:
    """Every Arabic spelling of the table (normalized)."""
    return frozenset(spelling for _seen, spellings in _world_table().values()
                     for spelling in spellings)


def world_spelt(forms) -> bool:
    """True when one of the Arabic ``forms`` (normalized) is how the world writes a
    well-known Latin name word: ترامب, ميركل, وليامز (other_words.another_arabic_word)."""
    return not _world_written().isdisjoint(forms)


def world_spellings(latin: str) -> frozenset[str]:
    """How the world writes the well-known Latin name word ``latin`` (normalized) in
    Arabic (normalized): بوتين for putin; none for a word the table does not hold."""
    return _world_table().get(latin, (0, frozenset()))[1]
