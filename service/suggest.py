"""``/api/suggest``: one Elasticsearch request, ranked by ``arabic_search.suggestions``."""
from __future__ import annotations

from elasticsearch import Elasticsearch

from arabic_search import mapping as m
from arabic_search.suggestions import merge, parse, scan_words, suggest_request


def _options(response: dict, name: str) -> list[dict]:
    return [option for entry in response.get("suggest", {}).get(name, [])
            for option in entry.get("options", [])]


def suggest(client: Elasticsearch, alias: str, text: str, size: int) -> dict:
    """Completions of the last word of ``text`` (the words before it kept), best first."""
    prefix = parse(text)
    if prefix is None:
        return {"query": text, "suggestions": []}
    response = client.search(index=alias, body=suggest_request(prefix, size)).body
    freq: dict[str, int] = {}
    entries, fuzzy = [], []
    for name, bucket in (("exact", entries), ("fuzzy", fuzzy)):
        for option in _options(response, name):
            source = option.get("_source", {})
            word = source.get(m.TERM, option.get("text"))
            bucket.append(word)
            freq.setdefault(word, source.get(m.TERM_FREQ, 0))
    texts = [hit["_source"].get(m.TEXT, "") for hit in response["hits"]["hits"]]
    scanned = scan_words(prefix, texts)
    phrases = merge(prefix, entries, scanned, fuzzy, size)
    return {"query": text, "suggestions": [
        {"text": phrase, "freq": freq.get(phrase.rsplit(" ", 1)[-1], 0)} for phrase in phrases]}
