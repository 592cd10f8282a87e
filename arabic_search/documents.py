"""Turn a source document into the passage documents we index (pure functions).

A hit should point at the passage that matched, so each document is cut into
passages of a few sentences and each passage becomes one index document with its
parent's metadata.  The analysed fields are whitespace-joined terms computed by
``analysis.analyze``; the original passage text is stored untouched.
"""
from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterator

import regex

from . import mapping as m
from .analysis import WordForms, written_words, word_forms
from .clitics import behind_article
from .marbuta import redot
from .readings import plausible_reading
from .tokens import words

# Passages are cut at sentence ends and grow up to this many characters.
PASSAGE_TARGET = 400
# A single sentence longer than this is cut at a space.
PASSAGE_MAX = 1200
_SENTENCE_END = regex.compile(r"(?<=[.!?؟。…])\s+|\n\s*\n|\n")


def _long_pieces(sentence: str) -> Iterator[str]:
    """Cut an over-long sentence at spaces into pieces of at most PASSAGE_MAX chars."""
    while len(sentence) > PASSAGE_MAX:
        cut = sentence.rfind(" ", 0, PASSAGE_MAX)
        cut = cut if cut > 0 else PASSAGE_MAX
        yield sentence[:cut]
        sentence = sentence[cut:].lstrip()
    if sentence:
        yield sentence


def split_passages(body: str) -> list[str]:
    """Sentence groups of about PASSAGE_TARGET characters, each exactly as in ``body``."""
    passages: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(body):
        for piece in _long_pieces(sentence.strip()):
            if current and len(current) + 1 + len(piece) > PASSAGE_TARGET:
                passages.append(current)
                current = piece
            else:
                current = f"{current} {piece}" if current else piece
    if current:
        passages.append(current)
    return passages


def stem_term(forms: WordForms) -> tuple[str, ...]:
    """What a word adds to STEM: its light stem where that is not the word itself (two
    words in three are their own stem on prose.jsonl, and NORM holds them already:
    tiers._stem_clauses asks NORM for such a stem, exactly equivalent, docs/performance.md)."""
    return (forms.stem,) if forms.stem and forms.stem != forms.normalized else ()


# Index field -> the forms of one word it holds (one record, WordForms, behind them all).
# EXACT and NORM hold exactly one term per word, in order: the indexer's term counter
# zips them, and NORM's positions serve the phrase clauses.  A word written with a final
# ة is also held with it (marbuta.py), as a whole word in VARIANTS and as its readings in
# READINGS: no normalized form holds a ة, so the two kinds never meet.
PASSAGE_FIELDS: dict[str, Callable[[WordForms], tuple[str, ...]]] = {
    m.EXACT: lambda forms: (forms.exact,),
    m.NORM: lambda forms: (forms.normalized,),
    m.VARIANTS: lambda forms: forms.variants + ((forms.dotted,) if forms.dotted else ()),
    m.READINGS: lambda forms: (*forms.readings, *forms.dotted_readings),
    m.STEM: stem_term,
    m.PARTS: lambda forms: forms.parts,
}


# Distinct written words whose finished field fragments are kept (~0.4 KB each): a
# passage is then one look-up per word and one join per field.
FRAGMENTS_CACHE_SIZE = 100_000
TITLES_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=FRAGMENTS_CACHE_SIZE)
def word_fragments(word: str) -> tuple[str, ...]:
    """What one written word adds to each of PASSAGE_FIELDS (in their order): its terms,
    space-joined, '' when it has none."""
    forms = word_forms(word)
    return tuple(" ".join(term for one in forms for term in terms_of(one))
                 for terms_of in PASSAGE_FIELDS.values())


def analysed_fields(text: str) -> dict[str, str]:
    """The whitespace-joined term strings of one passage, one entry per PASSAGE_FIELDS.

    Words repeat (Zipf), so each distinct word's fragments are computed once
    (``word_fragments``) and a passage costs a look-up per word and a join per field.
    """
    fragments = [word_fragments(word) for word in words(text)]
    if not fragments:
        return {name: "" for name in PASSAGE_FIELDS}
    return {name: " ".join(filter(None, column))
            for name, column in zip(PASSAGE_FIELDS, zip(*fragments))}


# A title word's whole normalized form is also held marked so (``=كتاب``): another
# spelling of a name is a written word, which a passage holds only as a whole word (the
# name tiers ask EXACT), so a title must hold it whole too, not as the clitic reading of a
# longer word.  Unmarked, كتاب (read ك + تاب) held تاب, a guess for "Tayeb": every
# hadith of prose.jsonl is titled "كتاب ...", and "Tayeb" found 33,965 documents by their
# titles alone.
WHOLE_WORD_MARK = "="


def whole_title_word(normalized: str) -> str:
    """The TITLE_TERMS term of a title word as a whole word (WHOLE_WORD_MARK)."""
    return WHOLE_WORD_MARK + normalized


def title_forms(forms: WordForms) -> tuple[str, ...]:
    """The forms of a title word in TITLE_TERMS (the title clause asks for them; the
    explanation of a title match compares the same ones, ``titles.title_check``).  Its
    readings as the passages' clitic tier asks them (tiers._behind_clitics): behind any
    clitic a plausible one, behind the article any (the title لبسة does not hold the rare
    بسه, النجف holds نجف); and the word whole, marked, for the name spellings."""
    readings = tuple(reading for reading in forms.readings
                     if plausible_reading(reading) or behind_article(forms.normalized, reading))
    return (forms.normalized, *readings, *forms.parts, whole_title_word(forms.normalized),
            *_dotted_title_forms(forms, readings))


def _dotted_title_forms(forms: WordForms, readings: tuple[str, ...]) -> tuple[str, ...]:
    """The title word's dotted forms (marbuta.py, WordForms.dotted_readings) among those it
    holds: the title جدة holds جدة (whole, marked and as the reading of بجدة), which the
    title جده "his grandfather" does not."""
    dotted = frozenset(forms.dotted_readings)
    held = tuple(form for form in map(redot, readings) if form in dotted)
    return held + ((forms.dotted, whole_title_word(forms.dotted)) if forms.dotted else ())


@functools.lru_cache(maxsize=TITLES_CACHE_SIZE)
def title_terms(title: str) -> str:
    """Every form of every title word, for the title clause (cached: a collection's
    documents often share their title)."""
    forms: dict[str, None] = {}
    for _, word in written_words(title):
        for form in title_forms(word):
            forms.setdefault(form)
    return " ".join(forms)


def document_id(path: str, body: str) -> str:
    """Stable id of a document without one: a hash of where it came from and what it says."""
    digest = hashlib.sha256(f"{path}\0{body}".encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:20]


def passage_id(doc_id: str, number: int) -> str:
    """Index id of passage ``number`` of a document (passage 0 exists for every document)."""
    return f"{doc_id}:{number}"


def is_first_passage(es_id: str) -> bool:
    return es_id.endswith(":0")


def passage_documents(doc_id: str, body: str, title: str = "", date: str | None = None,
                      source: str | None = None, url: str | None = None,
                      extra: dict | None = None) -> Iterator[tuple[str, dict]]:
    """Yield (es_id, source) for each passage of one document."""
    metadata = {m.KIND: m.KIND_PASSAGE, m.DOC_ID: doc_id, m.TITLE: title,
                m.TITLE_TERMS: title_terms(title)}
    metadata.update({key: value for key, value in ((m.DATE, date), (m.SOURCE, source),
                                                   (m.URL, url), (m.EXTRA, extra)) if value})
    for number, passage in enumerate(split_passages(body)):
        fields = analysed_fields(passage)
        yield passage_id(doc_id, number), {**metadata, m.PASSAGE_NO: number, m.TEXT: passage, **fields}


def term_id(normalized: str) -> str:
    """Index id of the suggestion entry of a normalized word (looked up by the service)."""
    return f"term:{normalized}"


def term_document(normalized: str, surface: str, freq: int) -> tuple[str, dict]:
    """A suggestion entry: completes ``normalized`` prefixes, displays ``surface``."""
    return term_id(normalized), {
        m.KIND: m.KIND_TERM, m.TERM: surface, m.TERM_FREQ: freq,
        m.SUGGEST: {"input": [normalized], "weight": min(freq, 2**31 - 1)},
    }
