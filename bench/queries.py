"""Query latency and throughput: the service under gunicorn vs the same body sent straight to ES.

    .venv/bin/python bench/queries.py [--sample 0.1] [--full] [--seconds 10] [--passes 2]

Query set (fixed): 30 Latin and 30 Arabic names (names_dev.tsv, kind translit,
seed 7), 10 common words, 10 multi-word phrases.  Against the alias
``bench-prose`` (a fixed 10 % sample of prose.jsonl, indexed once if missing;
another ``--sample`` gets its own alias ``bench-prose-<pct>``):

* sequential latency p50/p95: (a) ``GET /api/search`` of the service under
  gunicorn (2 workers, free 127.0.0.1 port), (b) the service's own Elasticsearch requests,
  recorded from one real search and replayed directly;
* throughput at 8 and 32 concurrent clients, ``--seconds`` each, for both;
* where the service's time goes, by calling the pieces in-process;
* with ``--full``: p95 at 10 % and 100 % (alias ``bench-prose-100``).
The bench aliases are kept for the next run (delete ``bench-prose*`` to rebuild).
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
from common import NAMES, PROSE  # noqa: E402


COMMON_WORDS = ["الله", "قال", "رسول", "الناس", "يوم", "كتاب", "الأرض", "الماء", "الحكومة", "المدينة"]
PHRASES = ["رسول الله", "صلى الله عليه وسلم", "أبو هريرة", "يوم القيامة", "حقوق الإنسان",
           "الأمم المتحدة", "مجلس الأمن", "عبد الله بن عمر", "الشرق الأوسط", "أمير المؤمنين"]
CONCURRENCY = (8, 32)
SIZE = 10


def query_set(seed: int = 7) -> list[tuple[str, str]]:
    """(kind, query) pairs, always the same for the same names_dev.tsv."""
    with NAMES.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r["kind"] == "translit" and 0 < len(r["latin"]) <= 60 and 0 < len(r["arabic"]) <= 60]
    rng = random.Random(seed)
    picked = rng.sample(rows, 60)
    return ([("latin", r["latin"]) for r in picked[:30]] + [("arabic", r["arabic"]) for r in picked[30:]]
            + [("word", w) for w in COMMON_WORDS] + [("phrase", p) for p in PHRASES])


def alias_for(fraction: float) -> str:
    return "bench-prose" if abs(fraction - 0.1) < 1e-9 else f"bench-prose-{round(fraction * 100)}"


def ensure_index(es_client, fraction: float) -> tuple[str, int]:
    """The alias for ``fraction`` of the corpus, indexed now if it does not exist."""
    from arabic_search import es
    from indexer.load import index_paths
    alias = alias_for(fraction)
    indices = es.alias_indices(es_client, alias)
    if indices and _stale(es_client, indices[-1]):
        print(f"  '{alias}' was built with another mapping: rebuilding", file=sys.stderr, flush=True)
        indices = []
    if not indices:
        print(f"  indexing {fraction:.0%} of prose.jsonl into '{alias}' ...", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="bench-queries-") as tmp:
            path = Path(tmp) / "sample.jsonl"
            common.write_sample(PROSE, fraction, path)
            index_paths(es_client, alias, [str(path)], replace=True, quiet=True,
                        report=lambda message: None)
    count = es_client.count(index=alias, query={"term": {"kind": "passage"}})["count"]
    return alias, count


def _stale(es_client, index: str) -> bool:
    """True when ``index`` lacks a field of the current mapping (the analysis code moved on)."""
    from arabic_search import mapping
    found = es_client.indices.get_mapping(index=index).body[index]["mappings"].get("properties", {})
    return set(found) != set(mapping.index_mapping()["properties"])


def _service_worker(base: str, queries: list[str]):
    import requests

    def make(_: int):
        session = requests.Session()

        def call(i: int):
            started = time.perf_counter()
            response = session.get(f"{base}/api/search", params={"q": queries[i % len(queries)],
                                                                 "size": SIZE}, timeout=30)
            return response.status_code == 200, time.perf_counter() - started
        return call
    return make


class _Recorder:
    """A client stand-in that records the search/msearch/mget calls made through it (and
    forwards them), so the service's own requests can be replayed without its Python."""

    CALLS = ("search", "msearch", "mget")

    def __init__(self, client, calls: list | None = None, spent: list | None = None):
        self._client = client
        self.calls = [] if calls is None else calls
        self.spent = [] if spent is None else spent   # (call name, seconds)

    def options(self, **options):
        return _Recorder(self._client.options(**options), self.calls, self.spent)

    def __getattr__(self, name: str):
        target = getattr(self._client, name)
        if name not in self.CALLS:
            return target

        def record(**kwargs):
            started = time.perf_counter()
            try:
                return target(**kwargs)
            finally:
                self.calls.append((name, kwargs))
                self.spent.append((name, time.perf_counter() - started))
        return record


def service_requests(es_client, alias: str, query: str) -> list[tuple[str, dict]]:
    """The Elasticsearch requests the service sends for ``query`` (fuzzy on, first page),
    recorded from one real ``service.search.search`` call."""
    from service.params import SearchParams
    from service.search import search
    recorder = _Recorder(es_client)
    search(recorder, alias, SearchParams(q=query, size=SIZE))
    return recorder.calls


def send_service_requests(es_client, alias: str, requests: list[tuple[str, dict]]) -> None:
    """Replay the service's requests as recorded by ``service_requests``."""
    for name, kwargs in requests:
        getattr(es_client, name)(**kwargs)


def _es_worker(es_client, alias: str, prepared: list[tuple[list[dict], dict]]):
    def make(_: int):
        def call(i: int):
            started = time.perf_counter()
            send_service_requests(es_client, alias, prepared[i % len(prepared)])
            return True, time.perf_counter() - started
        return call
    return make


def sequential(make, count: int, passes: int) -> dict:
    """Latency of each query in turn (one warm-up pass not counted)."""
    call = make(0)
    for i in range(count):
        call(i)
    latencies, errors = [], 0
    for i in range(count * passes):
        ok, latency = call(i)
        latencies.append(latency)
        errors += not ok
    return {"requests": len(latencies), "errors": errors,
            "p50_ms": round(common.percentile(latencies, 50) * 1000, 1),
            "p95_ms": round(common.percentile(latencies, 95) * 1000, 1)}


def breakdown(es_client, alias: str, queries: list[str], passes: int) -> dict:
    """Mean ms per search in each kind of Elasticsearch call and in the service's Python
    (``service.search.search`` in-process, its ES calls timed through a recorder)."""
    from service.params import SearchParams
    from service.search import search
    stages: dict[str, list[float]] = {}
    for _ in range(passes):
        for q in queries:
            recorder = _Recorder(es_client)
            started = time.perf_counter()
            search(recorder, alias, SearchParams(q=q, size=SIZE))
            total = time.perf_counter() - started
            per: dict[str, float] = {}
            for name, seconds in recorder.spent:
                per[f"es {name}"] = per.get(f"es {name}", 0.0) + seconds
            per["python (analysis, plan, acceptance, explanation)"] = total - sum(per.values())
            for key, seconds in per.items():
                stages.setdefault(key, []).append(seconds * 1000)
    count = passes * len(queries)
    means = {k: round(sum(v) / count, 2) for k, v in stages.items()}  # absent = 0 ms
    total = sum(means.values())
    return {"mean_ms": means, "p95_ms": {k: round(common.percentile(v, 95), 2) for k, v in stages.items()},
            "total_mean_ms": round(total, 2), "share": {k: round(v / total, 3) for k, v in means.items()}}


def measure(es_client, alias: str, queries: list[str], args, throughput: bool) -> dict:
    bodies = [service_requests(es_client, alias, q) for q in queries]
    result: dict = {"alias": alias}
    with common.gunicorn(alias, workers=2) as base:
        result["service_seq"] = sequential(_service_worker(base, queries), len(queries), args.passes)
        if throughput:
            result["service_load"] = [common.load(_service_worker(base, queries), n, args.seconds)
                                      for n in CONCURRENCY]
    result["es_seq"] = sequential(_es_worker(es_client, alias, bodies), len(queries), args.passes)
    if throughput:
        result["es_load"] = [common.load(_es_worker(es_client, alias, bodies), n, args.seconds)
                             for n in CONCURRENCY]
    return result


def run(args: argparse.Namespace) -> dict | None:
    missing = common.shared_missing(PROSE, NAMES)
    if missing:
        print(missing)
        return None
    es_client = common.client(timeout=60, connections=max(CONCURRENCY) + 4)
    kinds_queries = query_set()
    queries = [q for _, q in kinds_queries]
    alias, passages = ensure_index(es_client, args.sample)
    result = {"es_version": common.es_version(es_client), "queries": kinds_queries,
              "sample": args.sample, "passages": passages, "seconds_per_load": args.seconds}
    result["main"] = measure(es_client, alias, queries, args, throughput=True)
    result["breakdown"] = breakdown(es_client, alias, queries, 1)
    if args.full:
        full_alias, full_passages = ensure_index(es_client, 1.0)
        result["full"] = {"passages": full_passages,
                          **measure(es_client, full_alias, queries, args, throughput=False)}
    return result


def render(result: dict) -> str:
    main = result["main"]
    seq_s, seq_e = main["service_seq"], main["es_seq"]
    lines = [f"{len(result['queries'])} queries (30 Latin names, 30 Arabic names, 10 words, 10 phrases), "
             f"size={SIZE}, fuzzy on, index '{main['alias']}' ({result['passages']} passages, "
             f"{result['sample']:.0%} sample):", "",
             "Sequential latency (one client, warm):", "",
             common.table(["path", "p50 ms", "p95 ms", "errors"], [
                 ["service (gunicorn, 2 workers, HTTP)", seq_s["p50_ms"], seq_s["p95_ms"], seq_s["errors"]],
                 ["ES direct (the service's requests, replayed)", seq_e["p50_ms"], seq_e["p95_ms"], seq_e["errors"]],
                 ["ratio service / ES", round(seq_s["p50_ms"] / seq_e["p50_ms"], 2),
                  round(seq_s["p95_ms"] / seq_e["p95_ms"], 2), ""]]),
             "", f"Throughput ({result['seconds_per_load']} s per row, Python threads):", "",
             common.table(["clients", "service req/s", "service p95 ms", "service errors",
                           "ES req/s", "ES p95 ms", "ES errors", "ratio service/ES req/s"], [
                 [s["threads"], s["rps"], s["p95_ms"], s["errors"], e["rps"], e["p95_ms"], e["errors"],
                  round(s["rps"] / e["rps"], 2) if e["rps"] else "-"]
                 for s, e in zip(main["service_load"], main["es_load"])])]
    bd = result["breakdown"]
    lines += ["", "Where one search's time goes (in-process, mean over the query set):", "",
              common.table(["stage", "mean ms", "p95 ms", "share"], [
                  [k, bd["mean_ms"][k], bd["p95_ms"][k], f"{bd['share'][k]:.0%}" if k in bd["share"] else
                   "(inside round trip)"] for k in bd["mean_ms"]])]
    rows = [["10 %", result["passages"], seq_s["p95_ms"], seq_e["p95_ms"]]]
    if result.get("full"):
        full = result["full"]
        rows.append(["100 %", full["passages"], full["service_seq"]["p95_ms"], full["es_seq"]["p95_ms"]])
    lines += ["", "Scale (sequential p95):" + ("" if result.get("full") else " 100 % only with `--full`"), "",
              common.table(["corpus", "passages", "service p95 ms", "ES p95 ms"], rows)]
    return "\n".join(lines)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=float, default=0.1)
    parser.add_argument("--full", action="store_true", help="also measure p95 on 100 %% of the corpus")
    parser.add_argument("--seconds", type=float, default=10.0, help="per throughput row (max 120)")
    parser.add_argument("--passes", type=int, default=2, help="measured passes over the query set")
    args = parser.parse_args(argv)
    args.seconds = max(1.0, min(args.seconds, 120.0))
    args.passes = max(1, min(args.passes, 10))
    args.sample = max(0.001, min(args.sample, 1.0))
    return args


def main(argv: list[str] | None = None) -> int:
    common.report("queries", run(parse(argv)), render)
    return 0


if __name__ == "__main__":
    sys.exit(main())
