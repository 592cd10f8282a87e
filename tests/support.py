"""Helpers shared by the service tests (no tests here): the error shape, a small indexed
corpus behind a test client, a live server, a browser."""
from __future__ import annotations

import json
import os
import re
import shutil
import threading
from contextlib import contextmanager

import pytest
from werkzeug.serving import make_server

from conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ERROR_CODE = re.compile(r"[a-z][a-z0-9_]*")


def api_search(client, **args) -> dict:
    """``GET /api/search`` through a test client: must answer 200; its JSON."""
    response = client.get("/api/search", query_string=args)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()


def matches_by_text(hit: dict) -> dict[str, dict]:
    """A hit's matches, by the written word they mark."""
    return {match["text"]: match for passage in hit["passages"] for match in passage["matches"]}


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The one error shape of the API: ``{"error": {status, code, message}}``, no traceback."""
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/json", response.get_data(as_text=True)[:200]
    body = response.get_json()
    assert isinstance(body, dict) and set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"status", "code", "message"}, error
    assert error["status"] == status
    assert isinstance(error["message"], str) and error["message"]
    assert ERROR_CODE.fullmatch(error["code"]), error
    if code:
        assert error["code"] == code, error
    assert "Traceback" not in response.get_data(as_text=True)
    return error


@contextmanager
def live_server(app):
    """Serve ``app`` on 127.0.0.1 (random port) in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def require_browser() -> None:
    """Debian's chromium via playwright; a missing browser fails (``make deps`` installs it):
    a skipped browser test would pass a broken page."""
    problem = None
    if not (os.path.exists(CHROMIUM) and shutil.which(CHROMIUM)):
        problem = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError as error:
            problem = f"playwright is not installed ({error})"
    if problem:
        pytest.fail(f"browser test cannot run: {problem} (`make deps` installs what is missing)")


def indexed_client(es_client, es_url: str, folder, name: str, docs: list[dict]):
    """A Flask test client over ``docs`` (each with its ``id``), indexed behind the alias
    ``<run prefix>-<name>`` from a JSON-lines file written in ``folder``."""
    from conftest import RUN_PREFIX
    from indexer.load import index_paths
    from service import create_app
    lines = [json.dumps(doc, ensure_ascii=False) for doc in docs]
    (folder / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    alias = f"{RUN_PREFIX}-{name}"
    assert index_paths(es_client, alias, [folder]).documents == len(docs)
    app = create_app({"ELASTICSEARCH_URL": es_url, "SEARCH_INDEX": alias, "TESTING": True})
    return app.test_client()
