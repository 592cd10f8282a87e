"""The corpora the service tests read (no tests here), each built by the project's indexer.

``conftest.py`` builds each of them once per session behind its own alias
(``seed_alias``, ``seeded_alias``, ``web_alias``, ``suggest_alias``) for every module
that only reads it; a module that alters its index builds its own with these functions.
"""
from __future__ import annotations

import json
import uuid
from pathlib import Path

from conftest import RUN_PREFIX, SEEDS

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

# The web-page corpus adds hostile links, a Latin title and bidi text.
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


def write_docs(path: Path, docs: list[dict]) -> Path:
    """``docs`` as a .jsonl file at ``path``."""
    path.write_text("".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in docs),
                    encoding="utf-8")
    return path


def _index(client, alias: str, paths: list, documents: int) -> str:
    """Index ``paths`` behind ``alias`` with the project's indexer; checks the document count."""
    from indexer.load import index_paths

    summary = index_paths(client, alias, paths)
    assert summary.documents == documents, summary
    return alias


def index_seeds(client, alias: str) -> str:
    """seeds/ alone (figures "on the seed", the README's examples)."""
    return _index(client, alias, [SEEDS], 1)


def index_service_corpus(client, alias: str, folder: Path) -> str:
    """seeds/ plus EXTRA_DOCS: the corpus of the API and page tests."""
    return _index(client, alias, [SEEDS, write_docs(folder / "extra.jsonl", EXTRA_DOCS)],
                  1 + len(EXTRA_DOCS))


def own_service_corpus(client, tmp_path_factory, tag: str) -> str:
    """A private copy of the service corpus, for a module that alters its index."""
    alias = f"{RUN_PREFIX}-{tag}-{uuid.uuid4().hex[:6]}"
    return index_service_corpus(client, alias, tmp_path_factory.mktemp(f"{tag}-corpus"))


def index_web_corpus(client, alias: str, folder: Path) -> str:
    """seeds/ + EXTRA_DOCS + WEB_DOCS."""
    return _index(client, alias, [SEEDS, write_docs(folder / "extra.jsonl", EXTRA_DOCS),
                                  write_docs(folder / "web.jsonl", WEB_DOCS)],
                  1 + len(EXTRA_DOCS) + len(WEB_DOCS))


def index_suggest_corpus(client, alias: str, folder: Path) -> str:
    """A corpus past 'tiny': frequent والدور / والإهانة (close to والده by one edit), the rare
    name والدهاوزر once, and فائز السراج / فائز السبع to complete after a first word."""
    docs = [{"id": f"filler-{n}", "body": f"خبر رقم {n}: والدور الكبير والإهانة المرفوضة "
                                          f"في الاجتماع السنوي للمجلس البلدي."}
            for n in range(FILLER_DOCS)]
    docs += [{"id": "rare", "body": f"وصل الجنرال {RARE_NAME} إلى طرابلس."},
             {"id": "pair", "body": "استقبل فائز السراج الوفد. وقال السبع إن السوق مفتوحة."}]
    return _index(client, alias, [write_docs(folder / "suggest.jsonl", docs)], len(docs))
