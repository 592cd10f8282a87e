"""Every spelling of a name at a glance: which written forms answered the query, how often.

A search for Waldhauser finds والدهاوزر, والدهاوسر and والدهاوسير.  The spellings are
read from the explained passages of the result page (the same matcher that highlights
them, so a chip and a ``<mark>`` always agree), then one ``filters`` aggregation over the
whole query counts the passages and documents holding each spelling (the ``exact``
field holds every written form).  Pure functions: request bodies in, API shapes out.

The forms a page will show are known only once its passages are explained, but most are
known before the search: each query word as written and its accepted name spellings
(:func:`expected_forms`).  Those are counted beside the search (the service sends the
count in the same round trip as the window's evidence); only a form of the page that
was not expected (a stem or another normalized spelling) needs a count of its own
afterwards.  Each form's count is its own filter's, so counting it in one request or
another gives the same chips.

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
# At most this many expected forms are counted by the search (a name may have dozens of
# accepted spellings; a page shows at most MAX_SPELLINGS).
MAX_EXPECTED = 40


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


def expected_forms(plan) -> list[str]:
    """The written forms a result page of ``plan`` (a completed QueryPlan) most likely
    shows: each query word as written, its accepted spellings (and those that count
    beside the rest of the name), the translated names' words (a guess: counting a form
    the page does not show costs little and changes nothing)."""
    forms: dict[str, None] = {}
    for word in plan.words:
        forms[exact_form(word.token.text)] = None
        forms.update((name.written, None) for name in (*word.names, *word.beside))
    forms.update((" ".join(name.words), None) for exonym in plan.exonyms for name in exonym.names)
    return [form for form in forms if form][:MAX_EXPECTED]


def spellings_aggs(forms: list[str]) -> dict:
    """The ``aggs`` entry counting, among a search's matches, the passages and documents
    holding each written form."""
    filters = {form: spelling_clause(form) for form in forms}
    documents = {"cardinality": {"field": m.DOC_ID, "precision_threshold": DOCUMENT_COUNT_PRECISION}}
    return {SPELLINGS_AGG: {"filters": {"filters": filters}, "aggs": {DOCUMENTS_AGG: documents}}}


def spellings_body(query: dict, forms: list[str]) -> dict:
    """Count, among the passages ``query`` matches, those holding each written form."""
    return {"size": 0, "query": query, "track_total_hits": False, "aggs": spellings_aggs(forms)}


def counted(response: dict | None) -> dict[str, dict]:
    """form -> its bucket, for every form a response's spellings aggregation counted."""
    aggregations = (response or {}).get("aggregations")
    buckets = aggregations.get(SPELLINGS_AGG, {}).get("buckets") if isinstance(aggregations, dict) else None
    return buckets if isinstance(buckets, dict) else {}


def read_spellings(buckets: dict[str, dict], how: dict[str, str]) -> list[dict]:
    """``[{text, count, documents, how}]`` of the forms in ``how``, most frequent first
    (then in ``how``'s order); forms not found are dropped.  ``buckets``: ``counted``
    of one response, or of several merged."""
    order = {form: number for number, form in enumerate(how)}
    rows = [{"text": form, "count": int(bucket.get("doc_count", 0)),
             "documents": int(bucket.get(DOCUMENTS_AGG, {}).get("value", 0)), "how": how[form]}
            for form, bucket in buckets.items() if form in how]
    return sorted((row for row in rows if row["count"]),
                  key=lambda row: (-row["count"], order[row["text"]]))

