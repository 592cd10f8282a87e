"""The search service: a Flask application factory (``flask --app service run``).

Configuration comes from the environment — ``ELASTICSEARCH_URL`` (default
``http://127.0.0.1:9200``, several comma-separated URLs allowed), the other
``ELASTICSEARCH_*`` connection settings (``arabic_search/settings.py``),
``SEARCH_INDEX`` (the alias, default ``arabic-news``), ``SEARCH_DEADLINE`` (seconds of
waiting on ES per request) and ``SEARCH_ALLOW_PARTIAL`` (README, Limits) — and keys
passed in ``config`` override it.  The Elasticsearch client lives in ``elastic.py``,
the one seam to the cluster.
"""
from __future__ import annotations

import os
import threading
import time

from flask import Flask

from arabic_search import es
from arabic_search.settings import SETTING_KEYS, Settings

# Where the app keeps its warm-up threads, and how long a worker waits for them at most.
WARM_UP = "service.warm_up"
WARM_UP_SECONDS = 20.0
# Seconds a request may wait on Elasticsearch, all calls together (SEARCH_DEADLINE); with the
# circuit breaker this keeps every answer under 3 s whatever ES does (README, Limits).
DEFAULT_DEADLINE = 2.0


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        {key: os.environ.get(key) for key in SETTING_KEYS},
        SEARCH_INDEX=os.environ.get("SEARCH_INDEX", es.DEFAULT_ALIAS),
        ELASTICSEARCH_TIMEOUT=es.REQUEST_TIMEOUT,
        SEARCH_DEADLINE=_seconds(os.environ.get("SEARCH_DEADLINE"), DEFAULT_DEADLINE),
        SEARCH_ALLOW_PARTIAL=_flag(os.environ.get("SEARCH_ALLOW_PARTIAL", "true")),
    )
    if config:
        app.config.update(config)
    Settings.from_mapping(app.config)  # a bad URL or setting fails here, not on each request
    app.json.ensure_ascii = False  # Arabic stays readable in responses
    app.json.sort_keys = False

    from . import api, apidocs, elastic, errors, headers, web

    elastic.init_app(app)
    errors.register(app, page=web.error_page)
    headers.register(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(web.bp)
    app.register_blueprint(apidocs.bp)
    app.extensions[WARM_UP] = _warm_up_analysis()
    return app


def wait_until_warm(app: Flask, timeout: float = WARM_UP_SECONDS) -> bool:
    """Wait for the analysis tables that ``create_app`` began loading; False if they are
    not all loaded within ``timeout`` seconds.  Gunicorn calls it before a worker takes
    its first request (gunicorn.conf.py): loading them in the background was not enough,
    as the first search of a new or recycled worker still waited on them, 2.6 to 3.9 s
    for "Waldhauser" on prose.jsonl, longer than any wait on Elasticsearch may take."""
    deadline = time.monotonic() + timeout
    for thread in app.extensions.get(WARM_UP, ()):
        thread.join(max(0.0, deadline - time.monotonic()))
    return not any(thread.is_alive() for thread in app.extensions.get(WARM_UP, ()))


def _seconds(value: str | None, default: float) -> float:
    """A positive number of seconds from the environment; a clear error at start-up if not."""
    if value is None or not value.strip():
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < float("inf"):
        raise ValueError(f"SEARCH_DEADLINE must be a positive number of seconds, not {value!r}")
    return seconds


def _flag(value: str) -> bool:
    """An on/off setting from the environment: false, 0, no and off (any case) are off."""
    return value.strip().lower() not in ("false", "0", "no", "off")


def _warm_up_analysis() -> list[threading.Thread]:
    """Load the splitting vocabulary (~0.5 s), the exonym table (~0.6 s), the spelling
    costs, the words of names, the Latin word lists (~0.2 s) and the words by written
    ending (~0.7 s, marbuta.py) in the background, so that
    the first search of each worker does not pay for them."""
    from arabic_search.exonyms import table
    from arabic_search.fame import latin_zipf
    from arabic_search.known_names import name_words
    from arabic_search.likeness import latin_arabic
    from arabic_search.splitter import ending_zipfs, vocabulary

    steps = {"vocabulary": (vocabulary,), "endings": (ending_zipfs,), "exonyms": (table,),
             # the learned spelling costs and the alignment code paths
             "likeness": (latin_arabic, "ali", "علي"), "name-words": (name_words,),
             "latin-words": (latin_zipf, "ali")}
    threads = [threading.Thread(target=step[0], args=step[1:], name=f"warm-up-{name}", daemon=True)
               for name, step in steps.items()]
    for thread in threads:
        thread.start()
    return threads

