"""The JSON API: /api/search, /api/suggest, /api/analyze, /api/health, /api/openapi.json.

Views only validate parameters and call the Flask-free modules; every failure
propagates to the one error boundary in ``errors.py``.
"""
from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, Response, jsonify, request

from . import document, params
from .analyze import analyze_response
from .elastic import allow_partial, get_alias, get_client
from .errors import ServiceError
from .health import health
from .search import search
from .suggest import suggest

bp = Blueprint("api", __name__, url_prefix="/api")
OPENAPI_PATH = Path(__file__).with_name("openapi.json")


@bp.get("/search")
def search_endpoint():
    wanted = params.search_params(request.args)
    return jsonify(search(get_client(), get_alias(), wanted, allow_partial=allow_partial()))


@bp.get("/suggest")
def suggest_endpoint():
    prefix, size = params.suggest_params(request.args)
    return jsonify(suggest(get_client(), get_alias(), prefix, size))


@bp.get("/analyze")
def analyze_endpoint():
    text = params.analyze_params(request.args)
    return jsonify(analyze_response(text))


@bp.get("/health")
def health_endpoint():
    state = health(get_client(), get_alias())
    if state["status"] not in ("green", "yellow"):
        raise ServiceError(503, "elasticsearch_unavailable",
                           f"Elasticsearch cluster status is {state['status']}.")
    return jsonify(state)


@bp.get("/openapi.json")
def openapi_endpoint():
    # Served as written; parsing first guarantees it is valid JSON.
    document = json.loads(OPENAPI_PATH.read_text(encoding="utf-8"))
    return Response(json.dumps(document, ensure_ascii=False, indent=2),
                    mimetype="application/json")


@bp.get("/documents/<path:doc_id>")
def document_endpoint(doc_id: str):
    wanted = document.document_params(doc_id, request.args)
    return jsonify(document.document(get_client(), get_alias(), wanted))
