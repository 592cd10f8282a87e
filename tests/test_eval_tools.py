"""The evaluation's pure pieces (bench/): tune/report split, spelling noise, absent-name filter,
query generators and the emulated light Arabic analysis.  No Elasticsearch involved."""
from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import noise  # noqa: E402
import querygen  # noqa: E402
import split  # noqa: E402
from arabic_text import light_analyze, light_stem, normalize, words  # noqa: E402

HAMZA_AND_MARKS = set("أإآ") | set(noise.VOWEL_MARKS) | {noise.TATWEEL}


# ----------------------------------------------------------------------------- split

def test_split_is_deterministic_and_ignores_whitespace():
    assert split.is_tuning("Tripoli") == split.is_tuning("  Tripoli ")
    assert split.is_tuning("Abu  Bakr") == split.is_tuning("Abu Bakr")


def test_split_known_values_never_change():
    # Pinned: if these move, every published report figure silently changes population.
    keys = ("Tripoli", "Waldhauser", "فايز السراج", "Cairo", "Alger", "Tunis")
    assert [split.is_tuning(k) for k in keys] == PINNED


def test_split_halves_are_disjoint_and_balanced():
    keys = [f"name {n}" for n in range(4000)]
    tune = {k for k in keys if split.in_split(k, split.TUNE)}
    report = {k for k in keys if split.in_split(k, split.REPORT)}
    assert tune.isdisjoint(report) and tune | report == set(keys)
    assert 0.45 < len(tune) / len(keys) < 0.55
    assert all(split.in_split(k, split.ALL) for k in keys)


PINNED = [True, True, True, False, False, True]


def test_split_rejects_unknown_names():
    with pytest.raises(ValueError):
        split.in_split("x", "test")


# ----------------------------------------------------------------------------- noise

QUERY = "أعلنت لجنة جائزة الطيب صالح للإبداع الكتابي"


def test_noise_is_deterministic_per_seed():
    assert noise.noisy(QUERY, 3) == noise.noisy(QUERY, 3)
    assert len({noise.noisy(QUERY, seed) for seed in range(20)}) > 10


def test_noise_changes_at_least_one_word_and_keeps_the_word_count():
    for seed in range(200):
        out = noise.noisy(QUERY, seed, rate=0.0)
        assert out != QUERY
        assert len(out.split()) == len(QUERY.split())


@pytest.mark.parametrize(("edit", "word", "expected"), [
    ("hamza", "أعلنت", "اعلنت"), ("hamza", "إبداع", "ابداع"), ("hamza", "آمال", "امال"),
    ("ending", "لجنة", "لجنه"), ("ending", "مدرسه", "مدرسة"), ("ending", "مستشفى", "مستشفي"),
    ("ending", "علي", "على"), ("ending", "جائزةٌ", "جائزهٌ"),
    ("remove_clitic", "والكتاب", "الكتاب"), ("remove_clitic", "بالقلم", "القلم"),
    ("remove_clitic", "للطالب", "الطالب"), ("remove_clitic", "الكتاب", "كتاب"),
])
def test_each_edit(edit, word, expected):
    assert noise.EDITS[edit](word, random.Random(0)) == expected


def test_edits_that_do_not_apply_return_none():
    rng = random.Random(0)
    assert noise.drop_hamza("كتاب", rng) is None
    assert noise.swap_ending("كتاب", rng) is None
    assert noise.remove_clitic("الي", rng) is None  # would leave less than a word
    assert noise.add_tatweel("ادر", rng) is None     # no letter joins the next


def test_add_clitic_glues_lam_to_the_article():
    outs = {noise.add_clitic("الطالب", random.Random(seed)) for seed in range(50)}
    assert outs == {"والطالب", "بالطالب", "للطالب", None}


def test_marks_and_tatweel_normalize_away():
    rng = random.Random(1)
    for word in ("صالح", "الكتابي", "لجنة"):
        for edit in (noise.add_vowels, noise.add_tatweel):
            out = edit(word, rng)
            assert out != word and normalize(out) == normalize(word)


def test_noise_keeps_letters_it_was_not_asked_to_touch():
    for seed in range(100):
        out = noise.noisy("صالح الكتابي", seed)
        stripped = "".join(c for c in out if c not in HAMZA_AND_MARKS)
        assert "صالح" in stripped or "كتاب" in stripped


# ----------------------------------------------------------------------------- absent names

CORPUS = querygen.CorpusWords([
    "وصل محمد الفلاني إلى طرابلس أمس",
    "قال الرئيس في مؤتمر صحفي إن المدرسة مغلقة",
    "Debian est une distribution Linux",
    "سافر بإسبانيا وزار عبد الحميد فوزا والخيضر ووليد سعيد",
])


@pytest.mark.parametrize("text", ["طرابلس", "طَرَابُلُس", "المدرسه", "المدرسة", "محمد الفلاني",
                                  "DEBIAN", "linux"])
def test_present_words_and_sequences(text):
    assert CORPUS.has_phrase(text)


def test_absent_name_filter():
    assert querygen.name_absent("Waldhauser", ["والدهاوزر"], CORPUS)
    assert not querygen.name_absent("Tripoli", ["طرابلس"], CORPUS)          # Arabic spelling occurs
    assert not querygen.name_absent("Tripoli", ["اطرابلس", "طرابلس"], CORPUS)  # any spelling counts
    assert not querygen.name_absent("Linux", ["لينكس"], CORPUS)             # the Latin name occurs
    assert not querygen.name_absent("Al-Madrasa", ["المدرسه"], CORPUS)     # normalized form occurs
    assert not querygen.name_absent("Madrasa", ["مدرسة"], CORPUS)           # behind the article
    assert not querygen.name_absent("Spain", ["اسبانيا"], CORPUS)            # behind a preposition
    assert not querygen.name_absent("Al-Khaydar", ["الخيضر"], CORPUS)       # و + ال
    assert not querygen.name_absent("Khaydar", ["خيضر"], CORPUS)
    assert not querygen.name_absent("Abdelhamid", ["عبدالحميد"], CORPUS)    # written as two words
    assert not querygen.name_absent("Walid Said", ["وليد سعيد"], CORPUS)     # a clitic on the first word
    assert querygen.name_absent("Waza", ["وزا"], CORPUS)      # too short to be read behind ف (فوزا)
    assert querygen.name_absent("Walid", ["لوليد"], CORPUS)   # a clitic is read off the corpus, not the name
    assert querygen.name_absent("Said Walid", ["سعيد وليد"], CORPUS)       # order still matters
    assert not querygen.name_absent("X", [], CORPUS)                        # no spelling: not a name


def test_multi_word_names_are_absent_unless_the_sequence_occurs():
    assert querygen.name_absent("Mohamed Zarrouk", ["محمد زروق"], CORPUS)
    assert querygen.name_partly_present("Mohamed Zarrouk", ["محمد زروق"], CORPUS)
    assert not querygen.name_absent("Mohamed al-Fulani", ["محمد الفلاني"], CORPUS)
    assert not querygen.name_partly_present("Waldhauser", ["والدهاوزر"], CORPUS)
    assert querygen.name_absent("Fulani Mohamed", ["الفلاني محمد"], CORPUS)  # order matters


def test_nonsense_strings_follow_the_shape():
    rng = random.Random(5)
    for _ in range(200):
        text = querygen.nonsense(rng, querygen.ARABIC_LETTERS)
        parts = text.split()
        assert 1 <= len(parts) <= 2 and all(2 <= len(p) <= 6 for p in parts)
        assert set(text) <= set(querygen.ARABIC_LETTERS) | {" "}


# ----------------------------------------------------------------------------- topical queries

# Only the second sentence of DOCS[0] has rare words: the others occur in every filler document.
DOCS = ["الكتاب مفيد جدا. وجد الباحث مخطوطة نادرة في مكتبة قرطبة القديمة. في من",
        *["الكتاب مفيد جدا في البيت من"] * (querygen.RARE_MAX_DF + 2)]


def test_distinctive_query_takes_rare_words_of_one_sentence_in_order():
    df = querygen.document_frequencies(DOCS)
    query = querygen.distinctive_query(DOCS[0], df, random.Random(2))
    kept = query.split()
    assert 3 <= len(kept) <= 5
    sentence = words("وجد الباحث مخطوطة نادرة في مكتبة قرطبة القديمة")
    assert all(w in sentence for w in kept)
    assert kept == sorted(kept, key=sentence.index)
    assert "في" not in kept


def test_rare_common_query_mixes_one_rare_and_two_common_words():
    df = querygen.document_frequencies(DOCS)
    common = querygen.most_common(df, 3)
    query = querygen.rare_common_query(DOCS[0], df, common, random.Random(4)).split()
    assert len(query) == 3
    assert sum(normalize(w) in common for w in query) == 2


def test_within_limits():
    assert querygen.within_limits("كلمة " * 12)
    assert not querygen.within_limits("كلمة " * 13)
    assert not querygen.within_limits("ا" * 201)
    assert not querygen.within_limits("   ")


# ----------------------------------------------------------------------------- light analysis

@pytest.mark.parametrize(("word", "stem"), [
    ("الكتاب", "كتاب"), ("والكتاب", "كتاب"), ("بالقلم", "قلم"), ("للطالب", "طالب"),
    ("وزير", "زير"), ("ولد", "ولد"), ("معلمون", "معلم"), ("مدرسات", "مدرس"), ("كتابها", "كتاب"),
])
def test_light_stem_follows_lucene(word, stem):
    assert light_stem(normalize(word)) == stem


def test_light_analyze_normalizes_then_stems():
    assert light_analyze("أحمدُ والمدرسةِ") == "احمد مدرس"
    assert Counter(light_analyze("الكتاب والكتاب كتاب").split()) == {"كتاب": 3}


@pytest.mark.parametrize(("query", "plain"), [
    ("«الأمم المتحدة» تدين", "الأمم المتحدة تدين"), ('"Abu Bakr"', "Abu Bakr"),
    ("طرابلس -بنغازي", "طرابلس بنغازي"), ("صحيح البخاري - كتاب المرضى", "صحيح البخاري كتاب المرضى"),
    ("al-Sarraj", "al-Sarraj"),
])
def test_plain_text_drops_query_syntax(query, plain):
    assert querygen.plain_text(query) == plain
