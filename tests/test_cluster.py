"""A real 3-node cluster of the project's Elasticsearch (``make test-cluster``).

Nodes on 127.0.0.1:9250-9252 (transport 9350-9352), started by scripts/es_cluster.py
from the distribution scripts/es.py provisions; a node on 9200 is never touched.
Covers: several URLs (one of them dead), replica defaults by cluster size, ranking
independent of the shard count, node loss while indexing (``--replace`` never leaves
a half-swapped alias) and while searching (no failed search), partial results with
replicas 0, and health scoped to the alias's own indices.
"""
from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from arabic_search import es
from arabic_search import mapping as m
from conftest import ROOT, RUN_PREFIX
from service import create_app
from test_indexer import run_cli

sys.path.insert(0, str(ROOT / "scripts"))
import es_cluster  # noqa: E402

pytestmark = pytest.mark.cluster

DEAD_URL = "http://127.0.0.1:9299"  # in our port range, nothing listens there
SAMPLE_DOCS = 200
SAMPLE_SEED = 14
REINDEX_DOCS = 3000  # long enough a run to kill a node in the middle of it
QUERIES = ["ليبيا", "طرابلس", "السراج", "فايز السراج", "والدهاوزر", "Waldhauser", "Williams",
           "ويليامز", "وزارة الخارجية", "الأمن والاستقرار", "حكومة الوفاق", "أفريكوم", "واشنطن",
           "الأمريكية", "مؤتمر صحفي", "لطفي المغربي", "الليبي", "الخميس", "القيادة", "دعم"]
SLOW_MACHINE_DEADLINE = 10.0
WARM_UP_S = 120.0
SEARCH_DURING_LOSS_S = 6.0
KILL_AFTER_S = 2.0


@pytest.fixture(scope="module")
def cluster():
    nodes, started = es_cluster.ensure_cluster(3)
    yield nodes
    if started:
        for node in nodes:
            node.stop()
    else:  # a developer's cluster: leave it whole
        for node in nodes:
            if node.pid() is None:
                es_cluster.restart(node)


@pytest.fixture(scope="module")
def urls(cluster) -> str:
    return ",".join(node.url for node in cluster)


@pytest.fixture(scope="module")
def admin(urls):
    client = es.client(es.Settings.from_mapping({"ELASTICSEARCH_URL": urls}), timeout=60)
    yield client
    names = sorted(client.indices.get(index=f"{RUN_PREFIX}*").body)
    if names:
        client.options(ignore_status=404).indices.delete(index=",".join(names))


def corpus(path: Path, documents: int) -> Path:
    """``documents`` documents of 2-6 sentences of the seed article, drawn with a fixed seed:
    shared vocabulary and many equal scores, the case where shard-local statistics and
    shard order used to decide the ranking.  Needs nothing outside the repository."""
    text = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    sentences = [part.strip() + "." for part in re.split(r"[.!؟]", text) if len(part.split()) > 3]
    rng = random.Random(SAMPLE_SEED)
    with path.open("w", encoding="utf-8") as out:
        for number in range(documents):
            body = " ".join(rng.sample(sentences, rng.randint(2, min(6, len(sentences)))))
            out.write(json.dumps({"id": f"doc-{number}", "title": f"وثيقة {number}", "body": body},
                                 ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    return corpus(tmp_path_factory.mktemp("cluster") / "sample.jsonl", SAMPLE_DOCS)


def build(urls: str, alias: str, path: Path, *options: str):
    done = run_cli([path, *options], urls, alias, timeout=600)
    assert done.returncode == 0, done.stderr
    return done


def index_settings(admin, alias: str) -> dict:
    (index,) = es.alias_indices(admin, alias)
    return admin.indices.get_settings(index=index).body[index]["settings"]["index"]


@pytest.fixture(scope="module")
def redundant(urls, admin, sample) -> str:
    """3 shards, replicas left to the indexer's default (1 on 3 nodes)."""
    alias = f"{RUN_PREFIX}-redundant"
    done = build(urls, alias, sample, "--shards", "3")
    assert "warning" not in done.stderr
    assert index_settings(admin, alias)["number_of_replicas"] == "1"
    return alias


@pytest.fixture(scope="module")
def fragile(urls, admin) -> str:
    """3 shards, replicas 0 (asked for explicitly, with a warning): one copy of everything."""
    alias = f"{RUN_PREFIX}-fragile"
    done = build(urls, alias, ROOT / "seeds", "--shards", "3", "--replicas", "0")
    assert "warning: replicas 0 on a cluster of 3 data nodes" in done.stderr
    admin.cluster.health(index=alias, wait_for_status="green", timeout="60s")
    return alias


def search_app(urls: str, alias: str, warm_up: bool = True):
    """A test client; each Elasticsearch call still gives up after 2.5 s, but the request's
    total (2 s in production) is generous: the test machine is loaded, and what is under
    test here is that no search fails, not its latency."""
    config = {"ELASTICSEARCH_URL": urls, "SEARCH_INDEX": alias, "TESTING": True,
              "SEARCH_DEADLINE": SLOW_MACHINE_DEADLINE}
    client = create_app(config).test_client()
    if warm_up:
        warm(client)
    return client


def warm(client) -> None:
    """Ask every query until it answers: on a fresh cluster of a loaded machine the first
    searches of an index (caches, JIT) can outlast the 2.5 s per call.  Setup only: the
    tests' own searches must all succeed."""
    deadline = time.monotonic() + WARM_UP_S
    for query in QUERIES:
        while client.get("/api/search", query_string={"q": query}).status_code != 200:
            assert time.monotonic() < deadline, f"the cluster never answered {query!r}"
            time.sleep(1)


def top_ids(client, query: str) -> list[str]:
    response = client.get("/api/search", query_string={"q": query, "size": 10})
    assert response.status_code == 200, response.get_data(as_text=True)
    return [hit["id"] for hit in response.get_json()["hits"]]


def test_several_urls_with_one_dead(urls, redundant):
    client = search_app(f"{DEAD_URL},{urls}", redundant)
    answers = [client.get("/api/search", query_string={"q": query}) for query in QUERIES * 2]
    failed = [answer.get_json() for answer in answers if answer.status_code != 200]
    assert not failed, failed
    status = subprocess.run([sys.executable, str(ROOT / "scripts" / "es.py"), "status"],
                            env={"ELASTICSEARCH_URL": f"{DEAD_URL},{urls}", "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True, timeout=60)
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["number_of_nodes"] == 3
    assert f"{DEAD_URL}: no healthy answer" in status.stderr


def test_ranking_is_the_same_with_one_and_three_shards(urls, admin, sample, redundant):
    one_shard = f"{RUN_PREFIX}-oneshard"
    build(urls, one_shard, sample, "--shards", "1")
    one, three = search_app(urls, one_shard), search_app(urls, redundant)
    differing = {query: (top_ids(one, query), top_ids(three, query)) for query in QUERIES}
    differing = {query: pair for query, pair in differing.items() if pair[0] != pair[1]}
    assert sum(len(top_ids(one, query)) == 10 for query in QUERIES) >= len(QUERIES) // 4
    assert not differing, f"{len(differing)} of {len(QUERIES)} queries differ"


def victim(admin, holding: str | None = None) -> str:
    """A node that is not the elected master (and holds a primary of ``holding``)."""
    master = admin.cat.master(format="json").body[0]["node"]
    names = {"node-0", "node-1", "node-2"} - {master}
    if holding:
        shards = admin.cat.shards(index=holding, format="json").body
        names &= {shard["node"] for shard in shards if shard["prirep"] == "p"}
    return sorted(names)[0]


def node_named(cluster, name: str):
    return next(node for node in cluster if node.name == name)


def passages(admin, alias: str) -> int:
    return admin.count(index=alias, query={"term": {m.KIND: m.KIND_PASSAGE}})["count"]


def test_replace_with_a_node_killed_mid_run_never_half_swaps(cluster, urls, admin, tmp_path):
    alias = f"{RUN_PREFIX}-reindexed"
    build(urls, alias, ROOT / "seeds")
    (before,) = es.alias_indices(admin, alias)
    before_passages = passages(admin, alias)
    lost = node_named(cluster, victim(admin))
    big = corpus(tmp_path / "big.jsonl", REINDEX_DOCS)
    run = subprocess.Popen([sys.executable, "-m", "indexer", "--quiet", str(big)], cwd=ROOT,
                           env={**os.environ, "ELASTICSEARCH_URL": urls, "SEARCH_INDEX": alias},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(KILL_AFTER_S * 2)
    assert run.poll() is None, "the run ended before the node was killed: make the corpus larger"
    lost.stop(signal.SIGKILL)
    _, err = run.communicate(timeout=600)
    try:
        live = es.alias_indices(admin, alias)
        assert len(live) == 1, live  # never two indices, never none
        if run.returncode == 0:
            assert live != [before]
            admin.indices.refresh(index=alias)
            assert passages(admin, alias) > before_passages
            assert f"indexed {REINDEX_DOCS} documents" in err
        else:
            assert live == [before] and passages(admin, alias) == before_passages
            assert "Traceback" not in err and "indexer: " in err  # a one-line reason
    finally:
        es_cluster.restart(lost)
    admin.cluster.health(wait_for_nodes="3", timeout="120s")


def test_the_only_copy_lost_before_the_swap_keeps_the_old_index(cluster, urls, admin, tmp_path):
    """A version is loaded without replicas: a node lost once the writes are done (the
    swap phase) takes its shards' only copy.  Published, that version would replace a
    whole index with a broken one (what CI once saw: the search after the swap, 503)."""
    alias = f"{RUN_PREFIX}-lostcopy"
    build(urls, alias, ROOT / "seeds")
    (before,) = es.alias_indices(admin, alias)
    run = subprocess.Popen([sys.executable, "-m", "indexer", "--shards", "3", "--wait", "5",
                            str(corpus(tmp_path / "some.jsonl", SAMPLE_DOCS))], cwd=ROOT,
                           env={**os.environ, "ELASTICSEARCH_URL": urls, "SEARCH_INDEX": alias},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert any("phase: swap" in line for line in run.stderr), run.wait()
    (building,) = set(admin.indices.get(index=f"{alias}-v*").body) - {before}
    lost = node_named(cluster, victim(admin, holding=building))
    lost.stop(signal.SIGKILL)
    err = run.stderr.read()
    run.wait(timeout=300)
    print(f"exit {run.returncode}: {err.strip().splitlines()[-1]}")  # shown with -rA
    try:
        live = es.alias_indices(admin, alias)
        if run.returncode == 0:  # the replicas were copied before the kill: whole after all
            assert live == [building] and passages(admin, alias) == _written(err), err
        else:
            assert live == [before], err
            assert "Traceback" not in err and err.strip().splitlines()[-1].startswith("indexer: ")
    finally:
        es_cluster.restart(lost)
    admin.cluster.health(wait_for_nodes="3", timeout="120s")


def _written(err: str) -> int:
    """The passages a run's summary line says it indexed."""
    return int(re.search(r"indexed \d+ documents, (\d+) passages", err).group(1))


def test_node_loss_during_search_partial_results_and_scoped_health(cluster, urls, admin,
                                                                   redundant, fragile):
    admin.cluster.health(index=redundant, wait_for_status="green", timeout="120s")
    lost = node_named(cluster, victim(admin, holding=fragile))
    results: list[tuple[int, float]] = []
    stop = threading.Event()

    def keep_searching(client):
        while not stop.is_set():
            started = time.monotonic()
            status = client.get("/api/search", query_string={"q": "ليبيا"}).status_code
            results.append((status, time.monotonic() - started))

    searcher = threading.Thread(target=keep_searching, args=(search_app(urls, redundant),))
    searcher.start()
    time.sleep(KILL_AFTER_S)
    lost.stop(signal.SIGKILL)
    time.sleep(SEARCH_DURING_LOSS_S)
    stop.set()
    searcher.join()
    assert results and all(status == 200 for status, _ in results), results
    print(f"{len(results)} searches while a node died, slowest {max(s for _, s in results):.2f} s")

    # replicas 0: the shard on the lost node is gone until it returns.
    raw = admin.search(index=fragile, query={"match_all": {}}, size=0).body
    assert raw["_shards"]["failed"] >= 1
    body = search_app(urls, fragile, warm_up=False).get("/api/search", query_string={"q": "ليبيا"}).get_json()
    assert body["partial"] is True

    # Health is about the alias's own indices, whatever the rest of the cluster does.
    assert admin.cluster.health().body["status"] == "red"
    ours = search_app(urls, redundant, warm_up=False).get("/api/health")
    assert ours.status_code == 200 and ours.get_json()["status"] in ("yellow", "green")
    theirs = search_app(urls, fragile, warm_up=False).get("/api/health")
    assert theirs.status_code == 503
    assert theirs.get_json()["error"]["code"] == "index_unavailable"
