"""How likely a written word is a spelling of a query name: a confidence from 0 to 1.

Name keys (``namekeys.py``) find candidates: words whose consonant skeleton is the
query's.  A shared skeleton is weak evidence on real text (Libya and الوب, "the
Web", are both LB), so every candidate is then aligned with the query, sound by
sound, consonants *and* vowels, with costs that follow how names are really spelt
across and within the scripts:

* a Latin short vowel that Arabic does not write costs little (Muhammad / محمد),
  but not at the start of a word, where Arabic always writes one (Ali / علي, not لي);
* an Arabic long vowel that the Latin does not write costs more;
* ع and ء may stand for a Latin vowel or for nothing (Saad / سعد);
* consonants of one class but different Arabic letters (س ص ز, ك ق ج غ) are cheap
  between two Arabic spellings; consonants of other classes are expensive.

The cost is divided by the number of consonants (short names need near-exact
agreement) and turned into a confidence; words that are very common in Arabic must
agree better (a name query rarely means فقط).  Pure functions, cached.
"""
from __future__ import annotations

import functools
import itertools

from anyascii import anyascii

from .namekeys import ARABIC_CLASSES, latin_alternatives
from .splitter import vocabulary

# Sound symbols: consonant classes are upper case (namekeys), vowels are a/i/u, E is ع/ء.
VOWELS = frozenset("aiu")
GLOTTAL = "E"
_ARABIC_VOWELS = {"ا": "a", "ي": "i", "و": "u", "ى": "i"}
_ARABIC_GLOTTALS = frozenset("عء")

# Costs of aligning one sound with another or with nothing.
VOWEL_SWAP = 0.25            # a / i / u for one another (Latin e, o...)
LATIN_VOWEL_GAP = 0.15       # a Latin vowel that Arabic leaves unwritten (short vowel)
EDGE_VOWEL_GAP = 0.6         # ...at the start of the word, where Arabic writes ا or ع
FINAL_VOWEL_GAP = 0.35       # ...at the end, where Arabic usually writes ا ي و ه
LONG_VOWEL_GAP = 0.35        # ...next to another vowel (ai, ou, ee: a long vowel or diphthong)
ARABIC_VOWEL_GAP = 0.5       # an Arabic long vowel with no vowel in the other spelling
GLOTTAL_GAP = 0.2            # ع / ء with nothing opposite
GLOTTAL_VOWEL = 0.1          # ع / ء for a vowel (Saad / سعد)
H_GAP = 0.4                  # a silent h (Latin) or a dropped ه / ح
CONSONANT_GAP = 1.0
CONSONANT_SWAP = 1.0         # consonants of different classes
NEAR_SWAP = 0.6              # classes that foreign names mix (T/D, S/X, K/H, B/F)
LETTER_SWAP = 0.4            # one class, two Arabic letters (س/ص/ز, ت/ط, ك/ق/ج)
_NEAR = {frozenset(pair) for pair in ("TD", "SX", "KH", "BF", "SD", "TS")}

# The cost is divided by the consonant count, at least this (short names must agree).
MIN_NORM = 2.5
# Words at least this frequent in Arabic (Zipf) must agree better, by this much per unit.
COMMON_ZIPF = 4.0
COMMON_PENALTY = 0.08
# Latin alternatives (digraph readings) tried per word.
MAX_LATIN_READINGS = 8


@functools.lru_cache(maxsize=50_000)
def arabic_sounds(word: str) -> tuple[tuple[str, str], ...]:
    """(symbol, letter) per letter of a normalized Arabic word (initial و is the consonant F)."""
    sounds: list[tuple[str, str]] = []
    for position, letter in enumerate(word):
        if letter == "و" and position == 0:
            sounds.append(("F", letter))
        elif letter == "ه" and position == len(word) - 1 and position > 1:
            sounds.append(("a", letter))  # ta marbuta / final -ah
        elif letter in ARABIC_CLASSES:
            sounds.append((ARABIC_CLASSES[letter], letter))
        elif letter in _ARABIC_VOWELS:
            sounds.append((_ARABIC_VOWELS[letter], letter))
        elif letter in _ARABIC_GLOTTALS:
            sounds.append((GLOTTAL, letter))
    return tuple(_collapse(sounds))


def _collapse(sounds):
    """Repeated consonants are one sound (Sarraj: rr; shadda is unwritten in Arabic)."""
    for sound, _group in itertools.groupby(sounds, key=lambda pair: pair):
        yield sound


@functools.lru_cache(maxsize=20_000)
def latin_sounds(word: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    """Every reading of a Latin word as sounds (ambiguous digraphs give several)."""
    ascii_word = "".join(c for c in anyascii(word).lower() if "a" <= c <= "z")
    readings: dict[tuple, None] = {}
    pieces = latin_alternatives(ascii_word, vowels=True)
    for combo in itertools.islice(itertools.product(*pieces), MAX_LATIN_READINGS):
        symbols = [(char, "") for piece in combo for char in piece]
        readings.setdefault(tuple(_collapse(symbols)))
    return tuple(readings)


def _gap_costs(sounds: tuple) -> list[float]:
    """Cost of leaving each sound of a sequence unmatched (depends on its neighbours)."""
    costs = []
    for position, (symbol, letter) in enumerate(sounds):
        if symbol in VOWELS and letter:  # an Arabic long vowel
            costs.append(ARABIC_VOWEL_GAP)
        elif symbol in VOWELS:  # a Latin vowel
            beside_vowel = any(0 <= n < len(sounds) and sounds[n][0] in VOWELS
                               for n in (position - 1, position + 1))
            costs.append(EDGE_VOWEL_GAP if position == 0 else
                         FINAL_VOWEL_GAP if position == len(sounds) - 1 else
                         LONG_VOWEL_GAP if beside_vowel else LATIN_VOWEL_GAP)
        elif symbol == GLOTTAL:
            costs.append(GLOTTAL_GAP)
        else:
            costs.append(H_GAP if symbol == "H" else CONSONANT_GAP)
    return costs


def _swap(a: tuple[str, str], b: tuple[str, str]) -> float:
    (sa, la), (sb, lb) = a, b
    if sa == sb:
        return LETTER_SWAP if la and lb and la != lb and sa not in VOWELS else 0.0
    if sa in VOWELS and sb in VOWELS:
        return VOWEL_SWAP
    if GLOTTAL in (sa, sb) and (sa in VOWELS or sb in VOWELS):
        return GLOTTAL_VOWEL
    if sa in VOWELS or sb in VOWELS or GLOTTAL in (sa, sb):
        return CONSONANT_SWAP
    return NEAR_SWAP if frozenset((sa, sb)) in _NEAR else CONSONANT_SWAP


def alignment_cost(a: tuple, b: tuple) -> float:
    """Weighted edit distance between two sound sequences (see the module docstring)."""
    gaps_a, gaps_b = _gap_costs(a), _gap_costs(b)
    previous = [0.0]
    for gap in gaps_b:
        previous.append(previous[-1] + gap)
    for sound_a, gap_a in zip(a, gaps_a):
        current = [previous[0] + gap_a]
        for j, sound_b in enumerate(b):
            current.append(min(previous[j] + _swap(sound_a, sound_b),
                               previous[j + 1] + gap_a,
                               current[j] + gaps_b[j]))
        previous = current
    return previous[-1]


def _consonants(sounds: tuple) -> int:
    return sum(1 for symbol, _ in sounds if symbol not in VOWELS and symbol != GLOTTAL)


def _confidence(a: tuple, b: tuple) -> float:
    norm = max(_consonants(a), _consonants(b), MIN_NORM)
    return max(0.0, 1.0 - alignment_cost(a, b) / norm)


def commonness_penalty(arabic_word: str) -> float:
    """How much better a very common Arabic word must agree to count as the name."""
    zipf = vocabulary().get(arabic_word, 0.0)
    return max(0.0, zipf - COMMON_ZIPF) * COMMON_PENALTY


@functools.lru_cache(maxsize=200_000)
def latin_arabic(latin: str, arabic: str) -> float:
    """Confidence that normalized Arabic word ``arabic`` spells Latin word ``latin``."""
    target = arabic_sounds(arabic)
    if not target:
        return 0.0
    best = max((_confidence(reading, target) for reading in latin_sounds(latin)), default=0.0)
    return max(0.0, best - commonness_penalty(arabic))


@functools.lru_cache(maxsize=200_000)
def arabic_arabic(query: str, arabic: str) -> float:
    """Confidence that normalized Arabic word ``arabic`` is another spelling of ``query``."""
    if query == arabic:
        return 1.0
    a, b = arabic_sounds(query), arabic_sounds(arabic)
    if not a or not b:
        return 0.0
    return max(0.0, _confidence(a, b) - commonness_penalty(arabic))


@functools.lru_cache(maxsize=50_000)
def latin_latin(query: str, word: str) -> float:
    """Confidence that Latin word ``word`` is another spelling of Latin ``query``
    (Waldhauser / Waldhausser): the best pair of their readings."""
    if query == word:
        return 1.0
    return max((_confidence(a, b) for a in latin_sounds(query) for b in latin_sounds(word)),
               default=0.0)
