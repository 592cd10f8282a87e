"""Relevance evaluation through the service API (``make eval``); writes docs/quality.md.

    .venv/bin/python bench/eval.py [--full] [--names 2000] [--diacritized 500] [--no-docs]

Evaluation documents go into throw-away aliases (deleted at the end); queries go
through the Flask app in-process (test client), exactly as a user's would:

* seed cases (../shared/eval/seed_cases.tsv) against seeds/: a row passes when
  every listed spelling is a ``<mark>``ed word in the returned highlights;
* Latin -> Arabic (names_dev.tsv, kind translit; 2000 rows, seed 11, ``--full``
  for all; every Arabic spelling of a sampled Latin name is kept): one document per distinct Arabic spelling, embedded in a neutral
  sentence; every Latin name is queried with size=5.  Relevant = any document
  whose spelling is an Arabic spelling of that Latin name.  recall@k = share of
  queries with a relevant document in the top k; MRR of the first relevant one;
* Arabic -> Arabic variants: for Latin names with >= 2 distinct spellings, query
  each spelling (size=5); recall@5 = share of the *other* spellings found in the
  top 5 (denominator capped at 4, since the spelling itself takes a slot);
* diacritized vs plain (diacritized_dev.tsv, 500 rows, seed 5): plain lines are
  the documents; the first 3 words, vowelled and plain, must give the same ids.
"""
from __future__ import annotations

import argparse
import csv
import html
import json
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
from common import DIACRITIZED, NAMES, ROOT, SEED_CASES  # noqa: E402

SENTENCE = "وصل {name} إلى المدينة أمس."
MARKED = re.compile(r"<mark>(.*?)</mark>", re.S)
WORST = 15
QUALITY_MD = ROOT / "docs" / "quality.md"


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


class Api:
    """The service app in-process on one alias; ``search`` returns the JSON (or raises)."""

    def __init__(self, alias: str):
        from service import create_app
        app = create_app({"ELASTICSEARCH_URL": common.es_url(), "SEARCH_INDEX": alias, "TESTING": True})
        self.client = app.test_client()
        self.errors = 0

    def search(self, q: str, size: int = 10) -> dict:
        response = self.client.get("/api/search", query_string={"q": q, "size": size})
        if response.status_code != 200:
            self.errors += 1
            return {"hits": [], "error": response.get_json(silent=True), "status": response.status_code}
        return response.get_json()


def index(es_client, alias: str, paths: list[Path]) -> None:
    from indexer.load import index_paths
    summary = index_paths(es_client, alias, [str(p) for p in paths], replace=True, quiet=True,
                          report=lambda message: None)
    if summary.errors:
        print(f"  warning: {summary.errors} indexing errors in {alias}", file=sys.stderr)


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

def names_data(limit: int | None, seed: int = 11):
    rows = [r for r in read_tsv(NAMES) if r["kind"] == "translit" and r["latin"].strip()
            and r["arabic"].strip()]
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
            rows.append({"latin": latin, "query": spelling, "others": len(others), "found": found,
                         "recall": round(found / min(len(others), 4), 4)})
    n = len(rows) or 1
    return {"names": len(groups), "queries": len(rows),
            "recall@5": round(sum(r["recall"] for r in rows) / n, 4),
            "all_found": round(sum(r["recall"] >= 1 for r in rows) / n, 4), "rows": rows}


# ----------------------------------------------------------------------------- diacritics

def diacritics(es_client, alias: str, tmp: Path, count: int, seed: int = 5) -> dict:
    rows = [r for r in read_tsv(DIACRITIZED) if r["plain"].strip() and r["diacritized"].strip()]
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


# ----------------------------------------------------------------------------- report

def run(args: argparse.Namespace) -> dict | None:
    missing = common.shared_missing(NAMES, DIACRITIZED, SEED_CASES)
    if missing:
        print(missing)
        return None
    es_client = common.client(timeout=120)
    tag = f"eval-{uuid.uuid4().hex[:8]}"
    aliases = {k: f"{tag}-{k}" for k in ("seeds", "names", "diacritics")}
    started = time.monotonic()
    result: dict = {"es_version": common.es_version(es_client)}
    try:
        with tempfile.TemporaryDirectory(prefix="bench-eval-") as tmp:
            tmp = Path(tmp)
            result["seed_cases"] = seed_cases(es_client, aliases["seeds"])
            print(f"  seed cases {result['seed_cases']['passed']}/{result['seed_cases']['total']}",
                  file=sys.stderr, flush=True)
            by_latin, doc_of, docs = names_data(None if args.full else args.names)
            index(es_client, aliases["names"], [write_jsonl(tmp / "names.jsonl", docs)])
            api = Api(aliases["names"])
            result["latin_arabic"] = latin_to_arabic(api, by_latin, doc_of)
            result["latin_arabic"]["documents"] = len(docs)
            print(f"  latin->arabic done ({len(by_latin)} queries)", file=sys.stderr, flush=True)
            result["arabic_variants"] = arabic_variants(api, by_latin, doc_of,
                                                        max_queries=100_000 if args.full else 2000)
            result["arabic_variants"]["errors"] = api.errors - result["latin_arabic"]["errors"]
            result["diacritics"] = diacritics(es_client, aliases["diacritics"], tmp, args.diacritized)
    finally:
        for alias in aliases.values():
            common.delete_alias_indices(es_client, alias)
    result["seconds"] = round(time.monotonic() - started, 1)
    result["full"] = args.full
    result["names_sample"] = None if args.full else args.names
    result["diacritized_sample"] = args.diacritized
    return result


def render(result: dict) -> str:
    sc, la, av, dc = (result[k] for k in ("seed_cases", "latin_arabic", "arabic_variants", "diacritics"))
    return "\n".join([common.table(["check", "queries", "result", "API errors"], [
        ["seed cases (every spelling highlighted)", sc["total"], f"{sc['passed']}/{sc['total']} pass",
         sc["errors"]],
        ["Latin -> Arabic recall@1", la["queries"], f"{la['recall@1']:.3f}", la["errors"]],
        ["Latin -> Arabic recall@5", la["queries"], f"{la['recall@5']:.3f}", ""],
        ["Latin -> Arabic MRR", la["queries"], f"{la['mrr']:.3f}", ""],
        ["Arabic -> Arabic variants recall@5", av["queries"], f"{av['recall@5']:.3f}", av["errors"]],
        ["Arabic -> Arabic variants, all others in top 5", av["queries"], f"{av['all_found']:.3f}", ""],
        ["diacritized == plain result ids", dc["queries"], f"{dc['equal']:.3f}", dc["errors"]],
    ])])


def worst_sections(result: dict) -> list[str]:
    out: list[str] = []
    failing = [r for r in result["seed_cases"]["rows"] if not r["pass"]]
    if failing:
        out += ["### Seed cases that fail", "", common.table(["query", "not highlighted", "hits"], [
            [r["query"], "; ".join(r["missing"]), r["hits"]] for r in failing[:WORST]]), ""]
    la = [r for r in result["latin_arabic"]["rows"] if r["rank"] != 1]
    la.sort(key=lambda r: (r["rank"] is not None, r["rank"] or 0, r["latin"]))
    if la:
        out += [f"### Latin -> Arabic: {WORST} worst (no relevant hit in the top 5 first)", "",
                common.table(["Latin query", "Arabic spellings", "rank of first relevant"], [
                    [r["latin"], "، ".join(r["arabic"]), r["rank"] or "not in top 5"] for r in la[:WORST]]), ""]
    av = sorted((r for r in result["arabic_variants"]["rows"] if r["recall"] < 1),
                key=lambda r: (r["recall"], r["latin"]))
    if av:
        out += [f"### Arabic -> Arabic variants: {WORST} worst", "",
                common.table(["Latin name", "query spelling", "other spellings", "found in top 5"], [
                    [r["latin"], r["query"], r["others"], r["found"]] for r in av[:WORST]]), ""]
    dc = sorted((r for r in result["diacritics"]["rows"] if not r["equal"]),
                key=lambda r: (r["jaccard"], r["plain"]))
    if dc:
        out += [f"### Diacritized vs plain: {WORST} worst (lowest overlap of result ids)", "",
                common.table(["diacritized query", "plain query", "id overlap (Jaccard)"], [
                    [r["diacritized"], r["plain"], r["jaccard"]] for r in dc[:WORST]]), ""]
    return out


def write_markdown(result: dict, path: Path = QUALITY_MD) -> None:
    la = result["latin_arabic"]
    text = ["# Search quality", "",
            f"Measured by `make eval` (`bench/eval.py{' --full' if result['full'] else ''}`) on "
            f"{time.strftime('%Y-%m-%d')}, Elasticsearch {result['es_version']}, through the service API "
            f"(Flask app in-process), {result['seconds']} s.", "",
            render(result), "",
            "Definitions: seed cases pass when every listed spelling is a `<mark>`ed word of the "
            "highlights (top 10 hits). Latin -> Arabic: rows of kind `translit` "
            f"({result['names_sample'] or 'all'} rows sampled with a fixed seed, plus every other "
            "spelling of the sampled Latin names); "
            f"one document per distinct Arabic spelling ({la['documents']} documents) in the sentence `{SENTENCE}`; each Latin name is "
            "queried with `size=5`; a document is relevant when its spelling is one of that Latin "
            "name's Arabic spellings; recall@k is the share of queries with a relevant document in "
            "the top k, MRR uses the first relevant one. Variants: each spelling of a Latin name "
            "with at least two spellings is queried on the same index; recall@5 is the share of "
            "the other spellings found in the top 5 (at most 4 counted). Diacritized vs plain: "
            f"{result['diacritized_sample']} sampled rows; plain lines are the documents; the share of queries whose vowelled first three words "
            "return exactly the ids (and order) of the plain first three words.", "",
            "Reproduce: `make eval` (2000 sampled name rows, 500 diacritized rows, seeds fixed) or "
            "`make eval EVAL_ARGS=--full` (all translit rows). Raw figures and every case are in "
            "`bench/results/eval-*.json`.", "",
            "## Worst cases", "", *worst_sections(result)]
    path.write_text("\n".join(text).rstrip() + "\n", encoding="utf-8")


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="all translit rows of names_dev.tsv")
    parser.add_argument("--names", type=int, default=2000, help="sampled translit rows (default 2000)")
    parser.add_argument("--diacritized", type=int, default=500, help="diacritized rows (default 500)")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/quality.md")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    result = run(args)
    if not common.report("eval", result, render):
        return 0
    if not args.no_docs:
        write_markdown(result)
        print(f"wrote {QUALITY_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
