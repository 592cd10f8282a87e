"""Exonyms: names whose Arabic form is a translation, not a transliteration.

Name keys find والدهاوزر for "Waldhauser" because both spell one sound.  They cannot
find القاهرة for "Cairo", حلب for "Aleppo", الأمم المتحدة for "United Nations" or داعش
for "ISIS": those are different words.  ``data/exonyms.tsv.gz`` (built from CLDR,
iso-codes and GeoNames by ``scripts/build_exonyms.py``; sources in docs/exonyms.md)
pairs such names, and this module looks them up, purely and without Elasticsearch:

* :func:`find_exonyms` — the longest known Latin names in a query's words (greedy,
  multi-word, case- and accent-insensitive, "the" and punctuation ignored) with
  their Arabic names as normalized words (the index's ``norm`` terms) and run-together
  form (الأممالمتحدة);
* :func:`find_latin_names` — the reverse: Arabic query words -> Latin names.

The table is read once per process (a few hundred kilobytes, stdlib only).
"""
from __future__ import annotations

import functools
import gzip
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii

from .normalize import is_arabic, normalize_word
from .tokens import word_spans

DATA_FILE = Path(__file__).resolve().parent / "data" / "exonyms.tsv.gz"
# Latin words a name may have or lack: "the Gambia" = "Gambia", "United States" = "the United States".
IGNORED_LATIN = frozenset({"the"})
# In the table's Latin column: "=UN" matches only as written (UN, not "un"); "^Moses" only
# when it is the whole query (Moses Malone is no prophet).
EXACT_CASE_MARK = "="
WHOLE_QUERY_MARK = "^"
# "~North": a generic word of place names, only beside other query words (North Dakota),
# and never looked up from Arabic (شمال is no name).
NOT_ALONE_MARK = "~"
# The table's kind of those words (North, Lake, Oued): exonym_tier.py keeps them beside
# the rest of the name; the build script leaves them out of the evaluated cases.
GENERIC_KIND = "generic"
# The table's kind of a language's name (French = الفرنسية, فرنسي): an adjective, not a
# word of a name (known_names.name_words).
LANGUAGE_KIND = "language"
# The table's kind of a country's first-level subdivision (Hawaii = هاواي, Punjab = بنجاب;
# scripts/exonym_subdivisions.py): a place, as a city is, whose names of several words are
# no source of name words (known_names.name_words: شركة دييجو مارتن الإقليمية).
PROVINCE_KIND = "province"
MARKS = EXACT_CASE_MARK + WHOLE_QUERY_MARK + NOT_ALONE_MARK
# A Latin name this short names nothing unless marked as an abbreviation (=UN): the
# gazetteer's alternate names include "Ea" (Oea, Tripoli) and "Po", which are no query's.
MIN_LATIN_NAME = 3
MIN_GENERIC_NAME = 2
NAME_SEPARATOR = "|"
WORD_CACHE_SIZE = 65_536  # words of the table (and queries): loading is ~3x faster


@dataclass(frozen=True)
class Name:
    """One name of an entity: as the source writes it and as the index's ``norm`` terms."""

    text: str
    words: tuple[str, ...]

    @property
    def joined(self) -> str:
        """The words run together, as careless sources write them (الأممالمتحدة)."""
        return "".join(self.words)


@dataclass(frozen=True)
class Match:
    """Query words ``[start, end)`` name a known entity; ``names`` are its other-script names."""

    start: int
    end: int
    kind: str
    names: tuple[Name, ...]


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _normalized(word: str) -> str:
    return normalize_word(word)


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def latin_form(word: str) -> str:
    """Lookup form of a Latin word: lower-case ASCII letters and digits (Türkiye -> turkiye,
    Łódź -> lodz, Côte d'Ivoire -> cote divoire).  Empty for a word in another script."""
    normalized = _normalized(word)
    if is_arabic(normalized):
        return ""
    return "".join(c for c in anyascii(normalized).lower() if c.isascii() and c.isalnum())


def _words(text: str) -> list[str]:
    return [text[start:end] for start, end in word_spans(text)]


def latin_key(text: str) -> tuple[str, ...]:
    """Lookup key of a Latin name: its word forms without "the"."""
    return tuple(f for f in map(latin_form, _words(text)) if f and f not in IGNORED_LATIN)


def norm_words(text: str) -> tuple[str, ...]:
    """The ``norm`` terms the index holds for ``text`` (one per word, as the analyser makes them)."""
    return tuple(part for word in _words(text) for part in _normalized(word).split())


@dataclass
class Table:
    """The loaded exonym table: Latin keys -> Arabic names and back."""

    latin: dict[tuple[str, ...], list[tuple[str, tuple[Name, ...]]]]
    exact_case: dict[str, list[tuple[str, tuple[Name, ...]]]]
    whole_query: dict[tuple[str, ...], list[tuple[str, tuple[Name, ...]]]]
    not_alone: dict[tuple[str, ...], list[tuple[str, tuple[Name, ...]]]]
    arabic: dict[tuple[str, ...], list[tuple[str, tuple[Name, ...]]]]
    longest: int = 1


def _long_enough(text: str) -> bool:
    """A Latin name of several words or of MIN_LATIN_NAME letters at least; a generic word
    (NOT_ALONE_MARK), which counts only beside the rest of a name, of MIN_GENERIC_NAME
    (St, Mt: St Albans = سانت ألبانز)."""
    key = latin_key(text.lstrip(MARKS))
    least = MIN_GENERIC_NAME if text.startswith(NOT_ALONE_MARK) else MIN_LATIN_NAME
    return len(key) > 1 or len(key[0] if key else "") >= least


def _add_entity(table: Table, kind: str, latin_names: list[str], arabic_names: list[str]) -> None:
    arabic = tuple(Name(text, norm_words(text)) for text in arabic_names)
    # Latin names an Arabic query may find in Latin text; not "US" or "WHO", which the
    # index cannot tell from the words "us" and "who".
    latin = tuple(Name(text.lstrip(MARKS), norm_words(text.lstrip(MARKS)))
                  for text in latin_names if not text.startswith(EXACT_CASE_MARK) and _long_enough(text))
    for text in latin_names:
        if text.startswith(EXACT_CASE_MARK):
            table.exact_case.setdefault(text[1:], []).append((kind, arabic))
            continue
        target = {WHOLE_QUERY_MARK: table.whole_query, NOT_ALONE_MARK: table.not_alone}.get(
            text[:1], table.latin)
        key = latin_key(text.lstrip(MARKS))
        if key and _long_enough(text):
            target.setdefault(key, []).append((kind, arabic))
            table.longest = max(table.longest, len(key))
    if any(text.startswith(NOT_ALONE_MARK) for text in latin_names):
        return
    for name in arabic:
        if name.words:
            table.arabic.setdefault(name.words, []).append((kind, latin))
            table.longest = max(table.longest, len(name.words))


@functools.lru_cache(maxsize=1)
def table(path: Path = DATA_FILE) -> Table:
    """Read the table once: lines ``entity, kind, latin names, arabic names, sources``."""
    loaded = Table({}, {}, {}, {}, {})
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            _entity, kind, latin, arabic, *_sources = line.rstrip("\n").split("\t")
            _add_entity(loaded, kind, latin.split(NAME_SEPARATOR), arabic.split(NAME_SEPARATOR))
    return loaded


@functools.lru_cache(maxsize=1)
def latin_words() -> frozenset[str]:
    """Every word (latin_form) of the table's Latin names: johns of St. John's."""
    loaded = table()
    return frozenset(word for keys in (loaded.latin, loaded.whole_query, loaded.not_alone)
                     for key in keys for word in key)


def _merged(entries: list[tuple[str, tuple[Name, ...]]]) -> tuple[str, tuple[Name, ...]]:
    """One kind and the distinct names of every entity a key names (Tripoli: Libya's and
    Lebanon's, both طرابلس), in table order (the build puts the best-known first)."""
    names: dict[tuple[str, ...], Name] = {}
    for _kind, entity_names in entries:
        for name in entity_names:
            names.setdefault(name.words, name)
    return entries[0][0], tuple(name for name in names.values() if name.words)


def _greedy(forms: list[str], lookup) -> list[Match]:
    """Longest-first phrase matching over ``forms`` (empty = a word that breaks phrases,
    IGNORED_LATIN words are skipped inside a phrase).  ``lookup(key, start, end)``
    returns the table entries for ``key`` or None."""
    matches: list[Match] = []
    start = 0
    while start < len(forms):
        if not forms[start] or forms[start] in IGNORED_LATIN:
            start += 1
            continue
        positions = []
        for position in range(start, len(forms)):
            if not forms[position] or len(positions) == table().longest:
                break
            if forms[position] not in IGNORED_LATIN:
                positions.append(position)
        for length in range(len(positions), 0, -1):
            end = positions[length - 1] + 1
            entries = lookup(tuple(forms[p] for p in positions[:length]), start, end)
            if entries:
                kind, names = _merged(entries)
                matches.append(Match(start, end, kind, names))
                start = end
                break
        else:
            start += 1
    return matches


def find_exonyms(words: Sequence[str]) -> list[Match]:
    """Known Latin names among a query's words (as written), each with its Arabic names.

    >>> [n.words for n in find_exonyms(["the", "United", "Nations"])[0].names][0]
    ('الامم', 'المتحده')
    """
    loaded = table()
    forms = [latin_form(word) for word in words]
    significant = [i for i, form in enumerate(forms) if form and form not in IGNORED_LATIN]

    def lookup(key: tuple[str, ...], start: int, end: int):
        whole = bool(significant) and start <= significant[0] and end > significant[-1]
        found = loaded.latin.get(key, []) + loaded.whole_query.get(key, []) if whole else \
            loaded.latin.get(key, []) + loaded.not_alone.get(key, [])
        if len(key) == 1:
            found += loaded.exact_case.get(words[start], [])
        return found or None

    return _greedy(forms, lookup)


def find_latin_names(words: Sequence[str]) -> list[Match]:
    """The reverse: known Arabic names among a query's words, each with its Latin names
    (القاهرة -> Cairo), so an Arabic query also finds the name in Latin text."""
    loaded = table()
    forms = []
    for word in words:
        normalized = normalize_word(word)
        forms.append(normalized if is_arabic(normalized) and " " not in normalized else "")
    return _greedy(forms, lambda key, _start, _end: loaded.arabic.get(key))
