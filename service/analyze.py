"""The /api/analyze response without Flask: text -> tokens, with a bounded size.

A few characters can stand for many tokens: NFKC turns ﷺ into four words, and 450
of them (a 4 KB request) once produced 1,351 tokens and a 3.9 MB response (the
analyser now bounds that case itself).  Whatever the analyser does, the response
holds at most MAX_TOKENS tokens and MAX_TOKEN_BYTES bytes of token JSON;
``token_count`` is the full count and ``truncated`` says whether tokens were left out.
"""
from __future__ import annotations

import json

from arabic_search.analysis import analyze

MAX_TOKENS = 500               # ordinary text within the 2000-character limit has fewer
MAX_TOKEN_BYTES = 256 * 1024   # UTF-8 JSON of the returned tokens, all together


def _size(token: dict) -> int:
    return len(json.dumps(token, ensure_ascii=False).encode("utf-8", "replace"))


def analyze_response(text: str) -> dict:
    """``{"tokens": [...], "token_count": n, "truncated": bool}`` for ``text``."""
    tokens = analyze(text)
    shown: list[dict] = []
    budget = MAX_TOKEN_BYTES
    for token in tokens[:MAX_TOKENS]:
        as_dict = token.as_dict()
        budget -= _size(as_dict)
        if budget < 0:
            break
        shown.append(as_dict)
    return {"tokens": shown, "token_count": len(tokens), "truncated": len(shown) < len(tokens)}
