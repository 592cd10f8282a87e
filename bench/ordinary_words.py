"""Ordinary words asked alone: how many documents they find only by another word's sound.

Name matching looks for other spellings of a query word (issue 9); an ordinary Arabic
word has none, and what sounds like it is another word (المصريين "the Egyptians" found
المصورين "the photographers").  For a fixed sample of distinct words of prose_msa.jsonl
(commoner than a name: wordfreq Zipf MIN_ZIPF to MAX_ZIPF), each asked alone through the
service API of an index of a real corpus, this counts the words whose first ten hits hold
a document matched only by a name tier (``fuzzy`` or ``translit``: a sound-alike), those
documents, and the distinct sound-alike spellings shown as the query's spellings.  Run it
in two trees on the same index to compare them (docs/design.md, twenty-ninth round):

    .venv/bin/python -m indexer --index prose ../shared/data/prose.jsonl
    .venv/bin/python bench/ordinary_words.py --alias prose [--words 400] [--seed 2]
"""
from __future__ import annotations

import json
import random

import common
from arabic_search.analysis import analyze
from arabic_search.scripts import ARABIC
from arabic_search.splitter import word_zipf
from arabic_search.tier_names import FUZZY, TRANSLIT
from service_api import Api

SEED = 2
MIN_ZIPF, MAX_ZIPF = 2.0, 5.5
MIN_LETTERS = 3
SOUND_ALIKE = {FUZZY, TRANSLIT}
EXAMPLES = 20


def corpus_words(count: int, seed: int = SEED) -> list[str]:
    """``count`` distinct Arabic words of prose_msa.jsonl in the Zipf band, in a fixed order."""
    words: set[str] = set()
    with common.PROSE_MSA.open(encoding="utf-8") as handle:
        for line in handle:
            document = json.loads(line)
            for token in analyze(document.get("body") or document.get("text") or ""):
                if token.script == ARABIC and len(token.normalized) >= MIN_LETTERS:
                    words.add(token.text)
    banded = sorted(word for word in words
                    if MIN_ZIPF <= word_zipf(analyze(word)[0].normalized) < MAX_ZIPF)
    return random.Random(seed).sample(banded, min(count, len(banded)))


def sound_alike_only(hit: dict) -> bool:
    """True for a hit whose every match is a name tier's: found by another word's sound."""
    matches = [match for passage in hit["passages"] for match in passage["matches"]]
    return bool(matches) and all(match["how"] in SOUND_ALIKE for match in matches)


def run(alias: str, count: int, seed: int = SEED) -> dict:
    api = Api(alias)
    words_hit, documents, spellings, examples = 0, 0, 0, []
    for word in corpus_words(count, seed):
        result = api.search(word, size=10)
        alike = [hit for hit in result.get("hits", []) if sound_alike_only(hit)]
        shown = [s["text"] for s in result.get("spellings", []) if s["how"] in SOUND_ALIKE]
        spellings += len(shown)
        if alike:
            words_hit += 1
            documents += len(alike)
            examples.append(f"{word}: {', '.join(shown[:3])}")
    return {"alias": alias, "words": count, "words_with_sound_alike_hits": words_hit,
            "sound_alike_documents_top10": documents, "sound_alike_spellings": spellings,
            "examples": examples[:EXAMPLES]}


def main() -> None:
    common.alias_benchmark(__doc__, run, common.PROSE_MSA, ("words", 400), seed=SEED)


if __name__ == "__main__":
    main()
