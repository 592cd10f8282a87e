"""Property: in a file mixing good and hostile lines, every good line is searchable and
every bad line is reported, whatever the order and the bulk chunk boundaries.

Each example indexes a fresh alias on the real Elasticsearch; a tiny chunk size
(1-6 actions) puts chunk boundaries inside documents.
"""
from __future__ import annotations

import json
import uuid

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from arabic_search import mapping as m
from arabic_search.documents import split_passages
from indexer.load import index_paths

from conftest import RUN_PREFIX
from test_indexer import seed_words

WORDS = seed_words()[:400]
# (kind, is the document indexed?, is the line reported?)
KINDS = {
    "good": (True, False), "long": (True, False), "bad_url": (True, True), "bad_date": (True, True),
    "long_id": (True, True), "surrogate": (True, True),
    "invalid_json": (False, True), "array": (False, True), "no_body": (False, True),
    "number_body": (False, True), "nul": (False, True), "latin1": (False, True),
    "deep": (False, True), "empty_body": (False, True),
}


def body_of(number: int, words: int) -> str:
    return " ".join(WORDS[(number * 7 + offset) % len(WORDS)] for offset in range(words)) + "."


def line_of(kind: str, number: int) -> tuple[bytes, str]:
    """(raw line, document id) for one line of ``kind``."""
    # Zero-padded: the search below looks ids up by prefix (long ids are cut), and doc-1
    # would also find doc-10.
    doc_id = f"doc-{number:02d}" if kind != "long_id" else f"doc-{number:02d}-" + "x" * 300
    record: dict = {"id": doc_id, "body": body_of(number, 12)}
    extras = {"long": {"body": body_of(number, 300)}, "bad_url": {"url": "javascript:alert(1)"},
              "bad_date": {"date": "2020-01-01T00:00:00+19:00"}, "no_body": {"body": None},
              "number_body": {"body": 42}, "empty_body": {"body": "  "},
              "deep": {"x": json.loads("[" * 30 + "]" * 30)}}
    record.update(extras.get(kind, {}))
    if kind == "no_body":
        del record["body"]
    raw = json.dumps(record, ensure_ascii=False).encode()
    raw = {"invalid_json": raw[:-5], "array": b"[1, 2]", "nul": raw.replace(b"doc-", b"d\0oc-", 1),
           "latin1": raw[:-2] + b"\xe9\"}",
           "surrogate": raw.replace(b'"body": "', b'"body": "\\ud800 ', 1)}.get(kind, raw)
    return raw, doc_id


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=14),
       chunk_size=st.integers(1, 6))
@example(kinds=["array", "bad_date", *["array"] * 8, "bad_date"], chunk_size=1)  # doc-1 and doc-10
def test_good_lines_searchable_bad_lines_reported(es_client, tmp_path, kinds, chunk_size):
    path = tmp_path / f"mixed-{uuid.uuid4().hex[:8]}.jsonl"
    lines = [line_of(kind, number) for number, kind in enumerate(kinds)]
    path.write_bytes(b"".join(raw + b"\n" for raw, _ in lines))
    alias = f"{RUN_PREFIX}-property-{uuid.uuid4().hex[:8]}"
    reports: list[str] = []
    summary = index_paths(es_client, alias, [path], report=reports.append, chunk_size=chunk_size)

    good = [(number, doc_id) for number, (kind, (_, doc_id)) in enumerate(zip(kinds, lines))
            if KINDS[kind][0]]
    assert summary.documents == len(good), reports
    for number, kind in enumerate(kinds):
        reported = any(text.startswith(f"{path}:{number + 1}: ") for text in reports)
        assert reported == KINDS[kind][1], (kind, reports)
    if not good:
        return
    es_client.indices.refresh(index=alias)
    for number, doc_id in good:
        found = es_client.search(index=alias, size=0, query={"prefix": {m.DOC_ID: doc_id[:200]}})
        expected = len(split_passages(json.loads(lines[number][0].decode("utf-8", "replace"))["body"]))
        assert found["hits"]["total"]["value"] == expected, (kinds[number], doc_id)
