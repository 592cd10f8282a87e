"""Collect the distinct words of a run and write their lexicon entries (``arabic_search.lexicon``).

Name queries find their candidate spellings in these entries, so *every* word
counts, the rarest names most of all: unlike the suggestion counter, nothing is
pruned.  Memory grows with the number of distinct words (about 100 bytes each:
60 MB for the 36k-document prose corpus), not with the corpus.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from arabic_search import mapping as m
from arabic_search.analysis import word_forms
from arabic_search.lexicon import MAX_WORD_LENGTH, lexicon_entry


# The set first takes every word (a C-speed ``set.update``); words that can have no entry
# (numbers, over MAX_WORD_LENGTH) are dropped whenever it has doubled since the last sweep,
# so they never hold more than half of it.
FIRST_SWEEP = 50_000


def _usable(word: str) -> bool:
    return len(word) <= MAX_WORD_LENGTH and not word.isdigit()


class LexiconWords:
    """The set of written words (without vowel marks) seen in this run's passages."""

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._sweep_at = FIRST_SWEEP

    def __len__(self) -> int:
        self._sweep()
        return len(self._words)

    def add_passage(self, source: dict) -> None:
        """Add the words of one passage document (its EXACT field: one term per word)."""
        self.add_words(source[m.EXACT].split())

    def add_words(self, words: Iterable[str]) -> None:
        """Add written words (a chunk's, from a worker)."""
        self._words.update(words)
        if len(self._words) > self._sweep_at:
            self._sweep()
            self._sweep_at = max(FIRST_SWEEP, 2 * len(self._words))

    def _sweep(self) -> None:
        self._words = set(filter(_usable, self._words))

    def actions(self, index: str) -> Iterator[dict]:
        """One bulk action per word that has name keys."""
        self._sweep()
        for word in sorted(self._words):
            forms = word_forms(word)
            entry = lexicon_entry(forms[0]) if len(forms) == 1 else None
            if entry:
                yield {"_index": index, "_id": entry[0], "_source": entry[1]}
