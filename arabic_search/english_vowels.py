"""Latin vowels read the way English sounds them, for words English text knows.

The alignment's costs are learned from names_dev.tsv (bench/learn_likeness.py), whose
Latin spellings are mostly of Arabic and European names: there i is ي, a is ا or unwritten,
u is و.  English sounds some vowels otherwise, and the Arabic press writes the sound:

* i and y as the diphthong اي: Biden = بايدن, Rice = رايس, Tyson = تايسون, Dwight = دوايت;
* a as ي: Gates = غيتس, Haley = هيلي, Kate = كيت;
* u as ا: Trump = ترامب, Musk = ماسك, Hunter = هانتر;
* ow as او: Powell = باول, Power = باور.

Read the learned way, "Joe Biden" found nothing in prose_msa.jsonl, which writes جو بايدن,
and Biden alone found بدن ("body") and بدين ("obese") instead.

A vowel is read so only where English would sound it so (:func:`english_vowel`), and
only in a word English text knows (:func:`known_in_english`: wordfreq, Zipf
ENGLISH_ZIPF or more; Biden 3.9, Trump 4.9, Haley 3.5).  Offered everywhere, a as ي let
absent names find other words on the tune half (Safed = سيفيد, Rehnān = الرهنين, none
known to English), and without the contexts Hassan would be حسين and Omar عمير, both
names English text knows.  The reading is one option more: a word the learned reading
spells keeps its confidence.
"""
from __future__ import annotations

import functools

from .fame import english_zipf
from .graphemes import ENGLISH, LATIN_VOWELS, latin_graphemes, latin_letters

# A Latin word this common in English text (wordfreq's Zipf scale) may be read as English sounds it.
ENGLISH_ZIPF = 3.0
# How Arabic writes each such vowel, and what that costs (the learned rows keep theirs).
OUTPUTS = {"i": ("اي",), "y": ("اي",), "a": ("ي",), "u": ("ا",), "ow": ("او",)}
COST = 2.0
# A closed u sounds otherwise before these: ur as in Turk, Kurd, Turner (ترك, كردي, تيرنر),
# u before sh or l as in Bush, Bull (بوش, بول; a doubled consonant is one letter here).
U_NOT_SHORT_A = ("r", "sh", "l")
# A vowel's "silent e" may sit this many consonants after it: Biden, Gates; Wilde, Clive.
MAGIC_E_CONSONANTS = {"i": 2, "y": 2, "a": 1}


GRAPHEMES_KEPT = 20_000


def known_in_english(word: str) -> bool:
    """True when English text knows the Latin word well enough (ENGLISH_ZIPF)."""
    return english_zipf(word) >= ENGLISH_ZIPF


def name_graphemes(word: str) -> tuple:
    """The graphemes the alignment reads a Latin name word as: english_graphemes for a
    word English text knows, else graphemes.latin_graphemes."""
    return english_graphemes(word) if known_in_english(word) else latin_graphemes(word)


@functools.lru_cache(maxsize=GRAPHEMES_KEPT)
def english_graphemes(word: str) -> tuple:
    """graphemes.latin_graphemes, each medial vowel English sounds otherwise (english_vowel)
    marked graphemes.ENGLISH (Biden's i): the alignment adds OUTPUTS to its learned row."""
    letters = latin_letters(word)
    return tuple(tuple((key + ENGLISH if key == letters[start:start + size]
                        and english_vowel(letters, start, key) else key, size)
                       for key, size in options)
                 for start, options in enumerate(latin_graphemes(word)))


def english_vowel(letters: str, start: int, group: str) -> bool:
    """True when the medial vowel ``group`` at ``start`` of ``letters`` (graphemes.latin_letters)
    is one English sounds as OUTPUTS writes it: i, y or a before a silent e (Biden, Rice,
    Wilde, Gates, Haley); i before gh or before a vowel, y between consonants (Dwight,
    Brian, Tyson); u in a closed syllable (Trump, Musk, Truss), not before r, sh or l
    (Turk, Bush, Bull); ow anywhere (Powell)."""
    if start == 0 or group not in OUTPUTS:
        return False
    rest = letters[start + len(group):]
    if group == "ow":
        return True
    if group == "u":
        return _closed(rest) and not rest.startswith(U_NOT_SHORT_A)
    if _before_silent_e(rest, MAGIC_E_CONSONANTS[group]):
        return True
    if group == "i":
        return rest.startswith("gh") or rest[:1] in ("a", "o")
    return group == "y" and rest[:1] != "" and rest[:1] not in LATIN_VOWELS


def _before_silent_e(rest: str, most: int) -> bool:
    """True when ``rest`` is 1 to ``most`` consonants, an e, and at most one letter more:
    -de, -des, -den, -ley, -ker (the e and what follows it ends the word)."""
    consonants = next((i for i, letter in enumerate(rest) if letter in LATIN_VOWELS), len(rest))
    tail = rest[consonants + 1:]
    return 1 <= consonants <= most and rest[consonants:consonants + 1] == "e" and len(tail) <= 1


def _closed(rest: str) -> bool:
    """True when a vowel followed by ``rest`` closes its syllable: two consonants follow
    it (Trump, Musk, Hunter), or one that ends the word (Truss, written trus)."""
    head = rest[:2]
    consonants = [letter for letter in head if letter not in LATIN_VOWELS]
    return len(consonants) == 2 or (len(rest) == 1 and len(consonants) == 1)
