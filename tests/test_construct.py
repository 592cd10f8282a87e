"""A place's generic word heads the rest of its name (construct.py): وادي الصباح.

Of names_dev.tsv's 101 Latin place names "<generic word> <word>" whose Arabic writes the
second word with the article (Oued Sebbah = وادي الصباح, Oum Drou = أم الدروع), 86 were
found before; the rest's spelling was an ordinary word ("the morning"), taken only beside
the name, and the generic word counts only beside the name too, so neither stood by the
other.  Side by side, in that order, with the article, they do (97 of 101).
"""
from __future__ import annotations

import pytest

from arabic_search import construct
from arabic_search.analysis import analyze
from arabic_search.exonym_tier import GENERIC_KIND, QueryExonym
from arabic_search.exonyms import Name
from support import api_search, indexed_client, matches_by_text


def test_forms_with_the_article_and_weak_spellings_follow_a_generic_word():
    assert construct.tails(["الصباح", "صباح", "صباحا", "ال"]) == {"الصباح"}
    assert construct.tails(["الصباح", "عطيه"], weak={"عطيه"}) == {"الصباح", "عطيه"}


def test_the_heads_are_the_generic_words_of_other_query_words():
    oued = QueryExonym("Oued", frozenset({0}), (Name("وادي", ("وادي",)),), GENERIC_KIND)
    cairo = QueryExonym("Cairo", frozenset({0}), (Name("القاهرة", ("القاهره",)),), "city")
    assert "وادي" in construct.heads([oued, cairo], frozenset({5}))
    assert "القاهره" not in construct.heads([oued, cairo], frozenset({5}))  # no generic word
    assert construct.heads([oued], frozenset({0})) == frozenset()          # the word's own


def test_the_clause_asks_the_head_right_before_the_tail():
    clause = construct.construct_span({"وادي"}, construct.tails({"الصباح", "صباح"}))["span_near"]
    assert clause["slop"] == 0 and clause["in_order"] is True
    assert [c["span_or"]["clauses"] for c in clause["clauses"]] == [
        [{"span_term": {"norm": "وادي"}}], [{"span_term": {"norm": "الصباح"}}]]
    assert construct.construct_span({"وادي"}, construct.tails({"صباح"})) is None
    assert construct.construct_span(set(), {"الصباح"}) is None


@pytest.mark.parametrize(("forms", "index", "found"), [
    (["وصل", "وادي", "الصباح"], 2, True),
    (["وصل", "الصباح", "وادي"], 1, False),           # the other order
    (["وادي", "جميل", "الصباح"], 2, False),          # a word between
    (["في", "الوادي", "صباحا"], 2, False),           # no construct: the article moved
    (["الصباح"], 0, False),
])
def test_the_check_asks_the_head_right_before_the_tail(forms, index, found):
    tails = construct.tails({"الصباح", "صباحا"})
    assert construct.heads_word(forms, index, frozenset({"وادي"}), tails) is found


def test_seen_from_the_generic_word_the_tail_comes_right_after():
    tails = construct.tails({"الصباح", "صباحا"})
    assert construct.tail_after(["وصل", "وادي", "الصباح"], 1, tails)
    assert not construct.tail_after(["في", "الوادي", "صباحا"], 1, tails)   # no article
    assert not construct.tail_after(["وادي", "جميل", "الصباح"], 0, tails)  # a word between
    assert not construct.tail_after(["وادي"], 0, tails)


DOCS = {
    "construct": {"title": "خبر", "body": "وصل الوفد إلى وادي الصباح أمس."},
    "reversed": {"title": "خبر", "body": "في الصباح وادي النهر جاف تماما."},
    "apart": {"title": "خبر", "body": "مشينا في الوادي صباحا ثم عدنا."},
    "gap": {"title": "خبر", "body": "زرنا وادي النيل في الصباح الباكر."},
    "oum": {"title": "خبر", "body": "تقع بلدية أم الطوب في ولاية سكيكدة."},
    "mother": {"title": "خبر", "body": "قالت الأم إن الطوب غالي الثمن هذا العام."},
    "kunya": {"title": "خبر", "body": "روت أم عطية هذا الحديث."},
    "kunya_apart": {"title": "خبر", "body": "روت أم المؤمنين عن عطية هذا الحديث."},
}


@pytest.fixture(scope="module")
def client(es_client, es_url, tmp_path_factory):
    docs = [{"id": doc_id, **doc} for doc_id, doc in DOCS.items()]
    return indexed_client(es_client, es_url, tmp_path_factory.mktemp("construct"), "construct", docs)


@pytest.mark.parametrize(("query", "doc", "words"), [
    ("Oued Sebbah", "construct", {"وادي", "الصباح"}),   # الصباح: beside the name only
    ("Oum Toub", "oum", {"أم", "الطوب"}),                # الطوب: a weak spelling
    ("Umm Atiyya", "kunya", {"أم", "عطية"}),             # عطية: weak, and no article
])
def test_a_generic_word_and_the_rest_with_the_article_are_the_name(client, query, doc, words):
    hits = api_search(client, q=query, size=10)["hits"]
    assert [hit["id"] for hit in hits] == [doc]
    assert words <= set(matches_by_text(hits[0])), matches_by_text(hits[0])
    assert all("<mark>" in passage["highlight"] for passage in hits[0]["passages"])


def test_the_words_elsewhere_are_not_the_name(client):
    # the other order, a word between, no article, the article on the generic word
    assert api_search(client, q="Oued Sebbah", size=10)["hits"][0]["id"] == "construct"
    assert api_search(client, q="Sebbah", size=10)["hits"] == []
    found = {hit["id"] for hit in api_search(client, q="Oued Sebbah", size=10)["hits"]}
    assert found.isdisjoint({"reversed", "apart", "gap"})


def test_the_kunya_s_name_is_a_weak_spelling():
    # عطية is an accepted but weak spelling of Atiyya, or the kunya case tests nothing
    from arabic_search import names
    accepted, _ = names.spelling_confidences(analyze("Atiyya")[0], [analyze("عطية")[0]])
    assert 0.8 <= accepted["عطية"] < names.SURE_CONFIDENCE


def test_a_spelling_is_not_the_word_itself():
    # or the cases above test nothing: الصباح is no accepted spelling of Sebbah
    from arabic_search import names
    accepted, beside = names.spelling_confidences(analyze("Sebbah")[0], [analyze("الصباح")[0]],
                                                  beside=False)
    assert "الصباح" not in accepted
