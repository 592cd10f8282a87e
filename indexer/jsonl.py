"""Read a .jsonl file: one document per line, each line judged on its own.

A bad line (invalid UTF-8 or JSON, a NUL byte, 10,000 levels of nesting, a lone
surrogate...) is reported as ``path:line: reason`` and the lines around it are
still read.  A UTF-8 BOM is accepted; a UTF-16/32 file is named as such.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from arabic_search.documents import document_id

from .files import UTF8_BOM, open_regular, wide_encoding
from .jsonvalue import TooDeep, repair
from .records import (Document, Problem, Record, bounded_id, clean_date, clean_url,
                      optional_text)

# Anything bigger is not a document but an accident (a dump, a video renamed .txt).
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
KNOWN_KEYS = frozenset({"id", "title", "body", "date", "source", "url"})
HEAD_BYTES = 8192
_MB = 2**20
NUL = b"\0"


def read_jsonl(path: str, id_path: str, on_bytes: Callable[[int], None]) -> Iterator[Record]:
    """One document per line; ``on_bytes`` is told how many bytes each line took."""
    with open_regular(path) as handle:
        head = handle.read(HEAD_BYTES)
        encoding = wide_encoding(head)
        if encoding:
            yield Problem(path, None, f"{encoding} file: only UTF-8 is read "
                                      f"(convert it: iconv -f {encoding} -t UTF-8)")
            return
        if not head.strip():
            yield Problem(path, None, "empty file")
            return
        handle.seek(0)
        for number, offset, line in bounded_lines(handle, MAX_DOCUMENT_BYTES):
            on_bytes(len(line or b"") or 1)
            if line is None:
                yield Problem(path, number, f"line over {MAX_DOCUMENT_BYTES // _MB} MB, skipped")
            elif line.strip():
                yield from _record(path, number, offset, line, id_path)


def bounded_lines(handle, limit: int) -> Iterator[tuple[int, int, bytes | None]]:
    """(line number, byte offset, bytes) per line, with None for lines over ``limit``.

    ``for line in handle`` would load a multi-gigabyte line whole; this never
    holds more than ``limit`` bytes of one line.  A UTF-8 BOM opening line 1 is dropped.
    """
    number, offset = 0, 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        start, offset = offset, offset + len(line)
        if number == 1 and line.startswith(UTF8_BOM):
            line, start = line[len(UTF8_BOM):], start + len(UTF8_BOM)
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = handle.readline(_MB)
                offset += len(line)
            yield number, start, None
        else:
            yield number, start, line


def _record(path: str, number: int, offset: int, line: bytes, id_path: str) -> Iterator[Record]:
    """Parse one line into a Document, or explain why not."""
    if b"\0" in line:
        yield Problem(path, number, f"NUL byte at byte {offset + line.index(NUL)}, line skipped")
        return
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        yield Problem(path, number, f"invalid UTF-8 at byte {offset + error.start}")
        return
    except json.JSONDecodeError as error:
        yield Problem(path, number, f"invalid JSON: {error}")
        return
    except RecursionError:
        yield Problem(path, number, "JSON nested too deep, line skipped")
        return
    if not isinstance(record, dict):
        yield Problem(path, number, f"not a JSON object but {type(record).__name__}")
        return
    try:
        record, repaired = repair(record)
    except TooDeep as error:
        yield Problem(path, number, f"{error}, line skipped")
        return
    if repaired:
        yield Problem(path, number, f"{repaired} lone surrogate(s) (like \\ud800) replaced by U+FFFD")
    yield from _document(path, number, record, id_path)


def _document(path: str, number: int, record: dict, id_path: str) -> Iterator[Record]:
    """Map a JSON object's keys to a Document; bad metadata is reported and dropped."""
    body = record.get("body")
    if not isinstance(body, str) or not body.strip():
        yield Problem(path, number, "missing, empty or non-string body, skipped")
        return
    if len(body.encode("utf-8")) > MAX_DOCUMENT_BYTES:
        yield Problem(path, number, f"body over {MAX_DOCUMENT_BYTES // _MB} MB, skipped")
        return
    doc_id = record.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))):
        yield Problem(path, number, "id must be a string or an integer, skipped")
        return
    notes: list[str] = []
    doc_id = bounded_id(str(doc_id), notes) if doc_id not in (None, "") else document_id(id_path, body)
    title, source = optional_text(record.get("title"), "title", notes), optional_text(
        record.get("source"), "source", notes)
    url, date = clean_url(record.get("url"), notes), clean_date(record.get("date"), notes)
    for note in notes:
        yield Problem(path, number, note)
    extra = {key: value for key, value in record.items() if key not in KNOWN_KEYS}
    yield Document(path, number, doc_id, body, title or "", date, source, url, extra)
