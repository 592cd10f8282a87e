"""Several bulk requests in flight, each document always in the same one ("lane").

Elasticsearch indexes one bulk request on one write thread, so with a single
request in flight a node uses one core for writing however many it has (the
same pre-analysed passages load 2.2x faster with two requests in flight at equal
Elasticsearch CPU: docs/performance.md).  Two rules keep the indexer's promises:

* every passage of one document id goes to the lane its id hashes to, and a lane
  sends its requests one after the other: a repeated id is written in the order it
  was read, so the later version still replaces the earlier one (bulk applies the
  items of one request in order);
* results reach ``deliver`` under one lock (the caller's counters need none of
  their own), and the first error of any lane stops every lane and re-raises in
  the caller once the requests in flight have ended, so nothing is written after
  the caller discards the index.
"""
from __future__ import annotations

import queue
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator

from .ledger import doc_id_of

# Actions are handed to a lane in batches (a queue hand-off costs more than a passage's
# bookkeeping); at most LANE_QUEUE batches wait per lane, so memory stays flat.
BATCH = 50
LANE_QUEUE = 20
POLL = 0.2           # seconds: how often a blocked put/join looks at the stop flag (Ctrl-C stays live)
JOIN_TIMEOUT = 150   # seconds to wait for a lane's request in flight when stopping
_DONE = object()


def lane_of(header: dict, lanes: int, key: Callable[[str], str] = doc_id_of) -> int:
    """The lane of an action: by ``key`` of its id (by default its document id), stable
    within and across runs."""
    es_id = str(next(iter(header.values())).get("_id", ""))
    return zlib.crc32(key(es_id).encode("utf-8", "surrogatepass")) % lanes


class _Lane:
    """One bounded queue drained by one thread that runs ``stream`` over it."""

    def __init__(self, number: int, stream: Callable[[Iterable], None], stop: threading.Event,
                 failures: list):
        self.queue: queue.Queue = queue.Queue(maxsize=LANE_QUEUE)
        self._stop, self._failures, self._stream = stop, failures, stream
        self.thread = threading.Thread(target=self._run, name=f"indexer-bulk-{number}", daemon=True)

    def _items(self) -> Iterator:
        while not self._stop.is_set():
            try:
                item = self.queue.get(timeout=POLL)
            except queue.Empty:
                continue
            if item is _DONE:
                return
            yield from item

    def _run(self) -> None:
        try:
            self._stream(self._items())
        except BaseException as error:  # noqa: BLE001 - re-raised in the calling thread
            self._failures.append(error)
            self._stop.set()

    def put(self, item) -> None:
        """Queue ``item``; gives up (silently) once the run is stopping."""
        while not self._stop.is_set():
            try:
                self.queue.put(item, timeout=POLL)
                return
            except queue.Full:
                continue


def run_lanes(actions: Iterable[tuple[dict, object]], lanes: int,
              stream: Callable[[Iterable], None], key: Callable[[str], str] = doc_id_of) -> None:
    """Dispatch ``actions`` to ``lanes`` threads, each running ``stream(its actions)``;
    actions with the same ``key`` of their id share a lane."""
    stop, failures = threading.Event(), []
    pool = [_Lane(number, stream, stop, failures) for number in range(lanes)]
    for lane in pool:
        lane.thread.start()
    batches: list[list] = [[] for _ in pool]
    try:
        for action in actions:
            number = lane_of(action[0], lanes, key)
            batches[number].append(action)
            if len(batches[number]) >= BATCH:
                if stop.is_set():
                    break
                pool[number].put(batches[number])
                batches[number] = []
        for lane, batch in zip(pool, batches):
            lane.put(batch)
            lane.put(_DONE)
        for lane in pool:
            while lane.thread.is_alive():
                lane.thread.join(POLL)
    finally:
        stop.set()  # on an error or Ctrl-C: lanes end their request in flight, then stop
        for lane in pool:
            lane.thread.join(JOIN_TIMEOUT)
    if failures:
        raise failures[0]
