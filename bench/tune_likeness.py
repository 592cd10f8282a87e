"""Offline tuning of name-match confidence (no Elasticsearch): recall vs false matches.

    .venv/bin/python bench/tune_likeness.py [--split tune|report] [--threshold 0.75]

Recall: single-word pairs of names_dev.tsv (kind translit) on one half of the Latin
names (split by a hash of the Latin name, so tuning never sees the reported half):
the share of Latin -> Arabic pairs and of Arabic -> Arabic spelling pairs whose
confidence reaches the threshold.  False matches: names whose spellings do not
occur in prose_msa.jsonl + seeds/, compared with every word of that corpus that
shares a name key with them, as the service's lexicon look-up would: the share of
queries with at least one accepted word, and the worst offenders.
"""
from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from arabic_search import names  # noqa: E402
from arabic_search.analysis import analyze  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def half(key: str) -> str:
    return "tune" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "report"


def corpus_words() -> set[str]:
    words: set[str] = set()
    texts = [json.loads(line) for line in (DATA / "prose_msa.jsonl").open(encoding="utf-8")]
    texts = [f"{doc.get('title', '')} {doc.get('body', '')}" for doc in texts]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")]
    for text in texts:
        words.update(token.normalized for token in analyze(text))
    return words


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="tune")
    parser.add_argument("--threshold", type=float, default=names.MIN_CONFIDENCE)
    args = parser.parse_args()
    rows = [r for r in csv.DictReader((DATA / "names_dev.tsv").open(encoding="utf-8"),
                                      delimiter="\t", quoting=csv.QUOTE_NONE)
            if r["kind"] == "translit" and half(r["latin"]) == args.split]
    single = [(r["latin"], analyze(r["arabic"])) for r in rows if len(r["latin"].split()) == 1]
    single = [(latin, toks[0]) for latin, toks in single if len(toks) == 1]
    lat_ok = [names.confidence(analyze(latin)[0], tok) >= args.threshold for latin, tok in single]
    print(f"Latin->Arabic single-word pairs: {sum(lat_ok)}/{len(lat_ok)} = {sum(lat_ok)/len(lat_ok):.3f}")
    misses = [(latin, tok.normalized, round(names.confidence(analyze(latin)[0], tok), 2))
              for (latin, tok), ok in zip(single, lat_ok) if not ok]
    print("  misses:", misses[:25])
    by_latin = collections.defaultdict(set)
    for latin, tok in single:
        by_latin[latin].add(tok.normalized)
    pairs = [(a, b) for spellings in by_latin.values() for a in spellings for b in spellings if a != b]
    ar_ok = [names.confidence(analyze(a)[0], analyze(b)[0]) >= args.threshold for a, b in pairs]
    print(f"Arabic->Arabic spelling pairs: {sum(ar_ok)}/{len(ar_ok)} = {sum(ar_ok)/max(1,len(ar_ok)):.3f}")
    print("  misses:", [(a, b) for (a, b), ok in zip(pairs, ar_ok) if not ok][:20])

    words = corpus_words()
    lexicon = collections.defaultdict(list)
    for word in words:
        for token in analyze(word)[:1]:
            for key in token.keys:
                lexicon[key].append(token)
    absent = [(latin, arabic) for latin, spellings in by_latin.items()
              for arabic in [sorted(spellings)[0]] if not (spellings & words)]
    hits = collections.Counter()
    examples = []
    for latin, arabic in absent:
        for query in (latin, arabic):
            token = analyze(query)[0]
            accepted = names.accepted_spellings(token, _candidates(token, lexicon))
            if accepted:
                hits[query == latin] += 1
                examples.append((query, sorted(accepted.items(), key=lambda kv: -kv[1])[:3]))
    n = len(absent)
    print(f"absent names: {n}; Latin queries matching anything {hits[True]/n:.3f}, "
          f"Arabic {hits[False]/n:.3f}")
    for example in examples[:40]:
        print("  ", example)


def _candidates(token, lexicon):
    seen = {}
    for key in token.keys:
        for word in lexicon.get(key, ()):
            seen[word.normalized] = word
    return list(seen.values())


if __name__ == "__main__":
    main()
