"""The health check without Flask: client + alias -> can this service search, and how well.

Scoped to the alias's own indices: another index of the cluster being red does not
make this service unhealthy, and ours being red does even when the cluster is not.
A missing alias raises (the error boundary answers 503 ``index_missing``): a service
without its index cannot search, whatever the cluster's colour.  A write block
(``index.blocks.write``, ``read_only``, or ``read_only_allow_delete`` set by the disk
watermark) does not stop searches, so it is reported, not failed.

Its requests (blocks, scoped health, counts, lexicon, mapping) share one deadline, so
a hung cluster is reported within 3 s.  ``index.warnings`` says what makes an index
search less than it should though it searches: built by an older analysis (the mapping's
``_meta``, ``mapping.ANALYSIS_VERSION``), or without lexicon entries.
"""
from __future__ import annotations

import time

from elasticsearch import Elasticsearch

from arabic_search import es
from arabic_search import mapping as m
from arabic_search.query import DOCUMENT_COUNT_AGG, document_count

# Seconds all the health check's requests together may take.
HEALTH_DEADLINE = 2.6
# Attempts a request may make (the client retries once on another node).
ATTEMPTS = 2
MIN_TIMEOUT = 0.05
HEALTH_FIELDS = ("cluster_name", "status", "number_of_nodes", "number_of_data_nodes",
                 "active_shards", "unassigned_shards", "timed_out")
WRITE_BLOCKS = ("index.blocks.write", "index.blocks.read_only", "index.blocks.read_only_allow_delete")


class _Deadline:
    """Per-attempt timeouts that keep a sequence of requests within one deadline."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def timeout(self) -> float:
        return max(MIN_TIMEOUT, (self.end - time.monotonic()) / ATTEMPTS)


def write_blocks(client: Elasticsearch, alias: str, deadline: _Deadline) -> dict[str, list[str]]:
    """index -> the write blocks set on it, for every index behind ``alias``.

    Raises NotFoundError (``index_not_found_exception``) when the alias does not exist.
    """
    settings = client.options(request_timeout=deadline.timeout()).indices.get_settings(
        index=alias, name="index.blocks.*,index.uuid", flat_settings=True).body  # uuid: every index answers
    return {index: sorted(key for key in WRITE_BLOCKS
                          if str(body.get("settings", {}).get(key, "false")).lower() == "true")
            for index, body in settings.items()}


def health(client: Elasticsearch, alias: str) -> dict:
    """Health of the alias's indices and their counts; raises when the alias is missing
    or Elasticsearch cannot be reached (mapped to 503 by the error boundary)."""
    deadline = _Deadline(HEALTH_DEADLINE)
    blocks = write_blocks(client, alias, deadline)
    scoped = es.cluster_health(client, timeout=deadline.timeout(), index=alias)
    index = {"alias": alias, "exists": True, "indices": sorted(blocks),
             "writable": not any(blocks.values())}
    if not index["writable"]:
        index["blocks"] = {name: found for name, found in blocks.items() if found}
    if scoped.get("status") != "red":  # with a primary missing the counts would be partial
        counts = client.options(request_timeout=deadline.timeout()).search(index=alias, body={
            "size": 0, "track_total_hits": True,
            "query": m.passage_filter(), "aggs": DOCUMENT_COUNT_AGG,
        }).body
        index["documents"] = document_count(counts)
        index["passages"] = int(counts["hits"]["total"]["value"])
        index["lexicon_words"] = lexicon_words(client, alias, deadline)
    index["warnings"] = index_warnings(client, alias, index, deadline)
    return {"status": scoped.get("status"),
            "elasticsearch": {key: scoped[key] for key in HEALTH_FIELDS if key in scoped},
            "index": index}


def lexicon_words(client: Elasticsearch, alias: str, deadline: _Deadline) -> int:
    """How many lexicon entries the index holds (name matching finds other spellings there)."""
    return int(client.options(request_timeout=deadline.timeout()).count(
        index=alias, query={"term": {m.KIND: m.KIND_WORD}}).body.get("count", 0))


def index_warnings(client: Elasticsearch, alias: str, index: dict, deadline: _Deadline) -> list[str]:
    """What makes the index search less than it should, though it searches: built by an
    older analysis (re-index), or without lexicon entries (no other spellings found)."""
    warnings = []
    versions = es.analysis_versions(client, alias, timeout=deadline.timeout())
    if versions != {m.ANALYSIS_VERSION}:
        found = ", ".join(sorted(str(v) for v in versions if v is not None)) or "not recorded"
        warnings.append(f"index built with analysis version {found}, this service uses "
                        f"{m.ANALYSIS_VERSION}: re-index (make index) so that every word matches")
    if index.get("passages") and not index.get("lexicon_words"):
        warnings.append("the index has no lexicon entries: other spellings of names will not "
                        "be found; re-index (make index)")
    return warnings
