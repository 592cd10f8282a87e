"""The health check without Flask: client + alias -> cluster health subset and index state."""
from __future__ import annotations

from elasticsearch import ApiError, Elasticsearch

from arabic_search import es
from arabic_search import mapping as m
from arabic_search.query import DOCUMENT_COUNT_AGG, document_count

# Seconds per request of a health check.
HEALTH_TIMEOUT = 1.2
HEALTH_FIELDS = ("cluster_name", "status", "number_of_nodes", "active_shards",
                 "unassigned_shards", "timed_out")


def health(client: Elasticsearch, alias: str) -> dict:
    """Cluster health subset and index state; raises the client's error if ES is unreachable.

    Two requests of at most HEALTH_TIMEOUT each, so a hung cluster is reported in < 3 s.
    """
    cluster = es.cluster_health(client, timeout=HEALTH_TIMEOUT)
    index: dict = {"alias": alias, "exists": False}
    if cluster.get("status") != "red":
        try:
            counts = client.options(request_timeout=HEALTH_TIMEOUT).search(index=alias, body={
                "size": 0, "track_total_hits": True,
                "query": {"term": {m.KIND: m.KIND_PASSAGE}}, "aggs": DOCUMENT_COUNT_AGG,
            }).body
        except ApiError as error:
            if not es.is_missing_index(error):
                raise
            counts = None
        if counts is not None:
            index["exists"] = True
            index["documents"] = document_count(counts)
            index["passages"] = int(counts["hits"]["total"]["value"])
    return {"status": cluster.get("status"),
            "elasticsearch": {key: cluster[key] for key in HEALTH_FIELDS if key in cluster},
            "index": index}
