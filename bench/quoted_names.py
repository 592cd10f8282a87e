"""Quoted names: of the names a real corpus answers unquoted, how many it answers quoted.

A quoted name asks for the name as one (docs/design.md, twenty-eighth round): its words in
a row, its translation ("Abu Dhabi": أبوظبي) or its words run together ("أبو هريرة":
ابوهريره).  For names of two or three words from names_dev.tsv (the report half, Latin and
Arabic, a fixed sample), asked of an index of a real corpus through the service API, this
counts those that find something unquoted, those that find something quoted too, and those
whose first hit is the same both ways.  Run it in two trees on the same index to compare:

    .venv/bin/python -m indexer --index prose ../shared/data/prose.jsonl
    .venv/bin/python bench/quoted_names.py --alias prose [--names 1500]
"""
from __future__ import annotations

import random

import common
import split as splitting
from service_api import Api, read_tsv

SEED = 3
MIN_WORDS, MAX_WORDS = 2, 3
EXAMPLES = 15


def name_queries(count: int) -> list[str]:
    """The Latin and Arabic forms of ``count`` names of MIN_WORDS-MAX_WORDS Latin words."""
    rows = [row for row in read_tsv(common.NAMES)
            if MIN_WORDS <= len(row["latin"].split()) <= MAX_WORDS
            and splitting.in_split(row["latin"], "report")]
    random.Random(SEED).shuffle(rows)
    return [query for row in rows[:count] for query in (row["latin"], row["arabic"])
            if '"' not in query and len(query.split()) >= MIN_WORDS]


def run(alias: str, count: int) -> dict:
    api = Api(alias)

    def search(query: str) -> dict:
        return api.search(query, size=1)

    answered = quoted_too = same_first = 0
    lost: list[str] = []
    for query in name_queries(count):
        plain = search(query)
        if not plain.get("hits"):
            continue
        answered += 1
        quoted = search(f'"{query}"')
        quoted_too += bool(quoted.get("hits"))
        same_first += bool(quoted.get("hits")) and quoted["hits"][0]["id"] == plain["hits"][0]["id"]
        if not quoted.get("hits"):
            lost.append(query)
    return {"alias": alias, "names": count, "answered_unquoted": answered,
            "answered_quoted_too": quoted_too, "same_first_hit": same_first,
            "examples_lost": lost[:EXAMPLES]}


def main() -> None:
    common.alias_benchmark(__doc__, run, common.NAMES, ("names", 1500))


if __name__ == "__main__":
    main()
