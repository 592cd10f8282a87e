"""The names of an alias's versioned indices: ``<alias>-v<utc timestamp in ms>``.

Only the indexer creates, lists and deletes versions (``versions.py``); the
service and the benchmarks only ever address the alias.  The stamp orders the
versions, so the newest is the one a run has just built.
"""
from __future__ import annotations

import re
import time

# What separates the alias from the stamp in a version's name.
VERSION_MARK = "-v"
# Digits of a millisecond UTC stamp (13 until the year 2286): the longest name we add.
STAMP_DIGITS = 13
MS_PER_SECOND = 1000


def versioned_name(alias: str, now: float | None = None) -> str:
    """A new concrete index name behind ``alias``: ``<alias>-v<utc timestamp in ms>``."""
    stamp = int((time.time() if now is None else now) * MS_PER_SECOND)
    return f"{alias}{VERSION_MARK}{stamp}"


def version_pattern(alias: str) -> str:
    """Wildcard for listing the versioned indices of ``alias``; filter with ``version_stamp``."""
    return f"{alias}{VERSION_MARK}*"


def version_stamp(alias: str, index: str) -> int | None:
    """The millisecond stamp of one of ``alias``'s versions, None for any other index.

    ``version_pattern`` is a wildcard, so ``news-v*`` also matches the versions of
    an alias called ``news-vip``; this exact match keeps those out.
    """
    found = re.fullmatch(re.escape(alias + VERSION_MARK) + r"(\d+)", index)
    return int(found.group(1)) if found else None
