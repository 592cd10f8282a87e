"""Did-you-mean: the query with each word replaced by the term suggester's best option.

Optional by design: a slow or failing look-up yields no suggestion, never an error.
"""
from __future__ import annotations

from elasticsearch import ApiError, Elasticsearch

from arabic_search import es
from arabic_search import mapping as m
from arabic_search.analysis import Token
from arabic_search.documents import term_id
from arabic_search.query import correction, did_you_mean_body

# Suggestions are looked for only when a search finds fewer documents than this
# (none: only there can a suggestion do better than the query).
DID_YOU_MEAN_BELOW = 1
# Seconds per optional look-up (suggester, then the written forms).
SURFACE_LOOKUP_TIMEOUT = 0.5


def _surface_forms(client: Elasticsearch, alias: str, words: list[str]) -> dict[str, str]:
    """normalized word -> its most frequent written form, from the index's term entries."""
    if not words:
        return {}
    try:
        docs = client.options(request_timeout=SURFACE_LOOKUP_TIMEOUT).mget(
            index=alias, ids=[term_id(word) for word in words], source=[m.TERM]).body["docs"]
    except (ApiError, *es.UNAVAILABLE_ERRORS):  # optional nicety: fall back to normalized forms
        return {}
    found = {doc["_id"]: doc["_source"][m.TERM]
             for doc in docs if doc.get("found") and doc.get("_source", {}).get(m.TERM)}
    return {word: found[term_id(word)] for word in words if term_id(word) in found}


def did_you_mean(client: Elasticsearch, alias: str, tokens: list[Token]) -> list[str]:
    """The query with each word replaced by the term suggester's option that may be
    another spelling of it (query.correction), if any changed."""
    try:
        response = client.options(request_timeout=SURFACE_LOOKUP_TIMEOUT).search(
            index=alias, body=did_you_mean_body(tokens)).body
    except (ApiError, *es.UNAVAILABLE_ERRORS):
        return []
    entries = response.get("suggest", {}).get("did_you_mean", [])
    if len(entries) != len(tokens):  # the suggester saw other words than our tokens
        return []
    replaced: dict[int, str] = {}
    for number, (token, entry) in enumerate(zip(tokens, entries)):
        options = [option.get("text") for option in entry.get("options") or []]
        better = correction(token, [text for text in options if isinstance(text, str)])
        if better and better != token.normalized:
            replaced[number] = better
    if not replaced:
        return []
    surface = _surface_forms(client, alias, sorted(set(replaced.values())))
    words = [surface.get(replaced[n], replaced[n]) if n in replaced else token.text
             for n, token in enumerate(tokens)]
    return [" ".join(words)]
