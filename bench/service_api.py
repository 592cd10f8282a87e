"""The service as the evaluation sees it: the Flask app in-process, over its public API only.

Documents go in through ``indexer.load.index_paths`` (the indexer's one entry
point) and queries through ``GET /api/search`` on the app's test client, exactly
as a user's would, so the evaluation keeps working however the internals move.
"""
from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

import common

SERVICE = "service"


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


class Api:
    """The service app in-process on one alias; ``search`` returns the JSON (or an error stub)."""

    name = SERVICE

    def __init__(self, alias: str):
        from service import create_app
        app = create_app({"ELASTICSEARCH_URL": common.es_url(), "SEARCH_INDEX": alias, "TESTING": True})
        self.client = app.test_client()
        self.errors = 0
        self.last: dict = {}

    def search(self, q: str, size: int = 10) -> dict:
        response = self.client.get("/api/search", query_string={"q": q, "size": size})
        if response.status_code != 200:
            self.errors += 1
            self.last = {"hits": [], "error": response.get_json(silent=True),
                         "status": response.status_code}
        else:
            self.last = response.get_json()
        return self.last

    def ids(self, q: str, size: int = 10) -> tuple[list[str], float]:
        """(document ids in rank order, milliseconds), the common shape of every searcher."""
        started = time.perf_counter()
        hits = self.search(q, size)["hits"]
        return [str(hit["id"]) for hit in hits], (time.perf_counter() - started) * 1000


def first_match(result: dict) -> str:
    """``word (how)`` of the first match of the first hit: why the service returned it."""
    for hit in result.get("hits", [])[:1]:
        for passage in hit.get("passages", []):
            for match in passage.get("matches", [])[:1]:
                return f"{match.get('text')} ({match.get('how')})"
    return ""


def index(es_client, alias: str, paths: list[Path]) -> None:
    """Index ``paths`` behind ``alias`` with the project's indexer (replacing what was there)."""
    from indexer.load import index_paths
    summary = index_paths(es_client, alias, [str(p) for p in paths], replace=True, quiet=True,
                          report=lambda message: None)
    if summary.errors:
        print(f"  warning: {summary.errors} indexing errors in {alias}", file=sys.stderr)
