"""Part A of ``make eval``: precision on names the corpus does not contain (issue 9).

Corpus: prose_msa.jsonl + seeds/ (or, with ``--big``, all of prose.jsonl).
Queries: names of names_dev.tsv absent from the corpus (no word of the Latin
name nor of any of its Arabic spellings occurs, in ``arabic_text.normalize``
form), each asked once in Latin and once in one Arabic spelling; plus random
letter strings in both scripts (absent too).  Every document returned is junk.
Per query set and system: the share of queries returning anything and the mean
number of documents in the top 10.
"""
from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path

import baselines
import common
import kept
from querygen import (ARABIC_LETTERS, LATIN_LETTERS, name_absent, nonsense, text_absent, vocabulary,
                      within_limits)
from service_api import Api, first_match, index, read_jsonl, read_tsv
from split import in_split

MSA = common.DATA / "prose_msa.jsonl"
TOP = 10
NAMES_SEED = 19
NONSENSE_SEED = 23
# Generated strings tried per wanted one before giving up (a tiny alphabet could loop).
MAX_TRIES_PER_STRING = 50
SETS = ("absent_latin", "absent_arabic", "nonsense_latin", "nonsense_arabic")
GROUPS = {"absent names (Latin + Arabic)": ("absent_latin", "absent_arabic"),
          "absent names, Latin": ("absent_latin",), "absent names, Arabic": ("absent_arabic",),
          "nonsense strings (both scripts)": ("nonsense_latin", "nonsense_arabic")}
EXAMPLES = 15


def small_corpus() -> tuple[list[dict], list[Path]]:
    """(documents with ids for the baselines, paths for the service's indexer)."""
    docs = [{"id": f"m{n}", "title": d.get("title") or "", "body": d["body"]}
            for n, d in enumerate(read_jsonl(MSA))]
    for path in sorted((common.ROOT / "seeds").glob("*.txt")):
        docs.append({"id": f"seed:{path.stem}", "title": "", "body": path.read_text(encoding="utf-8")})
    return docs, [MSA, common.ROOT / "seeds"]


def big_corpus() -> list[dict]:
    return [{"id": f"p{n}", "title": d.get("title") or "", "body": d["body"]}
            for n, d in enumerate(read_jsonl(common.PROSE))]


def absent_names(vocab: frozenset[str], split: str, count: int) -> list[tuple[str, str]]:
    """(Latin name, one Arabic spelling) for ``count`` absent names of ``split``."""
    spellings: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv(common.NAMES):
        if row["latin"].strip() and row["arabic"].strip():
            spellings[row["latin"].strip()].add(row["arabic"].strip())
    rng = random.Random(NAMES_SEED)
    pool = sorted(latin for latin, arabic in spellings.items()
                  if in_split(latin, split) and within_limits(latin)
                  and all(within_limits(a) for a in arabic) and name_absent(latin, arabic, vocab))
    picked = rng.sample(pool, min(count, len(pool)))
    return [(latin, rng.choice(sorted(spellings[latin]))) for latin in picked]


def nonsense_strings(vocab: frozenset[str], split: str, count: int, alphabet: str, seed: int) -> list[str]:
    rng, out = random.Random(seed), []
    for _ in range(count * MAX_TRIES_PER_STRING):
        if len(out) >= count:
            break
        text = nonsense(rng, alphabet)
        if text not in out and in_split(text, split) and text_absent(text, vocab):
            out.append(text)
    return out


def query_sets(vocab: frozenset[str], split: str, names: int, strings: int) -> list[tuple[str, str]]:
    pairs = absent_names(vocab, split, names)
    half = strings // 2
    return ([("absent_latin", latin) for latin, _ in pairs] + [("absent_arabic", ar) for _, ar in pairs]
            + [("nonsense_latin", q) for q in nonsense_strings(vocab, split, half, LATIN_LETTERS,
                                                               NONSENSE_SEED)]
            + [("nonsense_arabic", q) for q in nonsense_strings(vocab, split, strings - half,
                                                                ARABIC_LETTERS, NONSENSE_SEED + 1)])


def measure(systems: list, queries: list[tuple[str, str]]) -> list[dict]:
    rows = []
    for kind, q in queries:
        row = {"set": kind, "query": q, "returned": {}}
        for system in systems:
            ids, _ = system.ids(q, TOP)
            row["returned"][system.name] = len(ids)
            if isinstance(system, Api):
                row["why"] = first_match(system.last)
        rows.append(row)
    return rows


def summarize(rows: list[dict], names: list[str]) -> dict:
    out = {}
    for label, sets in GROUPS.items():
        chosen = [r for r in rows if r["set"] in sets]
        n = len(chosen) or 1
        out[label] = {"queries": len(chosen), **{name: {
            "any": round(sum(r["returned"][name] > 0 for r in chosen) / n, 4),
            "junk@10": round(sum(r["returned"][name] for r in chosen) / n, 3)} for name in names}}
    return out


def _indices(es_client, tag: str, big: bool, docs: list[dict], paths: list[Path]) -> tuple[str, str]:
    """(service alias, stock index): kept ones for ``big``, throw-away ones otherwise."""
    if big:
        alias = kept.service_alias(es_client, common.PROSE, lambda name: index(es_client, name, paths))
        return alias, kept.stock_index(es_client, common.PROSE, lambda: docs)
    alias, stock = f"{tag}-precision", f"{tag}-precision-stock"
    index(es_client, alias, paths)
    baselines.build(es_client, stock, docs)
    return alias, stock


def run(es_client, tag: str, split: str, names: int, strings: int, big: bool = False) -> dict:
    """Part A on the small corpus (or the full one with ``big``); see the module docstring."""
    docs, paths = (big_corpus(), [common.PROSE]) if big else small_corpus()
    vocab = vocabulary(f"{d['title']}\n{d['body']}" for d in docs)
    queries = query_sets(vocab, split, names, strings)
    print(f"  precision: {len(docs)} documents, {len(queries)} queries", file=sys.stderr, flush=True)
    try:
        alias, stock = _indices(es_client, tag, big, docs, paths)
        systems = [Api(alias), *baselines.searchers(es_client, stock)]
        rows = measure(systems, queries)
    finally:
        if not big:
            common.delete_alias_indices(es_client, f"{tag}-precision")
            es_client.options(ignore_status=404).indices.delete(index=f"{tag}-precision-stock")
    names_used = [s.name for s in systems]
    return {"corpus": "prose.jsonl" if big else "prose_msa.jsonl + seeds/", "documents": len(docs),
            "split": split, "systems": names_used, "service_errors": systems[0].errors,
            "queries": {s: sum(r["set"] == s for r in rows) for s in SETS},
            "summary": summarize(rows, names_used), "rows": rows}


def system_label(name: str) -> str:
    return "this service" if name == "service" else baselines.LABELS.get(name, name)


def render(part: dict) -> list[str]:
    """Markdown lines: one row per system, share returning anything and junk@10 per query group."""
    groups = list(GROUPS)
    headers = ["system"] + [f"{g}: {col}" for g in groups for col in ("any", "junk@10")]
    rows = [[system_label(name)] + [v for g in groups for v in (
        f"{part['summary'][g][name]['any']:.0%}", f"{part['summary'][g][name]['junk@10']:.2f}")]
        for name in part["systems"]]
    counts = ", ".join(f"{g} {part['summary'][g]['queries']}" for g in groups)
    return [f"Corpus: {part['corpus']} ({part['documents']} documents); queries: {counts}; "
            f"service API errors: {part['service_errors']}.", "", common.table(headers, rows)]


def examples(part: dict) -> list[str]:
    """The absent-name queries for which the service returned the most documents."""
    worst = sorted((r for r in part["rows"] if r["set"].startswith("absent") and r["returned"]["service"]),
                   key=lambda r: (-r["returned"]["service"], r["query"]))[:EXAMPLES]
    if not worst:
        return []
    return [f"### Precision: {EXAMPLES} absent names with the most junk from the service", "",
            common.table(["query", "service docs in top 10", "first match (how)", "stock fuzzy docs"],
                         [[r["query"], r["returned"]["service"], r.get("why", ""),
                           r["returned"].get(baselines.STANDARD_FUZZY, "")] for r in worst]), ""]
