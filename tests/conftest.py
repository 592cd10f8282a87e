"""Shared fixtures: a real Elasticsearch (never mocked), unique index names, shared data.

The ES URL comes from ``ELASTICSEARCH_URL`` (``make test`` provisions a node and
exports it).  If the cluster is unreachable the whole run stops with an error:
tests that need Elasticsearch never skip silently.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from arabic_search import es

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
RUN_PREFIX = f"pytest-{uuid.uuid4().hex[:8]}"


def _es_url() -> str:
    return os.environ.get("ELASTICSEARCH_URL", es.DEFAULT_URL)


def _client_or_exit():
    settings = es.Settings.from_mapping(os.environ)
    client = es.client(settings, timeout=10)
    try:
        es.cluster_health(client, timeout=10)
    except Exception as error:  # any failure here means no usable cluster
        pytest.exit(f"Elasticsearch at {settings.display} is unusable ({es.failure(error)[1]}). "
                    f"Run the tests with `make test`, which provisions it.", returncode=3)
    return client


def pytest_report_header(config):
    """Says which cluster the run uses, without connecting: pure tests run without ES,
    and the first test that needs it stops the whole run if it is unreachable."""
    return [f"elasticsearch: {es.redact(_es_url())} (connected on first use)",
            f"index prefix for this run: {RUN_PREFIX}"]


@pytest.fixture(scope="session")
def es_url() -> str:
    return _es_url()


@pytest.fixture(scope="session")
def es_client(es_url):
    client = _client_or_exit()
    print(f"\nelasticsearch {es.server_version(client)} at {es_url}")
    yield client
    # Delete by explicit names: stock clusters refuse wildcard deletes
    # (action.destructive_requires_name defaults to true).
    names = sorted(client.indices.get(index=f"{RUN_PREFIX}*", expand_wildcards="all").body)
    for start in range(0, len(names), 50):
        client.options(ignore_status=404).indices.delete(index=",".join(names[start:start + 50]))
    client.close()


@pytest.fixture
def unique_alias(request) -> str:
    """An alias name no other test (or run) uses; deleted with the run's prefix."""
    name = request.node.name.lower().translate(str.maketrans("[]/:. ", "------"))[:40]
    return f"{RUN_PREFIX}-{name}-{uuid.uuid4().hex[:6]}"


# --- the read-only corpora, built once per session (tests/corpora.py) --------------------
# A module that alters its index (settings, extra indices behind the alias) builds its own.

@pytest.fixture(scope="session")
def seed_alias(es_client) -> str:
    """seeds/ alone."""
    from corpora import index_seeds
    return index_seeds(es_client, f"{RUN_PREFIX}-seeds")


@pytest.fixture(scope="session")
def seeded_alias(es_client, tmp_path_factory) -> str:
    """seeds/ plus ``corpora.EXTRA_DOCS``: the API and page tests' corpus."""
    from corpora import index_service_corpus
    return index_service_corpus(es_client, f"{RUN_PREFIX}-service",
                                tmp_path_factory.mktemp("service-corpus"))


@pytest.fixture(scope="session")
def web_alias(es_client, tmp_path_factory) -> str:
    """The service corpus plus ``corpora.WEB_DOCS`` (hostile links, Latin title, bidi)."""
    from corpora import index_web_corpus
    return index_web_corpus(es_client, f"{RUN_PREFIX}-web", tmp_path_factory.mktemp("web-corpus"))


@pytest.fixture(scope="session")
def suggest_alias(es_client, tmp_path_factory) -> str:
    """A corpus past the indexer's 'tiny' size, for autocomplete."""
    from corpora import index_suggest_corpus
    return index_suggest_corpus(es_client, f"{RUN_PREFIX}-suggest",
                                tmp_path_factory.mktemp("suggest-corpus"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests that read it skip with a clear message when it is absent."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip(f"shared data folder {path} is absent (it lives beside the repository)")
    return path


@pytest.fixture(scope="session")
def seed_cases_path() -> Path:
    path = SHARED / "eval" / "seed_cases.tsv"
    if not path.is_file():
        pytest.skip(f"{path} is absent (it lives beside the repository)")
    return path
