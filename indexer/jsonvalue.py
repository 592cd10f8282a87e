"""Hostile JSON values: nesting depth and lone surrogates, checked after parsing.

``json.loads`` accepts ``"\\ud800"`` (an escaped lone surrogate) and returns a
str that cannot be encoded as UTF-8: the bulk request would fail for the whole
chunk.  Such code points are *repaired* (replaced by U+FFFD, the replacement
character) and the repair is reported.  Deep nesting is refused: Python's parser
raises RecursionError past ~1000 levels and Elasticsearch's mappings stop at 20.
"""
from __future__ import annotations

import re

# Deeper JSON values (in unknown keys, stored under "extra") are refused; this is
# Elasticsearch's own default index.mapping.depth.limit.
MAX_DEPTH = 20
REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


class TooDeep(ValueError):
    """The value nests more than MAX_DEPTH levels."""


def repair(value: object, depth: int = 0) -> tuple[object, int]:
    """(``value`` with lone surrogates replaced, how many were replaced); raises TooDeep."""
    if isinstance(value, str):
        return _SURROGATE.subn(REPLACEMENT, value) if _SURROGATE.search(value) else (value, 0)
    if isinstance(value, (dict, list)):
        if depth >= MAX_DEPTH:
            raise TooDeep(f"JSON nested deeper than {MAX_DEPTH} levels")
        return _repair_container(value, depth + 1)
    return value, 0


def _repair_container(value: dict | list, depth: int) -> tuple[object, int]:
    total = 0
    if isinstance(value, list):
        items = []
        for item in value:
            fixed, count = repair(item, depth)
            items.append(fixed)
            total += count
        return items, total
    fields = {}
    for key, item in value.items():
        fixed_key, key_count = repair(key, depth)
        fixed, count = repair(item, depth)
        fields[fixed_key] = fixed
        total += key_count + count
    return fields, total
