"""Talking to Elasticsearch: the client factory, failure descriptions, health, alias look-ups.

The thin layer shared by indexer and service.  ``client(settings, ...)`` is the one
place a client is built (entry points read the settings from the environment or
the Flask config, see ``settings.py``); nothing here runs at import time.

Retries: with several URLs a request that fails on one node (refused, reset, timed
out) is retried once on another; with one URL there is nothing to retry on, so the
request fails fast.  The issue this answers measured, with ``max_retries=0`` on a
3-node cluster, errors 1, 2, 4, 8... seconds after a node loss (each time the client
tried the dead node again); with one retry, 0 errors in 600 searches.  ``timeout``
bounds each attempt; the service bounds a whole request (all calls, all attempts)
with its own deadline (``service/deadline.py``, SEARCH_DEADLINE).
"""
from __future__ import annotations

from elasticsearch import (ApiError, AuthenticationException, AuthorizationException,
                           Elasticsearch, NotFoundError, SSLError)
from elasticsearch import ConnectionError as ESConnectionError
from elasticsearch import ConnectionTimeout

from . import mapping as m
from .settings import DEFAULT_URL, Settings, SettingsError, redact  # noqa: F401 - re-exported

DEFAULT_ALIAS = "arabic-news"
# Seconds an attempt of a request waits for Elasticsearch.
REQUEST_TIMEOUT = 2.5
# Attempts on another node after a failed one, when there are several nodes.
NODE_RETRIES = 1
# Replicas the indexer gives a new index when not told (fewer if the cluster is smaller).
DEFAULT_MAX_REPLICAS = 1

# Errors that mean "Elasticsearch is not there right now" (connection refused, timeout).
# TLS failures are ConnectionErrors too: ``failure`` tells them apart.
UNAVAILABLE_ERRORS = (ESConnectionError, ConnectionTimeout)


def client(settings: Settings, timeout: float = REQUEST_TIMEOUT,
           retries: int | None = None, **options) -> Elasticsearch:
    """A client for ``settings`` whose attempts give up after ``timeout`` seconds.

    ``retries`` defaults to one retry on another node when there are several nodes (and
    none with one node: it would ask the same node again).  A refused connection is
    retried at once, so a dead node costs nothing.  ``options`` go to the client as they
    are (e.g. ``connections_per_node``).
    """
    if retries is None:
        retries = NODE_RETRIES if len(settings.urls) > 1 else 0
    auth = {}
    if settings.api_key:
        key = settings.api_key
        auth["api_key"] = tuple(key.split(":", 1)) if ":" in key else key
    elif settings.username:
        auth["basic_auth"] = (settings.username, settings.password or "")
    return Elasticsearch(list(settings.urls), request_timeout=timeout,
                         max_retries=retries, retry_on_timeout=retries > 0,
                         ca_certs=settings.ca_certs, verify_certs=settings.verify_certs,
                         ssl_show_warn=settings.verify_certs, **auth, **options)


def make_client(url: str, timeout: float = REQUEST_TIMEOUT, retries: int = 0) -> Elasticsearch:
    """A client for ``url`` (one or several, comma-separated), security settings left at
    their defaults: what callers used before ``Settings`` existed."""
    return client(Settings.from_mapping({"ELASTICSEARCH_URL": url}), timeout=timeout, retries=retries)


def failure(error: BaseException) -> tuple[str, str]:
    """(code, message) describing why talking to Elasticsearch failed, credential-free.

    Authentication and TLS problems are configuration errors, not outages: they get
    their own codes so an operator is not sent looking for a dead cluster.
    """
    if isinstance(error, SettingsError):
        return "elasticsearch_misconfigured", str(error)
    if isinstance(error, AuthenticationException):
        return ("elasticsearch_auth_failed",
                "Elasticsearch rejected the credentials (HTTP 401): check the user and "
                "password or the API key")
    if isinstance(error, AuthorizationException):
        return ("elasticsearch_forbidden",
                "the Elasticsearch user lacks a privilege for this request (HTTP 403)")
    if isinstance(error, SSLError):
        return ("elasticsearch_tls_failed",
                "TLS handshake with Elasticsearch failed: check ELASTICSEARCH_CA_CERTS "
                "and that the URL's scheme and host match the certificate")
    if isinstance(error, ConnectionTimeout):
        return "elasticsearch_unavailable", "Elasticsearch did not answer in time"
    if isinstance(error, ESConnectionError):
        return "elasticsearch_unavailable", "Elasticsearch is unreachable (connection failed)"
    if isinstance(error, ApiError):
        return "elasticsearch_error", f"Elasticsearch answered HTTP {error.status_code}"
    return "elasticsearch_error", f"unexpected {error.__class__.__name__}"


def cluster_health(es: Elasticsearch, timeout: float = REQUEST_TIMEOUT, index: str | None = None) -> dict:
    """The cluster health body, of the whole cluster or only of ``index``'s shards
    (``GET /`` does not exist on core-only servers)."""
    return es.options(request_timeout=timeout).cluster.health(index=index).body


def server_version(es: Elasticsearch) -> str:
    """The versions of the nodes, read from _nodes since ``GET /`` may be missing."""
    nodes = es.nodes.info(filter_path="nodes.*.version").body
    versions = sorted({node["version"] for node in nodes.get("nodes", {}).values()})
    return ",".join(versions) or "unknown"


def data_node_count(es: Elasticsearch) -> int:
    """How many nodes of the cluster can hold shards."""
    return int(es.cluster.health().body.get("number_of_data_nodes", 1))


def default_replicas(data_nodes: int) -> int:
    """One replica when another data node can hold it, else none: a replica never sits on
    its primary's node, so on one node it would only turn the health yellow."""
    return max(0, min(DEFAULT_MAX_REPLICAS, data_nodes - 1))


def redundancy_warning(data_nodes: int, replicas: int) -> str | None:
    """A warning when a cluster of several data nodes would keep a single copy of the data."""
    if replicas == 0 and data_nodes > 1:
        return (f"replicas 0 on a cluster of {data_nodes} data nodes: losing one node loses "
                f"part of the index until it returns (searches give partial results)")
    return None


def alias_indices(es: Elasticsearch, alias: str) -> list[str]:
    """The concrete indices ``alias`` points at now ([] when the alias does not exist)."""
    try:
        return sorted(es.indices.get_alias(name=alias).body)
    except NotFoundError:
        return []


def is_missing_index(error: Exception) -> bool:
    """True for the error Elasticsearch gives when the alias/index does not exist."""
    return isinstance(error, ApiError) and getattr(error, "error", "") == "index_not_found_exception"


def analysis_versions(es: Elasticsearch, alias: str, timeout: float = REQUEST_TIMEOUT) -> set:
    """The analysis versions (mapping ``_meta``) of the indices behind ``alias``; None for an
    index built before versions were recorded."""
    mappings = es.options(request_timeout=timeout).indices.get_mapping(index=alias).body
    return {body.get("mappings", {}).get("_meta", {}).get(m.ANALYSIS_META)
            for body in mappings.values()}
