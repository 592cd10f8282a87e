"""Before against after, from ``bench/profile_service.py --raw`` files of both sides.

    .venv/bin/python bench/ab_rows.py --before /tmp/b*.json --after /tmp/a*.json

Per kind of query: p50 and p95 of the whole search and of its requests before the search
(look-ups, holders counts and listings: the part the holders look-up lives in), after /
before; then per query (rows that name it) the medians and their ratio, and the median of
the per-query ratios by kind.  Interleave the runs (before, after, before...) so the
machine's load falls on both alike.
"""
from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

PRE_SEARCH = ("lookup", "holder")


def _rows(paths: list[Path]) -> list[dict]:
    return [row for path in paths for row in json.loads(path.read_text(encoding="utf-8"))["rows"]]


def pre_search(row: dict) -> float:
    """Round trips of the requests before the search itself."""
    return sum(wall for label, wall, _ in row["es"] if any(part in label for part in PRE_SEARCH))


def by_kind(before: list[dict], after: list[dict]) -> list[list]:
    table = []
    for kind in sorted({row["kind"] for row in before}) + ["all"]:
        sides = [[row for row in rows if kind in ("all", row["kind"])] for rows in (before, after)]
        for pct in (50, 95):
            total = [common.percentile([row["total"] for row in rows], pct) for rows in sides]
            pre = [common.percentile([pre_search(row) for row in rows], pct) for rows in sides]
            table.append([f"{kind} p{pct}", round(total[0], 1), round(total[1], 1),
                          round(total[1] / total[0], 2), round(pre[0], 1), round(pre[1], 1),
                          round(pre[1] / max(pre[0], 1e-9), 2)])
    return table


def by_query(before: list[dict], after: list[dict]) -> list[list]:
    times = collections.defaultdict(lambda: ([], []))
    for side, rows in enumerate((before, after)):
        for row in rows:
            if "query" in row:
                times[(row["kind"], row["query"])][side].append(row["total"])
    return [[kind, query, round(statistics.median(b), 1), round(statistics.median(a), 1),
             round(statistics.median(a) / statistics.median(b), 2)]
            for (kind, query), (b, a) in sorted(times.items()) if b and a]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, nargs="+", required=True)
    parser.add_argument("--after", type=Path, nargs="+", required=True)
    args = parser.parse_args(argv)
    before, after = _rows(args.before), _rows(args.after)
    print(common.table(["kind", "before ms", "after ms", "ratio", "pre-search before", "after", "ratio"],
                       by_kind(before, after)))
    queries = by_query(before, after)
    print(common.table(["kind", "query", "before ms", "after ms", "ratio"], queries))
    for kind in sorted({row[0] for row in queries}):
        ratios = [row[4] for row in queries if row[0] == kind]
        print(f"median of per-query ratios, {kind}: {statistics.median(ratios):.2f} ({len(ratios)} queries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
