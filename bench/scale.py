"""Scale curve: indexing rate, index size and query latency at 1x, 3x, 10x prose.jsonl.

    .venv/bin/python bench/scale.py [--scale 1,3,10] [--passes 3] [--keep]
    make bench BENCH_ARGS="--scale 1,3,10"

The larger corpora repeat prose.jsonl with fresh ids (``r<k>-<line>``), written to a
temporary file on the fly (never stored in the repository).  At each size:

* our indexer (``python -m indexer``, as bench/indexing.py runs it) and a plain bulk
  of title+body (``standard`` analyzer) build their indices: docs/s of each and their ratio;
* the sizes of both indices (primaries, after a refresh);
* latency p50/p95 of the same 80 queries (bench/queries.py), interleaved query by
  query so that machine load hits every path alike: the service under gunicorn,
  the service's own ES requests (recorded from a real search, replayed directly) and a stock BM25
  ``multi_match`` over title+body of the plain index.
``uptime`` load is recorded before and after each size.  Indices are deleted after
each size unless ``--keep``.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import indexing  # noqa: E402
import queries  # noqa: E402
import service_requests  # noqa: E402
from common import NAMES, PROSE  # noqa: E402

PREFIX = "bench-scale"
NOTE = ("Each size is indexed by `python -m indexer` and by a plain bulk of title+body "
        "(`standard` analyzer); the service runs under gunicorn (2 workers). 'service's ES request' "
        "is the service's own requests (the lexicon `msearch`, then the search(es)), recorded from a "
        "real search and replayed directly; 'stock multi_match' is a BM25 `multi_match` over title+body of the plain index. "
        "The larger corpora repeat prose.jsonl with fresh ids, so their vocabulary does not grow.")
WARMUP_PASSES = 1
INDEX_TIMEOUT = 7200  # seconds for one indexer run (10x: 364k documents)


def write_corpus(out: Path, factor: int) -> int:
    """prose.jsonl ``factor`` times, each copy with fresh ids; returns the document count."""
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for rep in range(factor):
            with PROSE.open(encoding="utf-8") as source:
                for number, line in enumerate(source, 1):
                    record = json.loads(line)
                    record["id"] = f"r{rep}-{number}"
                    sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
    return count


def _size_mb(es_client, index: str) -> float:
    stats = es_client.indices.stats(index=index, metric="store").body["_all"]["primaries"]
    return round(stats["store"]["size_in_bytes"] / 2**20, 1)


def _timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def latencies(es_client, base: str, alias: str, plain: str, texts: list[str], passes: int) -> dict:
    """Interleaved sequential latencies of service / its ES request / stock multi_match."""
    import requests
    session = requests.Session()
    prepared = [service_requests.service_requests(es_client, alias, q, queries.SIZE) for q in texts]
    errors: list[tuple[str, int]] = []

    def service(i: int) -> None:
        """A refused search (the service's own deadline under load: 503) is counted, not fatal."""
        status = session.get(f"{base}/api/search", timeout=30,
                             params={"q": texts[i], "size": queries.SIZE}).status_code
        if status != 200:
            errors.append((texts[i], status))

    paths = {
        "service": service,
        "service_es": lambda i: service_requests.replay(es_client, prepared[i]),
        "stock": lambda i: es_client.search(index=plain, size=queries.SIZE, query={"multi_match": {
            "query": texts[i], "fields": ["title", "body"]}}),
    }
    times: dict[str, list[float]] = {name: [] for name in paths}
    for number in range(WARMUP_PASSES + passes):
        for i in range(len(texts)):
            for name, call in paths.items():
                spent = _timed(lambda: call(i))
                if number >= WARMUP_PASSES:
                    times[name].append(spent)
    result = {name: {"p50_ms": round(common.percentile(v, 50) * 1000, 2),
                     "p95_ms": round(common.percentile(v, 95) * 1000, 2)} for name, v in times.items()}
    result["service"]["errors"] = errors
    return result


def one_size(es_client, factor: int, texts: list[str], args, tag: str) -> dict:
    alias, plain = f"{PREFIX}-{tag}-{factor}x", f"{PREFIX}-{tag}-{factor}x-plain"
    row: dict = {"factor": factor, "load_before": common.loadavg()}
    try:
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
            corpus = Path(tmp) / f"prose-{factor}x.jsonl"
            row["documents"] = write_corpus(corpus, factor)
            print(f"  {factor}x: {row['documents']} documents, indexing ...", file=sys.stderr, flush=True)
            row["ours"] = indexing.ours(es_client, corpus, alias, timeout=INDEX_TIMEOUT)
            row["plain"] = indexing.plain_bulk(es_client, corpus, plain)
        row["ours"]["mb"] = _size_mb(es_client, alias)
        row["plain"]["mb"] = _size_mb(es_client, plain)
        with common.gunicorn(alias, workers=2) as base:
            row["latency"] = latencies(es_client, base, alias, plain, texts, args.passes)
        row["load_after"] = common.loadavg()
    finally:
        if not args.keep:
            common.delete_alias_indices(es_client, alias)
            es_client.options(ignore_status=404).indices.delete(index=plain)
    print(f"  {factor}x: {row}", file=sys.stderr, flush=True)
    return row


def run(args: argparse.Namespace) -> dict | None:
    missing = common.shared_missing(PROSE, NAMES)
    if missing:
        print(missing)
        return None
    es_client = common.client(timeout=300)
    texts = [q for _, q in queries.query_set()]
    tag = uuid.uuid4().hex[:6]
    result = {"es_version": common.es_version(es_client), "queries": len(texts), "passes": args.passes,
              "rows": [one_size(es_client, factor, texts, args, tag) for factor in args.scale]}
    return result


def render(result: dict) -> str:
    rows = []
    for r in result["rows"]:
        lat = r["latency"]
        rows.append([f"{r['factor']}x", r["documents"], r["ours"]["passages"], r["ours"]["docs_per_s"],
                     r["plain"]["docs_per_s"], round(r["ours"]["docs_per_s"] / r["plain"]["docs_per_s"], 2),
                     r["ours"]["mb"], r["plain"]["mb"],
                     f"{lat['service']['p50_ms']} / {lat['service']['p95_ms']}",
                     f"{lat['service_es']['p50_ms']} / {lat['service_es']['p95_ms']}",
                     f"{lat['stock']['p50_ms']} / {lat['stock']['p95_ms']}",
                     round(lat["service_es"]["p50_ms"] / lat["stock"]["p50_ms"], 1),
                     round(lat["service"]["p50_ms"] / lat["service_es"]["p50_ms"], 2),
                     f"{r['load_before']} -> {r['load_after']}"])
    return "\n".join([
        f"{result['queries']} queries x {result['passes']} passes per size, sequential, interleaved "
        "(service, its ES request, stock multi_match, query by query); latency p50 / p95 in ms:", "",
        common.table(["size", "docs", "passages", "indexer docs/s", "plain docs/s", "ratio",
                      "our MB", "plain MB", "service", "service's ES request", "stock multi_match",
                      "ES req / stock p50", "service / ES req p50", "load (1/5/15 min)"], rows)])


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="1,3,10", help="comma-separated factors (default 1,3,10)")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the indices (bench-scale-*)")
    args = parser.parse_args(argv)
    try:
        args.scale = [int(f) for f in args.scale.split(",")]
    except ValueError:
        parser.error(f"--scale takes comma-separated integers, not {args.scale!r}")
    if not args.scale or any(not 1 <= f <= 20 for f in args.scale):
        parser.error("--scale factors must be between 1 and 20")
    args.passes = max(1, min(args.passes, 10))
    return args


def main(argv: list[str] | None = None) -> int:
    common.report("scale", run(parse(argv)), render)
    return 0


if __name__ == "__main__":
    sys.exit(main())
