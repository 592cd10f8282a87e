"""The records a source yields (Document, Problem) and the field rules of JSONL metadata.

Elasticsearch rejects a whole passage when one field does not fit the strict
mapping (``date`` is a ``date``, ``source`` a keyword...).  A bad field must not
lose the document, so metadata is checked here, before bulk, the way
Elasticsearch will check it: a bad value is reported and dropped, and the
document is indexed without it (field-level rule: drop the field, keep the document).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import urllib.parse
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

    @property
    def where(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


Record = Document | Problem

# Keyword fields (source, url) and titles longer than this are dropped.  Elasticsearch
# refuses keyword terms over 32766 bytes (and with them the whole passage); no real
# source name, URL or title comes near 2 KB.
MAX_FIELD_BYTES = 2048
# Passage ids are "<doc_id>:<n>" and Elasticsearch refuses ids over 512 bytes (failing
# the whole bulk request).  Longer document ids are replaced by ``bounded_id``.
MAX_ID_BYTES = 256
_ID_PREFIX_BYTES = 200
URL_SCHEMES = ("http", "https")
# Elasticsearch (java.time) accepts zone offsets up to +/-18:00 only.
MAX_OFFSET_MINUTES = 18 * 60

# The subset of the mapping's "strict_date_optional_time||yyyy-MM-dd||yyyy" that we
# accept: YYYY, YYYY-MM-DD, or an ISO date-time with optional seconds, fraction, zone.
_DATE = regex.compile(
    r"[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?"
)
_OFFSET = regex.compile(r"([+-])([0-9]{2}):([0-9]{2})$")
_UNSAFE_URL = regex.compile(r"[\s\p{Cc}]")


def clean_date(value: object, notes: list[str]) -> str | None:
    """``value`` as an index-ready date string, or None (with a note) if ES would refuse it."""
    if value is None or value == "":
        return None
    text = "" if isinstance(value, bool) or not isinstance(value, (str, int)) else str(value).strip()
    if _DATE.fullmatch(text) and _valid_calendar(text) and _valid_offset(text):
        return text
    notes.append(f"date {_shown(value)} is not YYYY, YYYY-MM-DD or ISO 8601 "
                 f"(offset within +/-18:00), date dropped")
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


def _valid_offset(text: str) -> bool:
    found = _OFFSET.search(text) if "T" in text else None
    return not found or int(found.group(2)) * 60 + int(found.group(3)) <= MAX_OFFSET_MINUTES


def optional_text(value: object, key: str, notes: list[str]) -> str | None:
    """A string metadata field of at most MAX_FIELD_BYTES; other types are reported and dropped."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if value is not None and not isinstance(value, str):
        notes.append(f"{key} is not a string ({type(value).__name__}), {key} dropped")
        return None
    if value and len(value.encode("utf-8", "surrogatepass")) > MAX_FIELD_BYTES:
        notes.append(f"{key} over {MAX_FIELD_BYTES} bytes, {key} dropped")
        return None
    return value or None


def clean_url(value: object, notes: list[str]) -> str | None:
    """An absolute http(s) URL; ``javascript:``, ``data:``, relative or spaced URLs are dropped.

    The service renders ``url`` as a link, so any other scheme is a script injection.
    """
    text = optional_text(value, "url", notes)
    if text is None:
        return None
    try:
        parts = urllib.parse.urlsplit(text.strip())
    except ValueError:
        parts = None
    if parts and parts.scheme.lower() in URL_SCHEMES and parts.netloc and not _UNSAFE_URL.search(
            text.strip()):
        return text.strip()
    notes.append(f"url {_shown(text)} is not an absolute http(s) URL, url dropped")
    return None


def bounded_id(doc_id: str, notes: list[str]) -> str:
    """``doc_id`` itself, or for ids over MAX_ID_BYTES: a 200-byte prefix + '~' + a hash of the whole.

    The derived id is stable (re-runs replace, never duplicate) and still readable.
    """
    raw = doc_id.encode("utf-8", "surrogatepass")
    if len(raw) <= MAX_ID_BYTES:
        return doc_id
    prefix = raw[:_ID_PREFIX_BYTES].decode("utf-8", "ignore")
    derived = f"{prefix}~{hashlib.sha256(raw).hexdigest()[:24]}"
    notes.append(f"id over {MAX_ID_BYTES} bytes, indexed as {_shown(derived)}")
    return derived


def _shown(value: object, limit: int = 60) -> str:
    """A value quoted for a report, cut so a 40,000-character field does not flood stderr."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "...'"
