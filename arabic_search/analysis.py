"""The one entry point for text analysis, shared by the indexer and the service.

``analyze(text)`` turns any text — a document passage or a user's query — into
:class:`Token` objects.  Each token keeps its original slice and offsets (for
highlighting) and carries every form we index: normalized word, clitic readings,
light stem, run-together parts and name keys.  Documents and queries go through
exactly the same function, so both sides always agree.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import asdict, dataclass

import regex

from .clitics import behind_article, clitic_readings
from .graphemes import latin_sounded
from .marbuta import HEH, dotted_form, redot
from .namekeys import MAX_KEYS, MAX_VOWEL_KEYS, arabic_keys, arabic_vowel_key, latin_keys, latin_vowel_keys
from .normalize import exact_form, hamza_free, is_arabic, normalize_word
from .scripts import ARABIC, LATIN, NUMBER
from .splitter import split_word
from .stemmer import light_stem
from .tokens import word_spans

# Latin words that carry no name information: Arabic articles written in Latin letters,
# assimilated too (al-Sarraj, el-Sisi, Adh-Dhariyat, Abd er-Rahman), the "son of" that
# glues a lineage (Ibn Baz, Ben Salem: بن has too few letters to be sought as a name),
# and common function words of English, French, Spanish, German
# (a query "AND" must not match بنود through the key ND).
# The Arabic article in Latin letters, assimilated too (ash-Shams, er-Rahman).
LATIN_ARTICLES = frozenset("""
al el ul ad adh as ash at ath az ar an ed edh er es esh et ez ud ur us ush ut uz""".split())
LATIN_PARTICLES = LATIN_ARTICLES | frozenset("""
bin ben ibn bint bou
a and or not the of in on to for by with from is are was be it this that
de du des la le les et en au aux un une sur pour par
y e o los las del con por
und der die das den dem von zu im mit
van da di do dos""".split())


# A number, with the separators tokens.py keeps inside one (11.1.3, 3,5).
_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class WordForms:
    """Every form one written word is known by: the one record behind the index fields
    (``documents.PASSAGE_FIELDS``), the query tiers (``tiers.py``) and ``/api/analyze``."""

    normalized: str      # orthographic normal form (see normalize.py)
    script: str          # scripts.ARABIC, LATIN or NUMBER
    exact: str = ""      # the written word without vowel marks: what the exact tier compares
    readings: tuple[str, ...] = ()  # clitic-stripped readings, whole word excluded
    stem: str = ""       # light stem (Arabic only)
    parts: tuple[str, ...] = ()     # run-together split (Arabic only), else empty
    keys: tuple[str, ...] = ()      # name keys, same space for Arabic and Latin
    variants: tuple[str, ...] = ()  # other normalized spellings (hamza seats: مسؤول/مسئول)
    vowel_keys: tuple[str, ...] = ()  # name keys with long vowels: rank lexicon candidates
    dotted: str = ""     # normalized, with the final ة the writer dotted (marbuta.py), else ''

    @property
    def dotted_readings(self) -> tuple[str, ...]:
        """The clitic readings with the final ة the writer dotted (بجدة: جدة), and those
        behind the article, which takes no pronoun, so that their final ه can only be a ة
        undotted (الناصره: ناصرة; ناصره alone is mostly "his supporter"): the index holds them
        beside the normalized ones (marbuta.py: بجده is "with his grandfather")."""
        if not self.normalized.endswith(HEH):
            return ()
        return tuple(redot(reading) for reading in self.readings
                     if self.dotted or behind_article(self.normalized, reading))


@dataclass(frozen=True)
class Token:
    """One word of the input at its place: the written text, its offsets and its forms."""

    text: str            # the word exactly as written (diacritics, tatweel...)
    start: int           # offsets into the analysed string: text == source[start:end]
    end: int
    forms: WordForms

    def __getattr__(self, name: str):
        """token.normalized, token.keys...: the forms' attributes, read through."""
        if name == "forms":  # not yet set (copy/pickle): no recursion
            raise AttributeError(name)
        return getattr(self.forms, name)

    def as_dict(self) -> dict:
        """JSON-ready form used by /api/analyze and the CLI."""
        return {"text": self.text, "start": self.start, "end": self.end, **asdict(self.forms)}


# Words repeat (Zipf), so the forms of a written word are cached: indexing is ~7x faster.
FORMS_CACHE_SIZE = 50_000
# One written code point may stand for a phrase (ﷺ); at most this many words come of it,
# so a hostile text cannot make analysis output grow without bound.
MAX_WORDS_PER_WRITTEN_WORD = 4


def _arabic_vowel_keys(normalized: str, exact: str) -> tuple[str, ...]:
    """Vowel keys of the word and its clitic readings.  Alef maksura is read as the vowel
    a it stands for (normalization folds it into ي): على (La) and علي, Ali (Li) differ."""
    source = normalize_word(exact.replace("ى", "ا")) if "ى" in exact else normalized
    if " " in source:  # a ligature that stands for a phrase: no name here
        return ()
    forms = (source, *clitic_readings(source))
    return tuple(dict.fromkeys(filter(None, map(arabic_vowel_key, forms))))


def _arabic_forms(normalized: str, variant: str | None, exact: str) -> WordForms:
    readings = tuple(clitic_readings(normalized))
    variants: tuple[str, ...] = ()
    if variant and variant != normalized:  # with the variant's own clitic readings
        variants = (variant, *clitic_readings(variant))
    return WordForms(normalized, ARABIC, exact, readings, light_stem(normalized),
                     tuple(split_word(normalized, readings)),
                     tuple(arabic_keys([normalized, *readings])), variants,
                     _arabic_vowel_keys(normalized, exact), dotted_form(normalized, exact))


def _other_forms(normalized: str, exact: str) -> WordForms:
    if _NUMBER.fullmatch(normalized):
        return WordForms(normalized, NUMBER, exact)
    if normalized in LATIN_PARTICLES:
        return WordForms(normalized, LATIN, exact)
    readings = (normalized, *filter(None, [latin_sounded(exact)]))
    return WordForms(normalized, LATIN, exact, keys=_latin_keys(readings, latin_keys, MAX_KEYS),
                     vowel_keys=_latin_keys(readings, latin_vowel_keys, MAX_VOWEL_KEYS))


def _latin_keys(readings: tuple[str, ...], keys_of, most: int) -> tuple[str, ...]:
    """The keys of a Latin word as normalized and as it sounds (graphemes.latin_sounded:
    Uşak is usak and ushak), the normalized word's first, at most ``most``."""
    keys = dict.fromkeys(key for reading in readings for key in keys_of(reading))
    return tuple(keys)[:most]


@functools.lru_cache(maxsize=FORMS_CACHE_SIZE)
def word_forms(word: str) -> tuple[WordForms, ...]:
    """Every form of one written word (several when one code point is a phrase: ﷺ)."""
    words = normalize_word(word).split()[:MAX_WORDS_PER_WRITTEN_WORD]
    variant = hamza_free(word) if len(words) == 1 else None
    exact = exact_form(word)
    return tuple(_arabic_forms(normalized, variant, exact) if is_arabic(normalized)
                 else _other_forms(normalized, exact) for normalized in words)


def written_words(text: str) -> Iterator[tuple[str, WordForms]]:
    """(written word, forms) for each word of ``text``: ``analyze`` without offsets or
    Token objects, for the indexer's hot loop."""
    for match in word_spans(text):
        original = text[match[0]:match[1]]
        for forms in word_forms(original):
            yield original, forms


def analyze(text: str) -> list[Token]:
    """Analyse ``text`` into tokens; offsets always point into ``text`` itself."""
    tokens: list[Token] = []
    for start, end in word_spans(text):
        original = text[start:end]
        for forms in word_forms(original):
            tokens.append(Token(original, start, end, forms))
    return tokens
