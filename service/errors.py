"""The service's one error boundary: the only place that maps failures to responses.

Views and the Flask-free modules raise (a ``ServiceError``, Werkzeug's HTTP errors,
the Elasticsearch client's errors, anything); nothing else catches to render.  Every
error a client sees is ``{"error": {"status": int, "code": str, "message": str}}`` on
API paths, or the search page (rendered by the page renderer ``register`` is given,
see ``web.error_page``) everywhere else, as yente does with one handler.
Elasticsearch client errors are mapped here: unreachable / timed out -> 503
``elasticsearch_unavailable``, alias or index missing -> 503 ``index_missing``, rejected credentials or certificates -> 503 with their
own code (``elasticsearch_auth_failed``, ``elasticsearch_tls_failed``), logged.  No
traceback ever reaches a client.
"""
from __future__ import annotations

import logging
import math
from collections.abc import Callable

from elasticsearch import ApiError, TransportError
from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from arabic_search import es

from . import guard

log = logging.getLogger(__name__)

INDEX_MISSING_MESSAGE = (
    "The search index '{alias}' does not exist yet. Build it with `make run` "
    "or `python -m indexer seeds/`."
)
# es.failure codes that mean the service is misconfigured (credentials, CA, settings).
CONFIGURATION_FAILURES = ("elasticsearch_auth_failed", "elasticsearch_forbidden",
                          "elasticsearch_tls_failed", "elasticsearch_misconfigured")
# Seconds a client should wait after a 503: the circuit breaker's open time.
RETRY_AFTER_S = str(math.ceil(guard.OPEN_SECONDS))
UNAVAILABLE_MESSAGE = "Elasticsearch is unavailable (unreachable or timed out); try again later."


class ServiceError(Exception):
    """An error with its HTTP status, short machine code and human message."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def as_dict(self) -> dict:
        return {"error": {"status": self.status, "code": self.code, "message": self.message}}


def bad_request(code: str, message: str) -> ServiceError:
    """The 400 raised by parameter validation (``raise bad_request(...)``)."""
    return ServiceError(400, code, message)


def _http_code(error: HTTPException) -> str:
    name = (error.name or "error").lower()
    return "".join(char if char.isalnum() else "_" for char in name).strip("_")


def describe(error: Exception, alias: str | None = None) -> ServiceError:
    """Map any exception (ours, Werkzeug's, the Elasticsearch client's) to a ServiceError."""
    if isinstance(error, ServiceError):
        return error
    if isinstance(error, HTTPException):
        return ServiceError(error.code or 500, _http_code(error), error.description or error.name)
    if es.is_missing_index(error):
        return ServiceError(503, "index_missing",
                            INDEX_MISSING_MESSAGE.format(alias=alias or es.DEFAULT_ALIAS))
    code, message = es.failure(error)
    if code in CONFIGURATION_FAILURES:  # not an outage: say what to fix, and log it
        log.error("cannot use Elasticsearch: %s", message)
        return ServiceError(503, code, message)
    if isinstance(error, es.UNAVAILABLE_ERRORS):  # connection refused, timeout
        return ServiceError(503, "elasticsearch_unavailable", UNAVAILABLE_MESSAGE)
    if isinstance(error, ApiError):
        if error.status_code in (429,) or error.status_code >= 500:
            return ServiceError(503, "elasticsearch_unavailable", UNAVAILABLE_MESSAGE)
        log.error("Elasticsearch rejected a request: %s", error)
        return ServiceError(502, "elasticsearch_error",
                            "Elasticsearch rejected the request; see the service log.")
    log.exception("unexpected error", exc_info=error)
    return ServiceError(500, "internal_error", "Internal server error; see the service log.")


def msearch_failure(item: dict) -> ServiceError:
    """The error of one search inside an ``msearch`` (the client raises only when the whole
    request fails), mapped as ``describe`` maps the same failure of a lone search."""
    status = int(item.get("status") or 500)
    if status == 429 or status >= 500:
        return ServiceError(503, "elasticsearch_unavailable", UNAVAILABLE_MESSAGE)
    log.error("Elasticsearch rejected a request: HTTP %d (%s)", status,
              str((item.get("error") or {}).get("type")))
    return ServiceError(502, "elasticsearch_error",
                        "Elasticsearch rejected the request; see the service log.")


def wants_json() -> bool:
    """The API blueprint (and any path under /api, even unknown ones) gets JSON."""
    return request.blueprint == "api" or request.path.startswith("/api/") or request.path == "/api"


def register(app: Flask, page: Callable[[ServiceError], object]) -> None:
    """Install the boundary: everything, including 404/405/500, goes through ``describe``,
    then becomes JSON (API) or ``page(error)`` (the HTML page's own rendering)."""

    def handle(error: Exception):
        if isinstance(error, HTTPException) and error.code and error.code < 400:
            return error  # redirects and the like
        failure = describe(error, app.config.get("SEARCH_INDEX"))
        response = jsonify(failure.as_dict()) if wants_json() else page(failure)
        headers = {"Retry-After": RETRY_AFTER_S} if failure.status == 503 else {}
        return response, failure.status, headers

    app.register_error_handler(ServiceError, handle)
    app.register_error_handler(HTTPException, handle)
    app.register_error_handler(ApiError, handle)
    app.register_error_handler(TransportError, handle)
    app.register_error_handler(Exception, handle)
