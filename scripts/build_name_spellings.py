"""Build the table of known Arabic spellings of Latin name words
(arabic_search/data/name_spellings.tsv.gz) from the name index of the PyPI package
arabic-name-romanizer (given names and surnames with the Latin spellings Wikidata and
the DziriNames benchmark give them, and how often); see docs/design.md, "Known
spellings of common names".

    .venv/bin/pip install --no-deps arabic-name-romanizer==0.2.0   # listed in requirements-build.txt
    .venv/bin/python scripts/build_name_spellings.py

Build-time only: the service reads the gzip file with the standard library.  The output
is sorted with gzip mtime 0: a rebuild with the same package version is byte-identical.
"""
from __future__ import annotations

import collections
import sqlite3
import sys
from importlib.metadata import version
from importlib.resources import as_file, files
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from arabic_search.analysis import LATIN_PARTICLES, analyze  # noqa: E402
from arabic_search.known_names import DATA_FILE, MIN_SEEN, MIN_SHARE  # noqa: E402
from arabic_search.likeness import latin_arabic  # noqa: E402
from arabic_search.scripts import ARABIC, LATIN  # noqa: E402
from arabic_search.spelling_tables import table_row, write_table  # noqa: E402

PACKAGE = "arabic_name_romanizer"
# A spelling that spells a part of the Latin word this well (its commonness not weighed)
# and the whole word less well than WHOLE_SPELLED spells only that part: Hassanpour = حسن
# (Hassan), Amirreza = امير, Aliakbar = اكبر, Jabalpuri = جبل.  The part has PART_LETTERS
# letters at least and leaves REST_LETTERS (Jacques = جاك: "jac" is too short a part to
# tell, and the French spelling is silent after it).
PART_SPELLED = 0.9
WHOLE_SPELLED = 0.7
PART_LETTERS = 4
REST_LETTERS = 3
INDEX = "resources/names.sqlite3"


def one_word(text: str, script: str) -> str:
    """The normalized form of ``text`` when it is one word of ``script``, else ""."""
    tokens = analyze(text)
    return tokens[0].normalized if len(tokens) == 1 and tokens[0].script == script else ""


def observed(index: Path) -> dict[str, collections.Counter]:
    """Latin word -> Counter of its Arabic spellings (normalized), from the units table."""
    seen: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as connection:
        for arabic, latin, count in connection.execute("SELECT arabic_key, latin, count FROM units"):
            word, spelling = one_word(latin, LATIN), one_word(arabic, ARABIC)
            if word and spelling and word not in LATIN_PARTICLES:
                seen[word][spelling] += count
    return seen


def spells_a_part_only(latin: str, arabic: str) -> bool:
    """True when the Arabic spelling writes only a part of the Latin word, a compound's
    first or last name (a source giving the Arabic of one part): the table would make
    "Hassanpour" find حسن everywhere (3,062 documents of prose.jsonl)."""
    if latin_arabic(latin, arabic, weigh_common=False) >= WHOLE_SPELLED:
        return False
    ends = range(PART_LETTERS, len(latin) - REST_LETTERS + 1)
    parts = [latin[:end] for end in ends] + [latin[len(latin) - end:] for end in ends]
    return any(latin_arabic(part, arabic, weigh_common=False) >= PART_SPELLED for part in parts)


def known_rows(seen: dict[str, collections.Counter]) -> list[str]:
    """One row per Latin word with a known spelling: word, times seen, spellings."""
    rows = []
    for word, spellings in sorted(seen.items()):
        total = sum(spellings.values())
        kept = [spelling for spelling, count in spellings.items()
                if count >= MIN_SEEN and count >= MIN_SHARE * total
                and not spells_a_part_only(word, spelling)]
        if kept:
            rows.append(table_row(word, total, kept))
    return rows


def main() -> None:
    with as_file(files(PACKAGE) / INDEX) as index:
        rows = known_rows(observed(index))
    write_table(DATA_FILE, f"known spellings built by scripts/build_name_spellings.py from "
                f"arabic-name-romanizer {version('arabic-name-romanizer')} (data CC0 / MIT)", rows)



if __name__ == "__main__":
    main()
