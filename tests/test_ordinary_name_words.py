"""An ordinary word inside a name (issue 9, seventh round; issue 10: Arabic variants).

An Arabic word too common to be a name query alone (Zipf >= names.ORDINARY_ZIPF: تونس,
الرئيس) is still a word of a name when it stands in a short query beside a name word:
لاس تونس is Las Tunas, written لاس توناس too; الرئيس حميدو is the town Rais Hamidou,
written الرايس حميدو.  There such a word seeks its other spellings, and they count only
beside the rest of the name (``QueryWord.beside_only``).  Alone, or in a query of
ordinary words only, it is a word: تونس finds تونس and never توناس.

A word the frequency list counts less often (other_words.LISTED_ZIPF) that no table knows
as a word of a name is an ordinary word too: its other spellings are names' spellings only
(other_words.another_arabic_word: المصريين found المصورين, "the photographers", and
المصراعين), wherever it stands, and it is no typo to correct (query.correction).
The plural's other case is the same word (stemmer.case_twins): المصريون for المصريين.
"""
from __future__ import annotations

import pytest

from arabic_search.analysis import analyze
from arabic_search.names import spelling_confidences
from arabic_search.plan import plan_query
from arabic_search.query import correction
from arabic_search.stemmer import case_twins
from support import api_search, indexed_client, matches_by_text

DOCS = {
    "tunas": {"title": "", "body": "تقع مدينة لاس توناس في شرق كوبا وتشتهر بالنحت."},
    "hamidou": {"title": "", "body": "زار الوفد بلدة الرايس حميدو غرب العاصمة الجزائرية."},
    # the same spellings, not beside the rest of the name
    "apart": {"title": "", "body": "وصف الكاتب توناس في روايته، ثم قال الرايس إن الرحلة طالت. "
                                   "وسافر حميدو بعيدا إلى لاس فيغاس."},
    "tunis": {"title": "", "body": "عاد الوفد إلى تونس بعد زيارة قصيرة."},
    "egyptians": {"title": "", "body": "قال المصريون إن الرحلة طالت."},
    "photographers": {"title": "", "body": "تجمع المصورين أمام القاعة وغادر المصران."},
}


def _beside_only(query: str) -> dict[str, bool]:
    return {word.token.normalized: word.beside_only for word in plan_query(analyze(query)).words}


def test_an_ordinary_word_beside_a_name_word_seeks_its_spellings_beside_it():
    assert _beside_only("لاس تونس") == {"لاس": False, "تونس": True}
    assert _beside_only("الرئيس حميدو") == {"الرييس": True, "حميدو": False}


@pytest.mark.parametrize("query", ["تونس", "وزارة الصحة", "عبد الرحمن"])
def test_alone_among_ordinary_words_or_as_a_compound_head_it_is_a_word(query):
    # no word of the query is a name query (وزارة الصحة), or the word heads a compound
    # name (عبد): nothing is sought beside-only
    assert not any(_beside_only(query).values()), _beside_only(query)


def test_no_other_spelling_is_sought_without_fuzzy():
    assert not any(word.seeks_names for word in plan_query(analyze("لاس تونس"), fuzzy=False).words)


@pytest.fixture(scope="module")
def client(es_client, es_url, tmp_path_factory):
    return indexed_client(es_client, es_url, tmp_path_factory.mktemp("ordinary"), "ordinary",
                          [{"id": key, **doc} for key, doc in DOCS.items()])


@pytest.mark.parametrize("query, doc, word", [
    ("لاس تونس", "tunas", "توناس"),
    ("الرئيس حميدو", "hamidou", "الرايس"),
])
def test_the_name_is_found_with_the_ordinary_words_other_spelling_marked(client, query, doc, word):
    hits = api_search(client, q=query, size=10)["hits"]
    assert [hit["id"] for hit in hits] == [doc]  # not "apart": the spellings stand apart there
    matches = matches_by_text(hits[0])
    assert word in matches, matches
    assert matches[word]["confidence"] < 1.0  # another spelling, and the page says so


def test_alone_the_ordinary_word_finds_only_itself(client):
    assert [hit["id"] for hit in api_search(client, q="تونس", size=10)["hits"]] == ["tunis"]


@pytest.mark.parametrize(("query", "word", "spelling"), [
    ("المصريين", "المصورين", False), ("السادسة", "سدسه", False),   # ordinary: no name's spelling
    ("ويليامز", "وليامز", True),    # the world's spelling of Williams
    ("يونج", "يونغ", True), ("طاهر", "طاهير", True)])
def test_an_ordinary_words_other_spellings_are_names_spellings(query, word, spelling):
    accepted, beside = spelling_confidences(analyze(query)[0], [analyze(word)[0]])
    assert bool(accepted or beside) is spelling


@pytest.mark.parametrize(("query", "word"), [
    ("المصالحة", "المصلحة"), ("يحرز", "يحرس"), ("البرتقالي", "البرتغالي"),
    ("المصريين", "المصورين")])
def test_an_ordinary_word_is_no_spelling_of_another_even_beside_a_name(query, word):
    """Each pair aligns at 0.80 or more: the likeness alone would accept it."""
    accepted, beside = spelling_confidences(analyze(query)[0], [analyze(word)[0]])
    assert accepted == beside == {}


def test_the_plural_in_its_other_case_is_the_same_word():
    assert case_twins(frozenset({"المصريين", "مصريين"})) == {"المصريون", "مصريون"}
    assert case_twins(frozenset({"المعلمون", "معلمون"})) == {"المعلمين", "معلمين"}
    # too short before the ending, or the other ending makes no listed word: other words
    assert case_twins(frozenset({"الجنين", "جنين"})) == frozenset()   # "foetus" / "madness"
    assert case_twins(frozenset({"ياسين"})) == frozenset()             # Yassin / Jason
    assert case_twins(frozenset({"فلسطين"})) == frozenset()


def test_an_ordinary_plural_finds_its_other_case_and_no_sound_alike(client):
    result = api_search(client, q="المصريين", size=10)
    assert [hit["id"] for hit in result["hits"]] == ["egyptians"]
    assert matches_by_text(result["hits"][0])["المصريون"]["how"] == "stem"


def test_a_listed_arabic_word_is_no_typo():
    assert correction(analyze("الليبيين")[0], ["الطيبين"]) is None
    assert correction(analyze("الولايت")[0], ["الولايات"]) == "الولايات"
