"""Pure tests of the matcher and the query builder (no Elasticsearch)."""
from __future__ import annotations

import csv
import json

import pytest

from arabic_search import tiers
from arabic_search.analysis import analyze
from arabic_search.matching import explain_passage, word_tier
from arabic_search.query import search_body
from conftest import SEEDS

SEED = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")


def how(query: str, text: str) -> dict[str, str]:
    return {m["text"]: m["how"] for m in explain_passage(text, analyze(query))["matches"]}


def test_every_seed_case_is_marked_in_the_seed(seed_cases_path):
    rows = list(csv.DictReader(seed_cases_path.open(encoding="utf-8"), delimiter="\t"))
    assert rows
    for row in rows:
        marked = how(row["query"], SEED)
        missing = [w for w in row["must_highlight"].split(";") if w not in marked]
        assert not missing, (row["query"], missing)


@pytest.mark.parametrize("query, text, expected", [
    ("والدهاوزر", "توماس والدهاوزر", "exact"),
    ("مُحَمَّد", "قال محمد", "exact"),          # vowel marks are optional: still exact
    ("أحمد", "قال احمد", "normalized"),        # a different alef is not
    ("فائز", "فايز السراج", "normalized"),
    ("مسؤول", "قال المسئول", "normalized"),
    ("ويليامز", "حديث لويليامز", "clitic"),
    ("الاجتماعات", "اجتماعاتهم", "stem"),
    ("Waldhauser", "توماس والدهاوسير", "translit"),
    ("والدهاوسير", "توماس والدهاوزر", "fuzzy"),
])
def test_each_way_of_matching_is_labelled(query, text, expected):
    marked = how(query, text)
    assert expected in marked.values(), marked


def test_split_word_answers_both_query_words():
    matches = explain_passage("بين الولاياتالمتحدة وليبيا", analyze("الولايات المتحدة"))["matches"]
    assert matches == [{"text": "الولاياتالمتحدة", "query": "الولايات المتحدة", "how": "split"}]


def test_highlight_marks_whole_original_words_and_escapes_the_rest():
    text = "<b>قالَ</b> لِوِيلْيامز & غيره"
    result = explain_passage(text, analyze("ويليامز"))
    assert result["highlight"] == "&lt;b&gt;قالَ&lt;/b&gt; <mark>لِوِيلْيامز</mark> &amp; غيره"
    assert result["text"] == text


def test_fuzzy_off_keeps_exact_and_drops_name_variants():
    query = analyze("والدهاوزر")
    word = analyze("والدهاوسير")[0]
    assert word_tier(query[0], word, fuzzy=True) == tiers.FUZZY
    assert word_tier(query[0], word, fuzzy=False) is None


def test_short_names_match_only_where_vowel_keys_agree():
    assert how("Ali", "قال علي على المنبر إلى") == {"علي": "translit"}
    assert how("Aisha", "قالت عائشة") == {"عائشة": "translit"}
    assert how("علا", "علاء علي") == {"علاء": "fuzzy"}


def test_unrelated_words_are_not_fuzzy_matches():
    assert how("ويليامز", "والأمني والعسكري") == {}
    assert how("الولايات المتحدة", "آليات التي") == {}


def test_tiers_are_ordered_as_promised():
    s = tiers.SCORES
    assert s["exact"] > s["normalized"] > s["clitic"] >= s["stem"] > s["split"] > s["translit"] >= s["fuzzy"]


def test_query_body_uses_no_query_syntax_and_sends_user_text_as_terms():
    nasty = 'والدهاوزر" AND (x:y) OR * ? \\ / { } [ ] ~ ^'
    body = search_body(analyze(nasty), page=2, size=5)
    dumped = json.dumps(body, ensure_ascii=False)
    assert "query_string" not in dumped and "simple_query_string" not in dumped
    assert body["from"] == 5 and body["size"] == 5
    assert body["collapse"]["field"] == "doc_id"


def test_fuzzy_off_removes_fuzzy_clauses():
    on = json.dumps(search_body(analyze("والدهاوزر")))
    off = json.dumps(search_body(analyze("والدهاوزر"), fuzzy=False))
    assert '"fuzzy"' in on and '"fuzzy"' not in off
