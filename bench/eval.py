"""Relevance evaluation through the service API (``make eval``); writes docs/quality.md.

    .venv/bin/python bench/eval.py [--quick] [--parts seeds,names,diacritics,precision,topical]
                                   [--split report|tune|all] [--big] [--full] [--no-docs]

Evaluation documents go into throw-away aliases (deleted at the end); queries go
through the Flask app in-process (test client), exactly as a user's would.
Items are split into a tuning and a report half by a hash of their key
(``split.py``); figures are for the report half unless ``--split`` says otherwise.

* seed cases (../shared/eval/seed_cases.tsv) against seeds/: a row passes when
  every listed spelling is a ``<mark>``ed word in the returned highlights (no split);
* Latin -> Arabic (names_dev.tsv, kind translit, Latin names of the split;
  2000 rows, seed 11, ``--full`` for all; every Arabic spelling of a sampled
  Latin name is kept): one document per distinct Arabic spelling, embedded in a
  neutral sentence; every Latin name is queried with size=5.  Relevant = any
  document whose spelling is an Arabic spelling of that Latin name.  recall@k =
  share of queries with a relevant document in the top k; MRR of the first one;
* Arabic -> Arabic variants: for Latin names with >= 2 distinct spellings, query
  each spelling (size=5); recall@5 = share of the *other* spellings found in the
  top 5 (denominator capped at 4, since the spelling itself takes a slot);
* diacritized vs plain (diacritized_dev.tsv, 500 rows of the split, seed 5):
  plain lines are the documents; the first 3 words, vowelled and plain, must give the same ids;
* precision on absent names and nonsense strings, side by side with stock ES
  (``eval_precision.py``; ``--big`` adds the same on all of prose.jsonl);
* topical ranking with one known target per query, side by side with stock ES
  (``eval_topical.py``).
"""
from __future__ import annotations

import argparse
import html
import random
import re
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import eval_precision  # noqa: E402
import eval_report  # noqa: E402
import eval_topical  # noqa: E402
import split as splitting  # noqa: E402
from common import DIACRITIZED, NAMES, ROOT, SEED_CASES  # noqa: E402
from service_api import Api, index, read_tsv, write_jsonl  # noqa: E402

SENTENCE = "وصل {name} إلى المدينة أمس."
MARKED = re.compile(r"<mark>(.*?)</mark>", re.S)
WORST = 15
QUALITY_MD = ROOT / "docs" / "quality.md"
PARTS = ("seeds", "names", "diacritics", "precision", "topical")
# Sample sizes: (default, --quick).
SIZES = {"names": (2000, 500), "diacritized": (500, 100), "precision_names": (632, 100),
         "partial_names": (100, 25), "in_order_names": (100, 25),
         "nonsense": (200, 50), "topical_queries": (400, 100), "topical_docs": (5000, 1000)}


# ----------------------------------------------------------------------------- seed cases

def seed_cases(es_client, alias: str) -> dict:
    index(es_client, alias, [ROOT / "seeds"])
    api = Api(alias)
    rows = []
    for row in read_tsv(SEED_CASES):
        wanted = [s for s in row["must_highlight"].split(";") if s]
        result = api.search(row["query"], size=10)
        marked = {html.unescape(w) for hit in result["hits"] for p in hit["passages"]
                  for w in MARKED.findall(p["highlight"])}
        missing = [s for s in wanted if s not in marked]
        rows.append({"query": row["query"], "missing": missing, "pass": not missing,
                     "hits": len(result["hits"])})
    return {"rows": rows, "passed": sum(r["pass"] for r in rows), "total": len(rows),
            "errors": api.errors}


# ----------------------------------------------------------------------------- names

def names_data(limit: int | None, split: str, seed: int = 11):
    rows = [r for r in read_tsv(NAMES) if r["kind"] == "translit" and r["latin"].strip()
            and r["arabic"].strip() and splitting.in_split(r["latin"], split)]
    by_latin: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        by_latin[r["latin"].strip()].add(r["arabic"].strip())
    if limit and limit < len(rows):  # sample rows, keep every spelling of each sampled name
        picked = {r["latin"].strip() for r in random.Random(seed).sample(rows, limit)}
        by_latin = defaultdict(set, {latin: by_latin[latin] for latin in picked})
    spellings = sorted({a for s in by_latin.values() for a in s})
    doc_of = {arabic: f"n{i}" for i, arabic in enumerate(spellings)}
    docs = [{"id": doc_of[a], "title": "", "body": SENTENCE.format(name=a)} for a in spellings]
    return by_latin, doc_of, docs


def latin_to_arabic(api: Api, by_latin, doc_of) -> dict:
    rows = []
    for latin, arabic in sorted(by_latin.items()):
        relevant = {doc_of[a] for a in arabic}
        ids = [hit["id"] for hit in api.search(latin, size=5)["hits"]]
        rank = next((n for n, i in enumerate(ids, 1) if i in relevant), None)
        rows.append({"latin": latin, "arabic": sorted(arabic), "rank": rank, "top": ids[:3]})
    n = len(rows) or 1
    return {"queries": len(rows), "recall@1": round(sum(r["rank"] == 1 for r in rows) / n, 4),
            "recall@5": round(sum(r["rank"] is not None for r in rows) / n, 4),
            "mrr": round(sum(1 / r["rank"] for r in rows if r["rank"]) / n, 4),
            "errors": api.errors, "rows": rows}


def arabic_variants(api: Api, by_latin, doc_of, max_queries: int) -> dict:
    groups = [(latin, sorted(a)) for latin, a in sorted(by_latin.items()) if len(a) >= 2]
    rows = []
    for latin, spellings in groups:
        for spelling in spellings:
            if len(rows) >= max_queries:
                break
            others = {doc_of[a] for a in spellings if a != spelling}
            ids = {hit["id"] for hit in api.search(spelling, size=5)["hits"]}
            found = len(others & ids)
            missed = sorted(a for a in spellings if a != spelling and doc_of[a] not in ids)
            rows.append({"latin": latin, "query": spelling, "others": len(others), "found": found,
                         "recall": round(found / min(len(others), 4), 4), "missed": missed})
    n = len(rows) or 1
    return {"names": len(groups), "queries": len(rows),
            "recall@5": round(sum(r["recall"] for r in rows) / n, 4),
            "all_found": round(sum(r["recall"] >= 1 for r in rows) / n, 4), "rows": rows}


# ----------------------------------------------------------------------------- diacritics

def diacritics(es_client, alias: str, tmp: Path, count: int, split: str, seed: int = 5) -> dict:
    rows = [r for r in read_tsv(DIACRITIZED) if r["plain"].strip() and r["diacritized"].strip()
            and splitting.in_split(r["plain"], split)]
    rows = random.Random(seed).sample(rows, min(count, len(rows)))
    docs = [{"id": f"d{i}", "title": "", "body": r["plain"]} for i, r in enumerate(rows)]
    index(es_client, alias, [write_jsonl(tmp / "diacritized.jsonl", docs)])
    api = Api(alias)
    out = []
    for r in rows:
        vowelled = " ".join(r["diacritized"].split()[:3])
        plain = " ".join(r["plain"].split()[:3])
        a = [h["id"] for h in api.search(vowelled)["hits"]]
        b = [h["id"] for h in api.search(plain)["hits"]]
        overlap = len(set(a) & set(b)) / max(1, len(set(a) | set(b)))
        out.append({"diacritized": vowelled, "plain": plain, "equal": a == b,
                    "jaccard": round(overlap, 3), "ids_diacritized": a[:5], "ids_plain": b[:5]})
    n = len(out) or 1
    return {"queries": len(out), "equal": round(sum(r["equal"] for r in out) / n, 4),
            "errors": api.errors, "rows": out}


# ----------------------------------------------------------------------------- run

def size(args: argparse.Namespace, name: str) -> int:
    """An explicit ``--<name>`` wins; else the default or the ``--quick`` sample size."""
    explicit = getattr(args, name)
    return explicit if explicit is not None else SIZES[name][1 if args.quick else 0]


def run_names(es_client, aliases: dict, tmp: Path, args, result: dict) -> None:
    limit = None if args.full else size(args, "names")
    by_latin, doc_of, docs = names_data(limit, args.split)
    index(es_client, aliases["names"], [write_jsonl(tmp / "names.jsonl", docs)])
    api = Api(aliases["names"])
    result["latin_arabic"] = latin_to_arabic(api, by_latin, doc_of)
    result["latin_arabic"]["documents"] = len(docs)
    result["latin_arabic"]["sample"] = limit
    result["latin_arabic"]["sentence"] = SENTENCE
    progress(f"latin->arabic done ({len(by_latin)} queries)")
    result["arabic_variants"] = arabic_variants(api, by_latin, doc_of,
                                                max_queries=100_000 if args.full else size(args, "names"))
    result["arabic_variants"]["errors"] = api.errors - result["latin_arabic"]["errors"]


def progress(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def run_part(name: str, es_client, tag: str, tmp: Path, args, result: dict) -> None:
    """Run one part into ``result`` and record its wall time."""
    started = time.monotonic()
    aliases = {"seeds": f"{tag}-seeds", "names": f"{tag}-names", "diacritics": f"{tag}-diacritics"}
    try:
        if name == "seeds":
            result["seed_cases"] = seed_cases(es_client, aliases["seeds"])
        elif name == "names":
            run_names(es_client, aliases, tmp, args, result)
        elif name == "diacritics":
            result["diacritics"] = diacritics(es_client, aliases["diacritics"], tmp,
                                              size(args, "diacritized"), args.split)
        elif name == "precision":
            sizes = [size(args, k) for k in ("precision_names", "partial_names", "nonsense")]
            ordered = size(args, "in_order_names")
            result["precision"] = eval_precision.run(es_client, tag, args.split, *sizes)
            if args.big:
                result["precision_big"] = eval_precision.run(es_client, tag, args.split, *sizes, big=True,
                                                             in_order=ordered)
        elif name == "topical":
            result["topical"] = eval_topical.run(es_client, tag, args.split, size(args, "topical_queries"),
                                                 size(args, "topical_docs"))
    finally:
        for alias in aliases.values():
            common.delete_alias_indices(es_client, alias)
    result["part_seconds"][name] = round(time.monotonic() - started, 1)
    progress(f"{name} done in {result['part_seconds'][name]} s")


def run(args: argparse.Namespace) -> dict | None:
    missing = common.shared_missing(NAMES, DIACRITIZED, SEED_CASES, common.PROSE, eval_precision.MSA)
    if missing:
        print(missing)
        return None
    es_client = common.client(timeout=120)
    tag = f"eval-{uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    result: dict = {"es_version": common.es_version(es_client), "parts": args.parts, "split": args.split,
                    "quick": args.quick, "full": args.full, "big": args.big, "part_seconds": {},
                    "diacritized_sample": size(args, "diacritized")}
    with tempfile.TemporaryDirectory(prefix="bench-eval-") as tmp:
        for name in args.parts:
            run_part(name, es_client, tag, Path(tmp), args, result)
    result["seconds"] = round(time.monotonic() - started, 1)
    return result


def parse_parts(text: str) -> list[str]:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown or not parts:
        raise argparse.ArgumentTypeError(f"unknown part(s) {', '.join(unknown) or '(none)'}; "
                                         f"choose from {','.join(PARTS)}")
    return [p for p in PARTS if p in parts]


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples for fast iteration")
    parser.add_argument("--parts", type=parse_parts, default=list(PARTS),
                        help=f"comma-separated subset of {','.join(PARTS)} (default: all)")
    parser.add_argument("--split", choices=splitting.SPLITS, default=splitting.REPORT,
                        help="evaluate on the report half (default), the tuning half, or all")
    parser.add_argument("--big", action="store_true",
                        help="also run the precision part on all of prose.jsonl (kept index)")
    parser.add_argument("--full", action="store_true", help="all translit rows of names_dev.tsv")
    for name, (default, quick) in SIZES.items():
        parser.add_argument(f"--{name.replace('_', '-')}", dest=name, type=int, default=None,
                            help=f"sample size (default {default}, --quick {quick})")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/quality.md")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    result = run(args)
    if not common.report("eval", result, eval_report.render):
        return 0
    if args.no_docs:
        return 0
    if eval_report.complete(result):
        eval_report.write_markdown(result, QUALITY_MD)
        print(f"wrote {QUALITY_MD}")
    else:
        print(f"{QUALITY_MD} not rewritten: only a full run of every part on the report split "
              f"(no --quick, --parts or --split) regenerates it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
