"""A bounded counter of the corpus's words, for the suggestion (completion) entries.

A large corpus has millions of distinct words, most seen once (typos, names,
numbers glued to words).  Counting them all would make memory grow with the
corpus, so the counter holds at most ``max_entries`` normalized words: when it is
full it forgets the words seen once (then twice, ... if that is not enough).
Frequent words arrive early and often, so they survive; what is lost is the
long tail that would never make the top list anyway.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from arabic_search import mapping as m
from arabic_search.splitter import vocabulary

MIN_LENGTH = 3
# Longer "words" are glued garbage; their term:<word> _id could also pass ES's 512-byte limit.
MAX_LENGTH = 40
# Words at least this frequent in Arabic (Zipf scale) are function words: في، من، التي...
FUNCTION_ZIPF = 5.8
LATIN_STOP = frozenset("the and for with from that this are was were not but you all "
                       "has have had his her its our their they them who which".split())
# Distinct surface spellings remembered per normalized word (diacritized variants...).
MAX_SURFACES = 4


def _function_words() -> frozenset[str]:
    """Very common words: suggesting them helps nobody and they crowd the top list."""
    return frozenset(word for word, zipf in vocabulary().items() if zipf >= FUNCTION_ZIPF) | LATIN_STOP


class TermCounter:
    """Counts normalized words and their most frequent written form, in bounded memory."""

    def __init__(self, max_entries: int = 100_000):
        self.max_entries = max_entries
        self._counts: dict[str, int] = {}
        self._surfaces: dict[str, dict[str, int]] = {}
        self._skip = _function_words()

    def __len__(self) -> int:
        return len(self._counts)

    def add_passage(self, source: dict) -> None:
        """Count the words of one passage document, reusing its analysed fields.

        ``exact`` and ``norm`` hold one entry per token, in the same order, so
        zipping them gives (surface, normalized) without analysing the text twice.
        """
        surfaces, normalized = source[m.EXACT].split(), source[m.NORM].split()
        if len(surfaces) != len(normalized):  # should not happen; stay correct anyway
            surfaces = normalized
        self.add(zip(normalized, surfaces))

    def add(self, words: Iterable[tuple[str, str]]) -> None:
        """Count (normalized, surface) pairs; numbers, short and function words are skipped."""
        counts, skip = self._counts, self._skip
        for norm, surface in words:
            if not MIN_LENGTH <= len(norm) <= MAX_LENGTH or norm in skip or norm.isdigit():
                continue
            counts[norm] = counts.get(norm, 0) + 1
            forms = self._surfaces.setdefault(norm, {})
            if surface in forms or len(forms) < MAX_SURFACES:
                forms[surface] = forms.get(surface, 0) + 1
            if len(counts) > self.max_entries:
                self._prune()

    def _prune(self) -> None:
        """Forget rare words until the counter is at most 3/4 full (amortised O(1) per word)."""
        floor = 1
        while len(self._counts) > self.max_entries * 3 // 4:
            for norm in [norm for norm, count in self._counts.items() if count <= floor]:
                del self._counts[norm], self._surfaces[norm]
            floor += 1

    def top(self, limit: int = 20_000, min_count: int = 2) -> Iterator[tuple[str, str, int]]:
        """(normalized, most frequent surface, count), most frequent first."""
        ranked = sorted(((count, norm) for norm, count in self._counts.items()
                         if count >= min_count), key=lambda pair: (-pair[0], pair[1]))
        for count, norm in ranked[:limit]:
            forms = self._surfaces[norm]
            yield norm, max(forms, key=lambda form: (forms[form], form == norm)), count
