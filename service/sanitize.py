"""Hostile text made safe at the service's two edges.

In: every request parameter passes ``clean_param`` before analysis or Elasticsearch.
Control characters (Unicode category Cc) become a space: they are never part of a
word, and some are reserved inside Elasticsearch (U+001F and U+001E separate
completion-suggester inputs, so ``/api/suggest?q=a%1Fb`` used to get a 400 from ES,
answered 502).  Format characters (Cf: bidi marks and embeddings, soft hyphen, BOM,
invisible operators) are removed, so a name pasted with an RLM inside is one word
again.  ZWNJ and ZWJ (U+200C, U+200D) are kept: they are part of correct Persian and
Urdu spelling (ZWNJ) and of shaping requests in Arabic script (ZWJ), and the
analyser already folds them away when it compares words, so keeping them changes
nothing for matching but keeps the echoed query as the user wrote it.
``/api/analyze`` only gets control characters blanked (same length, so offsets
still point into the text as sent), because it shows what indexing would do.

Out: Elasticsearch stores and returns JSON strings with lone surrogates (``"\\ud800"``)
that no UTF-8 encoder accepts; one such document made every search that found it a
500.  ``SafeJsonSerializer`` decodes responses (with orjson, falling back to the standard
library for such strings) and replaces each lone surrogate by U+FFFD before any code
sees the text.
"""
from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import orjson
from elasticsearch.serializer import JsonSerializer

JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ: kept (see above)
REPLACEMENT = "\ufffd"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# A JSON escape of a surrogate half: only such responses need the slow path.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF]")
_ORDINARY_WHITESPACE = frozenset("\t\n\r")


def _param_char(char: str) -> str:
    category = unicodedata.category(char)
    if category == "Cc":
        return " "
    if category == "Cf" and char not in JOINERS:
        return ""
    if category == "Cs":  # cannot come from a UTF-8 URL, but never pass one on
        return REPLACEMENT
    return char


def clean_param(text: str) -> str:
    """``text`` without control and format characters (see the module docstring)."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(_param_char(char) for char in text)


def clean_analyze_text(text: str) -> str:
    """``text`` with control characters other than tab/newline blanked, same length."""
    return "".join(" " if unicodedata.category(char) == "Cc" and char not in _ORDINARY_WHITESPACE
                   else char for char in text)


def safe_strings(value: Any) -> Any:
    """``value`` (decoded JSON) with every lone surrogate in keys and strings replaced."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub(REPLACEMENT, value)
    if isinstance(value, list):
        return [safe_strings(item) for item in value]
    if isinstance(value, dict):
        return {safe_strings(key): safe_strings(item) for key, item in value.items()}
    return value


class SafeJsonSerializer(JsonSerializer):
    """The client's JSON serializer, returning only strings that can be encoded as UTF-8.

    orjson first: a search's bodies and responses are large (a headline's: some 100 KB
    each way), and the standard library's encoder and decoder were a third of the
    service's own time per search.  orjson refuses a lone surrogate both ways, and then
    the standard library path below does what it always did."""

    def json_dumps(self, data: Any) -> bytes:
        try:
            return orjson.dumps(data, default=self.default)
        except (orjson.JSONEncodeError, TypeError):
            return super().json_dumps(data)

    def json_loads(self, data: bytes) -> Any:
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            pass
        decoded = json.loads(data)
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        return safe_strings(decoded) if _SURROGATE_ESCAPE.search(data) else decoded
