"""Talking to Elasticsearch: client factory, health, alias look-ups.

The thin layer shared by indexer and service.  Callers pass the URL in (entry
points read it from the environment); nothing here runs at import time.
Timeouts are short so an unreachable cluster is reported within seconds instead
of hanging a request or a command.
"""
from __future__ import annotations

from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch import ConnectionError as ESConnectionError
from elasticsearch import ConnectionTimeout

DEFAULT_URL = "http://127.0.0.1:9200"
DEFAULT_ALIAS = "arabic-news"
# Seconds: a request never waits longer than this for Elasticsearch.
REQUEST_TIMEOUT = 2.5

# Errors that mean "Elasticsearch is not there right now" (connection refused, timeout).
UNAVAILABLE_ERRORS = (ESConnectionError, ConnectionTimeout)


def make_client(url: str, timeout: float = REQUEST_TIMEOUT, retries: int = 0) -> Elasticsearch:
    """A client for ``url`` that fails fast instead of retrying for minutes."""
    return Elasticsearch(url, request_timeout=timeout, max_retries=retries,
                         retry_on_timeout=retries > 0)


def cluster_health(client: Elasticsearch, timeout: float = REQUEST_TIMEOUT) -> dict:
    """The cluster health body (``GET /`` does not exist on core-only servers)."""
    return client.options(request_timeout=timeout).cluster.health().body


def server_version(client: Elasticsearch) -> str:
    """The version of the (first) node, read from _nodes since ``GET /`` may be missing."""
    nodes = client.nodes.info(filter_path="nodes.*.version").body
    versions = sorted({node["version"] for node in nodes.get("nodes", {}).values()})
    return ",".join(versions) or "unknown"


def alias_indices(client: Elasticsearch, alias: str) -> list[str]:
    """The concrete indices ``alias`` points at now ([] when the alias does not exist)."""
    try:
        return sorted(client.indices.get_alias(name=alias).body)
    except NotFoundError:
        return []


def is_missing_index(error: Exception) -> bool:
    """True for the error Elasticsearch gives when the alias/index does not exist."""
    return isinstance(error, ApiError) and getattr(error, "error", "") == "index_not_found_exception"
