"""Unit tests of the analysis module (no Elasticsearch): issue 3, point by point."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from pyarabic import araby

from arabic_search.analysis import analyze
from arabic_search import clitics, splitter
from arabic_search.clitics import clitic_readings
from arabic_search.namekeys import arabic_key, latin_keys
from arabic_search.normalize import normalize_word
from arabic_search.splitter import split_word
from arabic_search.stemmer import light_stem
from conftest import ROOT


def norms(text: str) -> list[str]:
    return [token.normalized for token in analyze(text)]


def only(text: str):
    tokens = analyze(text)
    assert len(tokens) == 1, tokens
    return tokens[0]


# 1. Orthographic normalization --------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("أحمد", "احمد"), ("إفريقيا", "افريقيا"), ("آمن", "امن"), ("ٱلله", "الله"),
    ("مستشفى", "مستشفي"), ("مدرسة", "مدرسه"), ("فائز", "فايز"), ("مسؤول", "مسوول"),
    ("مُحَمَّدٌ", "محمد"), ("هٰذا", "هذا"), ("جـــزء", "جزء"), ("ﻻ", "لا"), ("ﷲ", "الله"),
    ("ﺑﻴﺮﻭﺕ", "بيروت"), ("کتاب", "كتاب"), ("ی", "ي"), ("٢٠١٨", "2018"), ("۲۰۱۸", "2018"),
    ("ڤيينا", "فيينا"), ("مھيدي", "مهيدي"), ("Ḥasan", "hasan"), ("PARIS", "paris"), ("وَٱلْقُرْآنِ", "والقران"),
])
def test_normalize_word(raw, expected):
    assert normalize_word(raw) == expected


@pytest.mark.parametrize("function_word, name", [
    ("على", "علي"), ("عَلَى", "علي"), ("إلى", "إلي"), ("حتى", "حتي"), ("لدى", "لدي"),
    ("وعلى", "وعلي"), ("فإلى", "فإلي"),
])
def test_function_words_written_with_alef_maksura_keep_it(function_word, name):
    # على ("on") is not علي (Ali); every other ى is folded (مستشفى, موسى = موسي)
    assert normalize_word(function_word) != normalize_word(name)
    assert normalize_word(function_word).endswith("ى")
    assert normalize_word("موسى") == normalize_word("موسي") == "موسي"
    assert normalize_word("بعلى") == "بعلي"  # not a function word behind ب


def test_quranic_marks_and_zero_width_characters_vanish():
    assert normalize_word("الرَّحْمَٰنِ\u06da") == "الرحمن"
    assert normalize_word("ويليا\u200cمز\u200d") == "ويليامز"


def test_pyarabic_pitfalls_are_avoided():
    # pyarabic's normalize_alef would fold ى into ا; ours makes it a yeh.
    assert normalize_word("مستشفى") == "مستشفي"
    # pyarabic's strip_tashkeel would keep U+0670 and tatweel; ours drops both.
    assert normalize_word("هٰـذا") == "هذا"


def test_arabic_punctuation_separates_words():
    assert norms("قال، «نعم»؛ لماذا؟ “حقا”") == ["قال", "نعم", "لماذا", "حقا"]


def test_hamza_seats_before_waw_share_a_variant():
    forms = [only(word) for word in ("مسؤول", "مسئول", "مسءول")]
    assert {token.variants for token in forms} == {("مسول",)}
    assert arabic_key(normalize_word("مسؤول")) == arabic_key(normalize_word("مسئول"))
    assert only("فائز").variants == ()  # فائز must not become فاز ("won")


# 2. Tokens with offsets ------------------------------------------------------------------

def test_offsets_point_into_the_original_text_with_diacritics():
    text = "قالَ المُتَحَدِّثُ: Fayez al-Sarraj، ٢٠١٨"
    tokens = analyze(text)
    assert [text[t.start:t.end] for t in tokens] == [t.text for t in tokens]
    assert [t.text for t in tokens] == ["قالَ", "المُتَحَدِّثُ", "Fayez", "al", "Sarraj", "٢٠١٨"]
    assert [t.script for t in tokens] == ["arabic", "arabic", "latin", "latin", "latin", "number"]
    assert tokens[-1].normalized == "2018"


def test_apostrophes_join_latin_words_but_quote_arabic_ones():
    assert norms("M'hamed Sa’ad O'Brien") == ["mhamed", "saad", "obrien"]
    assert norms("و‘لا’ 'word'") == ["و", "لا", "word"]
    assert set(only("M'hamed").keys) & set(only("محمد").keys)


def test_latin_words_are_lower_cased_and_accent_folded():
    assert norms("Ḥasan SÉBASTIEN Müller") == ["hasan", "sebastien", "muller"]


def test_exact_form_drops_only_vowel_marks():
    assert only("مُحَمَّدٌ").exact == "محمد"
    assert only("أَحْمَد").exact == "أحمد"
    assert only("جـــزء").exact == "جزء"


def test_diacritized_and_plain_text_analyse_the_same():
    vowelled = "حَدَّثَنَا مُحَمَّدُ بْنُ عُبَيْدٍ عَنِ ابْنِ عُمَرَ"
    assert norms(vowelled) == norms(araby.strip_tashkeel(vowelled))


# 3. Clitics --------------------------------------------------------------------------------

@pytest.mark.parametrize("word, reading", [
    ("لويليامز", "ويليامز"), ("بطرابلس", "طرابلس"), ("لطرابلس", "طرابلس"), ("وليبيا", "ليبيا"),
    ("الأفريكوم", "افريكوم"), ("للحكومة", "حكومه"), ("وبالشراكة", "شراكه"), ("السراج", "سراج"),
])
def test_clitic_readings_include_the_stripped_word(word, reading):
    assert reading in only(word).readings


@pytest.mark.parametrize("name", ["وليامز", "والدهاوزر"])
def test_names_that_look_like_clitics_keep_their_whole_form(name):
    token = only(name)
    assert token.normalized == normalize_word(name)  # the whole word is always indexed
    assert token.readings  # candidate readings exist too; ranking prefers the whole word


def test_short_words_are_not_stripped():
    assert clitic_readings("من") == [] and clitic_readings("بن") == [] and clitic_readings("ولد") == []


# 4. Light stemming -------------------------------------------------------------------------

def test_light_stem_removes_article_and_suffixes():
    assert light_stem("الاجتماعات") == "اجتماع"
    assert light_stem("المسلمون") == "مسلم"


def test_classic_overstems_do_not_happen():
    # Snowball and Lucene map وزارة to زار; our stem keeps the و.
    assert light_stem(normalize_word("وزارة")) != light_stem("زار")
    # Lucene's stock analyzer strips وال off the name والدهاوزر; our normalized form keeps it.
    assert only("والدهاوزر").normalized == "والدهاوزر"
    assert light_stem(normalize_word("فلسطين")).startswith("فلسط")


# 5. Run-together words ------------------------------------------------------------------

@pytest.mark.parametrize("word, parts", [
    ("الولاياتالمتحدة", ["الولايات", "المتحده"]),
    ("الأممالمتحدة", ["الامم", "المتحده"]),
    ("الولاياتالمتحدةالامريكية", ["الولايات", "المتحده", "الامريكيه"]),
])
def test_run_together_words_are_split(word, parts):
    assert list(only(word).parts) == parts


@pytest.mark.parametrize("word", ["الاستراتيجية", "والاستقرار", "والدهاوزر", "والدهاوسير",
                                  "وليامز", "الأفريكوم", "المصالحة", "عبدالله"])
def test_common_words_and_names_are_not_split(word):
    assert only(word).parts == ()


def test_split_respects_clitic_readings():
    assert split_word("والاستقرار", ("الاستقرار", "استقرار")) == []


# 6 and 7. Name keys --------------------------------------------------------------------

@pytest.mark.parametrize("group", [
    ["والدهاوزر", "والدهاوسر", "والدهاوسير", "فالدهاوزر"],
    ["فايز", "فائز"], ["وليامز", "ويليامز"], ["جونز", "جونس"], ["طرابلس", "ترابلس"],
    ["رمضان", "رمدان"], ["مكة", "مكه", "مقه"],
])
def test_arabic_spellings_of_one_name_share_a_key(group):
    keys = {arabic_key(normalize_word(word)) for word in group}
    assert len(keys) == 1, keys


@pytest.mark.parametrize("latin, arabic", [
    ("Waldhauser", "والدهاوزر"), ("Waldhauser", "والدهاوسير"), ("Williams", "ويليامز"),
    ("Fayez", "فائز"), ("Sarraj", "السراج"), ("AFRICOM", "أفريكوم"), ("Muhammad", "محمد"),
    ("Mohamed", "محمد"), ("Jones", "جونز"), ("Michael", "مايكل"), ("Charles", "تشارلز"),
    ("Paris", "باريس"), ("Libya", "ليبيا"), ("Stephanie", "ستيفاني"), ("Abdelkader", "القادر"),
    ("Ould", "ولد"), ("Saad", "سعد"),
])
def test_latin_and_arabic_spellings_share_a_key(latin, arabic):
    assert set(only(latin).keys) & set(only(arabic).keys)


@pytest.mark.parametrize("latin, arabic", [
    # the interdental letters read as sibilants (Persian, Turkish, Egyptian spellings)
    ("Osman", "عثمان"), ("Zakir", "ذاكر"), ("Nazim", "ناظم"), ("Kazem", "كاظم"),
    ("Zafar", "ظافر"), ("Hafez", "الحافظ"),
    # Latin bh is ب + ح as often as an aspirated b
    ("Bhouri", "البحوري"), ("Bhir", "بهير"),
    # a final -et, -at is a ta marbuta sounded
    ("Najet", "نجاة"), ("Hadjret", "حجرة"), ("Rahmat", "رحمة"),
    # German s before t, p at the start of a word and of -stadt
    ("Stockach", "شتوكاخ"), ("Halberstadt", "هلبرشتات"), ("Darmstadt", "دارمشتات"),
    ("Speyer", "شباير"),
    # Russian zh is ج, Slavic c is تس
    ("Uzhur", "أوجور"), ("Brezhnev", "بريجنيف"), ("Gliwice", "غليفيتسه"),
    ("Kragujevac", "كراغوييفاتس"),
])
def test_latin_and_arabic_spellings_keys_agree_as_they_are_sounded(latin, arabic):
    """Their keys are the same or one edit apart: the candidates the keys find, whose
    confidence needs no more than the minimum (names.KEYS_APART_CONFIDENCE)."""
    from arabic_search.lexicon import keys_agree
    assert keys_agree(only(latin), only(arabic)), (only(latin).keys, only(arabic).keys)


def test_the_sounded_readings_add_keys_and_keep_the_written_ones():
    assert {"TMN", "SMN"} <= set(only("عثمان").keys)
    assert {"BR", "BHR"} <= set(only("Bhouri").keys)
    assert {"NKT", "NK"} <= set(only("Najet").keys)
    assert "STKHLM" in only("Stockholm").keys  # Stockholm = ستوكهولم keeps its s
    assert set(only("Bet").keys) == {"BT"}  # too short to lose its t
    assert set(only("Robert").keys) == {"RBRT"}  # -ert is no ta marbuta
    assert set(only("Carlos").keys) == {"KRLS"}  # a hard c inside a word is k only


@pytest.mark.parametrize("one, other", [("والدهاوزر", "ويليامز"), ("Williams", "طرابلس"),
                                        ("محمد", "مايكل"), ("Paris", "ليبيا")])
def test_different_names_do_not_share_keys(one, other):
    assert not set(only(one).keys) & set(only(other).keys)


def test_latin_particles_carry_no_keys():
    tokens = analyze("Fayez al-Sarraj")
    assert [bool(t.keys) for t in tokens] == [True, False, True]
    assert latin_keys("Thomas")[0] == "TMS"


# 8. CLI twin of /api/analyze ------------------------------------------------------------

def test_analyze_cli_prints_the_api_shape():
    out = subprocess.run([sys.executable, "-m", "arabic_search", "لويليامز"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    token = json.loads(out)["tokens"][0]
    assert {"text", "start", "end", "normalized", "readings", "stem", "parts", "keys"} <= set(token)
    assert token["text"] == "لويليامز" and "ويليامز" in token["readings"]


@pytest.mark.parametrize("text, words", [
    ("11.1.3. قيود", ["11.1.3", "قيود"]),       # a section number is one word, as in ES
    ("بلغ 3,5 مليون", ["بلغ", "3,5", "مليون"]),
    ("١٢٫٥ بالمئة", ["12.5", "بالميه"]),          # Arabic-Indic digits and decimal separator
    ("نهاية. ثم 2024-05-01", ["نهايه", "ثم", "2024", "05", "01"]),  # a full stop ends a word
])
def test_numbers_keep_their_separators_between_digits(text, words):
    assert [token.normalized for token in analyze(text)] == words
    assert all(token.script == "number" for token in analyze(text) if token.normalized[0].isdigit())


def test_a_pronoun_glued_on_is_taken_off_only_when_a_word_remains():
    assert clitics.without_enclitic("توازيها") == "توازي"
    assert clitics.without_enclitic("كتابهم") == "كتاب"
    assert clitics.without_enclitic("بيرنا") is None    # Pirna: names end in نا too
    assert clitics.without_enclitic("مها") is None      # Maha: too little would remain
    assert clitics.without_enclitic("عبده") is None     # a bare ه is also ة, and a name
    assert splitter.word_zipf("توازيها") == splitter.word_zipf("توازي") > 0


@pytest.mark.parametrize("latin, arabic", [
    ("Uşak", "أوشاك"), ("Kırşehir", "قرشهر"), ("Brčko", "برتشكو"), ("Benešov", "بينيشوف"),
])
def test_a_mark_that_changes_the_consonant_keeps_its_sound_in_the_keys(latin, arabic):
    """ş, š, č... fold to s and c for a Latin reader (Uşak = Usak), but Arabic writes the
    sound (ش, تش): the word keeps the key of that sound beside the folded one, so the
    lexicon finds its spelling (graphemes.latin_sounded)."""
    word, spelling = analyze(latin)[0], analyze(arabic)[0]
    assert word.normalized == normalize_word(latin.replace("ş", "s").replace("č", "c").replace("š", "s"))
    assert set(word.keys) & set(spelling.keys), (word.keys, spelling.keys)
    assert set(word.keys) >= set(latin_keys(word.normalized))  # the folded reading's keys stay


def test_a_word_without_sounding_marks_has_only_its_own_keys():
    assert analyze("Usak")[0].keys == tuple(latin_keys("usak"))
    assert analyze("Şabyā")[0].keys[0] == latin_keys("sabya")[0]  # ş as ص comes first


@pytest.mark.parametrize("word, options, chosen", [
    ("waldhuser", ["waldhauser"], "waldhauser"),
    ("fayez", ["fake"], None),                     # "fake Sarraj" for "Fayez al-Sarraj"
    ("dhabi", ["debi", "dhabi"], "dhabi"),         # the first option like it
    ("السراح", ["السراج"], "السراج"),
    ("طرابلز", ["طرابلس"], "طرابلس"),
    ("qzxv", ["quiz"], None),
])
def test_did_you_mean_offers_only_another_spelling_of_the_word(word, options, chosen):
    from arabic_search.query import correction
    assert correction(analyze(word)[0], options) == chosen
