"""Load documents into Elasticsearch: stream passages through bulk, then publish.

``index_paths`` is the one entry point (the CLI and the service tests call it).
Documents are read, cut into passages and sent by ``bulk.send`` from a
generator, so memory stays flat whatever the corpus size (plus one ledger entry
per document and one id per lexicon entry; the entries of new words go in the
same stream, computed by the analysing processes: lexicon.py).  Promise: good
lines are indexed, bad ones are reported as ``path:line: reason``, and no
document is left half-written: a document any passage of which failed is removed
whole, and a repeated id replaces the earlier document whole.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from itertools import chain
from dataclasses import dataclass

from elasticsearch import Elasticsearch

from . import bulk, cleanup, versions
from .actions import Built, index_action
from .errors import IndexerError, LockBusy
from .ledger import Entry, Ledger, doc_id_of
from .lexicon import LexiconEntries, is_entry_id
from .lock import AliasLock
from .prefetch import prefetch
from .progress import PROGRESS_EVERY, Progress
from .records import Document, Problem
from .sources import read_paths, total_bytes
from .suggestions import term_actions
from .term_counter import TermCounter
from .workers import analysed_chunks, default_workers

CHUNK_SIZE = bulk.CHUNK_SIZE
PREFETCH = 2 * CHUNK_SIZE   # actions analysed ahead of the bulk requests in flight


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
    skipped: int = 0
    merged: int = 0

    def line(self) -> str:
        skipped = f", {self.skipped} files skipped" if self.skipped else ""
        skipped += f", {self.merged} repeated ids merged" if self.merged else ""
        return (f"indexed {self.documents} documents, {self.passages} passages, "
                f"{self.terms} terms, {self.errors} errors{skipped} in {self.seconds:.1f} s "
                f"into {self.index or '(no index)'}"
                + ("" if self.published else " (alias not moved)"))


class _Run:
    """State of one run: counters, the ledger of documents, the term counter."""

    def __init__(self, report: Callable[[str], None], progress: Progress, workers: int):
        self.summary = Summary()
        self.report = report
        self.progress = progress
        self.ledger = Ledger()
        self.terms = TermCounter()
        self.lexicon = LexiconEntries()
        self.workers = workers

    def problem(self, problem: Problem) -> None:
        self.summary.errors += problem.error
        self.summary.skipped += not problem.error
        self.report(str(problem))

    def actions(self, paths: list[str], index: str) -> Iterator[tuple[dict, bytes]]:
        """Bulk actions for every passage and every new lexicon entry, built lazily as bulk
        asks for them (analysed by ``self.workers`` processes: workers.py)."""
        for chunk in analysed_chunks(read_paths(paths, self.progress.add_bytes), self.workers):
            self.terms.add_pairs(chunk.pairs)
            yield from self.lexicon.actions(index, chunk.entries)
            for record, built in chunk.items:
                if isinstance(record, Problem):
                    self.problem(record)
                else:
                    yield from self._document(record, built, index)

    def _document(self, doc: Document, built: Built, index: str) -> Iterator[tuple[dict, bytes]]:
        if built.problem:
            self.problem(Problem(doc.path, doc.line, built.problem))
            return
        previous = self.ledger.begin(doc.doc_id, len(built.passages), doc.where)
        if previous is not None:  # a notice: real corpora repeat lines verbatim
            self.summary.merged += 1
            self.report(f"{doc.where}: id {doc.doc_id!r} repeats {previous.where}; "
                        f"this document replaces that one whole")
        self.progress.add_document()
        for es_id, _, body in built.passages:
            self.ledger.sent(es_id)
            yield index_action(index, es_id, body)

    def result(self, ok: bool, es_id: str, reason: str) -> None:
        """One passage result; a failed passage fails (and later removes) its whole document.
        A lexicon entry's result only counts as an error if it failed."""
        if is_entry_id(es_id):
            self.entry_failed(ok, es_id, reason)
            return
        failed: Entry | None = self.ledger.result(es_id, ok)
        if failed is not None:
            self.summary.errors += 1
            self.report(f"{failed.where}: document {doc_id_of(es_id)!r} not indexed (passage "
                        f"{es_id}: {reason}); its passages are removed")

    def cleanup_result(self, ok: bool, es_id: str, reason: str) -> None:
        if not ok:
            self.summary.errors += 1
            self.report(f"stale passage {es_id} could not be deleted: {reason}")

    def terms_result(self, ok: bool, es_id: str, reason: str) -> None:
        if ok:
            self.summary.terms += 1
        else:
            self.entry_failed(ok, es_id, reason)

    def entry_failed(self, ok: bool, es_id: str, reason: str) -> None:
        """A suggestion or lexicon entry was refused (the passages are not affected)."""
        if not ok:
            self.summary.errors += 1
            self.report(f"entry {es_id} not indexed: {reason}")


def index_paths(client: Elasticsearch, alias: str, paths: list[str], *, replace: bool = True,
                quiet: bool = True, shards: int = 1, replicas: int = 0,
                report: Callable[[str], None] = print_to_stderr, chunk_size: int = CHUNK_SIZE,
                ready_timeout: float = versions.READY_TIMEOUT, index_settings: dict | None = None,
                progress_every: float = PROGRESS_EVERY, workers: int | None = None) -> Summary:
    """Index every document under ``paths`` behind ``alias`` and return what happened.

    ``replace`` builds a new version and swaps the alias to it when complete;
    otherwise documents are added to the live index (created if there is none).
    One run per alias at a time.  Raises an ``IndexerError`` (with the summary so
    far) when the run cannot go on.  ``index_settings`` extend a new version's
    settings (tests make allocation impossible with it).  ``workers``: analysis
    processes (default one per core; < 2 analyses in this process).
    """
    started = time.monotonic()
    versions.check_alias(client, alias)
    paths = [str(path) for path in paths]
    progress = Progress(total_bytes(paths), not quiet, progress_every)
    run = _Run(progress.external(report), progress,
               default_workers() if workers is None else workers)
    try:
        with AliasLock(client, alias) as lock:
            _index(client, alias, paths, run, lock, replace=replace, shards=shards,
                   replicas=replicas, chunk_size=chunk_size, ready_timeout=ready_timeout,
                   settings=index_settings)
    except IndexerError as error:
        error.summary = run.summary
        raise
    finally:
        progress.close()
        run.summary.seconds = time.monotonic() - started
    return run.summary


def _index(client: Elasticsearch, alias: str, paths: list[str], run: _Run, lock: AliasLock, *,
           replace: bool, shards: int, replicas: int, chunk_size: int, ready_timeout: float,
           settings: dict | None) -> None:
    """The run under the lock: write (passages and lexicon entries), clean up, add
    suggestions, publish."""
    live = versions.check_alias(client, alias)
    fresh = replace or not live
    if fresh:
        index = versions.create_version(client, alias, shards, ready_timeout, settings)
    else:
        index = run.summary.index = live[-1]
        versions.check_writable(client, index, ready_timeout)
    run.summary.index = index
    try:
        run.progress.phase("reading")
        bulk.send(client, prefetch(run.actions(paths, index), PREFETCH), run.result, chunk_size,
                  bulk.REQUESTS_IN_FLIGHT, lane_key)
        _remove_leftovers(client, index, run, every=not fresh)
        run.summary.documents, run.summary.passages = run.ledger.totals()
        run.progress.phase("suggestions")
        suggestions = term_actions(client, index, run.terms, run.summary.documents, not fresh)
        bulk.send(client, suggestions, run.terms_result, chunk_size, bulk.REQUESTS_IN_FLIGHT, str)
        if lock.lost:
            raise LockBusy(f"the lock on alias '{alias}' was taken over by another run; "
                           f"alias not moved")
        _finish(client, alias, index, fresh, run, ready_timeout, replicas)
    except BaseException:
        if fresh:
            versions.discard(client, index)
        else:  # appended documents stay: say how many were sent
            run.summary.documents, run.summary.passages = run.ledger.totals()
        raise


def lane_key(es_id: str) -> str:
    """What shares a bulk lane: a passage's document (its passages stay in order), or a
    lexicon entry alone (entries spread over the lanes)."""
    return es_id if is_entry_id(es_id) else doc_id_of(es_id)


def _remove_leftovers(client: Elasticsearch, index: str, run: _Run, every: bool) -> None:
    """Delete passages of failed documents and of older, longer versions of repeated ids."""
    leftovers = run.ledger.leftovers(every)
    first = next(leftovers, None)
    if first is None:
        return
    run.progress.phase("cleanup")
    cleanup.delete_leftovers(client, index, chain([first], leftovers), run.cleanup_result)


def _finish(client: Elasticsearch, alias: str, index: str, fresh: bool, run: _Run,
            timeout: float, replicas: int) -> None:
    """Publish a fresh version (unless nothing went in) and delete what it replaces."""
    run.progress.phase("swap" if fresh else "refresh")
    if not fresh:
        versions.refresh(client, index, timeout)
        run.summary.published = True
        return
    if run.summary.passages == 0:
        versions.discard(client, index)
        run.report(f"nothing was indexed; {index} discarded, alias '{alias}' left unchanged")
        return
    versions.make_searchable(client, index, timeout, replicas)
    versions.check_whole(client, index, run.summary.passages, timeout)
    left = versions.publish(client, alias, index)
    run.summary.published = True
    for name in versions.delete_old_versions(client, alias, index, left):
        if name not in left:
            run.report(f"deleted stray index {name} (left by an unfinished run)")
