"""Run a generator in a background thread, a bounded number of items ahead.

The indexer's actions come from Python analysis (CPU in this process) and are
consumed by bulk requests (mostly waiting on Elasticsearch, which runs in its own
process).  Producing in a thread lets the two overlap; the bounded queue keeps
memory flat, and errors raised by the generator re-raise in the consumer.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
_DONE = object()


class _Failure:
    def __init__(self, error: BaseException):
        self.error = error


def _produce(items: Iterable, out: queue.Queue, stop: threading.Event) -> None:
    try:
        for item in items:
            while not stop.is_set():
                try:
                    out.put(item, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if stop.is_set():
                return
        out.put(_DONE)
    except BaseException as error:  # noqa: BLE001 - handed to the consumer
        out.put(_Failure(error))


def prefetch(items: Iterable[T], size: int) -> Iterator[T]:
    """Yield ``items`` in order, produced by a daemon thread at most ``size`` ahead."""
    out: queue.Queue = queue.Queue(maxsize=size)
    stop = threading.Event()
    thread = threading.Thread(target=_produce, args=(items, out, stop), daemon=True,
                              name="indexer-prefetch")
    thread.start()
    try:
        while True:
            item = out.get()
            if item is _DONE:
                return
            if isinstance(item, _Failure):
                raise item.error
            yield item
    finally:
        stop.set()
