"""Offline tuning of name-match confidence (no Elasticsearch): recall vs false matches.

    .venv/bin/python bench/tune_likeness.py [--split tune|report] [--threshold 0.75] [--sweep]

Recall: single-word pairs of names_dev.tsv (kind translit) on one half of the Latin
names (split by a hash of the Latin name, so tuning never sees the reported half):
the share of Latin -> Arabic pairs and of Arabic -> Arabic spelling pairs whose
confidence reaches the threshold (language names are left out: CLDR writes them as
adjectives, Afar / الأفارية, which are not spellings of the name).  Arabic pairs that differ only by the article
(الفيتنام / فيتنام) are left out: the stem tier matches them, not likeness; when only
one of the two has the article, the article-free forms are compared.
False matches: names whose spellings do not occur in prose_msa.jsonl + seeds/,
compared with every word of that corpus that shares a name key with them, as the
service's lexicon look-up would: the share of queries with at least one accepted
word, and the worst offenders.  The cases (which need no likeness) are cached in
/tmp so that a re-run costs only the scoring.
"""
from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from arabic_search import names  # noqa: E402
from arabic_search.analysis import analyze  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
CACHE = Path("/tmp/likeness_cases_{split}.pickle")
ARTICLE = "ال"
# CLDR language names: the Arabic is an adjective (Afar / الافاريه), not a spelling.
LANGUAGE = ":language"


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


def _strip(word: str) -> str:
    return word[2:] if word.startswith(ARTICLE) and len(word) > 4 else word


def _arabic_pairs(by_latin: dict) -> list:
    """Ordered pairs of spellings of one name, article differences set aside."""
    pairs = []
    for spellings in by_latin.values():
        for a in spellings:
            for b in spellings:
                if a == b or _strip(a) == _strip(b):
                    continue
                one_article = a.startswith(ARTICLE) != b.startswith(ARTICLE)
                x, y = (_strip(a), _strip(b)) if one_article else (a, b)
                pairs.append((analyze(x)[0], analyze(y)[0]))
    return pairs


def build_cases(split: str) -> dict:
    rows = [r for r in csv.DictReader((DATA / "names_dev.tsv").open(encoding="utf-8"),
                                      delimiter="\t", quoting=csv.QUOTE_NONE)
            if r["kind"] == "translit" and half(r["latin"]) == split]
    single = [(analyze(r["latin"]), analyze(r["arabic"]), LANGUAGE in r["source"]) for r in rows]
    single = [(lat[0], ar[0], language) for lat, ar, language in single
              if len(lat) == 1 and len(ar) == 1]
    by_latin, variants = collections.defaultdict(set), collections.defaultdict(set)
    for latin, tok, language in single:
        by_latin[latin.text].add(tok.normalized)
        if not language:
            variants[latin.text].add(tok.normalized)
    words = corpus_words()
    lexicon = collections.defaultdict(list)
    for word in words:
        for token in analyze(word)[:1]:
            for key in token.keys:
                lexicon[key].append(token)
    absent = []
    for latin, spellings in by_latin.items():
        if spellings & words:
            continue
        for query in (latin, sorted(spellings)[0]):
            token = analyze(query)[0]
            absent.append((token, _candidates(token, lexicon)))
    recall = [(latin, tok) for latin, tok, language in single if not language]
    return {"latin": recall, "arabic": _arabic_pairs(variants), "absent": absent}


def cases(split: str) -> dict:
    path = Path(str(CACHE).format(split=split))
    if path.exists():
        return pickle.loads(path.read_bytes())
    built = build_cases(split)
    path.write_bytes(pickle.dumps(built))
    return built


def score(data: dict) -> dict:
    """Confidences of every case (what the threshold is then applied to)."""
    return {
        "latin": [names.confidence(q, w) for q, w in data["latin"]],
        "arabic": [names.confidence(q, w) for q, w in data["arabic"]],
        "absent": [[names.confidence(q, w) for w in cands if w.normalized != q.normalized]
                   for q, cands in data["absent"]],
    }


def rates(data: dict, scores: dict, threshold: float) -> dict:
    share = lambda flags: sum(flags) / max(1, len(flags))  # noqa: E731
    absent = [(q.script, any(s >= threshold for s in ss))
              for (q, _), ss in zip(data["absent"], scores["absent"])]
    return {"latin_recall": share([s >= threshold for s in scores["latin"]]),
            "arabic_recall": share([s >= threshold for s in scores["arabic"]]),
            "latin_false": share([hit for script, hit in absent if script == "latin"]),
            "arabic_false": share([hit for script, hit in absent if script == "arabic"])}


def report(data: dict, scores: dict, threshold: float, examples: int = 40) -> None:
    r = rates(data, scores, threshold)
    print(f"threshold {threshold}: Latin->Arabic recall {r['latin_recall']:.3f} "
          f"({len(scores['latin'])} pairs), Arabic->Arabic {r['arabic_recall']:.3f} "
          f"({len(scores['arabic'])} pairs); absent names ({len(data['absent']) // 2}) "
          f"matching anything: Latin {r['latin_false']:.3f}, Arabic {r['arabic_false']:.3f}")
    misses = [(q.text, w.normalized, round(s, 2))
              for (q, w), s in zip(data["latin"], scores["latin"]) if s < threshold]
    print("  Latin misses:", misses[:25])
    misses = [(q.normalized, w.normalized, round(s, 2))
              for (q, w), s in zip(data["arabic"], scores["arabic"]) if s < threshold]
    print("  Arabic misses:", misses[:20])
    shown = 0
    for (query, cands), ss in zip(data["absent"], scores["absent"]):
        others = [w for w in cands if w.normalized != query.normalized]
        hits = sorted(((s, w.normalized) for s, w in zip(ss, others) if s >= threshold), reverse=True)
        if hits and shown < examples:
            shown += 1
            print("   ", query.text, hits[:3])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="tune")
    parser.add_argument("--threshold", type=float, default=names.MIN_CONFIDENCE)
    parser.add_argument("--sweep", action="store_true", help="rates for a range of thresholds")
    parser.add_argument("--examples", type=int, default=40, help="false matches shown")
    args = parser.parse_args()
    data = cases(args.split)
    started = time.process_time()  # CPU time: the machine is shared
    scores = score(data)
    count = len(scores["latin"]) + len(scores["arabic"]) + sum(map(len, scores["absent"]))
    elapsed = time.process_time() - started
    print(f"{count} confidences in {elapsed:.1f} s CPU: {1000 * elapsed / count:.3f} ms each "
          "(cold caches)")
    if args.sweep:
        for step in range(50, 96, 3):
            r = rates(data, scores, step / 100)
            print(f"  {step / 100:.2f}  " + "  ".join(f"{k} {v:.3f}" for k, v in r.items()))
    report(data, scores, args.threshold, args.examples)


def _candidates(token, lexicon):
    seen = {}
    for key in token.keys:
        for word in lexicon.get(key, ()):
            seen[word.normalized] = word
    return list(seen.values())


if __name__ == "__main__":
    main()
