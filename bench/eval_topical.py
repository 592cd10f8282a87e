"""Part B of ``make eval``: topical ranking, one known target document per query (issue 10).

Corpus: all of prose_msa.jsonl plus a fixed-seed sample of the rest of
prose.jsonl, each with an ``id`` we assign (the service returns it as the hit
id; it collapses passages, so ranks are per document).  Query types, each built
from a target document of the chosen split:

* ``headline``: the title (titles found in more than one document are skipped);
* ``distinctive``: 3-5 of the rarest words of one sentence (``querygen``);
* ``noisy``: the same queries with spelling noise (``noise.noisy``);
* ``rare+common``: one rare word of the target and two of the corpus's most common words it contains.

Per type and system: R@1, R@10, MRR@10 and latency p50 (ms).
"""
from __future__ import annotations

import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

import baselines
import common
from arabic_text import normalize, words
from noise import noisy
from querygen import (distinctive_query, document_frequencies, most_common, plain_text,
                      rare_common_query, within_limits)
from service_api import Api, index, read_jsonl, write_jsonl
from split import in_split

MSA = common.DATA / "prose_msa.jsonl"
SAMPLE_SEED = 31
QUERY_SEED = 37
NOISE_SEED = 41
TOP = 10
MIN_HEADLINE_WORDS = 2
TYPES = ("headline", "distinctive", "noisy", "rare+common")
MISSES = 12


def corpus(extra: int) -> list[dict]:
    """prose_msa.jsonl + ``extra`` other documents of prose.jsonl (fixed seed), ids t0, t1, ..."""
    msa = read_jsonl(MSA)
    msa_bodies = {d["body"] for d in msa}
    others = [d for d in read_jsonl(common.PROSE) if d["body"] not in msa_bodies]
    picked = sorted(random.Random(SAMPLE_SEED).sample(range(len(others)), min(extra, len(others))))
    docs = msa + [others[n] for n in picked]
    return [{"id": f"t{n}", "title": d.get("title") or "", "body": d["body"]} for n, d in enumerate(docs)]


def title_key(title: str) -> str:
    return " ".join(normalize(w) for w in words(title))


def headline(doc: dict, title_counts: Counter) -> str | None:
    title = " ".join(doc["title"].split())
    key = title_key(title)
    if (title_counts[key] == 1 and len(words(title)) >= MIN_HEADLINE_WORDS
            and within_limits(title)):
        return title
    return None


def queries(docs: list[dict], split: str, per_type: int) -> list[dict]:
    """``per_type`` queries of each type, ``{"type", "query", "target"}``, targets from ``split``."""
    df = document_frequencies(f"{d['title']}\n{d['body']}" for d in docs)
    common_words = most_common(df)
    title_counts = Counter(title_key(d["title"]) for d in docs)
    rng = random.Random(QUERY_SEED)
    targets = [d for d in docs if in_split(d["body"], split)]
    rng.shuffle(targets)
    made: dict[str, list[dict]] = {t: [] for t in TYPES}

    def add(kind: str, query: str | None, doc: dict) -> None:
        query = plain_text(query or "")
        if query and len(made[kind]) < per_type and within_limits(query):
            made[kind].append({"type": kind, "query": query, "target": doc["id"]})

    for number, doc in enumerate(targets):
        add("headline", headline(doc, title_counts), doc)
        if len(made["distinctive"]) < per_type:
            query = distinctive_query(doc["body"], df, rng)
            add("distinctive", query, doc)
            add("noisy", noisy(query, NOISE_SEED + number) if query else None, doc)
        add("rare+common", rare_common_query(doc["body"], df, common_words, rng), doc)
    return [q for kind in TYPES for q in made[kind]]


def measure(systems: list, items: list[dict]) -> list[dict]:
    for item in items:
        item["rank"], item["ms"] = {}, {}
        for system in systems:
            ids, ms = system.ids(item["query"], TOP)
            item["rank"][system.name] = ids.index(item["target"]) + 1 if item["target"] in ids else None
            item["ms"][system.name] = round(ms, 2)
    return items


def summarize(items: list[dict], names: list[str]) -> dict:
    out: dict = {}
    for kind in TYPES:
        chosen = [i for i in items if i["type"] == kind]
        n = len(chosen) or 1
        out[kind] = {"queries": len(chosen)}
        for name in names:
            ranks = [i["rank"][name] for i in chosen]
            out[kind][name] = {"R@1": round(sum(r == 1 for r in ranks) / n, 4),
                               "R@10": round(sum(r is not None for r in ranks) / n, 4),
                               "MRR@10": round(sum(1 / r for r in ranks if r) / n, 4),
                               "p50_ms": round(common.percentile([i["ms"][name] for i in chosen], 50), 1)}
    return out


def run(es_client, tag: str, split: str, per_type: int, extra_docs: int) -> dict:
    """Part B: build both indices on the same documents, ask every query of every system."""
    docs = corpus(extra_docs)
    items = queries(docs, split, per_type)
    print(f"  topical: {len(docs)} documents, {len(items)} queries", file=sys.stderr, flush=True)
    alias, stock = f"{tag}-topical", f"{tag}-topical-stock"
    try:
        with tempfile.TemporaryDirectory(prefix="bench-topical-") as tmp:
            index(es_client, alias, [write_jsonl(Path(tmp) / "topical.jsonl", docs)])
        baselines.build(es_client, stock, docs)
        systems = [Api(alias), *baselines.searchers(es_client, stock)]
        measure(systems, items)
    finally:
        common.delete_alias_indices(es_client, alias)
        es_client.options(ignore_status=404).indices.delete(index=stock)
    names = [s.name for s in systems]
    return {"documents": len(docs), "sampled_from_prose": extra_docs, "split": split,
            "systems": names, "service_errors": systems[0].errors,
            "summary": summarize(items, names), "rows": items}


def system_label(name: str) -> str:
    return "this service" if name == "service" else baselines.LABELS.get(name, name)


def render(part: dict) -> list[str]:
    """Markdown lines: one row per query type and system."""
    rows = []
    for kind in TYPES:
        figures = part["summary"][kind]
        for name in part["systems"]:
            f = figures[name]
            rows.append([kind, figures["queries"], system_label(name), f"{f['R@1']:.2f}",
                         f"{f['R@10']:.2f}", f"{f['MRR@10']:.3f}", f["p50_ms"]])
    return [f"Corpus: {part['documents']} documents (prose_msa.jsonl + a fixed sample of prose.jsonl); "
            f"service API errors: {part['service_errors']}.", "",
            common.table(["query type", "queries", "system", "R@1", "R@10", "MRR@10", "p50 ms"], rows)]


def examples(part: dict) -> list[str]:
    """A few queries per type where the service misses the target and stock BM25 finds it."""
    out = []
    for kind in TYPES:
        misses = [i for i in part["rows"] if i["type"] == kind and i["rank"]["service"] != 1
                  and i["rank"].get(baselines.STANDARD) == 1][:MISSES // len(TYPES) + 1]
        out += [[kind, i["query"], i["target"], i["rank"]["service"] or "not in top 10"] for i in misses]
    if not out:
        return []
    return ["### Topical: queries the service ranks below stock BM25 (first few per type)", "",
            common.table(["type", "query", "target", "service rank"], out), ""]
