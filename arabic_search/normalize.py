"""Orthographic normalization of Arabic (and Latin) words.

One function, :func:`normalize_word`, decides what "the same spelling" means for the
whole project: the indexer applies it to documents and the service to queries.

We use pyarabic's letter constants for readability, but not its normalizers: its
``normalize_alef`` also folds ى into ا, ``normalize_hamza`` turns every hamza into ء
by default and ``strip_tashkeel`` keeps U+0670 (superscript alef) and tatweel.  The
pipeline below is NFKC (presentation forms, lam-alef ligatures) -> casefold ->
NFKD and drop every combining mark (harakat, shadda, sukun, tanween, U+0670,
Quranic marks, Latin accents and the hamza/madda on alef, waw and yeh) -> a small
letter map (ٱ, ى, ة, Persian/Urdu letters, digits) -> NFC.  The ى of a few function
words is kept (على is not the name علي).
"""
from __future__ import annotations

import functools
import unicodedata

import regex
from pyarabic import araby

from .clitics import CONJUNCTIONS

# Letters that survive NFKD but still need folding.
_LETTER_MAP = {
    "\u0671": araby.ALEF,            # ٱ alef wasla
    "\u0672": araby.ALEF, "\u0673": araby.ALEF, "\u0675": araby.ALEF,
    araby.ALEF_MAKSURA: araby.YEH,   # ى -> ي
    araby.TEH_MARBUTA: araby.HEH,    # ة -> ه
    "\u06c0": araby.HEH, "\u06c1": araby.HEH, "\u06d5": araby.HEH,  # ۀ ہ ە
    "\u06be": araby.HEH,             # Urdu heh doachashmee ھ
    "\u06a9": araby.KAF,             # Persian keheh ک -> ك
    "\u06cc": araby.YEH,             # Farsi yeh ی -> ي
    "\u06d2": araby.YEH,             # Urdu yeh barree ے
    "\u06af": araby.KAF,             # gaf گ (foreign g) -> ك
    "\u06a4": araby.FEH,             # veh ڤ (foreign v) -> ف
    "\u067e": araby.BEH,             # peh پ (foreign p) -> ب
    "\u0686": araby.JEEM,            # tcheh چ -> ج
    araby.TATWEEL: "",
    # apostrophes inside Latin words (M'hamed = Mhamed); see tokens.APOSTROPHES
    "'": "", "\u2019": "", "\u2018": "", "\u02bc": "", "`": "", "\u00b4": "",
}
# Arabic-Indic (U+0660..) and Persian (U+06F0..) digits -> ASCII.
_LETTER_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})
# The Arabic decimal and thousands separators inside a number (١٢٫٥) -> "." and ",".
_LETTER_MAP.update({"\u066b": ".", "\u066c": ","})
_LETTER_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})
_TRANSLATION = str.maketrans(_LETTER_MAP)

# Function words written with a final ى keep it, alone or behind و / ف (وعلى, فإلى):
# folded into ي, as every other ى is (مصطفى = مصطفي, as Egyptian print writes it), the
# preposition على ("on", in 10,051 of the 36,419 documents of prose.jsonl) was the name
# علي (Ali, in 4,329): "علي" returned 13,460 documents, most of them for على.
MAKSURA_FUNCTION_WORDS = frozenset("على الى حتى متى لدى".split())
_KEEPS_MAKSURA = regex.compile(f"[{''.join(CONJUNCTIONS)}]?"
                               f"(?:{'|'.join(sorted(MAKSURA_FUNCTION_WORDS))})")

# Quranic annotation signs that are not combining marks (small high letters, etc.).
_QURANIC = {chr(c) for c in range(0x06D6, 0x06EE)} | {chr(c) for c in range(0x0610, 0x061B)}


def _keep(char: str) -> bool:
    """False for combining marks, format/bidi controls and Quranic annotation signs."""
    category = unicodedata.category(char)
    return not (category.startswith("M") or category == "Cf" or char in _QURANIC)


# Distinct words whose normal form is kept: explaining a result page normalizes every word
# of its passages (~350 per search, most of them seen before), 4 Unicode passes each.
NORMALIZED_KEPT = 1 << 16


@functools.lru_cache(maxsize=NORMALIZED_KEPT)
def normalize_word(word: str) -> str:
    """Return the search form of one word: no marks, unified letters, lower-case Latin.

    The result may contain spaces when a single code point stands for a phrase
    (ﷺ -> صلى الله عليه وسلم); callers split on whitespace.  Memoised: a pure function
    of the word.
    """
    text = unicodedata.normalize("NFKC", word).casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if _keep(char))
    folded = text.translate(_TRANSLATION)
    if _KEEPS_MAKSURA.fullmatch(text):
        folded = folded[:-1] + araby.ALEF_MAKSURA
    return unicodedata.normalize("NFC", folded)


# Vowel marks and tatweel: what "exact" ignores (hamza forms, ة and ى still count).
_VOWEL_MARKS = regex.compile("[\u064b-\u0652\u0656-\u065f\u0670\u0640\u06d6-\u06ed"
                             "\u0610-\u061a\u200c\u200d\u00ad\ufeff]")


def exact_form(word: str) -> str:
    """The word as written, minus vowel marks and tatweel: مُحَمَّد and محمد are the same
    exact spelling (marks are optional in Arabic), أحمد and احمد are not."""
    return _VOWEL_MARKS.sub("", unicodedata.normalize("NFC", word))


# A hamza (ء ؤ ئ) written before the long vowel و.
_HAMZA_BEFORE_WAW = regex.compile("[\u0621\u0624\u0626](?=\u0648)")


def hamza_free(word: str) -> str | None:
    """The word without a hamza seated before و, or None if it has no such hamza.

    Writers seat that hamza differently: مسؤول, مسئول, مسءول; شؤون, شئون.  Folding ؤ
    to و and ئ to ي (as normalize_word does, so that فائز = فايز) still leaves مسوول
    and مسيول apart; this second form, مسول for all three, brings them together.
    """
    composed = unicodedata.normalize("NFC", word)
    if not _HAMZA_BEFORE_WAW.search(composed):
        return None
    return normalize_word(_HAMZA_BEFORE_WAW.sub("", composed))


def is_arabic(word: str) -> bool:
    """True when the (normalized) word is written in Arabic letters."""
    return any("\u0620" <= char <= "\u064a" or "\u066e" <= char <= "\u06d3" for char in word)
