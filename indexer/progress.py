"""Progress by bytes read, with phases, on a terminal or in a log.

On a terminal a tqdm bar shows percentage, rate and ETA.  When stderr is a file
or a pipe (CI, ``nohup``, a service log), a bar would be garbage, so a plain line
is written every ``every`` seconds instead:
``indexer: reading 45% (12.3 of 27.0 MB), 1234 documents, ETA 0:00:12``.
Phases (reading, cleanup, suggestions, swap) are named as they start.
"""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable

from tqdm import tqdm

# Seconds between two progress lines when stderr is not a terminal.
PROGRESS_EVERY = 5.0
_MB = 1e6


def _eta(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    """Counts bytes and documents; shows them as a bar (terminal), lines (log) or not at all."""

    def __init__(self, total: int, enabled: bool, every: float = PROGRESS_EVERY,
                 write: Callable[[str], None] | None = None):
        self.total, self.every, self.enabled = max(total, 1), every, enabled
        self.done = self.documents = 0
        self.phase_name = "reading"
        self._write = write or (lambda line: print(line, file=sys.stderr, flush=True))
        self._started = self._last = time.monotonic()
        self._lock = threading.Lock()
        self.bar = tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr, dynamic_ncols=True,
                        desc=self.phase_name) if enabled and sys.stderr.isatty() else None

    def add_bytes(self, count: int) -> None:
        with self._lock:
            self.done = min(self.done + count, self.total)
        if self.bar is not None:
            self.bar.update(count)
        self._maybe_line()

    def add_document(self) -> None:
        self.documents += 1

    def phase(self, name: str) -> None:
        """A new phase starts: named on the bar, or as a line of its own."""
        self.phase_name = name
        if self.bar is not None:
            self.bar.set_description(name)
        elif self.enabled:
            self._write(f"indexer: phase: {name}")

    def line(self) -> str:
        elapsed = time.monotonic() - self._started
        share = self.done / self.total
        eta = _eta(elapsed * (1 - share) / share) if share > 0 else "?"
        return (f"indexer: {self.phase_name} {share:.0%} ({self.done / _MB:.1f} of "
                f"{self.total / _MB:.1f} MB), {self.documents} documents, ETA {eta}")

    def _maybe_line(self) -> None:
        if not self.enabled or self.bar is not None:
            return
        now = time.monotonic()
        with self._lock:
            if now - self._last < self.every:
                return
            self._last = now
        self._write(self.line())

    def external(self, report: Callable[[str], None]) -> Callable[[str], None]:
        """``report`` wrapped so its messages do not garble the bar."""
        if self.bar is None:
            return report

        def write(message: str) -> None:
            with self.bar.external_write_mode(file=sys.stderr):
                report(message)
        return write

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
