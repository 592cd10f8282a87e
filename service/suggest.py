"""Search-box completions without Flask: client + alias + prefix -> dict."""
from __future__ import annotations

from elasticsearch import Elasticsearch

from arabic_search import mapping as m
from arabic_search.normalize import normalize_word
from arabic_search.query import suggest_body


def suggest(client: Elasticsearch, alias: str, prefix: str, size: int) -> dict:
    """Completions of ``prefix`` from the index's term entries, most frequent first."""
    response = client.search(index=alias, body=suggest_body(normalize_word(prefix), size)).body
    suggestions = []
    for entry in response.get("suggest", {}).get("terms", []):
        for option in entry.get("options", []):
            source = option.get("_source", {})
            suggestions.append({"text": source.get(m.TERM, option.get("text")),
                                "freq": source.get(m.TERM_FREQ, 0)})
    return {"query": prefix, "suggestions": suggestions}
