"""How likely a written word is a spelling of a query name: a confidence from 0 to 1.

Name keys (``namekeys.py``) find candidates: words whose consonant skeleton is the
query's.  A shared skeleton is weak evidence on real text (Libya and الوب, "the
Web", are both LB), so every candidate is aligned with the query, Latin grapheme
(``graphemes.py``) or Arabic letter against Arabic letter, at a cost learned from
real spellings (``data/likeness_costs.json``, built by ``bench/learn_likeness.py``
from names_dev.tsv): the cost of writing Latin ``g`` as Arabic ``ج`` is how much less
likely that is than g's most usual spelling, -ln P(ج | g) + ln max P(· | g).  So
Benghazi = بنغازي costs almost nothing, while Phuket = فقط pays for k = ق and t = ط,
each a rare choice, and Libya = لاعب for an ع that no Latin letter explains.

The cost per Arabic letter (at least :data:`MIN_NORM` letters: short names must
agree nearly exactly) is turned into a confidence.  A candidate that is a common
Arabic word pays more for each unexplained difference (a name query rarely means
فقط), but nothing when it spells the name exactly (محمد, علي, ليبيا are common too).
Pure functions, cached.
"""
from __future__ import annotations

import collections
import functools

from pyarabic import araby

from .alignment import align, arabic_units, cost_tables  # noqa: F401 (cost_tables: re-exported)
from .english_vowels import name_graphemes
from .graphemes import CONSONANT_GROUPS, LATIN_VOWELS, latin_letters
from .splitter import word_zipf
from .vowel_runs import SILENT_RUN, glide_unwritten, vowel_written_as_w

# Confidence = 1 - cost / (SCALE * max(letters, MIN_NORM)), costs in nats.
LATIN_SCALE = 6.0
ARABIC_SCALE = 5.0
MIN_NORM = 3
# Words more frequent than this (Zipf) pay this much more per unit of cost and Zipf step.
COMMON_ZIPF = 3.0
COMMON_WEIGHT = {"latin": 0.5, "arabic": 2.0}
# ... except, for a Latin query, a change of the word's shape: a Latin consonant left
# unwritten or an Arabic letter that no Latin letter explains (see reshaping).
RESHAPE_WEIGHT = {"latin": 5.0, "arabic": 2.0}
# Two Arabic spellings of one name share at least this share of their letters.
MIN_SHARED_LETTERS = 0.4
# Confidences below this are reported as 0: the alignment stops as soon as it is sure.
FLOOR = 0.5
# Arabic begins no word with two consonants: it writes an alef, with its vowel, before
# them (إدريس, إبراهيم, إسماعيل), which a Maghrebi Latin spelling leaves out (Driss,
# Brahim, Smail).  So a Latin word beginning with two consonants is also read with that
# vowel, at this factor: without it the alef was a letter added, which a common word pays
# dearly (Driss found درس and الضريس, not إدريس; Brahim nothing of إبراهيم's 4,500).
# The vowel left out must be the only difference: read with it, the word is spelt this
# surely, or a vowel dropped stacked on other doubts (Bris = أبرص "leprous", 0.88;
# Schertz = أشرت, Hlhol = الهول) let ordinary words through on prose.jsonl.
PROSTHETIC_VOWEL = "i"
PROSTHETIC_FACTOR = 0.95
PROSTHETIC_SURE = 0.95


def commonness(zipf: float, kind: str) -> float:
    """How much more each unexplained difference costs in a word this common (Zipf),
    rounded so that the weighted cost rows can be cached."""
    return round(1.0 + COMMON_WEIGHT[kind] * max(0.0, zipf - COMMON_ZIPF), 1)


def reshaping(zipf: float, kind: str) -> float:
    """How much more a letter added or a consonant dropped costs in a word this common.

    A transliteration is unsure of the letter chosen for a sound (t = ت or ط, a = ا or
    ع: Tarek = طارق, Said = سعيد are common words and common names), so for a Latin
    query such choices pay only COMMON_WEIGHT per Zipf step; but it shows every
    consonant, and Arabic writes every consonant: a common word that lacks one of the
    name's consonants, or has one the name lacks, is another word (Waldhauser is not
    والدار, Atbara not تعتبره, Nabilah not نبيل), so those pay RESHAPE_WEIGHT."""
    return round(1.0 + RESHAPE_WEIGHT[kind] * max(0.0, zipf - COMMON_ZIPF), 1)


def _scored(kind: str, source: tuple, target: str, letters: int, scale: float,
            zipf: float | None = 0.0, silent_initial: bool = True) -> float:
    """Confidence of the alignment; below FLOOR it is reported as 0 (not computed).
    ``zipf`` None: the words' commonness is not weighed (beside the rest of a name,
    where the word is a name: names.spelling_confidences)."""
    weighed = 0.0 if zipf is None else max(zipf, word_zipf(target))
    per_cost = _per_cost(letters, scale)
    cost = align(kind, source, target, limit=(1.0 - FLOOR) / per_cost,
                 common=commonness(weighed, kind), silent_initial=silent_initial,
                 reshaping=reshaping(weighed, kind))
    confidence = 1.0 - cost * per_cost
    return confidence if confidence >= FLOOR else 0.0


def _per_cost(letters: int, scale: float) -> float:
    """What one nat of cost takes off the confidence of a word of ``letters`` letters."""
    return 1.0 / (scale * max(letters, MIN_NORM))


@functools.lru_cache(maxsize=200_000)
def latin_arabic(latin: str, arabic: str, weigh_common: bool = True,
                 after_sun_article: bool = False, listed: str = "") -> float:
    """Confidence that normalized Arabic word ``arabic`` spells Latin word ``latin``.

    Arabic always writes a name's initial vowel (Ali = علي, Omar = عمر, Imane = ايمان):
    a Latin initial vowel may be left unwritten only when it is the vowel of an article
    whose ل is assimilated, ``arabic`` being read after it (``after_sun_article``:
    Eddine = الدين, Assarraj = السراج).  Before a moon letter the ل is sounded and a name
    writes it (Elfanan, not Afanan, for الفنان).  ``listed``: ``arabic`` as the word list
    has it when not itself (مستوا, مستوى read as it sounds, is as common as مستوى)."""
    source = name_graphemes(latin)
    if not source or not arabic:
        return 0.0
    zipf = word_zipf(listed) if listed else 0.0
    if not weigh_common and commonness(max(zipf, word_zipf(arabic)), "latin") == 1.0:
        return latin_arabic(latin, arabic, True, after_sun_article, listed)  # not common: the same
    written = _scored("latin", source, arabic, len(arabic), LATIN_SCALE,
                      zipf if weigh_common else None, silent_initial=after_sun_article)
    letters = latin_letters(latin)
    if written and (glide_unwritten(letters, arabic) or vowel_written_as_w(letters, arabic)):
        written = max(0.0, written - SILENT_RUN * _per_cost(len(arabic), LATIN_SCALE))
    if arabic.startswith(araby.ALEF) and _initial_cluster(latin):
        with_vowel = latin_arabic(PROSTHETIC_VOWEL + latin, arabic, weigh_common, after_sun_article, listed)
        if with_vowel >= PROSTHETIC_SURE:
            return max(written, PROSTHETIC_FACTOR * with_vowel)
    return written


def _initial_cluster(latin: str) -> bool:
    """True when a Latin word begins with two consonants that are not one sound (Dr, Br,
    Sm; not Sh, Kh, Th)."""
    letters = latin_letters(latin)
    return (len(letters) > 2 and letters[0] not in LATIN_VOWELS and letters[1] not in LATIN_VOWELS
            and letters[:2] not in CONSONANT_GROUPS)


@functools.lru_cache(maxsize=200_000)
def arabic_arabic(query: str, arabic: str, weigh_common: bool = True, listed: str = "") -> float:
    """Confidence that normalized Arabic word ``arabic`` is another spelling of ``query``.

    Being another spelling is symmetric, but one alignment is not: the learned table
    makes dropping a vowel letter cheap (ي written or not) and writing one in dear, so
    هيريمان -> رمان looked sure (0.96) and بندر -> بيندر did not (0.52).  The confidence
    is the mean of the two directions, each weighted by the commoner word: a near-equal
    pair stays sure both ways, a long word reduced to a short one does not."""
    if query == arabic:
        return 1.0
    if not query or not arabic:
        return 0.0
    letters = max(len(query), len(arabic))
    shared = sum((collections.Counter(query) & collections.Counter(arabic)).values())
    if shared < MIN_SHARED_LETTERS * letters:
        return 0.0  # each letter cheaply replaced is no spelling (زكثح is not سكته)
    # A common word must agree better, on either side: الحكومه is not الحكمه.
    zipf = max(word_zipf(query), word_zipf(listed or arabic))  # listed: see latin_arabic
    if not weigh_common and commonness(zipf, "arabic") == 1.0:
        return arabic_arabic(query, arabic, True, listed)  # neither is common: the same
    zipf = zipf if weigh_common else None
    there = _scored("arabic", arabic_units(query, True), arabic, letters, ARABIC_SCALE, zipf)
    if not there:
        return 0.0  # below FLOOR one way: the mean is below it too
    mean = (there + _scored("arabic", arabic_units(arabic, True), query, letters, ARABIC_SCALE, zipf)) / 2
    return mean if mean >= FLOOR else 0.0


# Latin against Latin (Waldhauser / Waldhausser): a plain weighted edit distance.
_LATIN_CLASSES = ("bp", "td", "szc", "kgqc", "fvw", "iey", "ou", "ao")
VOWEL_CHANGE = 0.3
CONSONANT_NEAR = 0.5
LATIN_FREE_LETTERS = 3


def _latin_swap(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if any(a in group and b in group for group in _LATIN_CLASSES):
        return VOWEL_CHANGE if a in "aeiouy" else CONSONANT_NEAR
    return 1.0


@functools.lru_cache(maxsize=50_000)
def latin_latin(query: str, word: str) -> float:
    """Confidence that Latin word ``word`` is another spelling of Latin ``query``: the
    cost is shared by the letters beyond the first LATIN_FREE_LETTERS, so a short word
    must be spelt exactly (Ga is not go, Ono is not one)."""
    if query == word:
        return 1.0
    a, b = latin_letters(query), latin_letters(word)
    previous = [float(j) for j in range(len(b) + 1)]
    for i, char_a in enumerate(a, 1):
        current = [float(i)]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j - 1] + _latin_swap(char_a, char_b),
                               previous[j] + 1.0, current[j - 1] + 1.0))
        previous = current
    return max(0.0, 1.0 - previous[-1] / max(1, max(len(a), len(b)) - LATIN_FREE_LETTERS))
