"""Shared helpers for the service tests (no tests here): the corpus, indexing, a live server.

Imported by test_service_api.py, test_web.py and test_readme_examples.py.
"""
from __future__ import annotations

import json
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path

from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Extra documents on top of seeds/: ranking (exact vs fuzzy spelling), filters, paging.
EXTRA_DOCS = [
    {"id": "exact-doc", "title": "لقاء في العاصمة", "date": "2018-05-01", "source": "alpha",
     "url": "https://example.org/exact",
     "body": "التقى الجنرال والدهاوزر وفدا رسميا في العاصمة."},
    {"id": "fuzzy-doc", "title": "زيارة رسمية", "date": "2019-02-01", "source": "beta",
     "body": "وصل الجنرال والدهاوزير إلى العاصمة صباح اليوم."},
] + [
    {"id": f"paging-{n:02d}", "title": f"خبر قصير رقم {n}", "date": f"2020-01-{n + 1:02d}",
     "source": "paging", "body": f"خبر قصير رقم {n} عن مدينة مصراتة والمنطقة المحيطة بها."}
    for n in range(12)
]
PAGING_QUERY = "مصراتة"
PAGING_DOCS = 12


def write_extra_docs(folder: Path) -> Path:
    path = folder / "extra.jsonl"
    path.write_text("\n".join(json.dumps(doc, ensure_ascii=False) for doc in EXTRA_DOCS) + "\n",
                    encoding="utf-8")
    return path


def seeded_alias_for(es_client, tmp_path_factory, tag: str) -> str:
    """A fresh alias holding seeds/ plus EXTRA_DOCS (module fixtures of the service tests)."""
    from conftest import RUN_PREFIX

    alias = f"{RUN_PREFIX}-{tag}-{uuid.uuid4().hex[:6]}"
    index_corpus(es_client, alias, tmp_path_factory.mktemp(f"{tag}-corpus"))
    return alias


def index_corpus(client, alias: str, folder: Path) -> None:
    """Index seeds/ plus EXTRA_DOCS behind ``alias`` with the project's indexer."""
    from indexer.load import index_paths

    summary = index_paths(client, alias, [SEEDS, write_extra_docs(folder)],
                          replace=True, quiet=True)
    assert summary.documents == 1 + len(EXTRA_DOCS), summary


@contextmanager
def live_server(app):
    """Serve ``app`` on 127.0.0.1 (random port) in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def seed_only_app(es_client, es_url: str, tag: str):
    """The service app on a fresh alias holding seeds/ alone (figures "on the seed")."""
    from conftest import RUN_PREFIX
    from indexer.load import index_paths

    from service import create_app
    alias = f"{RUN_PREFIX}-{tag}-{uuid.uuid4().hex[:6]}"
    index_paths(es_client, alias, [str(SEEDS)], replace=True, quiet=True)
    return create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": alias, "TESTING": True})
