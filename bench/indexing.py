"""Indexing throughput: our indexer (full Python analysis) vs a plain bulk, and peak RSS.

    .venv/bin/python bench/indexing.py [--reps 3] [--sample 0.1 | --full] [--no-rss]
                                       [--baseline DIR] [--workers N]

* Side by side, ``--reps`` times on the same documents (a fixed 10 % sample of
  ../shared/data/prose.jsonl, or all of it with ``--full``), interleaved so that
  other work on the machine hits every pipeline alike: ``python -m indexer`` of this
  checkout (a cold process, as a user runs it) vs ``helpers.streaming_bulk`` of
  title+body into an index with only the ``standard`` analyzer (same shards/replicas,
  refresh off during the bulk, one refresh at the end).  Medians of docs/s, their
  ratio, and the indexer's CPU seconds (the process's own rusage, which the load
  disturbs far less than wall time).
* ``--baseline 'DIR [ARGS]'`` (repeatable) adds ``python -m indexer [ARGS]`` of another
  checkout (e.g. ``git archive main``) in the same reps: before and after, in one run.
* Peak RSS of ``python -m indexer`` under ``/usr/bin/time -v`` for 10 % and 100 %.
``uptime`` is recorded before and after.  Every index created here is deleted at the end.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
from common import PROSE, ROOT, VENV_BIN  # noqa: E402

PREFIX = "bench-idx"
RSS_TIMEOUT = 900  # seconds for one ``python -m indexer`` run


def plain_bulk(es_client, path: Path, index: str, shards: int = 1, replicas: int = 0) -> dict:
    from elasticsearch import helpers
    started = time.monotonic()
    es_client.indices.create(index=index, settings={
        "number_of_shards": shards, "number_of_replicas": replicas, "refresh_interval": "-1"},
        mappings={"dynamic": "strict", "properties": {
            "title": {"type": "text", "analyzer": "standard"},
            "body": {"type": "text", "analyzer": "standard"}}})

    def actions():
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                record = json.loads(line)
                yield {"_index": index, "_id": str(number),
                       "_source": {"title": record.get("title") or "", "body": record.get("body") or ""}}

    docs = errors = 0
    for ok, _ in helpers.streaming_bulk(es_client, actions(), chunk_size=500, raise_on_error=False,
                                        max_retries=3, initial_backoff=1):
        docs += ok
        errors += not ok
    es_client.indices.put_settings(index=index, settings={"index": {"refresh_interval": "1s"}})
    es_client.indices.refresh(index=index)
    seconds = time.monotonic() - started
    return {"documents": docs, "errors": errors, "seconds": round(seconds, 2),
            "docs_per_s": round(docs / seconds, 1)}


SUMMARY = re.compile(r"indexed (\d+) documents, (\d+) passages")


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ours(es_client, path: Path, alias: str, checkout: Path = ROOT, extra: tuple[str, ...] = (),
         timeout: float = RSS_TIMEOUT) -> dict:
    """``python -m indexer`` of ``checkout`` on ``path`` (a fresh process: caches cold, start-up
    counted, as a user runs it): docs/s and the process's CPU seconds."""
    env = dict(os.environ, ELASTICSEARCH_URL=common.es_url(), PYTHONPATH=str(checkout))
    cpu, started = _children_cpu_s(), time.monotonic()
    proc = subprocess.run([str(VENV_BIN / "python"), "-m", "indexer", "--index", alias, "--replace",
                           "--quiet", "--replicas", "0", *extra, str(path)],
                          cwd=checkout, env=env, capture_output=True, text=True, timeout=timeout)
    seconds = time.monotonic() - started
    found = SUMMARY.search(proc.stderr)
    if proc.returncode != 0 or not found:
        raise RuntimeError(f"indexer at {checkout} failed ({proc.returncode}): {proc.stderr[-500:]}")
    documents, passages = int(found.group(1)), int(found.group(2))
    return {"documents": documents, "passages": passages, "seconds": round(seconds, 2),
            "docs_per_s": round(documents / seconds, 1),
            "python_cpu_s": round(_children_cpu_s() - cpu, 2)}


def pipelines(args: argparse.Namespace) -> dict[str, tuple[Path, tuple[str, ...]]]:
    """label -> (checkout, extra CLI arguments) of the indexer runs to compare."""
    found = {"indexer (this checkout)": (ROOT, ())}
    if getattr(args, "workers", None):
        found[f"indexer (this checkout, --workers {args.workers})"] = (ROOT, ("--workers", str(args.workers)))
    for baseline in getattr(args, "baseline", None) or ():
        directory, *extra = shlex.split(baseline)
        found[f"indexer (baseline: {baseline})"] = (Path(directory).resolve(), tuple(extra))
    return found


def peak_rss(path: Path, alias: str) -> dict:
    """Max RSS (MB) of ``python -m indexer`` on ``path``, from GNU time -v."""
    if not Path("/usr/bin/time").exists():
        return {"error": "/usr/bin/time is absent"}
    env = dict(os.environ, ELASTICSEARCH_URL=common.es_url(), PYTHONPATH=str(ROOT))
    started = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-v", str(VENV_BIN / "python"), "-m", "indexer",
                           "--index", alias, "--replace", "--quiet", str(path)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=RSS_TIMEOUT)
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    summary = re.search(r"indexed (\d+) documents", proc.stderr)
    return {"exit": proc.returncode, "rss_mb": round(int(found.group(1)) / 1024, 1) if found else None,
            "documents": int(summary.group(1)) if summary else None,
            "seconds": round(time.monotonic() - started, 1)}


def run(args: argparse.Namespace) -> dict | None:
    missing = common.shared_missing(PROSE)
    if missing:
        print(missing)
        return None
    es_client = common.client()
    tag = uuid.uuid4().hex[:6]
    fraction = 1.0 if args.full else args.sample
    result: dict = {"fraction": fraction, "reps": args.reps, "es_version": common.es_version(es_client)}
    with tempfile.TemporaryDirectory(prefix="bench-indexing-") as tmp:
        sample = Path(tmp) / f"prose-{int(fraction * 100)}pct.jsonl"
        result["documents"] = common.write_sample(PROSE, fraction, sample)
        rows = []
        result["load_before"] = common.loadavg()
        try:
            for rep in range(args.reps):  # interleaved: machine load hits every pipeline alike
                row = {label: ours(es_client, sample, f"{PREFIX}-{tag}-ours", checkout, extra)
                       for label, (checkout, extra) in pipelines(args).items()}
                row["plain"] = plain_bulk(es_client, sample, f"{PREFIX}-{tag}-plain-{rep}")
                es_client.options(ignore_status=404).indices.delete(index=f"{PREFIX}-{tag}-plain-{rep}")
                rows.append(row)
                print(f"  rep {rep + 1}: " + ", ".join(f"{k} {v['docs_per_s']} docs/s" for k, v in row.items()),
                      file=sys.stderr, flush=True)
            result["load_after"] = common.loadavg()
            result["reps_detail"] = rows
            result["median"] = _medians(rows)
            if not args.no_rss:
                rss_sample = Path(tmp) / "prose-10pct.jsonl"
                common.write_sample(PROSE, 0.1, rss_sample)
                result["rss"] = {}
                for label, path in (("10%", rss_sample), ("100%", PROSE)):
                    print(f"  peak RSS of python -m indexer on {label} ...", file=sys.stderr, flush=True)
                    result["rss"][label] = peak_rss(path, f"{PREFIX}-{tag}-rss")
        finally:
            common.delete_alias_indices(es_client, f"{PREFIX}-{tag}-ours")
            common.delete_alias_indices(es_client, f"{PREFIX}-{tag}-rss")
            common.delete_matching(es_client, f"{PREFIX}-{tag}-*")
    return result


def _medians(rows: list[dict]) -> dict:
    """Per pipeline: median docs/s, its ratio to the plain bulk, median CPU seconds."""
    out: dict = {}
    plain = statistics.median(r["plain"]["docs_per_s"] for r in rows)
    for label in rows[0]:
        rate = statistics.median(r[label]["docs_per_s"] for r in rows)
        out[label] = {"docs_per_s": rate, "ratio_to_plain": round(rate / plain, 2),
                      "python_cpu_s": statistics.median(r[label].get("python_cpu_s", 0) for r in rows)}
    first = next(iter(rows[0].values()))
    out["passages_per_doc"] = round(first["passages"] / max(1, first["documents"]), 2)
    # The figures make bench/run.py and older reports used, for the first (this checkout's) pipeline.
    first_rate = out[next(iter(rows[0]))]["docs_per_s"]
    out.update(ours_docs_per_s=first_rate, plain_docs_per_s=plain,
               ratio_plain_over_ours=round(plain / first_rate, 2))
    return out


def render(result: dict) -> str:
    med = result["median"]
    labels = list(result["reps_detail"][0])
    lines = [f"Indexing {result['documents']} documents ({result['fraction']:.0%} of prose.jsonl), "
             f"median of {result['reps']} interleaved reps, 1 shard, 0 replicas; "
             f"load (1/5/15 min) {result.get('load_before')} -> {result.get('load_after')}:", "",
             common.table(["pipeline", "docs/s (median)", "ratio to plain", "indexer CPU s",
                           "per-rep docs/s"], [
                 [("plain bulk (standard analyzer)" if label == "plain" else label),
                  med[label]["docs_per_s"], med[label]["ratio_to_plain"],
                  med[label]["python_cpu_s"] if label != "plain" else "",
                  ", ".join(str(r[label]["docs_per_s"]) for r in result["reps_detail"])]
                 for label in labels])]
    if result.get("rss"):
        lines += ["", "Peak RSS of `python -m indexer` (GNU time -v, includes the interpreter):", "",
                  common.table(["corpus", "documents", "max RSS MB", "wall s", "exit"], [
                      [label, r.get("documents"), r.get("rss_mb"), r.get("seconds"), r.get("exit")]
                      for label, r in result["rss"].items()])]
    return "\n".join(lines)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--sample", type=float, default=0.1, help="fraction of the corpus (default 0.1)")
    parser.add_argument("--full", action="store_true", help="side-by-side runs on 100 %% of the corpus")
    parser.add_argument("--no-rss", action="store_true", help="skip the peak-RSS runs")
    parser.add_argument("--baseline", metavar="'DIR [ARGS]'", action="append",
                        help="also run python -m indexer of the checkout DIR (with ARGS); repeatable")
    parser.add_argument("--workers", type=int, help="also run this checkout with --workers N")
    args = parser.parse_args(argv)
    args.reps = max(1, min(args.reps, 20))
    return args


def main(argv: list[str] | None = None) -> int:
    common.report("indexing", run(parse(argv)), render)
    return 0


if __name__ == "__main__":
    sys.exit(main())
