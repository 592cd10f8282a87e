"""Collect the distinct words of a run and write their lexicon entries (``arabic_search.lexicon``).

Name queries find their candidate spellings in these entries, so *every* word
counts, the rarest names most of all: unlike the suggestion counter, nothing is
pruned.  Memory grows with the number of distinct words (about 100 bytes each:
60 MB for the 36k-document prose corpus), not with the corpus.
"""
from __future__ import annotations

from collections.abc import Iterator

from arabic_search import mapping as m
from arabic_search.analysis import word_forms
from arabic_search.lexicon import MAX_WORD_LENGTH, lexicon_entry


class LexiconWords:
    """The set of written words (without vowel marks) seen in this run's passages."""

    def __init__(self) -> None:
        self._words: set[str] = set()

    def __len__(self) -> int:
        return len(self._words)

    def add_passage(self, source: dict) -> None:
        """Add the words of one passage document (its EXACT field: one term per word)."""
        self._words.update(word for word in source[m.EXACT].split()
                           if len(word) <= MAX_WORD_LENGTH and not word.isdigit())

    def actions(self, index: str) -> Iterator[dict]:
        """One bulk action per word that has name keys."""
        for word in sorted(self._words):
            forms = word_forms(word)
            entry = lexicon_entry(forms[0]) if len(forms) == 1 else None
            if entry:
                yield {"_index": index, "_id": entry[0], "_source": entry[1]}
