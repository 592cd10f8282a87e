"""Request parameter validation: one helper per request kind, each raising a 400 ServiceError.

The limits below are the documented ones (README and ``openapi.json``).  Every value
is read through ``_arg``, which removes control and format characters first
(``sanitize.clean_param``), so nothing else sees them.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass

from arabic_search.tokens import word_spans

from .errors import bad_request
from .sanitize import clean_analyze_text, clean_param

MAX_QUERY_CHARS = 200        # after stripping surrounding whitespace
MAX_QUERY_WORDS = 12         # analysed words (tokens)
MAX_SIZE = 50
DEFAULT_SIZE = 10
RESULT_WINDOW = 1000         # page * size may not exceed this
MAX_SOURCE_CHARS = 200
MAX_SPELLING_CHARS = 100     # a spelling chip's text (narrows the results to it)
MAX_SPELLING_WORDS = 6       # a translated name may be several words (القيادة الأمريكية لأفريقيا)
MAX_PREFIX_CHARS = 100       # /api/suggest (the completion field's max input length)
DEFAULT_SUGGESTIONS = 8
MAX_ANALYZE_CHARS = 2000     # /api/analyze
FUZZY_VALUES = {"on": True, "off": False}
SORT_VALUES = ("relevance", "date")
EXPLAIN_VALUES = {"0": False, "1": True, "false": False, "true": True}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class SearchParams:
    q: str
    page: int = 1
    size: int = DEFAULT_SIZE
    fuzzy: bool = True
    source: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    spelling: str | None = None
    sort: str = "relevance"
    explain: bool = False

    def query_args(self, **changes) -> dict:
        """The query-string arguments that reproduce this search (for links)."""
        args = {"q": self.q, "page": self.page, "size": self.size,
                "fuzzy": "on" if self.fuzzy else "off", "source": self.source,
                "date_from": self.date_from, "date_to": self.date_to, "sort": self.sort,
                "spelling": self.spelling}
        args.update(changes)
        defaults = {"page": 1, "size": DEFAULT_SIZE, "fuzzy": "on", "sort": "relevance"}
        return {key: value for key, value in args.items()
                if value not in (None, "") and defaults.get(key) != value}


def _arg(args: Mapping, name: str) -> str:
    """The parameter ``name`` cleaned of control/format characters and stripped ("" if absent)."""
    return clean_param(args.get(name) or "").strip()


def _required_text(args: Mapping, name: str, limit: int, what: str) -> str:
    value = _arg(args, name)
    if not value:
        raise bad_request(f"missing_{what}", f"Parameter '{name}' is required and may not be blank.")
    if len(value) > limit:
        raise bad_request(f"{what}_too_long",
                          f"Parameter '{name}' is {len(value)} characters long; the limit is {limit}.")
    return value


def _integer(args: Mapping, name: str, default: int, low: int, high: int | None) -> int:
    raw = _arg(args, name)
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise bad_request(f"invalid_{name}", f"Parameter '{name}' must be an integer {bound}.")
    return value


def _date(args: Mapping, name: str) -> str | None:
    raw = _arg(args, name)
    if not raw:
        return None
    try:
        if not _DATE.fullmatch(raw):
            raise ValueError(raw)
        datetime.date.fromisoformat(raw)
    except ValueError:
        raise bad_request("invalid_date",
                          f"Parameter '{name}' must be a date written YYYY-MM-DD.") from None
    return raw


def search_params(args: Mapping) -> SearchParams:
    """Validate /api/search (and the HTML page) arguments; raise a 400 ServiceError if wrong."""
    q = _required_text(args, "q", MAX_QUERY_CHARS, "query")
    words = sum(1 for _ in word_spans(q))  # counted, not analysed: search analyses once
    if words > MAX_QUERY_WORDS:
        raise bad_request("too_many_words",
                          f"The query has {words} words; the limit is {MAX_QUERY_WORDS}.")
    page = _integer(args, "page", 1, 1, None)
    size = _integer(args, "size", DEFAULT_SIZE, 1, MAX_SIZE)
    if page * size > RESULT_WINDOW:
        raise bad_request("result_window_exceeded",
                          f"page * size must not exceed {RESULT_WINDOW} (got {page} * {size}).")
    fuzzy_raw = (_arg(args, "fuzzy") or "on").lower()
    if fuzzy_raw not in FUZZY_VALUES:
        raise bad_request("invalid_fuzzy", "Parameter 'fuzzy' must be 'on' or 'off'.")
    source = _arg(args, "source") or None
    if source and len(source) > MAX_SOURCE_CHARS:
        raise bad_request("source_too_long",
                          f"Parameter 'source' may be at most {MAX_SOURCE_CHARS} characters long.")
    date_from, date_to = _date(args, "date_from"), _date(args, "date_to")
    if date_from and date_to and date_from > date_to:
        raise bad_request("invalid_date_range", "'date_from' must not be later than 'date_to'.")
    sort = (_arg(args, "sort") or "relevance").lower()
    if sort not in SORT_VALUES:
        raise bad_request("invalid_sort", "Parameter 'sort' must be 'relevance' or 'date'.")
    explain_raw = (_arg(args, "explain") or "0").lower()
    if explain_raw not in EXPLAIN_VALUES:
        raise bad_request("invalid_explain", "Parameter 'explain' must be 0 or 1.")
    return SearchParams(q=q, page=page, size=size, fuzzy=FUZZY_VALUES[fuzzy_raw],
                        source=source, date_from=date_from, date_to=date_to, sort=sort,
                        explain=EXPLAIN_VALUES[explain_raw], spelling=_spelling(args))


def _spelling(args: Mapping) -> str | None:
    """The optional ``spelling`` (a written word or name) the results are narrowed to."""
    spelling = (args.get("spelling") or "").strip() or None
    if spelling and (len(spelling) > MAX_SPELLING_CHARS
                     or not 1 <= len(list(word_spans(spelling))) <= MAX_SPELLING_WORDS):
        raise bad_request("invalid_spelling", f"Parameter 'spelling' must be 1 to {MAX_SPELLING_WORDS} "
                                              f"words and at most {MAX_SPELLING_CHARS} characters.")
    return spelling


def suggest_params(args: Mapping) -> tuple[str, int]:
    """(prefix, size) for /api/suggest."""
    prefix = _required_text(args, "q", MAX_PREFIX_CHARS, "query")
    return prefix, _integer(args, "size", DEFAULT_SUGGESTIONS, 1, 20)


def analyze_params(args: Mapping) -> str:
    """The text for /api/analyze, unstripped so token offsets point into it (may not be blank)."""
    text = clean_analyze_text(args.get("text") or "")
    if not text.strip():
        raise bad_request("missing_text", "Parameter 'text' is required and may not be blank.")
    if len(text) > MAX_ANALYZE_CHARS:
        raise bad_request("text_too_long", f"Parameter 'text' is {len(text)} characters long; "
                                           f"the limit is {MAX_ANALYZE_CHARS}.")
    return text
