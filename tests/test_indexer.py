"""The indexer against a real Elasticsearch: loading, alias swaps, bad input, CLI.

CLI-level behaviour (exit codes, stderr, kill -9) runs ``python -m indexer`` in
a subprocess; the rest calls ``indexer.load.index_paths`` directly.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from arabic_search import es
from arabic_search import mapping as m
from arabic_search.documents import document_id
from indexer import sources
from indexer.load import index_paths
from indexer.version_names import version_pattern
from indexer.term_counter import TermCounter

from conftest import ROOT, SEEDS

SEED_WORD = "والدهاوزر"  # a name in the seed article, normalized


def run_cli(args: list[str], url: str, alias: str, timeout: float = 120):
    env = {**os.environ, "ELASTICSEARCH_URL": url, "SEARCH_INDEX": alias}
    return subprocess.run([sys.executable, "-m", "indexer", "--quiet", *map(str, args)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=timeout)


def passages(client, alias: str) -> int:
    return client.count(index=alias, query={"term": {m.KIND: m.KIND_PASSAGE}})["count"]


def documents(client, alias: str) -> int:
    query = {"bool": {"filter": [{"term": {m.KIND: m.KIND_PASSAGE}}, {"term": {m.PASSAGE_NO: 0}}]}}
    return client.count(index=alias, query=query)["count"]


def versions_of(client, alias: str) -> list[str]:
    return sorted(client.indices.get(index=version_pattern(alias), expand_wildcards="all",
                                     filter_path="*.settings.index.provided_name").body)


def first_passage(client, alias: str, doc_id: str) -> dict:
    return client.get(index=alias, id=f"{doc_id}:0")["_source"]


def seed_words() -> list[str]:
    return next(SEEDS.glob("*.txt")).read_text(encoding="utf-8").split()


def write_jsonl(path: Path, count: int, words_per_doc: int = 120, prefix: str = "gen") -> Path:
    """``count`` synthetic Arabic documents made of shuffled seed words, ids prefix-n."""
    rng, words = random.Random(count), seed_words()
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            body = " ".join(rng.choice(words) for _ in range(words_per_doc))
            handle.write(json.dumps({"id": f"{prefix}-{number}", "body": body},
                                    ensure_ascii=False) + "\n")
    return path


# --- seeds, re-runs, swaps -------------------------------------------------------------

def test_seeds_indexed_and_searchable(es_client, unique_alias):
    summary = index_paths(es_client, unique_alias, [SEEDS])
    assert (summary.documents, summary.errors) == (1, 0)
    assert summary.passages > 1
    assert summary.index.startswith(f"{unique_alias}-v")
    assert es.alias_indices(es_client, unique_alias) == [summary.index]
    hits = es_client.search(index=unique_alias, query={"term": {m.NORM: SEED_WORD}})["hits"]
    assert hits["total"]["value"] >= 1
    assert passages(es_client, unique_alias) == summary.passages
    terms = es_client.count(index=unique_alias, query={"term": {m.KIND: m.KIND_TERM}})["count"]
    assert terms == summary.terms > 50
    assert not es_client.options(ignore_status=404).get(index=unique_alias, id="term:في")["found"]


def test_rerun_same_count_new_index_old_deleted(es_client, unique_alias):
    first = index_paths(es_client, unique_alias, [SEEDS])
    second = index_paths(es_client, unique_alias, [SEEDS])
    assert second.index != first.index
    assert es.alias_indices(es_client, unique_alias) == [second.index]
    assert not es_client.indices.exists(index=first.index)
    assert passages(es_client, unique_alias) == first.passages == second.passages
    assert versions_of(es_client, unique_alias) == [second.index]


def test_alias_swap_is_atomic_under_searches(es_client, unique_alias, tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 300)
    expected = index_paths(es_client, unique_alias, [corpus]).passages
    failures: list[BaseException] = []

    def rebuild():
        try:
            for _ in range(3):
                index_paths(es_client, unique_alias, [corpus])
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            failures.append(error)

    worker = threading.Thread(target=rebuild)
    worker.start()
    counts, indices = [], set()
    while worker.is_alive():
        response = es_client.search(index=unique_alias, size=0, track_total_hits=True,
                                    query={"term": {m.KIND: m.KIND_PASSAGE}})
        counts.append(response["hits"]["total"]["value"])
        indices.update(es.alias_indices(es_client, unique_alias))
    worker.join()
    assert not failures
    assert len(counts) > 20 and set(counts) == {expected}
    assert len(indices) >= 2  # the searches really spanned swaps


def test_killed_run_leaves_previous_index_and_next_run_cleans_up(es_client, es_url,
                                                                 unique_alias, tmp_path):
    previous = index_paths(es_client, unique_alias, [SEEDS])
    big = write_jsonl(tmp_path / "big.jsonl", 3000)
    env = {**os.environ, "ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": unique_alias}
    process = subprocess.Popen([sys.executable, "-m", "indexer", "--quiet", str(big)], cwd=ROOT,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        stray = _wait_for_partial_version(es_client, unique_alias, previous.index, process)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL
    assert es_client.indices.exists(index=stray)
    assert es.alias_indices(es_client, unique_alias) == [previous.index]
    assert passages(es_client, unique_alias) == previous.passages

    result = run_cli([SEEDS], es_url, unique_alias)
    assert result.returncode == 0, result.stderr
    assert "stray" in result.stderr
    live = es.alias_indices(es_client, unique_alias)
    assert versions_of(es_client, unique_alias) == live and len(live) == 1
    assert passages(es_client, unique_alias) == previous.passages


def _wait_for_partial_version(client, alias: str, previous: str, process) -> str:
    """The half-built version once it holds some documents (refresh is off: use stats)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        for name in versions_of(client, alias):
            if name != previous:
                stats = client.indices.stats(index=name, metric="indexing")
                indexing = stats["_all"]["primaries"].get("indexing", {})  # {} while starting
                if indexing.get("index_total", 0) > 0:
                    return name
        time.sleep(0.05)
    pytest.fail(f"no partial version appeared (indexer exit code {process.poll()})")


# --- bad input ---------------------------------------------------------------------------

def _bad_input_folder(root: Path) -> tuple[list[str], int]:
    """Every kind of bad input beside good documents; returns (expected problems, good docs)."""
    (root / "good.txt").write_text("عنوان قصير\n\nنص جيد عن ليبيا وواشنطن.", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0IHDR")
    (root / "latin1.txt").write_bytes("café au lait".encode("latin-1"))
    with (root / "huge.txt").open("wb") as handle:  # sparse: 11 MB that cost nothing
        handle.truncate(11 * 2**20)
    (root / "broken.txt").symlink_to(root / "missing-target.txt")
    (root / "notes.md").write_text("not indexed", encoding="utf-8")
    lines = [
        json.dumps({"id": "ok-1", "body": "وثيقة جيدة أولى"}, ensure_ascii=False).encode(),
        b'{"id": "bad-json", "body": ',
        b"[1, 2, 3]",
        json.dumps({"id": "no-body", "title": "x"}).encode(),
        json.dumps({"id": "empty-body", "body": "   "}).encode(),
        json.dumps({"id": "number-body", "body": 42}).encode(),
        b'{"id": "latin1", "body": "caf\xe9"}',
        json.dumps({"id": "bad-date", "body": "وثيقة بتاريخ خاطئ", "date": "yesterday"},
                   ensure_ascii=False).encode(),
        b"",
        b'{"id": "huge", "body": "' + b"a" * (10 * 2**20 + 10) + b'"}',
        json.dumps({"id": "ok-2", "body": "وثيقة جيدة ثانية"}, ensure_ascii=False).encode(),
    ]
    (root / "mixed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    byte_of_latin1 = sum(len(line) + 1 for line in lines[:6]) + lines[6].index(b"\xe9")
    expected = [
        f"{root}/binary.txt: binary file",
        f"{root}/broken.txt: cannot read",
        f"{root}/empty.txt: empty file",
        f"{root}/huge.txt: file over 10 MB",
        f"{root}/latin1.txt: invalid UTF-8 at byte 3",
        f"{root}/mixed.jsonl:2: invalid JSON",
        f"{root}/mixed.jsonl:3: not a JSON object",
        f"{root}/mixed.jsonl:4: missing, empty or non-string body",
        f"{root}/mixed.jsonl:5: missing, empty or non-string body",
        f"{root}/mixed.jsonl:6: missing, empty or non-string body",
        f"{root}/mixed.jsonl:7: invalid UTF-8 at byte {byte_of_latin1}",
        f"{root}/mixed.jsonl:8: date 'yesterday'",
        f"{root}/mixed.jsonl:10: line over 10 MB",
    ]
    return expected, 4  # good.txt, ok-1, bad-date (indexed without date), ok-2


def test_bad_input_reported_and_good_documents_indexed(es_client, es_url, unique_alias, tmp_path):
    expected, good = _bad_input_folder(tmp_path)
    result = run_cli([tmp_path], es_url, unique_alias)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    reported = [line for line in result.stderr.splitlines() if line.startswith(str(tmp_path))]
    problems = [line for line in reported if "skipped (only" not in line]
    assert len(problems) == len(expected), result.stderr
    for line, start in zip(problems, expected):
        assert line.startswith(start), (line, start)
    assert f"{tmp_path}/notes.md: skipped" in result.stderr
    summary = result.stderr.strip().splitlines()[-1]
    assert f"indexed {good} documents" in summary and f"{len(expected)} errors" in summary
    assert documents(es_client, unique_alias) == good
    assert "date" not in first_passage(es_client, unique_alias, "bad-date")


def test_bad_input_through_api_counts_errors(es_client, unique_alias, tmp_path):
    expected, good = _bad_input_folder(tmp_path)
    lines: list[str] = []
    summary = index_paths(es_client, unique_alias, [tmp_path], report=lines.append)
    assert (summary.documents, summary.errors) == (good, len(expected))
    assert len(lines) == len(expected) + 1  # problems plus the skipped-file notice


# --- metadata and reading rules ---------------------------------------------------------

def test_jsonl_metadata_and_extra_stored(es_client, unique_alias, tmp_path):
    path = tmp_path / "meta.jsonl"
    records = [
        {"id": 7, "title": "عنوان", "body": "نص الخبر عن ليبيا.", "date": "2020-05-17",
         "source": "وكالة", "url": "https://example.org/a", "genre": "news", "tags": ["a", "b"]},
        {"body": "خبر بلا معرف", "date": "2019"},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    summary = index_paths(es_client, unique_alias, [path])
    assert (summary.documents, summary.errors) == (2, 0)
    stored = first_passage(es_client, unique_alias, "7")
    assert stored[m.DOC_ID] == "7" and stored[m.TITLE] == "عنوان"
    assert (stored[m.DATE], stored[m.SOURCE], stored[m.URL]) == (
        "2020-05-17", "وكالة", "https://example.org/a")
    assert stored[m.EXTRA] == {"genre": "news", "tags": ["a", "b"]}
    anonymous = first_passage(es_client, unique_alias, document_id("meta.jsonl", "خبر بلا معرف"))
    assert anonymous[m.DATE] == "2019" and m.EXTRA not in anonymous
    found = es_client.search(index=unique_alias, query={"term": {m.SOURCE: "وكالة"}})
    assert found["hits"]["total"]["value"] == 1


def test_txt_title_rule():
    cases = {
        "titled": ("عنوان قصير\n\nالنص الأول.\nسطر ثان.", "عنوان قصير", "النص الأول.\nسطر ثان."),
        # Without a title line, the first sentence (cut before 120 characters) is the title.
        "no-blank-line": ("سطر أول\nسطر ثان", "سطر أول", "سطر أول\nسطر ثان"),
        "long-first-line": ("ك" * 201 + "\n\nبقية", "ك" * 120 + "…", "ك" * 201 + "\n\nبقية"),
        "single-line": ("سطر وحيد طويل. وجملة ثانية", "سطر وحيد طويل.", "سطر وحيد طويل. وجملة ثانية"),
        "crlf": ("عنوان\r\n\r\nنص", "عنوان", "نص"),
    }
    for stem, (text, title, body) in cases.items():
        text = text.replace("\r\n", "\n")
        assert sources.split_title(text, stem) == (title, body), stem


def test_txt_title_and_stable_id_in_index(es_client, unique_alias, tmp_path):
    (tmp_path / "titled.txt").write_text("عنوان قصير\n\nالنص الأول هنا.", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("نص بلا عنوان\nيتبعه سطر.", encoding="utf-8")
    index_paths(es_client, unique_alias, [tmp_path])
    titled = first_passage(es_client, unique_alias, document_id("titled.txt", "النص الأول هنا."))
    assert titled[m.TITLE] == "عنوان قصير" and titled[m.TEXT] == "النص الأول هنا."
    plain = first_passage(es_client, unique_alias, document_id("plain.txt", "نص بلا عنوان\nيتبعه سطر."))
    assert plain[m.TITLE] == "نص بلا عنوان"  # its first sentence, not its file name


def test_folder_walk_is_recursive_sorted_and_notices_skipped_files(es_url, unique_alias, tmp_path):
    for relative in ("b/z.txt", "b/a/deep.txt", "a.txt", "c/d/e/f.jsonl"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
    for relative in ("b/z.txt", "b/a/deep.txt", "a.txt"):
        (tmp_path / relative).write_text(f"نص الملف {relative}", encoding="utf-8")
    (tmp_path / "c/d/e/f.jsonl").write_text('{"body": "نص"}\n', encoding="utf-8")
    (tmp_path / "b/image.png").write_bytes(b"\x89PNG")
    walked = [record.path for record in sources.read_paths([str(tmp_path)])]
    assert walked == [f"{tmp_path}/{name}" for name in
                      ("a.txt", "b/image.png", "b/z.txt", "b/a/deep.txt", "c/d/e/f.jsonl")]
    result = run_cli([tmp_path], es_url, unique_alias)
    assert result.returncode == 0, result.stderr
    assert f"{tmp_path}/b/image.png: skipped" in result.stderr
    assert "indexed 4 documents" in result.stderr


def test_append_adds_without_duplicates(es_client, unique_alias, tmp_path):
    extra = write_jsonl(tmp_path / "extra.jsonl", 20, prefix="extra")
    first = index_paths(es_client, unique_alias, [SEEDS])
    added = index_paths(es_client, unique_alias, [extra], replace=False)
    assert added.index == first.index and added.errors == 0
    assert passages(es_client, unique_alias) == first.passages + added.passages
    again = index_paths(es_client, unique_alias, [extra, SEEDS], replace=False)
    assert again.passages == added.passages + first.passages
    assert passages(es_client, unique_alias) == first.passages + added.passages
    assert documents(es_client, unique_alias) == 21


def test_append_creates_the_index_when_there_is_no_alias(es_client, unique_alias):
    summary = index_paths(es_client, unique_alias, [SEEDS], replace=False)
    assert es.alias_indices(es_client, unique_alias) == [summary.index]
    assert passages(es_client, unique_alias) == summary.passages > 1


# --- CLI ----------------------------------------------------------------------------------

def test_cli_indexes_seeds(es_client, es_url, unique_alias):
    result = run_cli([SEEDS], es_url, unique_alias)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1 and "indexed 1 documents" in result.stderr
    assert unique_alias in result.stderr
    assert passages(es_client, unique_alias) > 1


def test_cli_unreachable_elasticsearch_exits_2_fast(unique_alias):
    started = time.monotonic()
    result = run_cli([SEEDS], "http://127.0.0.1:9", unique_alias, timeout=30)
    assert time.monotonic() - started < 10
    assert result.returncode == 2
    assert "http://127.0.0.1:9" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [[], ["--append", "--replace", "seeds"], ["--shards", "0", "seeds"],
                                  ["--bogus", "seeds"]])
def test_cli_usage_errors_exit_2(es_url, unique_alias, args):
    env = {**os.environ, "ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": unique_alias}
    result = subprocess.run([sys.executable, "-m", "indexer", *args], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_alias_that_is_a_concrete_index_exits_2(es_client, es_url, unique_alias):
    es_client.indices.create(index=unique_alias)
    result = run_cli([SEEDS], es_url, unique_alias)
    assert result.returncode == 2
    assert "concrete index" in result.stderr and "Traceback" not in result.stderr
    assert es_client.count(index=unique_alias)["count"] == 0


# --- suggestion word counts (TermCounter) -------------------------------------------------

def test_term_counter_stays_bounded_and_keeps_frequent_words():
    counter = TermCounter(max_entries=1000)
    for number in range(50_000):
        counter.add([(f"word{number}", f"word{number}"), ("ليبيا", "ليبيا"), ("ليبيا", "لِيبيا")])
        assert len(counter) <= 1000
    top = list(counter.top(10))
    assert top[0] == ("ليبيا", "ليبيا", 100_000)
    assert all(count >= 2 for _, _, count in top)
    assert not list(TermCounter().top(min_count=1))
    assert list(TermCounter(10).top()) == []


def test_term_counter_skips_function_words_numbers_and_short_words():
    counter = TermCounter()
    counter.add([("في", "في"), ("التي", "التي"), ("2020", "2020"), ("ab", "ab"), ("the", "The"),
                 ("ب" * 300, "ب" * 300),
                 ("السراج", "السرّاج"), ("السراج", "السراج"), ("السراج", "السراج")])
    assert list(counter.top(min_count=1)) == [("السراج", "السراج", 3)]
