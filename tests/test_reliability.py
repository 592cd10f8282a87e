"""Reliability: Elasticsearch going away under a running service, and a short load test.

* ES stopped while the service runs: no second node is available, so the app is
  pointed at a TCP forwarder (``forwarder.TcpProxy``) in front of the real node that can be
  switched off (connections refused/reset) and on again.  Off: /api/search and
  /api/health answer 503 JSON within 3 s; on again: the same app answers 200.
* The indexer killed mid-bulk is covered by tests/test_indexer.py.
* Load: 8 threads x 5 s against a live werkzeug server of the app: zero 5xx.
"""
from __future__ import annotations

import threading
import time

import pytest
import requests

from forwarder import TcpProxy
from service import create_app
from support import assert_error, live_server

DEADLINE_S = 3.0


@pytest.fixture
def proxy(es_url):
    proxy = TcpProxy(es_url)
    yield proxy
    proxy.close()


def _timed_get(client, path: str, **query):
    started = time.monotonic()
    response = client.get(path, query_string=query)
    return response, time.monotonic() - started


@pytest.mark.parametrize("mode", ["off", "hang", "slow"])
def test_es_going_away_gives_503_then_recovers(proxy, seed_alias, mode):
    app = create_app({"ELASTICSEARCH_URL": proxy.url, "SEARCH_INDEX": seed_alias, "TESTING": True})
    client = app.test_client()
    assert client.get("/api/search", query_string={"q": "ليبيا"}).status_code == 200
    assert client.get("/api/health").status_code == 200

    proxy.switch(mode)
    for path, query in (("/api/search", {"q": "ليبيا"}), ("/api/health", {}),
                        ("/api/search", {"q": "Williams"})):
        response, seconds = _timed_get(client, path, **query)
        assert_error(response, 503)
        assert response.get_json()["error"]["code"] == "elasticsearch_unavailable"
        assert seconds < DEADLINE_S, f"{path} took {seconds:.2f} s with Elasticsearch {mode}"

    proxy.switch("on")
    deadline = time.monotonic() + 10
    statuses = []
    while time.monotonic() < deadline:  # the first request after may still meet a cut connection
        statuses = [client.get("/api/search", query_string={"q": "ليبيا"}).status_code,
                    client.get("/api/health").status_code]
        if statuses == [200, 200]:
            break
        time.sleep(0.2)
    assert statuses == [200, 200]
    assert client.get("/api/search", query_string={"q": "ليبيا"}).get_json()["hits"]


# The indexer killed with SIGKILL mid-bulk is tested in tests/test_indexer.py.


LOAD_QUERIES = ["ليبيا", "Williams", "فايز السراج", "طرابلس", "الولايات المتحدة", "xyz",
                "Waldhauser", "داعش", "!!!", "ستيفاني ويليامز"]


def test_load_no_5xx(seed_alias, es_url):
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": seed_alias})
    statuses: list[int] = []
    failures: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + 5

    def client(base: str, number: int) -> None:
        session = requests.Session()
        i = number
        for _ in range(10_000):  # bounded; the clock stops it first
            if time.monotonic() >= stop_at:
                break
            path = ("/api/search", "/api/suggest", "/api/health")[i % 3] if i % 5 == 0 else "/api/search"
            try:
                status = session.get(base + path, params={"q": LOAD_QUERIES[i % len(LOAD_QUERIES)]},
                                     timeout=10).status_code
                with lock:
                    statuses.append(status)
            except requests.RequestException as error:
                with lock:
                    failures.append(repr(error))
            i += 8

    with live_server(app) as base:
        threads = [threading.Thread(target=client, args=(base, n), daemon=True) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert not failures, failures[:3]
    assert len(statuses) > 50
    assert [s for s in statuses if s >= 500] == []
