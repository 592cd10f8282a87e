"""The bulk actions of one document: analysed, serialized, and bounded in size.

Analysis can expand a short text enormously (a 3.6 KB line of a repeated ligature
once became a 13 MB bulk action), so each passage action is serialized here and
measured: a document with a passage over ``MAX_ACTION_BYTES``, or whose passages
add up to more than ``MAX_DOCUMENT_SEND_BYTES``, is reported and nothing of it is
sent.  Serializing here (bytes go to bulk as they are) also means a value the
JSON encoder refuses costs one document, not a bulk request.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from arabic_search.documents import passage_documents

from .records import Document

# Largest serialized passage action sent.  Real passages (<= 1200 characters) measure
# up to ~12 KB on the shared corpus (~6x their text); 256 KB is 20x that.
MAX_ACTION_BYTES = 256 * 1024
# Largest total of one document's passage actions (a 10 MB body at the corpus' ~6x).
MAX_DOCUMENT_SEND_BYTES = 64 * 1024 * 1024
_KB = 1024


@dataclass
class Built:
    """A document's passages, ready for bulk: (es_id, source, serialized source) each."""

    passages: list[tuple[str, dict, bytes]]
    problem: str = ""


def build(doc: Document, dumps: Callable[[dict], bytes]) -> Built:
    """Analyse ``doc`` into passage actions, or say why none of it may be sent."""
    passages, total = [], 0
    try:
        for es_id, source in passage_documents(doc.doc_id, doc.body, doc.title, doc.date,
                                               doc.source, doc.url, doc.extra or None):
            body = dumps(source)
            if len(body) > MAX_ACTION_BYTES:
                return Built([], f"passage {es_id} analyses to {len(body) // _KB} KB (limit "
                                 f"{MAX_ACTION_BYTES // _KB} KB per passage), document not sent")
            total += len(body)
            if total > MAX_DOCUMENT_SEND_BYTES:
                return Built([], f"document analyses to over {MAX_DOCUMENT_SEND_BYTES // _KB**2} MB "
                                 f"(limit per document), not sent")
            passages.append((es_id, source, body))
    except Exception as error:  # noqa: BLE001 - hostile text must cost one document, not the run
        return Built([], f"cannot be analysed or encoded ({error.__class__.__name__}: "
                         f"{str(error)[:200]}), document not sent")
    return Built(passages)


def index_action(index: str, es_id: str, body: bytes) -> tuple[dict, bytes]:
    """A bulk (header, body) pair; ``bulk.send`` passes both to Elasticsearch as they are."""
    return {"index": {"_index": index, "_id": es_id}}, body


def delete_action(index: str, es_id: str) -> tuple[dict, None]:
    return {"delete": {"_index": index, "_id": es_id}}, None
