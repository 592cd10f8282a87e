"""Exonym evaluation (part of ``make eval``; alone: ``bench/eval_exonyms.py [--split test|tune|all] [--write]``).

Cases: bench/exonym_cases.tsv, built by scripts/build_exonyms.py from CLDR, iso-codes,
GeoNames and the supplement: one Latin query per country, organisation, region, sea,
historical name and large city (and one per abbreviation), with the entity's Arabic
names.  Each entity falls in ``tune`` or ``test`` by a hash of its id; heuristics are
tuned on ``tune`` only and the figures reported are those of ``test``.

Documents: one per Arabic name of every case (both splits, so every query competes with
about a thousand other names), written as news does: plain, after a clitic (بطرابلس,
والقاهرة) or, for some multi-word names, run together (الأممالمتحدة).  Relevant = a
document whose name is one of the query's Arabic names (compared as normalized words, so
Tripoli finds Libya's and Lebanon's طرابلس alike).  Measures, with size=5: recall@1,
recall@5, MRR, and on the same run the precision: mean share of relevant hits among those
returned (precision@5) and the share of queries with an irrelevant hit above the first
relevant one.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import tempfile
import uuid
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
from common import ROOT  # noqa: E402

from arabic_search.exonyms import norm_words  # noqa: E402

CASES = Path(__file__).resolve().parent / "exonym_cases.tsv"
REPORT = ROOT / "docs" / "quality-exonyms.md"
SIZE = 5
# Ways a name is written in a document, chosen by a hash of the name.
TEMPLATES = ("وصل الوفد إلى {name} أمس.", "قال مسؤول ب{name} إن المحادثات مستمرة.",
             "وأعلنت و{name} دعمها للاتفاق.", "تحدث التقرير عن {name} بالتفصيل.")
RUN_TOGETHER_EVERY = 3  # one multi-word name in three is written run together
OUT_OF_SCOPE = ("quran", ":language")


def read_cases(split: str) -> list[dict]:
    with CASES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if split == "all" or r["split"] == split]


def names_dev_cases() -> list[dict]:
    """An independent list: names_dev.tsv's ``translation`` rows (../shared/data, other
    packages than the table's: world-countries, libgweather, i18n-iso-countries...), without
    Quran sura names and language names, which are no names of places or bodies."""
    if common.shared_missing(common.NAMES):
        return []
    with common.NAMES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    by_latin: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["kind"] == "translation" and not any(s in row["source"] for s in OUT_OF_SCOPE):
            by_latin[row["latin"].strip()].add(row["arabic"].strip())
    return [{"latin": latin, "arabic": "|".join(sorted(arabic)), "kind": "names_dev",
             "entity": latin, "split": "test"} for latin, arabic in sorted(by_latin.items())]


def _bucket(text: str, modulo: int) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % modulo


def documents(rows: list[dict]) -> tuple[list[dict], dict[tuple, set[str]]]:
    """One document per distinct Arabic name; and normalized name -> document ids."""
    names = sorted({name for row in rows for name in row["arabic"].split("|")})
    docs, ids_of = [], defaultdict(set)
    for number, name in enumerate(names):
        written = name
        if " " in name and _bucket(name, RUN_TOGETHER_EVERY) == 0:
            written = name.replace(" ", "")
        body = TEMPLATES[_bucket(name, len(TEMPLATES))].format(name=written)
        docs.append({"id": f"x{number}", "title": "", "body": body})
        ids_of[norm_words(name)].add(f"x{number}")
    return docs, ids_of


def measure(search, rows: list[dict], ids_of: dict) -> dict:
    """Recall, MRR and precision of ``search(query) -> [ids]`` over ``rows``."""
    out = []
    for row in rows:
        relevant = set().union(*(ids_of[norm_words(n)] for n in row["arabic"].split("|")))
        ids = search(row["latin"])
        rank = next((n for n, i in enumerate(ids, 1) if i in relevant), None)
        out.append({"latin": row["latin"], "kind": row["kind"], "rank": rank, "returned": len(ids),
                    "precision": sum(i in relevant for i in ids) / len(ids) if ids else 0.0,
                    "arabic": row["arabic"], "top": ids[:3]})
    return summary(out) | {"by_kind": {kind: summary([r for r in out if r["kind"] == kind])
                                       for kind in sorted({r["kind"] for r in out})},
                           "misses": [r for r in out if r["rank"] is None]}


def summary(rows: list[dict]) -> dict:
    n = len(rows) or 1
    answered = [r for r in rows if r["returned"]]
    return {"queries": len(rows),
            "recall@1": round(sum(r["rank"] == 1 for r in rows) / n, 4),
            "recall@5": round(sum(r["rank"] is not None for r in rows) / n, 4),
            "mrr": round(sum(1 / r["rank"] for r in rows if r["rank"]) / n, 4),
            "precision@5": round(sum(r["precision"] for r in answered) / (len(answered) or 1), 4),
            "wrong_first": round(sum(r["returned"] > 0 and r["rank"] != 1 for r in rows) / n, 4)}


def run(es_client, split: str = "test") -> dict:
    """Index the case documents under a throw-away alias, query through the service app."""
    from indexer.load import index_paths
    from service import create_app
    alias = f"eval-exonyms-{uuid.uuid4().hex[:8]}"
    cases = names_dev_cases() if split == "names_dev" else read_cases(split)
    docs, ids_of = documents(cases if split == "names_dev" else read_cases("all"))
    try:
        with tempfile.TemporaryDirectory(prefix="eval-exonyms-") as tmp:
            path = Path(tmp) / "exonyms.jsonl"
            path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                            encoding="utf-8")
            index_paths(es_client, alias, [str(path)], replace=True, quiet=True, report=lambda m: None)
        app = create_app({"ELASTICSEARCH_URL": common.es_url(), "SEARCH_INDEX": alias, "TESTING": True})
        client = app.test_client()

        def search(query: str) -> list[str]:
            response = client.get("/api/search", query_string={"q": query, "size": SIZE})
            return [hit["id"] for hit in response.get_json().get("hits", [])] \
                if response.status_code == 200 else []

        return measure(search, cases, ids_of) | {"split": split, "documents": len(docs)}
    finally:
        common.delete_alias_indices(es_client, alias)


def markdown(result: dict) -> str:
    """The report section for docs/quality.md."""
    lines = [f"## Exonyms (Latin -> Arabic translated names, split `{result['split']}`)", "",
             f"{result['queries']} queries against {result['documents']} documents, size={SIZE}.", "",
             "| kind | queries | recall@1 | recall@5 | MRR | precision@5 | irrelevant first |",
             "|---|---|---|---|---|---|---|"]
    for kind, row in [("all", result)] + sorted(result["by_kind"].items()):
        lines.append(f"| {kind} | {row['queries']} | {row['recall@1']} | {row['recall@5']} | "
                     f"{row['mrr']} | {row['precision@5']} | {row['wrong_first']} |")
    misses = ", ".join(f"{m['latin']} ({m['arabic'].split('|')[0]})" for m in result["misses"][:20])
    return "\n".join(lines + ["", f"Not found (first 20): {misses or 'none'}", ""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "tune", "all", "names_dev"), default="test",
                        help="names_dev: the independent list in ../shared/data/names_dev.tsv")
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    parser.add_argument("--write", action="store_true", help=f"also write {REPORT.relative_to(ROOT)}")
    args = parser.parse_args()
    result = run(common.client(timeout=120), args.split)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else markdown(result))
    if args.write:
        REPORT.write_text(f"# Exonym evaluation\n\nWritten by `make eval` (bench/eval_exonyms.py); "
                          f"Elasticsearch {common.es_version(common.client())}.\n\n{markdown(result)}",
                          encoding="utf-8")


if __name__ == "__main__":
    main()
