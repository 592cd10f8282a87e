"""Fewer requests per search, same answers (issue 14): the spelling chips counted by the
search itself, the holders request riding in the look-ups' msearch, the round trips per
kind of query.  Real Elasticsearch; the recorder below only forwards and notes the calls."""
from __future__ import annotations

import copy

import pytest

from arabic_search.holders import holders_ahead, holders_request, with_holders
from arabic_search.plan import DF, TOTAL, plan_search
from arabic_search.query import search_query
from arabic_search.spellings import candidates, counted, expected_forms, read_spellings, spellings_body
from arabic_search.syntax import parse
from conftest import RUN_PREFIX
from corpora import _index, write_docs
from service.lookups import completed_plan, searched_plan
from service.params import SearchParams
from service.search import search

GOVERNMENT = [
    {"id": f"gov-{n}", "title": f"نبأ {n}",
     "body": f"اجتمعت الحكومة اليوم. وقالت مصادر إن الحكومات المجاورة تتابع الملف رقم {n}."}
    for n in range(6)
] + [{"id": f"govs-{n}", "title": f"تقرير {n}", "body": f"تتنافس الحكومات في الملف رقم {n}."}
     for n in range(4)]
COUNCIL = [{"id": f"council-{n}", "title": f"جلسة {n}", "body": f"انعقد مجلس الأمن في جلسة رقم {n}."}
           for n in range(3)] + [{"id": "council-alone", "title": "مجلس", "body": "اجتمع مجلس البلدية."}]
NAMES = [{"id": "name-1", "title": "زيارة", "body": "وصل الجنرال والدهاوزر إلى العاصمة."},
         {"id": "name-2", "title": "لقاء", "body": "التقى الجنرال والدهاوسر الوفد."}]


class Recording:
    """Forwards every call to the real client and notes (method, kwargs)."""

    def __init__(self, client, calls: list | None = None):
        self._client, self.calls = client, [] if calls is None else calls

    def options(self, **options):
        return Recording(self._client.options(**options), self.calls)

    def __getattr__(self, name):
        target = getattr(self._client, name)

        def call(**kwargs):
            self.calls.append((name, kwargs))
            return target(**kwargs)
        return call


@pytest.fixture(scope="module")
def alias(es_client, tmp_path_factory):
    docs = GOVERNMENT + COUNCIL + NAMES
    path = write_docs(tmp_path_factory.mktemp("requests") / "docs.jsonl", docs)
    return _index(es_client, f"{RUN_PREFIX}-requests", [path], len(docs))


def _recount(es_client, alias: str, params: SearchParams, hits: list[dict]) -> list[dict]:
    """The chips as one request over every form of the page counts them (the old way)."""
    plan, _ = searched_plan(es_client, alias, plan_search(parse(params.q), params.fuzzy))
    how = candidates(hits, params.spelling)
    response = es_client.search(index=alias, body=spellings_body(search_query(plan), list(how))).body
    return read_spellings(counted(response), how)


def test_chips_are_counted_over_every_match_expected_or_not(es_client, alias):
    recording = Recording(es_client)
    params = SearchParams(q="الحكومة", size=2)
    result = search(recording, alias, params)
    chips = {chip["text"]: chip for chip in result["spellings"]}
    assert chips["الحكومة"]["count"] == 6 and chips["الحكومات"]["count"] == 10  # not only the page's 2
    assert result["spellings"] == _recount(es_client, alias, params, result["hits"])
    expected = expected_forms(plan_search(parse("الحكومة")))
    assert "الحكومة" in expected and "الحكومات" not in expected
    alone = [kwargs["body"] for name, kwargs in recording.calls if name == "search"
             and "spellings" in kwargs["body"].get("aggs", {}) and "collapse" not in kwargs["body"]]
    assert [list(body["aggs"]["spellings"]["filters"]["filters"]) for body in alone] == [["الحكومات"]]


def test_expected_chips_need_no_request_of_their_own(es_client, alias):
    recording = Recording(es_client)
    result = search(recording, alias, SearchParams(q="Waldhauser"))
    assert {chip["text"] for chip in result["spellings"]} == {"والدهاوزر", "والدهاوسر"}
    assert [name for name, _ in recording.calls] == ["msearch", "search", "msearch"]


def test_a_narrowed_search_still_counts_chips_over_the_whole_query(es_client, alias):
    whole = search(es_client, alias, SearchParams(q="الحكومة", size=2))
    narrowed = search(es_client, alias, SearchParams(q="الحكومة", size=2, spelling="الحكومات"))
    assert narrowed["total"] == 10 and whole["total"] == 10
    assert {c["text"]: c["count"] for c in narrowed["spellings"]} == {c["text"]: c["count"]
                                                                     for c in whole["spellings"]}


def _without_boosts(value):
    if isinstance(value, dict):
        return {k: _without_boosts(v) for k, v in value.items() if k != "boost"}
    if isinstance(value, list):
        return [_without_boosts(v) for v in value]
    return value


def test_holders_ahead_ask_for_what_the_completed_plan_asks():
    plan = plan_search(parse("مجلس الأمن"))
    assert holders_ahead(plan)
    answers = [(lookup, {"hits": {"total": {"value": 100 if lookup.kind == TOTAL else 7}}})
               for lookup in plan.lookups() if lookup.kind in (TOTAL, DF)]
    completed = plan.with_answers(answers)
    assert completed.words[0].weight != plan.words[0].weight
    assert holders_request(completed) != holders_request(plan)  # boosts differ...
    assert _without_boosts(holders_request(completed)) == _without_boosts(holders_request(plan))
    assert not holders_ahead(plan_search(parse("Fayez Sarraj")))  # name words seek spellings


def test_holders_ahead_find_the_same_documents_in_one_round_trip(es_client, alias):
    plan = plan_search(parse("مجلس الأمن"))
    recording = Recording(es_client)
    ahead, used = searched_plan(recording, alias, plan)
    # the look-ups, the words' counts and their listing (holder_counts.py)
    assert [name for name, _ in recording.calls] == ["msearch"] and len(used) == len(plan.lookups()) + 2
    completed = completed_plan(es_client, alias, copy.deepcopy(plan))
    after = with_holders(completed, es_client.search(index=alias, body=holders_request(completed)).body)
    assert ahead.required_docs == after.required_docs == ("council-0", "council-1", "council-2")


@pytest.mark.parametrize(("params", "requests"), [
    (SearchParams(q="الحكومة"), ["msearch", "search", "msearch", "search"]),  # one stem chip unexpected
    (SearchParams(q="والدهاوزر"), ["msearch", "search", "msearch"]),
    (SearchParams(q="مجلس الأمن"), ["msearch", "search", "msearch"]),  # holders in the look-ups
    (SearchParams(q="الجنرال والدهاوزر"), ["msearch", "search", "search", "msearch"]),  # holders after
    # no evidence; the page's passages, each word's among them (passages.py)
    (SearchParams(q="مجلس الأمن", sort="date"), ["msearch", "search", "search", "search"]),
    (SearchParams(q="كلمةغيرموجودةابدا"), ["msearch", "search", "search"]),  # + did-you-mean
])
def test_round_trips_per_kind_of_query(es_client, alias, params, requests):
    recording = Recording(es_client)
    search(recording, alias, params)
    assert [name for name, _ in recording.calls] == requests


def test_a_failed_or_partial_expected_count_gives_no_chips_and_no_error(es_client, alias):
    """The count rides in the evidence msearch: its item may fail alone, and then the page
    shows no chips (as when the count was a request of its own), never an error."""
    from service.spellings import expected_count, spelling_counts
    plan, _ = searched_plan(es_client, alias, plan_search(parse("الحكومة")))
    hits = search(es_client, alias, SearchParams(q="الحكومة", size=2))["hits"]
    body = expected_count(search_query(plan), plan)
    items = es_client.msearch(searches=[{"index": alias}, body,
                                        {"index": f"{RUN_PREFIX}-no-such-index"}, body]).body["responses"]
    assert "error" not in items[0] and "error" in items[1]
    assert spelling_counts(es_client, alias, body["query"], hits, None, items[1]) == []
    partial = {**items[0], "_shards": {**items[0]["_shards"], "failed": 1}}
    assert spelling_counts(es_client, alias, body["query"], hits, None, partial) == []
    whole = spelling_counts(es_client, alias, body["query"], hits, None, items[0])
    assert {chip["text"] for chip in whole} == {"الحكومة", "الحكومات"}


def test_the_lookups_come_back_trimmed_one_response_each(es_client, alias):
    """The look-ups' msearch reads only what the plan uses (lookups.LOOKUP_READ): the
    candidates' words, totals, aggregations, shards; no per-hit _index or _score.  A
    failed look-up keeps its place, so every response still meets its own look-up."""
    from service.lookups import _msearch
    plan = plan_search(parse("Waldhauser الحكومة"))
    bodies = [lookup.body for lookup in plan.lookups()]
    from arabic_search import mapping
    broken = {"sort": [{mapping.NORM: "asc"}]}  # a text field: every shard fails
    responses = _msearch(es_client, alias, [*bodies, broken, bodies[0]])
    assert len(responses) == len(bodies) + 2
    assert "error" in responses[len(bodies)] and "_shards" in responses[-1]
    candidates = [hit for response in responses for hit in response.get("hits", {}).get("hits", [])]
    assert candidates and all(set(hit) == {"fields"} for hit in candidates)
    assert completed_plan(es_client, alias, plan).words[0].names  # Waldhauser's spellings read
