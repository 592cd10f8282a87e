"""Choose likeness's confidence constants on the tune half (no Elasticsearch).

    .venv/bin/python bench/grid_likeness.py [--split tune]

Alignment costs do not depend on the constants that turn them into a confidence
(scales, minimum length, commonness), so they are computed once (memoized) and every
combination of constants is scored on the cached cases of tune_likeness.py: recall of
the Latin -> Arabic and Arabic -> Arabic pairs against the share of absent names that
match anything, at names.MIN_CONFIDENCE.  Prints the combinations that keep recall
above a floor, best first.
"""
from __future__ import annotations

import argparse
import functools
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from arabic_search import likeness, names  # noqa: E402
from tune_likeness import cases, rates, score  # noqa: E402

# Latin and Arabic scales only affect their own pairs: they move together.
SCALES = [(1.5, 1.0), (2.0, 1.5), (2.5, 2.0), (3.0, 2.5), (3.5, 3.0), (4.0, 3.5)]
GRID = {
    "MIN_NORM": [3, 4],
    "COMMON_ZIPF": [3.5, 4.0],
    "COMMON_WEIGHT": [0.0, 0.4, 0.8],
}


def _clear() -> None:
    likeness.latin_arabic.cache_clear()
    likeness.arabic_arabic.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="tune")
    parser.add_argument("--floor", type=float, default=0.93, help="least recall shown")
    args = parser.parse_args()
    data = cases(args.split)
    likeness.align = functools.lru_cache(maxsize=None)(likeness.align)
    results = []
    names_ = ["LATIN_SCALE", "ARABIC_SCALE"] + list(GRID)
    for values in itertools.product(*GRID.values(), SCALES):
        values = values[-1] + values[:-1]
        for name, value in zip(names_, values):
            setattr(likeness, name, value)
        _clear()
        r = rates(data, score(data), names.MIN_CONFIDENCE)
        results.append((values, r))
        print(values, {k: round(v, 3) for k, v in r.items()}, flush=True)
    print("\nLatin: best false rate with recall >= floor")
    ok = [(r["latin_false"], v, r) for v, r in results if r["latin_recall"] >= args.floor]
    for row in sorted(ok)[:15]:
        print(row)
    print("\nArabic: best false rate with recall >= floor")
    ok = [(r["arabic_false"], v, r) for v, r in results if r["arabic_recall"] >= args.floor]
    for row in sorted(ok)[:15]:
        print(row)


if __name__ == "__main__":
    main()
