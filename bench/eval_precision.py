"""Part A of ``make eval``: precision on names the corpus does not contain (issue 9).

Corpus: prose_msa.jsonl + seeds/ (or, with ``--big``, all of prose.jsonl).
Queries: names of names_dev.tsv absent from the corpus (no word of the Latin
name nor of any of its Arabic spellings occurs, compared in
``arabic_text.normalize`` form and with the clitics Arabic glues to a word:
``corpus_words.py``), each asked once in Latin and once in one
Arabic spelling; a smaller set of "partly present" names (the name does not
occur as a word sequence, but one of its words does: محمد of محمد زروق); and
random letter strings in both scripts, no word of which occurs.  Every document
returned is junk.
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
import eval_in_order
import kept
from corpus_words import CorpusWords
from querygen import (ARABIC_LETTERS, LATIN_LETTERS, name_absent, name_partly_present, nonsense, plain_text,
                      text_absent, within_limits)
from service_api import Api, first_match, index, read_jsonl, read_tsv
from split import in_split

MSA = common.PROSE_MSA
TOP = 10
NAMES_SEED = 19
NONSENSE_SEED = 23
# Generated strings tried per wanted one before giving up (a tiny alphabet could loop).
MAX_TRIES_PER_STRING = 50
SETS = ("absent_latin", "absent_arabic", "partial_latin", "partial_arabic", "nonsense_latin",
        "nonsense_arabic")
GROUPS = {  # label -> the sets it counts
    "absent names, Latin + Arabic": ("absent_latin", "absent_arabic"),
    "absent names, Latin": ("absent_latin",),
    "absent names, Arabic": ("absent_arabic",),
    "partly present names (a word occurs), Latin + Arabic": ("partial_latin", "partial_arabic"),
    "nonsense strings, both scripts": ("nonsense_latin", "nonsense_arabic"),
}
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


def absent_names(corpus: CorpusWords, split: str, count: int, partial: bool) -> list[tuple[str, str]]:
    """(Latin name, one Arabic spelling) for ``count`` absent names of ``split``.

    ``partial``: names some word of which occurs (else: names no word of which occurs).
    """
    spellings: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv(common.NAMES):
        if row["latin"].strip() and row["arabic"].strip():
            spellings[row["latin"].strip()].add(row["arabic"].strip())
    rng = random.Random(NAMES_SEED)
    pool = sorted(latin for latin, arabic in spellings.items()
                  if in_split(latin, split) and all(within_limits(t) and plain_text(t) == t
                                                    for t in (latin, *arabic)))
    rng.shuffle(pool)
    out = []
    for latin in pool:  # checked lazily: a phrase look-up in a big corpus is not free
        if len(out) >= count:
            break
        if (name_absent(latin, spellings[latin], corpus)
                and name_partly_present(latin, spellings[latin], corpus) == partial):
            out.append((latin, rng.choice(sorted(spellings[latin]))))
    return out


def nonsense_strings(corpus: CorpusWords, split: str, count: int, alphabet: str, seed: int) -> list[str]:
    """``count`` random strings of ``alphabet`` in ``split``, no word of which occurs in the corpus."""
    rng, out = random.Random(seed), []
    for _ in range(count * MAX_TRIES_PER_STRING):
        if len(out) >= count:
            break
        text = nonsense(rng, alphabet)
        if text not in out and in_split(text, split) and text_absent(text, corpus):
            out.append(text)
    return out


def query_sets(corpus: CorpusWords, split: str, names: int, partial: int, strings: int) -> list[dict]:
    """Every query of Part A: ``{"set", "query"}``."""
    rows = []
    for prefix, count, is_partial in (("absent", names, False), ("partial", partial, True)):
        pairs = absent_names(corpus, split, count, is_partial)
        rows += ([{"set": f"{prefix}_latin", "query": latin} for latin, _ in pairs]
                 + [{"set": f"{prefix}_arabic", "query": arabic} for _, arabic in pairs])
    half = strings // 2
    for kind, alphabet, wanted, seed in (("nonsense_latin", LATIN_LETTERS, half, NONSENSE_SEED),
                                         ("nonsense_arabic", ARABIC_LETTERS, strings - half, NONSENSE_SEED + 1)):
        rows += [{"set": kind, "query": q} for q in nonsense_strings(corpus, split, wanted, alphabet, seed)]
    return rows


def measure(systems: list, queries: list[dict]) -> list[dict]:
    for row in queries:
        row["returned"] = {}
        for system in systems:
            ids, _ = system.ids(row["query"], TOP)
            row["returned"][system.name] = len(ids)
            if isinstance(system, Api):
                row["why"] = first_match(system.last)
    return queries


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


def run(es_client, tag: str, split: str, names: int, partial: int, strings: int,
        big: bool = False, in_order: int = 0) -> dict:
    """Part A on the small corpus (or the full one with ``big``); see the module docstring;
    ``in_order``: how many names the corpus holds to read the top 10 of (eval_in_order.py)."""
    docs, paths = (big_corpus(), [common.PROSE]) if big else small_corpus()
    corpus_words = CorpusWords(f"{d['title']}\n{d['body']}" for d in docs)
    queries = query_sets(corpus_words, split, names, partial, strings)
    print(f"  precision: {len(docs)} documents, {len(queries)} queries", file=sys.stderr, flush=True)
    try:
        alias, stock = _indices(es_client, tag, big, docs, paths)
        systems = [Api(alias), *baselines.searchers(es_client, stock)]
        rows = measure(systems, queries)
        ordered = eval_in_order.run(docs, systems, split, in_order) if in_order else None
    finally:
        if not big:
            common.delete_alias_indices(es_client, f"{tag}-precision")
            es_client.options(ignore_status=404).indices.delete(index=f"{tag}-precision-stock")
    names_used = [s.name for s in systems]
    return {"corpus": "prose.jsonl" if big else "prose_msa.jsonl + seeds/", "documents": len(docs),
            "split": split, "systems": names_used, "service_errors": systems[0].errors,
            "queries": {s: sum(r["set"] == s for r in rows) for s in SETS},
            "summary": summarize(rows, names_used), "rows": rows,
            **({"in_order": ordered} if ordered else {})}


def system_label(name: str) -> str:
    return "this service" if name == "service" else baselines.LABELS.get(name, name)


def render(part: dict) -> list[str]:
    """Markdown lines: per query group and system, the share returning anything and junk@10."""
    rows = [[label, part["summary"][label]["queries"], system_label(name),
             f"{part['summary'][label][name]['any']:.0%}", f"{part['summary'][label][name]['junk@10']:.2f}"]
            for label in GROUPS for name in part["systems"]]
    ordered = eval_in_order.render(part["in_order"], part["systems"]) if part.get("in_order") else []
    return [f"Corpus: {part['corpus']} ({part['documents']} documents); service API errors: "
            f"{part['service_errors']}.", "",
            common.table(["queries", "n", "system", "any", "junk@10"], rows),
            *([""] + ordered if ordered else [])]


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
