"""Autocomplete for the search box: request body and ranking (pure functions).

The last word typed is completed and the words before it are kept.  Three sources,
in this order of trust:

1. the index's suggestion entries (``documents.term_document``) whose normalized
   form *starts with* the prefix, most frequent first;
2. words of passages that hold a word with that prefix (``prefix`` query on the
   normalized field; for Latin input, the lexicon's words whose name key starts with
   the input's key: ``Wald`` -> FLD, a prefix of والدهاوزر's FLDHSR).  This
   finds rare names, which the suggestion entries leave out on a large corpus, and
   with earlier words typed it prefers the word that follows them (فائز الس -> السراج);
3. fuzzy completions (one edit), only to fill what is left: they must never push out
   a real completion (والده must give والدهاوزر before والدور).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from . import mapping as m
from .analysis import analyze, word_forms
from .normalize import normalize_word
from .tokens import word_spans

MIN_PREFIX = 2          # letters of the last word before anything is suggested
MIN_SCAN_PREFIX = 3     # letters before passages are scanned (shorter prefixes match everything)
MIN_SCAN_KEY = 3        # name-key letters of a Latin prefix before it is completed (SK: too many)
FUZZY_FROM = 4          # prefix length from which fuzzy completions are asked for
PASSAGE_SAMPLE = 30     # passages scanned for words per request
LEXICON_WORDS = 50      # lexicon words looked at for a Latin prefix
SCAN_ROUNDS = 3         # requests at most: each one leaves out the words already found
MAX_HEAD_WORDS = 6


@dataclass(frozen=True)
class Prefix:
    """What was typed: the words kept as they are, and the last word to complete."""

    head: str
    word: str
    script: str = ""
    normalized: str = ""
    keys: tuple[str, ...] = ()
    head_norms: tuple[str, ...] = field(default_factory=tuple)


def parse(text: str) -> Prefix | None:
    """None when there is nothing to complete (blank, trailing space, too short, no letters)."""
    if not text.strip() or text[-1].isspace():
        return None
    words = text.split()
    word, head = words[-1], " ".join(words[:-1][-MAX_HEAD_WORDS:])
    tokens = analyze(word)
    if len(word) < MIN_PREFIX or not tokens:
        return None
    token = tokens[-1]
    keys = tuple(key for key in token.keys if len(key) >= MIN_SCAN_KEY) if token.script == "latin" else ()
    return Prefix(head, word, token.script, normalize_word(word), keys,
                  tuple(t.normalized for t in analyze(head)))


def lexicon_request(prefix: Prefix) -> dict:
    """Lexicon entries (every distinct word, ``lexicon.py``) whose name key starts with
    the Latin prefix's key: the Arabic words the input may be the beginning of."""
    return {"size": LEXICON_WORDS, "_source": [m.WORD], "query": {"bool": {
        "filter": [{"term": {m.KIND: m.KIND_WORD}},
                   {"bool": {"should": [{"prefix": {m.KEYS: key}} for key in prefix.keys],
                             "minimum_should_match": 1}}]}}}


def suggest_request(prefix: Prefix, size: int, exclude: tuple[str, ...] = (),
                    words: tuple[str, ...] = ()) -> dict:
    """A search request: passages to scan (query) plus, unless ``exclude`` is given, the
    completion suggesters.  ``exclude`` (normalized words already found) leaves out passages
    holding them, so that a frequent word cannot fill every sampled passage; ``words`` are
    the lexicon's answer for a Latin prefix."""
    completion = {"field": m.SUGGEST, "size": size, "skip_duplicates": True}
    suggest = {"exact": {"prefix": prefix.normalized, "completion": completion}}
    if len(prefix.normalized) >= FUZZY_FROM and prefix.script == "arabic":
        suggest["fuzzy"] = {"prefix": prefix.normalized, "completion": {
            **completion, "fuzzy": {"fuzziness": 1, "prefix_length": 2}}}
    if prefix.keys:
        scan = [{"terms": {m.NORM: sorted(words)}}] if words else []
    elif len(prefix.normalized) >= MIN_SCAN_PREFIX:
        scan = [{"prefix": {m.NORM: prefix.normalized}}]
    else:
        scan = []
    body: dict = {"size": PASSAGE_SAMPLE if scan else 0, "_source": [m.TEXT, m.TERM, m.TERM_FREQ]}
    if not exclude:
        body["suggest"] = suggest
    query: dict = {"bool": {"filter": [m.passage_filter()]}}
    if scan:
        query["bool"]["filter"].append({"bool": {"should": scan, "minimum_should_match": 1}})
    if exclude:
        query["bool"]["must_not"] = [{"terms": {m.NORM: sorted(exclude)}}]
    if prefix.head_norms:
        query["bool"]["should"] = [{"terms": {m.NORM: sorted(set(prefix.head_norms))}}]
    body["query"] = query
    return body


def _specificity(prefix: Prefix, written: str) -> int:
    """How much of the prefix ``written`` completes: its length for a spelled prefix, the
    longest matching key for a Latin one (Waldhau: FLDH beats FLD); 0 when it does not."""
    if normalize_word(written).startswith(prefix.normalized) and len(written) > len(prefix.word):
        return len(prefix.normalized)
    if not prefix.keys:
        return 0
    keys = [key for forms in word_forms(written) for key in forms.keys]
    return max((len(wanted) for wanted in prefix.keys for key in keys if key.startswith(wanted)),
               default=0)


def scan_words(prefix: Prefix, texts: list[str]) -> list[str]:
    """Written words of ``texts`` that complete ``prefix``: those right after the last
    head word first, then the most specific, then by how often they occur."""
    counts: Counter[str] = Counter()
    specific: dict[str, int] = {}
    following: Counter[str] = Counter()
    last_head = prefix.head_norms[-1] if prefix.head_norms else None
    for text in texts:
        previous = None
        for start, end in word_spans(text):
            written = text[start:end]
            if written not in specific:
                specific[written] = _specificity(prefix, written)
            if specific[written]:
                counts[written] += 1
                following[written] += previous == last_head and last_head is not None
            previous = normalize_word(written)
    return sorted(counts, key=lambda word: (-following[word], -specific[word], -counts[word], word))


def merge(prefix: Prefix, entries: list[str], scanned: list[str], fuzzy: list[str],
          size: int) -> list[str]:
    """Completed phrases (head kept), best first, without repeats."""
    ordered = ([*scanned[:1], *entries, *scanned, *fuzzy] if prefix.head
               else [*entries, *scanned, *fuzzy])
    seen: dict[str, None] = {}
    for word in ordered:
        key = normalize_word(word)
        if key not in {normalize_word(other) for other in seen}:
            seen[word] = None
    words = list(seen)[:size]
    return [f"{prefix.head} {word}" if prefix.head else word for word in words]
