"""The one seam between the service and Elasticsearch (like flaskr's ``db.py``).

Blueprints never build clients or read the alias themselves: they call
``get_client()`` and ``get_alias()``.  The client is created on first use, once
per application, never at import time, and hardened here: responses decoded
safely (``sanitize``), every call bounded by the request's deadline (``deadline``,
``SEARCH_DEADLINE`` seconds of waiting on ES in all) and refused at once
while ES keeps failing (``guard``).
"""
from __future__ import annotations

import threading

from elasticsearch import Elasticsearch
from flask import Flask, current_app

from arabic_search import es

from . import deadline, guard
from .sanitize import SafeJsonSerializer

_CLIENT_KEY = "arabic_search.es_client"
# Response content types whose bodies are decoded as JSON (plain and compatibility mode).
JSON_MIMETYPES = ("application/json", "application/vnd.elasticsearch+json")
_lock = threading.Lock()


def _new_client(app: Flask) -> Elasticsearch:
    """A client with a short timeout and no retries (the request fails fast instead)."""
    timeout = min(float(app.config["ELASTICSEARCH_TIMEOUT"]), es.REQUEST_TIMEOUT)
    client = es.make_client(app.config["ELASTICSEARCH_URL"], timeout=timeout)
    _harden(client)
    return client


def _harden(client: Elasticsearch) -> None:
    """Safe responses, deadlines and the circuit breaker, on the transport that every
    ``client.options(...)`` copy shares, so no call site can forget them."""
    for mimetype in JSON_MIMETYPES:
        client.transport.serializers.serializers[mimetype] = SafeJsonSerializer()
    deadline.install(client)
    guard.install(client, guard.Breaker())


def init_app(app: Flask) -> None:
    """Each request may wait ``SEARCH_DEADLINE`` seconds on Elasticsearch, all calls together."""

    @app.before_request
    def _start_deadline() -> None:
        deadline.start(float(app.config["SEARCH_DEADLINE"]))

    @app.teardown_request
    def _clear_deadline(_error) -> None:
        deadline.clear()


def get_client() -> Elasticsearch:
    """The application's Elasticsearch client, created lazily."""
    app = current_app._get_current_object()
    client = app.extensions.get(_CLIENT_KEY)
    if client is None:
        with _lock:
            client = app.extensions.get(_CLIENT_KEY)
            if client is None:
                client = _new_client(app)
                app.extensions[_CLIENT_KEY] = client
    return client


def get_alias() -> str:
    """The alias every search reads (``SEARCH_INDEX``)."""
    return current_app.config["SEARCH_INDEX"]


def allow_partial() -> bool:
    """Whether results from some shards only are served, marked ``partial`` (the default),
    or refused with a 503 (``SEARCH_ALLOW_PARTIAL=false``)."""
    return bool(current_app.config["SEARCH_ALLOW_PARTIAL"])
