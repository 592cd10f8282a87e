"""Quality report of the analysis module on ../shared/data (issue 3).

Rerun: ``.venv/bin/python bench/analysis_quality.py [--json out.json]``.

* diacritized_dev.tsv: the analysis (normalized forms) of the vowelled line must
  equal that of the plain line.
* names_dev.tsv, rows of kind ``translit``: share of Latin/Arabic pairs whose name
  keys collide, exactly and within one edit.  A pair collides when every content
  word of the Latin name has a key equal to (or one edit from) a key of some word
  of the Arabic name.
* The same for pairs of Arabic spellings of one Latin name.
* False merges: the same test on random pairs of *different* names.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from rapidfuzz.distance import OSA

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from arabic_search.analysis import analyze  # noqa: E402

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def word_keys(name: str) -> list[set[str]]:
    """Per content word of ``name``: the set of its name keys."""
    return [set(token.keys) for token in analyze(name) if token.keys]


def collide(left: list[set[str]], right: list[set[str]], edits: int) -> bool:
    """Every word of ``left`` finds a word of ``right`` whose keys agree (within ``edits``)."""
    if not left or not right:
        return False
    right_keys = set().union(*right)
    for keys in left:
        if keys & right_keys:
            continue
        if edits and any(OSA.distance(a, b, score_cutoff=edits) <= edits and min(len(a), len(b)) >= 3
                         for a in keys for b in right_keys):
            continue
        return False
    return True


def rates(pairs: list[tuple[str, str]]) -> dict:
    keyed = [(word_keys(a), word_keys(b)) for a, b in pairs]
    exact = sum(collide(a, b, 0) for a, b in keyed)
    near = sum(collide(a, b, 1) for a, b in keyed)
    return {"pairs": len(pairs), "exact": round(exact / len(pairs), 4),
            "one_edit": round(near / len(pairs), 4)}


def diacritics_report(path: Path) -> dict:
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    same = sum([t.normalized for t in analyze(r["diacritized"])] ==
               [t.normalized for t in analyze(r["plain"])] for r in rows)
    return {"lines": len(rows), "equal": round(same / len(rows), 4)}


def names_report(path: Path, rng: random.Random) -> dict:
    rows = [r for r in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)
            if r["kind"] == "translit"]
    latin_arabic = [(r["latin"], r["arabic"]) for r in rows]
    by_latin: dict[str, list[str]] = defaultdict(list)
    for latin, arabic in latin_arabic:
        by_latin[latin].append(arabic)
    variants = [(v[i], v[j]) for v in by_latin.values() if len(v) > 1
                for i in range(len(v)) for j in range(i + 1, len(v))]
    shuffled = [arabic for _, arabic in latin_arabic]
    rng.shuffle(shuffled)
    random_pairs = [(latin, other) for (latin, arabic), other in zip(latin_arabic, shuffled)
                    if other not in by_latin[latin]]
    arabic_names = sorted({arabic for _, arabic in latin_arabic})  # sorted: set order varies per run
    random_arabic = [(rng.choice(arabic_names), rng.choice(arabic_names)) for _ in range(len(variants) or 1000)]
    return {
        "latin_arabic": rates(latin_arabic),
        "arabic_variants": rates(variants) if variants else None,
        "false_merge_latin_arabic": rates(random_pairs),
        "false_merge_arabic_arabic": rates([p for p in random_arabic if p[0] != p[1]]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Analysis quality on ../shared/data")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent", file=sys.stderr)
        return 0
    started = time.time()
    report = {"diacritized_dev": diacritics_report(DATA / "diacritized_dev.tsv"),
              "names_dev": names_report(DATA / "names_dev.tsv", random.Random(7))}
    report["seconds"] = round(time.time() - started, 1)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
