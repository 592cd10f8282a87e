"""Generated evaluation queries (pure): absent names, nonsense strings, topical queries.

Everything is decided from the corpus text and a seeded ``random.Random``; the
same corpus and seed always give the same queries, whatever the service does.
Words are compared in ``arabic_text.normalize`` form, so "absent" means absent
in every hamza/ta-marbuta/vowel-mark spelling too, and with the clitics Arabic glues
to a word (``corpus_words.py``).
"""
from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable

import regex

from arabic_text import is_arabic, letter_count, normalize, words
from corpus_words import CorpusWords

LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
NONSENSE_LETTERS = (2, 6)   # letters per word
NONSENSE_WORDS = (1, 2)     # words per string
# The service's limits on a query (README): at most this many words and characters.
MAX_QUERY_WORDS = 12
MAX_QUERY_CHARS = 200
QUOTES = regex.compile(r'["“”«»]')
MINUS_SIGNS = "-\u2212"
SENTENCE_END = regex.compile(r"[.!?؟؛:\n]+")
# Topical queries: a word is rare when at most RARE_MAX_DF documents contain it,
# very common when it is among the COMMON_TOP most frequent words of the corpus.
RARE_MAX_DF = 5
COMMON_TOP = 50
MIN_CONTENT_LETTERS = 3
DISTINCTIVE_WORDS = (3, 5)


def document_frequencies(texts: Iterable[str]) -> Counter:
    """normalized word -> number of texts containing it."""
    df: Counter = Counter()
    for text in texts:
        df.update({normalize(w) for w in words(text)})
    return df


def text_absent(text: str, corpus: CorpusWords) -> bool:
    """True when ``text`` has words and none of them (normalized) occurs in the corpus."""
    found = words(text)
    return bool(found) and not any(corpus.has_word(w) for w in found)


def name_absent(latin: str, spellings: Iterable[str], corpus: CorpusWords) -> bool:
    """True when neither the Latin name nor any Arabic spelling occurs (as its word sequence).

    Single words of a longer name may occur (محمد of محمد الفلاني): see ``name_partly_present``.
    """
    spellings = list(spellings)
    return (bool(spellings) and bool(words(latin)) and not corpus.has_phrase(latin)
            and not any(corpus.has_phrase(s) for s in spellings))


def name_partly_present(latin: str, spellings: Iterable[str], corpus: CorpusWords) -> bool:
    """True when some word of the name (Latin or any spelling) occurs in the corpus."""
    return any(corpus.has_word(w) for text in (latin, *spellings) for w in words(text))


def plain_text(query: str) -> str:
    """``query`` without query-language syntax (quotes, a leading minus), spaces collapsed.

    The service reads "..." as a phrase and -word as an exclusion; stock ES does
    not.  Generated queries are plain words so that every system is asked the same thing.
    """
    return " ".join(token.lstrip(MINUS_SIGNS) for token in QUOTES.sub(" ", query).split()
                    if token.lstrip(MINUS_SIGNS))


def within_limits(query: str) -> bool:
    """True when the service accepts ``query`` (word and character limits)."""
    query = query.strip()
    return 0 < len(query) <= MAX_QUERY_CHARS and 0 < len(words(query)) <= MAX_QUERY_WORDS


def nonsense(rng: random.Random, alphabet: str) -> str:
    """1-2 words of 2-6 random letters of ``alphabet``."""
    return " ".join("".join(rng.choice(alphabet) for _ in range(rng.randint(*NONSENSE_LETTERS)))
                    for _ in range(rng.randint(*NONSENSE_WORDS)))


def sentences(body: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(body) if s.strip()]


def _content(word: str) -> bool:
    return is_arabic(word) and letter_count(word) >= MIN_CONTENT_LETTERS


def distinctive_query(body: str, df: Counter, rng: random.Random) -> str | None:
    """3-5 rare words (lowest document frequency) of one sentence, in sentence order."""
    candidates = []
    for sentence in sentences(body):
        rare = {w: df[normalize(w)] for w in words(sentence)
                if _content(w) and df[normalize(w)] <= RARE_MAX_DF}
        if len(rare) >= DISTINCTIVE_WORDS[0]:
            candidates.append((sentence, rare))
    if not candidates:
        return None
    sentence, rare = rng.choice(candidates)
    ranked = sorted(rare, key=lambda w: (rare[w], rng.random()))
    keep = set(ranked[:rng.randint(*DISTINCTIVE_WORDS)])
    ordered = list(dict.fromkeys(w for w in words(sentence) if w in keep))
    return " ".join(ordered)


def rare_common_query(body: str, df: Counter, common: frozenset[str],
                      rng: random.Random) -> str | None:
    """One rare word of the document and two of the corpus's most common words it contains."""
    doc_words = list(dict.fromkeys(words(body)))
    rare = [w for w in doc_words if _content(w) and df[normalize(w)] <= RARE_MAX_DF]
    frequent = list({normalize(w): w for w in doc_words if normalize(w) in common}.values())
    if not rare or len(frequent) < 2:
        return None
    picked = [rng.choice(rare), *rng.sample(frequent, 2)]
    rng.shuffle(picked)
    return " ".join(picked)


def most_common(df: Counter, top: int = COMMON_TOP) -> frozenset[str]:
    """The ``top`` normalized words found in the most documents."""
    return frozenset(word for word, _ in df.most_common(top))
