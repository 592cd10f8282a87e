"""Indexer speed features (issue 14) keep the indexer's promises, against the real Elasticsearch.

* several bulk requests in flight (``lanes.py``): every result is delivered once,
  a repeated id still ends as its last version, run-level errors still stop the run;
* a new version is loaded without replicas, which are asked for when it is published;
* analysis in worker processes indexes exactly what one process does, and reports
  bad lines the same way, in order.
"""
from __future__ import annotations

import pytest

from arabic_search import mapping as m
from arabic_search.documents import analysed_fields
from indexer import actions, bulk, lanes, versions, workers
from indexer.errors import WritesBlocked
from indexer.load import index_paths

from test_indexer import first_passage, passages, seed_words, write_jsonl
from test_indexer_hostile import GOOD, index, long_body, passages_of, write_lines

LANES = 2


def test_every_passage_of_a_document_takes_the_same_lane():
    for doc_id in ("a", "doc:with:colons", "ليبيا", "x" * 300):
        headers = [{"index": {"_id": f"{doc_id}:{number}"}} for number in range(12)]
        assert len({lanes.lane_of(header, LANES) for header in headers}) == 1
    spread = {lanes.lane_of({"index": {"_id": f"d{number}:0"}}, LANES) for number in range(50)}
    assert spread == set(range(LANES))


def test_results_arrive_once_each_with_requests_in_flight(es_client, unique_alias):
    es_client.indices.create(index=unique_alias)
    ids = [f"d{number}:0" for number in range(300)] + ["z" * 600 + ":0"]
    pairs = [actions.index_action(unique_alias, es_id, b'{"a": 1}') for es_id in ids]
    results: list[tuple[bool, str]] = []
    bulk.send(es_client, pairs, lambda ok, es_id, reason: results.append((ok, es_id)),
              chunk_size=7, requests=LANES)
    assert sorted(results) == sorted([(True, es_id) for es_id in ids[:-1]] + [(False, ids[-1])])


def test_repeated_ids_end_as_their_last_version_with_requests_in_flight(es_client, unique_alias,
                                                                        tmp_path):
    repeated = [f"dup{number}" for number in range(20)]
    lines = [{"id": doc_id, "body": long_body(30, f"الأول{number}")}
             for number, doc_id in enumerate(repeated)]
    lines += [{"id": doc_id, "body": f"{GOOD} {number}"} for number, doc_id in enumerate(repeated)]
    path = write_lines(tmp_path / "dups.jsonl", lines)
    summary, reports = index(es_client, unique_alias, path, chunk_size=1)
    assert (summary.documents, summary.errors, summary.merged) == (20, 0, 20), reports
    for number, doc_id in enumerate(repeated):
        assert first_passage(es_client, unique_alias, doc_id)[m.TEXT] == f"{GOOD} {number}"
    assert passages_of(es_client, unique_alias, "dup7") == [0]
    assert passages(es_client, unique_alias) == 20


def test_a_blocked_index_stops_every_lane_with_the_cause(es_client, unique_alias):
    es_client.indices.create(index=unique_alias, settings={"index.blocks.write": True})
    pairs = (actions.index_action(unique_alias, f"id{number}:0", b'{"a": 1}') for number in range(200))
    results: list[bool] = []
    try:
        with pytest.raises(WritesBlocked, match="flood-stage"):
            bulk.send(es_client, pairs, lambda ok, es_id, reason: results.append(ok),
                      chunk_size=10, requests=LANES)
    finally:
        es_client.indices.put_settings(index=unique_alias, settings={"index.blocks.write": False})
    assert results == []


def test_an_error_of_the_action_stream_reaches_the_caller(es_client, unique_alias):
    es_client.indices.create(index=unique_alias)

    def broken():
        for number in range(30):
            yield actions.index_action(unique_alias, f"id{number}:0", b'{"a": 1}')
        raise ValueError("stream broke")

    with pytest.raises(ValueError, match="stream broke"):
        bulk.send(es_client, broken(), lambda ok, es_id, reason: None, chunk_size=5, requests=LANES)


def test_a_new_version_loads_without_replicas_and_gets_them_when_published(es_client,
                                                                             unique_alias):
    index = versions.create_version(es_client, unique_alias, 1)
    try:
        def replicas() -> str:
            found = es_client.indices.get_settings(index=index, name="index.number_of_replicas")
            return found[index]["settings"]["index"]["number_of_replicas"]
        assert replicas() == "0"
        versions.make_searchable(es_client, index, replicas=1)
        assert replicas() == "1"
    finally:
        versions.discard(es_client, index)


# --- analysis in worker processes ----------------------------------------------------------------

def _index_content(client, alias: str) -> list:
    """Stored sources, and the hit counts of every analysed term of a few words (the
    analysed fields are not in _source)."""
    client.indices.refresh(index=alias)
    hits = client.search(index=alias, size=1000, query={"match_all": {}},
                         source=[m.TEXT, m.TERM, m.TERM_FREQ])["hits"]["hits"]
    counts = [(field, term, client.count(index=alias, query={"term": {field: term}})["count"])
              for word in seed_words()[:60:6]
              for field, terms in analysed_fields(word).items() for term in terms.split()]
    assert any(count for *_, count in counts)
    return sorted((hit["_id"], str(hit["_source"])) for hit in hits) + counts


def test_worker_processes_index_what_one_process_does(es_client, unique_alias, tmp_path):
    path = write_jsonl(tmp_path / "many.jsonl", 3 * workers.DOCS_PER_TASK + 5, words_per_doc=40)
    alone = index_paths(es_client, unique_alias, [path], workers=1)
    expected = _index_content(es_client, unique_alias)
    pooled = index_paths(es_client, unique_alias, [path], workers=2)
    assert (pooled.documents, pooled.passages, pooled.terms, pooled.errors) == \
        (alone.documents, alone.passages, alone.terms, 0)
    assert _index_content(es_client, unique_alias) == expected
    assert first_passage(es_client, unique_alias, "gen-150")[m.TEXT]


def test_worker_processes_report_bad_lines_in_order(es_client, unique_alias, tmp_path):
    lines: list = [{"id": f"d{number}", "body": f"{GOOD} {number}"} for number in range(200)]
    lines[70] = b"{not json"
    lines[150] = {"id": "d150", "body": 42}
    lines[190] = b'{"id": "d190", "body": "\xe9t\xe9"}'   # not UTF-8
    path = write_lines(tmp_path / "mixed.jsonl", lines)
    summary, reports = index(es_client, unique_alias, path, workers=2)
    assert summary.documents == 197 and summary.errors == 3, reports
    assert [text.split(": ")[0] for text in reports] == [f"{path}:{n}" for n in (71, 151, 191)]
