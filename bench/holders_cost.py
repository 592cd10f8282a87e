"""What the holders look-up of a short query costs (holders.py, holder_counts.py).

    .venv/bin/python bench/holders_cost.py --alias holdfast-prose [--rounds 7] [--profile]
    .venv/bin/python bench/holders_cost.py --alias holdfast-prose --check-counts 600

Per query (names of common words, bench/queries.py's phrases): each word's estimated
and listed documents, then the server's ``took`` and the round trip (medians over
``--rounds``, interleaved) of the holders request as it was (every word, the 5,000 most
frequent ids), in key order, the words' counts, and what the service sends now (the
counts, then the words still to list).  ``--profile`` adds Elasticsearch's own profile of
the old request per aggregation (collect against build, i.e. choosing and writing the
buckets).  ``--check-counts`` compares the ``cardinality`` estimate with the exact number
of documents for the N most frequent words of prose.jsonl (holder_counts.py relies on
the estimate never exceeding the exact count by more than COUNT_SLACK).
"""
from __future__ import annotations

import argparse
import collections
import copy
import json
import re
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
import common  # noqa: E402
import queries  # noqa: E402
import same_responses  # noqa: E402
from arabic_search import mapping as m  # noqa: E402
from arabic_search.holder_counts import COUNT_SLACK, PRECISION, count_request, still_to_list, too_many  # noqa: E402
from arabic_search.holders import MAX_HOLDERS, holders_request  # noqa: E402
from arabic_search.normalize import normalize_word  # noqa: E402
from arabic_search.plan import plan_search  # noqa: E402
from arabic_search.syntax import parse  # noqa: E402
from service.lookups import completed_plan  # noqa: E402

DATA = HERE.parent.parent / "shared" / "data" / "prose.jsonl"
ARABIC_WORD = re.compile(r"[\u0621-\u064A]{2,}")
EXACT_UP_TO = 40_000


def _by_count(body: dict) -> dict:
    """The request as it was: the MAX_HOLDERS most frequent ids of each word."""
    old = copy.deepcopy(body)
    for agg in old["aggs"].values():
        agg["aggs"]["docs"]["terms"].pop("order", None)
    return old


def _timed(es, alias: str, body: dict | None) -> tuple[float, float]:
    if body is None:
        return 0.0, 0.0
    started = time.perf_counter()
    took = es.search(index=alias, body=body).body["took"]
    return float(took), (time.perf_counter() - started) * 1000


def one_query(es, alias: str, text: str, rounds: int) -> dict:
    plan = completed_plan(es, alias, plan_search(parse(text)))
    counted = es.search(index=alias, body=count_request(plan)).body
    unlisted = too_many(plan, counted)
    wanted = still_to_list(plan, unlisted, {})
    bodies = {"old": _by_count(holders_request(plan)), "key order": holders_request(plan),
              "counts": count_request(plan), "now: listing": holders_request(plan, wanted) if wanted else None}
    times = collections.defaultdict(list)
    for _ in range(rounds):
        for name, body in bodies.items():
            times[name].append(_timed(es, alias, body))
    listed = es.search(index=alias, body=holders_request(plan)).body["aggregations"]
    words = [(word.token.text, counted["aggregations"][f"w{n}"]["docs"]["value"],
              len(listed[f"w{n}"]["docs"]["buckets"]), bool(listed[f"w{n}"]["docs"]["sum_other_doc_count"]))
             for n, word in enumerate(plan.content_words())]
    return {"query": text, "words": words, "unlisted": sorted(unlisted),
            "times": {name: (statistics.median(t for t, _ in v), round(statistics.median(w for _, w in v), 1))
                      for name, v in times.items()}}


def profile(es, alias: str, text: str) -> list[tuple]:
    plan = completed_plan(es, alias, plan_search(parse(text)))
    body = {**_by_count(holders_request(plan)), "profile": True}
    shard = es.search(index=alias, body=body).body["profile"]["shards"][0]
    return [(agg["description"], round(agg["time_in_nanos"] / 1e6, 1),
             {k: round(v / 1e6, 1) for k, v in child["breakdown"].items()
              if k in ("collect", "build_aggregation")})
            for agg in shard["aggregations"] for child in agg.get("children", [])]


def check_counts(es, alias: str, words: int) -> dict:
    frequency = collections.Counter()
    with DATA.open(encoding="utf-8") as handle:
        for line in handle:
            frequency.update({normalize_word(w) for w in ARABIC_WORD.findall(json.loads(line).get("body", ""))})
    rows = []
    for word, _ in frequency.most_common(words):
        aggs = {"c": {"cardinality": {"field": m.DOC_ID, "precision_threshold": PRECISION}},
                "t": {"terms": {"field": m.DOC_ID, "size": EXACT_UP_TO, "order": {"_key": "asc"}}}}
        found = es.search(index=alias, body={"size": 0, "query": {"term": {m.NORM: word}}, "aggs": aggs}).body
        rows.append((len(found["aggregations"]["t"]["buckets"]), found["aggregations"]["c"]["value"]))
    within = [(exact, estimate) for exact, estimate in rows if exact <= MAX_HOLDERS]
    return {"words": len(rows), "exact range": [min(rows)[0], max(rows)[0]],
            "words within MAX_HOLDERS": len(within),
            "most over the exact count within it": max(s - e for e, s in within),
            "ruled out wrongly (must be 0)": sum(s > MAX_HOLDERS + COUNT_SLACK for _, s in within),
            "over the exact count, up to 2 x MAX_HOLDERS": sorted((e, s) for e, s in rows
                                                               if s > e and e <= 2 * MAX_HOLDERS)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alias", required=True)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--check-counts", type=int, metavar="N")
    args = parser.parse_args(argv)
    es = common.client()
    if args.check_counts:
        print(json.dumps(check_counts(es, args.alias, args.check_counts), ensure_ascii=False))
        return 0
    print("load", Path("/proc/loadavg").read_text().split()[:3])
    for text in dict.fromkeys(same_responses.COMMON_NAMES + queries.PHRASES):
        print(json.dumps(one_query(es, args.alias, text, args.rounds), ensure_ascii=False))
        if args.profile:
            print("  profile:", json.dumps(profile(es, args.alias, text), ensure_ascii=False))
    print("load", Path("/proc/loadavg").read_text().split()[:3])
    return 0


if __name__ == "__main__":
    sys.exit(main())
