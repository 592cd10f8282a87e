"""The index schema: field names, settings and mapping.

One module imported by the indexer (to build indices), the service (to query
them) and the tests.  Only Elasticsearch *core* features are used — the
``whitespace`` and ``keyword`` analyzers, ``completion`` — because all Arabic
analysis happens in Python (``analysis.py``); each analysed field receives a
whitespace-joined string of terms that Python computed.

Layout: one Elasticsearch document per *passage* (a sentence group of a source
document) carrying its document's metadata; searches collapse on ``doc_id`` so
a document appears once with its best passages as inner hits.  Suggestion
entries (``kind: term``) live in the same index so that one alias swap replaces
both atomically.
"""
from __future__ import annotations

# Document kinds stored in the index.
KIND = "kind"
KIND_PASSAGE = "passage"
KIND_TERM = "term"
KIND_WORD = "word"       # lexicon entry: one distinct written word of the corpus (lexicon.py)

# Metadata (per passage, copied from its document).
DOC_ID = "doc_id"
PASSAGE_NO = "passage_no"
TITLE = "title"
DATE = "date"
SOURCE = "source"
URL = "url"
EXTRA = "extra"          # unknown JSONL keys: stored, never indexed
TEXT = "text"            # the passage exactly as in the document (stored only)

# Analysed passage fields, strongest evidence first (see tiers.py).
EXACT = "exact"          # written forms without vowel marks (hamza forms, ة, ى kept)
NORM = "norm"            # normalized words, one per token: positions follow the text
READINGS = "readings"    # clitic-stripped readings (with their ة too)
STEM = "stem"            # light stems
PARTS = "parts"          # parts of run-together words
VARIANTS = "variants"    # other normalized spellings (hamza seats), the word with its ة
TITLE_TERMS = "title_terms"  # every form of every title word

# Lexicon entries (kind: word): a distinct normalized word and its name keys.  A name
# query finds its candidate spellings here, then Python decides which are the name.
WORD = "word"
KEYS = "keys"            # name keys of the word and of its clitic readings
VOWEL_KEYS = "vowel_keys"  # the same with long vowels: ranks candidates of one key

# Suggestion entries.
TERM = "term"            # the word as most often written
TERM_FREQ = "freq"
SUGGEST = "suggest"      # completion field fed with normalized prefixes

PASSAGE_FIELDS = (EXACT, NORM, VARIANTS, READINGS, STEM, PARTS)
ANALYSED_FIELDS = (*PASSAGE_FIELDS, TITLE_TERMS, KEYS, VOWEL_KEYS)

# Analysed fields only answer "does this passage contain term t?" (scores are constant
# per tier, see query.py): no frequencies, no positions, no length norms.  NORM and PARTS
# keep positions for phrase clauses.  None of them is kept in _source: the stored passage
# text is re-analysed when a hit is explained, so they would only cost disk and bulk time.
# The analysis an index was built with (mapping ``_meta``): raise ANALYSIS_VERSION whenever
# the same text would be indexed differently (tokens, forms, lexicon), so that the health
# check can say an index needs re-indexing instead of it silently matching less.
# 2: numbers keep their separators (11.1.3), compound-name and particle rules.
# 3: name keys read ث ذ ظ as sibilants too, Latin bh as ب + ح, a final -et as ة, German
#    st/sp/-stadt as ش, zh as ج, Slavic c as تس.
# 4: the final ى of على, إلى, حتى, متى, لدى is kept (normalize.MAKSURA_FUNCTION_WORDS);
#    a title word's readings are those the clitic tier asks for (documents.title_forms).
# 5: a title word is also held whole, marked (documents.WHOLE_WORD_MARK): a name's other
#    spellings match a title word as written, not as the reading of a longer word.
# 6: a word written with a final ة is also held with it, whole (VARIANTS, and TITLE_TERMS)
#    and as its clitic readings (READINGS): جدة is not جده "his grandfather" (marbuta.py).
ANALYSIS_META = "analysis_version"
ANALYSIS_VERSION = 6

_TERMS_ONLY = {"type": "text", "analyzer": "whitespace", "index_options": "docs", "norms": False}
_WITH_POSITIONS = {**_TERMS_ONLY, "index_options": "positions"}
POSITIONAL_FIELDS = (NORM, PARTS)


def passage_filter() -> dict:
    """The clause that keeps passages only (an index also holds lexicon and suggestion
    entries): a new dict each time, since callers nest it in their own requests."""
    return {"term": {KIND: KIND_PASSAGE}}


def index_mapping() -> dict:
    """The strict mapping of a versioned index."""
    properties = {name: dict(_WITH_POSITIONS if name in POSITIONAL_FIELDS else _TERMS_ONLY)
                  for name in ANALYSED_FIELDS}
    properties.update({
        KIND: {"type": "keyword"},
        WORD: {"type": "keyword"},
        DOC_ID: {"type": "keyword"},
        PASSAGE_NO: {"type": "integer"},
        TITLE: {"type": "text", "index": False},
        DATE: {"type": "date", "format": "strict_date_optional_time||yyyy-MM-dd||yyyy"},
        SOURCE: {"type": "keyword"},
        URL: {"type": "keyword", "index": False},
        EXTRA: {"type": "object", "enabled": False},
        TEXT: {"type": "text", "index": False},
        TERM: {"type": "keyword", "index": False},
        TERM_FREQ: {"type": "integer"},
        SUGGEST: {"type": "completion", "analyzer": "whitespace",
                  "preserve_separators": True, "max_input_length": 100},
    })
    return {"dynamic": "strict", "_source": {"excludes": list(ANALYSED_FIELDS)},
            "_meta": {ANALYSIS_META: ANALYSIS_VERSION}, "properties": properties}


def index_settings(shards: int = 1, replicas: int = 0) -> dict:
    """Settings of a versioned index; refresh is switched off while bulk loading."""
    return {
        "number_of_shards": shards,
        "number_of_replicas": replicas,
        "refresh_interval": "-1",
        "max_inner_result_window": 100,
    }

