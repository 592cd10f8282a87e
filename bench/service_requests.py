"""The Elasticsearch requests the service sends for a query, recorded once and replayed.

Replaying them measures the service's Elasticsearch work alone (no spelling
acceptance, explanation or JSON), and follows any change of the service by
itself: nothing here rebuilds its bodies.  Used by bench/scale.py.
"""
from __future__ import annotations

import time

SIZE = 10


class Recorder:
    """A client stand-in that forwards search/msearch/mget/count calls and records them."""

    CALLS = ("search", "msearch", "mget", "count")

    def __init__(self, client, calls: list | None = None):
        self._client = client
        self.calls = [] if calls is None else calls

    def options(self, **options):
        return Recorder(self._client.options(**options), self.calls)

    def __getattr__(self, name: str):
        target = getattr(self._client, name)
        if name not in self.CALLS:
            return target

        def record(**kwargs):
            try:
                return target(**kwargs)
            finally:
                self.calls.append((name, kwargs))
        return record


def service_requests(es_client, alias: str, query: str, size: int = SIZE) -> list[tuple[str, dict]]:
    """The requests of one real ``service.search.search`` call (fuzzy on, first page)."""
    from service.params import SearchParams
    from service.search import search
    recorder = Recorder(es_client)
    search(recorder, alias, SearchParams(q=query, size=size))
    return recorder.calls


def replay(es_client, requests: list[tuple[str, dict]]) -> float:
    """Send the recorded requests in order; returns the seconds they took."""
    started = time.perf_counter()
    for name, kwargs in requests:
        getattr(es_client, name)(**kwargs)
    return time.perf_counter() - started
