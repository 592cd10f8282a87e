"""One whole document: every passage in order, each with its matches explained.

Search results show a document's best few passages (``query.PASSAGES_PER_DOC``);
this view shows all of them, so a spelling that occurs in more passages than a
result can show is still seen everywhere.  Passages are the index's documents
(``doc_id`` + ``passage_no``); they are read in ``passage_no`` order with
``search_after``, a batch at a time, so a long document never needs a deep
``from``.  No Flask here: client + alias + parameters -> dict.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from elasticsearch import Elasticsearch

from arabic_search import mapping as m
from arabic_search.matching import explain_passage
from arabic_search.plan import plan_search
from arabic_search.syntax import parse

from . import params
from .errors import ServiceError, bad_request
from .search import completed_plan

# Passages per request, and the most a view shows (a 10 MB document has ~25,000).
BATCH = 500
MAX_PASSAGES = 5000
MAX_ID_CHARS = 512
METADATA_FIELDS = (m.TITLE, m.DATE, m.SOURCE, m.URL, m.EXTRA)


@dataclass(frozen=True)
class DocumentParams:
    doc_id: str
    q: str = ""
    fuzzy: bool = True


def document_params(doc_id: str, args: Mapping) -> DocumentParams:
    """Validate the id and the optional query (same limits as a search)."""
    if not doc_id.strip() or len(doc_id) > MAX_ID_CHARS:
        raise bad_request("invalid_id", f"A document id is 1 to {MAX_ID_CHARS} characters long.")
    if not (args.get("q") or "").strip():
        fuzzy = params.search_params({"q": "x", "fuzzy": args.get("fuzzy")}).fuzzy
        return DocumentParams(doc_id, "", fuzzy)
    wanted = params.search_params({"q": args.get("q"), "fuzzy": args.get("fuzzy")})
    return DocumentParams(doc_id, wanted.q, wanted.fuzzy)


def passages_body(doc_id: str, after: int | None = None, size: int = BATCH) -> dict:
    """The passages of ``doc_id`` in order, the batch after passage number ``after``."""
    body = {
        "query": {"bool": {"filter": [m.passage_filter(),
                                      {"term": {m.DOC_ID: doc_id}}]}},
        "size": size,
        "sort": [{m.PASSAGE_NO: "asc"}],
        "_source": [m.PASSAGE_NO, m.TEXT, *METADATA_FIELDS],
        "track_total_hits": True,
    }
    if after is not None:
        body["search_after"] = [after]
    return body


def read_passages(client: Elasticsearch, alias: str, doc_id: str) -> tuple[list[dict], int]:
    """(passage sources in order, total passages); at most MAX_PASSAGES are read."""
    sources: list[dict] = []
    after, total = None, 0
    while len(sources) < MAX_PASSAGES:
        size = min(BATCH, MAX_PASSAGES - len(sources))
        response = client.search(index=alias, body=passages_body(doc_id, after, size)).body
        hits = response["hits"]["hits"]
        total = int(response["hits"]["total"]["value"])
        sources += [hit["_source"] for hit in hits]
        if len(hits) < size:
            break
        after = hits[-1]["sort"][0]
    return sources, total


def document(client: Elasticsearch, alias: str, wanted: DocumentParams) -> dict:
    """The API's document object; a 404 ServiceError when no passage has this id."""
    sources, total = read_passages(client, alias, wanted.doc_id)
    if not sources:
        raise ServiceError(404, "document_not_found", "No document has this id.")
    first = sources[0]
    # The same plan as the search (with the index's accepted spellings), so the document
    # page explains exactly the matches the results did, in every passage.
    plan = plan_search(parse(wanted.q), wanted.fuzzy)
    if plan.words:
        plan = completed_plan(client, alias, plan)
    result: dict = {"id": wanted.doc_id, "title": first.get(m.TITLE, "")}
    result.update({field: first[field] for field in (m.DATE, m.SOURCE, m.URL, m.EXTRA)
                   if first.get(field)})
    result["query"] = wanted.q
    result["passages"] = [{"no": source.get(m.PASSAGE_NO),
                           **explain_passage(source.get(m.TEXT, ""), plan)}
                          for source in sources]
    result["match_count"] = sum(len(passage["matches"]) for passage in result["passages"])
    result["passage_count"] = total
    result["truncated"] = total > len(sources)
    return result
