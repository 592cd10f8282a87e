"""Analyse documents into bulk-ready passages, in worker processes when there are cores for them.

Python analysis holds the GIL, so one process analyses on one core.  Records are
read in the main process (every ``path:line`` problem is reported there, in order)
and cut into chunks; each chunk is analysed by ``actions.build`` — the same size
bounds and the same per-document error capture as in-process — in a pool of
``workers`` processes.  A chunk comes back with its passages serialized (sources
stay in the worker: they are not needed again), its suggestion word pairs
counted and the serialized lexicon entries of the words that process had not met
yet this run (``lexicon.new_entries``), so the main process only routes and sends.

Results are yielded in input order.  Small inputs never pay for process start-up
(~2 s each: imports and the word list): the first chunk is analysed in-process
and the pool starts only when a second one exists; ``workers`` < 2 analyses
everything in-process.  Measurements: docs/performance.md.
"""
from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from elasticsearch.serializer import JsonSerializer

from arabic_search import mapping as m

from .actions import Built, build
from .errors import AnalysisFailed
from .lexicon import new_entries
from .records import Problem, Record
from .term_counter import passage_pairs

# Documents per task: big enough that pickling and queueing are noise, small enough
# that the first results arrive at once and memory stays flat.
DOCS_PER_TASK = 64
# Tasks queued per worker: keeps every worker busy while results are consumed.
TASKS_PER_WORKER = 3
_DUMPS = JsonSerializer().dumps  # the client's own serializer (same bytes as in-process)
# In a pool process: the words whose lexicon entries it has already sent.  A pool (spawn:
# fresh processes) lives for one run, so this is per run; in-process analysis gets a set
# of its own from ``analysed_chunks`` instead.
_POOL_WORDS: set[str] = set()


@dataclass
class Chunk:
    """A chunk of records in input order, each with its build (None for a Problem; the
    passages' sources are dropped), the chunk's (normalized, surface) word pairs and
    the lexicon entries (es_id -> serialized source) of its words new to its process."""

    items: list[tuple[Record, Built | None]] = field(default_factory=list)
    pairs: Counter = field(default_factory=Counter)
    entries: dict[str, bytes] = field(default_factory=dict)


def default_workers() -> int:
    """One analysis process per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def analyse_chunk(records: list[Record], seen_words: set[str]) -> Chunk:
    """Analyse one chunk (in a worker process, or in-process); ``seen_words``: the words
    whose lexicon entries this process has already given this run."""
    chunk, words = Chunk(), set()
    for record in records:
        if isinstance(record, Problem):
            chunk.items.append((record, None))
            continue
        built = build(record, _DUMPS)
        for _, source, _ in built.passages:
            chunk.pairs.update(passage_pairs(source))
            words.update(source[m.EXACT].split())
        chunk.items.append((record, Built([(es_id, None, body) for es_id, _, body in built.passages],
                                          built.problem)))
    chunk.entries = new_entries(words, seen_words, _DUMPS)
    return chunk


def _analyse_in_pool(records: list[Record]) -> Chunk:
    return analyse_chunk(records, _POOL_WORDS)


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    iterator = iter(records)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def analysed_chunks(records: Iterable[Record], workers: int) -> Iterator[Chunk]:
    """Every chunk of ``records`` analysed, in order; at most ``workers * TASKS_PER_WORKER``
    chunks are in flight, so memory does not grow with the corpus."""
    chunks = _chunks(records, DOCS_PER_TASK)
    first, seen_words = next(chunks, None), set()
    if first is None:
        return
    yield analyse_chunk(first, seen_words)
    second = next(chunks, None) if workers >= 2 else None
    if second is None:
        yield from (analyse_chunk(chunk, seen_words) for chunk in chunks)
        return
    yield from _pooled(itertools.chain([second], chunks), workers)


def _pooled(chunks: Iterator[list[Record]], workers: int) -> Iterator[Chunk]:
    """Submit chunks to a process pool a bounded number ahead; yield results in order.

    ``spawn`` rather than ``fork``: the indexer has threads (prefetch, bulk lanes,
    HTTP pool) and forking a threaded process can deadlock the child.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: collections.deque[Future] = collections.deque()
        try:
            for chunk in chunks:
                pending.append(pool.submit(_analyse_in_pool, chunk))
                if len(pending) >= workers * TASKS_PER_WORKER:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as error:
            raise AnalysisFailed("an analysis process died (killed or out of memory); "
                                 "try fewer --workers") from error
        finally:
            for future in pending:
                future.cancel()
