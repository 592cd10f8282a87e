"""Which of a gazetteer's Arabic names for a city are names of it in Arabic text.

GeoNames' alternate names carry no language tag and some are noise: a word that is
another thing's name (Mesquite, Texas = موسكو "Moscow"), a translation that is an
ordinary word (Liberdade = الحرية "freedom"), the Persian or Kurdish name in Arabic
letters (Sanandaj = سنه "year").  The exonym tier answers a table name as surely as the
name itself (confidence 1.0, no ordinary-word rule), so "Sanandaj" found 1,634 documents
of سنة on prose.jsonl and "Amman" ranked أمان ("safety") above عمّان.  An Arabic name
that is an ordinary word (ORDINARY_WORD_ZIPF) is kept only where it is believable:

* it spells one of the city's Latin names as the service would read it
  (names.confidence, SPELT_CONFIDENCE): Kabul = كابل, Seoul = سيول, Al Ain = العين; for
  a town of an Arabic-speaking country, whose Arabic name is its own, the bare alignment
  counts too (At Tall = التل).  A word no Latin name of the city spells is a translation
  or noise; the translations worth keeping (Venice = البندقية) are the hand-curated
  supplement's to give;
* beside a name CLDR gives (curated), it is a close variant of that name
  (likeness.arabic_arabic, CLOSE_VARIANT): كابل beside كابول, not امان beside عمّان.

* for a town outside the Arabic-speaking countries, Arabic text does not write the word
  far more often than Latin text names the town (FAME_GAP, wordfreq's Zipf of its Latin
  names in English and French): Arabic news writes a foreign town about as often as
  English news does (برلين, 4.5 and 4.5; مانشستر 4.5 and 4.4), so a word written a
  hundred times as often owes its frequency to itself.  GeoNames spells Qom قوم
  ("people", 4.5; Qom 2.0), Yuma يوما ("a day"), Albacete البسيط ("the simple"), Uşak
  عشاق ("lovers"), Emmen امن ("security"), Dhule دوله ("state"), and each Latin query
  answered them at confidence 1.0 (Qom: 458 documents of prose.jsonl, none about it).
  Medan = ميدان and Hisar = حصار go too: names that are words ("square", "siege"), left
  to name matching like any other (Mashhad keeps مشهد, the name CLDR gives it).

Where the table drops a transliteration, name matching (names.py) still finds it, with
its ordinary-word rules.  Noise that spells a Latin name of the city stays (Mosul =
موصول "connected"; Tabqa = الثورة, spelt by its former name Ath Thawrah), and so do
the names of Arabic-speaking towns that are ordinary words (Al Wajh = الوجه): they are
the towns' own names, and Latin text names few of them at all.

And a country's iso-codes translation that is another country's CLDR name is a translation
error (Moldova = المالديف, the Maldives): :func:`names_another_country`.

Build-time only (scripts/build_exonyms.py); pure functions of the names.
"""
from __future__ import annotations

from arabic_search.analysis import analyze
from arabic_search.exonyms import latin_key, norm_words
from arabic_search.likeness import arabic_arabic, latin_arabic
from arabic_search.names import confidence
from arabic_search.normalize import normalize_word
from arabic_search.other_words import written_and_bare
from arabic_search.scripts import LATIN
from arabic_search.splitter import word_zipf
from wordfreq import zipf_frequency

# wordfreq's Zipf scale for Arabic: a one-word name this common is an ordinary word too
# (أمان 4.4, الثورة 5.2, بحري 4.0), or a name Arabic news writes often (كابل 3.9).
ORDINARY_WORD_ZIPF = 3.5
# How surely a Latin name of the city must be spelt by the Arabic word: well below the
# service's own minimum (0.75), so that only words no Latin name explains are dropped.
SPELT_CONFIDENCE = 0.6
# A foreign town's ordinary-word name is written at most this many Zipf steps more often in
# Arabic than its Latin names are in English or French (FAME_LANGUAGES).  Of the 238 such
# names GeoNames gives, 25 are written 2 steps more or over, all noise but Medan, Mashhad,
# Orumiyeh, Hisar and Āmol (20 of 25); at 1.5-2 steps legitimate names begin (Odesa, Köln,
# Hefei).
FAME_GAP = 2.0
# wordfreq's full lists in these two languages, not fame.latin_zipf (the service's: small
# lists, eight languages), which lacks towns as well known as Isfahan and would drop أصفهان.
FAME_LANGUAGES = ("en", "fr")
# Two spellings of one name this alike (كابول / كابل 0.88, سول / سيول 0.90; عمان / امان
# 0.70, الموصل / موصول 0.65).
CLOSE_VARIANT = 0.85


def is_ordinary_word(arabic: str) -> bool:
    """True for a one-word name this common in Arabic text (ORDINARY_WORD_ZIPF)."""
    words = arabic.split()
    return len(words) == 1 and word_zipf(normalize_word(words[0])) >= ORDINARY_WORD_ZIPF


def spells_a_name(arabic: str, latin_names: list[str], native: bool = False) -> bool:
    """True when the one Arabic word spells a word of one of ``latin_names``, or all of one
    run together (New York = نيويورك), as the service reads a Latin name: without the
    table of known spellings (its exonyms are what is being built), so ``shows_article``.

    ``native``: the Arabic is the town's own name (an Arabic-speaking country) and its
    Latin names romanize it, so the bare alignment counts too, without the service's
    rules for short and common words: At Tall = التل, Al Hayy = الحي, As Sadd = السد are
    towns, though تل, حي, سد are too short to be read as a name alone."""
    written = analyze(arabic)
    if len(written) != 1:
        return False
    keys = [latin_key(name) for name in latin_names]
    words = {word for key in keys for word in key} | {"".join(key) for key in keys}
    tokens = [token for word in words for token in analyze(word) if token.script == LATIN]
    if any(confidence(token, written[0], weigh_common=False, shows_article=True) >= SPELT_CONFIDENCE
           for token in tokens):
        return True
    return native and any(latin_arabic(token.normalized, form, weigh_common=False) >= SPELT_CONFIDENCE
                          for token in tokens for form in written_and_bare(written[0]))


def believable(arabic: list[str], latin_names: list[str], native: bool = False) -> list[str]:
    """The gazetteer's Arabic names of a city, without the ordinary words that spell none
    of its Latin names (``native``: see spells_a_name) or, for a foreign town, that are
    far commoner than the town (:func:`commoner_than_the_town`)."""
    return [name for name in arabic if not is_ordinary_word(name) or (
        spells_a_name(name, latin_names, native)
        and (native or not commoner_than_the_town(name, latin_names)))]


def commoner_than_the_town(arabic: str, latin_names: list[str]) -> bool:
    """True when the one Arabic word is FAME_GAP Zipf steps commoner in Arabic text than
    the commonest of the town's ``latin_names`` is in English or French text."""
    if len(arabic.split()) != 1:
        return False
    fame = max((zipf_frequency(" ".join(latin_key(name)), language)
                for name in latin_names for language in FAME_LANGUAGES), default=0.0)
    return word_zipf(normalize_word(arabic.strip())) - fame >= FAME_GAP


def beside_curated(curated: str, arabic: list[str]) -> list[str]:
    """The gazetteer's names kept beside CLDR's ``curated`` name: the ordinary words only
    when they are close variants of it."""
    if len(curated.split()) != 1:
        return arabic
    anchor = normalize_word(curated)
    return [name for name in arabic if not is_ordinary_word(name) or
            arabic_arabic(anchor, normalize_word(name), weigh_common=False) >= CLOSE_VARIANT]


def names_another_country(name: str, code: str, arabic: dict[str, str]) -> bool:
    """True when an iso-codes translation of country ``code`` is CLDR's Arabic name of
    another country, or its last words (iso-codes translates Moldova المالديف, the
    Maldives, whose CLDR name is جزر المالديف): a translation error, not a second name."""
    words = norm_words(name)
    if not words or words == norm_words(arabic.get(code) or ""):
        return False
    return any(other != code and other.isalpha() and len(other) == 2
               and norm_words(other_name)[-len(words):] == words
               for other, other_name in arabic.items())
