"""Hostile input for the indexer (issue 11), against the real Elasticsearch.

Promise under test: good lines are indexed, bad ones are reported as
``path:line: reason``, and no document is left half-written or stale.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from arabic_search import es
from arabic_search import mapping as m
from indexer import actions, bulk, records
from indexer.load import index_paths

from conftest import ROOT
from test_indexer import first_passage, passages, run_cli, versions_of, write_jsonl

GOOD = "نص جيد عن ليبيا وواشنطن."


def write_lines(path: Path, lines: list[bytes | str | dict]) -> Path:
    """Lines as given: dicts become JSON, str is encoded, bytes are written raw."""
    raw = []
    for line in lines:
        if isinstance(line, dict):
            line = json.dumps(line, ensure_ascii=False)
        raw.append(line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line)
    path.write_bytes(b"\n".join(raw) + b"\n")
    return path


def long_body(sentences: int, word: str = "ليبيا") -> str:
    """A body of many ~40-character sentences: about one passage per ten sentences."""
    return " ".join(f"الجملة رقم {number} تتحدث عن {word} وجيرانها." for number in range(sentences))


def passages_of(client, alias: str, doc_id: str) -> list[int]:
    client.indices.refresh(index=alias)
    hits = client.search(index=alias, size=1000, query={"term": {m.DOC_ID: doc_id}},
                         source=[m.PASSAGE_NO])["hits"]["hits"]
    return sorted(hit["_source"][m.PASSAGE_NO] for hit in hits)


def index(client, alias, path, **options):
    lines: list[str] = []
    summary = index_paths(client, alias, [path], report=lines.append, **options)
    return summary, lines


def reported(lines: list[str], path: Path, line: int, words: str) -> bool:
    return any(text.startswith(f"{path}:{line}: ") and words in text for text in lines)


# --- field-level rules: drop the bad field, keep the document --------------------------------

def test_non_http_url_dropped_document_kept(es_client, unique_alias, tmp_path):
    path = write_lines(tmp_path / "urls.jsonl", [
        {"id": "js", "body": GOOD, "url": "javascript:alert(1)"},
        {"id": "data", "body": GOOD, "url": "data:text/html,<script>alert(1)</script>"},
        {"id": "spaced", "body": GOOD, "url": "https://exa mple.org/"},
        {"id": "ok", "body": GOOD, "url": "https://example.org/a?b=c"},
    ])
    summary, lines = index(es_client, unique_alias, path)
    assert summary.documents == 4 and summary.errors == 3
    for number, doc_id in ((1, "js"), (2, "data"), (3, "spaced")):
        assert reported(lines, path, number, "url dropped"), lines
        assert m.URL not in first_passage(es_client, unique_alias, doc_id)
    assert first_passage(es_client, unique_alias, "ok")[m.URL] == "https://example.org/a?b=c"


def test_out_of_range_offset_and_huge_keywords_dropped(es_client, unique_alias, tmp_path):
    path = write_lines(tmp_path / "fields.jsonl", [
        {"id": "offset", "body": GOOD, "date": "2020-05-17T10:00:00+19:00", "source": "وكالة"},
        {"id": "edge", "body": GOOD, "date": "2020-05-17T10:00:00-18:00"},
        {"id": "source", "body": GOOD, "source": "س" * 40_000},
        {"id": "url", "body": GOOD, "url": "https://example.org/" + "a" * 40_000},
        {"id": "title", "body": GOOD, "title": "ع" * 40_000},
    ])
    summary, lines = index(es_client, unique_alias, path)
    assert summary.documents == 5 and summary.errors == 4, lines
    offset = first_passage(es_client, unique_alias, "offset")
    assert m.DATE not in offset and offset[m.SOURCE] == "وكالة"
    assert first_passage(es_client, unique_alias, "edge")[m.DATE] == "2020-05-17T10:00:00-18:00"
    assert m.SOURCE not in first_passage(es_client, unique_alias, "source")
    assert m.URL not in first_passage(es_client, unique_alias, "url")
    assert reported(lines, path, 1, "date dropped") and reported(lines, path, 3, "source over")


# --- reading: judge lines, not files -----------------------------------------------------------

def test_lone_surrogate_repaired_and_reported(es_client, unique_alias, tmp_path):
    path = write_lines(tmp_path / "surrogate.jsonl", [
        '{"id": "lone", "body": "نص \\ud800 فيه", "title": "\\udfff"}',
        '{"id": "pair", "body": "وجه \\ud83d\\ude00 ضاحك"}',
        {"id": "after", "body": GOOD},
    ])
    summary, lines = index(es_client, unique_alias, path)
    assert summary.documents == 3
    assert reported(lines, path, 1, "2 lone surrogate(s)") and "replaced by U+FFFD" in lines[0]
    assert first_passage(es_client, unique_alias, "lone")[m.TEXT] == "نص \ufffd فيه"
    assert first_passage(es_client, unique_alias, "pair")[m.TEXT] == "وجه \U0001F600 ضاحك"


def test_deep_nesting_reported_and_next_lines_indexed(es_client, unique_alias, tmp_path):
    deep = '{"id": "deep", "body": "نص", "x": ' + "[" * 10_000 + "]" * 10_000 + "}"
    nested = {"id": "nested", "body": GOOD, "x": json.loads("[" * 25 + "]" * 25)}
    path = write_lines(tmp_path / "deep.jsonl", [deep, nested, {"id": "after", "body": GOOD}])
    summary, lines = index(es_client, unique_alias, path)
    assert summary.documents == 1 and summary.errors == 2, lines
    assert reported(lines, path, 1, "nested too deep") and reported(lines, path, 2, "deeper than")
    assert first_passage(es_client, unique_alias, "after")[m.TEXT] == GOOD


def test_nul_line_bom_and_utf16(es_client, unique_alias, tmp_path):
    (tmp_path / "bom.jsonl").write_bytes(
        b"\xef\xbb\xbf" + json.dumps({"id": "bom", "body": GOOD}).encode() + b"\n"
        + b'{"id": "nul", "body": "a\0b"}\n'
        + json.dumps({"id": "after-nul", "body": GOOD}).encode() + b"\n")
    (tmp_path / "wide.jsonl").write_bytes(
        json.dumps({"id": "wide", "body": GOOD}, ensure_ascii=False).encode("utf-16"))
    (tmp_path / "wide-nobom.jsonl").write_bytes(
        json.dumps({"id": "wide2", "body": GOOD}, ensure_ascii=False).encode("utf-16-le"))
    summary, lines = index(es_client, unique_alias, tmp_path)
    assert summary.documents == 2 and summary.errors == 3, lines
    assert reported(lines, tmp_path / "bom.jsonl", 2, "NUL byte")
    assert any(line.startswith(f"{tmp_path}/wide.jsonl: UTF-16LE file") for line in lines)
    assert any(line.startswith(f"{tmp_path}/wide-nobom.jsonl: UTF-16LE file") for line in lines)
    assert first_passage(es_client, unique_alias, "bom")[m.TEXT] == GOOD
    assert first_passage(es_client, unique_alias, "after-nul")[m.TEXT] == GOOD


def test_fifo_and_devices_skipped_never_opened(es_url, es_client, unique_alias, tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    write_lines(tmp_path / "good.jsonl", [{"id": "good", "body": GOOD}])
    result = run_cli([tmp_path], es_url, unique_alias, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"{tmp_path}/pipe.jsonl: skipped: a FIFO" in result.stderr
    assert f"{tmp_path}/zero.txt: skipped: a character device" in result.stderr
    assert "indexed 1 documents" in result.stderr and "0 errors, 2 files skipped" in result.stderr


# --- ids: bounded, one bad item never costs another, documents whole ---------------------------

def test_long_ids_bounded_and_neighbours_indexed(es_client, unique_alias, tmp_path):
    lines_in = [{"id": f"n{number}", "body": GOOD} for number in range(20)]
    lines_in[7] = {"id": "x" * 600, "body": GOOD}
    lines_in[12] = {"id": "y" * 510, "body": long_body(150)}
    path = write_lines(tmp_path / "ids.jsonl", lines_in)
    summary, lines = index(es_client, unique_alias, path)
    assert summary.documents == 20 and summary.errors == 2, lines
    assert reported(lines, path, 8, "id over 256 bytes, indexed as 'xxx")
    derived = records.bounded_id("x" * 600, [])
    assert len(derived.encode()) < 256 and first_passage(es_client, unique_alias, derived)
    assert len(passages_of(es_client, unique_alias, records.bounded_id("y" * 510, []))) > 10


def test_document_with_a_refused_passage_is_removed_whole(es_client, unique_alias, tmp_path,
                                                          monkeypatch):
    """Passage ids of a 510-byte id pass ES's 512-byte limit from passage 10 on.

    With the id bound lifted, ES refuses the whole chunk; each item is then sent
    alone, the neighbours go in, and the half-written document is removed.
    """
    monkeypatch.setattr(records, "MAX_ID_BYTES", 10_000)
    doc_id = "y" * 510
    path = write_lines(tmp_path / "ids.jsonl", [{"id": "before", "body": GOOD},
                                                {"id": doc_id, "body": long_body(150)},
                                                {"id": "after", "body": GOOD}])
    summary, lines = index(es_client, unique_alias, path)
    assert (summary.documents, summary.errors) == (2, 1), lines
    assert reported(lines, path, 2, "not indexed (passage") and "passages are removed" in lines[0]
    assert passages_of(es_client, unique_alias, doc_id) == []
    assert passages(es_client, unique_alias) == summary.passages == 2


def test_bulk_isolates_the_item_that_fails_a_whole_request(es_client, unique_alias):
    es_client.indices.create(index=unique_alias)
    pairs = [actions.index_action(unique_alias, es_id, b'{"a": 1}')
             for es_id in ("a", "z" * 600, "b")]
    results: list[tuple[bool, str]] = []
    bulk.send(es_client, pairs, lambda ok, es_id, reason: results.append((ok, es_id)))
    assert results == [(True, "a"), (False, "z" * 600), (True, "b")]


def test_repeated_id_replaces_the_document_whole(es_client, unique_alias, tmp_path):
    path = write_lines(tmp_path / "dup.jsonl", [{"id": "dup", "body": long_body(60)},
                                                {"id": "other", "body": GOOD},
                                                {"id": "dup", "body": GOOD}])
    summary, lines = index(es_client, unique_alias, path, chunk_size=2)
    assert reported(lines, path, 3, "repeats") and f"{path}:1" in lines[0]
    assert passages_of(es_client, unique_alias, "dup") == [0]
    assert first_passage(es_client, unique_alias, "dup")[m.TEXT] == GOOD
    assert (summary.documents, summary.passages, summary.errors, summary.merged) == (2, 2, 0, 1)
    assert passages(es_client, unique_alias) == 2


def test_append_of_a_shorter_version_leaves_no_old_passages(es_client, unique_alias, tmp_path):
    first = write_lines(tmp_path / "v1.jsonl", [{"id": "doc", "body": long_body(60)}])
    second = write_lines(tmp_path / "v2.jsonl", [{"id": "doc", "body": GOOD}])
    index(es_client, unique_alias, first)
    assert len(passages_of(es_client, unique_alias, "doc")) > 3
    summary, lines = index(es_client, unique_alias, second, replace=False)
    assert summary.errors == 0, lines
    assert passages_of(es_client, unique_alias, "doc") == [0]


# --- size bounds ---------------------------------------------------------------------------------

def test_document_over_the_size_limits_is_reported_not_sent(es_client, unique_alias, tmp_path,
                                                            monkeypatch):
    monkeypatch.setattr(actions, "MAX_ACTION_BYTES", 4096)
    monkeypatch.setattr(actions, "MAX_DOCUMENT_SEND_BYTES", 20_000)
    monkeypatch.setattr(bulk, "MAX_BULK_BYTES", 10_000)
    path = write_lines(tmp_path / "sizes.jsonl", [
        {"id": "wide", "body": "ﷺ " * 600},            # one passage far over 4 KB
        {"id": "long", "body": long_body(400)},         # many small passages, over 20 KB in all
        *({"id": f"n{number}", "body": long_body(8)} for number in range(30)),
    ])
    summary, lines = index(es_client, unique_alias, path)
    assert (summary.documents, summary.errors) == (30, 2), lines
    assert reported(lines, path, 1, "limit 4 KB per passage")
    assert reported(lines, path, 2, "limit per document")
    assert passages_of(es_client, unique_alias, "wide") == passages_of(
        es_client, unique_alias, "long") == []


# --- alias names and concurrent runs -------------------------------------------------------------

@pytest.mark.parametrize("name", ["x-*", "a,b", "UPPER", "-dash", "_under", "+plus", ".", "..",
                                  "sp ace", "hash#", "colon:", "quote\"", "a" * 300])
def test_invalid_alias_names_refused(es_url, name):
    result = subprocess.run([sys.executable, "-m", "indexer", "--quiet", "--index", name, "seeds"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "ELASTICSEARCH_URL": es_url})
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_wildcard_alias_cannot_write_into_another_alias(es_client, unique_alias, tmp_path):
    from indexer.errors import AliasConflict
    index(es_client, unique_alias, write_lines(tmp_path / "a.jsonl", [{"id": "a", "body": GOOD}]))
    before = passages(es_client, unique_alias)
    with pytest.raises(AliasConflict, match="cannot contain"):
        index(es_client, unique_alias[:-3] + "*", tmp_path / "a.jsonl", replace=False)
    assert passages(es_client, unique_alias) == before


def test_a_second_run_on_a_held_alias_is_refused_and_leaves_nothing(es_client, unique_alias,
                                                                    tmp_path):
    from indexer.errors import LockBusy
    from indexer.lock import AliasLock, lock_index
    path = write_lines(tmp_path / "a.jsonl", [{"id": "a", "body": GOOD}])
    first, _ = index(es_client, unique_alias, path)
    with AliasLock(es_client, unique_alias):
        with pytest.raises(LockBusy, match="another indexer run"):
            index(es_client, unique_alias, path)
    assert versions_of(es_client, unique_alias) == [first.index]
    second, _ = index(es_client, unique_alias, path)   # released: runs again
    assert versions_of(es_client, unique_alias) == [second.index]
    assert not es_client.indices.exists(index=lock_index(unique_alias), expand_wildcards="all")


def test_a_stale_lock_is_taken_over(es_client, unique_alias, tmp_path):
    from indexer.lock import LOCK_ID, lock_index
    es_client.index(index=lock_index(unique_alias), id=LOCK_ID,
                    document={"host": "elsewhere", "pid": 1, "token": "x", "heartbeat": 0})
    summary, _ = index(es_client, unique_alias, write_lines(tmp_path / "a.jsonl",
                                                            [{"id": "a", "body": GOOD}]))
    assert summary.published and summary.documents == 1


def _held(client, index: str, lock_id: str) -> bool:
    try:
        return client.options(ignore_status=404).get(index=index, id=lock_id).get("found", False)
    except Exception:  # noqa: BLE001 - the lock index is still starting
        return False


def test_two_replace_runs_at_once_one_wins_no_strays(es_client, es_url, unique_alias, tmp_path):
    from indexer.lock import LOCK_ID, lock_index
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 1500)
    env = {**os.environ, "ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": unique_alias}
    # Small chunks keep the first run busy (many requests) while the second one starts.
    first = subprocess.Popen([sys.executable, "-m", "indexer", "--quiet", "--chunk-size", "20",
                              str(corpus)], cwd=ROOT,
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while first.poll() is None and time.monotonic() < deadline and not _held(
            es_client, lock_index(unique_alias), LOCK_ID):
        time.sleep(0.05)
    second = run_cli([corpus], es_url, unique_alias)
    first_err = first.communicate(timeout=300)[1]
    assert first.returncode == 0, first_err
    assert second.returncode == 2 and "another indexer run" in second.stderr, second.stderr
    assert "Traceback" not in second.stderr + first_err
    live = es.alias_indices(es_client, unique_alias)
    assert versions_of(es_client, unique_alias) == live and len(live) == 1
