"""Helpers shared by the benchmark, evaluation and soak scripts (loopback only).

Paths, the Elasticsearch client, corpus sampling, a gunicorn runner, bounded
load generation, percentiles, tables and the results file.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from arabic_search import es  # noqa: E402
from indexer.version_names import version_pattern  # noqa: E402

SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
PROSE = DATA / "prose.jsonl"
PROSE_MSA = DATA / "prose_msa.jsonl"
NAMES = DATA / "names_dev.tsv"
DIACRITIZED = DATA / "diacritized_dev.tsv"
SEED_CASES = SHARED / "eval" / "seed_cases.tsv"
RESULTS = Path(__file__).resolve().parent / "results"
VENV_BIN = ROOT / ".venv" / "bin"


def es_url() -> str:
    """ELASTICSEARCH_URL as set (it may carry credentials: print ``es.redact(es_url())``)."""
    return (os.environ.get("ELASTICSEARCH_URL") or es.DEFAULT_URL).rstrip("/")


def client(timeout: float = 120, connections: int = 10):
    """A client for benchmarks: long timeout, no retries, ``connections`` pooled per node."""
    return es.client(es.Settings.from_mapping(os.environ), timeout=timeout, retries=0,
                     connections_per_node=connections)


def shared_missing(*paths: Path) -> str | None:
    """A clear skip message when the shared data folder (or a file of it) is absent."""
    for path in paths or (DATA,):
        if not path.exists():
            return f"skipped: {path} is absent (../shared lives beside the repository)"
    return None


def alias_benchmark(doc: str, run: Callable[..., dict], data: Path, count: tuple[str, int],
                    seed: int | None = None) -> None:
    """The command line of a benchmark asked of an index of a real corpus through the
    service API (sure_first.py, quoted_names.py, ordinary_words.py): ``--alias``, a sample
    size (``count``: its flag's name and default), ``--seed`` when the sample has one; it
    exits with a clear message when ``data`` (../shared) is absent and prints ``run``'s
    result as JSON."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--alias", required=True, help="an index of a real corpus (prose.jsonl)")
    parser.add_argument(f"--{count[0]}", dest="count", type=int, default=count[1])
    if seed is not None:
        parser.add_argument("--seed", type=int, default=seed, help="another sample")
    args = parser.parse_args()
    missing = shared_missing(data)
    if missing:
        sys.exit(missing)
    extra = (args.seed,) if seed is not None else ()
    print(json.dumps(run(args.alias, args.count, *extra), ensure_ascii=False, indent=1))


def es_version(es_client) -> str:
    try:
        return es.server_version(es_client)
    except Exception as error:  # noqa: BLE001 - informational
        return f"unknown ({error.__class__.__name__})"


def sample_lines(path: Path, fraction: float, seed: int = 42) -> Iterator[str]:
    """A fixed pseudo-random ``fraction`` of the lines of ``path`` (all lines for 1.0)."""
    rng = random.Random(seed)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if fraction >= 1.0 or rng.random() < fraction:
                yield line


def write_sample(path: Path, fraction: float, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for line in sample_lines(path, fraction):
            handle.write(line)
            count += 1
    return count


def delete_alias_indices(es_client, alias: str) -> None:
    """Remove ``alias`` and every versioned index behind it (best effort)."""
    delete_matching(es_client, version_pattern(alias))


def delete_matching(es_client, pattern: str) -> None:
    """Delete the indices matching ``pattern`` by their names (best effort): stock clusters
    refuse wildcard deletes (``action.destructive_requires_name`` defaults to true)."""
    with contextlib.suppress(Exception):
        names = sorted(es_client.indices.get(index=pattern, expand_wildcards="all",
                                             filter_path="*.settings.index.provided_name").body)
        if names:
            es_client.options(ignore_status=404).indices.delete(index=",".join(names))


def es_cpu_ms(es_client) -> int:
    """CPU milliseconds used so far by the Elasticsearch process(es): the cost of a load
    independent of how long other work on the machine made it wait.  Use a node of its
    own (``ELASTICSEARCH_URL=http://127.0.0.1:<port>``), or other clients' work counts too."""
    nodes = es_client.nodes.stats(metric="process", filter_path="nodes.*.process.cpu").body
    return sum(node["process"]["cpu"]["total_in_millis"] for node in nodes["nodes"].values())


def loadavg() -> str:
    """The 1/5/15-minute load averages, as ``uptime`` prints them."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, deadline_s: float = 60, ok=(200,)) -> bool:
    import requests
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        with contextlib.suppress(requests.RequestException):
            if requests.get(url, timeout=2).status_code in ok:
                return True
        time.sleep(0.25)
    return False


@contextlib.contextmanager
def gunicorn(alias: str, workers: int = 2, elasticsearch_url: str | None = None,
             threads: int = 4) -> Iterator[str]:
    """Serve ``service:create_app()`` under gunicorn on a free loopback port; yields the base URL."""
    port = free_port()
    env = dict(os.environ, ELASTICSEARCH_URL=elasticsearch_url or es_url(), SEARCH_INDEX=alias,
               PYTHONPATH=str(ROOT))
    RESULTS.mkdir(exist_ok=True)
    log = open(RESULTS / f"gunicorn-{port}.log", "w")  # noqa: SIM115 - closed in finally
    cmd = [str(VENV_BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
           "--threads", str(threads), "--timeout", "30", "--log-level", "warning",
           "service:create_app()"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        if not wait_http(f"{base}/api/health", 60):
            raise RuntimeError(f"gunicorn did not answer /api/health within 60 s (log: {log.name})")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        log.close()


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[rank]


def load(worker: Callable[[int], Callable[[int], tuple[bool, float]]], threads: int,
         seconds: float, max_requests: int = 1_000_000) -> dict:
    """Run ``threads`` threads for ``seconds`` (and at most ``max_requests`` in all).

    ``worker(thread_no)`` returns a callable ``call(i) -> (ok, latency_s)`` bound to
    that thread's session.  Returns counts, errors, throughput and latencies.
    """
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    sent = [0]
    stop_at = time.monotonic() + seconds

    def run(number: int) -> None:
        call = worker(number)
        i = number
        while time.monotonic() < stop_at:
            with lock:
                if sent[0] >= max_requests:
                    return
                sent[0] += 1
            try:
                ok, latency = call(i)
            except Exception as error:  # noqa: BLE001 - counted as an error
                ok, latency = False, 0.0
                with lock:
                    errors.append(f"{error.__class__.__name__}: {error}"[:200])
            with lock:
                latencies.append(latency)
                if not ok and len(errors) < 10_000:
                    errors.append("bad status")
            i += threads

    started = time.monotonic()
    pool = [threading.Thread(target=run, args=(n,), daemon=True) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=seconds + 60)
    elapsed = time.monotonic() - started
    return {"threads": threads, "seconds": round(elapsed, 2), "requests": len(latencies),
            "errors": len(errors), "error_samples": sorted(set(errors))[:5],
            "rps": round(len(latencies) / elapsed, 1),
            "p50_ms": round(percentile(latencies, 50) * 1000, 1),
            "p95_ms": round(percentile(latencies, 95) * 1000, 1)}


def table(headers: list[str], rows: list[list]) -> str:
    """A GitHub-markdown table (also readable on a terminal)."""
    cells = [[str(h) for h in headers]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.1f}"
    return str(value)


def save(name: str, data: dict) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def report(name: str, result: dict | None, render: Callable[[dict], str]) -> bool:
    """Print a script's table and save its figures; False when it was skipped (no data)."""
    if result is None:
        return False
    print(render(result))
    print(f"\nwrote {save(name, result)}")
    return True
