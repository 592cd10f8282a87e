"""Hostile input and hostile Elasticsearch behaviour against the service (real ES, no mocks).

Structure checks first (one client seam, one error boundary), then issue 11's cases:
control characters in parameters, lone surrogates stored in the index, oversized
analysis output, slow Elasticsearch, partial shard failures.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from service import create_app

SERVICE = Path(__file__).resolve().parent.parent / "service"
UNREACHABLE = "http://127.0.0.1:9"  # discard port: connection refused at once


def _broad_handlers(path: Path) -> list[int]:
    """Lines of ``except Exception`` / bare ``except`` handlers in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler):
            name = node.type.id if isinstance(node.type, ast.Name) else None
            if node.type is None or name in ("Exception", "BaseException"):
                lines.append(node.lineno)
    return lines


def test_one_error_boundary():
    """Only errors.py turns arbitrary failures into responses; views just raise."""
    offenders = {path.name: _broad_handlers(path) for path in SERVICE.glob("*.py")
                 if path.name != "errors.py"}
    assert {name: lines for name, lines in offenders.items() if lines} == {}


def test_one_client_seam():
    """Only elastic.py builds an Elasticsearch client for the service."""
    builders = [path.name for path in SERVICE.glob("*.py")
                if "make_client(" in path.read_text(encoding="utf-8")
                or "Elasticsearch(" in path.read_text(encoding="utf-8")]
    assert builders == ["elastic.py"]


def test_page_error_goes_through_the_boundary_and_keeps_the_query():
    app = create_app({"ELASTICSEARCH_URL": UNREACHABLE, "SEARCH_INDEX": "x", "TESTING": True})
    client = app.test_client()
    page = client.get("/", query_string={"q": "والدهاوزر", "source": "alpha"})
    assert page.status_code == 503 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert 'data-code="elasticsearch_unavailable"' in html and "غير متاح" in html
    assert 'value="والدهاوزر"' in html and 'value="alpha"' in html
    missing = client.get("/no-such-page", query_string={"q": "طرابلس"})
    assert missing.status_code == 404 and missing.mimetype == "text/html"
    assert 'value="طرابلس"' in missing.get_data(as_text=True)
    api = client.get("/api/search", query_string={"q": "x"})
    assert api.status_code == 503 and api.get_json()["error"]["code"] == "elasticsearch_unavailable"
