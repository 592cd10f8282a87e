"""How likely a written word is a spelling of a query name: a confidence from 0 to 1.

Name keys (``namekeys.py``) find candidates: words whose consonant skeleton is the
query's.  A shared skeleton is weak evidence on real text (Libya and الوب, "the
Web", are both LB), so every candidate is aligned with the query, Latin grapheme
(``graphemes.py``) or Arabic letter against Arabic letter, at a cost learned from
real spellings (``data/likeness_costs.json``, built by ``bench/learn_likeness.py``
from names_dev.tsv): the cost of writing Latin ``g`` as Arabic ``ج`` is how much less
likely that is than g's most usual spelling, -ln P(ج | g) + ln max P(· | g).  So
Benghazi = بنغازي costs almost nothing, while Phuket = فقط pays for k = ق and t = ط,
each a rare choice, and Libya = لاعب for an ع that no Latin letter explains.

The cost per Arabic letter (at least :data:`MIN_NORM` letters: short names must
agree nearly exactly) is turned into a confidence.  A candidate that is a common
Arabic word pays more for each unexplained difference (a name query rarely means
فقط), but nothing when it spells the name exactly (محمد, علي, ليبيا are common too).
Pure functions, cached.
"""
from __future__ import annotations

import functools
import itertools
import json
import math
import operator
from pathlib import Path

from .graphemes import (LATIN_VOWELS, LONGEST_GROUP, grapheme_base, latin_graphemes, latin_letters,
                        single_letter)
from .splitter import vocabulary

COSTS_FILE = Path(__file__).resolve().parent / "data" / "likeness_costs.json"
# Unlisted outputs: the table's default; costs are capped there (an impossible pair).
DELETE = ""
DEFAULT = "*"
INFINITY = math.inf
TOLERANCE = 1e-9

# Confidence = 1 - cost / (SCALE * max(letters, MIN_NORM)), costs in nats.
LATIN_SCALE = 6.0
ARABIC_SCALE = 5.0
MIN_NORM = 3
# Words more frequent than this (Zipf) pay this much more per unit of cost and Zipf step.
COMMON_ZIPF = 3.0
COMMON_WEIGHT = 2.0
# Confidences below this are reported as 0: the alignment stops as soon as it is sure.
FLOOR = 0.5


_TABLES: dict = {}


def cost_tables() -> dict:
    """The learned tables (see bench/learn_likeness.py), loaded once."""
    if not _TABLES:
        _TABLES.update(json.loads(COSTS_FILE.read_text(encoding="utf-8")))
    return _TABLES


@functools.lru_cache(maxsize=8192)
def _row(kind: str, key: str, common: float = 1.0) -> tuple[dict, float, float, tuple]:
    """(costs by output, default cost, deletion cost, two-letter outputs) of one unit,
    multiplied by ``common`` except for leaving a Latin vowel unwritten (Arabic does not
    write short vowels: that is no evidence against a common word, محمد = Muhammad)."""
    table = cost_tables()[kind]
    costs = table.get(key) or table.get(single_letter(key)) or table[DEFAULT]
    if common != 1.0:
        exempt = kind == "latin" and grapheme_base(key)[0] in LATIN_VOWELS
        costs = {out: cost if exempt and out == DELETE else cost * common
                 for out, cost in costs.items()}
    two = tuple(out for out in costs if len(out) == 2)
    return costs, costs[DEFAULT], costs.get(DELETE, costs[DEFAULT]), two


@functools.lru_cache(maxsize=64)
def _insert_costs(kind: str, common: float = 1.0) -> dict:
    return {letter: cost * common for letter, cost in cost_tables()[kind + "_insert"].items()}


def _fill(kind: str, source: tuple, target: str, limit: float = INFINITY,
          common: float = 1.0) -> list[list[float]]:
    """Dynamic programme: cell [i][j] is the cheapest alignment of source[:i] with
    target[:j].  Rows are updated a whole row at a time with map() (C speed).  Once
    every open cell costs more than ``limit`` the result is INFINITY (costs only grow)."""
    n, m = len(source), len(target)
    inserts = _insert_costs(kind, common)
    insert = [inserts.get(letter, inserts[DEFAULT]) for letter in target]
    table = [[INFINITY] * (m + 1) for _ in range(n + 1)]
    table[0][0] = 0.0
    for i in range(n + 1):
        row = table[i]
        for j in range(m):
            if row[j] + insert[j] < row[j + 1]:
                row[j + 1] = row[j] + insert[j]
        if i == n:
            break
        if min(min(later) for later in table[i:i + LONGEST_GROUP]) > limit:
            table[n][m] = INFINITY
            break
        for key, size in source[i]:
            costs, default, delete, two = _row(kind, key, common)
            following = table[i + size]
            following[:] = map(min, following, map(operator.add, row, itertools.repeat(delete)))
            substitute = map(costs.get, target, itertools.repeat(default))
            following[1:] = map(min, following[1:], map(operator.add, row, substitute))
            for pair in two:
                for j in _occurrences(target, pair):
                    following[j + 2] = min(following[j + 2], row[j] + costs[pair])
    return table


def _occurrences(target: str, pair: str):
    start = target.find(pair)
    while start >= 0:
        yield start
        start = target.find(pair, start + 1)


def align(kind: str, source: tuple, target: str, limit: float = INFINITY,
          common: float = 1.0) -> float:
    """Cost of the cheapest alignment of ``source`` (per position: (unit key, length)
    options) with the letters of ``target``, costs weighted by ``common`` (see _row);
    INFINITY if it is sure to exceed ``limit``."""
    return _fill(kind, source, target, limit, common)[len(source)][len(target)]


def alignment_path(kind: str, source: tuple, target: str) -> tuple[float, list]:
    """The cost and the operations (unit key or None for an insertion, output) of the
    cheapest alignment, recovered from the filled table (for learning the costs)."""
    table = _fill(kind, source, target)
    i, j, operations = len(source), len(target), []
    inserts = _insert_costs(kind)
    while (i, j) != (0, 0):
        step = _step_back(kind, source, target, table, i, j, inserts)
        operations.append(step[2:])
        i, j = step[:2]
    return table[len(source)][len(target)], operations[::-1]


def _step_back(kind, source, target, table, i, j, inserts) -> tuple:
    """The (i, j, key, output) cell and operation that reach cell [i][j] at its cost."""
    value, close = table[i][j], lambda a, b: abs(a - b) < TOLERANCE
    if j and close(table[i][j - 1] + inserts.get(target[j - 1], inserts[DEFAULT]), value):
        return i, j - 1, None, target[j - 1]
    for start in range(i):
        for key, size in source[start]:
            if start + size != i:
                continue
            costs, default, delete, _two = _row(kind, key)
            if close(table[start][j] + delete, value):
                return start, j, key, DELETE
            if j and close(table[start][j - 1] + costs.get(target[j - 1], default), value):
                return start, j - 1, key, target[j - 1]
            if j > 1 and target[j - 2:j] in costs and close(table[start][j - 2] + costs[target[j - 2:j]], value):
                return start, j - 2, key, target[j - 2:j]
    raise AssertionError("no step reaches the cell")  # the table was filled by these same moves


def arabic_units(word: str) -> tuple:
    """An Arabic word as alignment positions (one letter each)."""
    return tuple(((letter, 1),) for letter in word)


def commonness(zipf: float) -> float:
    """How much more each unexplained difference costs in a word this common (Zipf),
    rounded so that the weighted cost rows can be cached."""
    return round(1.0 + COMMON_WEIGHT * max(0.0, zipf - COMMON_ZIPF), 1)


def _scored(kind: str, source: tuple, target: str, letters: int, scale: float,
            zipf: float = 0.0) -> float:
    """Confidence of the alignment; below FLOOR it is reported as 0 (not computed)."""
    common = commonness(max(zipf, vocabulary().get(target, 0.0)))
    per_cost = 1.0 / (scale * max(letters, MIN_NORM))
    cost = align(kind, source, target, limit=(1.0 - FLOOR) / per_cost, common=common)
    confidence = 1.0 - cost * per_cost
    return confidence if confidence >= FLOOR else 0.0


@functools.lru_cache(maxsize=200_000)
def latin_arabic(latin: str, arabic: str) -> float:
    """Confidence that normalized Arabic word ``arabic`` spells Latin word ``latin``."""
    source = latin_graphemes(latin)
    if not source or not arabic:
        return 0.0
    return _scored("latin", source, arabic, len(arabic), LATIN_SCALE)


@functools.lru_cache(maxsize=200_000)
def arabic_arabic(query: str, arabic: str) -> float:
    """Confidence that normalized Arabic word ``arabic`` is another spelling of ``query``."""
    if query == arabic:
        return 1.0
    if not query or not arabic:
        return 0.0
    letters = max(len(query), len(arabic))
    # A common query word must agree better too: الحكومه is not الحكمه.
    zipf = vocabulary().get(query, 0.0)
    return _scored("arabic", arabic_units(query), arabic, letters, ARABIC_SCALE, zipf)


# Latin against Latin (Waldhauser / Waldhausser): a plain weighted edit distance.
_LATIN_CLASSES = ("bp", "td", "szc", "kgqc", "fvw", "iey", "ou", "ao")
VOWEL_CHANGE = 0.3
CONSONANT_NEAR = 0.5
LATIN_FREE_LETTERS = 3


def _latin_swap(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if any(a in group and b in group for group in _LATIN_CLASSES):
        return VOWEL_CHANGE if a in "aeiouy" else CONSONANT_NEAR
    return 1.0


@functools.lru_cache(maxsize=50_000)
def latin_latin(query: str, word: str) -> float:
    """Confidence that Latin word ``word`` is another spelling of Latin ``query``: the
    cost is shared by the letters beyond the first LATIN_FREE_LETTERS, so a short word
    must be spelt exactly (Ga is not go, Ono is not one)."""
    if query == word:
        return 1.0
    a, b = latin_letters(query), latin_letters(word)
    previous = [float(j) for j in range(len(b) + 1)]
    for i, char_a in enumerate(a, 1):
        current = [float(i)]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j - 1] + _latin_swap(char_a, char_b),
                               previous[j] + 1.0, current[j - 1] + 1.0))
        previous = current
    return max(0.0, 1.0 - previous[-1] / max(1, max(len(a), len(b)) - LATIN_FREE_LETTERS))
