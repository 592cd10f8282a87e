"""A total deadline for everything a request asks Elasticsearch, whatever ES does.

The client's ``request_timeout`` bounds each socket read, not a request: an ES that
answers a byte a second held a request 30-50 s.  Here the thread serving a request
is given a budget of time spent *waiting on Elasticsearch* (``start``): only the time
inside calls counts (``call``, used by ``guard``), so the service's own work (a cold
vocabulary took 6 s on a loaded machine, explanations between calls) is never
reported as ES being slow.  Every connect and socket read of the client made in that
thread gets at most the time left, and fails at once when none is left.
The hook is urllib3's documented ``ConnectionCls`` of the node's connection pool and
http.client's ``response_class``: reads go through ``_DeadlineReader``, which works
for plain and TLS sockets alike.  Threads without a deadline are not affected.
"""
from __future__ import annotations

import io
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.client import HTTPResponse

import urllib3
from elasticsearch import Elasticsearch
from urllib3.connection import HTTPConnection, HTTPSConnection

log = logging.getLogger(__name__)
_local = threading.local()
READ_BUFFER = 64 * 1024


def start(seconds: float) -> None:
    """Give the current thread ``seconds`` of waiting on Elasticsearch, all calls together."""
    _local.budget, _local.spent, _local.call_started = seconds, 0.0, None


def clear() -> None:
    _local.budget, _local.spent, _local.call_started = None, 0.0, None


def remaining() -> float | None:
    """Seconds of ES waiting left to the current thread (may be <= 0), or None without a
    deadline.  Only time inside ``call()`` counts."""
    if getattr(_local, "budget", None) is None:
        return None
    spent = _local.spent
    if _local.call_started is not None:
        spent += time.monotonic() - _local.call_started
    return _local.budget - spent


@contextmanager
def call() -> Iterator[None]:
    """Around one Elasticsearch call: the time inside is charged to the thread's budget."""
    if getattr(_local, "budget", None) is None or _local.call_started is not None:
        yield
        return
    _local.call_started = time.monotonic()
    try:
        yield
    finally:
        _local.spent += time.monotonic() - _local.call_started
        _local.call_started = None


class DeadlineExceeded(TimeoutError):
    """Raised inside the client's socket layer; urllib3 reports it as a read timeout."""


def _bounded(timeout: float | None) -> float | None:
    """``timeout`` shortened to the time left; raises when no time is left."""
    left = remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise DeadlineExceeded("request deadline exceeded")
    return left if timeout is None else min(timeout, left)


class _DeadlineReader(io.RawIOBase):
    """A socket's byte stream whose every read waits at most the time left."""

    def __init__(self, sock):
        super().__init__()
        self._sock = sock
        self._timeout = sock.gettimeout()  # the read timeout urllib3 set

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._sock.fileno()

    def readinto(self, buffer) -> int:
        self._sock.settimeout(_bounded(self._timeout))
        return self._sock.recv_into(buffer)


class _DeadlineResponse(HTTPResponse):
    def __init__(self, sock, *args, **kwargs):
        super().__init__(sock, *args, **kwargs)
        self.fp.close()  # the plain socket file made by http.client; the socket stays open
        self.fp = io.BufferedReader(_DeadlineReader(sock), READ_BUFFER)


class DeadlineHTTPConnection(HTTPConnection):
    response_class = _DeadlineResponse

    def _new_conn(self):
        self.timeout = _bounded(self.timeout)
        return super()._new_conn()


class DeadlineHTTPSConnection(HTTPSConnection):
    response_class = _DeadlineResponse

    def _new_conn(self):
        self.timeout = _bounded(self.timeout)
        return super()._new_conn()


def install(client: Elasticsearch) -> None:
    """Make every node of ``client`` honour the calling thread's deadline."""
    for node in client.transport.node_pool.all():
        pool = getattr(node, "pool", None)
        if isinstance(pool, urllib3.HTTPSConnectionPool):
            pool.ConnectionCls = DeadlineHTTPSConnection
        elif isinstance(pool, urllib3.HTTPConnectionPool):
            pool.ConnectionCls = DeadlineHTTPConnection
        else:  # another HTTP library: per-read timeouts only
            log.warning("no request deadline for node class %s", type(node).__name__)
