"""Arabic compound names written as one Latin word: Abdelkader is عبد القادر, two words.

Latin spellings glue what Arabic writes apart: Abd el-Kader -> Abdelkader, Saad Allah ->
Saadallah, Nour ed-Din -> Noureddine, Ben Zekri -> Benzekri.  Matched whole, such a word finds no Arabic word
(عبد and القادر each spell only part of it), and a search that needs every word of a
name finds nothing.  So a Latin query word made of a known compound element and a
remainder is searched as its two parts, each matched like any other word (the article
of the remainder is free, as everywhere): Abdelkader -> abd + kader, Abderrahim ->
abd + rahim (the article assimilated: er-R), Saadallah -> saad + allah, Abdelhak ->
abd + الحق (God's names of two letters are fixed), and Persian place names by their last
word: Karimabad -> karim + آباد, Azadshahr -> azad + شهر.  A lineage written apart (Ben
Sghir, Ibn Khaldun) is the same compound at the name word's place: بن + sghir.  The
part looked up is matched beside its fixed element as beside the rest of a name (its
plain spelling, not weighed for commonness: قيام دشت, فتح الله, بن صغير), since the two
must stand in a row.

The whole word is still matched as itself; its parts are looked up in the lexicon like
name words (``plan.py``), and their accepted Arabic spellings, in a row, answer the
whole word the way a translated name does (``exonym_tier.py``: the words in a row, or run
together, عبدالقادر), reported as ``translit`` with the confidence of the least sure
part.  Only query words are split (the index keeps Latin words whole).
"""
from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .analysis import Token, WordForms, word_forms
from .exonym_tier import QueryExonym
from .exonyms import GENERIC_KIND, Name
from .query_words import QueryWord, name_spellings
from .scripts import ARABIC, LATIN
from .tier_names import TRANSLIT

# عبد + the remainder (Abdel-, Abdul-, Abdal-, Abd-); the article glued to it (el-, ul-),
# assimilated (Abderrahim: er-R) or reduced to its vowel (Abdeslam: es-Salam) is dropped.
_SERVANT = regex.compile(r"^abd(?:[aeiou]l(?!l?ah?$)|[aeiou](?=([bcdfghjkmnpqrstvwxz])\1)|[aeiou])?(.{3,})$")
_SERVANT_ALONE = regex.compile(r"^abd(?:[aeiou]{1,2}[lr])?$")
_ALLAH = regex.compile(r"^[aeiou]?ll?ah?$")
# God's names of two letters behind the article: too short to be guessed as a name word
# (readings.MIN_NAME_LETTERS), always written so (Abdelhak = عبد الحق, Abdelhay = عبد الحي).
_SHORT_DIVINE = {"hak": "haqq", "haq": "haqq", "hakk": "haqq", "haqq": "haqq",
                 "hay": "hayy", "hai": "hayy", "hayy": "hayy", "hayi": "hayy"}
# بن + a family name, glued in Maghrebi Latin spellings: Benzekri = بن زكري (the whole
# word is still matched as itself: بنزكري).  Bou- is not split: Arabic writes بوتفليقة,
# بومدين as one word, and the part looked up would cost a look-up for nothing.  A family
# name of three letters too: Benali is بن علي in 4 of names_dev.tsv's 5 rows (the whole
# word is still matched as itself; the parts count only in a row, بن then the name).
_LINEAGE = regex.compile(r"^(ben|bin|ibn)(.{3,})$")
BEN = "ben"
# The particles of a lineage written apart (Ben Sghir, Ibn Khaldun, Bint Ali).
LINEAGE_WORDS = frozenset({BEN, "bin", "ibn", "bint"})
# The remainder + الله / الدين (Saadallah, Abdullah, Noureddine, Alaeddin, Salahuddin).
# French spellings join with ou (Takioullah = تقي الله, Nasroullah).
# Allah with one l only after its own vowel a, u or o (Saadala, Nasrulah, Fathola): a name
# ending in -la, -lah is mostly a name of its own (Ramla = الرملة, not رام الله Ramallah, which
# it found at 1.0; Nabila, Jamila, Layla, Leila, Villa; 156 words of names_dev.tsv, none of
# them Allah's).
_GOD = regex.compile(r"^(.{3,}?)((?:ou|[aeiou])?llah?|[aou]lah?)$")
_FAITH = regex.compile(r"^(.{3,}?)(?:[aeiou]d{1,2}|[aeiou]ld)(in|ine|een|dine)$")
ALLAH, ADDIN = "allah", "din"
# Persian place names glue their last word (Karimabad = كريم آباد, Azadshahr = آزاد شهر,
# Qiamdasht = قيام دشت); Arabic writes most apart (29 of the 41 -abad names of
# names_dev.tsv) and some run together (بيرانشهر: the whole word is matched as itself).
_PERSIAN = regex.compile(r"^(.{3,}?)(abad|shahr|dasht)$")
# A remainder this short is the name's own letters (Abdi, Abdo), not a second word.
MIN_REMAINDER = 3
# Arabic spellings kept per part, and names (combinations) per compound word.
SPELLINGS_PER_PART = 3
MAX_NAMES = 6
COMPOUND = "compound"
# The fixed elements are always written so: no look-up needed (and الله, two letters behind
# the article, is never accepted as a sound-alike: readings.MIN_NAME_LETTERS).
# Ibn and bin are each written both ways (ابن عباس, عبد الله بن عباس).
FIXED = {"abd": ("عبد",), "allah": ("الله",), "din": ("الدين",),
         BEN: ("بن",), "bin": ("بن", "ابن"), "ibn": ("ابن", "بن"), "bint": ("بنت",),
         "haqq": ("الحق",), "hayy": ("الحي",), "abad": ("اباد",), "shahr": ("شهر",), "dasht": ("دشت",)}
FIXED_WORDS = frozenset(arabic for spellings in FIXED.values() for arabic in spellings)


def _parts(word: str) -> tuple[str, ...]:
    """The compound's parts in Latin (lower case), or () when ``word`` is not one.
    Abdul, Abdel alone ("Abdul Aziz") are عبد, the article going to the next word."""
    if _SERVANT_ALONE.match(word):
        return ("abd",)
    servant = _SERVANT.match(word)
    if servant:
        rest = servant.group(2)
        rest = rest[1:] if servant.group(1) else rest  # er-R: one r is the article's
        return ("abd", ALLAH if _ALLAH.match(rest) else _SHORT_DIVINE.get(rest, rest))
    lineage = _LINEAGE.match(word)
    if lineage:
        return BEN, lineage.group(2)
    god = _GOD.match(word)
    if god and len(god.group(1)) >= MIN_REMAINDER:
        return god.group(1), ALLAH
    faith = _FAITH.match(word)
    if faith and len(faith.group(1)) >= MIN_REMAINDER:
        return faith.group(1), ADDIN
    persian = _PERSIAN.match(word)
    if persian:
        return persian.group(1), persian.group(2)
    return ()


@dataclass(frozen=True)
class FixedSpelling:
    """The one spelling of a fixed element (shaped like query_words.NameSpelling)."""

    normalized: str
    confidence: float = 1.0
    script: str = ARABIC


def fixed_spelling(part: Token) -> tuple[FixedSpelling, ...]:
    """The spellings of a fixed element (abd -> عبد), or () for a part to look up."""
    return tuple(FixedSpelling(arabic) for arabic in FIXED.get(part.normalized, ()))


# A Latin word that is surely a compound: Abd and a vowel (Abdel-, Abdul-, Abdou-) always is
# عبد, -llah always الله; Abd and a consonant may be a name's own letters (Abdjaoui =
# ابجاوي), an ending in -la, -ala, -illa, -ola is as often a name's own (Badulla, Montilla,
# Tlaxcala, Gampola), and a word starting Ben- (Bennett) or ending -abad, -din may be one
# word in Arabic too.
_SURE_COMPOUND = regex.compile(r"^abd[aeiou]|llah$")


def holds_fixed_elements(word: Token, parts: Sequence[Token], written: str) -> bool:
    """True unless ``word`` is surely a compound (_SURE_COMPOUND) and its spelling written
    whole (normalized) lacks a fixed element of its ``parts``: Arabic writes عبد and الله
    as they are, run together or not (عبدالقادر, سعدالله), so أبدلك ("He replaced you",
    0.95 by its letters) is no spelling of Abdelhak, nor فتلا of Fethallah."""
    return not _SURE_COMPOUND.search(word.normalized) or all(
        any(arabic in written for arabic in FIXED[part.normalized])
        for part in parts if part.normalized in FIXED)


def compound_parts(token: Token) -> tuple[Token, ...]:
    """The parts of a Latin compound name word, as tokens at its place; () if it is none."""
    parts = _parts(token.normalized) if token.script == LATIN else ()
    return tuple(Token(part, token.start, token.end, forms)
                 for part in parts for forms in word_forms(part)[:1])


def lineage_parts(before: Token | None, token: Token) -> tuple[Token, ...]:
    """A Latin name word after a separate bin, ben, ibn or bint (Ben Sghir = بن صغير): the
    particle and the word, as the parts of a compound at the word's place, so that an
    ordinary word (صغير, "small") counts in a row with its particle as it does glued
    (Bensghir); () for any other word, or one that is a compound itself."""
    if (before is None or before.script != LATIN or before.normalized not in LINEAGE_WORDS
            or token.script != LATIN or _parts(token.normalized)):
        return ()
    return tuple(Token(part, token.start, token.end, forms)
                 for part in (before.normalized, token.normalized) for forms in word_forms(part)[:1])


def compound_exonyms(token: Token, spellings: Sequence[Sequence]) -> tuple[QueryExonym, ...]:
    """The Arabic names that answer ``token``: one accepted Arabic spelling per part
    (``spellings``: per part, NameSpelling-like objects), the surest combinations first."""
    per_part = [sorted((s for s in found if s.script == ARABIC), key=lambda s: -s.confidence)
                [:SPELLINGS_PER_PART] for found in spellings]
    if not per_part or not all(per_part):
        return ()
    found = []
    for combination in itertools.product(*per_part):
        words = tuple(spelling.normalized for spelling in combination)
        sure = min(spelling.confidence for spelling in combination)
        found.append(QueryExonym(token.text, frozenset({token.start}),
                                 (Name(" ".join(words), words),), COMPOUND, TRANSLIT, sure))
    return tuple(sorted(found, key=lambda exonym: -exonym.confidence)[:MAX_NAMES])


def answer_compound(token: Token, parts: Sequence[QueryWord], candidates: Sequence[list[WordForms]]
                    ) -> tuple[tuple[QueryExonym, ...], tuple[str, ...]]:
    """(the names answering a compound word, its anchors): its parts' spellings in a row
    (``candidates``: the lexicon's, per part), and the accepted spellings of its first
    looked-up part, which stand for the word beside another (plan.QueryPlan.part_anchors:
    صلاح of Salaheddine).  A looked-up part counts with its spellings beside the rest of a
    name too: the fixed element beside it corroborates it as the rest of a name does (فتح
    الله for Fethallah, قيام دشت for Qiamdasht: an ordinary word, in a row with its element).
    A later part is no anchor: it takes the article's place and is read without its
    commonness weighed (Abdelouahed: واحد "one", عهد)."""
    spellings, anchors = [], []
    for part, found in zip(parts, candidates):
        fixed = fixed_spelling(part.token)
        if fixed:
            spellings.append(fixed)
            continue
        names, beside = name_spellings(part.token, found, True, part.shows_article)
        spellings.append((*names, *beside))
        anchors += [] if part.shows_article else [name.normalized for name in names]
    exonyms = compound_exonyms(token, spellings)
    return exonyms, tuple(anchors) if exonyms else ()


def named_words(exonyms: Sequence[QueryExonym]) -> dict[int, frozenset[str]]:
    """By query word (its start): the one-word names translating it (القاهرة), which stand
    for it beside another query word (plan.QueryPlan.forms_outside); never a fixed element
    (عبد of Abdel alone stands in every isnad), a compound's name (its accepted looked-up
    parts stand for it instead: plan.QueryPlan.part_anchors), one word of a translated name
    of several (المتحدة), nor a generic word (Lake)."""
    named: dict[int, set[str]] = {}
    for exonym in exonyms:
        if exonym.kind in (GENERIC_KIND, COMPOUND):
            continue
        words = {name.words[0] for name in exonym.names
                 if len(name.words) == 1 and name.words[0] not in FIXED_WORDS}
        for start in exonym.starts:
            named.setdefault(start, set()).update(words)
    return {start: frozenset(words) for start, words in named.items()}
