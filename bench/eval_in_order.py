"""Part A, continued: names of several words the corpus holds, in order or apart (issue 9).

A name of several words is one thing; its words apart are others: "عبد الله بن عمر"
is not "عمر بن عبد العزيز ... رضي الله عنه".  The precision part counts what a system
returns for names the corpus lacks; this one reads the top 10 for names it holds.

Queries: Arabic spellings of 2 to 4 words from names_dev.tsv (Latin name in the split)
that the corpus holds in order (the first word may carry a clitic or the article) in at
least MIN_HOLDERS documents and whose words some other document holds apart: the names
where order tells documents apart; each asked as written and by its Latin name (a
document then holds it in order in any of that name's Arabic spellings).
Per system and script: **in order@10**, the documents holding the name in order among the
top 10, over min(10, documents holding it); **apart@10**, the mean number of top-10
documents that do not hold it in order.  Words compare as ``arabic_text.normalize`` does,
except that ى stays ى: على ("on") is no spelling of علي (Ali), to the service either.
The service's documents are read back through its document API, the stock systems' by id.
"""
from __future__ import annotations

import bisect
import itertools
import random
import sys
from collections import defaultdict

import regex

import baselines
import common
from arabic_text import FOLD, MARKS, words
from corpus_words import ARTICLE, SEQUENCE_CLITICS
from querygen import plain_text, within_limits
from service_api import Api, read_tsv
from split import in_split

TOP = 10
SEED = 43
MIN_WORDS, MAX_WORDS = 2, 4
MIN_HOLDERS = 3
SCRIPTS = ("arabic", "latin")
_FOLD = {char: folded for char, folded in FOLD.items() if char != ord("ى")}  # see the docstring


def normalize(word: str) -> str:
    return MARKS.sub("", word).translate(_FOLD).casefold()


def line_of(text: str) -> str:
    """The text as its normalized words, spaced, with a space before and after."""
    return " " + " ".join(normalize(w) for w in words(text)) + " "


def sequence_pattern(name: str) -> str:
    """``name``'s words in order in a :func:`line_of`, the first with a clitic or the
    article before it or not."""
    found = [normalize(w) for w in words(name)]
    first = found[0].removeprefix(ARTICLE) if len(found[0]) > len(ARTICLE) + 1 else found[0]
    return f" {SEQUENCE_CLITICS}{regex.escape(first)} {' '.join(regex.escape(w) for w in found[1:])} "


def holds_in_order(line: str, names: list[str]) -> bool:
    return any(regex.search(sequence_pattern(name), line) for name in names)


def holds_apart(line: str, name: str) -> bool:
    """Every word of ``name`` in ``line`` (as written, normalized)."""
    return all(f" {normalize(w)} " in line for w in words(name))


class Corpus:
    """The documents as lines, and which of them hold a name in order."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.joined = "\n".join(lines)
        self.starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
        self.before: dict[str, set[str]] = defaultdict(set)  # word -> words seen right before it
        for line in lines:
            found = line.split()
            for first, second in zip(found, found[1:]):
                self.before[second].add(first)

    def may_hold(self, name: str) -> bool:
        """False when no document can hold ``name`` in order (a pair of its words never
        stands so; the first word may carry a clitic): most names stop here, cheaply."""
        found = [normalize(w) for w in words(name)]
        if any(first not in self.before.get(second, ()) for first, second in zip(found[1:], found[2:])):
            return False
        return any(word.endswith(found[0]) for word in self.before.get(found[1], ()))

    def holders(self, name: str) -> set[int]:
        return {bisect.bisect_right(self.starts, found.start()) - 1
                for found in regex.finditer(sequence_pattern(name), self.joined, overlapped=True)}


def name_queries(corpus: Corpus, split: str, count: int) -> list[dict]:
    """``count`` names (seeded sample) held in order by MIN_HOLDERS documents and apart by
    another: ``{"arabic", "latin", "spellings", "holders"}`` (holders per script)."""
    by_arabic: dict[str, set[str]] = defaultdict(set)
    by_latin: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv(common.NAMES):
        latin, arabic = row["latin"].strip(), row["arabic"].strip()
        if latin and arabic and in_split(latin, split):
            by_arabic[arabic].add(latin)
            by_latin[latin].add(arabic)
    pool = sorted(a for a in by_arabic if MIN_WORDS <= len(words(a)) <= MAX_WORDS
                  and within_limits(a) and plain_text(a) == a)
    random.Random(SEED).shuffle(pool)
    out = []
    for name in pool:
        if len(out) >= count:
            break
        holders = corpus.holders(name) if corpus.may_hold(name) else set()
        if len(holders) < MIN_HOLDERS or not any(n not in holders and holds_apart(line, name)
                                                 for n, line in enumerate(corpus.lines)):
            continue
        latin = sorted(by_arabic[name])[0]
        spellings = sorted(by_latin[latin])
        latin_holders = set().union(*(corpus.holders(s) for s in spellings if corpus.may_hold(s)))
        out.append({"arabic": name, "latin": latin, "spellings": spellings,
                    "holders": {"arabic": len(holders), "latin": len(latin_holders)}})
    return out


def _service_lines(api: Api, ids: list[str]) -> list[str]:
    """The service's documents, read back through its document API."""
    out = []
    for doc_id in ids:
        body = api.client.get(f"/api/documents/{doc_id}").get_json(silent=True) or {}
        text = "\n".join(p.get("text", "") for p in body.get("passages", []))
        out.append(line_of(f"{body.get('title', '')}\n{text}"))
    return out


def measure(systems: list, queries: list[dict], lines_by_id: dict[str, str]) -> None:
    for row in queries:
        for script in SCRIPTS:
            names = [row["arabic"]] if script == "arabic" else row["spellings"]
            wanted = min(TOP, row["holders"][script])
            row[script + "_in_order"], row[script + "_apart"] = {}, {}
            for system in systems:
                ids, _ = system.ids(row[script], TOP)
                found = (_service_lines(system, ids) if isinstance(system, Api)
                         else [lines_by_id.get(i, "") for i in ids])
                in_order = sum(holds_in_order(line, names) for line in found)
                row[script + "_in_order"][system.name] = round(in_order / wanted, 4)
                row[script + "_apart"][system.name] = len(found) - in_order


def run(docs: list[dict], systems: list, split: str, count: int) -> dict:
    """The part on ``docs`` (with ``id``, ``title``, ``body``) for ``systems`` already indexed."""
    lines = [line_of(f"{d['title']}\n{d['body']}") for d in docs]
    queries = name_queries(Corpus(lines), split, count)
    print(f"  names in order: {len(queries)} names", file=sys.stderr, flush=True)
    measure(systems, queries, {d["id"]: line for d, line in zip(docs, lines)})
    n = len(queries) or 1
    summary = {script: {system.name: {
        "in_order@10": round(sum(r[script + "_in_order"][system.name] for r in queries) / n, 4),
        "apart@10": round(sum(r[script + "_apart"][system.name] for r in queries) / n, 3)}
        for system in systems} for script in SCRIPTS}
    return {"queries": len(queries), "summary": summary, "rows": queries}


def render(part: dict, systems: list[str]) -> list[str]:
    rows = [[script, baselines.LABELS.get(name, "this service" if name == "service" else name),
             f"{part['summary'][script][name]['in_order@10']:.3f}",
             f"{part['summary'][script][name]['apart@10']:.2f}"]
            for script in SCRIPTS for name in systems]
    return [f"Names of several words the corpus holds both in order and apart ({part['queries']} "
            "names, each asked in Arabic and in Latin; `bench/eval_in_order.py`):", "",
            common.table(["query", "system", "in order@10", "apart@10"], rows)]
