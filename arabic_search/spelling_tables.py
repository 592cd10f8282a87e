"""The one file format of the spelling tables: Latin name word -> Arabic spellings.

Two tables share it: the known spellings of common names (known_names.py, built by
scripts/build_name_spellings.py) and how the world writes famous names (fame.py, built by
scripts/build_world_spellings.py).  A gzip of ``#`` comment lines and rows ``latin word
<TAB> times seen <TAB> spelling|spelling...`` (all normalized), sorted, written with gzip
mtime 0 so that a rebuild from the same source is byte-identical.  Standard library only:
the service reads the tables, the build scripts write them.
"""
from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

SPELLING_SEPARATOR = "|"
COMMENT = "#"


def read_table(path: Path) -> dict[str, tuple[int, frozenset[str]]]:
    """Latin word -> (times seen, its Arabic spellings)."""
    table: dict[str, tuple[int, frozenset[str]]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for row in rows:
            if not row.startswith(COMMENT):
                word, seen, spellings = row.rstrip("\n").split("\t")
                table[word] = (int(seen), frozenset(spellings.split(SPELLING_SEPARATOR)))
    return table


def table_row(word: str, seen: int, spellings: Iterable[str]) -> str:
    """One row of a table: the Latin word, times seen, its spellings sorted."""
    return f"{word}\t{seen}\t{SPELLING_SEPARATOR.join(sorted(spellings))}\n"


def write_table(path: Path, source: str, rows: list[str]) -> None:
    """Write ``rows`` (table_row) under a header naming their ``source``."""
    header = f"{COMMENT} {source}\n{COMMENT} latin word\ttimes seen\tArabic spellings (normalized)\n"
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write((header + "".join(rows)).encode("utf-8"))
    print(f"{len(rows)} Latin words -> {path}")
