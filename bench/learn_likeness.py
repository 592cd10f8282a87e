"""Learn the costs of name likeness from real spellings (writes arabic_search/data/likeness_costs.json).

    .venv/bin/python bench/learn_alignment.py

Training data: the *tune* half of ../shared/data/names_dev.tsv (rows of kind translit,
split by bench/tune_alignment.half, so the report half is never seen), as word pairs
(Latin word, Arabic word) and as pairs of Arabic spellings of one Latin word.
Hard EM: align every pair with the current costs (alignment.align), count which Arabic
output each Latin grapheme (or Arabic letter) got and which letters were inserted,
re-estimate P(output | unit) smoothed towards a prior built from the consonant classes
of namekeys.py, repeat.  The worst-aligned pairs (mistranslations in the data) are not
counted.  Deterministic: same data, same file.
"""
from __future__ import annotations

import collections
import csv
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from arabic_search import alignment  # noqa: E402
from arabic_search.analysis import analyze  # noqa: E402
from arabic_search.graphemes import (FINAL, INITIAL, LATIN_VOWELS,  # noqa: E402
                                     TWO_LETTER_OUTPUTS, grapheme_base, latin_graphemes)
from arabic_search.namekeys import ARABIC_CLASSES, latin_alternatives  # noqa: E402
from tune_likeness import DATA, half  # noqa: E402

ITERATIONS = 3
SMOOTHING = 4.0          # pseudo-counts of the prior in each unit's distribution
CAP = 7.0                # largest cost (nats): an output never seen and not in the prior
FREE = 0.4               # outputs at least e**-FREE as likely as the best cost nothing
# The best-aligned share of the pairs that is counted: Arabic "variants" of one Latin
# name are often other names altogether (لخضريه / باليسترو), so fewer of them are kept.
KEEP_SHARE = {"latin": 0.95, "arabic": 0.75}
# Arabic pairs are few (about 1,300): their prior (the consonant classes) weighs more.
PRIOR_WEIGHT = {"latin": 1.0, "arabic": 5.0}
ARTICLE = "ال"
UNKNOWN_UNIT = {alignment.DELETE: CAP, alignment.DEFAULT: CAP}
LATIN_ARTICLES = ("al", "el", "ul")
ARABIC_VOWEL_LETTERS = "اويىعءه"
VOWEL_PAIR_LETTERS = "اويعءه"  # a Latin vowel may be written with two of these (Usuki = اوسوكي)
MIN_PAIR_COUNT = 3      # a two-letter output seen fewer times is dropped from the table
_GLIDES = {"w": "و", "v": "و", "wh": "و", "y": "ي", "j": "ي", "h": "ع"}  # not in namekeys classes
_VOWEL_LETTER = {"a": "اعه", "e": "يا", "i": "ي", "y": "ي", "o": "و", "u": "و"}


def training_pairs() -> tuple[list, list]:
    """(Latin word, Arabic word) pairs and (Arabic, Arabic) spelling pairs of the tune half."""
    rows = [r for r in csv.DictReader((DATA / "names_dev.tsv").open(encoding="utf-8"),
                                      delimiter="\t", quoting=csv.QUOTE_NONE)
            if r["kind"] == "translit" and half(r["latin"]) == "tune"
            and ":language" not in r["source"]]
    latin_pairs, spellings = [], collections.defaultdict(set)
    for row in rows:
        latin = [t.normalized for t in analyze(row["latin"]) if t.script == "latin"]
        latin = [w for w in latin if w not in LATIN_ARTICLES]
        arabic = [t.normalized for t in analyze(row["arabic"]) if t.script == "arabic"]
        if len(latin) != len(arabic) or not latin:
            continue
        for position, (word, written) in enumerate(zip(latin, arabic)):
            if written.startswith(ARTICLE) and len(written) > 4:
                written = written[2:]
            latin_pairs.append((word, written))
            spellings[(row["latin"], position)].add(written)
    arabic_pairs = [(a, b) for key in sorted(spellings) for a in sorted(spellings[key])
                    for b in sorted(spellings[key]) if a != b]
    return sorted(set(latin_pairs)), arabic_pairs


def latin_prior(key: str, alphabet: list[str]) -> dict[str, float]:
    """P0(output | Latin grapheme) from namekeys classes (consonants) or vowel letters."""
    base = grapheme_base(key)
    if base[0] in LATIN_VOWELS:
        likely = "".join(_VOWEL_LETTER.get(char, "") for char in base)
        # A vowel group (ai, ou, ee) is a long vowel or a diphthong: Arabic writes it.
        mass = {alignment.DELETE: 0.3} if len(base) == 1 else {}
        mass.update({a + b: 0.002 for a in VOWEL_PAIR_LETTERS for b in VOWEL_PAIR_LETTERS})
        mass.update({letter: 0.01 for letter in ARABIC_VOWEL_LETTERS})
        if key.startswith(INITIAL):  # alef or ain: Ibadan = ابادان, Usuki = اوسوكي
            mass.update({"ا": 0.2, "ع": 0.05})
            mass.update({alignment.DELETE: 0.05} if len(base) == 1 else {})
            mass.update({"ا" + letter: 0.1 for letter in likely if letter != "ا"})
            mass.update({"عا": 0.05})  # Aisha = عائشة, Adel = عادل
        elif key.endswith(FINAL):  # ta marbuta or a silent final e: Ome = اومه
            mass.update({"ه": 0.1})
    else:
        classes = {c[0] for piece in latin_alternatives(base) for c in piece if c}
        likely = "".join(letter for letter in alphabet if ARABIC_CLASSES.get(letter) in classes)
        likely += _GLIDES.get(base, "")
        mass = {alignment.DELETE: 0.3 if base in ("h", "gh", "w", "y") else 0.05}
    return _spread(mass, likely, alphabet + list(TWO_LETTER_OUTPUTS.get(base, ())))


def arabic_prior(letter: str, alphabet: list[str]) -> dict[str, float]:
    """P0(output | Arabic letter): itself, its namekeys class, then anything."""
    same_class = [x for x in alphabet if x != letter and ARABIC_CLASSES.get(x) is not None
                  and ARABIC_CLASSES.get(x) == ARABIC_CLASSES.get(letter)]
    mass = {letter: 0.7, alignment.DELETE: 0.2 if letter in ARABIC_VOWEL_LETTERS else 0.005}
    return _spread(mass, "".join(same_class) or letter, alphabet)


def _spread(mass: dict, likely: str, outputs: list[str]) -> dict[str, float]:
    """Fixed masses, 0.6 of the rest over the likely letters, the remainder over all."""
    rest = 1.0 - sum(mass.values())
    prior = collections.Counter(mass)
    for letter in likely:
        prior[letter] += 0.6 * rest / len(likely)
    for out in outputs:
        prior[out] += (0.4 if likely else 1.0) * rest / len(outputs)
    return dict(prior)


def estimate(counts: dict, priors: dict, prune: bool = False, weight: float = 1.0) -> dict:
    """Cost rows: -ln P(out | unit) + ln max P, smoothed towards the prior, capped."""
    table = {}
    for key in sorted(priors):
        seen = counts.get(key, collections.Counter())
        total = sum(seen.values()) + SMOOTHING * weight
        probs = {out: (seen[out] + SMOOTHING * weight * p) / total for out, p in priors[key].items()}
        for out, count in seen.items():
            probs.setdefault(out, count / total)
        if prune:  # rare two-letter outputs: noise, and each one slows the alignment
            probs = {out: p for out, p in probs.items() if len(out) < 2 or seen[out] >= MIN_PAIR_COUNT
                     or out in TWO_LETTER_OUTPUTS.get(grapheme_base(key), ())}
        best = max(probs.values())
        row = {out: round(min(CAP, max(0.0, math.log(best / p) - FREE)), 2)
               for out, p in sorted(probs.items())}
        row[alignment.DEFAULT] = CAP
        table[key] = {out: cost for out, cost in row.items() if cost < CAP or out == alignment.DEFAULT}
    return table


def estimate_inserts(counts: collections.Counter, positions: int, alphabet: list[str]) -> dict:
    """Cost of an Arabic letter with nothing opposite: -ln P(insertion of it)."""
    total = positions + SMOOTHING * len(alphabet)
    row = {letter: round(min(CAP, -math.log((counts[letter] + SMOOTHING) / total)), 2)
           for letter in alphabet}
    row[alignment.DEFAULT] = CAP
    return row


def em(kind: str, pairs: list, priors: dict, alphabet: list[str]) -> None:
    """Re-estimate ``kind``'s table (and its insertions) in place, ITERATIONS times."""
    tables = alignment.cost_tables()
    for iteration in range(ITERATIONS):
        aligned = []
        for source, target in pairs:
            units = latin_graphemes(source) if kind == "latin" else alignment.arabic_units(source)
            cost, path = alignment.alignment_path(kind, units, target)
            aligned.append((cost / max(1, len(target)), path))
        aligned.sort(key=lambda item: item[0])
        kept = aligned[:int(KEEP_SHARE[kind] * len(aligned))]
        counts, inserts, positions = collections.defaultdict(collections.Counter), collections.Counter(), 0
        for _cost, path in kept:
            for key, output in path:
                if key is None:
                    inserts[output] += 1
                else:
                    counts[key][output] += 1
                    positions += 1
        for key in counts:
            priors.setdefault(key, priors.get(grapheme_base(key)) or _uniform(alphabet))
        tables[kind] = estimate(counts, priors, prune=iteration == ITERATIONS - 1,
                                weight=PRIOR_WEIGHT[kind])
        tables[kind][alignment.DEFAULT] = UNKNOWN_UNIT
        tables[kind + "_insert"] = estimate_inserts(inserts, positions, alphabet)
        alignment._row.cache_clear()
        alignment._insert_costs.cache_clear()
        mean = sum(c for c, _ in kept) / max(1, len(kept))
        print(f"{kind} iteration {iteration + 1}: mean cost per letter {mean:.3f} over {len(kept)} pairs")


def _uniform(alphabet: list[str]) -> dict[str, float]:
    outputs = alphabet + [alignment.DELETE]
    return {out: 1.0 / len(outputs) for out in outputs}


def initial_tables(latin_pairs: list, alphabet: list[str]) -> tuple[dict, dict]:
    """Priors of every unit seen, and first tables made from them."""
    keys = sorted({key for word, _ in latin_pairs for options in latin_graphemes(word)
                   for key, _size in options})
    latin = {key: latin_prior(key, alphabet) for key in keys}
    arabic = {letter: arabic_prior(letter, alphabet) for letter in alphabet}
    inserts = {letter: (2.0 if letter in ARABIC_VOWEL_LETTERS else 5.0) for letter in alphabet}
    inserts[alignment.DEFAULT] = CAP
    tables = alignment._TABLES  # filled here: the old file is never read while learning
    tables.clear()
    alignment._row.cache_clear()
    alignment._insert_costs.cache_clear()
    tables.update({"latin": estimate({}, latin), "arabic": estimate({}, arabic),
                   "latin_insert": dict(inserts), "arabic_insert": dict(inserts)})
    for kind in ("latin", "arabic"):
        tables[kind][alignment.DEFAULT] = UNKNOWN_UNIT
    return latin, arabic


def main() -> None:
    latin_pairs, arabic_pairs = training_pairs()
    alphabet = sorted({letter for _, word in latin_pairs for letter in word})
    print(f"{len(latin_pairs)} Latin-Arabic word pairs, {len(arabic_pairs)} Arabic spelling pairs, "
          f"{len(alphabet)} letters")
    latin_priors, arabic_priors = initial_tables(latin_pairs, alphabet)
    em("latin", latin_pairs, latin_priors, alphabet)
    em("arabic", arabic_pairs, arabic_priors, alphabet)
    out = ROOT / "arabic_search" / "data" / "likeness_costs.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(alignment.cost_tables(), ensure_ascii=False, sort_keys=True,
                              separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
