"""Walk the paths given on the command line and read them as documents.

Everything here is a generator of :class:`Document` or :class:`Problem` records so
that a 30 MB (or 30 GB) corpus streams through the indexer with flat memory, and
so that a bad file or line becomes one reported problem instead of an exception
that would lose the good documents around it.  Only regular files are opened
(a FIFO in a folder would block the run for ever).
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from arabic_search.documents import document_id

from .files import NotRegular, open_regular, wide_encoding
from .jsonl import MAX_DOCUMENT_BYTES, read_jsonl
from .records import Document, Problem, Record

# A .txt first line this short, followed by a blank line, is the title.
MAX_TITLE_CHARS = 200
# A title derived from a .txt file's first sentence is cut at a word before this.
DERIVED_TITLE_CHARS = 120
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s|\n")
SUFFIXES = (".txt", ".jsonl")
FORMATS = "formats: .txt (one document per file) and .jsonl (one JSON object per line)"


def _ignore(_: int) -> None:
    return None


def read_paths(paths: list[str], on_bytes: Callable[[int], None] = _ignore) -> Iterator[Record]:
    """Every document (and problem) under ``paths``, in a deterministic order.

    ``on_bytes`` is told how many bytes were consumed, for progress by bytes.
    """
    for root in paths:
        if os.path.isdir(root):
            yield from _walk(root, on_bytes)
        elif os.path.lexists(root):
            yield from read_file(root, os.path.basename(root), on_bytes)
        else:
            yield Problem(root, None, "no such file or directory")


def data_files(paths: list[str]) -> Iterator[str]:
    """The paths of the .txt/.jsonl files under ``paths`` (for the byte total of the progress)."""
    for root in paths:
        if not os.path.isdir(root):
            yield root
            continue
        for folder, dirnames, filenames in os.walk(root):
            dirnames.sort()
            yield from (os.path.join(folder, name) for name in sorted(filenames))


def total_bytes(paths: list[str]) -> int:
    """Bytes of the regular data files under ``paths`` (what progress counts towards)."""
    total = 0
    for path in data_files(paths):
        try:
            info = os.stat(path)
        except OSError:
            continue
        if Path(path).suffix.lower() in SUFFIXES and os.path.isfile(path):
            total += info.st_size
    return total


def _walk(root: str, on_bytes: Callable[[int], None]) -> Iterator[Record]:
    """Files under ``root``, sorted, recursively; symlinked folders are not followed (loops)."""
    failures: list[OSError] = []
    for folder, dirnames, filenames in os.walk(root, onerror=failures.append):
        dirnames.sort()
        for failure in failures:
            yield Problem(failure.filename or folder, None, f"cannot read: {failure.strerror}")
        failures.clear()
        for name in sorted(filenames):
            path = os.path.join(folder, name)
            yield from read_file(path, Path(os.path.relpath(path, root)).as_posix(), on_bytes)
    for failure in failures:
        yield Problem(failure.filename or root, None, f"cannot read: {failure.strerror}")


def read_file(path: str, id_path: str, on_bytes: Callable[[int], None] = _ignore) -> Iterator[Record]:
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
            yield from _read_txt(path, id_path, on_bytes)
        else:
            yield from read_jsonl(path, id_path, on_bytes)
    except NotRegular as error:
        yield Problem(path, None, f"skipped: {error.kind}, not a regular file (never opened)",
                      error=False)
    except OSError as error:
        yield Problem(path, None, f"cannot read: {error.strerror or error}")


def _read_txt(path: str, id_path: str, on_bytes: Callable[[int], None]) -> Iterator[Record]:
    """A .txt file is one document; its size is checked before it is read whole."""
    with open_regular(path) as handle:
        if os.fstat(handle.fileno()).st_size > MAX_DOCUMENT_BYTES:
            yield Problem(path, None, f"file over {MAX_DOCUMENT_BYTES // 2**20} MB, skipped")
            return
        data = handle.read(MAX_DOCUMENT_BYTES + 1)
    on_bytes(len(data))
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
    encoding = wide_encoding(data)
    if encoding:
        return f"{encoding} file: only UTF-8 is read (convert it: iconv -f {encoding} -t UTF-8)"
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
