"""The exonym tier: its clause and its check agree (real Elasticsearch), and the seed's
translated names are found and marked."""
from __future__ import annotations

import json
import re
import uuid

import pytest

from arabic_search import mapping as m
from arabic_search.analysis import analyze
from arabic_search.exonym_tier import clitic_forms, exonym_filter, exonym_spans, passage_words
from arabic_search.known_names import takes_article
from arabic_search.normalize import normalize_word
from arabic_search.plan import plan_query
from corpora import write_docs
from service import create_app

# Passages written as news writes names, and near misses.
PASSAGES = {
    "un-spaced": "قال الأمين العام للأمم المتحدة إن الهدنة صامدة.",
    "un-plain": "دعت الأمم المتحدة إلى الحوار.",
    "un-joined": "بالشراكة مع الأممالمتحدة، وتطوير العلاقات.",
    "un-comma": "الأمم، المتحدة في عنوان مقطوع.",
    "un-gap": "الأمم الأفريقية المتحدة ليست منظمة.",
    "un-order": "المتحدة الأمم كلمتان مقلوبتان.",
    "uk": "زار المملكة المتحدة أمس.",
    "tripoli-clitic": "وصل الوفد وبطرابلس اجتمع بالمسؤولين.",
    "tripoli-adjective": "قال مسؤول طرابلسي إن الوضع هادئ.",
    "cairo-article": "عاد إلى القاهرة أمس.",
    "cairo-lam": "سافر للقاهرة صباحا.",
    "cairo-bare": "هذه قاهرة المعز كما يقال.",
    "cairo-latin": "The summit opened in Cairo on Monday.",
    "africom": "قائد الأفريكوم في زيارة.",
    "false-friend": "كما جرى النقاش بين الطرفين.",
}
EXPECTED = {
    "United Nations": {"un-spaced", "un-plain", "un-joined", "un-comma"},
    "UN": {"un-spaced", "un-plain", "un-joined", "un-comma"},
    "Tripoli": {"tripoli-clitic"},
    "Cairo": {"cairo-article", "cairo-lam"},
    "القاهرة": {"cairo-latin"},
    "Africom": {"africom"},
}


def test_clitic_forms():
    forms = clitic_forms(normalize_word("القاهرة"))
    assert {"القاهره", "بالقاهره", "والقاهره", "للقاهره", "وللقاهره"} <= forms
    assert "قاهره" not in forms  # the bare word is another word
    assert {"افريكوم", "الافريكوم", "بافريكوم", "للافريكوم"} <= clitic_forms("افريكوم", article=True)
    assert clitic_forms("cairo") == {"cairo"}


@pytest.mark.parametrize(("kind", "word", "takes"), [
    ("city", "ليل", False),      # Lille: الليل is "the night"
    ("city", "عاليه", False),    # Aley: العالية is "the high"
    ("country", "مالي", False),  # Mali: المالي is "financial"
    ("city", "قدس", False),      # Qods, in Iran: القدس is Jerusalem
    ("org", "افريكوم", True),    # an acronym takes it as Arabic does: الأفريكوم
    ("org", "حماس", False),      # الحماس is "the enthusiasm"
])
def test_only_an_organisation_named_by_no_word_takes_the_article(kind, word, takes):
    assert takes_article(kind, word) is takes
    forms = clitic_forms(word, takes_article(kind, word))
    assert {word, "ب" + word} <= forms
    assert ("ال" + word in forms) is takes


def test_a_city_is_not_marked_where_the_article_makes_another_word():
    text = "سهرنا الليل كله في ليل وزرنا بليل المدينة."
    assert python_side(text, "Lille") == [(text.index("في ليل") + 3, text.index("في ليل") + 6, "Lille"),
                                          (text.index("بليل"), text.index("بليل") + 4, "Lille")]


def python_side(text: str, query: str) -> list[tuple[int, int, str]]:
    words = passage_words(text)
    return [(start, end, exonym.query)
            for start, end, exonym in exonym_spans(words, plan_query(analyze(query)).exonyms)]


def test_one_span_per_name_and_the_longest_wins():
    text = PASSAGES["un-spaced"]
    [(start, end, query)] = python_side(text, "United Nations")
    assert text[start:end] == "للأمم المتحدة" and query == "United Nations"
    assert python_side(PASSAGES["uk"], "United Nations") == []


def test_a_particle_that_names_an_entity_stays_a_query_word():
    plan = plan_query(analyze("UN envoy"))
    assert [w.token.text for w in plan.words] == ["UN", "envoy"]
    assert plan.exonyms and plan.exonyms[0].starts == frozenset({0})
    assert plan_query(analyze("United States of America")).exonyms[0].starts == frozenset({0, 7, 17})  # not "of"


@pytest.fixture(scope="module")
def passages_alias(es_client, tmp_path_factory):
    from conftest import RUN_PREFIX
    from indexer.load import index_paths
    alias = f"{RUN_PREFIX}-exonym-tier-{uuid.uuid4().hex[:6]}"
    path = write_docs(tmp_path_factory.mktemp("exonym-tier") / "passages.jsonl",
                      [{"id": key, "title": "", "body": text} for key, text in PASSAGES.items()])
    index_paths(es_client, alias, [str(path)], replace=True, quiet=True)
    return alias


@pytest.mark.parametrize("query", sorted(EXPECTED))
def test_clause_and_check_agree(es_client, passages_alias, query):
    """Elasticsearch finds exactly the passages in which Python marks the name."""
    exonyms = plan_query(analyze(query)).exonyms
    assert exonyms
    body = {"size": 50, "_source": [m.DOC_ID], "query": {"bool": {
        "filter": [{"term": {m.KIND: m.KIND_PASSAGE}}],
        "should": [exonym_filter(e) for e in exonyms], "minimum_should_match": 1}}}
    found_by_es = {hit["_source"][m.DOC_ID] for hit in
                   es_client.search(index=passages_alias, body=body).body["hits"]["hits"]}
    marked_by_python = {key for key, text in PASSAGES.items() if python_side(text, query)}
    assert found_by_es == marked_by_python == EXPECTED[query]


# --- the seed article, through the service ---------------------------------------------------

@pytest.fixture(scope="module")
def client(es_url, seed_alias):
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": seed_alias, "TESTING": True})
    return app.test_client()


def marked(client, query: str) -> dict[str, str]:
    result = client.get("/api/search", query_string={"q": query}).get_json()
    found = {}
    for hit in result["hits"]:
        for passage in hit["passages"]:
            words = re.findall(r"<mark>(.*?)</mark>", passage["highlight"])
            found.update({w: m["how"] for w, m in zip(words, passage["matches"])})
    return found


@pytest.mark.parametrize("query, forms", [
    ("Tripoli", {"طرابلس", "بطرابلس", "لطرابلس"}),
    ("United States", {"الولاياتالمتحدة", "الولاياتالمتحدةالامريكية"}),
    ("United Nations", {"الأممالمتحدة"}),
    ("UN", {"الأممالمتحدة"}),
    ("Daesh", {"داعش"}),
    ("ISIS", {"داعش"}),
    ("Africom", {"أفريكوم", "الأفريكوم"}),
])
def test_seed_names_are_found_and_marked_as_exonyms(client, query, forms):
    found = marked(client, query)
    assert forms <= set(found), f"{query}: marked {sorted(found)}"
    assert all(found[form] == "exonym" for form in forms)


def test_cairo_does_not_match_its_sound_alike(client):
    assert "جرى" not in marked(client, "Cairo")


def test_translated_names_stay_with_fuzzy_off():
    """fuzzy=off drops sound-alikes, not translations: Cairo still asks for القاهرة."""
    from arabic_search import tiers
    plan = plan_query(analyze("Cairo"), fuzzy=False)
    clauses = json.dumps(tiers.word_clauses(plan.words[0], plan), ensure_ascii=False)
    assert "القاهره" in clauses and "بالقاهره" in clauses


def test_a_generic_word_stands_beside_the_rest_of_the_name_within_two_words():
    """The Python twin of the generic word's span_near (slop 2, either order)."""
    from arabic_search.exonym_tier import NEAR_SLOP, stands_beside
    text = "وادي كبير جدا هنا الزناتي"
    words = passage_words(text)
    anchors = frozenset({"الزناتي"})
    assert NEAR_SLOP == 2
    assert not stands_beside(words, 0, 4, anchors)       # three words between
    assert stands_beside(words, 5, 9, anchors)           # كبير: two words between
    assert stands_beside(words[1:], 5, 9, anchors)
    assert not stands_beside(words, 0, 4, frozenset())   # no rest of the name: never
