"""The indexer when the cluster cannot take writes (issue 14), on one real node.

Every failure here must be bounded in time, named in one line with its cause,
exit 2, and leave no index this run created.  The node is shared, so nothing
cluster-wide is changed: allocation is made impossible with an index-level
setting on the test's own index, and blocks are set on the test's own index.
A red index turns the whole (shared) cluster red, so none outlives its test.
"""
from __future__ import annotations

import time

import pytest

from arabic_search import es
from arabic_search import mapping as m
from indexer import actions, bulk
from indexer.errors import IndexUnavailable, WritesBlocked
from indexer.load import index_paths
from indexer.version_names import versioned_name
from indexer.versions import check_whole, swap_actions

from conftest import SEEDS
from test_indexer import passages, run_cli, versions_of

NOWHERE = {"index.routing.allocation.require._name": "no-such-node-anywhere"}


def test_replace_with_unplaceable_primaries_fails_fast_and_leaves_nothing(es_client,
                                                                          unique_alias):
    previous = index_paths(es_client, unique_alias, [SEEDS])
    started = time.monotonic()
    with pytest.raises(IndexUnavailable, match="no active primary") as caught:
        index_paths(es_client, unique_alias, [SEEDS], ready_timeout=2, index_settings=NOWHERE)
    assert time.monotonic() - started < 20
    assert "no-such-node-anywhere" in str(caught.value) or "require" in str(caught.value)
    assert versions_of(es_client, unique_alias) == [previous.index]
    assert es.alias_indices(es_client, unique_alias) == [previous.index]
    assert es.cluster_health(es_client)["status"] != "red" or _others_red(es_client, unique_alias)


def test_a_version_is_published_only_whole(es_client, unique_alias):
    """The last check before the swap: every primary active and every passage the run
    had acknowledged there (a node lost with the only copy of a shard fails it)."""
    built = index_paths(es_client, unique_alias, [SEEDS])
    check_whole(es_client, built.index, built.passages)
    with pytest.raises(IndexUnavailable, match=f"holds {built.passages} of the "
                                               f"{built.passages + 1} passages"):
        check_whole(es_client, built.index, built.passages + 1)
    red = _red_alias(es_client, f"{unique_alias}-red")
    started = time.monotonic()
    try:
        with pytest.raises(IndexUnavailable, match="no active primary"):
            check_whole(es_client, red, 0, timeout=1)
    finally:
        es_client.options(ignore_status=404).indices.delete(index=red)
    assert time.monotonic() - started < 20


def _others_red(client, alias: str) -> bool:
    """True when the cluster is red because of somebody else's index (shared node)."""
    red = client.cat.indices(health="red", h="index", format="json", expand_wildcards="all").body
    return all(not row["index"].startswith(alias) for row in red)


def _red_alias(client, alias: str) -> str:
    """An alias whose only index has no active primary."""
    name = versioned_name(alias)
    client.indices.create(index=name, mappings=m.index_mapping(), wait_for_active_shards="0",
                          settings={**m.index_settings(), **NOWHERE})
    client.indices.update_aliases(actions=swap_actions(alias, name, []))
    return name


def test_append_into_an_inactive_primary_exits_2_with_cause(es_client, es_url, unique_alias):
    red = _red_alias(es_client, unique_alias)
    started = time.monotonic()
    try:
        result = run_cli(["--append", "--wait", "2", SEEDS], es_url, unique_alias, timeout=120)
        assert es_client.indices.exists(index=red)  # the user's index is never deleted
    finally:  # a red index turns the shared cluster red: other tests' health checks fail
        es_client.options(ignore_status=404).indices.delete(index=red)
    assert time.monotonic() - started < 30
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-2].startswith("indexed 0 documents") and red in lines[-2]
    assert lines[-1].startswith(f"indexer: index {red} has no active primary shard")
    assert "Traceback" not in result.stderr


def test_append_into_a_write_blocked_index_names_the_block(es_client, es_url, unique_alias):
    first = index_paths(es_client, unique_alias, [SEEDS])
    es_client.indices.put_settings(index=first.index, settings={"index.blocks.write": True})
    try:
        result = run_cli(["--append", SEEDS], es_url, unique_alias)
    finally:
        es_client.indices.put_settings(index=first.index, settings={"index.blocks.write": False})
    assert result.returncode == 2, result.stderr
    assert "index.blocks.write=true" in result.stderr.strip().splitlines()[-1]
    assert passages(es_client, unique_alias) == first.passages


def test_bulk_into_a_blocked_index_stops_with_the_cause(es_client, unique_alias):
    es_client.indices.create(index=unique_alias, settings={"index.blocks.write": True})
    pairs = (actions.index_action(unique_alias, f"id{number}", b'{"a": 1}') for number in range(50))
    results: list[bool] = []
    try:
        with pytest.raises(WritesBlocked, match="flood-stage"):
            bulk.send(es_client, pairs, lambda ok, es_id, reason: results.append(ok))
    finally:
        es_client.indices.put_settings(index=unique_alias, settings={"index.blocks.write": False})
    assert results == []
