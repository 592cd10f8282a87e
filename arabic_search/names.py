"""Which written words are spellings of a query name, and how sure we are (0-1).

A query word is *name-matched* against the words of the index in two steps:
Elasticsearch finds the candidates that share a name key with it (the lexicon,
``lexicon.py``), then :func:`accepted_spellings` keeps those whose confidence
(``likeness.py``) reaches :data:`MIN_CONFIDENCE`.  The accepted written words,
with their confidences, are what the search clause asks for and what the
explanation reports, so the two cannot disagree.

Each written word is compared as it may be read as a name (``readings.py``: its
clitics off, ى sounded, the query without its article), each reading at its cost.
"""
from __future__ import annotations

import functools

import regex

from .analysis import LATIN_PARTICLES, Token, WordForms
from .clitics import ARTICLE, without_article
from .form_pairs import pair
from .graphemes import latin_letters
from .known_names import (KNOWN_CONFIDENCE, UNATTESTED_FACTOR, known_spellings, place_adjective,
                          well_attested)
from .lexicon import keys_agree
from .marbuta import ending_apart
from .other_words import (LONE_UNNAMED_CONFIDENCE, SPELT_CONFIDENCE, another_arabic_word, another_word,
                          ordinary_beside, unnamed_word, written_and_bare)
from .readings import (FUNCTION_WORDS, MIN_NAME_LETTERS, letters, query_forms, reading_commonness,
                       sounded, whole_could_be_name, written_forms)
from .scripts import ARABIC, LATIN
from .splitter import word_zipf

LATIN_VOWELS = "aeiouy"
_TRIPLED = regex.compile(r"(.)\1\1")
SILENT_E = "e"
# Below this confidence a candidate is not a spelling of the query word.
MIN_CONFIDENCE = 0.75
# A name word asked alone must be surer: nothing else in the query corroborates it, and
# on a large corpus (36k documents) half the absent Latin names asked alone found some
# word at 0.75-0.80 (Antibes / عنبس, Leerdam / الردم, Kashgar / كشر, Schertz / شرط).
LONE_CONFIDENCE = 0.80
# Another Arabic spelling of an Arabic query word must be surer: an Arabic query already
# finds its word through the written-form tiers, and on real text near-spellings are
# mostly other words (اصيل / أصل, ايناس / الناس).
MIN_ARABIC_CONFIDENCE = 0.80
# A spelling whose consonant keys are apart from the query word's (found by its vowel
# keys, lexicon.py) must be this sure to be accepted, and never counts beside the name
# only: on real text most such candidates at 0.75-0.81 were other words (Manir /
# ألمانية, Saozan / السودان, Gweru / الغفيرة), as was باريس beside سان for "San Antonio
# de Areco" (0.65), while Navid = نويد (0.94) and Mittweida = ميتفايدا (0.92) are the name.
KEYS_APART_CONFIDENCE = 0.82
# Another Arabic spelling that differs from the query word by the article (one has it, the
# other not) and by letters besides must be this sure: the article alone is a free
# difference (الفجيرة / فجيره), but with other letters changed the word is as often another
# word carrying it (قيدار / الأقدار "the fates", سريح / الأسرية, بوانات / البانيات: absent
# names of the tune half at 0.81-0.86), while names_dev.tsv's variants that differ so
# mostly align surer (الاحواز / اهواز 0.93, الشيحاني / شحاني 0.93; سويز / السويس 0.85 not).
ARTICLE_APART_CONFIDENCE = 0.86
# A spelling this sure (its commonness not weighed) but below the minimum counts only
# beside another word of the query (beside.py): سناء جميل for "Sanaa Gamil".  Another
# Arabic spelling of an Arabic word needs more: at 0.6 العزيز passed for السيسي (0.65);
# so does an ordinary word beside a Latin name (other_words.ordinary_beside).
BESIDE_CONFIDENCE = 0.65
BESIDE_ARABIC_CONFIDENCE = 0.75
# Below this confidence an accepted spelling is a weak match: the page labels it "other
# spelling?", and a title holding it earns no title bonus (titles.title_bonus_clauses).
SURE_CONFIDENCE = 0.9
# Latin words in capitals this short are abbreviations (UN, US, EU): never transliterated.
MAX_ABBREVIATION = 4
# An Arabic query word this common is an ordinary word: its spelling variants are not sought.
ORDINARY_ZIPF = 5.0
# A known spelling of two letters (طه for Taha, عز for Ezz) is a name beside the rest of
# the name; a single letter (ن for Noon) is not, nor a two-letter word this common (Zipf):
# لي, لك, بك, بي are "to me", "to you", "with you", "with me" (حق, 5.4, is Haq).
MIN_KNOWN_BESIDE_LETTERS = 2
SHORT_NAME_MAX_ZIPF = 5.5
# A query word shorter than this, asked alone, has no other spelling: two letters, in
# either script, align with too many words for a guess to mean anything (ol = أول, ih =
# أية, ته = تهيئ), and a two-letter spelling the name table knows is too short to be a
# name alone already (_known_whole).  No two-letter Latin word of names_dev.tsv finds its
# Arabic spelling by a guess, nor any two-letter Arabic spelling another of its spellings.
# Beside the rest of a name a guess stands (سن خوستو for سان خوستو, Xi Jinping): the
# other words corroborate it.
MIN_GUESSED_LETTERS = 3


def _pronounceable(word: str) -> bool:
    """No name has a letter three times running (ثثثث, bbbb); a Latin name has a vowel,
    and not only a final silent e: no word of names_dev.tsv's 23,000 names is so spelt
    but "the", "she" and "tre", while the random string "trkke" read as ترك ("left")."""
    if _TRIPLED.search(word):
        return False
    return not word.isascii() or any(vowel in word.removesuffix(SILENT_E) for vowel in LATIN_VOWELS)


def _arabic_name_shaped(token: Token) -> bool:
    """An Arabic word that could spell a name: it has name keys and is pronounceable."""
    return token.script == ARABIC and bool(token.keys) and _pronounceable(token.normalized)


def is_ordinary_name_word(token: Token) -> bool:
    """True for an Arabic word too common to be a name query alone (ORDINARY_ZIPF) that
    may still be a word of a name: الرئيس in الرئيس حميدو, تونس in لاس تونس."""
    return _arabic_name_shaped(token) and word_zipf(token.normalized) >= ORDINARY_ZIPF


def is_name_query(token: Token) -> bool:
    """True when ``token`` should look for other spellings of itself."""
    if token.script == LATIN:
        is_abbreviation = token.text.isupper() and len(token.text) <= MAX_ABBREVIATION
        return (bool(token.keys) and _pronounceable(token.normalized) and not is_abbreviation
                and token.normalized not in LATIN_PARTICLES)
    return _arabic_name_shaped(token) and word_zipf(token.normalized) < ORDINARY_ZIPF


def confidence(query: Token | WordForms, word: Token | WordForms, weigh_common: bool = True,
               shows_article: bool = False) -> float:
    """How sure we are that written word ``word`` spells query word ``query`` (0-1);
    ``weigh_common`` False: as if neither word were a common word (beside the rest of a
    name, :func:`spelling_confidences`); ``shows_article``: the Latin query word follows
    an article (Al Madinah), so a common word read without its article pays nothing for
    it (readings.reading_commonness)."""
    return _confidence(_forms_of(query), _forms_of(word), weigh_common, shows_article)


def _forms_of(word: Token | WordForms) -> WordForms:
    return word.forms if isinstance(word, Token) else word


# A name query meets the same lexicon candidates every time it is asked (and names share
# many): the likeness of a (query word, written word) pair is computed once.  It depends
# on the two words' forms alone (docs/performance.md, "Fewer and cheaper requests").
CONFIDENCES_KEPT = 200_000


@functools.lru_cache(maxsize=CONFIDENCES_KEPT)
def _confidence(query: WordForms, word: WordForms, weigh_common: bool, shows_article: bool) -> float:
    if query.script == ARABIC and ending_apart(query.exact, word.dotted):
        return 0.0  # صلاح is not الصلاة (marbuta.ending_apart)
    readings = written_forms(query, word, weigh_common, shows_article)
    listed_name = _table_speaks(query, shows_article)
    wholes, bare = query_forms(query)
    pairs = [(whole, *reading) for whole in wholes for reading in readings]
    # the query without its article meets the written forms without one (with one, the
    # whole query meets them already)
    pairs += [(query_form, *reading) for query_form in bare for reading in readings
              if not reading.form.startswith(ARTICLE)]
    if weigh_common:
        shows_article = shows_article or query.normalized.startswith(ARTICLE)
        pairs = [(query_form, form, factor * _commonness(query_form, word, form, sun, shows_article),
                  sun, listed) for query_form, form, factor, sun, listed in pairs]
    # after an article the table still knows the name behind it (Al Saud: آل سعود, El Said:
    # السعيد), but a form it does not list pays nothing there (Abd-es-Salem: السلام)
    known = _known_readings(query, word, readings) if query.script == LATIN else frozenset()
    best_known = max((factor * KNOWN_CONFIDENCE for _, form, factor, _, _ in pairs if form in known),
                     default=0.0)
    if listed_name and _known_whole(query, word, weigh_common):
        best_known = KNOWN_CONFIDENCE  # the name as written, whatever its letters look like
    guessed = max((factor * pair(query, query_form, form, word.script, weigh_common, sun, listed)
                   for query_form, form, factor, sun, listed in pairs if form not in known), default=0.0)
    if listed_name and _lists_spellings(query, word):
        guessed *= UNATTESTED_FACTOR
    return round(max(best_known, guessed), 3)


def _table_speaks(query: Token | WordForms, shows_article: bool) -> bool:
    """True when the table of known spellings (known_names.py) speaks for ``query``: a
    Latin name word, not one after an article or a compound's glue (Abd-es-Salem: السلام,
    God's name, not the given name سالم)."""
    return query.script == LATIN and not shows_article


def _lists_spellings(query: Token | WordForms, word: Token | WordForms) -> bool:
    """True when the tables list the Latin ``query``'s spellings (known_names.well_attested),
    so that another word sounding like it pays UNATTESTED_FACTOR; not for the adjective of
    a place the exonym table spells (البولندية of Poland), the place's own word."""
    return well_attested(query.normalized) and not place_adjective(query.normalized,
                                                                    written_and_bare(word))


def _known_readings(query: WordForms, word: WordForms, readings: list) -> frozenset[str]:
    """The readings of a written word that are known spellings of the Latin ``query``
    (known_names.py) as the word is written: وعمر for Umar as و + عمر.  Not as it is
    sounded: the table says how a name is written, and where it writes رضا (Reda, seen
    141 times) the word رضى ("contentment", in 5,404 documents of prose.jsonl, mostly
    "رضى الله عنه") is not it; sounded so, it is only a guess (UNATTESTED_FACTOR)."""
    known = known_spellings(query.normalized)
    as_written = set(written_and_bare(word))
    return frozenset(reading.form for reading in readings
                     if reading.form in known and reading.form in as_written)


def _known_whole(query: WordForms, word: WordForms, weigh_common: bool) -> bool:
    """True when the written word itself, normalized, is a known spelling of the Latin
    query and could be a name: the name as written, even where it looks like a clitic on
    a word (Bettaieb = بالطيب, seen 9 times, not ب + الطيب); not على for Ali, nor بان alone.

    Beside the rest of a name (``weigh_common`` False) the table is believed even for a
    word too short to be a name on its own: طه in "Taha Hussein", الفه in "Olfa Charni"
    (the other word corroborates it).  Never for a function word: أن محمد is "that
    Muhammad", not "Ann Mohamed", however often the table has Ann = ان; nor لي أحمد
    ("Ahmed told me") for "Lee Ahmed"."""
    return word.normalized in known_spellings(query.normalized) and (
        whole_could_be_name(word, weigh_common) or (not weigh_common and _short_name_beside(word)))


def _short_name_beside(word: WordForms) -> bool:
    """A word of two letters that may be a known name beside the rest of it (طه, عز, حق),
    not a function word nor as common as one (لي "to me" for Lee, بك for Bey)."""
    whole = sounded(word)[0]
    return (MIN_KNOWN_BESIDE_LETTERS <= letters(whole, word.exact) < MIN_NAME_LETTERS
            and whole not in FUNCTION_WORDS and word_zipf(word.normalized) < SHORT_NAME_MAX_ZIPF)


def _commonness(query_form: str, word: WordForms, form: str, sun: bool, shows_article: bool) -> float:
    """readings.reading_commonness; the query shows the article when it has one (الفجيرة),
    an article precedes it (Al Madinah) or its initial vowel may be the article's own
    (Eddine = الدين)."""
    shown = shows_article or (sun and query_form[:1] in LATIN_VOWELS)
    return reading_commonness(word, form, shown)


def min_confidence(query: Token, alone: bool = False) -> float:
    """The confidence a spelling of ``query`` needs to be accepted anywhere (``alone``:
    the query has no other word)."""
    if query.script == ARABIC:
        return MIN_ARABIC_CONFIDENCE
    return LONE_CONFIDENCE if alone else MIN_CONFIDENCE


def spelling_confidences(query: Token, candidates: list[Token], beside: bool = True,
                         shows_article: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    """(accepted, beside): written candidate (``exact``) -> confidence, for those that
    reach min_confidence (KEYS_APART_CONFIDENCE when their consonant keys are apart),
    and (when ``beside``: the query has other words) for the others whose keys agree
    that reach BESIDE_CONFIDENCE (BESIDE_ARABIC_CONFIDENCE for an Arabic query) with
    their commonness not weighed.  Beside the rest of a name a common word is a name (لاس تونس
    for "لاس توناس"), so there only the spelling counts (holders.py, beside.py).

    Candidates are written forms, not normalized ones: علي (Ali) and على (on) normalize
    alike, and only one of them is the name.  An ordinary word that only sounds like a
    Latin name is never accepted (other_words.py), only beside the rest of the name.  A
    word of under MIN_GUESSED_LETTERS letters asked alone has no other spelling at all."""
    accepted: dict[str, float] = {}
    near: dict[str, float] = {}
    if not beside and _too_short_to_guess(query):
        return accepted, near
    least = min_confidence(query, alone=not beside)
    table_speaks = _table_speaks(query, shows_article)
    near_least = BESIDE_ARABIC_CONFIDENCE if query.script == ARABIC else BESIDE_CONFIDENCE
    for word in candidates:
        if word.normalized == query.normalized:
            continue  # the word itself: the exact and normalized tiers say so more strongly
        if another_arabic_word(query, word):
            continue  # another word, not another spelling, even beside the rest of a name
        # the plain confidence first: it is never below the weighed one, so most candidates
        # are settled by one alignment.  After a Latin article the weighed one may read the
        # word behind ال where the plain one does not (Al-Shatti: الشطي is al + شطي, a rare
        # reading of three letters, readings.written_forms), so there it is always weighed.
        plain = confidence(query, word, weigh_common=False) if beside else None
        if plain is not None and plain < near_least and not shows_article:
            continue
        sure = confidence(query, word, shows_article=shows_article)
        agree = keys_agree(query, word)
        # a word that only spells the name letter for letter counts beside the rest of it only
        listed_name = table_speaks and _lists_spellings(query, word)
        other_word = another_word(query, word, sure < SURE_CONFIDENCE, listed_name, shows_article,
                                  spelt=sure >= SPELT_CONFIDENCE)
        if not other_word and sure >= _needed(query, word, least, agree, alone=not beside):
            accepted[word.exact] = sure
        elif plain is not None and plain >= _beside_least(query, word, near_least) and agree:
            near[word.exact] = plain
    return accepted, near


def _beside_least(query: Token, word: WordForms, least: float) -> float:
    """The confidence a spelling needs to count beside the rest of the name: ``least``,
    BESIDE_ARABIC_CONFIDENCE for an ordinary word of a Latin one (other_words.ordinary_beside)."""
    return max(least, BESIDE_ARABIC_CONFIDENCE) if ordinary_beside(query, word) else least


def _too_short_to_guess(query: Token | WordForms) -> bool:
    """True for a query word too short for another spelling of it to be guessed alone
    (MIN_GUESSED_LETTERS); an Arabic word's article does not count."""
    if query.script == LATIN:
        return len(latin_letters(query.normalized)) < MIN_GUESSED_LETTERS
    return letters(query.normalized, _forms_of(query).exact) < MIN_GUESSED_LETTERS


def _needed(query: Token, word: WordForms, least: float, agree: bool, alone: bool) -> float:
    """The confidence written ``word`` needs to be accepted: ``least``, KEYS_APART_CONFIDENCE
    when its consonant keys are apart from the query's (not ``agree``), ARTICLE_APART_CONFIDENCE
    when it differs from an Arabic query word by the article and by other letters, and for
    a query word asked ``alone`` LONE_UNNAMED_CONFIDENCE when it is an ordinary word no table
    names (other_words.unnamed_word)."""
    needed = least if agree else max(least, KEYS_APART_CONFIDENCE)
    if _article_apart(query, word):
        needed = max(needed, ARTICLE_APART_CONFIDENCE)
    if alone and unnamed_word(query, word):
        needed = max(needed, LONE_UNNAMED_CONFIDENCE)
    return needed


def _article_apart(query: Token, word: WordForms) -> bool:
    """True when two Arabic words differ by the article (a name's letters behind it) and by
    letters besides it."""
    if query.script != ARABIC or word.script != ARABIC:
        return False
    query_rest = without_article(query.normalized, MIN_NAME_LETTERS)
    word_rest = without_article(word.normalized, MIN_NAME_LETTERS)
    return (query_rest is None) != (word_rest is None) and (
        (query_rest or query.normalized) != (word_rest or word.normalized))


def accepted_spellings(query: Token, candidates: list[Token]) -> dict[str, float]:
    """written candidate (``exact``) -> confidence, for those that reach min_confidence."""
    return spelling_confidences(query, candidates)[0]
