"""Opening input files safely: regular files only, and naming encodings we do not read.

A FIFO, socket or device found in a folder would block ``open`` or ``read`` for
ever (a FIFO waits for a writer, ``/dev/zero`` never ends), so only regular
files are opened, and they are opened non-blocking and checked again after
opening (the path may have been swapped in between).  UTF-16/32 files are named
as such instead of being reported line by line as "invalid UTF-8".
"""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))
UTF8_BOM = b"\xef\xbb\xbf"
_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32LE"), (b"\x00\x00\xfe\xff", "UTF-32BE"),
         (b"\xff\xfe", "UTF-16LE"), (b"\xfe\xff", "UTF-16BE"))
# Bytes looked at to recognise UTF-16 text without a BOM (ASCII letters then have a NUL twin).
SNIFF_BYTES = 200
# Share of the even (or odd) bytes that must be NUL for BOM-less text to be called UTF-16.
UTF16_NUL_SHARE = 0.4


class NotRegular(OSError):
    """The path is not a regular file; ``kind`` says what it is."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def file_kind(mode: int) -> str:
    """'' for a regular file, else what it is ("a FIFO", "a socket"...)."""
    if stat.S_ISREG(mode):
        return ""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path: str) -> BinaryIO:
    """Open ``path`` for binary reading; raise ``NotRegular`` (before any blocking read) if it is not a file."""
    kind = file_kind(os.stat(path).st_mode)
    if kind:
        raise NotRegular(kind)
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    kind = file_kind(os.fstat(descriptor).st_mode)
    if kind:
        os.close(descriptor)
        raise NotRegular(kind)
    return os.fdopen(descriptor, "rb")


def wide_encoding(head: bytes) -> str:
    """The name of the UTF-16/32 encoding ``head`` starts in, or '' (UTF-8, ASCII, binary...)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    sample = head[:SNIFF_BYTES]
    if len(sample) < 4:
        return ""
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= UTF16_NUL_SHARE * len(odd) and not even.count(0):
        return "UTF-16LE"
    if even.count(0) >= UTF16_NUL_SHARE * len(even) and not odd.count(0):
        return "UTF-16BE"
    return ""
