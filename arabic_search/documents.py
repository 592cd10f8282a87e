"""Turn a source document into the passage documents we index (pure functions).

A hit should point at the passage that matched, so each document is cut into
passages of a few sentences and each passage becomes one index document with its
parent's metadata.  The analysed fields are whitespace-joined terms computed by
``analysis.analyze``; the original passage text is stored untouched.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

import regex

from . import mapping as m
from .analysis import WordForms, analyze, written_words

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


# Index field -> the forms of one word it holds (one record, WordForms, behind them all).
# EXACT and NORM hold exactly one term per word, in order: the indexer's term counter
# zips them, and NORM's positions serve the phrase clauses.
PASSAGE_FIELDS: dict[str, Callable[[WordForms], tuple[str, ...]]] = {
    m.EXACT: lambda forms: (forms.exact,),
    m.NORM: lambda forms: (forms.normalized,),
    m.VARIANTS: lambda forms: forms.variants,
    m.READINGS: lambda forms: forms.readings,
    m.STEM: lambda forms: (forms.stem,) if forms.stem else (),
    m.PARTS: lambda forms: forms.parts,
}


def analysed_fields(text: str) -> dict[str, str]:
    """The whitespace-joined term strings of one passage, one entry per PASSAGE_FIELDS."""
    fields: dict[str, list[str]] = {name: [] for name in PASSAGE_FIELDS}
    for _, forms in written_words(text):
        for name, terms_of in PASSAGE_FIELDS.items():
            fields[name].extend(terms_of(forms))
    return {name: " ".join(terms) for name, terms in fields.items()}


def title_forms(forms: WordForms) -> tuple[str, ...]:
    """The forms of a title word in TITLE_TERMS (the title clause asks for them; the
    explanation of a title match compares the same ones, ``tiers.title_check``)."""
    return (forms.normalized, *forms.readings, *forms.parts)


def title_terms(title: str) -> str:
    """Every form of every title word, for the title clause."""
    forms: dict[str, None] = {}
    for token in analyze(title):
        for form in title_forms(token.forms):
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
