"""A final ة written ه: the same word misspelt, or another word with the pronoun "his".

Writers often leave the dots off a final ة (غزه for غزة, مصراته for مصراتة), so
``normalize_word`` folds ة into ه and the two spellings are one.  But a word ending in ه
is also a word with the pronoun ه ("his", "him") glued on, and for some names that
reading is the commoner one by far: جده is "his grandfather" (Jeddah is جدة), عنه
"about him" (Anah is عنة), رحمه "had mercy on him" (Rahma is رحمة).  The Latin query
"Jeddah" found 614 documents of prose.jsonl, its top ten all "his grandfather"; "Ana"
found 3,802, all "about him".

Where a name's ة written ه is another word (:func:`heh_is_another_word`), a written ه
is not the name: only a written ة is (``exonym_tier.py`` asks the ``exact`` field for the
name's ة-spellings, :func:`marbuta_spellings`; ``other_words.py`` refuses the ه-spelling
for a Latin name ending in a vowel).  So for an Arabic query word written with ة
(:func:`dots_meant`: صديقة "female friend" is not صديقه "his friend"): the index holds
each word written with ة and its clitic readings with their ة too (:func:`dotted_form`,
:func:`redot`), and the tiers ask those.  The frequencies are wordfreq's Arabic list read
by written ending (``splitter.ending_zipfs``).  Pure functions.
"""
from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterable

from pyarabic import araby

from .clitics import ARTICLE
from .normalize import normalize_word
from .splitter import ending_zipfs, vocabulary, word_zipf

HEH = araby.HEH
TEH_MARBUTA = araby.TEH_MARBUTA
# The ه-spelling is another word when what precedes the ه is a word (Zipf, as a part of a
# glued word: splitter.PART_ZIPF) and the ه-spelling takes at least this share of the two
# spellings' uses.  Where what precedes the ه is no word, the ه-spelling can only be the
# ة-word misspelt, and its share is the share of careless writing: under 0.19 for 98 % of
# the 5,906 such words of wordfreq's list that are common (Zipf 3 or more) with ة (median
# 0.02; غزه 0.03 of Gaza's uses, مصراته 0.34 of Misrata's, in Libyan print).  جده takes
# 0.23 of جدة's, عنه 0.99 of عنة's, رحمه 0.49 of رحمة's; ساره (Sarah, 0.14), عاليه (Aley,
# 0.07) and طيبه (Taybeh, 0.07) are still the name misspelt.
OWN_WORD_SHARE = 0.2
STEM_ZIPF = 3.5
# A word of two letters at least: the list counts single letters too (ط), and طه is Taha.
MIN_STEM = 2
# ـيه is ـية without its dots far more often than a word in ي with the pronoun: the
# feminine and nisba ending of names (ماريه Maria, جونيه Jounieh, رقيه, عاليه), whose ي-stem
# is often a name or word of its own (ماري, جوني, رقي).
NISBA_HEH = "يه"
# How a hamza seat may be written where normalization writes its plain letter: the
# exact field keeps them apart (أحمد is not احمد there), so a name asked there is asked in
# each of them.  A word with more combinations than this is asked as normalized only.
HAMZA_SEATS = {"ا": "اأإآ", "و": "وؤ", "ي": "يئ"}
MAX_SPELLINGS = 64
# A query word's written ة is meant (the word in ة, not the ه-word with stray dots) when
# the ة-spelling takes at least this share of the two spellings' uses.  Writers dot a ه
# that is no ة far more seldom than they leave a ة undotted: هذة takes 0.012 of هذه's
# uses, منة 0.013 of منه's, نفسة 0.011, اسمة 0.007: of the 40 words of wordfreq's list
# (Zipf 2.5 or more) whose ه-spelling is another word and whose ة-spelling takes under
# 0.04, all but a few (غضبة, فعلة) are the ه-word misspelt.  A word of its own in ة takes
# more (عمرة "Umrah" 0.043, بينة "evidence" 0.075, عملة "currency" 0.15, جدة 0.76).
MEANT_SHARE = 0.04


def heh_is_another_word(form: str) -> bool:
    """True when the normalized ``form`` (ending in ه) written with ه is mostly another word
    than the same word written with ة (OWN_WORD_SHARE): جده, عنه, رحمه; not غزه, مصراته.
    Never a word with the article, which takes no pronoun (المدينه is المدينة), nor one
    ending in يه (NISBA_HEH)."""
    if not form.endswith(HEH) or form.startswith(ARTICLE) or form.endswith(NISBA_HEH):
        return False
    stem = form[:-1]
    if len(stem) < MIN_STEM or vocabulary().get(stem, 0.0) < STEM_ZIPF:
        return False
    with_marbuta, with_heh = ending_zipfs().get(stem, (0.0, 0.0))
    return _share(with_heh, with_marbuta) >= OWN_WORD_SHARE


@functools.lru_cache(maxsize=1024)
def marbuta_spellings(form: str) -> frozenset[str]:
    """The exact (written) spellings of the normalized ``form`` with a final ة: each of its
    hamza seats written either way (HAMZA_SEATS), at most MAX_SPELLINGS of them (the
    empty set beyond: too many to ask)."""
    if not form.endswith(HEH):
        return frozenset()
    choices = [HAMZA_SEATS.get(letter, letter) for letter in form[:-1]]
    if math.prod(map(len, choices)) > MAX_SPELLINGS:
        return frozenset()
    return frozenset("".join(letters) + TEH_MARBUTA for letters in itertools.product(*choices))


def redot(form: str) -> str:
    """A normalized form with the ة its final ه was folded from put back: جده -> جدة.
    The index holds such forms beside the normalized ones (documents.PASSAGE_FIELDS); no
    normalized form holds a ة, so the two never meet."""
    return form[:-1] + TEH_MARBUTA if form.endswith(HEH) else form


def dotted_form(normalized: str, exact: str) -> str:
    """The normalized word with the final ة its writer dotted (جدة), '' when the written
    word (``exact``) does not end in ة."""
    return redot(normalized) if exact.endswith(TEH_MARBUTA) and normalized.endswith(HEH) else ""


def _share(zipf: float, other_zipf: float) -> float:
    """One spelling's share of the uses of two (Zipf values; 0 is unlisted, no use)."""
    if not zipf:
        return 0.0
    return 10 ** zipf / (10 ** zipf + 10 ** other_zipf) if other_zipf else 1.0


def _dotted_share(form: str) -> float:
    """The ة-spelling's share of the uses of the normalized ``form`` spelt with ة or ه."""
    with_marbuta, with_heh = ending_zipfs().get(form[:-1], (0.0, 0.0))
    return _share(with_marbuta, with_heh)


def dots_meant(forms: Iterable[str]) -> bool:
    """True when a query word written with a final ة is that word only as so written: one
    of its normalized ``forms`` (the word, a clitic reading) written with ه is another word
    (:func:`heh_is_another_word`: صديقة is not صديقه "his friend", بجدة not بجده "with his
    grandfather"), and its ة-spelling a word of its own (MEANT_SHARE), not that word with
    stray dots (هذة is هذه)."""
    return any(heh_is_another_word(form) and _dotted_share(form) >= MEANT_SHARE for form in forms)


def written_zipf(word: str) -> float:
    """How common a word is as spelt: written with a final ة, by that spelling's own Zipf
    value (عنة 3.24, where the folded عنه is 6.77); else as splitter.word_zipf says."""
    if word.endswith(TEH_MARBUTA):
        return ending_zipfs().get(normalize_word(word[:-1]), (0.0, 0.0))[0]
    return word_zipf(normalize_word(word))


def dots_tell(written: str) -> bool:
    """True when a written word's final ة is all that tells it from another word: its
    ه-spelling is one (heh_is_another_word: جدة, not جده "his grandfather").  A field
    that holds normalized forms only cannot ask for it (titles.py)."""
    return written.endswith(TEH_MARBUTA) and heh_is_another_word(normalize_word(written))


# What another spelling of a word may end with where the writer wrote a final ة: ه or ة
# (غزه), ت (a ta sounded: نجاة, Najet), a long vowel (فاطما) or the ء of -اء (خضرة, خضراء).
MARBUTA_PARTNERS = frozenset("هةتاىيوء")


def ending_apart(query_exact: str, word_dotted: str) -> bool:
    """True when a written word whose final ة the writer dotted (``word_dotted``,
    WordForms.dotted) cannot spell an Arabic query word written ``query_exact``: the query
    ends with another consonant.  A dotted ة is a feminine ending, not a root's letter, and
    ح and ه are near enough for the alignment that صلاح ("Salah") was الصلاة ("the
    prayer") at 0.91 beside حافظ.  Of names_dev.tsv's names only 13 have an ة-spelling and
    one ending so, several of them another name (Narbonne: نربون, اربونة)."""
    return bool(word_dotted) and bool(query_exact) and query_exact[-1] not in MARBUTA_PARTNERS
