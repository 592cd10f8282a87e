"""Load documents into Elasticsearch: stream passages through bulk, then publish.

``index_paths`` is the one entry point (the CLI and the service tests call it).
Documents are read, cut into passages and sent by ``helpers.streaming_bulk``
from a generator, so memory stays flat whatever the corpus size; every failed
item is reported as ``path:line: reason`` and the good ones still go in.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from elasticsearch import Elasticsearch, helpers
from tqdm import tqdm

from arabic_search import mapping as m
from arabic_search.documents import is_first_passage, passage_documents, term_document, term_id

from . import versions
from .prefetch import prefetch
from .records import Document, Problem
from .sources import read_paths
from .lexicon import LexiconWords
from .vocabulary import TermCounter

CHUNK_SIZE = 500
PREFETCH = 2 * CHUNK_SIZE   # actions analysed ahead of the bulk request in flight
BULK_TIMEOUT = 120          # seconds per bulk request: a chunk of long passages is slow
MAX_RETRIES = 5             # per chunk, on 429 (exponential backoff from 1 s to 30 s)
TOP_TERMS = 20_000
# Below this many documents, a word seen once is still worth suggesting.
TINY_CORPUS = 100


def print_to_stderr(message: str) -> None:
    """Default ``report``: one line on stderr, flushed so it interleaves with progress."""
    print(message, file=sys.stderr, flush=True)


@dataclass
class Summary:
    """What one run did; ``index`` is the concrete index that was written."""

    documents: int = 0
    passages: int = 0
    errors: int = 0
    seconds: float = 0.0
    index: str = ""
    terms: int = 0
    published: bool = False

    def line(self) -> str:
        return (f"indexed {self.documents} documents, {self.passages} passages, "
                f"{self.terms} terms, {self.errors} errors in {self.seconds:.1f} s "
                f"into {self.index}" + ("" if self.published else " (alias not moved)"))


class _Run:
    """State of one run: counters, the bounded id -> origin map, the term counter."""

    def __init__(self, report: Callable[[str], None], progress: tqdm):
        self.summary = Summary()
        self.report = report
        self.progress = progress
        self.origins: dict[str, str] = {}   # in-flight _id -> "path:line", popped on result
        self.terms = TermCounter()
        self.lexicon = LexiconWords()

    def problem(self, problem: Problem) -> None:
        self.summary.errors += problem.error
        self.report(str(problem))

    def actions(self, paths: list[str], index: str) -> Iterator[dict]:
        """Bulk actions for every passage, built lazily as bulk asks for them."""
        for record in read_paths(paths):
            if isinstance(record, Problem):
                self.problem(record)
                continue
            yield from self._passages(record, index)
            self.progress.update(1)

    def _passages(self, doc: Document, index: str) -> Iterator[dict]:
        where = doc.path if doc.line is None else f"{doc.path}:{doc.line}"
        for es_id, source in passage_documents(doc.doc_id, doc.body, doc.title, doc.date,
                                               doc.source, doc.url, doc.extra or None):
            self.terms.add_passage(source)
            self.lexicon.add_passage(source)
            self.origins[es_id] = where
            yield {"_index": index, "_id": es_id, "_source": source}

    def result(self, ok: bool, item: dict) -> None:
        """Count one bulk item result; a failure is reported with the document's origin."""
        info = next(iter(item.values()))
        es_id = str(info.get("_id", "?"))
        where = self.origins.pop(es_id, f"id {es_id}")
        if ok:
            self.summary.passages += 1
            self.summary.documents += is_first_passage(es_id)
            return
        self.summary.errors += 1
        error = info.get("error", info.get("exception", "failed"))
        reason = error.get("reason", error) if isinstance(error, dict) else error
        self.report(f"{where}: passage {es_id} not indexed: {reason}")


def _bulk(client: Elasticsearch, actions, on_result: Callable[[bool, dict], None]) -> None:
    """streaming_bulk with retries on 429; item errors go to ``on_result``, never raise.

    Actions are produced in a background thread (``prefetch``) so that Python
    analysis of the next chunk overlaps Elasticsearch indexing of the current one.
    """
    for ok, item in helpers.streaming_bulk(
            client.options(request_timeout=BULK_TIMEOUT), prefetch(actions, PREFETCH),
            chunk_size=CHUNK_SIZE,
            max_retries=MAX_RETRIES, initial_backoff=1, max_backoff=30,
            raise_on_error=False, raise_on_exception=False, yield_ok=True):
        on_result(ok, item)


def _term_actions(run: _Run, index: str, client: Elasticsearch, append: bool) -> Iterator[dict]:
    """Suggestion entries for the most frequent words of this run."""
    min_count = 1 if run.summary.documents < TINY_CORPUS else 2
    top = list(run.terms.top(TOP_TERMS, min_count))
    known = _known_frequencies(client, index, [norm for norm, _, _ in top]) if append else {}
    for norm, surface, count in top:
        es_id, source = term_document(norm, surface, max(count, known.get(norm, 0)))
        yield {"_index": index, "_id": es_id, "_source": source}


def _known_frequencies(client: Elasticsearch, index: str, terms: list[str]) -> dict[str, int]:
    """Frequencies already stored (append mode): keep the larger, never count a re-run twice."""
    known: dict[str, int] = {}
    for start in range(0, len(terms), 1000):
        batch = terms[start:start + 1000]
        found = client.mget(index=index, ids=[term_id(term) for term in batch],
                            source_includes=[m.TERM_FREQ]).body
        for term, doc in zip(batch, found["docs"]):
            if doc.get("found"):
                known[term] = doc["_source"].get(m.TERM_FREQ, 0)
    return known


def _terms_result(run: _Run) -> Callable[[bool, dict], None]:
    def on_result(ok: bool, item: dict) -> None:
        if ok:
            run.summary.terms += 1
        else:
            run.result(ok, item)
    return on_result


def _lexicon_result(run: _Run) -> Callable[[bool, dict], None]:
    def on_result(ok: bool, item: dict) -> None:
        if not ok:
            run.result(ok, item)
    return on_result


def index_paths(client: Elasticsearch, alias: str, paths: list[str], *, replace: bool = True,
                quiet: bool = True, shards: int = 1, replicas: int = 0,
                report: Callable[[str], None] = print_to_stderr) -> Summary:
    """Index every document under ``paths`` behind ``alias`` and return what happened.

    ``replace`` builds a new version and swaps the alias to it when complete;
    otherwise documents are added to the live index (created if there is none).
    Raises ``versions.AliasConflict`` when ``alias`` is unusable, and the
    client's errors when Elasticsearch fails as a whole (not per item).
    """
    started = time.monotonic()
    live = versions.check_alias(client, alias)
    fresh = replace or not live
    index = versions.create_version(client, alias, shards, replicas) if fresh else live[-1]
    show = not quiet and sys.stderr.isatty()
    with tqdm(unit=" docs", disable=not show, file=sys.stderr, dynamic_ncols=True) as bar:
        run = _Run(_reporter(report, bar if show else None), bar)
        run.summary.index = index
        try:
            _bulk(client, run.actions([str(path) for path in paths], index), run.result)
            _bulk(client, _term_actions(run, index, client, not fresh), _terms_result(run))
            _bulk(client, run.lexicon.actions(index), _lexicon_result(run))
        except BaseException:
            if fresh:
                versions.discard(client, index)
            raise
    _finish(client, alias, index, fresh, run)
    run.summary.seconds = time.monotonic() - started
    return run.summary


def _reporter(report: Callable[[str], None], bar: tqdm | None) -> Callable[[str], None]:
    """Messages printed while the progress bar is drawn must not garble it."""
    if bar is None:
        return report

    def write(message: str) -> None:
        with bar.external_write_mode(file=sys.stderr):
            report(message)
    return write


def _finish(client: Elasticsearch, alias: str, index: str, fresh: bool, run: _Run) -> None:
    """Publish a fresh version (unless nothing went in) and delete what it replaces."""
    if not fresh:
        client.indices.refresh(index=index)
        run.summary.published = True
        return
    if run.summary.passages == 0:
        versions.discard(client, index)
        run.report(f"nothing was indexed; {index} discarded, alias '{alias}' left unchanged")
        return
    versions.make_searchable(client, index)
    left = versions.publish(client, alias, index)
    run.summary.published = True
    for name in versions.delete_old_versions(client, alias, index, left):
        if name not in left:
            run.report(f"deleted stray index {name} (left by an unfinished run)")
