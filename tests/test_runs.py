"""A person's name is written as one run of its words at least once (runs.py, issue 9).

Pure tests of when the rule applies and of the forms a run may hold, then the rule through
the real index: a chain of narrators holding زيد and معمر apart is not about Zaid Maamar.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from arabic_search.plan import plan_search
from arabic_search.runs import RUN_GAP, one_person, run_clause, with_proclitics, with_runs
from arabic_search.syntax import parse
from support import api_search, indexed_client


def plan(text: str, docs: tuple[str, ...] = ("a",)):
    return replace(plan_search(parse(text)), required_docs=docs)


@pytest.mark.parametrize("query", ["Fayez al-Sarraj", "Zaid Maamar", "زيد معمر", "عبد الله مناعي",
                                   "Abdallah Menai", "Hassan Bourkia"])
def test_a_name_beginning_with_a_given_name_is_one_person(query):
    assert one_person(plan(query))


@pytest.mark.parametrize("query", ["Trump Putin", "Cairo Egypt", "رسول عن دجالون", "Waldhauser"])
def test_other_queries_are_not(query):
    """Two people, two places, a topic (رسول "messenger" is a name word too, دجالون no
    name's), one word: their words need not stand together."""
    assert not one_person(plan(query))


def test_not_before_the_documents_were_limited():
    assert not one_person(plan("Zaid Maamar", docs=None)) and not one_person(plan("Zaid Maamar", docs=()))


def test_a_word_may_carry_a_proclitic_or_the_article():
    forms = with_proclitics(["فايز", "السراج", "fayez"])
    assert {"وفايز", "لفايز", "وبفايز", "والسراج", "للسراج", "بالسراج", "fayez"} <= forms
    assert "وfayez" not in forms  # a Latin word is asked as written


def test_the_clause_asks_runs_and_the_title():
    clause = run_clause(plan("Zaid Maamar"))
    runs, title = clause["bool"]["should"][:-1], clause["bool"]["should"][-1]
    orders = runs[0]["bool"]["should"]  # either order, each ordered: no span overlaps another
    assert len(runs) == 1 and len(orders) == 2
    for order in orders:
        near = order["span_not"]["include"]["span_near"]
        assert near["slop"] == RUN_GAP and near["in_order"]
        between = {clause["span_term"]["norm"] for clause in order["span_not"]["exclude"]["span_or"]["clauses"]}
        assert "عن" in between
    assert len(title["bool"]["filter"]) == 2


def test_a_failed_request_keeps_the_documents_and_none_found_keeps_none():
    two = plan("Zaid Maamar", docs=("a", "b"))
    assert with_runs(two, {"error": "boom"}).required_docs == ("a", "b")
    assert with_runs(two, {"aggregations": {"docs": {"sum_other_doc_count": 0}}}).required_docs == ()
    found = {"aggregations": {"docs": {"buckets": [{"key": "b"}]}}}
    assert with_runs(two, found).required_docs == ("b",)


DOCS = {
    "run": {"title": "خبر", "body": "التقى فايز السراج بالوفد في طرابلس.\n\nوقال السراج إن اللقاء كان مثمرا."},
    "run_clitic": {"title": "لقاء", "body": "اجتمع وزير الخارجية وفايز السراج أمس."},
    "apart": {"title": "خبر آخر", "body": "قال فايز إن الوفد وصل.\n\nوتحدث السراج عن الاتفاق."},
    "title_run": {"title": "فايز السراج في روما", "body": "وصل إلى روما أمس والتقى الوزير."},
    "lineage": {"title": "حديث", "body": "حدثنا زيد بن معمر عن أبيه قال."},
    "narrators": {"title": "حديث آخر", "body": "حدثنا زيد، عن معمر، عن الزهري قال."},
    "two_people": {"title": "قمة", "body": "التقى ترامب بالرئيس الروسي.\n\nوقال بوتين إن اللقاء كان مثمرا."},
    "compound_run": {"title": "تصريح", "body": "قال عبد الله مناعي إن المشروع انطلق."},
    "compound_apart": {"title": "تصريح آخر", "body": "قال عبد الله إن مناعي وصل أمس."},
    "family_first": {"title": "قائمة", "body": "الاسم: عبد الصمد رفيق، المدينة: الرباط."},
    "translated": {"title": "تاريخ", "body": "حكم السلطان سليمان القانوني الدولة العثمانية."},
    "father_between": {"title": "تعيين", "body": "عين عبد العزيز بن عمر الغامدي مديرا."},
}


@pytest.fixture(scope="module")
def client(es_client, es_url, tmp_path_factory):
    return indexed_client(es_client, es_url, tmp_path_factory.mktemp("runs"), "runs",
                          [{"id": key, **doc} for key, doc in DOCS.items()])


def found(client, q: str) -> set[str]:
    return {hit["id"] for hit in api_search(client, q=q, size=20)["hits"]}


def test_the_name_as_a_run_behind_a_proclitic_or_in_the_title(client):
    assert found(client, "Fayez al-Sarraj") == {"run", "run_clitic", "title_run"}


@pytest.mark.parametrize("query", ["Zaid Maamar", "زيد معمر"])
def test_a_lineage_word_may_stand_between_a_function_word_not(client, query):
    assert found(client, query) == {"lineage"}


@pytest.mark.parametrize("query", ["Abdallah Menai", "عبد الله مناعي"])
def test_a_compound_leaves_its_run_by_its_last_word(client, query):
    assert found(client, query) == {"compound_run"}


def test_two_people_need_not_stand_together(client):
    assert found(client, "ترامب بوتين") == {"two_people"}


def test_either_order_and_a_father_s_name_between(client):
    """Lists write the family name first; Gulf names put the father's between."""
    assert found(client, "Rafik Abdessamad") == {"family_first"}
    assert found(client, "Abd al-Aziz al-Ghamidi") == {"father_between"}


def test_a_name_translating_the_whole_query_is_its_run(client):
    """Suleiman the Magnificent is سليمان القانوني (exonym table): its two query words are
    answered by one phrase, which is the run."""
    assert one_person(plan("Suleiman the Magnificent"))
    assert found(client, "Suleiman the Magnificent") == {"translated"}
