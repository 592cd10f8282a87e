"""The search service: a Flask application factory (``flask --app service run``).

Configuration comes from the environment — ``ELASTICSEARCH_URL`` (default
``http://127.0.0.1:9200``, several comma-separated URLs allowed), the other
``ELASTICSEARCH_*`` connection settings (``arabic_search/settings.py``) and
``SEARCH_INDEX`` (the alias, default ``arabic-news``) — and keys passed in ``config``
override it.  The Elasticsearch client is created on first use, once per
application, never at import time.
"""
from __future__ import annotations

import os
import threading

from flask import Flask, current_app

from arabic_search import es
from arabic_search.settings import SETTING_KEYS, Settings

_CLIENT_KEY = "arabic_search.es_client"
_lock = threading.Lock()


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        {key: os.environ.get(key) for key in SETTING_KEYS},
        SEARCH_INDEX=os.environ.get("SEARCH_INDEX", es.DEFAULT_ALIAS),
        ELASTICSEARCH_TIMEOUT=es.REQUEST_TIMEOUT,
    )
    if config:
        app.config.update(config)
    Settings.from_mapping(app.config)  # a bad URL or setting fails here, not on each request
    app.json.ensure_ascii = False  # Arabic stays readable in responses
    app.json.sort_keys = False

    from . import api, errors, web

    errors.register(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(web.bp)
    _warm_up_analysis()
    return app


def _warm_up_analysis() -> None:
    """Load the splitting vocabulary (~0.5 s) in the background, so that the first search
    of each worker does not pay for it."""
    from arabic_search.splitter import vocabulary

    threading.Thread(target=vocabulary, name="warm-up-vocabulary", daemon=True).start()


def get_client():
    """The application's Elasticsearch client, created lazily: every request gives up
    within ELASTICSEARCH_TIMEOUT seconds, retrying once on another node if there are several."""
    app = current_app._get_current_object()
    client = app.extensions.get(_CLIENT_KEY)
    if client is None:
        with _lock:
            client = app.extensions.get(_CLIENT_KEY)
            if client is None:
                timeout = min(float(app.config["ELASTICSEARCH_TIMEOUT"]), es.REQUEST_TIMEOUT)
                client = es.client(Settings.from_mapping(app.config), deadline=timeout)
                app.extensions[_CLIENT_KEY] = client
    return client


def get_alias() -> str:
    return current_app.config["SEARCH_INDEX"]
