"""Cheapest alignment of a name's units with the letters of an Arabic word.

The units are Latin graphemes (``graphemes.py``, several possible per position) or
Arabic letters; each may be written as one Arabic letter, two (x = كس), or nothing,
and an Arabic letter may stand opposite nothing.  What each of these costs is learned
from real spellings (``data/likeness_costs.json``, built by bench/learn_likeness.py):
``cost_tables()[kind][unit][output]``, with ``""`` for nothing and ``"*"`` for any
output the table does not list, and ``[kind + "_insert"][letter]``.  ``likeness.py``
turns the cost into a confidence.  Pure functions.
"""
from __future__ import annotations

import functools
import itertools
import json
import math
import operator
from pathlib import Path

from . import english_vowels
from .clitics import CONJUNCTIONS, PREPOSITIONS, VERB_PREFIXES
from .graphemes import (APART, ENGLISH, FINAL, INITIAL, LATIN_VOWELS, LONGEST_GROUP, SOUNDED, grapheme_base,
                        single_letter)
from .vowel_runs import SILENT_RUN, vowel_runs

COSTS_FILE = Path(__file__).resolve().parent / "data" / "likeness_costs.json"
DELETE = ""     # the output "nothing"
DEFAULT = "*"   # any output that a row does not list
INFINITY = math.inf
TOLERANCE = 1e-9

_TABLES: dict = {}
AYN = "ع"
HAH = "ح"
# Where a common word is compared (its weight, likeness.commonness, above 1), one Arabic
# letter written for another costs at least this (nats) before the weight multiplies it.
# The learned table makes the commonest changes free: in names_dev.tsv's spellings of one
# name ج stands opposite غ more often than opposite ج (جوردون / غوردون, بنغازي / بنجازي),
# ث opposite ت.  But nothing weighed stays nothing, so غريب ("strange", 1,313 documents of
# prose.jsonl) was spelt جريب surely (1.0), and غدة ("gland") جدة.  With it two ordinary
# words are no longer one (جريب / غريب 0.71, below the Arabic fuzzy threshold of names.py)
# and a name's spelling stays sure (بنجازي for the common بنغازي 0.86); between two rare
# words, a name's spellings, the learned costs stand unchanged.
MIN_LETTER_CHANGE = 1.25
# The letter that writes each Latin vowel long.
LONG_VOWEL_LETTERS = {"a": "ا", "e": "ي", "i": "ي", "o": "و", "u": "و"}


def cost_tables() -> dict:
    """The learned tables (see bench/learn_likeness.py), loaded once."""
    if not _TABLES:
        _TABLES.update(json.loads(COSTS_FILE.read_text(encoding="utf-8")))
    return _TABLES


@functools.lru_cache(maxsize=8192)
def _row(kind: str, key: str, common: float = 1.0, silent_initial: bool = True,
         reshaping: float | None = None) -> tuple[dict, float, float, tuple]:
    """(costs by output, default cost, deletion cost, two-letter outputs) of one unit,
    multiplied by ``common`` except for leaving a Latin vowel unwritten (Arabic does not
    write short vowels: that is no evidence against a common word, محمد = Muhammad), and
    leaving a consonant unwritten, which is multiplied by ``reshaping`` (``common`` when
    None; see likeness.commonness).
    ``silent_initial`` False: an initial Latin vowel must be written (see likeness.py)."""
    table = cost_tables()[kind]
    english = key.endswith(ENGLISH)
    apart = key.endswith(APART)
    key = key.removesuffix(ENGLISH).removesuffix(APART)
    costs = (table.get(key) or table.get(single_letter(key)) or table.get(grapheme_base(key))
             or table[DEFAULT])
    if kind == "latin" and not key.endswith(FINAL):
        costs = _with_ayn_and_long_vowel(key, costs)
    if english:
        costs = _with_english_reading(key, costs)
    if apart:  # an h apart from an s before it is never ح (graphemes.APART)
        costs = {**costs, HAH: INFINITY}
    if (not silent_initial and key.startswith(INITIAL)) or key.startswith(SOUNDED):
        costs = {out: cost for out, cost in costs.items() if out != DELETE}
    if kind == "arabic" and common > 1.0:
        costs = _letter_changes_priced(grapheme_base(key), costs)
    vowel = kind == "latin" and grapheme_base(key)[0] in LATIN_VOWELS
    unwritten = 1.0 if vowel else (common if reshaping is None else reshaping)
    if common != 1.0 or unwritten != 1.0:
        costs = {out: cost * (unwritten if out == DELETE else common) for out, cost in costs.items()}
    two = tuple(out for out in costs if len(out) == 2)
    return costs, costs[DEFAULT], costs.get(DELETE, costs[DEFAULT]), two


def _letter_changes_priced(letter: str, costs: dict) -> dict:
    """An Arabic letter written as another costs at least MIN_LETTER_CHANGE."""
    return {out: max(cost, MIN_LETTER_CHANGE) if len(out) == 1 and out != letter else cost
            for out, cost in costs.items()}


def _with_english_reading(key: str, costs: dict) -> dict:
    """A vowel English sounds otherwise may be written as it sounds (english_vowels.py)."""
    added = {out: english_vowels.COST for out in english_vowels.OUTPUTS[key]
             if costs.get(out, INFINITY) > english_vowels.COST}
    return {**costs, **added}


def _with_ayn_and_long_vowel(key: str, costs: dict) -> dict:
    """A vowel written ع may write its long vowel beside it, as dear as the ع alone.
    Initial, after it (Issa = عيسى, Eid = عيد): the learned table has عا for a but lacks
    the others, so the ي of عيسى stood for nothing (an insertion, 6.3) and Issa found عسى.
    Inside a word, before it and before another vowel (Ismail = إسماعيل): a Latin
    spelling leaves out the ع between two vowels, and as an insertion (7.0, weighed as a
    consonant added) it cost the commonest names their spelling (Ismail found only إسمعيل
    and أسمال, "rags").  Not after it: ع + a long vowel is spelt with both vowels or a
    doubled one (Maaz, Moaz = معاذ), and read from one a it found ordinary words (Surian =
    سرعان, Basal = بسعال)."""
    long = LONG_VOWEL_LETTERS.get(grapheme_base(key)[:1])
    if not long or AYN not in costs:
        return costs
    around = AYN + long if key.startswith(INITIAL) else long + AYN
    return costs if around in costs else {**costs, around: costs[AYN]}


@functools.lru_cache(maxsize=64)
def _insert_costs(kind: str, common: float = 1.0) -> dict:
    return {letter: cost * common for letter, cost in cost_tables()[kind + "_insert"].items()}


def _fill(kind: str, source: tuple, target: str, limit: float = INFINITY,
          common: float = 1.0, silent_initial: bool = True,
          reshaping: float | None = None, runs_written: bool = True) -> list[list[float]]:
    """Dynamic programme: cell [i][j] is the cheapest alignment of source[:i] with
    target[:j].  Rows are updated a whole row at a time with map() (C speed).  Once
    every open cell costs more than ``limit`` the result is INFINITY (costs only grow).
    Letters inserted and consonants left unwritten are weighted by ``reshaping`` (see
    _row), the other costs by ``common``.  ``runs_written``: a run of Latin vowels left
    wholly unwritten pays SILENT_RUN; its paths that have written nothing since the run
    began are kept apart, in ``quiet`` rows."""
    n, m = len(source), len(target)
    shape = common if reshaping is None else reshaping
    inserts = _insert_costs(kind, shape)
    insert = [inserts.get(letter, inserts[DEFAULT]) for letter in target]
    runs = vowel_runs(source) if kind == "latin" and runs_written else {}
    inside = {position: end for start, end in runs.items() for position in range(start + 1, end)}
    quiet: dict[int, list[float]] = {}
    weights = (common, silent_initial, reshaping)
    table = [[INFINITY] * (m + 1) for _ in range(n + 1)]
    table[0][0] = 0.0
    for i in range(n + 1):
        row = table[i]
        silent = _settle(row, quiet.pop(i, None), i not in inside, insert, SILENT_RUN * shape)
        if i == n:
            break
        if i in runs:  # a run begins: every path has written nothing of it yet
            silent, row = row, None
        if min(min(later) for later in (*table[i:i + LONGEST_GROUP], *quiet.values(),
                                        silent or [INFINITY])) > limit:
            table[n][m] = INFINITY
            break
        if row is not None:
            _push(kind, source, target, table, i, row, weights)
        if silent is not None:
            _push(kind, source, target, table, i, silent, weights, quiet,
                  runs.get(i) or inside[i], SILENT_RUN * shape)
    return table


def _settle(row: list, silent: list | None, run_ended: bool, insert: list,
            penalty: float) -> list | None:
    """Complete row i before its units move on: the quiet paths of a run that ends here
    (``run_ended``) join it paying ``penalty``; letters are inserted, and one inserted
    inside a run writes it.  Returns the quiet paths that go on (inside a run)."""
    if silent is not None and run_ended:
        row[:] = map(min, row, map(operator.add, silent, itertools.repeat(penalty)))
        silent = None
    if silent is not None:
        row[1:] = map(min, row[1:], map(operator.add, silent, insert))
    for j in range(len(insert)):
        if row[j] + insert[j] < row[j + 1]:
            row[j + 1] = row[j] + insert[j]
    return silent


def _push(kind: str, source: tuple, target: str, table: list, i: int, origin: list,
          weights: tuple, quiet: dict | None = None, run_end: int = 0, penalty: float = 0.0) -> None:
    """Every unit starting at position ``i`` moves the paths of ``origin`` on, written, to
    the next row of ``table``.  Left unwritten: to the next row too; or, for quiet paths
    (``quiet`` given: nothing of the run written yet), to the next quiet row up to the
    run's end (``run_end``), paying ``penalty`` if the unit reaches past it."""
    for key, size in source[i]:
        costs, default, delete, two = _row(kind, key, *weights)
        following = table[i + size]
        unwritten = following
        if quiet is not None and i + size <= run_end:
            unwritten = quiet.setdefault(i + size, [INFINITY] * len(following))
        elif quiet is not None:
            delete += penalty
        unwritten[:] = map(min, unwritten, map(operator.add, origin, itertools.repeat(delete)))
        substitute = map(costs.get, target, itertools.repeat(default))
        following[1:] = map(min, following[1:], map(operator.add, origin, substitute))
        for pair in two:
            if pair.endswith(AYN) and not _vowel_at(source, i + size):
                continue  # an unwritten ع stands between two vowels (_with_ayn_and_long_vowel)
            for j in _occurrences(target, pair):
                following[j + 2] = min(following[j + 2], origin[j] + costs[pair])


def _vowel_at(source: tuple, position: int) -> bool:
    """True when a Latin vowel may stand at ``position`` of ``source``."""
    return position < len(source) and any(grapheme_base(key)[:1] in LATIN_VOWELS
                                          for key, _size in source[position])


def _occurrences(target: str, pair: str):
    start = target.find(pair)
    while start >= 0:
        yield start
        start = target.find(pair, start + 1)


def align(kind: str, source: tuple, target: str, limit: float = INFINITY,
          common: float = 1.0, silent_initial: bool = True, reshaping: float | None = None) -> float:
    """Cost of the cheapest alignment of ``source`` (per position: (unit key, length)
    options) with the letters of ``target``, costs weighted by ``common`` and letters
    added or consonants dropped by ``reshaping`` (``common`` when None; see _row);
    INFINITY if it is sure to exceed ``limit``.  ``silent_initial`` False: an initial
    Latin vowel may not be left unwritten (likeness.latin_arabic)."""
    return _fill(kind, source, target, limit, common, silent_initial, reshaping)[len(source)][len(target)]


def alignment_path(kind: str, source: tuple, target: str) -> tuple[float, list]:
    """The cost and the operations (unit key or None for an insertion, output) of the
    cheapest alignment, recovered from the filled table (for learning the costs)."""
    table = _fill(kind, source, target, runs_written=False)
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
            pair = target[j - 2:j]
            if j > 1 and pair in costs and close(table[start][j - 2] + costs[pair], value):
                return start, j - 2, key, pair
    raise AssertionError("no step reaches the cell")  # the table was filled by these same moves


# Letters that begin an inflected word as well as a name: the prefixes of a verb (يسمر "he
# stays up", يطلى) and the clitics.  As a word's first letter they are written in every
# spelling of a name (see arabic_units).  Not ل, which a Maghrebi spelling writes for the
# article (لعيون / عيون); not behind ال, which in a foreign name is no article (Alytus:
# أليتس / الوتس).
MAGHREBI_ARTICLE = "ل"
PREFIX_LETTERS = frozenset((*VERB_PREFIXES, *CONJUNCTIONS, *PREPOSITIONS)) - {MAGHREBI_ARTICLE}


def arabic_units(word: str, first_written: bool = False) -> tuple:
    """An Arabic word as alignment positions (one letter each); ``first_written``: its
    first letter, when a prefix letter, may not be left unwritten (marked SOUNDED)."""
    units = [((letter, 1),) for letter in word]
    if first_written and word[:1] in PREFIX_LETTERS:
        units[0] = ((SOUNDED + word[0], 1),)
    return tuple(units)
