"""Where one search's time goes: each Elasticsearch call (server ``took`` and round trip)
and the Python stages between them, beside a stock BM25 ``multi_match``.

    .venv/bin/python bench/profile_service.py --alias latency-prof --plain latency-plain \
        [--passes 3] [--http] [--dump responses.json] [--compare responses.json] [--raw run.json]
    .venv/bin/python bench/profile_service.py --merge run1.json run2.json ...
    .venv/bin/python bench/profile_service.py --ab /tmp/before [--passes 3]   # HTTP, A/B
    .venv/bin/python bench/profile_service.py --root /tmp/before --alias OLD_ALIAS ...  # in-process

``service.search.search`` runs in-process with the service's own hardened client,
which is wrapped to time every call it makes; the service's stage functions are
wrapped too, so each search is split into ES calls and Python work (plan, lookups'
answers, coverage, explanation + highlight, spellings).  The query set is fixed:
headlines (titles), rare words, Latin names, Arabic names, common words and phrases,
taken from the files behind ``--alias`` (``--data``).  ``--plain`` (built from the same
files when missing) holds title/body under the ``standard`` analyzer for the stock
query, interleaved query by query so the machine's load hits both alike.
``--root`` profiles another checkout's service (imported from there, e.g. ``git archive``
of an older commit, on an index built by its own indexer); run it and this checkout in
turn with ``--raw`` to compare.  ``--dump`` writes the service's full responses (``took_ms`` left out); ``--compare``
checks them against an earlier dump: a change for speed must return the same.
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import os
import json
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import queries  # noqa: E402
import same_responses  # noqa: E402

PER_KIND = 8
RARE_MIN_LENGTH = 7
ARABIC_WORD = re.compile(r"[\u0621-\u064A]+")
# Service stages timed (own time, ES calls inside them left out), when service.search has them.
STAGES = ("plan_search", "searched_plan", "_ranked_hits", "_hit", "spelling_counts",
          "did_you_mean", "facet_counts")
DEFAULT_DATA = Path("/tmp/latency-data")


def _records(data: Path) -> list[dict]:
    docs = []
    for path in sorted(data.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            docs += [json.loads(line) for line in handle if line.strip()]
    return docs


def query_set(docs: list[dict], seed: int = 11) -> list[tuple[str, str]]:
    """(kind, query): PER_KIND of each kind, the same for the same files."""
    rng = random.Random(seed)
    titles = sorted({d.get("title", "") for d in docs if 2 <= len(d.get("title", "").split()) <= 8})
    frequency = collections.Counter(w for d in docs for w in set(ARABIC_WORD.findall(d.get("body", ""))))
    rare = sorted(w for w, n in frequency.items() if n == 2 and len(w) >= RARE_MIN_LENGTH)
    named = queries.query_set()
    latin = [q for k, q in named if k == "latin"][:PER_KIND]
    arabic = [q for k, q in named if k == "arabic"][:PER_KIND]
    return ([("headline", t) for t in rng.sample(titles, PER_KIND)]
            + [("rare", w) for w in rng.sample(rare, PER_KIND)]
            + [("latin", q) for q in latin] + [("arabic", q) for q in arabic]
            + [("word", w) for w in queries.COMMON_WORDS[:PER_KIND // 2]]
            + [("phrase", p) for p in queries.PHRASES[:PER_KIND // 2]])


def multi_words(known: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(kind "multi", query): the names of common words of same_responses.py and the
    phrases of bench/queries.py not in ``known`` (the holders look-up's costliest cases)."""
    seen = {text for _, text in known}
    return [("multi", text) for text in dict.fromkeys(same_responses.COMMON_NAMES + queries.PHRASES)
            if text not in seen]


def _label(body: dict | None) -> str:
    """What a request is for, read from its body."""
    body = body or {}
    aggs = body.get("aggs", {})
    if "collapse" in body:
        return "search" + ("+inner_hits" if "inner_hits" in body["collapse"] else "")
    if aggs and "bool" not in body.get("query", {}) and all(re.fullmatch(r"(w|count)\d\w*", k) for k in aggs):
        kinds = {"holder-counts" if k.startswith("count") else "holders" for k in aggs}  # over every passage
        return "+".join(sorted(kinds))
    if "w0" in aggs or "passages" in aggs:
        return "+".join(k for k in ("coverage", "passages")
                        if (k == "coverage" and "w0" in aggs) or k in aggs)
    if "spellings" in aggs:
        return "spellings"
    if "suggest" in body:
        return "did-you-mean"
    return "lookup"


class Recorder:
    """The client, each call timed: (label, round trip ms, server took ms, start, end)."""

    def __init__(self, client, calls: list):
        self._client, self.calls = client, calls

    def options(self, **kwargs):
        return Recorder(self._client.options(**kwargs), self.calls)

    def __getattr__(self, name):
        return getattr(self._client, name)

    def _timed(self, label: str, method, kwargs: dict):
        started = time.perf_counter()
        response = method(**kwargs)
        ended = time.perf_counter()
        body = response.body if hasattr(response, "body") else {}
        took = body.get("took") if isinstance(body, dict) else None
        self.calls.append((label, (ended - started) * 1000, took, started, ended))
        return response

    def search(self, **kwargs):
        return self._timed(_label(kwargs.get("body")), self._client.search, kwargs)

    def msearch(self, **kwargs):
        bodies = kwargs.get("searches") or kwargs.get("body") or []
        labels = sorted({_label(b) for b in bodies[1::2]})
        return self._timed("msearch:" + "+".join(labels), self._client.msearch, kwargs)

    def mget(self, **kwargs):
        return self._timed("mget", self._client.mget, kwargs)


def _wrap_stages(module, spans: list) -> None:
    """Time the service's stage functions (inclusive; ES calls are subtracted later)."""
    for name in STAGES:
        function = getattr(module, name, None)
        if function is None:
            continue

        def timed(*args, __function=function, __name=name, **kwargs):
            started = time.perf_counter()
            try:
                return __function(*args, **kwargs)
            finally:
                spans.append((__name, started, time.perf_counter()))
        setattr(module, name, timed)


def _own(span: tuple, calls: list) -> float:
    """A span's ms less the ES calls made inside it."""
    _, started, ended = span
    inside = sum(c[1] for c in calls if c[3] >= started and c[4] <= ended)
    return (ended - started) * 1000 - inside


def profile_one(module, client, alias: str, params, calls: list, spans: list) -> dict:
    calls.clear()
    spans.clear()
    started = time.perf_counter()
    response = module.search(client, alias, params)
    total = (time.perf_counter() - started) * 1000
    es_wall = sum(c[1] for c in calls)
    row = {"total": total, "es_wall": es_wall, "python": total - es_wall,
           "calls": len(calls), "es": [(c[0], c[1], c[2]) for c in calls]}
    for span in spans:
        key = f"py:{span[0]}"
        row[key] = row.get(key, 0.0) + _own(span, calls)
    return row, response


def stock(es_client, plain: str, text: str) -> tuple[float, float]:
    started = time.perf_counter()
    body = es_client.search(index=plain, size=queries.SIZE, query={"multi_match": {
        "query": text, "fields": ["title", "body"]}}).body
    return (time.perf_counter() - started) * 1000, body.get("took", 0)


def ensure_plain(es_client, plain: str, docs: list[dict]) -> None:
    """A stock index of the same documents: title and body under ``standard``, one shard."""
    from elasticsearch import helpers
    if es_client.indices.exists(index=plain):
        return
    es_client.indices.create(index=plain, settings={"number_of_shards": 1, "number_of_replicas": 0},
                             mappings={"properties": {"title": {"type": "text"},
                                                      "body": {"type": "text"}}})
    helpers.bulk(es_client, ({"_index": plain, "_source": {"title": d.get("title", ""),
                                                          "body": d.get("body", "")}}
                             for d in docs), refresh=True)


def _p(values: list[float], pct: float) -> float:
    return round(common.percentile(values, pct), 2) if values else 0.0


def summarize(rows: list[dict], stocks: list[tuple[float, float]]) -> dict:
    per_call: dict[str, list] = collections.defaultdict(list)
    for row in rows:
        for label, wall, took in row["es"]:
            per_call[label].append((wall, took or 0))
    out = {"searches": len(rows), "calls_per_search": statistics.fmean(r["calls"] for r in rows)}
    for key in ("total", "es_wall", "python"):
        out[key] = {"p50": _p([r[key] for r in rows], 50), "p95": _p([r[key] for r in rows], 95)}
    out["es_calls"] = {label: {"per_search": round(len(v) / len(rows), 2),
                               "wall_p50": _p([w for w, _ in v], 50),
                               "took_p50": _p([t for _, t in v], 50),
                               "wall_p95": _p([w for w, _ in v], 95)} for label, v in per_call.items()}
    kinds = sorted({r["kind"] for r in rows})
    out["by_kind"] = {k: _p([r["total"] for r in rows if r["kind"] == k], 50) for k in kinds}
    out["by_kind_p95"] = {k: _p([r["total"] for r in rows if r["kind"] == k], 95) for k in kinds}
    stages = sorted({k for r in rows for k in r if k.startswith("py:")})
    out["python_stages"] = {k: {"mean": round(statistics.fmean(r.get(k, 0.0) for r in rows), 2),
                                "p95": _p([r.get(k, 0.0) for r in rows], 95)} for k in stages}
    out["stock"] = {"wall_p50": _p([s[0] for s in stocks], 50), "took_p50": _p([s[1] for s in stocks], 50),
                    "wall_p95": _p([s[0] for s in stocks], 95)}
    if stocks:
        out["ratio_es_to_stock"] = round(out["es_wall"]["p50"] / out["stock"]["wall_p50"], 2)
    out["ratio_service_to_es"] = round(out["total"]["p50"] / max(out["es_wall"]["p50"], 1e-9), 2)
    return out


def render(summary: dict, load: tuple[str, str]) -> str:
    s = summary
    lines = [f"{s['searches']} searches, {s['calls_per_search']:.2f} ES calls per search; "
             f"load {load[0]} -> {load[1]}", "",
             common.table(["", "p50 ms", "p95 ms"], [
                 ["service search (in-process)", s["total"]["p50"], s["total"]["p95"]],
                 ["  of which ES calls (round trips)", s["es_wall"]["p50"], s["es_wall"]["p95"]],
                 ["  of which Python", s["python"]["p50"], s["python"]["p95"]],
                 ["stock multi_match round trip", s["stock"]["wall_p50"], s["stock"]["wall_p95"]],
                 ["stock multi_match took", s["stock"]["took_p50"], ""]]), "",
             common.table(["ES call", "per search", "round trip p50", "took p50", "round trip p95"],
                          [[k, v["per_search"], v["wall_p50"], v["took_p50"], v["wall_p95"]]
                           for k, v in s["es_calls"].items()]), "",
             common.table(["Python stage (own time)", "mean ms", "p95 ms"],
                          [[k[3:], v["mean"], v["p95"]] for k, v in s["python_stages"].items()]), "",
             "service p50 (p95) by kind: " + ", ".join(f"{k} {v} ({s.get('by_kind_p95', {}).get(k)})"
                                                      for k, v in s["by_kind"].items()), "",
             f"ratios: service ES / stock = {s.get('ratio_es_to_stock')}, "
             f"service / its ES = {s['ratio_service_to_es']}"]
    return "\n".join(lines)


def _comparable(response: dict) -> dict:
    return {k: v for k, v in response.items() if k != "took_ms"}


def variants(text: str):
    """The parameter sets a response is compared under (page 1 explained, page 2, by date)."""
    from service.params import SearchParams
    return {"p1": SearchParams(q=text, size=queries.SIZE, explain=True),
            "p2": SearchParams(q=text, size=queries.SIZE, page=2),
            "date": SearchParams(q=text, size=5, sort="date")}


def _stock_worker(es_client, plain: str, texts: list[str]):
    def make(_: int):
        def call(i: int):
            return True, stock(es_client, plain, texts[i % len(texts)])[0] / 1000
        return call
    return make


def http_figures(es_client, alias: str, plain: str, texts: list[str], passes: int) -> dict:
    """``make bench``'s view: the service under gunicorn (HTTP, 2 workers), its own ES
    requests replayed (``queries.service_requests``) and the stock query, one block each."""
    prepared = [queries.service_requests(es_client, alias, q) for q in texts]
    with common.gunicorn(alias, workers=2) as base:
        service = queries.sequential(queries._service_worker(base, texts), len(texts), passes)
    replayed = queries.sequential(queries._es_worker(es_client, alias, prepared), len(texts), passes)
    plain_seq = queries.sequential(_stock_worker(es_client, plain, texts), len(texts), passes)
    return {"service_http": service, "es_replayed": replayed, "stock": plain_seq,
            "ratio_service_to_es": round(service["p50_ms"] / replayed["p50_ms"], 2),
            "ratio_es_to_stock": round(replayed["p50_ms"] / plain_seq["p50_ms"], 2)}


@contextlib.contextmanager
def _served(root: Path, alias: str):
    """gunicorn (2 workers) serving the checkout at ``root`` on a free port: its base URL."""
    port = common.free_port()
    env = dict(os.environ, SEARCH_INDEX=alias, PYTHONPATH=str(root))
    with open(f"/tmp/profile-gunicorn-{port}.log", "w") as log:
        process = subprocess.Popen([str(common.VENV_BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}",
                                    "--workers", "2", "--threads", "4", "--log-level", "warning",
                                    "service:create_app()"], cwd=root, env=env, stdout=log, stderr=log)
        try:
            if not common.wait_http(f"http://127.0.0.1:{port}/api/health", 60):
                raise RuntimeError(f"gunicorn for {root} did not start (log: {log.name})")
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=15)


def http_ab(alias: str, other: Path, texts: list[str], passes: int) -> dict:
    """This checkout and ``other`` (e.g. the code before a change, ``git archive``d) served
    side by side, each query sent to one then the other: the same load hits both."""
    import requests
    latencies: dict[str, list[float]] = {"other": [], "this": []}
    with _served(other, alias) as other_url, _served(common.ROOT, alias) as this_url:
        sessions = {name: requests.Session() for name in latencies}
        for rep in range(passes + 1):  # the first pass warms caches up, not counted
            for text in texts:
                for name, url in (("other", other_url), ("this", this_url)):
                    started = time.perf_counter()
                    sessions[name].get(f"{url}/api/search", params={"q": text, "size": queries.SIZE},
                                       timeout=30).raise_for_status()
                    if rep:
                        latencies[name].append((time.perf_counter() - started) * 1000)
    return {name: {"p50": _p(v, 50), "p95": _p(v, 95), "n": len(v)} for name, v in latencies.items()}


def merge(paths: list[Path]) -> int:
    """One summary of several runs' rows (e.g. before and after interleaved run by run)."""
    rows, stocks, loads, http = [], [], [], []
    for path in paths:
        raw = json.loads(path.read_text(encoding="utf-8"))
        rows += raw["rows"]
        stocks += [tuple(s) for s in raw["stocks"]]
        loads += raw["load"]
        http += [raw["http"]] if raw.get("http") else []
    print(render(summarize(rows, stocks), (loads[0], loads[-1])))
    if http:
        print(common.table(["HTTP run", "service p50", "service p95", "its ES replayed p50",
                            "stock p50", "service / ES", "ES / stock"], [
            [n + 1, h["service_http"]["p50_ms"], h["service_http"]["p95_ms"],
             h["es_replayed"]["p50_ms"], h["stock"]["p50_ms"], h["ratio_service_to_es"],
             h["ratio_es_to_stock"]] for n, h in enumerate(http)]))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alias", default="latency-prof")
    parser.add_argument("--plain", default="latency-plain")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the .jsonl files behind --alias (for the query set and --plain)")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--json", type=Path, help="write the summary here")
    parser.add_argument("--http", action="store_true",
                        help="also the service under gunicorn against its replayed ES requests")
    parser.add_argument("--ab", type=Path, metavar="ROOT",
                        help="only serve this checkout and the one at ROOT side by side (HTTP)")
    parser.add_argument("--raw", type=Path, help="write every search's row here (for --merge)")
    parser.add_argument("--root", type=Path, help="profile the service of the checkout at ROOT")
    parser.add_argument("--multi", action="store_true",
                        help="also names of common words and 2-4 word phrases (kind multi)")
    parser.add_argument("--merge", type=Path, nargs="+",
                        help="only summarise --raw files of earlier runs together")
    args = parser.parse_args(argv)
    if args.merge:
        return merge(args.merge)
    if args.ab:
        load = Path("/proc/loadavg").read_text().split()[0:3]
        texts = [text for _, text in query_set(_records(args.data))]
        print(json.dumps(http_ab(args.alias, args.ab, texts, args.passes)), "load", " ".join(load),
              "->", " ".join(Path("/proc/loadavg").read_text().split()[0:3]))
        return 0
    if args.root:
        same_responses._use_checkout(args.root)
    from service import create_app
    from service import search as module
    from service.params import SearchParams
    try:
        from service.elastic import get_client
    except ImportError:  # older checkouts kept it in the package itself
        from service import get_client
    app = create_app({"ELASTICSEARCH_URL": common.es_url(), "SEARCH_INDEX": args.alias, "TESTING": True})
    with app.app_context():
        client = get_client()
    docs = _records(args.data)
    texts = query_set(docs) + (multi_words(query_set(docs)) if args.multi else [])
    es_client = common.client()
    ensure_plain(es_client, args.plain, docs)
    calls: list = []
    spans: list = []
    recorder = Recorder(client, calls)
    _wrap_stages(module, spans)
    if args.dump or args.compare:
        responses = {f"{kind}|{text}|{name}": _comparable(module.search(client, args.alias, params))
                     for kind, text in texts for name, params in variants(text).items()}
        same_responses.dump_or_compare(responses, args.dump, args.compare, shown=20)
    for _, text in texts:  # warm-up: caches as a running service has them
        module.search(client, args.alias, SearchParams(q=text, size=queries.SIZE))
        stock(es_client, args.plain, text)
    load_before = Path("/proc/loadavg").read_text().split()[0:3]
    rows, stocks = [], []
    for _ in range(args.passes):
        for kind, text in texts:
            row, _ = profile_one(module, recorder, args.alias, SearchParams(q=text, size=queries.SIZE),
                                 calls, spans)
            rows.append({"kind": kind, "query": text, **row})
            stocks.append(stock(es_client, args.plain, text))
    load_after = Path("/proc/loadavg").read_text().split()[0:3]
    summary = summarize(rows, stocks)
    summary["load"] = [" ".join(load_before), " ".join(load_after)]
    print(render(summary, tuple(summary["load"])))
    if args.http:
        summary["http"] = http_figures(es_client, args.alias, args.plain,
                                       [text for _, text in texts], args.passes)
        print(json.dumps(summary["http"], indent=1))
    if args.raw:
        args.raw.write_text(json.dumps({"rows": rows, "stocks": stocks, "load": summary["load"],
                                        "http": summary.get("http")}), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
