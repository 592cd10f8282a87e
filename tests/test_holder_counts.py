"""The holders look-up lists only what it must (holder_counts.py, issues 10 and 14): words
surely over MAX_HOLDERS documents are known from a count and never listed, words listed in
full ahead are not listed again, and the plan comes out as with every word listed.

Pure tests of the requests and of the decisions, then the round trips against the real
index (MAX_HOLDERS and the other limits lowered to fit a corpus of a few documents)."""
from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from arabic_search import holder_counts, holders
from arabic_search.analysis import analyze
from arabic_search.holder_counts import (AHEAD_LISTED, COUNT_SLACK, PRECISION, ahead_request,
                                         count_request, listed_after, listed_ahead, listing_request,
                                         recounted, still_to_list, too_many)
from arabic_search.holders import (LISTING_READ, MAX_HOLDERS, anywhere, holders_request,
                                   listing_filter, with_holders)
from arabic_search.plan import plan_search
from arabic_search.query_words import NameSpelling
from arabic_search.syntax import parse
from conftest import RUN_PREFIX
from corpora import _index, write_docs
from service.lookups import _holders, completed_plan, searched_plan
from test_search_requests import Recording


def plan(text: str):
    return plan_search(parse(text))


def _counts(*values):
    return {"aggregations": {f"count{n}": {"doc_count": value, "docs": {"value": value}}
                             for n, value in enumerate(values)}}


def _listing(*truncated: bool):
    return {"aggregations": {f"w{n}": {"doc_count": 3, "docs": {
        "sum_other_doc_count": 5 if cut else 0, "buckets": [{"key": f"d{n}", "doc_count": 3}]}}
        for n, cut in enumerate(truncated)}}


def test_ids_are_listed_in_key_order_for_the_words_asked_only():
    body = holders_request(plan("Hassan Bourkia"), [1], size=7)
    assert set(body["aggs"]) == {"w1"}
    assert body["aggs"]["w1"]["aggs"]["docs"]["terms"] == {"field": "doc_id", "size": 7,
                                                           "order": {"_key": "asc"}}
    assert set(holders_request(plan("Hassan Bourkia"))["aggs"]) == {"w0", "w1"}
    assert ahead_request(plan("مجلس الأمن"))["aggs"]["w0"]["aggs"]["docs"]["terms"]["size"] == AHEAD_LISTED


def test_each_content_word_is_counted_by_the_clauses_it_is_listed_by():
    name = plan("محمد بن عوض بن لادن")
    body = count_request(name)
    assert set(body["aggs"]) == {"count0", "count1", "count2"}
    assert body["query"] == holders_request(name)["query"]
    for number, word in enumerate(name.content_words()):
        agg = body["aggs"][f"count{number}"]
        assert agg["filter"] == anywhere(word, name) == holders_request(name)["aggs"][f"w{number}"]["filter"]
        assert agg["aggs"]["docs"]["cardinality"] == {"field": "doc_id", "precision_threshold": PRECISION}
    # counted by distinct hashes (linear counting) at least up to the limit
    assert PRECISION >= MAX_HOLDERS


def test_only_a_count_surely_over_the_limit_rules_a_word_out():
    two = plan("أبو هريرة")
    limit = MAX_HOLDERS + COUNT_SLACK
    assert too_many(two, _counts(limit + 1, 15_000)) == {0, 1}
    assert too_many(two, _counts(limit, MAX_HOLDERS + 1)) == frozenset()  # listed: the listing decides
    assert too_many(two, {"error": {"type": "boom"}}) == frozenset()
    assert too_many(two, None) == frozenset()


def test_a_word_listed_in_full_ahead_is_not_listed_again():
    two = plan("مجلس الأمن")
    listed = listed_ahead(two, _listing(False, True))
    assert set(listed) == {"w0"}
    assert still_to_list(two, frozenset(), listed) == [1]
    assert still_to_list(two, frozenset({1}), listed) == []
    assert listed_ahead(two, {"error": {"type": "boom"}}) == {}


def test_a_weakly_held_word_is_read_from_its_sure_and_near_listings_only():
    two = plan("Hassan Bourkia")
    weak = NameSpelling("حسان", "حسان", 0.7, "arabic")
    weakly = replace(two, words=(replace(two.words[0], names=(weak,)), two.words[1]))
    assert set(holders_request(weakly)["aggs"]) == {"w0", "w0sure", "w0near", "w1"}
    assert listing_filter(two) == list(LISTING_READ)
    assert listing_filter(weakly) == [*LISTING_READ, "-aggregations.w0.docs.buckets"]
    assert listing_filter(weakly, [1]) == list(LISTING_READ)


def test_latin_words_are_counted_again_after_the_look_ups():
    # counted before the look-ups, Abu is found in Latin text only: its count says nothing
    latin, arabic = plan("Abu Hurairah"), plan("أبو هريرة")
    assert recounted(latin, [0, 1]) == [0, 1] and recounted(latin, [0, 1], first=False) == []
    assert recounted(arabic, [0, 1]) == [] and recounted(plan("Omar Sharif"), [1]) == [1]
    body = listing_request(latin, [0, 1])
    assert set(body["aggs"]) == {"w0", "w1", "count0", "count1"}
    assert body["aggs"]["w0"]["aggs"]["docs"]["terms"]["size"] == AHEAD_LISTED
    assert listing_request(latin, [1], first=False)["aggs"]["w1"]["aggs"]["docs"]["terms"]["size"] == MAX_HOLDERS
    mixed = plan("Hassan في طرابلس")  # Latin beside Arabic: the Arabic word listed in full
    body = listing_request(mixed, [0, 1])
    assert body["aggs"]["w1"]["aggs"]["docs"]["terms"]["size"] == MAX_HOLDERS and "count1" not in body["aggs"]
    # a recounted word cut at AHEAD_LISTED is not settled; a word listed in full always is
    settled = listed_after(mixed, _listing(True, True), [0, 1])
    assert set(settled) == {"w1"}


def _without_boosts(clause):
    if isinstance(clause, dict):
        return {k: _without_boosts(v) for k, v in clause.items() if k != "boost"}
    if isinstance(clause, list):
        return [_without_boosts(v) for v in clause]
    return clause


def _leaves(clause) -> set[tuple[str, str]]:
    """(field, value) of every term and terms clause inside ``clause``."""
    if isinstance(clause, list):
        return {leaf for item in clause for leaf in _leaves(item)}
    if not isinstance(clause, dict):
        return set()
    found = set()
    for key, value in clause.items():
        if key in ("term", "terms", "span_term"):
            found |= {(field, str(v)) for field, values in value.items()
                      for v in (values if isinstance(values, list) else [values])}
        else:
            found |= _leaves(value)
    return found


@pytest.mark.parametrize("query", ["Hassan Bourkia", "الجنرال والدهاوزر", "Abdelkader Chaabane"])
def test_the_counts_before_the_look_ups_are_a_lower_bound(query):
    # the look-ups add spellings and compound names to a word's clauses, never remove one
    before = plan(query)
    words = [token.forms for token in analyze("حسن حسان بوركية بوركيه عبد القادر عبدالقادر شعبان والدهاوسر")]
    after = before.with_words_of(words)
    assert after != before
    for word, completed in zip(before.content_words(), after.content_words()):
        asked, answered = anywhere(word, before), anywhere(completed, after)
        kept = [_without_boosts(c) for c in answered["bool"]["should"]]
        for clause in asked["bool"]["should"]:
            assert _without_boosts(clause) in kept or _leaves(clause) <= _leaves(answered)
        assert _leaves(asked) <= _leaves(answered)


DOCS = [{"id": "whole", "title": "خبر", "body": "التقى حسن بوركية بالوفد في طرابلس أمس."},
        {"id": "apart", "title": "بوركية يتحدث", "body": "قال حسن إن الاجتماع كان مثمرا."},
        {"id": "given", "title": "خبر آخر", "body": "قال حسن إن الطقس جميل اليوم."}] + [
    {"id": f"council-{n}", "title": f"جلسة {n}", "body": f"انعقد مجلس الأمن في جلسة رقم {n}."}
    for n in range(3)] + [{"id": "council-alone", "title": "مجلس", "body": "اجتمع مجلس البلدية."}]


@pytest.fixture(scope="module")
def alias(es_client, tmp_path_factory):
    path = write_docs(tmp_path_factory.mktemp("holder-counts") / "docs.jsonl", DOCS)
    return _index(es_client, f"{RUN_PREFIX}-holder-counts", [path], len(DOCS))


def _listed_in_full(es_client, alias, query):
    """The plan as the holders request of every word, in full, makes it (the rule itself)."""
    completed = completed_plan(es_client, alias, plan(query))
    return with_holders(completed, es_client.search(index=alias, body=holders_request(completed)).body)


def test_words_over_the_limit_are_never_listed(es_client, alias, monkeypatch):
    monkeypatch.setattr(holders, "MAX_HOLDERS", 1)
    monkeypatch.setattr(holder_counts, "COUNT_SLACK", 0)
    recording = Recording(es_client)
    found, used = searched_plan(recording, alias, plan("حسن بوركية"))  # 3 and 2 documents
    assert [name for name, _ in recording.calls] == ["msearch"]  # no holders request after it
    expected = _listed_in_full(es_client, alias, "حسن بوركية")
    assert found.required_docs is expected.required_docs is None
    assert found.together == expected.together and len(found.together) == 2
    assert len(used) == len(plan("حسن بوركية").lookups()) + 1  # the count is checked too


def test_a_word_over_what_is_listed_ahead_is_listed_again_in_full(es_client, alias, monkeypatch):
    monkeypatch.setattr(holder_counts, "AHEAD_LISTED", 1)
    recording = Recording(es_client)
    found, _ = searched_plan(recording, alias, plan("مجلس الأمن"))  # 4 and 3 documents
    assert [name for name, _ in recording.calls] == ["msearch", "search"]
    assert set(recording.calls[1][1]["body"]["aggs"]) == {"w0", "w1"}
    assert found.required_docs == _listed_in_full(es_client, alias, "مجلس الأمن").required_docs \
        == ("council-0", "council-1", "council-2")


def test_a_latin_word_over_what_is_listed_after_is_listed_again_in_full(es_client, alias, monkeypatch):
    monkeypatch.setattr(holder_counts, "AHEAD_LISTED", 1)
    recording = Recording(es_client)
    found, used = searched_plan(recording, alias, plan("Hassan Bourkia"))  # 3 and 2 documents
    bodies = [kwargs["body"] for name, kwargs in recording.calls if name == "search"]
    assert {"count0", "count1"} <= set(bodies[0]["aggs"]) and not any("count" in key for key in bodies[1]["aggs"])
    assert bodies[1]["aggs"]["w0"]["aggs"]["docs"]["terms"]["size"] == MAX_HOLDERS
    assert _listed_in_full(es_client, alias, "Hassan Bourkia").required_docs == ("apart", "whole")
    # a person's name is then limited to the documents writing it as a run (runs.py)
    assert found.required_docs == ("whole",) and recording.calls[-1][1]["body"]["query"]["bool"]


def test_latin_words_over_the_limit_are_not_listed_after_their_count(es_client, alias, monkeypatch):
    monkeypatch.setattr(holders, "MAX_HOLDERS", 1)
    monkeypatch.setattr(holder_counts, "COUNT_SLACK", 0)
    recording = Recording(es_client)
    found, _ = searched_plan(recording, alias, plan("Hassan Bourkia"))
    assert [name for name, _ in recording.calls] == ["msearch", "search"]  # counted, none listed again
    expected = _listed_in_full(es_client, alias, "Hassan Bourkia")
    assert found.required_docs is expected.required_docs is None and found.together == expected.together


def test_a_failed_count_lists_every_word(es_client, alias):
    completed = completed_plan(es_client, alias, plan("حسن بوركية"))
    recording = Recording(es_client)
    found, used = _holders(recording, alias, copy.deepcopy(completed), {"error": {"type": "boom"}}, None)
    assert [set(kwargs["body"]["aggs"]) >= {"w0", "w1"} for _, kwargs in recording.calls] == [True]
    assert found.required_docs == _listed_in_full(es_client, alias, "حسن بوركية").required_docs \
        == ("apart", "whole")
    assert len(used) == 1


def test_the_bench_tools_tell_the_holders_requests_apart():
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import ab_rows
    import profile_service
    latin = plan("Abu Hurairah")
    assert profile_service._label(count_request(latin)) == "holder-counts"
    assert profile_service._label(listing_request(latin, [0, 1])) == "holder-counts+holders"
    assert profile_service._label(holders_request(latin, [1])) == "holders"
    row = {"total": 30.0, "kind": "multi", "es": [("msearch:holder-counts+lookup", 5.0, 2),
                                                   ("holders", 7.0, 3), ("search", 11.0, 8)]}
    assert ab_rows.pre_search(row) == 12.0
    assert ab_rows.by_kind([row], [{**row, "total": 15.0}])[0][:4] == ["multi p50", 30.0, 15.0, 0.5]
    assert [w for w, _ in profile_service.multi_words([("phrase", "أبو هريرة")])].count("multi") > 10
