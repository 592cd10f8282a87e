"""Corpus of the web-page tests (no tests here): seeds/ + the service corpus + hostile and
bidi documents; and a larger corpus for autocomplete, past the indexer's 'tiny' size."""
from __future__ import annotations

import json
import uuid
from pathlib import Path

from test_service_support import EXTRA_DOCS, SEEDS, write_extra_docs

WEB_DOCS = [
    {"id": "xss-js", "title": "رابط خطر", "url": "javascript:alert(document.cookie)",
     "source": "gamma", "date": "2021-03-01", "body": "خبر عن واحة غدامس وأسواقها القديمة."},
    {"id": "xss-data", "title": "رابط بيانات", "url": "data:text/html,<script>alert(1)</script>",
     "source": "gamma", "date": "2021-04-01", "body": "خبر آخر عن واحة غدامس وسكانها."},
    {"id": "latin-title", "title": "Ghadames talks resume (2021)", "source": "Reuters",
     "date": "2021-05-02", "url": "https://example.org/ghadames?a=1&b=2",
     "body": "استؤنفت المحادثات في واحة غدامس بحضور ممثلين عن المدن."},
]
WEB_QUERY = "غدامس"
# Enough documents that the indexer no longer keeps words seen once (indexer/load.py TINY_CORPUS).
FILLER_DOCS = 120
RARE_NAME = "والدهاوزر"


def _jsonl(folder: Path, name: str, docs: list[dict]) -> Path:
    path = folder / name
    path.write_text("\n".join(json.dumps(doc, ensure_ascii=False) for doc in docs) + "\n",
                    encoding="utf-8")
    return path


def web_alias(client, folder: Path) -> str:
    """seeds/ + EXTRA_DOCS + WEB_DOCS behind a fresh alias."""
    from conftest import RUN_PREFIX
    from indexer.load import index_paths

    alias = f"{RUN_PREFIX}-web-{uuid.uuid4().hex[:6]}"
    summary = index_paths(client, alias, [SEEDS, write_extra_docs(folder),
                                          _jsonl(folder, "web.jsonl", WEB_DOCS)], quiet=True)
    assert summary.documents == 1 + len(EXTRA_DOCS) + len(WEB_DOCS), summary
    return alias


def suggest_alias(client, folder: Path) -> str:
    """A corpus past 'tiny': frequent والدور / والإهانة (close to والده by one edit), the rare
    name والدهاوزر once, and فائز السراج / فائز السبع to complete after a first word."""
    from conftest import RUN_PREFIX
    from indexer.load import index_paths

    docs = [{"id": f"filler-{n}", "body": f"خبر رقم {n}: والدور الكبير والإهانة المرفوضة "
                                          f"في الاجتماع السنوي للمجلس البلدي."}
            for n in range(FILLER_DOCS)]
    docs += [{"id": "rare", "body": f"وصل الجنرال {RARE_NAME} إلى طرابلس."},
             {"id": "pair", "body": "استقبل فائز السراج الوفد. وقال السبع إن السوق مفتوحة."}]
    alias = f"{RUN_PREFIX}-suggest-{uuid.uuid4().hex[:6]}"
    summary = index_paths(client, alias, [_jsonl(folder, "suggest.jsonl", docs)], quiet=True)
    assert summary.documents == len(docs), summary
    return alias
