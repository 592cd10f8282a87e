"""The lexicon entries of a run's written words (``arabic_search.lexicon``), computed where
the words are analysed and written once each.

Name queries find their candidate spellings in these entries, so *every* word
counts, the rarest names most of all: unlike the suggestion counter, nothing is
pruned.  An entry depends on its word alone, so the process that analyses a chunk
computes the entries of the chunk's words it has not met before (``new_entries``:
its word cache is warm, and the pool spreads the work over the cores) and sends
them serialized, like the passages.  The main process keeps the ids already
written (``LexiconEntries``: about 100 bytes per distinct word, 10 MB for the
36k-document prose corpus), so each entry goes into the passages' bulk stream
once, whichever process computed it.  Measurements: docs/performance.md,
"Seventh round".
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from arabic_search.analysis import word_forms
from arabic_search.lexicon import MAX_WORD_LENGTH, entry_id, lexicon_entry

from .actions import index_action

# Every entry id is this prefix and a written word; a word never holds ':' (tokens.py) and
# is never all digits (``_usable``), while a passage id ``<doc_id>:<n>`` always ends in
# ':' and digits, so the two kinds of id never meet in the one bulk stream.
ENTRY_PREFIX = entry_id("")


def _usable(word: str) -> bool:
    return len(word) <= MAX_WORD_LENGTH and not word.isdigit()


def new_entries(words: Iterable[str], seen: set[str],
                dumps: Callable[[dict], bytes]) -> dict[str, bytes]:
    """Serialized entries (es_id -> source) of the ``words`` not in ``seen``, which then
    holds them: the analysing process computes each word's entry once per run."""
    fresh = set(words) - seen
    seen |= fresh
    entries: dict[str, bytes] = {}
    for word in filter(_usable, fresh):
        forms = word_forms(word)
        entry = lexicon_entry(forms[0]) if len(forms) == 1 else None
        if entry:
            entries[entry[0]] = dumps(entry[1])
    return entries


def is_entry_id(es_id: str) -> bool:
    """Whether a bulk id is a lexicon entry's (else it is a passage's)."""
    word = es_id[len(ENTRY_PREFIX):]
    return es_id.startswith(ENTRY_PREFIX) and ":" not in word and not word.isdigit()


class LexiconEntries:
    """The ids of the entries this run has written, so that each is written once."""

    def __init__(self) -> None:
        self._written: set[str] = set()

    def actions(self, index: str, entries: dict[str, bytes]) -> Iterator[tuple[dict, bytes]]:
        """Bulk (header, body) pairs of the ``entries`` not written yet (a chunk's)."""
        written = self._written
        for es_id in entries.keys() - written:
            written.add(es_id)
            yield index_action(index, es_id, entries[es_id])
