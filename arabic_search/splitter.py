"""Split run-together words (الولاياتالمتحدة -> الولايات + المتحده) with a vocabulary.

Bad sources drop the space between words.  We split a word only when it is not
itself a common word and when it can be cut into two or three common words.  The
vocabulary is the `wordfreq` Arabic list (CC-BY-SA data, shipped inside the PyPI
package, nothing fetched at run time), normalized with our own normalizer and
loaded lazily once per process.
"""
from __future__ import annotations

import functools

from .clitics import without_enclitic
from .normalize import normalize_word

# A word this frequent (Zipf scale: 3 = once per million words) is never split.
COMMON_ZIPF = 3.0
# Every part of a split must be at least this frequent...
PART_ZIPF = 3.5
# ...and short parts must be very frequent to be believed: two-letter parts (في, او)
# never are, they cut names apart (والدهاوسير -> والده + او + سير).
SHORT_PART_ZIPF = {2: 99.0, 3: 5.0}
MIN_WORD = 6
# Longer runs of letters are glued garbage, not two or three words: never split (the
# search over cut points grows with the square of the length).
MAX_WORD = 40
MAX_PARTS = 3


def _listed_words(least_zipf: float):
    """(Zipf, written word) of wordfreq's large Arabic list, commonest first, down to
    ``least_zipf``: the list is bucketed by centibels, bucket i holding words of frequency
    10**(-i/100), i.e. Zipf 9 - i/100."""
    import wordfreq  # imported lazily: it loads its data files

    last_bucket = int(round((9 - least_zipf) * 100))
    for bucket, words in enumerate(wordfreq.get_frequency_list("ar", wordlist="large")):
        if bucket > last_bucket:
            return
        value = round(9 - bucket / 100, 2)
        for word in words:
            yield value, word


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, float]:
    """Normalized Arabic word -> Zipf frequency, from wordfreq's large list.

    The project's one Arabic word-frequency list: splitting, ``names.py`` and
    ``likeness.py`` (how ordinary a word is) and the indexer's ``TermCounter``
    (function words) all read it here.  Rarer words than COMMON_ZIPF and PART_ZIPF
    never matter here.
    """
    zipf: dict[str, float] = {}
    for value, word in _listed_words(min(COMMON_ZIPF, PART_ZIPF)):
        zipf.setdefault(normalize_word(word), value)  # first seen = most frequent
    return zipf


# Words whose written ending is read (ending_zipfs) down to this Zipf value.
ENDING_ZIPF = 1.0
FINAL_LETTERS = ("ة", "ه")


@functools.lru_cache(maxsize=1)
def ending_zipfs() -> dict[str, tuple[float, float]]:
    """Normalized word less its final ة or ه -> (Zipf written with ة, Zipf written with ه),
    from the same list as :func:`vocabulary`, which folds the two (marbuta.py: جدة 4.83,
    جده "his grandfather" 4.3)."""
    zipfs: dict[str, list[float]] = {}
    for value, word in _listed_words(ENDING_ZIPF):
        if word[-1] in FINAL_LETTERS:
            pair = zipfs.setdefault(normalize_word(word[:-1]), [0.0, 0.0])
            ending = FINAL_LETTERS.index(word[-1])
            pair[ending] = pair[ending] or value  # first seen = most frequent
    return {stem: (pair[0], pair[1]) for stem, pair in zipfs.items()}


def word_zipf(word: str) -> float:
    """How common normalized Arabic ``word`` is (Zipf; 0 when rarer than the list goes):
    as itself, or as an ordinary word with a pronoun glued on, which the list mostly
    lacks (توازيها is توازي + ها, ارويها is اروي + ها: ordinary words, never names)."""
    vocab = vocabulary()
    base = without_enclitic(word)
    return max(vocab.get(word, 0.0), vocab.get(base, 0.0) if base else 0.0)


def part_zipf(part: str, vocab: dict[str, float] | None = None) -> float:
    """The word's Zipf value if it is common enough to be believed as a part of a glued
    word (a split part, or the word behind a clitic: readings.carried), else 0."""
    vocab = vocabulary() if vocab is None else vocab
    value = vocab.get(part, 0.0)
    needed = SHORT_PART_ZIPF.get(len(part), PART_ZIPF) if len(part) > 1 else 99.0
    return value if value >= needed else 0.0


def _segmentations(word: str, vocab: dict[str, float], parts_left: int):
    """Yield every cut of ``word`` into at most ``parts_left`` acceptable parts."""
    if part_zipf(word, vocab):
        yield [word]
    if parts_left <= 1:
        return
    for cut in range(2, len(word) - 1):
        if part_zipf(word[:cut], vocab):
            for tail in _segmentations(word[cut:], vocab, parts_left - 1):
                yield [word[:cut], *tail]


def _score(parts: list[str], vocab: dict[str, float]) -> float:
    """Weakest part's Zipf value, minus a penalty per extra part (fewer parts win ties)."""
    return min(vocab[part] for part in parts) - 0.75 * (len(parts) - 1)


def split_word(word: str, readings: tuple[str, ...] = ()) -> list[str]:
    """Parts of a run-together normalized word, or [] when it should stay whole.

    ``readings`` are the word's clitic readings: if one of them is a common word
    (والاستقرار -> الاستقرار) the word is not run-together.
    """
    if not MIN_WORD <= len(word) <= MAX_WORD:
        return []
    vocab = vocabulary()
    if any(vocab.get(form, 0.0) >= COMMON_ZIPF for form in (word, *readings)):
        return []
    splits = [parts for parts in _segmentations(word, vocab, MAX_PARTS) if len(parts) > 1]
    return max(splits, key=lambda parts: _score(parts, vocab)) if splits else []


# A query word of at least this many letters and under GUESSED_ZIPF may be a name run
# together that no word list knows (ماهاسارخام for ماها سارخام, طوزخورماتو, بورسعيد for
# بور سعيد, مهاباد for مه آباد: names are common words too, Port Said 3.9): each cut into
# two parts of GUESSED_PART letters or more is asked as two words in a row
# (exonym_tier.split_exonyms).  The words must stand together in a passage, so a wrong
# cut finds little; a commoner word is a word, never cut so.
MIN_GUESSED_WORD = 5
GUESSED_PART = 2
GUESSED_ZIPF = 4.0


def guessed_splits(word: str) -> list[tuple[str, str]]:
    """Every cut of the normalized ``word`` into two parts (see MIN_GUESSED_WORD)."""
    if not MIN_GUESSED_WORD <= len(word) <= MAX_WORD or word_zipf(word) >= GUESSED_ZIPF:
        return []
    return [(word[:cut], word[cut:]) for cut in range(GUESSED_PART, len(word) - GUESSED_PART + 1)]
