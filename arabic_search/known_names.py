"""Known Arabic spellings of common Latin name words: a table, not a guess.

The alignment (``likeness.py``) guesses how a Latin name is written in Arabic, and for
the commonest names the guess goes wrong where it matters most: Mustafa = مصطفى pays
for two emphatic letters (0.80, below ordinary words such as المستفاد), Salah finds
سأله ("he asked him", spelt letter for letter) before صلاح, Umar finds أمر ("order")
and not عمر.  How these names are written is not in doubt: the name index of the
package arabic-name-romanizer (Wikidata and DziriNames, 82,000 given names and
surnames with their Latin spellings and how often each is seen) has Salah = صلاح 329
times and صالح 73, never سأله.  ``data/name_spellings.tsv.gz`` (built by
``scripts/build_name_spellings.py``) keeps, per Latin word, the Arabic spellings seen
at least MIN_SEEN times and MIN_SHARE of the time.

A known spelling is sure (KNOWN_CONFIDENCE).  A Latin word seen WELL_ATTESTED times or
more is a well-known name whose spellings the table lists: another word that merely
sounds alike pays UNATTESTED_FACTOR (سأله for Salah becomes an "other spelling?").  A
place the exonym table names (exonyms.py) is written as it says, the same way: Gaza = غزة,
and جزأ ("a part") is at most another spelling; Paris no longer finds بعرس alone.
Pure functions; the table is read once per process (stdlib only).
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from pyarabic import araby

from . import exonyms
from .clitics import ARTICLE
from .marbuta import written_zipf
from .spelling_tables import read_table

DATA_FILE = Path(__file__).resolve().parent / "data" / "name_spellings.tsv.gz"
# A spelling is known when seen this many times and this share of the word's spellings
# (Said = سعيد 316 of 351 times; سيد, 26, is Sayyid's).
MIN_SEEN = 3
MIN_SHARE = 0.1
KNOWN_CONFIDENCE = 1.0
# A name seen this many times has its spellings listed; other words pay the factor.  Down
# from 30 (seventeenth round): names seen 8-29 times (Suad, Ayed, Falah, Bano) found
# ordinary words that only sound like them (سواد "blackness", عيد "feast", فله, بنو "sons
# of") as surely as their known spellings.  At 15 and 8 the tune half's Latin -> Arabic
# queries lost none and its absent names found less; at 3 two were lost (Talai = تالي).
WELL_ATTESTED = 8
UNATTESTED_FACTOR = 0.85
# A Latin alternate name of a town that the table has seen this many times as a person's
# name is left to the name (well_known_name; scripts/exonym_sources.py).
WELL_KNOWN_NAME = 30
# Latin query words whose known written words are kept.
KNOWN_WORDS_KEPT = 4096


@functools.cache
def _table() -> dict[str, tuple[int, frozenset[str]]]:
    """Latin word (normalized) -> (times seen, its known Arabic spellings, normalized)."""
    return read_table(DATA_FILE)


def _entry(latin: str) -> tuple[int, frozenset[str]]:
    """(times seen, known spellings) of a normalized Latin word; (0, none) if unlisted."""
    return _table().get(latin, (0, frozenset()))


def person_spellings(latin: str) -> frozenset[str]:
    """The name table's spellings of a normalized Latin word (the exonym table's aside):
    how Arabic writes a person of that name (Maurice = موريس, whatever place is Maurice)."""
    return _entry(latin)[1]


# Kinds of the exonym table whose name, as a query, means the territory or body and not a
# person named after it (France Gall, a Siam written صيام "fasting"): a city is as often a
# given name (Sofia, Victoria), and keeps the name table's spellings beside its own.
TERRITORY_KINDS = frozenset({"country", "region", "org"})


# The kind of entity whose name the table writes without the article and that may yet
# take it (takes_article): an organisation named by an acronym or a foreign word.
ARTICLE_KIND = "org"
# ... unless its form with the article is a word this common (Zipf): الحماس for Hamas.
ARTICLE_WORD_ZIPF = 3.0


def takes_article(kind: str, word: str) -> bool:
    """True when a one-word name of this exonym ``kind`` that the table writes without the
    article (``word``, normalized) is also found with it.  A place, a country or a person
    is written as the table writes it, and names that take the article are listed with it
    (القاهرة, الخرطوم): Lille is ليل, not الليل "the night"; Aley عالية, not العالية "the
    high"; Mali مالي, not المالي "financial"; Qods (in Iran) قدس, not القدس (Jerusalem);
    Hama حماة, not الحمأة "the mud".  An organisation named by a word that is no Arabic word
    takes it as Arabic does (الأفريكوم, السنتكوم), not one whose form with the article is
    a common word (ARTICLE_WORD_ZIPF): الحماس is "the enthusiasm", not Hamas."""
    return kind == ARTICLE_KIND and written_zipf(ARTICLE + word) < ARTICLE_WORD_ZIPF


@functools.lru_cache(maxsize=KNOWN_WORDS_KEPT)
def articleless_spellings(latin: str) -> frozenset[str]:
    """The one-word Arabic names (normalized) the exonym table gives a Latin word that take
    no article (takes_article) and that it does not also list with the article: their
    forms with it are other words (حماة, بخارى; not خرطوم, listed as الخرطوم too)."""
    entries = exonyms.table().latin.get((exonyms.latin_form(latin),), ())
    bare = {name.words[0] for kind, names in entries for name in names
            if len(name.words) == 1 and not name.words[0].startswith(ARTICLE)
            and not takes_article(kind, name.words[0])}
    return frozenset(word for word in bare if ARTICLE + word not in exonym_spellings(latin))


@functools.lru_cache(maxsize=KNOWN_WORDS_KEPT)
def known_spellings(latin: str) -> frozenset[str]:
    """The known Arabic spellings (normalized) of a normalized Latin word: the name
    table's and, for a place, the exonym table's (exonym_spellings); for a country, region
    or organisation only the exonym table's: France is فرنسا, and the name table's يوسف (a
    person called France, seen 9 times) would have been a sure spelling of it."""
    if exonym_spellings(latin, TERRITORY_KINDS):
        return exonym_spellings(latin)
    return _entry(latin)[1] | exonym_spellings(latin)


@functools.lru_cache(maxsize=KNOWN_WORDS_KEPT)
def exonym_spellings(latin: str, kinds: frozenset[str] | None = None) -> frozenset[str]:
    """The one-word Arabic names (normalized) the exonym table (exonyms.py: places,
    peoples, organisations) gives a one-word Latin name, of its entities of ``kinds``
    (all when None): Gaza = غزه, Rabat = الرباط, Toyota = تويوتا.  How a place is written
    in Arabic is known, as a common name's spelling is: Gaza is not جزأ ("a part"), nor
    Paris بعرس, nor Homs همس ("whisper")."""
    entries = exonyms.table().latin.get((exonyms.latin_form(latin),), ())
    return frozenset(name.words[0] for kind, names in entries for name in names
                     if len(name.words) == 1 and (kinds is None or kind in kinds))


# How a normalized spelling may be written (the lexicon holds written words): an initial
# alef with its hamza or madda, a final ة or ى, one hamza seat inside (عائشة is عايشه).
INITIAL_ALEFS = araby.ALEF + araby.ALEF_HAMZA_ABOVE + araby.ALEF_HAMZA_BELOW + araby.ALEF_MADDA
FINAL_LETTERS = {"ه": "هة", "ي": "يى"}
INNER_HAMZAS = {"ي": "ئ", "و": "ؤ", "ا": "أ"}


def written_forms(normalized: str) -> frozenset[str]:
    """The written words a normalized Arabic spelling stands for (a bounded few): the
    lexicon look-up asks for them by name (lexicon.candidates_request)."""
    if not normalized:
        return frozenset()
    starts = INITIAL_ALEFS if normalized[0] == araby.ALEF else normalized[0]
    ends = FINAL_LETTERS.get(normalized[-1], normalized[-1]) if len(normalized) > 1 else ""
    middle = normalized[1:-1]
    middles = {middle} | {middle[:i] + INNER_HAMZAS[letter] + middle[i + 1:]
                          for i, letter in enumerate(middle) if letter in INNER_HAMZAS}
    return frozenset(start + inner + end for start in starts for inner in middles for end in ends)


@functools.lru_cache(maxsize=KNOWN_WORDS_KEPT)
def known_words(latin: str) -> frozenset[str]:
    """The written words of a normalized Latin word's known spellings, which the lexicon
    look-up asks for by name (computed once per word, not per search)."""
    return frozenset(word for spelling in known_spellings(latin) for word in written_forms(spelling))


# The endings of an adjective of place (nisba), normalized: بولندي, البولندية, البولنديون.
NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يات")
# The ending a place's name drops before them, one at most: ليبيا -> ليبي, غزة -> غزي,
# سوريا -> سوري, بولندا -> بولندي.  Not two: حماة -> حمي was حمى "fever" (its adjective
# is حموي, which no rule here makes).
NISBA_DROPPED = ("يا", "ا", "ه", "ي")


def place_adjective(latin: str, forms: tuple[str, ...]) -> bool:
    """True when one of a written word's ``forms`` (normalized; itself, without its article
    or a clitic) is the adjective of a place the exonym table spells for the Latin word:
    البولندية of بولندا (Poland), الليبية of ليبيا, باريسي of باريس.  It is the place's own
    word, not a sound-alike ("Gliwice Poland" finds غليفيتسه البولندية)."""
    stems = {_nisba_stem(place) for place in exonym_spellings(latin)}
    return any(stem and form == stem + ending for form in forms for stem in stems
               for ending in NISBA_ENDINGS)


def _nisba_stem(place: str) -> str:
    """A place's name without the one ending its adjective drops (NISBA_DROPPED)."""
    return next((place[:-len(end)] for end in NISBA_DROPPED if place.endswith(end)), place)


def well_attested(latin: str) -> bool:
    """True when the tables list this Latin word's spellings: the name table has seen it
    often enough, or the exonym table names the place (exonym_spellings)."""
    return _entry(latin)[0] >= WELL_ATTESTED or bool(exonym_spellings(latin))


def place_only(latin: str) -> bool:
    """True when the exonym table names this Latin word and the name table has seen it
    under WELL_ATTESTED times as a person's name (Hama, Lille; not Salem nor Sofia): the
    table's spelling is then how the word is written, however surely an ordinary word
    sounds like it (other_words.another_word)."""
    return bool(exonym_spellings(latin)) and _entry(latin)[0] < WELL_ATTESTED


def well_known_name(latin: str) -> bool:
    """True when the name table has seen this Latin word WELL_KNOWN_NAME times as a person's
    name (Ahmad, Khalil, Amani): a gazetteer's alternate name of a town that is such a word
    is left to the name (scripts/exonym_sources.py, latin_alternates)."""
    return _entry(latin)[0] >= WELL_KNOWN_NAME


def well_known_arabic_name(word: str) -> bool:
    """True when the name table has seen the Arabic ``word`` (normalized) WELL_KNOWN_NAME
    times as a name's spelling, for whichever Latin spelling (زيد, محمد, صباح)."""
    return times_seen_as_name(word) >= WELL_KNOWN_NAME


def times_seen_as_name(word: str) -> int:
    """How often the name table saw the Arabic ``word`` (normalized) as a name's spelling."""
    return _arabic_seen().get(word, 0)


def well_known_spelling(latin: str) -> bool:
    """True when one of the Latin word's known spellings is a name the table has seen
    WELL_KNOWN_NAME times, for whichever Latin spelling: Redha (seen 19 times) is written
    رضا, seen 795 times (as Reda, Reza, Ridha...)."""
    seen = _arabic_seen()
    return any(seen.get(spelling, 0) >= WELL_KNOWN_NAME for spelling in known_spellings(latin))


def known_well(latin: str) -> bool:
    """True when the tables know this Latin word surely: one of its spellings is a
    well-known name's (well_known_spelling), or it is a place the exonym table names.
    An ordinary word that only sounds like it is then another word, however common
    (other_words._commoner_than_known); well_attested is the looser bar at which the
    table's spellings are listed at all."""
    return well_known_spelling(latin) or bool(exonym_spellings(latin))


@functools.cache
def _arabic_seen() -> dict[str, int]:
    """Arabic spelling (normalized) -> how often the table saw it as a name's spelling (the
    times seen of every Latin word it spells, summed)."""
    seen: dict[str, int] = {}
    for times, spellings in _table().values():
        for spelling in spellings:
            seen[spelling] = seen.get(spelling, 0) + times
    return seen


def named_as_written(word: str, readings: tuple[str, ...]) -> bool:
    """True when the table knows the Arabic ``word`` (normalized) as a name's spelling more
    often than any word it carries behind a clitic (``readings``): فاخر (Fakher, seen 14
    times) is no ف + آخر "another", لبنى (40) no ل + بني (17), فراس no ف + رأس; while
    وعلي (14) is و + علي (4,793), لحسن ل + حسن."""
    seen = _arabic_seen()
    return seen.get(word, 0) > max((seen.get(reading, 0) for reading in readings), default=0)


@functools.cache
def name_words() -> frozenset[str]:
    """Every Arabic word (normalized) that the tables know as a word of a name: the known
    spellings of the name table and the words of the exonyms' Arabic names (places,
    countries, peoples).  ليبيا, واشنطن, محمد and سعيد are common words that are names;
    كلمة ("word"), تريد ("she wants") are not, nor a language's adjective (كوري "Korean",
    التشيكي "Czech": Kure and Chouiki are not spelt so because the table names languages),
    nor a word of a subdivision's name of several words (CLDR's names hold قسم "section",
    الحياة "life", دون "without": a word of one would have passed for a name)."""
    places = {word for words, entries in exonyms.table().arabic.items()
              if any(_names_its_words(kind, words) for kind, _latin in entries) for word in words}
    return frozenset(_arabic_seen()) | places


def _names_its_words(kind: str, words: tuple[str, ...]) -> bool:
    """True when an exonym of this kind makes the words of its Arabic name name words."""
    return kind != exonyms.LANGUAGE_KIND and (kind != exonyms.PROVINCE_KIND or len(words) == 1)


def names_a_word(forms: Iterable[str | None]) -> bool:
    """True when the tables know one of ``forms`` (an Arabic word, normalized, and what
    remains of it without a clitic) as a word of a name (name_words)."""
    return not name_words().isdisjoint(forms)
