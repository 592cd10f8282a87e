"""The search service: a Flask application factory (``flask --app service run``).

Configuration comes from the environment — ``ELASTICSEARCH_URL`` (default
``http://127.0.0.1:9200``) and ``SEARCH_INDEX`` (the alias, default
``arabic-news``) — and keys passed in ``config`` override it.  The Elasticsearch
client is created on first use, once per application, never at import time.
"""
from __future__ import annotations

import os
import threading

from flask import Flask, current_app

from arabic_search import es

_CLIENT_KEY = "arabic_search.es_client"
_lock = threading.Lock()


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        ELASTICSEARCH_URL=os.environ.get("ELASTICSEARCH_URL", es.DEFAULT_URL),
        SEARCH_INDEX=os.environ.get("SEARCH_INDEX", es.DEFAULT_ALIAS),
        ELASTICSEARCH_TIMEOUT=es.REQUEST_TIMEOUT,
    )
    if config:
        app.config.update(config)
    app.json.ensure_ascii = False  # Arabic stays readable in responses
    app.json.sort_keys = False

    from . import api, errors, web

    errors.register(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(web.bp)
    _warm_up_analysis()
    return app


def _warm_up_analysis() -> None:
    """Load the splitting vocabulary (~0.5 s) and the exonym table (~0.6 s) in the
    background, so that the first search of each worker does not pay for them."""
    from arabic_search.exonyms import table
    from arabic_search.splitter import vocabulary

    threading.Thread(target=vocabulary, name="warm-up-vocabulary", daemon=True).start()
    threading.Thread(target=table, name="warm-up-exonyms", daemon=True).start()


def get_client():
    """The application's Elasticsearch client, created lazily (short timeout, no retries)."""
    app = current_app._get_current_object()
    client = app.extensions.get(_CLIENT_KEY)
    if client is None:
        with _lock:
            client = app.extensions.get(_CLIENT_KEY)
            if client is None:
                timeout = min(float(app.config["ELASTICSEARCH_TIMEOUT"]), es.REQUEST_TIMEOUT)
                client = es.make_client(app.config["ELASTICSEARCH_URL"], timeout=timeout)
                app.extensions[_CLIENT_KEY] = client
    return client


def get_alias() -> str:
    return current_app.config["SEARCH_INDEX"]
