"""A query word and its accepted spellings: what every tier compares a passage word with.

A :class:`QueryWord` is one meaningful word of a query (``plan.py`` keeps the words and
the plan around them), with the sets its tiers compare: its normalized spellings, its
clitic readings, and, once the lexicon has answered, the written words accepted as
other spellings of it with their confidences (``names.py``), rounded down to a step so
that each step is one search clause and the explanation reports the very value scored.
Also the small word classes that a name's whole-name rule treats apart (``holders.py``).
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from .analysis import Token, WordForms
from .clitics import ARTICLE, LAM_ARTICLE
from .marbuta import HEH, redot
from .names import SURE_CONFIDENCE, is_name_query, min_confidence, spelling_confidences
from .normalize import is_arabic, normalize_word
from .readings import meant_dots, query_readings
from .scripts import ARABIC, LATIN

# Confidences are rounded down to this step: one search clause per step, and the
# explanation reports the very value the clause was scored with.
CONFIDENCE_STEP = 0.05


@dataclass(frozen=True)
class NameSpelling:
    """A written word accepted as a spelling of a query word."""

    written: str          # as written, without vowel marks: what the clause asks for
    normalized: str       # for the title and phrase clauses, which hold normalized forms
    confidence: float
    script: str


# Words between two words that still stand together (a middle name, بن, an article):
# beside.py (spellings that count beside the name) and exonym_tier.py (generic words).
NEAR_SLOP = 2


@dataclass(frozen=True)
class QueryWord:
    """One meaningful query word and the sets the tiers compare passage words with."""

    token: Token
    spellings: frozenset[str]     # normalized form and hamza variants
    forms: frozenset[str]         # normalized form and clitic readings
    names: tuple[NameSpelling, ...] = ()
    # spellings below the minimum that count beside the rest of the name only (holders.py)
    beside: tuple[NameSpelling, ...] = ()
    seeks_names: bool = False     # looks for other spellings of itself (lexicon)
    beside_only: bool = False     # an ordinary word of a name: its spellings are all beside-only
    shows_article: bool = False   # a Latin article before it (Al Madinah): names.confidence
    weight: float = 1.0           # how rare the word is (rarity.idf): the worth of its evidence
    # its spellings and forms found only as written with their final ة (readings.meant_dots)
    dotted: frozenset[str] = frozenset()

    @property
    def readings(self) -> frozenset[str]:
        """The word's clitic readings that a search uses (readings.query_readings)."""
        return self.forms - {self.token.normalized}

    @property
    def norm_forms(self) -> frozenset[str]:
        """The normalized forms a passage may hold the word by, one per position (the
        positional NORM field: quoted phrases and names standing together)."""
        return frozenset({*self.spellings, *(name.normalized for name in self.names)})

    @property
    def near_forms(self) -> frozenset[str]:
        """norm_forms and the spellings that count beside the rest of the name: the forms
        the word may stand by in a run of the query's words (quoted phrases, beside.py)."""
        return self.norm_forms | {spelling.normalized for spelling in self.beside}

    @property
    def phrase_forms(self) -> frozenset[str]:
        """The forms that stand beside a name of several words translating another query
        word (beside.py): norm_forms, and the beside-only spellings that reach the word's
        minimum confidence, kept beside the name for their article (السعيد of Saïd beside
        عبد الله).  One below it needs a rarer neighbour than a compound name standing in
        every isnad: عبدة for Abdi beside عبد العزيز, خلاد for Khalid, حوالة for Hulaili
        beside عبد الله: twelve more documents of prose.jsonl for three queries."""
        least = min_confidence(self.token)
        return self.norm_forms | {spelling.normalized for spelling in self.beside
                                  if spelling.confidence >= least}

    def asked(self, forms: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
        """(the normalized forms of ``forms`` a passage may hold the word by, the forms it
        must hold as written with their final ة, with it: marbuta.redot)."""
        if not self.dotted:
            return forms, frozenset()
        return forms - self.dotted, frozenset(map(redot, forms & self.dotted))

    def weak_names(self) -> tuple[NameSpelling, ...]:
        """Accepted spellings below SURE_CONFIDENCE: "other spelling?" on the page."""
        return tuple(name for name in self.names if name.confidence < SURE_CONFIDENCE)

    def name_spelling(self, written: str) -> NameSpelling | None:
        for spelling in self.names:
            if spelling.written == written:
                return spelling
        return None


# Arabic words that link the parts of a name (normalized): never required on their own.
NAME_LINKS = frozenset({"بن", "ابن", "بنت", "بو"})
# A name's link written either way, one word (Boumerdas: بو مرداس, أبو مرداس; بن and ابن
# خلدون): the query's link finds the other as it finds a hamza variant.
LINK_SPELLINGS = {"بو": ("بو", "ابو"), "ابو": ("ابو", "بو"), "بن": ("بن", "ابن"), "ابن": ("ابن", "بن")}
# Words that say what kind of place a name is (normalized): ولاية قابس is about قابس, and
# most sources write قابس alone, so they are never required on their own either.
PLACE_KINDS = frozenset("مدينه ولايه محافظه قريه بلده ناحيه قضاء شعبيه منطقه اقليم مقاطعه بلديه "
                        "دايره مديريه اماره".split())
# The head of a compound name (عبد الحميد, Abdul Ghani): it and the next word are one name.
COMPOUND_HEADS = frozenset({"عبد", "abd", "abdul", "abdel", "abdal", "abdoul", "abdu", "abdou"})


def query_word(token: Token, fuzzy: bool, shows_article: bool = False) -> QueryWord:
    spellings = frozenset((token.normalized, *token.variants, *LINK_SPELLINGS.get(token.normalized, ())))
    forms = frozenset((token.normalized, *query_readings(token)))
    return QueryWord(token=token, spellings=spellings, forms=forms, dotted=_dotted(token, spellings | forms),
                     seeks_names=fuzzy and is_name_query(token), shows_article=shows_article)


def _dotted(token: Token, forms: frozenset[str]) -> frozenset[str]:
    """The forms a word written with a final ة is found by only as so written, when its ة
    is meant (readings.meant_dots: صديقة is not صديقه "his friend", بجدة not بجده): all but
    those with the article, which takes no pronoun (الناصرة is الناصره undotted, while
    ناصره is mostly "his supporter")."""
    if not meant_dots(token):
        return frozenset()
    return frozenset(form for form in forms
                     if form.endswith(HEH) and not form.startswith((ARTICLE, LAM_ARTICLE)))


def not_other_words(candidates: list[WordForms], words: list[QueryWord], number: int
                     ) -> list[WordForms]:
    """The candidates of word ``number`` that are not another query word: in "عبد العزيز
    العبدي" the written عبد is the query's عبد, not a spelling of العبدي, so a document
    with عبد العزيز alone does not hold the whole name."""
    others = {form for other, word in enumerate(words) if other != number for form in word.forms}
    return [candidate for candidate in candidates if candidate.normalized not in others]


def name_spellings(token: Token, candidates: list[WordForms], beside: bool = True,
                    shows_article: bool = False
                    ) -> tuple[tuple[NameSpelling, ...], tuple[NameSpelling, ...]]:
    """(accepted spellings, spellings that count beside the name only) of ``token``
    (names.py), with confidences."""
    return _kept_spellings(token.forms, tuple(candidates), beside, shows_article)


# A name query meets the same lexicon candidates each time it is asked: its spellings
# depend on the word's forms and the candidates alone, so they are kept.
SPELLINGS_KEPT = 1024


@functools.lru_cache(maxsize=SPELLINGS_KEPT)
def _kept_spellings(forms: WordForms, candidates: tuple[WordForms, ...], beside: bool,
                    shows_article: bool) -> tuple[tuple[NameSpelling, ...], tuple[NameSpelling, ...]]:
    return tuple(tuple(NameSpelling(written, normalize_word(written), _rounded(sure), _script_of(written))
                       for written, sure in sorted(found.items()))
                 for found in spelling_confidences(forms, list(candidates), beside, shows_article))


def _rounded(confidence: float) -> float:
    return round(math.floor(confidence / CONFIDENCE_STEP + 1e-9) * CONFIDENCE_STEP, 2)


def _script_of(normalized: str) -> str:
    return ARABIC if is_arabic(normalized) else LATIN
