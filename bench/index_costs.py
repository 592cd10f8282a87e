"""Where indexing time goes: Python stages, Elasticsearch cost per analysed field, bulk settings.

    .venv/bin/python bench/index_costs.py [--sample 0.25] [--reps 2] [--skip-fields] [--skip-bulk]

* Python stages, in-process, one core, no Elasticsearch: reading+JSON, passage
  analysis, suggestion word counting, JSON serialization (CPU ms per passage).
* Elasticsearch cost of each analysed field: the sample's passages, analysed once,
  are bulk-loaded into indices whose mapping lacks one field (and into one with
  none, and a plain ``standard``-analysed text for reference); ES's own
  ``index_time_in_millis``, the wall time and the force-merged size per variant.
* Bulk settings on the full mapping: chunk size, requests in flight, translog.
``uptime`` is recorded before and after.  Every index made here is deleted.
"""
from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
from common import PROSE  # noqa: E402

from arabic_search import mapping as m  # noqa: E402
from arabic_search.documents import passage_documents  # noqa: E402
from arabic_search.splitter import vocabulary  # noqa: E402
from indexer import bulk  # noqa: E402
from indexer.lexicon import new_entries  # noqa: E402
from indexer.records import Problem  # noqa: E402
from indexer.sources import read_paths  # noqa: E402
from indexer.term_counter import TermCounter  # noqa: E402

PREFIX = "bench-costs"
BULK_VARIANTS = [  # (label, chunk_size, threads, translog durability)
    ("chunk 500, 1 request", 500, 1, "request"),
    ("chunk 250, 1 request", 250, 1, "request"),
    ("chunk 1000, 1 request", 1000, 1, "request"),
    ("chunk 2000, 1 request", 2000, 1, "request"),
    ("chunk 500, 2 requests (default)", 500, 2, "request"),
    ("chunk 500, 3 requests", 500, 3, "request"),
    ("chunk 500, 2 requests, translog async", 500, 2, "async"),
    ("chunk 1000, 2 requests, translog async", 1000, 2, "async"),
]


def stages(es_client, path: Path) -> tuple[dict, list[tuple[str, dict]]]:
    """CPU seconds of each Python stage on ``path``; returns them and the passages.

    The word list the splitter loads once per process is timed apart ('vocabulary'),
    so 'analysis' is the per-document cost (cold word caches: each distinct word once).
    """
    cpu, dumps = time.process_time, _dumps(es_client)
    t0 = cpu()
    vocabulary()
    t1 = cpu()
    docs = [r for r in read_paths([str(path)]) if not isinstance(r, Problem)]
    t2 = cpu()
    passages = [p for d in docs for p in passage_documents(d.doc_id, d.body, d.title, d.date,
                                                           d.source, d.url, d.extra or None)]
    t3 = cpu()
    counter, words = TermCounter(), set()
    for _, source in passages:
        counter.add_passage(source)
        words.update(source[m.EXACT].split())
    t4 = cpu()
    for _, source in passages:
        dumps(source)
    t5 = cpu()
    entries = len(new_entries(words, set(), dumps)) + sum(1 for _ in counter.top())
    t6 = cpu()
    spent = {"vocabulary (once per process)": t1 - t0, "read_json": t2 - t1, "analysis": t3 - t2,
             "word counts + lexicon words": t4 - t3, "serialize": t5 - t4,
             f"lexicon + suggestion entries ({entries})": t6 - t5}
    per = {k: round(v * 1000 / len(passages), 3) for k, v in spent.items()}
    return {"documents": len(docs), "passages": len(passages), "cpu_s": {k: round(v, 2) for k, v in
            spent.items()}, "ms_per_passage": per}, passages


def _dumps(es_client):
    """The serializer the indexer uses (the client's own)."""
    return es_client.transport.serializers.get_serializer("application/json").dumps


def _mapping_without(field: str | None) -> tuple[dict, set]:
    """The index mapping minus ``field`` (ALL: every analysed field; PLAIN: none, but the
    passage text through the ``standard`` analyzer), and the fields to drop from sources."""
    mapping = copy.deepcopy(m.index_mapping())
    drop = set(m.ANALYSED_FIELDS) if field in ("ALL", "PLAIN") else {field} - {None}
    for name in drop:
        del mapping["properties"][name]
    mapping["_source"]["excludes"] = [f for f in mapping["_source"]["excludes"] if f not in drop]
    if field == "PLAIN":
        mapping["properties"][m.TEXT] = {"type": "text", "analyzer": "standard"}
    return mapping, drop


def load(es_client, index: str, passages, mapping: dict, drop: set, chunk: int = 500,
         threads: int = 1, durability: str = "request") -> dict:
    """Bulk ``passages`` (minus the ``drop`` fields) into a fresh index; ES time, wall, size."""
    settings = {**m.index_settings(), "translog": {"durability": durability}}
    es_client.indices.create(index=index, settings=settings, mappings=mapping)
    dumps = _dumps(es_client)
    actions = (({"index": {"_index": index, "_id": es_id}},
                dumps({k: v for k, v in source.items() if k not in drop}))
               for es_id, source in passages)
    errors = []
    cpu_before, started = common.es_cpu_ms(es_client), time.monotonic()
    bulk.send(es_client, actions, lambda ok, es_id, reason: ok or errors.append(reason), chunk,
              threads)
    wall = time.monotonic() - started
    es_client.indices.refresh(index=index)
    cpu = common.es_cpu_ms(es_client) - cpu_before
    stats = es_client.indices.stats(index=index, metric="indexing").body["_all"]["primaries"]
    es_client.indices.forcemerge(index=index, max_num_segments=1)
    size = es_client.indices.stats(index=index, metric="store").body["_all"]["primaries"]
    es_client.indices.delete(index=index)
    return {"wall_s": round(wall, 2), "es_index_ms": stats["indexing"]["index_time_in_millis"],
            "es_cpu_ms": cpu,
            "mb": round(size["store"]["size_in_bytes"] / 2**20, 1), "errors": len(errors)}


def _summary(runs: list[dict]) -> dict:
    """Medians, and the minimum of the times (the least disturbed by other work on the machine)."""
    out = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    out.update({f"{k}_min": min(r[k] for r in runs) for k in ("wall_s", "es_index_ms", "es_cpu_ms")})
    return out


def field_costs(es_client, tag: str, passages, reps: int) -> dict:
    variants = [None, *m.ANALYSED_FIELDS, "ALL", "PLAIN"]
    mapping, drop = _mapping_without(None)
    load(es_client, f"{PREFIX}-{tag}-warm", passages, mapping, drop)  # JIT warm-up, not counted
    rows: dict[str, list[dict]] = {str(v): [] for v in variants}
    for rep in range(reps):
        for variant in variants:  # interleaved: machine load hits every variant alike
            mapping, drop = _mapping_without(variant)
            rows[str(variant)].append(load(es_client, f"{PREFIX}-{tag}-f{rep}", passages, mapping, drop))
            print(f"  fields rep {rep + 1} without {variant}: {rows[str(variant)][-1]}",
                  file=sys.stderr, flush=True)
    return {v: _summary(runs) for v, runs in rows.items()}


def bulk_settings(es_client, tag: str, passages, reps: int) -> dict:
    mapping, drop = _mapping_without(None)
    rows: dict[str, list[dict]] = {label: [] for label, *_ in BULK_VARIANTS}
    for rep in range(reps):
        for label, chunk, threads, durability in BULK_VARIANTS:
            rows[label].append(load(es_client, f"{PREFIX}-{tag}-b{rep}", passages, mapping, drop,
                                    chunk, threads, durability))
            print(f"  bulk rep {rep + 1} {label}: {rows[label][-1]}", file=sys.stderr, flush=True)
    return {label: _summary(runs) for label, runs in rows.items()}


def run(args: argparse.Namespace) -> dict | None:
    missing = common.shared_missing(PROSE)
    if missing:
        print(missing)
        return None
    es_client = common.client()
    tag = uuid.uuid4().hex[:6]
    result: dict = {"sample": args.sample, "load_before": common.loadavg(), "es_url": common.es_url()}
    with tempfile.TemporaryDirectory(prefix="bench-costs-") as tmp:
        sample = Path(tmp) / "sample.jsonl"
        common.write_sample(PROSE, args.sample, sample)
        result["stages"], passages = stages(es_client, sample)
    try:
        if not args.skip_fields:
            result["fields"] = field_costs(es_client, tag, passages, args.reps)
        if not args.skip_bulk:
            result["bulk"] = bulk_settings(es_client, tag, passages, args.reps)
    finally:
        common.delete_matching(es_client, f"{PREFIX}-{tag}-*")
    result["load_after"] = common.loadavg()
    return result


def render(result: dict) -> str:
    st = result["stages"]
    total = sum(st["ms_per_passage"].values())
    lines = [f"Python stages on {st['documents']} documents / {st['passages']} passages "
             f"({result['sample']:.0%} sample), one process; load {result['load_before']} -> "
             f"{result['load_after']}:", "",
             common.table(["stage", "CPU s", "ms / passage", "share"],
                          [[k, st["cpu_s"][k], st["ms_per_passage"][k],
                            f"{st['ms_per_passage'][k] / total:.0%}"] for k in st["cpu_s"]])]
    if result.get("fields"):
        fields = result["fields"]
        base = fields["None"]
        lines += ["", "Elasticsearch cost per analysed field (ES `index_time_in_millis`, median and "
                  "min over reps; 'saved' = all fields minus this variant, on the medians):", "",
                  common.table(["mapping", "ES CPU ms", "saved CPU ms", "ES index ms", "min",
                                "wall s", "size MB", "saved MB"],
                               [[("all fields" if v == "None" else "none analysed" if v == "ALL" else
                                  "plain text (standard)" if v == "PLAIN" else f"without {v}"),
                                 r["es_cpu_ms"], base["es_cpu_ms"] - r["es_cpu_ms"],
                                 r["es_index_ms"], r["es_index_ms_min"], r["wall_s"],
                                 r["mb"], round(base["mb"] - r["mb"], 1)] for v, r in fields.items()])]
    if result.get("bulk"):
        lines += ["", "Bulk settings (full mapping, pre-analysed passages, medians):", "",
                  common.table(["setting", "wall s", "min", "ES CPU ms", "ES index ms", "errors"],
                               [[k, r["wall_s"], r["wall_s_min"], r["es_cpu_ms"], r["es_index_ms"],
                                 r["errors"]]
                                for k, r in result["bulk"].items()])]
    return "\n".join(lines)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=float, default=0.25)
    parser.add_argument("--reps", type=int, default=2)
    parser.add_argument("--skip-fields", action="store_true")
    parser.add_argument("--skip-bulk", action="store_true")
    args = parser.parse_args(argv)
    args.sample = max(0.001, min(args.sample, 1.0))
    args.reps = max(1, min(args.reps, 10))
    return args


def main(argv: list[str] | None = None) -> int:
    common.report("index_costs", run(parse(argv)), render)
    return 0


if __name__ == "__main__":
    sys.exit(main())
