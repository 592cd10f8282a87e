"""The tune/report split of the evaluation data, decided by a hash of each item's key.

The team tunes matching and ranking on one half of the data and reports figures
on the other, so that a report figure is not the fruit of fitting the very cases
it counts.  Membership must never depend on sampling seeds, corpus order or the
code under test, only on the item itself: a Latin name (names_dev.tsv), a
document body (prose), a plain line (diacritized_dev.tsv) or a generated string.
"""
from __future__ import annotations

import hashlib

# Share of keys, in percent, that belong to the tuning half.
TUNE_PERCENT = 50
PERCENT = 100
# Bytes of the digest read as the bucket number (8 bytes: uniform enough for any corpus).
DIGEST_BYTES = 8

TUNE = "tune"
REPORT = "report"
ALL = "all"
SPLITS = (REPORT, TUNE, ALL)


def split_key(text: str) -> str:
    """The canonical key of ``text``: surrounding and repeated whitespace do not matter."""
    return " ".join(text.split())


def is_tuning(key: str) -> bool:
    """True when ``key`` belongs to the tuning half (the same answer on every machine, forever)."""
    digest = hashlib.sha256(split_key(key).encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:DIGEST_BYTES], "big") % PERCENT < TUNE_PERCENT


def in_split(key: str, split: str) -> bool:
    """True when ``key`` is part of ``split`` (``report``, ``tune`` or ``all``)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {', '.join(SPLITS)}")
    return split == ALL or is_tuning(key) == (split == TUNE)
