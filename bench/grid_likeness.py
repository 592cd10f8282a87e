"""Choose likeness's confidence constants on the tune half (no Elasticsearch).

    .venv/bin/python bench/grid_likeness.py [--split tune] [--floor 0.93]

Alignment costs do not depend on the constants that turn them into a confidence
(scales, minimum length, commonness), so every case of tune_likeness.py is aligned
once, form by form (the word and its clitic readings, as names.confidence does), and
each combination of constants is then scored from those costs: recall of the Latin ->
Arabic and Arabic -> Arabic pairs against the share of absent names that match
anything, at names.MIN_CONFIDENCE.  Prints, per script, the combinations that keep
recall above the floor, fewest false matches first.
"""
from __future__ import annotations

import argparse
import functools
import hashlib
import itertools
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from arabic_search import alignment, form_pairs, likeness, names, readings  # noqa: E402
from arabic_search.graphemes import latin_graphemes  # noqa: E402
from arabic_search.scripts import ARABIC, LATIN  # noqa: E402
from arabic_search.splitter import vocabulary  # noqa: E402
from tune_likeness import cases  # noqa: E402

SCALES = [4.0, 5.0, 6.0, 7.0]
GRID = {"MIN_NORM": [3, 4], "COMMON_ZIPF": [3.0, 3.5],
        "COMMON_WEIGHT": [{"latin": w, "arabic": w} for w in (1.0, 1.5, 2.0, 3.0)]}


def _raw(query, word) -> list:
    """(factor, kind, source, target, letters, zipf) per form of ``word``; kind "fixed"
    carries a confidence that no constant changes."""
    forms = [(1.0, word.normalized)] + [(readings.reading_factor(word.normalized, r), r)
                                        for r in word.readings if readings.plausible_reading(r)]
    out = []
    for factor, form in forms:
        if query.script == LATIN and word.script == ARABIC:
            out.append((factor, "latin", latin_graphemes(query.normalized), form, len(form),
                        vocabulary().get(form, 0.0)))
        elif query.script == ARABIC and word.script == ARABIC and form != query.normalized:
            zipf = max(vocabulary().get(form, 0.0), vocabulary().get(query.normalized, 0.0))
            out.append((factor, "arabic", alignment.arabic_units(query.normalized), form,
                        max(len(form), len(query.normalized)), zipf))
        else:
            out.append((factor, "fixed", None, form_pairs.pair(query, query.normalized, form, word.script), 0, 0.0))
    return out


@functools.lru_cache(maxsize=None)
def _cost(kind: str, source: tuple, target: str, common: float) -> float:
    return alignment.align(kind, source, target, common=common)


def _confidence(raw: list, scales: dict) -> float:
    best = 0.0
    for factor, kind, source, target, letters, zipf in raw:
        if kind == "fixed":
            value = target
        else:
            cost = _cost(kind, source, target, likeness.commonness(zipf, kind))
            value = 1.0 - cost / (scales[kind] * max(letters, likeness.MIN_NORM))
        best = max(best, factor * value)
    return best


def evaluate(raws: dict, scales: dict, threshold: float) -> dict:
    share = lambda flags: sum(flags) / max(1, len(flags))  # noqa: E731
    result = {f"{k}_recall": share([_confidence(r, scales) >= threshold for r in raws[k]])
              for k in ("latin", "arabic")}
    for script in (LATIN, ARABIC):
        hits = [any(_confidence(r, scales) >= threshold for r in cands)
                for query_script, cands in raws["absent"] if query_script == script]
        result[f"{script}_false"] = share(hits)
    return result


def aligned(split: str, every: int = 1) -> dict:
    """The raw alignments of every case (or every ``every``-th), cached in /tmp per split
    and cost table."""
    digest = hashlib.sha1(alignment.COSTS_FILE.read_bytes()).hexdigest()[:12]
    path = Path(f"/tmp/likeness_raw2_{split}_{every}_{digest}.pickle")
    if path.exists():
        return pickle.loads(path.read_bytes())
    data = {kind: values[::every] for kind, values in cases(split).items()}
    raws = {"latin": [_raw(q, w) for q, w in data["latin"]],
            "arabic": [_raw(q, w) for q, w in data["arabic"]],
            "absent": [(q.script, [_raw(q, w) for w in cands if w.normalized != q.normalized])
                       for q, cands in data["absent"]]}
    path.write_bytes(pickle.dumps(raws))
    return raws


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="tune")
    parser.add_argument("--every", type=int, default=1, help="a sample: every n-th case")
    parser.add_argument("--floor", type=float, default=0.93, help="least recall shown")
    args = parser.parse_args()
    raws = aligned(args.split, args.every)
    print("aligned", flush=True)
    results = []
    for values in itertools.product(*GRID.values()):
        for name, value in zip(GRID, values):
            setattr(likeness, name, value)
        for scale in SCALES:
            r = evaluate(raws, {"latin": scale, "arabic": scale}, names.MIN_CONFIDENCE)
            results.append((values + (scale,), r))
            print(values + (scale,), {k: round(v, 3) for k, v in r.items()}, flush=True)
    for script in (LATIN, ARABIC):
        print(f"\n{script}: fewest false matches with recall >= {args.floor} (MIN_NORM, COMMON_ZIPF, "
              "COMMON_WEIGHT, scale)")
        ok = [(round(r[f"{script}_false"], 3), round(r[f"{script}_recall"], 3), v)
              for v, r in results if r[f"{script}_recall"] >= args.floor]
        for row in sorted(ok)[:12]:
            print("  ", row)


if __name__ == "__main__":
    main()
