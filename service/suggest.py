"""``/api/suggest``: a few small Elasticsearch requests, ranked by ``arabic_search.suggestions``."""
from __future__ import annotations

from elasticsearch import Elasticsearch

from arabic_search import mapping as m
from arabic_search.normalize import normalize_word
from arabic_search.suggestions import (PASSAGE_SAMPLE, SCAN_ROUNDS, Prefix, lexicon_request,
                                       merge, parse, scan_words, suggest_request)


# ``freq`` of a word found in passages but without a suggestion entry: the indexer keeps
# entries for words seen at least twice, so such a word was seen (about) once.
RARE_FREQ = 1


def _options(response: dict, name: str) -> list[dict]:
    return [option for entry in response.get("suggest", {}).get(name, [])
            for option in entry.get("options", [])]


def _lexicon_words(client: Elasticsearch, alias: str, prefix: Prefix) -> tuple[str, ...]:
    """The normalized words a Latin prefix may begin (none for Arabic input)."""
    if not prefix.keys:
        return ()
    hits = client.search(index=alias, body=lexicon_request(prefix)).body["hits"]["hits"]
    return tuple(sorted({hit["_source"][m.WORD] for hit in hits if hit["_source"].get(m.WORD)}))


def _scan(client: Elasticsearch, alias: str, prefix: Prefix, size: int, first: dict,
          words: tuple[str, ...]) -> list[str]:
    """Words completing ``prefix`` from sampled passages; further rounds leave out passages
    holding the words already found (a frequent word would fill every sample)."""
    response, found = first, []
    for _ in range(SCAN_ROUNDS):
        hits = response["hits"]["hits"]
        texts = [hit["_source"].get(m.TEXT, "") for hit in hits]
        found += [word for word in scan_words(prefix, texts) if word not in found]
        if len(hits) < PASSAGE_SAMPLE or len(found) >= size:
            break
        exclude = tuple(sorted({normalize_word(word) for word in found}))
        body = suggest_request(prefix, size, exclude, words)
        response = client.search(index=alias, body=body).body
    return found


def suggest(client: Elasticsearch, alias: str, text: str, size: int) -> dict:
    """Completions of the last word of ``text`` (the words before it kept), best first."""
    prefix = parse(text)
    if prefix is None:
        return {"query": text, "suggestions": []}
    words = _lexicon_words(client, alias, prefix)
    response = client.search(index=alias, body=suggest_request(prefix, size, words=words)).body
    freq: dict[str, int] = {}
    entries, fuzzy = [], []
    for name, bucket in (("exact", entries), ("fuzzy", fuzzy)):
        for option in _options(response, name):
            source = option.get("_source", {})
            word = source.get(m.TERM, option.get("text"))
            bucket.append(word)
            freq.setdefault(word, source.get(m.TERM_FREQ, 0))
    scanned = _scan(client, alias, prefix, size, response, words)
    phrases = merge(prefix, entries, scanned, fuzzy, size)
    return {"query": text, "suggestions": [
        {"text": phrase, "freq": freq.get(phrase.rsplit(" ", 1)[-1], RARE_FREQ)}
        for phrase in phrases]}
