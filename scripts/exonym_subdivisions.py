"""CLDR's names of countries' first-level subdivisions (build time only).

US states, Canadian provinces, Indian and German states, Algerian wilayas, Egyptian and
Iraqi governorates: Arabic news names them as often as cities (Hawaii = هاواي, Ohio =
أوهايو, Punjab = بنجاب, Catalonia = كتالونيا, Quebec = كيبك), and no other source of the
table has them.  Without them "Hawaii" found هوي ("fell") and هواي, "Ohio" أهو ("is it?"),
"Oregon" عرجون ("a date stalk") on prose.jsonl, each spelt letter for letter.

Source: CLDR 41's ``common/subdivisions/{en,ar}.xml`` and ``supplemental/subdivisions.xml``
as Debian ships them (package unicode-cldr-core 41-0.1, Unicode licence; babel carries no
subdivision names).  Only the first level (the codes a country's ``subgroup`` lists), not
deprecated codes.  CLDR writes the kind of the subdivision into most Arabic names (ولاية
معسكر for Mascara, محافظة ... for a governorate, ... أوبلاست for an oblast) where the
English has the bare name: the kind word is left out (the service does not require such
words in a query either, query_words.PLACE_KINDS).  A Latin name that is a common English
word (Capital, Central) or a person's name Arabic text writes more often than the place
(exonym_sources.french_name) is left out, and so is an Arabic name that is an ordinary word
spelling none of its Latin names (exonym_filters.believable).
"""
from __future__ import annotations

import re
from pathlib import Path

from arabic_search.exonyms import PROVINCE_KIND, latin_key
from arabic_search.known_names import WELL_ATTESTED, person_spellings, times_seen_as_name
from arabic_search.normalize import normalize_word
from exonym_filters import believable
from exonym_entities import COMMON_WORD_ZIPF, FRENCH, MIN_ATTESTED_ZIPF, arabic_zipf, entity
from wordfreq import zipf_frequency

# Where Debian's unicode-cldr-core installs CLDR's common/ folder (scripts/build_exonyms.py
# --cldr-common names another).
CLDR_COMMON = Path("/usr/share/unicode/cldr/common")
CLDR_VERSION_FILE = "dtd/ldml.dtd"
KIND = PROVINCE_KIND
# A Latin name this short that English or French write often (COMMON_WORD_ZIPF) is a word
# first: Bar (Montenegro) = بار found "righteous" in seven hadith pages at 1.0.
SHORT_NAME = 3
_NAME = re.compile(r'<subdivision type="([a-z0-9]+)"[^>]*>([^<]+)</subdivision>([^\n]*)')
_SUBGROUP = re.compile(r'<subgroup type="([A-Z]{2})" contains="([^"]+)"')
# CLDR's marks telling namesakes apart (Rabat², بوينس آيرس²) and notes in brackets.
_MARKS = re.compile(r"[²³⁴]|\s*\([^)]*\)")
# The Arabic words for a kind of subdivision that CLDR puts before or after the name.
KIND_BEFORE = frozenset(
    "مقاطعة محافظة ولاية بلدية إقليم اقليم إدارة منطقة أبرشية كانتون شعبية ضاحية حي جهة شعبة "
    "المحافظة المقاطعة الإقليم المنطقة الإدارة القسم جمهورية شركة".split())
# ... and the words after it (also before it: أوبلاست أومسك), longest first.
KIND_AFTER = ("ذات الحكم الذاتي", "ذاتية الحكم", "ذاتي الحكم", "أوبلاستي", "أوبلاست", "أوكروغ", "كراي",
              "الإقليمية")
# ... unless the English name says the kind too (Western Province, Chiayi County).
ENGLISH_KINDS = frozenset("province county district region division krai oblast okrug municipality "
                          "parish governorate state department prefecture".split())


def subdivision_names(common: Path, language: str) -> dict[str, str]:
    """code -> name in ``language``, deprecated codes left out."""
    text = (common / "subdivisions" / f"{language}.xml").read_text(encoding="utf-8")
    return {code: _MARKS.sub("", name).strip() for code, name, rest in _NAME.findall(text)
            if "deprecated" not in rest}


def first_level(common: Path) -> dict[str, str]:
    """code of a first-level subdivision -> its country's code (upper case)."""
    text = (common / "supplemental" / "subdivisions.xml").read_text(encoding="utf-8")
    return {code: country for country, codes in _SUBGROUP.findall(text) for code in codes.split()}


def bare_arabic(arabic: str, english: str) -> str:
    """The Arabic name without the kind words CLDR adds to it, when the English has none."""
    if len(arabic.split()) < 2 or not ENGLISH_KINDS.isdisjoint(w.lower() for w in english.split()):
        return arabic
    first, _, rest = arabic.partition(" ")
    if first in KIND_BEFORE or first in KIND_AFTER:
        arabic = rest  # منطقة التبت ذاتية الحكم: both
    kind = next((kind for kind in KIND_AFTER if arabic.endswith(" " + kind)), None)
    return arabic[:-len(kind) - 1] if kind else arabic


def subdivisions(common: Path = CLDR_COMMON) -> dict[str, dict]:
    """The table's entities for CLDR's first-level subdivisions with an Arabic name that
    Arabic text writes (:func:`wanted`); those named as other entities of the table are
    left to them (build_exonyms.add_unnamed)."""
    english, arabic = subdivision_names(common, "en"), subdivision_names(common, "ar")
    out = {}
    for code in first_level(common):
        if code in english and code in arabic:
            latin, name = english[code], bare_arabic(arabic[code], english[code])
            if latin_key(latin) and wanted(name, latin):
                out[f"{KIND}:cldr:{code}"] = entity(KIND, [latin], [name], "cldr-subdivisions")
    return out


def wanted(arabic: str, latin: str) -> bool:
    """True when the Arabic name is written in Arabic text at all (wordfreq: Ohio = أوهايو,
    not Slovenia's Vitanje = فيتانيه), and is no ordinary word but as a name of the place
    (exonym_filters.believable, the fame gap for a foreign place: Awdal is not عدل
    "justice", nor Gharbia الغربية "the western"; name matching finds them as it spells
    them) nor a name the name table knows as a person's (WELL_ATTESTED times) and not as
    the Latin word's (Mureş is not موريس, Maurice); not a short common word (SHORT_NAME)."""
    words = latin_key(latin)
    if len(words) == 1 and len(words[0]) <= SHORT_NAME and max(
            zipf_frequency(words[0], language) for language in ("en", FRENCH)) >= COMMON_WORD_ZIPF:
        return False
    own = person_spellings(words[0]) if len(words) == 1 else frozenset()
    person = len(arabic.split()) == 1 and times_seen_as_name(normalize_word(arabic)) >= WELL_ATTESTED
    return (arabic_zipf(arabic) >= MIN_ATTESTED_ZIPF and bool(believable([arabic], [latin]))
            and (not person or normalize_word(arabic) in own))


def cldr_version(common: Path = CLDR_COMMON) -> str:
    """The CLDR version of the folder (its DTD says it), for the table's header."""
    found = re.search(r'cldrVersion CDATA #FIXED "([0-9.]+)"',
                      (common / CLDR_VERSION_FILE).read_text(encoding="utf-8"))
    return found.group(1) if found else "unknown"
