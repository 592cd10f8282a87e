"""Sure matches first: on a real corpus, how often a weak hit outranks a sure one.

The page shows sure matches first and labels the weak ones "other spelling?" (issue 9).
For names of two or three words from names_dev.tsv (Latin and Arabic, a fixed sample),
asked of an index of a real corpus through the service API, this counts the queries
whose top ten put a document with only weak matches (every confidence below
names.SURE_CONFIDENCE) above one with a sure match, and those whose first hit is weak.
Run it in two trees on the same index to compare them (docs/design.md, twenty-seventh
round):

    .venv/bin/python -m indexer --index prose ../shared/data/prose.jsonl
    .venv/bin/python bench/sure_first.py --alias prose [--queries 1600]
"""
from __future__ import annotations

import csv
import random

import common
from arabic_search.names import SURE_CONFIDENCE
from service_api import Api

SEED = 7
MIN_WORDS, MAX_WORDS = 2, 3
EXAMPLES = 15


def name_queries(count: int) -> list[str]:
    """``count`` names of MIN_WORDS-MAX_WORDS words, Latin and Arabic, in a fixed order."""
    with common.NAMES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    queries: list[str] = []
    for row in random.Random(SEED).sample(rows, len(rows)):
        queries += [q for q in (row["latin"], row["arabic"]) if MIN_WORDS <= len(q.split()) <= MAX_WORDS]
        if len(queries) >= count:
            break
    return queries[:count]


def is_sure(hit: dict) -> bool:
    return max((match["confidence"] for passage in hit["passages"] for match in passage["matches"]),
               default=0.0) >= SURE_CONFIDENCE


def run(alias: str, count: int) -> dict:
    api = Api(alias)
    answered, examples, top_weak = 0, [], 0
    for query in name_queries(count):
        hits = api.search(query, size=10).get("hits", [])
        if not hits:
            continue
        answered += 1
        sure = [is_sure(hit) for hit in hits]
        top_weak += not sure[0]
        if any(sure) and not sure[0]:
            examples.append(query)
    return {"alias": alias, "queries": count, "answered": answered, "weak_above_sure": len(examples),
            "top_weak": top_weak, "examples": examples[:EXAMPLES]}


def main() -> None:
    common.alias_benchmark(__doc__, run, common.NAMES, ("queries", 1600))


if __name__ == "__main__":
    main()
