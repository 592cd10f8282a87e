"""What a person running ``python -m indexer`` sees (issue 12, point 7), on the real ES."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from conftest import ROOT
from test_indexer import run_cli, versions_of, write_jsonl

PROGRESS_LINE = re.compile(r"^indexer: reading \d+% \(\d+\.\d of \d+\.\d MB\), \d+ documents, "
                           r"ETA \d+:\d\d:\d\d$", re.MULTILINE)


def cli(args: list[str], url: str, alias: str) -> subprocess.CompletedProcess:
    """Like ``run_cli`` but without --quiet (stderr is a pipe, not a terminal)."""
    env = {**os.environ, "ELASTICSEARCH_URL": url, "SEARCH_INDEX": alias}
    return subprocess.run([sys.executable, "-m", "indexer", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_progress_lines_and_phases_when_stderr_is_not_a_terminal(es_url, unique_alias, tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 1500)
    result = cli(["--progress-every", "0.1", corpus], es_url, unique_alias)
    assert result.returncode == 0, result.stderr
    assert len(PROGRESS_LINE.findall(result.stderr)) >= 2, result.stderr
    phases = re.findall(r"^indexer: phase: (\w+)$", result.stderr, re.MULTILINE)
    assert phases == ["reading", "suggestions", "swap"]  # lexicon entries go in while reading
    assert "\r" not in result.stderr  # no bar drawn into a pipe


def test_quiet_prints_no_progress(es_url, unique_alias, tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 50)
    result = run_cli(["--progress-every", "0.1", corpus], es_url, unique_alias)
    assert result.returncode == 0 and result.stderr.count("\n") == 1, result.stderr


def test_wrong_path_exits_2_before_any_index_is_made(es_client, es_url, unique_alias, tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", 3)
    result = run_cli([good, tmp_path / "typo.jsonl"], es_url, unique_alias)
    assert result.returncode == 2
    assert result.stderr.strip() == (f"indexer: no such file or directory: {tmp_path / 'typo.jsonl'}; "
                                     f"nothing was indexed")
    assert versions_of(es_client, unique_alias) == []


def test_non_data_files_are_noted_not_counted(es_url, unique_alias, tmp_path):
    (tmp_path / "README.md").write_text("# about this corpus\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("notes\n", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "body": "نص"}) + "\n", encoding="utf-8")
    result = run_cli([tmp_path], es_url, unique_alias)
    assert result.returncode == 0, result.stderr
    assert f"{tmp_path}/README.md: skipped" in result.stderr
    assert "indexed 1 documents" in result.stderr and "0 errors, 2 files skipped" in result.stderr


def test_help_lists_formats_exit_codes_and_environment():
    result = subprocess.run([sys.executable, "-m", "indexer", "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for needle in (".jsonl", ".txt", "exit codes:", "130", "ELASTICSEARCH_URL", "SEARCH_INDEX",
                   "--append", "--wait", "--chunk-size", "--progress-every"):
        assert needle in result.stdout, needle
