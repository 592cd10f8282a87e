"""Fail fast while Elasticsearch is failing (a circuit breaker around the client's transport).

With a hung or trickling ES every request would wait out its whole deadline, and a
gunicorn worker has few threads: ten such requests fill them all and then even
/api/analyze queues behind them.  So the circuit opens on the first call that ran
out of time although it had at least TIMEOUT_COUNTS_FROM seconds (a thread freed by
such a timeout must not start another wait: with "3 timeouts" the threads of a
worker timing out together each started one more 2 s wait, measured 4 s answers),
or after FAILURES_TO_OPEN consecutive refused/reset connections (cheap, and a
single one may be a stale keep-alive connection).  While open, calls fail at once
(503) for OPEN_SECONDS; then one trial call is let through (the others still fail
at once) and its outcome closes or reopens the circuit.  An error *answer* from ES
(4xx/5xx) counts as reachable.

The breaker wraps ``transport.perform_request`` of the one client, which every
``client.options(...)`` copy shares, so no call site can bypass it.
"""
from __future__ import annotations

import functools
import threading
import time

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import Elasticsearch

from arabic_search import es

from . import deadline

FAILURES_TO_OPEN = 3
OPEN_SECONDS = 2.0
TIMEOUT_COUNTS_FROM = 1.0  # seconds of budget a timed-out call had for its timeout to open
OK, TIMED_OUT, REFUSED = "ok", "timed_out", "refused"


class CircuitOpen(TransportConnectionError):
    """Raised instead of calling ES while the circuit is open; maps to 503 like any outage."""

    def __str__(self) -> str:
        return "Elasticsearch failed repeatedly just now; not asked again yet"


class Breaker:
    """Counts consecutive failures; thread-safe, one per client (so one per process)."""

    def __init__(self, failures_to_open: int = FAILURES_TO_OPEN,
                 open_seconds: float = OPEN_SECONDS):
        self.failures_to_open = failures_to_open
        self.open_seconds = open_seconds
        self._lock = threading.Lock()
        self._failures = 0
        self._open_until = 0.0
        self._trial = False

    def allow(self) -> bool:
        """True if a call may go to ES now (closed, or the one half-open trial)."""
        with self._lock:
            if self._failures < self.failures_to_open:
                return True
            if time.monotonic() < self._open_until or self._trial:
                return False
            self._trial = True
            return True

    def record(self, outcome: str) -> None:
        """``OK``, ``TIMED_OUT`` (opens at once) or ``REFUSED`` (opens after a few)."""
        with self._lock:
            self._trial = False
            if outcome == OK:
                self._failures = 0
                return
            self._failures = self.failures_to_open if outcome == TIMED_OUT else self._failures + 1
            if self._failures >= self.failures_to_open:
                self._open_until = time.monotonic() + self.open_seconds


def install(client: Elasticsearch, breaker: Breaker) -> None:
    """Route every request of ``client`` through ``breaker`` and the thread's deadline."""
    transport = client.transport
    send = transport.perform_request

    @functools.wraps(send)
    def guarded(*args, **kwargs):
        left = deadline.remaining()
        if left is not None and left <= 0:  # our own budget is spent: ES was not asked
            raise ConnectionTimeout("request deadline exceeded before calling Elasticsearch")
        if not breaker.allow():
            raise CircuitOpen("circuit open")
        outcome = OK
        try:
            with deadline.call():
                return send(*args, **kwargs)
        except ConnectionTimeout:
            fair = left is None or left >= TIMEOUT_COUNTS_FROM
            outcome = TIMED_OUT if fair else REFUSED
            raise
        except es.UNAVAILABLE_ERRORS:
            outcome = REFUSED
            raise
        finally:
            breaker.record(outcome)

    transport.perform_request = guarded
