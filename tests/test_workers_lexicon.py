"""Lexicon entries computed by the analysing processes (issue 14, seventh round), on the real ES.

Each process computes the entries of the words it has not met yet this run and the
main process writes each entry once: a pooled run must write exactly the entries
of an in-process run, and those must be what the indexer wrote when the main
process computed them all at the end (one per distinct usable written word,
``word_forms`` + ``lexicon_entry``), down to the order of the keys of each source.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

from elasticsearch import helpers
from elasticsearch.serializer import JsonSerializer

from arabic_search import mapping as m
from arabic_search.analysis import word_forms
from arabic_search.documents import passage_documents
from arabic_search.lexicon import MAX_WORD_LENGTH, lexicon_entry
from indexer import workers
from indexer.lexicon import LexiconEntries, is_entry_id
from indexer.load import index_paths, lane_key
from indexer.records import Problem
from indexer.sources import read_paths

from test_indexer import seed_words

# Words beside the seed text that take other paths: digits (no entry), a number with a
# joiner, an over-long word, Latin names, vowel marks, a ligature that is a phrase (ﷺ).
ODD_WORDS = ["2024", "١٩٤٨", "3,5", "ب" * (MAX_WORD_LENGTH + 1), "Navid", "O'Brien", "Mittweida",
             "مُحَمَّد", "ﷺ", "الـــوب"]
DOCUMENTS = 4 * workers.DOCS_PER_TASK + 7   # the pool starts from the second chunk
DUMPS = JsonSerializer().dumps               # what the client sends a dict as


def write_varied(path: Path) -> Path:
    """Documents whose words overlap across chunks (each process meets some words first)."""
    rng, words = random.Random(DOCUMENTS), seed_words() + ODD_WORDS
    with path.open("w", encoding="utf-8") as handle:
        for number in range(DOCUMENTS):
            body = " ".join(rng.choice(words) for _ in range(30))
            handle.write(json.dumps({"id": f"lex-{number}", "title": rng.choice(words), "body": body},
                                    ensure_ascii=False) + "\n")
    return path


def expected_lexicon(path: Path) -> dict[str, dict]:
    """The entries as the main process computed them before: every distinct written word
    of every passage, sorted, with an entry when it has name keys."""
    words = {word for record in read_paths([str(path)]) if not isinstance(record, Problem)
             for _, source in passage_documents(record.doc_id, record.body, record.title)
             for word in source[m.EXACT].split()}
    expected = {}
    for word in sorted(w for w in words if len(w) <= MAX_WORD_LENGTH and not w.isdigit()):
        forms = word_forms(word)
        entry = lexicon_entry(forms[0]) if len(forms) == 1 else None
        if entry:
            expected[entry[0]] = entry[1]
    return expected


def streamed_lexicon(path: Path, processes: int) -> dict[str, bytes]:
    """id -> serialized source of the entry actions a run sends (each id once)."""
    entries, sent = LexiconEntries(), {}
    for chunk in workers.analysed_chunks(read_paths([str(path)]), processes):
        for header, body in entries.actions("x", chunk.entries):
            es_id = header["index"]["_id"]
            assert es_id not in sent
            sent[es_id] = body
    return sent


def test_processes_send_the_entries_the_main_process_computed(tmp_path):
    path = write_varied(tmp_path / "varied.jsonl")
    expected = {es_id: DUMPS(source) for es_id, source in expected_lexicon(path).items()}
    assert streamed_lexicon(path, 2) == streamed_lexicon(path, 1) == expected
    assert len(expected) > 50 and "word:Navid" in expected and "word:2024" not in expected


def stored_lexicon(client, alias: str, keys: list[str]) -> tuple[dict, list[int]]:
    """id -> stored source (JSON, key order kept) of every lexicon entry behind ``alias``,
    and how many entries hold each of ``keys`` (name keys are indexed, not stored)."""
    client.indices.refresh(index=alias)
    hits = helpers.scan(client, index=alias, query={"query": {"term": {m.KIND: m.KIND_WORD}}})
    stored = {hit["_id"]: json.dumps(hit["_source"], ensure_ascii=False) for hit in hits}
    searches = [part for key in keys for part in (
        {"index": alias}, {"size": 0, "query": {"term": {m.KEYS: key}}})]
    found = client.msearch(searches=searches)["responses"]
    return stored, [response["hits"]["total"]["value"] for response in found]


def test_a_pooled_run_writes_the_lexicon_of_one_process(es_client, unique_alias, tmp_path):
    path = write_varied(tmp_path / "varied.jsonl")
    expected = expected_lexicon(path)
    keys = sorted({key for source in expected.values() for key in source[m.KEYS].split()})
    alone = index_paths(es_client, unique_alias, [path], workers=1)
    in_process = stored_lexicon(es_client, unique_alias, keys)
    pooled = index_paths(es_client, unique_alias, [path], workers=2)
    assert (pooled.documents, pooled.errors, alone.errors) == (DOCUMENTS, 0, 0)
    assert stored_lexicon(es_client, unique_alias, keys) == in_process
    stored = {es_id: json.dumps({m.KIND: source[m.KIND], m.WORD: source[m.WORD]}, ensure_ascii=False)
              for es_id, source in expected.items()}
    holders = [sum(key in source[m.KEYS].split() for source in expected.values()) for key in keys]
    assert in_process == (stored, holders)


def test_entry_ids_never_pass_for_passage_ids():
    """Entries and passages share one bulk stream: results and lanes tell them apart by id."""
    assert is_entry_id("word:ليبيا") and is_entry_id("word:Navid")
    for passage in ("word:0", "word:ليبيا:3", "doc:with:colons:12", "ليبيا:0", "a:1"):
        assert not is_entry_id(passage), passage
    assert lane_key("doc:with:colons:12") == "doc:with:colons" and lane_key("word:x") == "word:x"
