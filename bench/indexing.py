"""Indexing throughput: our indexer (full Python analysis) vs a plain bulk, and peak RSS.

    .venv/bin/python bench/indexing.py [--reps 3] [--full] [--no-rss]

* Side by side, ``--reps`` times on the same documents (a fixed 10 % sample of
  ../shared/data/prose.jsonl, or all of it with ``--full``):
  ``indexer.load.index_paths`` vs ``helpers.streaming_bulk`` of title+body into an
  index with only the ``standard`` analyzer (same shards/replicas, refresh off
  during the bulk, one refresh at the end).  Medians of docs/s and their ratio.
* Peak RSS of ``python -m indexer`` under ``/usr/bin/time -v`` for 10 % and 100 %.
Every index created here is deleted at the end.
"""
from __future__ import annotations

import argparse
import json
import os
import re
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


def ours(es_client, path: Path, alias: str) -> dict:
    from indexer.load import index_paths
    started = time.monotonic()
    summary = index_paths(es_client, alias, [str(path)], replace=True, quiet=True,
                          shards=1, replicas=0, report=lambda message: None)
    seconds = time.monotonic() - started
    return {"documents": summary.documents, "passages": summary.passages, "errors": summary.errors,
            "seconds": round(seconds, 2), "docs_per_s": round(summary.documents / seconds, 1)}


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
        try:
            for rep in range(args.reps):
                mine = ours(es_client, sample, f"{PREFIX}-{tag}-ours")
                plain = plain_bulk(es_client, sample, f"{PREFIX}-{tag}-plain-{rep}")
                es_client.options(ignore_status=404).indices.delete(index=f"{PREFIX}-{tag}-plain-{rep}")
                rows.append({"ours": mine, "plain": plain})
                print(f"  rep {rep + 1}: ours {mine['docs_per_s']} docs/s, plain {plain['docs_per_s']} docs/s",
                      file=sys.stderr, flush=True)
            result["reps_detail"] = rows
            ours_med = statistics.median(r["ours"]["docs_per_s"] for r in rows)
            plain_med = statistics.median(r["plain"]["docs_per_s"] for r in rows)
            result["median"] = {"ours_docs_per_s": ours_med, "plain_docs_per_s": plain_med,
                                "ratio_plain_over_ours": round(plain_med / ours_med, 2),
                                "passages_per_doc": round(rows[0]["ours"]["passages"] /
                                                          max(1, rows[0]["ours"]["documents"]), 2)}
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
            es_client.options(ignore_status=404).indices.delete(
                index=f"{PREFIX}-{tag}-*", expand_wildcards="all")
    return result


def render(result: dict) -> str:
    med = result["median"]
    lines = [f"Indexing {result['documents']} documents ({result['fraction']:.0%} of prose.jsonl), "
             f"median of {result['reps']} reps, 1 shard, 0 replicas:", "",
             common.table(["pipeline", "docs/s (median)", "per-rep docs/s"], [
                 ["indexer (index_paths, full analysis)", med["ours_docs_per_s"],
                  ", ".join(str(r["ours"]["docs_per_s"]) for r in result["reps_detail"])],
                 ["plain bulk (standard analyzer)", med["plain_docs_per_s"],
                  ", ".join(str(r["plain"]["docs_per_s"]) for r in result["reps_detail"])],
                 ["ratio plain / indexer", med["ratio_plain_over_ours"], ""]])]
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
    args = parser.parse_args(argv)
    args.reps = max(1, min(args.reps, 20))
    return args


def main(argv: list[str] | None = None) -> int:
    common.report("indexing", run(parse(argv)), render)
    return 0


if __name__ == "__main__":
    sys.exit(main())
