"""The one seam between the service and Elasticsearch (like flaskr's ``db.py``).

Blueprints never build clients or read the alias themselves: they call
``get_client()`` and ``get_alias()``.  The client is created on first use, once
per application, never at import time.
"""
from __future__ import annotations

import threading

from elasticsearch import Elasticsearch
from flask import Flask, current_app

from arabic_search import es

_CLIENT_KEY = "arabic_search.es_client"
_lock = threading.Lock()


def _new_client(app: Flask) -> Elasticsearch:
    """A client with a short timeout and no retries (the request fails fast instead)."""
    timeout = min(float(app.config["ELASTICSEARCH_TIMEOUT"]), es.REQUEST_TIMEOUT)
    return es.make_client(app.config["ELASTICSEARCH_URL"], timeout=timeout)


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
