"""A name's words run together or apart, and short spellings beside the rest of a name
(issue 9: Arabic spelling variants), through the real index.

Sources run a name's words together (ماهاسارخام for ماها سارخام) or write them apart;
the index can only split words its word list knows, so the query's words in a row are
also sought run together (exonym_tier.joined_exonyms).  A written word that is another
query word is that word, not a spelling of its neighbour (plan._not_other_words).
"""
from __future__ import annotations

from arabic_search.analysis import analyze
from arabic_search.exonym_tier import JOINED_KIND
from arabic_search.plan import plan_query
from arabic_search.splitter import guessed_splits
from support import api_search, indexed_client, matches_by_text

import pytest

DOCS = {
    "joined": {"title": "رحلة", "body": "زار الوفد مدينة ماهاسارخام التايلاندية أمس."},
    "mahabad": {"title": "خبر", "body": "وصل الوفد إلى مهاباد صباح اليوم."},
    "fort": {"title": "كندا", "body": "وصل الوفد إلى فورت سنت جان في المساء."},
    "saint_only": {"title": "خبر", "body": "قال سانت إن الوفد وصل، ثم زار جون المدينة."},
    "abdelaziz": {"title": "خبر", "body": "قال عبد العزيز إن الاجتماع انتهى."},
    "bou_apart": {"title": "الجزائر", "body": "وصل الوفد إلى مدينة بو مرداس أمس."},
    "abou_apart": {"title": "الجزائر", "body": "زار الوزير ولاية أبو مرداس."},
    "gabes": {"title": "تونس", "body": "وصل الوفد إلى قابس صباح اليوم."},
    "bou_glued": {"title": "الجزائر", "body": "افتتح الوالي مستشفى بومرداس الجديد."},
    "ibn_apart": {"title": "تاريخ", "body": "كتب عبد الرحمن بن خلدون المقدمة."},
    "tuz_apart": {"title": "العراق", "body": "انفجرت سيارة في قضاء طوز خورماتو أمس."},
    "port_apart": {"title": "مصر", "body": "رست السفينة في ميناء بور سعيد مساء."},
}


@pytest.fixture(scope="module")
def client(es_client, es_url, tmp_path_factory):
    return indexed_client(es_client, es_url, tmp_path_factory.mktemp("together"), "together",
                          [{"id": key, **doc} for key, doc in DOCS.items()])


def search(client, query: str) -> dict:
    return api_search(client, q=query)


def test_two_query_words_in_a_row_are_also_sought_run_together():
    exonyms = plan_query(analyze("ماها سارخام")).exonyms
    joined = [(e.kind, e.names[0].words) for e in exonyms if e.kind == JOINED_KIND]
    assert joined == [(JOINED_KIND, ("ماهاسارخام",))]
    assert plan_query(analyze("في الدار")).exonyms == ()  # a function word is no part of a name
    # letters asked one by one make no name (they found لي, يا, ولى as "split"); a letter
    # beside a longer word may (a stray space, or the d of a French name: سن مر د فوسه)
    assert plan_query(analyze("ل ي ب ي ا")).exonyms == ()
    assert [e.names[0].words for e in plan_query(analyze("ل يبيا")).exonyms] == [("ليبيا",)]
    joined = {e.names[0].words for e in plan_query(analyze("مر د فوسه")).exonyms}
    assert {("دفوسه",), ("مردفوسه",)} <= joined and ("مرد",) in joined


@pytest.mark.parametrize(("query", "doc", "written"), [
    ("ماها سارخام", "joined", "ماهاسارخام"), ("مَه آباد", "mahabad", "مهاباد")])
def test_a_name_run_together_in_the_document_is_found_and_marked(client, query, doc, written):
    result = search(client, query)
    assert [hit["id"] for hit in result["hits"]] == [doc]
    match = matches_by_text(result["hits"][0])[written]
    assert match["how"] == "split" and f"<mark>{written}</mark>" in result["hits"][0]["passages"][0]["highlight"]


def test_beside_the_name_a_short_word_may_write_its_long_vowel(client):
    # سانت alone is no spelling of سنت (short names need as many letters), but in
    # فورت سانت beside the rest of the name it is; a document with سانت alone is no holder
    assert "fort" not in {hit["id"] for hit in search(client, "سانت")["hits"]}
    result = search(client, "فورت سانت")
    assert [hit["id"] for hit in result["hits"]] == ["fort"]
    assert matches_by_text(result["hits"][0])["سنت"]["beside"] is True


def test_a_written_query_word_is_not_a_spelling_of_its_neighbour(client):
    # عبد (the query's own first word) was taken as a short spelling of العبدي beside
    # العزيز, so a document with عبد العزيز alone held all of عبد العزيز العبدي
    assert search(client, "عبد العزيز العبدي")["total"] == 0
    assert [hit["id"] for hit in search(client, "عبد العزيز")["hits"]] == ["abdelaziz"]


def test_three_query_words_run_together_are_one_written_word():
    exonyms = plan_query(analyze("عين صالح الجديدة")).exonyms
    joined = {e.names[0].words for e in exonyms if e.kind == JOINED_KIND}
    assert joined == {("عينصالح",), ("صالحالجديده",), ("عينصالحالجديده",)}


def test_a_name_link_glued_in_the_query_finds_the_name_written_apart(client):
    # بومرداس: the link بو (or أبو: one link, two spellings) and the rest, in a row
    result = search(client, "بومرداس")
    assert {hit["id"] for hit in result["hits"]} == {"bou_apart", "abou_apart", "bou_glued"}
    for hit in result["hits"]:
        expected = "exact" if hit["id"] == "bou_glued" else "split"
        assert {m["how"] for m in matches_by_text(hit).values()} == {expected}


def test_the_kind_of_a_place_is_not_required(client):
    # ولاية قابس is about قابس, which most sources write alone; قابس is still required
    result = search(client, "ولاية قابس")
    assert [hit["id"] for hit in result["hits"]] == ["gabes"] and result["required_words"] == ["قابس"]
    assert search(client, "ولاية سوسة")["total"] == 0


@pytest.mark.parametrize(("query", "found"), [
    ("أبو مرداس", {"bou_apart": "بو", "abou_apart": "أبو", "bou_glued": "بومرداس"}),
    ("بو مرداس", {"bou_apart": "بو", "abou_apart": "أبو", "bou_glued": "بومرداس"}),
    ("ابن خلدون", {"ibn_apart": "بن"}),
])
def test_a_name_link_is_one_word_written_either_way(client, query, found):
    # أبو and بو, ابن and بن write one link: each finds the other, apart or run together
    result = search(client, query)
    assert {hit["id"] for hit in result["hits"]} == set(found)
    for hit in result["hits"]:
        assert found[hit["id"]] in matches_by_text(hit)


def test_a_query_word_no_word_list_splits_is_cut_every_way():
    assert ("طوز", "خورماتو") in guessed_splits("طوزخورماتو")
    assert ("بور", "سعيد") in guessed_splits("بورسعيد")  # a name as common as Port Said
    assert guessed_splits("كلما") == [] and guessed_splits("الحكومه") == []  # words, not runs
    assert all(len(head) >= 2 and len(rest) >= 2 for head, rest in guessed_splits("طوزخورماتو"))
    # a function word is no part of a name: the absent name احدان found لأحد أن on prose.jsonl
    cuts = {name.words for e in plan_query(analyze("احدان")).exonyms for name in e.names}
    assert ("احد", "ان") not in cuts and ("اح", "دان") in cuts


@pytest.mark.parametrize(("query", "doc", "written"), [
    ("طوزخورماتو", "tuz_apart", "طوز خورماتو"), ("بورسعيد", "port_apart", "بور سعيد")])
def test_a_name_run_together_in_the_query_finds_it_written_apart(client, query, doc, written):
    result = search(client, query)
    assert [hit["id"] for hit in result["hits"]] == [doc]
    assert {m["how"] for m in matches_by_text(result["hits"][0]).values()} == {"split"}
    assert written in matches_by_text(result["hits"][0])  # both words, one mark
