"""Autocomplete (/api/suggest) on a corpus past the indexer's 'tiny' size, where words seen
once get no suggestion entry: real completions before fuzzy ones, rare names, Latin input,
and the words before the last one kept."""
from __future__ import annotations

import pytest

from arabic_search.documents import term_id
from arabic_search.normalize import normalize_word
from arabic_search.suggestions import merge, parse, scan_words
from corpora import RARE_NAME
from service import create_app


@pytest.fixture(scope="module")
def client(es_url, suggest_alias):
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": suggest_alias, "TESTING": True})
    return app.test_client()


def suggestions(client, text: str) -> list[str]:
    response = client.get("/api/suggest", query_string={"q": text})
    assert response.status_code == 200, response.get_data(as_text=True)
    return [item["text"] for item in response.get_json()["suggestions"]]


def test_the_rare_name_has_no_suggestion_entry(es_client, suggest_alias):
    """The premise: on this corpus the indexer keeps no entry for a word seen once."""
    found = es_client.mget(index=suggest_alias, ids=[term_id(normalize_word(RARE_NAME)),
                                             term_id(normalize_word("والدور"))]).body["docs"]
    assert [doc["found"] for doc in found] == [False, True]


def test_a_real_completion_comes_before_fuzzy_ones(client):
    got = suggestions(client, "والده")
    assert got and got[0] == RARE_NAME, got
    assert "والإهانة" not in got[:1] and "والدور" not in got[:1]


def test_latin_prefix_completes_to_the_arabic_spelling(client):
    assert RARE_NAME in suggestions(client, "Wald")
    assert suggestions(client, "Waldhaus") == [RARE_NAME]  # FLDHS: only the name


def test_the_words_before_the_last_are_kept(client):
    got = suggestions(client, "فائز الس")
    assert got and got[0] == "فائز السراج", got
    assert all(text.startswith("فائز ") for text in got)


@pytest.mark.parametrize("text", ["و", "فائز ", "؟؟؟", "12"])
def test_nothing_to_complete(client, text):
    assert suggestions(client, text) == []


def test_frequent_words_still_complete(client):
    assert suggestions(client, "والد")[0] == "والدور"


# --- pure parts ----------------------------------------------------------------------------------

def test_parse_splits_head_and_last_word():
    prefix = parse("فائز  الس")
    assert (prefix.head, prefix.word, prefix.script) == ("فائز", "الس", "arabic")
    latin = parse("Wald")
    assert latin.script == "latin" and latin.keys == ("FLD",)
    assert parse("فائز ") is None and parse("") is None and parse("a") is None


def test_scan_prefers_the_word_after_the_head():
    prefix = parse("فائز الس")
    texts = ["قال السبع والسبع والسبع", "استقبل فائز السراج"]
    assert scan_words(prefix, texts) == ["السراج", "السبع"]


def test_merge_keeps_head_and_drops_repeats():
    prefix = parse("فائز الس")
    assert merge(prefix, ["السراج", "السبع"], ["السراج"], ["اليسع"], 8) == [
        "فائز السراج", "فائز السبع", "فائز اليسع"]
