"""Which documents a run wrote, so that every document ends whole or not at all.

A document is many passage documents (``<doc_id>:<n>``).  Three things would
leave a half-written or stale document behind, and the ledger records each:

* one of its passages is refused: the document is *failed* (its passages are removed);
* its id comes again (twice in a file, or ``--append`` of a shorter new version):
  the new version must replace the old whole, so passages ``n >= new count`` go;
* results arrive in another thread than the actions were made in, possibly for
  two occurrences of one id at once: each in-flight passage remembers its occurrence.

Memory: one small entry per document of the run (~150 bytes).
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass
class Entry:
    """The latest occurrence of one document id in this run."""

    occurrence: int
    passages: int
    where: str
    failed: bool = False
    replaced: bool = False   # an earlier occurrence was written: check for its leftovers


def doc_id_of(es_id: str) -> str:
    """The document id of a passage id ``<doc_id>:<n>`` (doc ids may contain ':')."""
    return es_id.rpartition(":")[0]


class Ledger:
    """Document entries, in-flight passages, and the documents whose leftovers must go."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self._inflight: dict[str, deque[int]] = {}
        self._count = 0
        self._lock = threading.Lock()

    def begin(self, doc_id: str, passages: int, where: str) -> Entry | None:
        """Record a document about to be sent; returns the entry it replaces, if any."""
        with self._lock:
            self._count += 1
            previous = self.entries.get(doc_id)
            self.entries[doc_id] = Entry(self._count, passages, where,
                                         replaced=previous is not None)
            return previous

    def sent(self, es_id: str) -> None:
        with self._lock:
            occurrence = self.entries[doc_id_of(es_id)].occurrence
            self._inflight.setdefault(es_id, deque()).append(occurrence)

    def result(self, es_id: str, ok: bool) -> Entry | None:
        """Take one passage result; returns the entry when it has *just* failed (report it once)."""
        with self._lock:
            waiting = self._inflight.get(es_id)
            occurrence = waiting.popleft() if waiting else None
            if waiting is not None and not waiting:
                del self._inflight[es_id]
            entry = self.entries.get(doc_id_of(es_id))
            if ok or entry is None or entry.failed or entry.occurrence != occurrence:
                return None
            entry.failed = True
            return entry

    def leftovers(self, every: bool) -> Iterator[tuple[str, int]]:
        """(doc_id, first passage number to delete): failed and repeated documents, or ``every`` one."""
        for doc_id, entry in self.entries.items():
            if entry.failed:
                yield doc_id, 0
            elif every or entry.replaced:
                yield doc_id, entry.passages

    def totals(self) -> tuple[int, int]:
        """(documents, passages) that ended whole in the index."""
        whole = [entry.passages for entry in self.entries.values() if not entry.failed]
        return len(whole), sum(whole)
