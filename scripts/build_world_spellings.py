"""Build the table of how the world writes well-known Latin name words in Arabic
(arabic_search/data/world_spellings.tsv.gz) from the Wikidata person names that Merhav and
Ash released with "Design Challenges in Named Entity Transliteration" (COLING 2018): the
English and Arabic labels of Wikidata's people, aligned word by word, with how often each
pair is seen (data/wd_arabic.normalized.aligned.tokens, CC0 like Wikidata itself).

    git clone https://github.com/steveash/NETransliteration-COLING2018 /tmp/net
    git -C /tmp/net checkout 5d5f59e561ecea45a6d3602121e1049baa7a76c3
    .venv/bin/python scripts/build_world_spellings.py /tmp/net/data/wd_arabic.normalized.aligned.tokens

Only Latin words that Latin-script text knows (fame.latin_zipf, WORLD_ZIPF or more) are
kept: Putin, Biden, Macron, Erdoğan, whose Arabic spelling the press has settled (بوتين,
بايدن, ماكرون, أردوغان); see docs/design.md, "How the world writes a famous name".  Build
time only; the service reads the gzip file with the standard library.  The output is
sorted with gzip mtime 0: a rebuild from the same file is byte-identical.
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from arabic_search.analysis import LATIN_PARTICLES, analyze  # noqa: E402
from arabic_search.fame import WORLD_FILE, WORLD_ZIPF, latin_zipf  # noqa: E402
from arabic_search.known_names import MIN_SHARE  # noqa: E402
from arabic_search.likeness import latin_arabic  # noqa: E402
from arabic_search.scripts import ARABIC, LATIN  # noqa: E402
from arabic_search.spelling_tables import table_row, write_table  # noqa: E402
from build_name_spellings import one_word  # noqa: E402

SOURCE = "steveash/NETransliteration-COLING2018 5d5f59e (data/wd_arabic.normalized.aligned.tokens, CC0)"
# A pair whose Arabic spells its Latin word this poorly is a misaligned pair of the source
# (struck = اندرياس, finder = مكتشف "discoverer"), not a spelling.
ALIGNED = 0.6


def observed(path: Path) -> dict[str, collections.Counter]:
    """Latin word -> Counter of its Arabic spellings (normalized), for words Latin text knows."""
    seen: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    with path.open(encoding="utf-8") as rows:
        for row in rows:
            fields = row.rstrip("\n").split("\t")
            if len(fields) != 3 or not fields[2].isdigit():
                continue
            word, spelling = one_word(fields[0], LATIN), one_word(fields[1].replace(" ", ""), ARABIC)
            if word and spelling and word not in LATIN_PARTICLES and latin_zipf(word) >= WORLD_ZIPF:
                seen[word][spelling] += int(fields[2])
    return seen


def world_rows(seen: dict[str, collections.Counter]) -> list[str]:
    """One row per Latin word: word, times seen, its spellings (MIN_SHARE of the time at
    least, aligned at ALIGNED at least)."""
    rows = []
    for word, spellings in sorted(seen.items()):
        total = sum(spellings.values())
        kept = [spelling for spelling, count in spellings.items()
                if count >= MIN_SHARE * total
                and latin_arabic(word, spelling, weigh_common=False) >= ALIGNED]
        if kept:
            rows.append(table_row(word, total, kept))
    return rows


def main(path: str) -> None:
    rows = world_rows(observed(Path(path)))
    write_table(WORLD_FILE, "how the world writes well-known Latin name words, built by "
                f"scripts/build_world_spellings.py from {SOURCE}", rows)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
