"""Walk the paths given on the command line and read them as documents.

Everything here is a generator of :class:`Document` or :class:`Problem` records so
that a 30 MB (or 30 GB) corpus streams through the indexer with flat memory, and
so that a bad file or line becomes one reported problem instead of an exception
that would lose the good documents around it.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from arabic_search.documents import document_id

from .records import Document, Problem, Record, clean_date, optional_text

# Anything bigger is not a document but an accident (a dump, a video renamed .txt).
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# A .txt first line this short, followed by a blank line, is the title.
MAX_TITLE_CHARS = 200
# A title derived from a .txt file's first sentence is cut at a word before this.
DERIVED_TITLE_CHARS = 120
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s|\n")
SUFFIXES = (".txt", ".jsonl")
KNOWN_KEYS = frozenset({"id", "title", "body", "date", "source", "url"})


def read_paths(paths: list[str]) -> Iterator[Record]:
    """Every document (and problem) under ``paths``, in a deterministic order."""
    for root in paths:
        if os.path.isdir(root):
            yield from _walk(root)
        elif os.path.lexists(root):
            yield from read_file(root, os.path.basename(root))
        else:
            yield Problem(root, None, "no such file or directory")


def _walk(root: str) -> Iterator[Record]:
    """Files under ``root``, sorted, recursively; symlinked folders are not followed (loops)."""
    failures: list[OSError] = []
    for folder, dirnames, filenames in os.walk(root, onerror=failures.append):
        dirnames.sort()
        for failure in failures:
            yield Problem(failure.filename or folder, None, f"cannot read: {failure.strerror}")
        failures.clear()
        for name in sorted(filenames):
            path = os.path.join(folder, name)
            yield from read_file(path, Path(os.path.relpath(path, root)).as_posix())
    for failure in failures:
        yield Problem(failure.filename or root, None, f"cannot read: {failure.strerror}")


def read_file(path: str, id_path: str) -> Iterator[Record]:
    """Documents of one file; ``id_path`` (relative to the argument) keys the stable ids.

    Ids depend on the path *relative to the folder given*, not on the working
    directory, so ``indexer data/`` and ``indexer /abs/data`` agree.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        yield Problem(path, None, "skipped (only .txt and .jsonl are indexed)", error=False)
        return
    try:
        if suffix == ".txt":
            yield from _read_txt(path, id_path)
        else:
            yield from _read_jsonl(path, id_path)
    except OSError as error:
        yield Problem(path, None, f"cannot read: {error.strerror or error}")


def _read_txt(path: str, id_path: str) -> Iterator[Record]:
    """A .txt file is one document; its size is checked before it is read whole."""
    if os.path.getsize(path) > MAX_DOCUMENT_BYTES:
        yield Problem(path, None, f"file over {MAX_DOCUMENT_BYTES // 2**20} MB, skipped")
        return
    with open(path, "rb") as handle:
        data = handle.read(MAX_DOCUMENT_BYTES + 1)
    problem = _check_bytes(data)
    if problem:
        yield Problem(path, None, problem)
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        yield Problem(path, None, f"invalid UTF-8 at byte {error.start}")
        return
    title, body = split_title(text.lstrip("\ufeff").replace("\r\n", "\n"), Path(path).stem)
    if not body:
        yield Problem(path, None, "empty body")
        return
    yield Document(path, None, document_id(id_path, body), body, title)


def _check_bytes(data: bytes) -> str:
    """Why ``data`` is not a text document ('' when it is one)."""
    if len(data) > MAX_DOCUMENT_BYTES:
        return f"file over {MAX_DOCUMENT_BYTES // 2**20} MB, skipped"
    if not data.strip():
        return "empty file"
    if b"\0" in data:
        return "binary file (NUL bytes), skipped"
    return ""


def split_title(text: str, fallback: str) -> tuple[str, str]:
    """(title, body): a short first line followed by a blank line is the title."""
    first, _, rest = text.partition("\n")
    second = rest.split("\n", 1)[0]
    if first.strip() and len(first.strip()) <= MAX_TITLE_CHARS and rest and not second.strip():
        return first.strip(), rest.strip()
    return first_sentence(text) or fallback, text.strip()


def first_sentence(text: str, limit: int = DERIVED_TITLE_CHARS) -> str:
    """The text's first sentence, cut at a word before ``limit`` characters (a title for
    a .txt file without a title line: better than its file name)."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0].rstrip("،,;؛:") + "…"
    return sentence


def _read_jsonl(path: str, id_path: str) -> Iterator[Record]:
    """One document per line; a bad line is reported and the others are kept."""
    with open(path, "rb") as handle:
        head = handle.read(8192)
        if b"\0" in head:
            yield Problem(path, None, "binary file (NUL bytes), skipped")
            return
        if not head.strip():
            yield Problem(path, None, "empty file")
            return
        handle.seek(0)
        for number, offset, line in _bounded_lines(handle, MAX_DOCUMENT_BYTES):
            if line is None:
                yield Problem(path, number, f"line over {MAX_DOCUMENT_BYTES // 2**20} MB, skipped")
            elif line.strip():
                yield from _jsonl_record(path, number, offset, line, id_path)


def _bounded_lines(handle, limit: int) -> Iterator[tuple[int, int, bytes | None]]:
    """(line number, byte offset, bytes) per line, with None for lines over ``limit``.

    ``for line in handle`` would load a multi-gigabyte line whole; this never
    holds more than ``limit`` bytes of one line.
    """
    number, offset = 0, 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        start, offset = offset, offset + len(line)
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = handle.readline(1 << 20)
                offset += len(line)
            yield number, start, None
        else:
            yield number, start, line


def _jsonl_record(path: str, number: int, offset: int, line: bytes,
                  id_path: str) -> Iterator[Record]:
    """Parse and validate one JSONL line into a Document, or explain why not."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as error:
        yield Problem(path, number, f"invalid UTF-8 at byte {offset + error.start}")
        return
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        yield Problem(path, number, f"invalid JSON: {error}")
        return
    if not isinstance(record, dict):
        yield Problem(path, number, f"not a JSON object but {type(record).__name__}")
        return
    yield from _jsonl_document(path, number, record, id_path)


def _jsonl_document(path: str, number: int, record: dict, id_path: str) -> Iterator[Record]:
    """Map a JSON object's keys to a Document; bad metadata is reported and dropped."""
    body = record.get("body")
    if not isinstance(body, str) or not body.strip():
        yield Problem(path, number, "missing, empty or non-string body, skipped")
        return
    if len(body.encode("utf-8", "surrogatepass")) > MAX_DOCUMENT_BYTES:
        yield Problem(path, number, f"body over {MAX_DOCUMENT_BYTES // 2**20} MB, skipped")
        return
    doc_id = record.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))):
        yield Problem(path, number, "id must be a string or an integer, skipped")
        return
    doc_id = str(doc_id) if doc_id not in (None, "") else document_id(id_path, body)
    fields, notes = {}, []
    for key in ("title", "source", "url"):
        fields[key] = optional_text(record.get(key), key, notes)
    date = clean_date(record.get("date"), notes)
    for note in notes:
        yield Problem(path, number, note)
    extra = {key: value for key, value in record.items() if key not in KNOWN_KEYS}
    yield Document(path, number, doc_id, body, fields["title"] or "", date,
                   fields["source"], fields["url"], extra)
