"""The records a source yields (Document, Problem) and validation of JSONL metadata.

Elasticsearch rejects a whole passage when one field does not fit the strict
mapping (``date`` is a ``date``, ``source`` a keyword...).  A bad date must not
lose the document, so metadata is checked here, before bulk: a bad value is
reported and dropped, and the document is indexed without it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex


@dataclass(frozen=True)
class Problem:
    """Something reported on stderr as ``path:line: reason`` (line omitted for whole files).

    ``error`` is False for mere notices (a skipped file), which do not change the exit code.
    """

    path: str
    line: int | None
    reason: str
    error: bool = True

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Document:
    """One source document, ready for ``passage_documents``; path/line say where it came from."""

    path: str
    line: int | None
    doc_id: str
    body: str
    title: str = ""
    date: str | None = None
    source: str | None = None
    url: str | None = None
    extra: dict = field(default_factory=dict)


Record = Document | Problem

# The subset of the mapping's "strict_date_optional_time||yyyy-MM-dd||yyyy" that we
# accept: YYYY, YYYY-MM-DD, or an ISO date-time with optional seconds, fraction, zone.
_DATE = regex.compile(
    r"[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?"
)


def clean_date(value: object, notes: list[str]) -> str | None:
    """``value`` as an index-ready date string, or None (with a note) if it is not a date."""
    if value is None or value == "":
        return None
    text = "" if isinstance(value, bool) or not isinstance(value, (str, int)) else str(value).strip()
    if _DATE.fullmatch(text) and _valid_calendar(text):
        return text
    notes.append(f"date {value!r} is not YYYY, YYYY-MM-DD or ISO 8601, date dropped")
    return None


def _valid_calendar(text: str) -> bool:
    """Reject well-formed but impossible dates (2021-02-30, 25:00) that ES would refuse."""
    if len(text) == 4:
        return True
    head, _, tail = text.partition(".")
    head += tail.lstrip("0123456789")  # fromisoformat wants 3 or 6 digits, ES takes 1-9
    try:
        dt.datetime.fromisoformat(head.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def optional_text(value: object, key: str, notes: list[str]) -> str | None:
    """A string metadata field: numbers become text, other types are reported and dropped."""
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    notes.append(f"{key} is not a string ({type(value).__name__}), {key} dropped")
    return None
