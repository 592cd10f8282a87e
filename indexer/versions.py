"""Versioned indices behind an alias: validate, create, publish (atomic swap), clean up.

The service only ever searches the alias.  A rebuild writes a new
``<alias>-v<ms>`` index that nobody reads; only once it is complete and
refreshed does one ``update_aliases`` call move the alias, so searches see the
old index or the new one, never a half-built one.  A run that dies before the
swap leaves a stray version behind; the next successful run deletes it.
Every wait on the cluster is bounded: an index whose primaries cannot be placed
is deleted (only the one this run created) and the run fails naming the cause.
"""
from __future__ import annotations

import time

from elasticsearch import BadRequestError, ConnectionTimeout, Elasticsearch

from arabic_search import es, mapping

from .errors import AliasConflict, IndexUnavailable, WritesBlocked
from .lock import LOCK_SUFFIX
from .version_names import (STAMP_DIGITS, VERSION_MARK, version_pattern, version_stamp,
                            versioned_name)

__all__ = ["AliasConflict", "alias_problem", "check_alias", "create_version", "check_writable"]

# Searches that resolved the alias just before the swap may still be running on
# the old index; give them this long (seconds) before deleting it.
OLD_INDEX_GRACE = 0.5
# Seconds to wait for a new (or appended-to) index to have its primaries active.
READY_TIMEOUT = 30.0
# The shortest wait asked of Elasticsearch itself (milliseconds).
MIN_SERVER_WAIT_MS = 100
# Seconds a bounded wait's request outlives the wait it asks Elasticsearch for.
WAIT_MARGIN = 10.0
# Names tried when the millisecond stamp is taken (then something else is wrong).
CREATE_ATTEMPTS = 5
# Elasticsearch's rules for index and alias names; the longest suffix we add is kept free.
MAX_NAME_BYTES = 255
_SUFFIX_BYTES = max(len(VERSION_MARK) + STAMP_DIGITS, len(LOCK_SUFFIX))
MAX_ALIAS_BYTES = MAX_NAME_BYTES - _SUFFIX_BYTES
FORBIDDEN_CHARS = '\\/*?"<>| ,#:'
_BLOCKS = ("write", "read_only", "read_only_allow_delete")


def alias_problem(alias: str) -> str:
    """Why ``alias`` is not a usable alias name ('' when it is), by Elasticsearch's rules.

    Wildcards and commas would make every call address *other* indices too.
    """
    bad = sorted({char for char in alias if char in FORBIDDEN_CHARS or char.isspace()})
    if not alias or alias in (".", ".."):
        return "an alias name cannot be empty, '.' or '..'"
    if alias != alias.lower():
        return "an alias name must be lowercase"
    if bad:
        return f"an alias name cannot contain {' '.join(repr(char) for char in bad)}"
    if alias[0] in "-_+.":
        return "an alias name cannot start with '-', '_', '+' or '.'"
    if len(alias.encode("utf-8")) > MAX_ALIAS_BYTES:
        return f"an alias name is at most {MAX_ALIAS_BYTES} bytes"
    return ""


def check_alias(client: Elasticsearch, alias: str) -> list[str]:
    """The indices behind ``alias`` now; refuses an invalid name or a concrete index."""
    problem = alias_problem(alias)
    if problem:
        raise AliasConflict(f"invalid --index {alias!r}: {problem}")
    if client.indices.exists_alias(name=alias):
        return es.alias_indices(client, alias)
    if client.indices.exists(index=alias):
        raise AliasConflict(f"'{alias}' is a concrete index, not an alias; delete or rename it, "
                            f"or choose another --index")
    return []


def create_version(client: Elasticsearch, alias: str, shards: int,
                   ready_timeout: float = READY_TIMEOUT, settings: dict | None = None) -> str:
    """Create a new, empty versioned index newer than any existing one, set for loading:
    refresh off and no replicas (each replica would index every document again; copying
    the finished segments once, in ``make_searchable``, costs less).

    The create returns without waiting for shards and is never retried by the
    client (a retried create meets "already exists" and used to start over under
    a new name, for ever); then primaries get ``ready_timeout`` seconds to start.
    """
    creator = client.options(max_retries=0)
    for _ in range(CREATE_ATTEMPTS):
        name = versioned_name(alias)
        try:
            creator.indices.create(index=name, mappings=mapping.index_mapping(),
                                   settings={**mapping.index_settings(shards, 0),
                                             **(settings or {})},
                                   wait_for_active_shards="0")
        except BadRequestError as error:
            if error.error != "resource_already_exists_exception":
                raise AliasConflict(f"cannot create index {name}: {error.message}") from error
            time.sleep(0.002)  # same millisecond as another run: take the next one
            continue
        except BaseException:
            discard(client, name)  # it may exist: the name is ours alone (ms stamp, lock held)
            raise
        try:
            wait_ready(client, name, ready_timeout)
        except BaseException:
            discard(client, name)
            raise
        return name
    raise AliasConflict(f"could not create a new version of '{alias}' ({CREATE_ATTEMPTS} names taken)")


def waiting(client: Elasticsearch, timeout: float, margin: float = WAIT_MARGIN) -> Elasticsearch:
    """The client for one bounded wait: ``timeout`` (plus ``margin`` for a server-side
    wait to answer first, 408 being its "not yet"), never retried after a time-out (that
    would double the wait), but retried on another node when the one asked is gone: a
    node lost during a run must not fail the checks that exist to notice it."""
    return client.options(request_timeout=timeout + margin, retry_on_timeout=False,
                          ignore_status=408)


def server_wait(timeout: float) -> str:
    """``timeout`` seconds as Elasticsearch's own wait parameter (at least 100 ms)."""
    return f"{max(int(timeout * 1000), MIN_SERVER_WAIT_MS)}ms"


def wait_ready(client: Elasticsearch, index: str, timeout: float) -> None:
    """Wait (bounded) until every primary of ``index`` is active; else raise with the cause."""
    health = waiting(client, timeout).cluster.health(
        index=index, wait_for_status="yellow", timeout=server_wait(timeout)).body
    if health.get("status") == "red" or health.get("timed_out"):
        raise IndexUnavailable(f"index {index} has no active primary shard after {timeout:g} s "
                               f"({health.get('status')}): {allocation_cause(client, index)}")


def allocation_cause(client: Elasticsearch, index: str) -> str:
    """Elasticsearch's own explanation of why a primary of ``index`` (the first one not
    started, else 0) is not allocated."""
    try:
        explainer = client.options(request_timeout=10)
        rows = explainer.cat.shards(index=index, format="json", h="shard,prirep,state").body
        shard = min((int(row["shard"]) for row in rows
                     if row.get("prirep") == "p" and row.get("state") != "STARTED"), default=0)
        found = explainer.cluster.allocation_explain(index=index, shard=shard, primary=True).body
    except Exception as error:  # noqa: BLE001 - the cause is a courtesy; the failure stands
        return f"no explanation ({error.__class__.__name__})"
    reasons = [decider.get("explanation", "") for node in found.get("node_allocation_decisions", [])
               for decider in node.get("deciders", []) if decider.get("decision") == "NO"]
    text = " ".join([found.get("allocate_explanation", ""), *reasons[:1]]).strip()
    return " ".join(text.split())[:400] or "unknown"


def check_writable(client: Elasticsearch, index: str, timeout: float = READY_TIMEOUT) -> None:
    """Before appending: the primaries are active and no write block is set (else raise, named)."""
    wait_ready(client, index, timeout)
    found = client.indices.get_settings(index=index, name="index.blocks.*", flat_settings=True).body
    settings = next(iter(found.values()), {}).get("settings", {})
    blocked = [name for name in _BLOCKS if str(settings.get(f"index.blocks.{name}")) == "true"]
    if blocked:
        raise WritesBlocked(f"writes to {index} are blocked (index.blocks.{blocked[0]}=true"
                            + (", set by the flood-stage disk watermark: free disk space"
                               if blocked[0] == "read_only_allow_delete" else "")
                            + "); clear the block and run again")


def refresh(client: Elasticsearch, index: str, timeout: float = READY_TIMEOUT) -> None:
    """Refresh within ``timeout`` seconds; a refresh stuck on an inactive shard is named, not hung."""
    try:
        waiting(client, timeout, margin=0).indices.refresh(index=index)
    except ConnectionTimeout:
        raise IndexUnavailable(f"refresh of {index} did not finish within {timeout:g} s: "
                               f"{allocation_cause(client, index)}") from None


def make_searchable(client: Elasticsearch, index: str, timeout: float = READY_TIMEOUT,
                   replicas: int = 0) -> None:
    """Turn refresh back on, ask for the ``replicas``, and refresh once, so the new index is
    complete when published.  Where the cluster has nodes for them, the replicas get
    ``timeout`` seconds to be copied first (else they follow in the background, as before:
    searches use the primaries meanwhile)."""
    client.indices.put_settings(index=index, settings={"index": {
        "refresh_interval": "1s", "number_of_replicas": replicas}})
    refresh(client, index, timeout)
    if replicas and es.data_node_count(client) > replicas:
        waiting(client, timeout).cluster.health(
            index=index, wait_for_status="green", timeout=server_wait(timeout))


def check_whole(client: Elasticsearch, index: str, passages: int,
                timeout: float = READY_TIMEOUT) -> None:
    """Refuse to publish ``index`` unless every primary is active and it holds the
    ``passages`` this run had acknowledged.  A version is built without replicas, so
    a node lost during the run takes the only copy of its shards (and the writes they
    had acknowledged) with it; publishing that version would replace a whole index
    with a broken one."""
    wait_ready(client, index, timeout)
    counted = waiting(client, timeout, margin=0).count(
        index=index, query=mapping.passage_filter()).body
    failed = counted.get("_shards", {}).get("failed", 0)
    if failed or counted.get("count") != passages:
        raise IndexUnavailable(f"index {index} holds {counted.get('count')} of the {passages} "
                               f"passages written ({failed} shards failed); alias not moved")


def publish(client: Elasticsearch, alias: str, index: str) -> list[str]:
    """Move ``alias`` to ``index`` in one atomic call; returns the indices it left."""
    old = [name for name in es.alias_indices(client, alias) if name != index]
    client.indices.update_aliases(actions=swap_actions(alias, index, old))
    return old


def swap_actions(alias: str, new_index: str, old_indices: list[str]) -> list[dict]:
    """Actions for one atomic ``update_aliases`` call: point ``alias`` at ``new_index`` only."""
    actions: list[dict] = [{"remove": {"index": old, "alias": alias}} for old in old_indices]
    actions.append({"add": {"index": new_index, "alias": alias, "is_write_index": True}})
    return actions


def delete_old_versions(client: Elasticsearch, alias: str, keep: str, left: list[str]) -> list[str]:
    """Delete versions older than ``keep`` that the alias does not point at.

    That covers the versions the swap just left and stray half-built versions
    of killed runs (the alias lock means no other run is building one now).
    """
    keep_stamp = version_stamp(alias, keep) or 0
    live = set(es.alias_indices(client, alias))
    found = client.indices.get(index=version_pattern(alias), expand_wildcards="all",
                               filter_path="*.settings.index.provided_name").body
    doomed = sorted(name for name in found if name not in live and name != keep
                    and (version_stamp(alias, name) or keep_stamp) < keep_stamp)
    if doomed:
        if set(doomed) & set(left):
            time.sleep(OLD_INDEX_GRACE)
        client.options(ignore_status=404).indices.delete(index=",".join(doomed))
    return doomed


def discard(client: Elasticsearch, index: str) -> None:
    """Best-effort removal of a version that will never be published."""
    try:
        client.options(ignore_status=404, max_retries=0).indices.delete(index=index)
    except Exception:  # noqa: BLE001 - the next successful run cleans strays anyway
        pass
