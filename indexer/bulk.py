"""Send (header, body) pairs through ``helpers.streaming_bulk``; one bad item never costs another.

* Item errors never raise: each result goes to ``on_result(ok, es_id, reason)``.
* A whole request that Elasticsearch refuses (one invalid item makes it answer
  400 for the chunk) is re-sent item by item, so only the guilty item fails.
* Requests are bounded: at most ``chunk_size`` actions and ``MAX_BULK_BYTES``.
* Failures that will hit every item (writes blocked, no active primary) stop
  the run with a named cause instead of reporting thousands of lines.
* ``requests`` > 1 keeps that many requests in flight (``lanes.py``: a document
  always goes through the same one, so repeated ids stay in order).
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from elasticsearch import ApiError, Elasticsearch, helpers

from .errors import IndexUnavailable, WritesBlocked
from .lanes import run_lanes
from .ledger import doc_id_of

CHUNK_SIZE = 500
# Bulk requests in flight while loading passages: the node's write threads on 2 cores
# (measured: 2.2x faster load at equal Elasticsearch CPU; a third did not help).
REQUESTS_IN_FLIGHT = 2
# Bytes per bulk request (ES refuses bodies over http.max_content_length, 100 MB).
MAX_BULK_BYTES = 8 * 1024 * 1024
BULK_TIMEOUT = 120          # seconds per bulk request: a chunk of long passages is slow
# How long Elasticsearch waits for an inactive primary before failing the items.
SHARD_WAIT = "30s"
MAX_RETRIES = 5             # per chunk, on 429 (exponential backoff from 1 s to 30 s)
_BLOCKED = "cluster_block_exception"
_UNAVAILABLE = "unavailable_shards_exception"
_FATAL_HINT = {
    _BLOCKED: "writes are blocked on the index or cluster (index.blocks.write, read_only, or "
              "read_only_allow_delete set by the flood-stage disk watermark: free disk space "
              "and clear the block)",
    _UNAVAILABLE: "the index has no active primary shard (see GET _cluster/allocation/explain)",
}

# What a bulk response says of each item that the indexer reads (_deliver, and the
# helper's retry of a 429): the rest (_index, _version, _shards, _seq_no...) was most of
# the response, and parsing it ~7 % of the main process's CPU (docs/performance.md).
RESULT_FIELDS = ["errors", "items.*._id", "items.*.status", "items.*.result", "items.*.error"]

OnResult = Callable[[bool, str, str], None]


def _as_is(action: tuple[dict, bytes | None]) -> tuple[dict, bytes | None]:
    return action


def send(client: Elasticsearch, actions: Iterable[tuple[dict, bytes | None]], on_result: OnResult,
         chunk_size: int = CHUNK_SIZE, requests: int = 1,
         lane_key: Callable[[str], str] = doc_id_of) -> None:
    """Bulk every action, ``requests`` at a time; report each result; raise only for
    run-level failures.  Actions whose ids have the same ``lane_key`` share a request
    stream (by default the passages of one document; ``str`` for independent ids)."""
    bulk_client = client.options(request_timeout=BULK_TIMEOUT)
    if requests < 2:
        _stream(bulk_client, actions, on_result, chunk_size)
        return
    lock = threading.Lock()

    def locked(ok: bool, es_id: str, reason: str) -> None:
        with lock:
            on_result(ok, es_id, reason)

    run_lanes(actions, requests, lambda lane: _stream(bulk_client, lane, locked, chunk_size),
              lane_key)


def _stream(bulk_client: Elasticsearch, actions: Iterable[tuple[dict, bytes | None]],
            on_result: OnResult, chunk_size: int) -> None:
    """One request at a time (``helpers.streaming_bulk``, retries on 429)."""
    for ok, item in helpers.streaming_bulk(
            bulk_client, actions, expand_action_callback=_as_is, chunk_size=chunk_size,
            max_chunk_bytes=MAX_BULK_BYTES, max_retries=MAX_RETRIES, initial_backoff=1,
            max_backoff=30, raise_on_error=False, raise_on_exception=False, yield_ok=True,
            timeout=SHARD_WAIT, filter_path=RESULT_FIELDS):
        op_type, info = next(iter(item.items()))
        if not ok and isinstance(info.get("exception"), ApiError):
            ok, info = _alone(bulk_client, op_type, info)
        _deliver(ok, info, on_result)


def _alone(client: Elasticsearch, op_type: str, info: dict) -> tuple[bool, dict]:
    """Re-send one item of a refused request by itself: its own result, not its chunk's."""
    header = {op_type: {"_index": info.get("_index"), "_id": info.get("_id")}}
    operations = [header] if op_type == "delete" else [header, info.get("data")]
    try:
        response = client.bulk(operations=operations, timeout=SHARD_WAIT)
    except ApiError as error:
        return False, {**info, "error": _type_and_reason(error), "exception": None}
    result = next(iter(response["items"][0].values()))
    return 200 <= result.get("status", 500) < 300, {**result, "_id": info.get("_id")}


def _type_and_reason(error: ApiError) -> dict:
    body = error.body if isinstance(error.body, dict) else {}
    cause = body.get("error", {}) if isinstance(body.get("error"), dict) else {}
    return {"type": cause.get("type", error.error), "reason": cause.get("reason", str(error.message))}


def _deliver(ok: bool, info: dict, on_result: OnResult) -> None:
    es_id = str(info.get("_id", "?"))
    if ok or (info.get("status") == 404 and info.get("result") == "not_found"):
        on_result(True, es_id, "")
        return
    error = info.get("error") or "failed"
    kind = error.get("type", "") if isinstance(error, dict) else ""
    reason = error.get("reason", kind) if isinstance(error, dict) else str(error)
    if kind == _BLOCKED:
        raise WritesBlocked(f"{_FATAL_HINT[kind]}: {reason}")
    if kind == _UNAVAILABLE:
        raise IndexUnavailable(f"{_FATAL_HINT[kind]}: {reason}")
    on_result(False, es_id, " ".join(f"{kind}: {reason}".split())[:500] if kind else reason)
