"""STEM holds a word's light stem only where it is not the word itself (two words in three
on prose.jsonl are their own stem, and NORM holds them already); the stem tier asks NORM
for such a stem, so it finds exactly the words it found before (documents.stem_term,
tiers._stem_clauses)."""
from __future__ import annotations

from arabic_search import mapping as m
from arabic_search.analysis import analyze
from arabic_search.documents import analysed_fields
from corpora import write_docs
from indexer.load import index_paths
from service import create_app


def test_a_word_that_is_its_own_stem_adds_nothing_to_stem():
    fields = analysed_fields("عقد اجتماع ثم اجتماعاتهم")
    assert analyze("اجتماع")[0].stem == "اجتماع", "or this tests nothing"
    assert fields[m.STEM].split() == ["اجتماع"]  # اجتماعاتهم's stem only
    assert fields[m.NORM].split() == ["عقد", "اجتماع", "ثم", "اجتماعاتهم"]


def test_the_stem_tier_finds_words_that_are_their_own_stem_and_the_others(es_client, es_url,
                                                                          unique_alias, tmp_path):
    docs = [{"id": "own", "title": "", "body": "عقد اجتماع أمس في المدينة."},
            {"id": "inflected", "title": "", "body": "عقدت اجتماعاتهم أمس في المدينة."},
            {"id": "neither", "title": "", "body": "لا شيء من ذلك في المدينة."}]
    index_paths(es_client, unique_alias, [write_docs(tmp_path / "docs.jsonl", docs)])
    stored = es_client.search(index=unique_alias, query={"term": {m.STEM: "اجتماع"}})
    assert {hit["_source"][m.DOC_ID] for hit in stored["hits"]["hits"]} == {"inflected"}
    client = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": unique_alias,
                         "TESTING": True}).test_client()
    result = client.get("/api/search", query_string={"q": "الاجتماعات", "fuzzy": "off"}).get_json()
    assert {hit["id"] for hit in result["hits"]} == {"own", "inflected"}
    for hit in result["hits"]:
        assert [match["how"] for match in hit["passages"][0]["matches"]] == ["stem"]
