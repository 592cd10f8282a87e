"""Every spelling of a name at a glance: which written forms answered the query, how often.

A search for Waldhauser finds والدهاوزر, والدهاوسر and والدهاوسير.  The spellings are
read from the explained passages of the result page (the same matcher that highlights
them, so a chip and a ``<mark>`` always agree), then one ``filters`` aggregation over the
whole query counts the passages and documents holding each spelling (the ``exact``
field holds every written form).  Pure functions: request bodies in, API shapes out.

A spelling is the written word without vowel marks.  A clitic match (بطرابلس for
طرابلس) is the same spelling with a prefix, not another spelling, so it is left out,
as is a prefixed form of a spelling that is there too.  A translated name of several
words (القيادة الأمريكية لأفريقيا for Africom) is one spelling.
"""
from __future__ import annotations

from . import mapping as m
from .exonyms import norm_words
from .normalize import exact_form

# Match kinds that are no spelling of their own.
NOT_A_SPELLING = frozenset({"clitic"})
MAX_SPELLINGS = 20
# Proclitics (conjunction, preposition, both) a found form may carry.
PROCLITIC_PREFIXES = ("و", "ف", "ب", "ك", "ل", "وب", "ول", "فب", "فل", "وك")
SPELLINGS_AGG = "spellings"
DOCUMENTS_AGG = "documents"
# Exact below this many distinct documents per spelling (cardinality's precision threshold).
DOCUMENT_COUNT_PRECISION = 3000


def candidates(hits: list[dict], narrowed_to: str | None = None) -> dict[str, str]:
    """Spellings in explained hits (the API's ``hits``): written form -> how it matched,
    in order of first appearance; the spelling the results are narrowed to comes first."""
    found: dict[str, str] = {}
    if narrowed_to:
        found[exact_form(narrowed_to)] = ""
    for hit in hits:
        for passage in hit.get("passages", []):
            for match in passage.get("matches", []):
                form = exact_form(match.get("text", ""))
                if form and match.get("how") not in NOT_A_SPELLING and not found.get(form):
                    found[form] = match.get("how", "")
    return dict(list(_without_proclitic_forms(found).items())[:MAX_SPELLINGS])


def _without_proclitic_forms(found: dict[str, str]) -> dict[str, str]:
    """Drop بطرابلس, لطرابلس when طرابلس is there too: a prefixed form is no other spelling."""
    return {form: how for form, how in found.items()
            if not any(form.startswith(prefix) and form[len(prefix):] in found
                       for prefix in PROCLITIC_PREFIXES)}


def spelling_clause(form: str) -> dict:
    """Passages holding ``form`` as written; a several-word name (القيادة الأمريكية
    لأفريقيا) as a phrase of its normalized words (the written forms have no positions)."""
    words = norm_words(form)
    if len(words) > 1:
        return {"match_phrase": {m.NORM: " ".join(words)}}
    return {"term": {m.EXACT: exact_form(form)}}


def spellings_body(query: dict, forms: list[str]) -> dict:
    """Count, among the passages ``query`` matches, those holding each written form."""
    filters = {form: spelling_clause(form) for form in forms}
    documents = {"cardinality": {"field": m.DOC_ID, "precision_threshold": DOCUMENT_COUNT_PRECISION}}
    return {"size": 0, "query": query, "track_total_hits": False,
            "aggs": {SPELLINGS_AGG: {"filters": {"filters": filters},
                                     "aggs": {DOCUMENTS_AGG: documents}}}}


def read_spellings(response: dict, how: dict[str, str]) -> list[dict]:
    """``[{text, count, documents, how}]``, most frequent first; forms not found are dropped."""
    buckets = response.get("aggregations", {}).get(SPELLINGS_AGG, {}).get("buckets", {})
    rows = [{"text": form, "count": int(bucket.get("doc_count", 0)),
             "documents": int(bucket.get(DOCUMENTS_AGG, {}).get("value", 0)), "how": how.get(form, "")}
            for form, bucket in buckets.items()]
    rows = [row for row in rows if row["count"]]
    order = list(how)
    return sorted(rows, key=lambda row: (-row["count"], order.index(row["text"])
                                         if row["text"] in order else len(order)))

