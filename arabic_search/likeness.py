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
import json
import math
from pathlib import Path

from .graphemes import TWO_LETTER_OUTPUTS, grapheme_base, latin_graphemes, latin_letters
from .splitter import vocabulary

COSTS_FILE = Path(__file__).resolve().parent / "data" / "likeness_costs.json"
# Unlisted outputs: the table's default; costs are capped there (an impossible pair).
DELETE = ""
DEFAULT = "*"
INFINITY = math.inf

# Confidence = 1 - cost / (SCALE * max(letters, MIN_NORM)), costs in nats.
LATIN_SCALE = 3.0
ARABIC_SCALE = 3.0
MIN_NORM = 3
# Words more frequent than this (Zipf) pay this much more per unit of cost and Zipf step.
COMMON_ZIPF = 3.5
COMMON_WEIGHT = 0.3


_TABLES: dict = {}


def cost_tables() -> dict:
    """The learned tables (see bench/learn_likeness.py), loaded once."""
    if not _TABLES:
        _TABLES.update(json.loads(COSTS_FILE.read_text(encoding="utf-8")))
    return _TABLES


@functools.lru_cache(maxsize=4096)
def _row(kind: str, key: str) -> tuple[dict, float, float, tuple]:
    """(costs by output, default cost, deletion cost, two-letter outputs) of one unit."""
    table = cost_tables()[kind]
    costs = table.get(key) or table.get(grapheme_base(key)) or table[DEFAULT]
    two = tuple(out for out in TWO_LETTER_OUTPUTS.get(grapheme_base(key), ()) if out in costs)
    return costs, costs[DEFAULT], costs.get(DELETE, costs[DEFAULT]), two


def _insert_costs(kind: str) -> dict:
    return cost_tables()[kind + "_insert"]


def align(kind: str, source: tuple, target: str, trace: bool = False):
    """Cheapest alignment of ``source`` (per position: (unit key, length) options) with
    the letters of ``target``; with ``trace``, also the operations (key, output)."""
    n, m = len(source), len(target)
    inserts = _insert_costs(kind)
    insert_default = inserts[DEFAULT]
    table = [[INFINITY] * (m + 1) for _ in range(n + 1)]
    back: dict = {}
    table[0][0] = 0.0
    for i in range(n + 1):
        row = table[i]
        for j in range(m):
            value = row[j] + inserts.get(target[j], insert_default)
            if value < row[j + 1]:
                row[j + 1] = value
                if trace:
                    back[i, j + 1] = (i, j, None, target[j])
        if i == n:
            break
        for key, size in source[i]:
            costs, default, delete, two = _row(kind, key)
            following = table[i + size]
            for j in range(m + 1):
                base = row[j]
                if base == INFINITY:
                    continue
                moves = [(j, DELETE, delete)]
                if j < m:
                    moves.append((j + 1, target[j], costs.get(target[j], default)))
                for pair in two:
                    if target.startswith(pair, j):
                        moves.append((j + 2, pair, costs[pair]))
                for to, output, cost in moves:
                    if base + cost < following[to]:
                        following[to] = base + cost
                        if trace:
                            back[i + size, to] = (i, j, key, output)
    if not trace:
        return table[n][m]
    return table[n][m], _path(back, n, m)


def _path(back: dict, i: int, j: int) -> list:
    operations = []
    while (i, j) != (0, 0):
        i, j, key, output = back[i, j]
        operations.append((key, output))
    return operations[::-1]


def arabic_units(word: str) -> tuple:
    """An Arabic word as alignment positions (one letter each)."""
    return tuple(((letter, 1),) for letter in word)


def confidence_from_cost(cost: float, letters: int, zipf: float, scale: float) -> float:
    """Confidence of an alignment cost (see the module docstring)."""
    common = 1.0 + COMMON_WEIGHT * max(0.0, zipf - COMMON_ZIPF)
    return max(0.0, 1.0 - cost * common / (scale * max(letters, MIN_NORM)))


@functools.lru_cache(maxsize=200_000)
def latin_arabic(latin: str, arabic: str) -> float:
    """Confidence that normalized Arabic word ``arabic`` spells Latin word ``latin``."""
    source = latin_graphemes(latin)
    if not source or not arabic:
        return 0.0
    cost = align("latin", source, arabic)
    return confidence_from_cost(cost, len(arabic), vocabulary().get(arabic, 0.0), LATIN_SCALE)


@functools.lru_cache(maxsize=200_000)
def arabic_arabic(query: str, arabic: str) -> float:
    """Confidence that normalized Arabic word ``arabic`` is another spelling of ``query``."""
    if query == arabic:
        return 1.0
    if not query or not arabic:
        return 0.0
    cost = align("arabic", arabic_units(query), arabic)
    letters = max(len(query), len(arabic))
    return confidence_from_cost(cost, letters, vocabulary().get(arabic, 0.0), ARABIC_SCALE)


# Latin against Latin (Waldhauser / Waldhausser): a plain weighted edit distance.
_LATIN_CLASSES = ("bp", "td", "szc", "kgqc", "fvw", "iey", "ou", "ao")
VOWEL_CHANGE = 0.3
CONSONANT_NEAR = 0.5


def _latin_swap(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if any(a in group and b in group for group in _LATIN_CLASSES):
        return VOWEL_CHANGE if a in "aeiouy" else CONSONANT_NEAR
    return 1.0


@functools.lru_cache(maxsize=50_000)
def latin_latin(query: str, word: str) -> float:
    """Confidence that Latin word ``word`` is another spelling of Latin ``query``."""
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
    return max(0.0, 1.0 - previous[-1] / max(len(a), len(b), MIN_NORM + 1))
